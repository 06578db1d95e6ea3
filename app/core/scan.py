"""The H: drive scan: every file and folder under a root, into an `Inventory`.

How it walks, and why:
- os.scandir and the DirEntry's own stat. On Windows the listing already carries size,
  times and attributes, so there is no per-file call at all. On Linux the stat is one
  fstatat() relative to an open folder handle (the kernel does not resolve the deep path
  again for every file, which made a plain walk ~40% slower).
- Serial while listings are CPU-bound, parallel once they are I/O-bound. Every listing of
  a network share is a round trip, so a serial walk of a remote H: drive waits on
  latency; a pool of threads keeps `workers` listings in flight. On a local or cached
  tree, though, threads only fight over the GIL and make the scan slower. So the walk
  starts serial, compares each batch of listings' wall time with their CPU time, and
  hands the rest of the tree to the pool as soon as waiting dominates.
- A big CPU-bound scan on POSIX also uses a second core: a forked helper process takes
  whole subtrees and sends their records back in columns (app.core.scan_split). The
  thread pool and the hand-over to and from the helper are in app.core.scan_parallel.
- Links, junctions and other reparse points are never followed (loops, other people's
  folders); they are recorded as ProblemKind.LINK. Unreadable folders and files, names
  that are not valid Unicode and entries that vanish mid-scan are recorded as
  `ScanProblem`s: one bad folder never stops the scan.
- Folder totals (recursive count and bytes) are added up once at the end, child to
  parent, not per file.
- Progress goes to a plain callback at most ~10 times a second, from the calling thread;
  a `threading.Event` cancels, and the scan then returns what it has (complete=False).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from app.core import scan_entries, scan_parallel, scan_split
from app.core.gc_quiet import collector_paused
from app.core.hdrive import HDriveNotFound, HDriveUnreadable, find_h_drive, to_os_path
from app.core.inventory import FileEntry, FolderEntry, Inventory, ProblemKind, ScanProblem

__all__ = ["Lister", "ScanProgress", "find_h_drive", "scan", "to_os_path"]

log = logging.getLogger(__name__)

Lister = Callable[[str], Iterator["os.DirEntry[str]"]]

PROGRESS_INTERVAL_S = 0.1
# Switch to the thread pool when, over the listings so far, waiting took this many
# times longer than computing AND added up to a noticeable time. A local tree stays
# well under the ratio; a network round trip per listing (0.5 ms on a LAN, 10+ ms on
# a VPN) is far above it. Totals since the start rather than short windows, so that a
# low-latency share still gets there (after ~200 listings at 0.5 ms) while a busy
# machine's scheduling hiccups (a few ms) never add up to look like latency.
_IO_BOUND_RATIO = 8.0  # a machine with 3 runnable jobs per core already shows ~4
_IO_BOUND_MIN_WAIT_S = 0.1
_MEASURE_MIN = 8  # listings before the first verdict
# A helper process (scan_split) pays off once the tree is big; below this many files
# the fork and hand-over cost more than they save.
_SPLIT_AFTER_FILES = 10_000

_WINDOWS = sys.platform == "win32"
# A listing relative to an open folder handle needs scandir(fd) (POSIX only).
_FD_LISTING = not _WINDOWS and os.scandir in os.supports_fd
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
_SUBDIR_FLAGS = _DIR_FLAGS | getattr(os, "O_NOFOLLOW", 0)


@dataclass(frozen=True, slots=True)
class ScanProgress:
    files: int
    folders: int
    bytes: int
    current_folder: str  # relative to the root, '/'-separated ("" is the root)


# (OS path to list, inventory path, index of the parent folder (-1: root), attributes)
_Task = tuple[str, str, int, int]


@dataclass(slots=True)
class _Listing:
    task: _Task
    readable: bool  # False: the folder itself could not be listed (not recorded as a folder)
    files: list[FileEntry]
    nbytes: int
    subdirs: list[tuple[str, int]]  # (name, attributes)
    problems: list[ScanProblem]


class _Walk:
    """One scan's state. Listing may run in worker threads; absorbing runs in the caller."""

    def __init__(
        self,
        root_text: str,
        os_root: str,
        *,
        lister: Lister | None,
        stop: threading.Event | None,
        progress: Callable[[ScanProgress], None] | None,
        strict_root: bool = True,
    ) -> None:
        self.root_text = root_text
        self.strict_root = strict_root  # False in a helper: its top is any subfolder
        self.os_root = os_root
        self.lister = lister
        self.use_fd = lister is None and _FD_LISTING
        self.sep = "\\" if _WINDOWS else "/"
        self.stop = stop
        self.progress = progress
        self.next_progress = 0.0
        self.cancelled = False
        self.files: list[FileEntry] = []
        self.folders: list[FolderEntry] = []
        self.parents: list[int] = []
        self.counts: list[int] = []  # direct file count per folder, recursive at the end
        self.sizes: list[int] = []
        self.problems: list[ScanProblem] = []
        self.nbytes = 0

    # -- listing one folder (thread-safe: touches nothing shared) -------------------

    def list_folder(self, task: _Task) -> _Listing:
        os_path, rel, parent, _ = task
        prefix = rel + "/" if rel else ""
        listing = _Listing(task, True, [], 0, [], [])
        try:
            if self.use_fd:
                fd = os.open(os_path, _SUBDIR_FLAGS if parent >= 0 else _DIR_FLAGS)
                try:
                    with os.scandir(fd) as entries:
                        scan_entries.read_posix(entries, prefix, fd, listing)
                finally:
                    os.close(fd)
            else:
                listed: Iterator[os.DirEntry[str]] = (self.lister or os.scandir)(os_path)
                try:
                    reader = scan_entries.read_windows if _WINDOWS else scan_entries.read_posix
                    reader(listed, prefix, None, listing)
                finally:
                    close = getattr(listed, "close", None)
                    if close is not None:
                        close()
        except OSError as error:
            listed_something = bool(listing.files or listing.subdirs or listing.problems)
            kind, detail = scan_entries.folder_error(error, listed_something)
            if not listed_something:
                listing.readable = False
            listing.problems.append(ScanProblem(rel, kind, detail))
        return listing

    # -- absorbing results (the calling thread only) --------------------------------

    def absorb(self, listing: _Listing) -> list[_Task]:
        os_path, rel, parent, attributes = listing.task
        self.problems += listing.problems
        if not listing.readable:
            if parent < 0 and self.strict_root:
                self._root_failed(listing)
            return []
        index = len(self.folders)
        self.folders.append(FolderEntry(rel, 0, 0, attributes))
        self.parents.append(parent)
        self.counts.append(len(listing.files))
        self.sizes.append(listing.nbytes)
        self.files += listing.files
        self.nbytes += listing.nbytes
        self.report_progress(rel)
        prefix = rel + "/" if rel else ""
        base = os_path if os_path.endswith(self.sep) else os_path + self.sep
        return [(base + name, prefix + name, index, attrs) for name, attrs in listing.subdirs]

    def report_progress(self, rel: str) -> None:
        if self.progress is not None:
            now = time.monotonic()
            if now >= self.next_progress:
                self.next_progress = now + PROGRESS_INTERVAL_S
                self.progress(ScanProgress(len(self.files), len(self.folders), self.nbytes, rel))

    def _root_failed(self, listing: _Listing) -> None:
        problem = listing.problems[-1]
        if problem.kind is ProblemKind.VANISHED:
            raise HDriveNotFound([f"{self.root_text} (not found)"], given=self.root_text)
        raise HDriveUnreadable(self.root_text, problem.detail)

    def stopping(self) -> bool:
        if self.stop is not None and self.stop.is_set():
            self.cancelled = True
        return self.cancelled

    # -- the two walking modes ------------------------------------------------------

    def walk_serial(
        self, stack: list[_Task], *, may_go_parallel: bool, may_split: bool = False
    ) -> list[_Task]:
        """Depth-first in this thread (with a helper process once the tree proves big,
        when `may_split`). Returns the folders still to list when the listings turn out
        to be I/O-bound (then the thread pool takes over), else []."""
        batch = 0
        wall = cpu = 0.0
        helper: scan_split.Helper | None = None
        try:
            while stack or (helper is not None and helper.task is not None):
                if self.stopping():
                    return []
                if helper is not None:
                    helper = scan_parallel.tend(self, helper, stack)
                    if not stack:
                        continue
                task = stack.pop()
                if may_go_parallel and helper is None:
                    wall -= time.perf_counter()
                    cpu -= time.thread_time()
                    listing = self.list_folder(task)
                    wall += time.perf_counter()
                    cpu += time.thread_time()
                    batch += 1
                else:
                    listing = self.list_folder(task)
                stack += self.absorb(listing)
                if may_split and len(self.files) >= _SPLIT_AFTER_FILES and len(stack) > 1:
                    may_split = False  # one helper per scan, if any
                    if scan_split.spare_core():
                        helper = scan_split.Helper.start(self.scan_subtree)
                        log.debug("Scan: CPU-bound and big, a helper process takes subtrees")
                if batch >= _MEASURE_MIN and helper is None:
                    waited = wall - cpu
                    if waited > _IO_BOUND_MIN_WAIT_S and wall > _IO_BOUND_RATIO * cpu and stack:
                        log.debug(
                            "Scan: listings are I/O-bound (%d: %.3fs wall, %.3fs CPU)",
                            batch,
                            wall,
                            cpu,
                        )
                        return stack
            return []
        finally:
            if helper is not None:
                helper.close(kill=helper.task is not None)

    def scan_subtree(self, task: _Task) -> scan_split.SubtreePayload:
        """In the helper process: one whole subtree (app.core.scan_parallel)."""
        return scan_parallel.scan_subtree(self, task)

    def add_up_folders(self) -> None:
        """Recursive totals: children always come after their parent, so one pass from
        the end carries every folder's totals into its parent."""
        counts, sizes, parents = self.counts, self.sizes, self.parents
        for index in range(len(parents) - 1, 0, -1):
            parent = parents[index]
            counts[parent] += counts[index]
            sizes[parent] += sizes[index]
        for folder, count, size in zip(self.folders, counts, sizes, strict=True):
            folder.file_count = count
            folder.total_bytes = size


def scan(
    root: str | os.PathLike[str],
    *,
    progress: Callable[[ScanProgress], None] | None = None,
    stop: threading.Event | None = None,
    workers: int = 8,
    lister: Lister | None = None,
    helper_process: bool = True,
) -> Inventory:
    """Scan `root` (never following links) into an `Inventory`.

    `workers`: listings kept in flight once listings turn out to be I/O-bound (1: always
    serial). `lister(os_path)` replaces os.scandir, for tests and benchmarks (latency,
    failures). `helper_process=False`: never fork a helper (app.core.scan_split); the GUI
    passes it, as forking a multi-threaded Qt process is best avoided (and Windows, where
    the app is deployed, has no fork anyway). Cancelled through `stop`: returns what it
    has, with complete=False.
    Raises HDriveNotFound / HDriveUnreadable when the root itself cannot be listed.
    """
    root_text = os.fspath(root)
    os_root = to_os_path(root_text, "")
    inventory = Inventory(root=root_text, started=time.time())
    walk = _Walk(root_text, os_root, lister=lister, stop=stop, progress=progress)
    started = time.perf_counter()
    # Hundreds of thousands of new records and no cycles among them: the cyclic collector
    # would only walk them again and again (measured: ~17% of a 200,000-file scan's CPU).
    with collector_paused():
        rest = walk.walk_serial(
            [(os_root, "", -1, 0)],
            may_go_parallel=workers > 1,
            may_split=helper_process and workers > 1 and walk.use_fd and scan_split.AVAILABLE,
        )
        mode = "serial"
        if rest:
            mode = f"parallel ({workers} workers)"
            scan_parallel.walk_parallel(walk, rest, workers)
        walk.add_up_folders()
    inventory.files = walk.files
    inventory.folders = walk.folders
    inventory.problems = walk.problems
    inventory.complete = not walk.cancelled
    inventory.finished = time.time()
    if progress is not None:
        progress(ScanProgress(len(walk.files), len(walk.folders), walk.nbytes, ""))
    log.info(
        "Scan %s: %d files, %d folders, %d problems in %.2fs, %s",
        "finished" if inventory.complete else "cancelled",
        len(walk.files),
        len(walk.folders),
        len(walk.problems),
        time.perf_counter() - started,
        mode,
    )
    return inventory
