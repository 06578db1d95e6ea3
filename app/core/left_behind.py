"""Deleting the files a run left behind: the only write to the H: drive, made cautious.

A file is deleted only if it is still exactly the file that was scanned: a plain file
(not a link, junction or other reparse point), reached through folders that are not
links either, with the size and modified time the journal recorded. Anything else (gone,
changed since the scan, replaced by a link) is skipped and reported with the reason: the
officer confirmed a list of particular files, not whatever now sits at those paths.

A narrow window remains between the check and the delete (the operating system offers no
portable "delete if unchanged"); it is milliseconds, against the days between a scan and
a deletion that the check is for.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.core.hdrive import to_os_path

__all__ = ["DeleteOutcome", "LeftBehind", "delete_left_behind", "why_not_deletable"]

# Timestamps pass through float64 (scan, journal); a millisecond absorbs rounding while
# any later save by a person or a program still shows.
MODIFIED_TOLERANCE_S = 0.001
# Windows: junctions and symbolic links are reparse points; lstat does not follow them.
_REPARSE_POINT = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0x400)


@dataclass(frozen=True)
class LeftBehind:
    """A discarded file as the scan saw it (from the journal)."""

    rel_path: str  # '/'-separated, under the run's source root
    size: int
    modified: float  # seconds since the epoch


@dataclass
class DeleteOutcome:
    deleted: int = 0
    deleted_bytes: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why) not deleted
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, why) delete failed


def _is_link(st: os.stat_result) -> bool:
    return stat.S_ISLNK(st.st_mode) or bool(getattr(st, "st_file_attributes", 0) & _REPARSE_POINT)


def why_not_deletable(root: str, item: LeftBehind) -> str | None:
    """None if `item` is still the scanned plain file; otherwise why it must be kept."""
    parts = [part for part in item.rel_path.split("/") if part]
    if not parts or any(part in (".", "..") for part in parts):
        return "the path is not inside the H: drive"
    for depth in range(1, len(parts)):
        folder = to_os_path(root, "/".join(parts[:depth]))
        try:
            st = os.lstat(folder)
        except FileNotFoundError:
            return "it is no longer there"
        if _is_link(st) or not stat.S_ISDIR(st.st_mode):
            return "a folder on its path is now a link or not a folder"
    try:
        st = os.lstat(to_os_path(root, "/".join(parts)))
    except FileNotFoundError:
        return "it is no longer there"
    if _is_link(st):
        return "it is now a link (links are never followed)"
    if not stat.S_ISREG(st.st_mode):
        return "it is no longer a plain file"
    if st.st_size != item.size or abs(st.st_mtime - item.modified) > MODIFIED_TOLERANCE_S:
        return "it has changed since the scan"
    return None


def delete_left_behind(
    root: str,
    files: Sequence[LeftBehind],
    *,
    stop: threading.Event,
    progress: Callable[[int, int], None] | None = None,
) -> DeleteOutcome:
    """Delete each listed file that is still as scanned (see the module notes)."""
    if not os.path.isdir(root):
        raise FileNotFoundError(root)
    outcome = DeleteOutcome()
    for number, item in enumerate(files, start=1):
        if stop.is_set():
            break
        why = why_not_deletable(root, item)
        if why is not None:
            outcome.skipped.append((item.rel_path, why))
        else:
            try:
                os.remove(to_os_path(root, item.rel_path))
                outcome.deleted += 1
                outcome.deleted_bytes += item.size
            except FileNotFoundError:
                outcome.skipped.append((item.rel_path, "it is no longer there"))
            except OSError as error:
                outcome.failed.append((item.rel_path, error.strerror or str(error)))
        if progress is not None:
            progress(number, len(files))
    return outcome
