"""An exclusive, non-blocking, operating-system lock on a small file beside what it guards.

Used so that only one process at a time works on a thing that must not be shared (the
journal: two assistants resuming the same run could send the same files twice, or one
could delete the other's live upload session). The operating system releases the lock if
the process dies, so a crash or a kill never leaves a stale lock behind; nothing has to
be cleaned up by hand. The sandbox's state folder uses it too (app/sandbox/statelock.py).

Note: on POSIX `flock` locks belong to the open file, so a second `FileLock` on the same
path in the same process is refused too, exactly like another process.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

__all__ = ["FileLock", "LockHeld"]


class LockHeld(OSError):
    """Another open file (another process, or another lock object) holds the lock."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(f"{path} is locked" + (f" by process {holder}" if holder else ""))
        self.path = path
        self.holder = holder  # the holder's process id as it wrote it ("" if unknown)


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock or raise `LockHeld` at once (never waits)."""
        if self._handle is not None:
            return
        # 0600: the lock file says which process holds it; nobody else needs to read it.
        fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600)
        handle = os.fdopen(fd, "r+b")
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            holder = _read_holder(self.path)
            handle.close()
            raise LockHeld(self.path, holder) from error
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            # Closing the file releases the lock on every platform. The file stays: removing
            # it would race with a process that has just opened it to take the lock.
            self._handle.close()
            self._handle = None

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_holder(path: Path) -> str:
    try:
        text = path.read_bytes()[:32].decode("ascii", "replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""
