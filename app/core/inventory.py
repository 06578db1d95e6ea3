"""What a scan found on the H: drive: files, folders and the problems met on the way.

Paths are relative to the scanned root, with '/' as separator on every platform, and
are always valid Unicode: a name that is not (undecodable bytes) is recorded as a
`ScanProblem` instead of a file, because OneDrive cannot hold it.

Kept compact (slotted records, no per-file dicts) so a million files fit in memory.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Attr(enum.IntFlag):
    NONE = 0
    HIDDEN = 1
    SYSTEM = 2
    OFFLINE = 4  # Windows offline / recall-on-open: reading it may fetch from elsewhere
    REPARSE_POINT = 8  # symlink, junction, cloud placeholder: never followed
    READONLY = 16


@dataclass(slots=True)
class FileEntry:
    rel_path: str
    size: int
    created: float  # seconds since the epoch (birth time where the platform has it)
    modified: float
    attributes: int = 0  # Attr flags

    @property
    def name(self) -> str:
        return self.rel_path.rpartition("/")[2]

    @property
    def parent(self) -> str:
        return self.rel_path.rpartition("/")[0]


@dataclass(slots=True)
class FolderEntry:
    rel_path: str  # "" is the root
    file_count: int = 0  # recursive
    total_bytes: int = 0  # recursive
    attributes: int = 0

    @property
    def name(self) -> str:
        return self.rel_path.rpartition("/")[2]


class ProblemKind(enum.StrEnum):
    UNREADABLE_FOLDER = "unreadable_folder"
    UNREADABLE_FILE = "unreadable_file"
    INVALID_NAME = "invalid_name"  # not valid Unicode
    VANISHED = "vanished"  # listed, then gone before we could look at it
    LINK = "link"  # symlink, junction or other reparse point: recorded, not followed


@dataclass(slots=True, frozen=True)
class ScanProblem:
    rel_path: str  # printable (undecodable bytes shown as \xNN escapes)
    kind: ProblemKind
    detail: str = ""


@dataclass
class Inventory:
    root: str  # the scanned folder as the user knows it (e.g. H:\ or \\server\home$\user)
    files: list[FileEntry] = field(default_factory=list)
    folders: list[FolderEntry] = field(default_factory=list)
    problems: list[ScanProblem] = field(default_factory=list)
    complete: bool = True  # False when the scan was cancelled: what it had so far
    started: float = 0.0
    finished: float = 0.0

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)
