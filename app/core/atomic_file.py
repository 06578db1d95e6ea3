"""Files written whole or not at all: the receipts, reports, support bundles, saved checks.

Everything goes to a temporary name beside the target and is renamed into place at the
end: a reader (the officer, the service desk, the next run) never sees half a file, and
the previous file stays until the new one is complete. The temporary name is unique
(two writers never share it) and starts with a dot; it is removed when writing fails.
Errors are `OSError`s: each caller says in its own words what could not be saved.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

__all__ = ["open_atomically", "write_atomically"]


@contextmanager
def open_atomically(
    path: Path, mode: int = 0o600, *, encoding: str | None = None, newline: str | None = None
) -> Iterator[IO[Any]]:
    """A handle for streamed output (a zip, a report) that becomes `path` when the block
    ends without an error. Binary unless `encoding` is given; `mode`: the file's permissions
    (the default keeps the officer's file names and paths from other local accounts)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.stem[:20]}-", dir=target.parent)
    try:
        if encoding is None:
            handle: IO[Any] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with handle:
            yield handle
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: bytes, mode: int = 0o600) -> Path:
    """Write `data` to `path` atomically; returns `path`."""
    with open_atomically(path, mode) as handle:
        handle.write(data)
    return Path(path)
