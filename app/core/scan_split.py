"""A helper process that scans whole subtrees, so a CPU-bound scan uses a second core.

On a local or cached tree the scan is CPU-bound (Python work per file, plus one stat on
POSIX) and threads cannot help: they share one interpreter lock. A forked copy of the
process can: the walk hands it its shallowest pending folders (the biggest subtrees),
one at a time, and the helper sends back each subtree's records in a compact columnar
form that is cheap to rebuild (about a sixth of the cost of scanning the files again).

POSIX only (os.fork): a fork inherits the loaded code, so it works the same from a
frozen app, and costs milliseconds. The helper only lists folders and writes to a pipe
(no logging, no imports, no threads, no cyclic garbage collection), and leaves with
os._exit, so nothing of the parent (Qt, log handlers, atexit hooks, finalizers) runs in
it. The wizard still never forks it (scan(helper_process=False)): it runs on a thread of
a multi-threaded Qt process, and the app's real platform, Windows, has no fork anyway.
If the helper fails or dies, the walk takes its folder back and scans it itself; a
cancel kills it.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import select
import signal
import struct
from array import array
from collections.abc import Callable
from typing import Any

from app.core.inventory import FileEntry, FolderEntry, ScanProblem

AVAILABLE = hasattr(os, "fork") and hasattr(os, "pipe")

_HEADER = struct.Struct("<Q")


def _write_message(fd: int, payload: Any) -> None:
    data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunks: list[bytes] = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None  # the other side is gone
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _read_message(fd: int) -> Any:
    header = _read_exactly(fd, _HEADER.size)
    if header is None:
        raise EOFError
    data = _read_exactly(fd, _HEADER.unpack(header)[0])
    if data is None:
        raise EOFError
    # Only ever our own forked child on the other end of a private pipe.
    return pickle.loads(data)  # noqa: S301


def spare_core() -> bool:
    """Is a CPU core likely to be free for a helper process?

    On a machine already busy with other work a helper only adds CPU (handing records
    over costs ~10% of scanning them) without finishing sooner: measured on 2 cores at
    a load average of 6, the scan alone was faster.
    """
    cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]  # includes this scan itself (about 1)
    except (AttributeError, OSError):
        return cores >= 2
    return cores >= 2 and load <= cores - 0.5


class Helper:
    """One forked helper. `give(task)` while idle; `result()` when `ready()`."""

    def __init__(self, pid: int, to_child: int, from_child: int) -> None:
        self.pid = pid
        self._to_child = to_child
        self._from_child = from_child
        self.task: Any = None  # the task it is working on, None when idle
        self.dead = False

    @classmethod
    def start(cls, scan_subtree: Callable[[Any], Any]) -> Helper:
        """Fork a helper that answers each task with `scan_subtree(task)`."""
        task_read, task_write = os.pipe()
        result_read, result_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the helper: never returns
            code = 0
            try:
                # No cyclic collection here: it could run finalizers of the parent's garbage
                # (objects whose __del__ logs or takes a lock another thread of the parent
                # held at fork). Its own records form no cycles, and it leaves by os._exit.
                gc.disable()
                os.close(task_write)
                os.close(result_read)
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides
                while True:
                    try:
                        task = _read_message(task_read)
                    except EOFError:
                        break
                    if task is None:
                        break
                    try:
                        _write_message(result_write, ("ok", scan_subtree(task)))
                    except Exception as error:  # report it; the parent rescans the folder
                        _write_message(result_write, ("error", repr(error)))
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(task_read)
        os.close(result_write)
        return cls(pid, task_write, result_read)

    @property
    def idle(self) -> bool:
        return self.task is None and not self.dead

    def give(self, task: Any) -> None:
        try:
            _write_message(self._to_child, task)
        except OSError:
            self.dead = True
            raise
        self.task = task

    def wait(self, timeout_s: float) -> bool:
        """Wait up to `timeout_s` for a result; True when `result()` will not block."""
        if self.task is None:
            return False
        readable, _, _ = select.select([self._from_child], [], [], timeout_s)
        return bool(readable)

    def ready(self) -> bool:
        """A result is waiting (or the helper died): `result()` will not block."""
        return self.wait(0)

    def result(self) -> tuple[Any, Any | None]:
        """(task, payload) for the task given; payload None when the helper failed."""
        task, self.task = self.task, None
        try:
            status, payload = _read_message(self._from_child)
        except (EOFError, OSError, pickle.UnpicklingError):
            self.dead = True
            return task, None
        return task, payload if status == "ok" else None

    def close(self, *, kill: bool = False) -> None:
        if kill:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        else:
            with contextlib.suppress(OSError):
                _write_message(self._to_child, None)
        for fd in (self._to_child, self._from_child):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        self.dead = True


# -- the subtree's records, in columns: far cheaper to pickle and rebuild than objects --

SubtreePayload = tuple[Any, ...]


def encode_subtree(
    folders: list[FolderEntry],
    parents: list[int],
    counts: list[int],
    sizes: list[int],
    files: list[FileEntry],
    problems: list[ScanProblem],
) -> SubtreePayload:
    return (
        [folder.rel_path for folder in folders],
        bytes(folder.attributes for folder in folders),
        parents,
        counts,
        sizes,
        "\0".join([entry.rel_path for entry in files]),  # NUL never occurs in a name
        array("q", [entry.size for entry in files]).tobytes(),
        array("d", [entry.created for entry in files]).tobytes(),
        array("d", [entry.modified for entry in files]).tobytes(),
        bytes(entry.attributes for entry in files),  # Attr flags fit in a byte
        problems,
    )


def decode_subtree(
    payload: SubtreePayload,
) -> tuple[list[FolderEntry], list[int], list[int], list[int], list[FileEntry], list[ScanProblem]]:
    """(folders, parents (local; -1 for the subtree's top), direct counts, direct bytes,
    files, problems)."""
    (rels, folder_attrs, parents, counts, sizes, paths, size_b, created_b, modified_b) = payload[:9]
    file_attrs, problems = payload[9:]
    folders = [FolderEntry(rel, 0, 0, attrs) for rel, attrs in zip(rels, folder_attrs, strict=True)]
    file_sizes, created, modified = array("q"), array("d"), array("d")
    file_sizes.frombytes(size_b)
    created.frombytes(created_b)
    modified.frombytes(modified_b)
    names = paths.split("\0") if paths else []
    files = list(map(FileEntry, names, file_sizes, created, modified, file_attrs))
    return folders, parents, counts, sizes, files, problems
