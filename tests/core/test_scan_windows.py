"""The Windows reader on Windows-shaped directory entries.

Windows listings (st_file_attributes, reparse tags, NTFS names with lone surrogates)
cannot be produced on this platform, so the DirEntry objects are stand-ins carrying
exactly what CPython's Windows DirEntry reports; the reader under test is the real one.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from typing import Any

from app.core.inventory import Attr, ProblemKind
from app.core.scan import _Listing
from app.core.scan_entries import read_windows

DIRECTORY = stat.FILE_ATTRIBUTE_DIRECTORY
REPARSE = stat.FILE_ATTRIBUTE_REPARSE_POINT
TAG_SYMLINK = 0xA000000C
TAG_JUNCTION = 0xA0000003
TAG_DEDUP = 0x80000013


@dataclass
class WinStat:
    st_file_attributes: int
    st_size: int = 0
    st_ctime: float = 1_000.0
    st_mtime: float = 2_000.0
    st_reparse_tag: int = 0


@dataclass
class WinEntry:
    name: str
    st: WinStat
    symlink: bool = False
    path: str = field(default="")

    def stat(self, *, follow_symlinks: bool = True) -> WinStat:
        assert not follow_symlinks, "the scan must never follow a link"
        return self.st

    def is_symlink(self) -> bool:
        return self.symlink

    def is_dir(self, *, follow_symlinks: bool = True) -> bool:
        return bool(self.st.st_file_attributes & DIRECTORY)


def read(entries: list[WinEntry]) -> _Listing:
    listing = _Listing(("\\\\?\\H:\\Cases", "Cases", 0, 0), True, [], 0, [], [])
    fake: Any = entries
    read_windows(fake, "Cases/", None, listing)
    return listing


def test_attributes_sizes_and_times() -> None:
    listing = read(
        [
            WinEntry("plain.docx", WinStat(stat.FILE_ATTRIBUTE_ARCHIVE, 100)),
            WinEntry(
                "Thumbs.db", WinStat(stat.FILE_ATTRIBUTE_HIDDEN | stat.FILE_ATTRIBUTE_SYSTEM, 5)
            ),
            WinEntry("old.pst", WinStat(stat.FILE_ATTRIBUTE_OFFLINE, 7)),
            WinEntry("recall.pdf", WinStat(0x00400000, 9)),  # RECALL_ON_DATA_ACCESS
            WinEntry("locked.xlsx", WinStat(stat.FILE_ATTRIBUTE_READONLY, 11)),
        ]
    )
    files = {f.name: f for f in listing.files}
    assert files["plain.docx"].attributes == 0
    assert (files["plain.docx"].rel_path, files["plain.docx"].size) == ("Cases/plain.docx", 100)
    assert (files["plain.docx"].created, files["plain.docx"].modified) == (1_000.0, 2_000.0)
    assert files["Thumbs.db"].attributes == Attr.HIDDEN | Attr.SYSTEM
    assert files["old.pst"].attributes == Attr.OFFLINE
    assert files["recall.pdf"].attributes == Attr.OFFLINE
    assert files["locked.xlsx"].attributes == Attr.READONLY
    assert listing.nbytes == 132
    assert not listing.problems


def test_junctions_links_and_folder_reparse_points_are_not_entered() -> None:
    listing = read(
        [
            WinEntry("My Documents", WinStat(DIRECTORY | REPARSE, st_reparse_tag=TAG_JUNCTION)),
            WinEntry("link dir", WinStat(DIRECTORY | REPARSE, st_reparse_tag=TAG_SYMLINK), True),
            WinEntry("link.txt", WinStat(REPARSE, st_reparse_tag=TAG_SYMLINK), True),
            WinEntry("Cloud", WinStat(DIRECTORY | REPARSE, st_reparse_tag=0x9000601A)),
            WinEntry("Real", WinStat(DIRECTORY | stat.FILE_ATTRIBUTE_HIDDEN)),
        ]
    )
    assert listing.subdirs == [("Real", int(Attr.HIDDEN))]
    assert {p.rel_path: p.kind for p in listing.problems} == {
        "Cases/My Documents": ProblemKind.LINK,
        "Cases/link dir": ProblemKind.LINK,
        "Cases/link.txt": ProblemKind.LINK,
        "Cases/Cloud": ProblemKind.LINK,
    }
    details = {p.rel_path: p.detail for p in listing.problems}
    assert details["Cases/My Documents"] == "a junction (mount point) (not followed)"
    assert "0x9000601a" in details["Cases/Cloud"]
    assert not listing.files


def test_other_reparse_files_are_files_marked_as_such() -> None:
    listing = read([WinEntry("big.iso", WinStat(REPARSE, 42, st_reparse_tag=TAG_DEDUP))])
    [entry] = listing.files
    assert entry.attributes == Attr.REPARSE_POINT
    assert not listing.problems


def test_lone_surrogate_names_are_invalid() -> None:
    listing = read(
        [
            WinEntry("bad\ud800.txt", WinStat(0, 1)),
            WinEntry("Folder\udfff", WinStat(DIRECTORY)),
            WinEntry("résumé.docx", WinStat(0, 3)),
        ]
    )
    assert [f.name for f in listing.files] == ["résumé.docx"]
    assert listing.subdirs == []
    assert {p.rel_path: p.kind for p in listing.problems} == {
        "Cases/bad\\ud800.txt": ProblemKind.INVALID_NAME,
        "Cases/Folder\\udfff": ProblemKind.INVALID_NAME,
    }
