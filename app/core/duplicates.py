"""Duplicate files: same size and same QuickXorHash (the hash OneDrive itself keeps).

Only files that share a size with another file are read, so a drive of mostly unique
sizes costs almost nothing; empty files are never duplicates (nothing to save). The
caller decides which copy of a group is kept.
"""

from __future__ import annotations

import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Container, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

from app.core.errors import CancelledError
from app.core.inventory import FileEntry

Hasher = Callable[[str, threading.Event | None], tuple[int, str]]  # path -> (bytes read, hash)


@dataclass
class DuplicateResult:
    groups: list[list[int]] = field(default_factory=list)  # indexes, each group ascending
    unreadable: list[int] = field(default_factory=list)  # could not be hashed (not grouped)
    changed: list[int] = field(default_factory=list)  # size differed while reading
    bytes_hashed: int = 0


def same_size_candidates(
    files: Sequence[FileEntry], exclude: Container[int] = ()
) -> list[list[int]]:
    """Groups of indexes of non-empty files sharing a size (only these can be duplicates)."""
    by_size: dict[int, list[int]] = defaultdict(list)
    for index, entry in enumerate(files):
        if entry.size > 0 and index not in exclude:
            by_size[entry.size].append(index)
    return [group for group in by_size.values() if len(group) > 1]


# hash_file's buffer is allocated and zero-filled afresh for every file, with the GIL
# held. Its 4 MiB default, for a 40 KB document, was ~100x the bytes read: most of the
# duplicate pass's CPU time, and GUI stalls. A buffer the size of the file (within bounds)
# reads it in one call all the same.
_MIN_BUFFER = 64 * 1024
_PROBE_FILES = 32  # hashed on the calling thread first, to tell waiting from computing
_IO_BOUND_RATIO = 4.0  # wall / CPU time of the probe above which reading is "waiting"
_IO_BOUND_MIN_WAIT_S = 0.05  # ... and only if the waiting adds up to this much (not a hiccup)
_MAX_BUFFER = 4 << 20


def buffer_size(file_size: int) -> int:
    """The read buffer for a file of `file_size` bytes (+1: the end shows in one read)."""
    return max(_MIN_BUFFER, min(_MAX_BUFFER, file_size + 1))


def _default_hasher(path: str, stop: threading.Event | None, size: int) -> tuple[int, str]:
    from app.core.quickxorhash import hash_file

    return hash_file(path, stop=stop, chunk_size=buffer_size(size))


def _default_path_for(root: str, rel_path: str) -> str:
    from app.core.scan import to_os_path

    return to_os_path(root, rel_path)


def find_duplicates(
    root: str | os.PathLike[str],
    files: Sequence[FileEntry],
    *,
    exclude: Container[int] = (),
    stop: threading.Event | None = None,
    progress: Callable[[int, int], None] | None = None,
    hasher: Hasher | None = None,
    path_for: Callable[[str, str], str] | None = None,
    workers: int = 4,
) -> DuplicateResult:
    """Hash the same-size candidates and group those with equal hashes.

    `progress(files_done, files_to_read)` is called on the caller's thread, at most ~10
    times a second and once at the end. `stop` raises `CancelledError`. Up to `workers`
    threads when reading turns out to be mostly waiting (a network drive: the time goes in
    waiting for the server, not in hashing); one thread, this one, otherwise.
    """
    to_path = path_for or _default_path_for
    root_text = os.fspath(root)
    candidates = same_size_candidates(files, exclude)
    todo = [index for group in candidates for index in group]
    result = DuplicateResult()
    hashes: dict[int, str] = {}

    def work(index: int) -> tuple[int, int, str] | None:
        """(index, bytes read, hash); None if unreadable. Runs on a pool thread."""
        entry = files[index]
        path = to_path(root_text, entry.rel_path)
        try:
            if hasher is None:
                size_read, digest = _default_hasher(path, stop, entry.size)
            else:
                size_read, digest = hasher(path, stop)
        except OSError:
            return None
        return index, size_read, digest

    last_report = 0.0
    done = 0

    def handle(index: int, outcome: tuple[int, int, str] | None) -> None:
        """One file's result, on the caller's thread (so `progress` is called there too)."""
        nonlocal done, last_report
        done += 1
        if outcome is None:
            result.unreadable.append(index)
        else:
            _, size_read, digest = outcome
            result.bytes_hashed += size_read
            if size_read != files[index].size:
                result.changed.append(index)
            else:
                hashes[index] = digest
        now = time.monotonic()
        if progress is not None and now - last_report >= 0.1:
            last_report = now
            progress(done, len(todo))
        if stop is not None and stop.is_set():
            raise CancelledError("duplicate detection stopped")

    # The first files on this thread, timed: if reading them was mostly waiting (a network
    # drive), the rest go to the pool; if it was mostly computing (a local or cached
    # drive), threads would only queue for the GIL, and starve the GUI thread of it.
    wall = cpu = 0.0
    probe = todo[:_PROBE_FILES]
    for index in probe:
        wall -= time.perf_counter()
        cpu -= time.thread_time()
        outcome = work(index)
        wall += time.perf_counter()
        cpu += time.thread_time()
        handle(index, outcome)
    rest = todo[len(probe) :]
    waiting = wall - cpu > _IO_BOUND_MIN_WAIT_S and wall > _IO_BOUND_RATIO * cpu
    if rest and (workers <= 1 or not waiting):
        for index in rest:
            handle(index, work(index))
    elif rest:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dup") as pool:
            futures = {pool.submit(work, index): index for index in rest}
            try:
                for future in as_completed(futures):
                    # CancelledError from a stopped hash: re-raised
                    handle(futures[future], future.result())
            except BaseException:
                for pending in futures:
                    pending.cancel()
                raise
    if stop is not None and stop.is_set():
        raise CancelledError("duplicate detection stopped")
    if progress is not None:
        progress(done, len(todo))
    for group in candidates:
        by_hash: dict[str, list[int]] = defaultdict(list)
        for index in group:
            if index in hashes:
                by_hash[hashes[index]].append(index)
        result.groups.extend(sorted(same) for same in by_hash.values() if len(same) > 1)
    result.groups.sort()
    result.unreadable.sort()
    result.changed.sort()
    return result
