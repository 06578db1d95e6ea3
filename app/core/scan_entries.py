"""The scan's inner loop: turning one folder's DirEntry objects into inventory records.

Kept apart from the walk (app.core.scan) because this is the hot path: it runs once per
file, a million times on a big drive, so it avoids every call it can (no per-file
attribute enum arithmetic, no path joins beyond one concatenation, the stat the listing
already has). Two readers, because the platforms report different things:
- POSIX: DirEntry's d_type says file / folder / link without a syscall; one lstat
  (fstatat relative to the open folder) gives size and times. Dot-names count as hidden.
- Windows: the listing itself holds size, times and attributes (st_file_attributes);
  every reparse point on a folder (junction, symlink, cloud placeholder) is not entered.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.core.inventory import Attr, FileEntry, ProblemKind, ScanProblem

if TYPE_CHECKING:
    from app.core.scan import _Listing

_HIDDEN = int(Attr.HIDDEN)
_SYSTEM = int(Attr.SYSTEM)
_OFFLINE = int(Attr.OFFLINE)
_REPARSE = int(Attr.REPARSE_POINT)
_READONLY = int(Attr.READONLY)

# Windows FILE_ATTRIBUTE_* values (stat.FILE_ATTRIBUTE_* exist on every platform).
_W_READONLY = stat.FILE_ATTRIBUTE_READONLY
_W_HIDDEN = stat.FILE_ATTRIBUTE_HIDDEN
_W_SYSTEM = stat.FILE_ATTRIBUTE_SYSTEM
_W_DIRECTORY = stat.FILE_ATTRIBUTE_DIRECTORY
_W_REPARSE = stat.FILE_ATTRIBUTE_REPARSE_POINT
# Offline, or recalled from elsewhere when opened / read (HSM, cloud placeholders).
_W_OFFLINE = stat.FILE_ATTRIBUTE_OFFLINE | 0x00040000 | 0x00400000
_W_ANY = _W_READONLY | _W_HIDDEN | _W_SYSTEM | _W_REPARSE | _W_OFFLINE
_REPARSE_TAG_NAMES = {
    0xA000000C: "symbolic link",
    0xA0000003: "junction (mount point)",
    0x80000017: "WIM image",
    0x80000013: "deduplicated file",
}

# macOS/BSD (and Windows from Python 3.12) report the real creation time.
_HAS_BIRTHTIME = hasattr(os.stat_result, "st_birthtime")

INVALID_NAME_DETAIL = (
    "The name is not valid Unicode text, so OneDrive cannot hold it. Rename it on the "
    "H: drive and scan again."
)
INVALID_FOLDER_DETAIL = INVALID_NAME_DETAIL + " What is inside the folder was not scanned."


def printable(text: str) -> str:
    """`text` with undecodable bytes (or lone surrogates) shown as \\xNN / \\udNNN."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _valid_unicode(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # surrogate-escaped bytes (POSIX) or lone surrogates (NTFS)
        return False
    return True


def _invalid_name(entry: os.DirEntry[str], rel_path: str, listing: _Listing) -> None:
    try:
        is_folder = entry.is_dir(follow_symlinks=False)
    except OSError:
        is_folder = False
    detail = INVALID_FOLDER_DETAIL if is_folder else INVALID_NAME_DETAIL
    listing.problems.append(ScanProblem(printable(rel_path), ProblemKind.INVALID_NAME, detail))


def _not_regular(entry: os.DirEntry[str], rel_path: str, dir_fd: int | None) -> ScanProblem:
    """A POSIX entry that is neither a file nor a folder: a link, a device, or gone."""
    if entry.is_symlink():
        try:
            if dir_fd is not None:
                target = os.readlink(entry.name, dir_fd=dir_fd)
            else:
                target = os.readlink(entry.path)
        except OSError:
            return ScanProblem(rel_path, ProblemKind.LINK, "a link (not followed)")
        return ScanProblem(rel_path, ProblemKind.LINK, f"a link to {printable(target)}")
    try:
        entry.stat(follow_symlinks=False)
    except FileNotFoundError:
        return ScanProblem(rel_path, ProblemKind.VANISHED, "deleted while the scan ran")
    except OSError as error:
        return ScanProblem(rel_path, ProblemKind.UNREADABLE_FILE, _reason(error))
    return ScanProblem(
        rel_path, ProblemKind.UNREADABLE_FILE, "not a regular file (a device, pipe or socket)"
    )


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def folder_error(error: OSError, partial: bool) -> tuple[ProblemKind, str]:
    """What an error listing a folder means for the person reading the scan's problems."""
    if partial:
        return (
            ProblemKind.UNREADABLE_FOLDER,
            f"only part of this folder could be read: {_reason(error)}",
        )
    if isinstance(error, FileNotFoundError | NotADirectoryError):
        return ProblemKind.VANISHED, "deleted or moved while the scan ran"
    if error.errno == errno.ELOOP:  # O_NOFOLLOW met a link that replaced the folder
        return ProblemKind.LINK, "a link (not followed)"
    if isinstance(error, PermissionError):
        return ProblemKind.UNREADABLE_FOLDER, "you do not have permission to open this folder"
    return ProblemKind.UNREADABLE_FOLDER, _reason(error)


def read_posix(
    entries: Iterable[os.DirEntry[str]], prefix: str, dir_fd: int | None, listing: _Listing
) -> None:
    files = listing.files
    append = files.append
    subdirs = listing.subdirs
    problems = listing.problems
    nbytes = 0
    try:
        for entry in entries:
            name = entry.name
            if not name.isascii() and not _valid_unicode(name):
                _invalid_name(entry, prefix + name, listing)
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    subdirs.append((name, _HIDDEN if name[0] == "." else 0))
                elif entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    size = st.st_size
                    modified = st.st_mtime
                    if _HAS_BIRTHTIME:
                        created = st.st_birthtime  # type: ignore[attr-defined,unused-ignore]
                    else:
                        # Linux stat has no birth time; ctime is the last metadata change,
                        # later than mtime for copied files, so the earlier of the two.
                        created = st.st_ctime
                        if created > modified:
                            created = modified
                    attrs = _HIDDEN if name[0] == "." else 0
                    if not st.st_mode & 0o200:
                        attrs |= _READONLY
                    append(FileEntry(prefix + name, size, created, modified, attrs))
                    nbytes += size
                else:
                    problems.append(_not_regular(entry, prefix + name, dir_fd))
            except FileNotFoundError:
                problems.append(
                    ScanProblem(prefix + name, ProblemKind.VANISHED, "deleted while the scan ran")
                )
            except OSError as error:
                problems.append(
                    ScanProblem(prefix + name, ProblemKind.UNREADABLE_FILE, _reason(error))
                )
    finally:
        listing.nbytes += nbytes


def _windows_attrs(wattrs: int) -> int:
    attrs = 0
    if wattrs & _W_HIDDEN:
        attrs |= _HIDDEN
    if wattrs & _W_SYSTEM:
        attrs |= _SYSTEM
    if wattrs & _W_OFFLINE:
        attrs |= _OFFLINE
    if wattrs & _W_REPARSE:
        attrs |= _REPARSE
    if wattrs & _W_READONLY:
        attrs |= _READONLY
    return attrs


def _reparse_detail(st: os.stat_result) -> str:
    tag = getattr(st, "st_reparse_tag", 0)
    what = _REPARSE_TAG_NAMES.get(tag, f"reparse point (tag {tag:#x})" if tag else "reparse point")
    return f"a {what} (not followed)"


def read_windows(
    entries: Iterable[os.DirEntry[str]], prefix: str, dir_fd: int | None, listing: _Listing
) -> None:
    del dir_fd  # Windows lists by path
    append = listing.files.append
    subdirs = listing.subdirs
    problems = listing.problems
    nbytes = 0
    try:
        for entry in entries:
            name = entry.name
            if not name.isascii() and not _valid_unicode(name):
                _invalid_name(entry, prefix + name, listing)
                continue
            try:
                st = entry.stat(follow_symlinks=False)  # from the listing: no extra call
                wattrs = getattr(st, "st_file_attributes", 0)
                attrs = _windows_attrs(wattrs) if wattrs & _W_ANY else 0
                if wattrs & _W_REPARSE and (wattrs & _W_DIRECTORY or entry.is_symlink()):
                    # Links and junctions, and every reparse point on a folder (it may
                    # loop, or fetch a whole cloud folder): recorded, never entered.
                    problems.append(
                        ScanProblem(prefix + name, ProblemKind.LINK, _reparse_detail(st))
                    )
                elif wattrs & _W_DIRECTORY:
                    subdirs.append((name, attrs))
                else:
                    # Other reparse points on files (deduplicated, HSM) read as normal
                    # files; their attributes say so for the guidance.
                    size = st.st_size
                    created = (
                        st.st_birthtime  # type: ignore[attr-defined,unused-ignore]
                        if _HAS_BIRTHTIME
                        else st.st_ctime
                    )
                    append(FileEntry(prefix + name, size, created, st.st_mtime, attrs))
                    nbytes += size
            except FileNotFoundError:
                problems.append(
                    ScanProblem(prefix + name, ProblemKind.VANISHED, "deleted while the scan ran")
                )
            except OSError as error:
                problems.append(
                    ScanProblem(prefix + name, ProblemKind.UNREADABLE_FILE, _reason(error))
                )
    finally:
        listing.nbytes += nbytes
