"""OneDrive naming rules for one name: what OneDrive would reject, and the rename that fixes it.

Sources: Microsoft's "Restrictions and limitations in OneDrive and SharePoint" (invalid
characters " * : < > ? / \\ |, leading and trailing spaces, the names .lock, CON, PRN, AUX,
NUL, COM0-COM9, LPT0-LPT9, desktop.ini, names starting ~$, "_vti_" anywhere, a "forms"
folder at the root of a library, 400 characters for the whole decoded path, 250 GB per file)
and "View OneDrive URLs" (the UPN's special characters become "_" in personal/<upn>/).

Decisions where the documents are silent (kept conservative, so nothing fails mid-upload):
- control characters (U+0000-U+001F, U+007F-U+009F) count as invalid characters, as in
  Microsoft's PnP library for SharePoint Online; a trailing dot is an issue (Windows and
  the sync client strip it, so the name would not round-trip);
- reserved device names count with any extension ("con.txt", "COM1.tar.gz": the part before
  the first dot), compared in ASCII only; "console.txt", "COM10" and "CON_.txt" are fine;
- "leading or trailing space" means any Unicode white space, not only U+0020;
- lengths are counted in code points of the decoded path, and an empty user principal name
  counts as zero characters (pass the signed-in user's UPN once it is known).

Fixable by renaming: every issue except PATH_TOO_LONG (the officer must shorten folder
names, or we report it) and FILE_TOO_LARGE. `name_issues` and `server_relative_length` are
pure and cheap because the sandbox enforces the same rules server-side. The whole-inventory
check (case clashes, path lengths, renamed folders) is `app.core.onedrive_rules`, which
re-exports everything here.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection, Container, Sequence

import numpy as np

MAX_FILE_SIZE = 250 * 1024**3
MAX_PATH_LENGTH = 400


class NameIssue(enum.StrEnum):
    """One reason OneDrive would refuse an item (declaration order is the reporting order)."""

    EMPTY = "empty"
    INVALID_CHARACTERS = "invalid_characters"
    LEADING_OR_TRAILING_SPACE = "leading_or_trailing_space"
    TRAILING_DOT = "trailing_dot"
    RESERVED_NAME = "reserved_name"  # CON, PRN, AUX, NUL, COM0-9, LPT0-9 (any extension)
    BLOCKED_NAME = "blocked_name"  # .lock, desktop.ini
    TEMPORARY_PREFIX = "temporary_prefix"  # ~$ (Office owner/lock files)
    VTI = "vti"  # _vti_ anywhere (SharePoint's FrontPage heritage)
    FORMS_AT_ROOT = "forms_at_root"  # a library's hidden Forms folder
    CASE_CLASH = "case_clash"  # differs only in case from a sibling that keeps its name
    PATH_TOO_LONG = "path_too_long"
    FILE_TOO_LARGE = "file_too_large"

    @property
    def fixable(self) -> bool:
        """True when a rename makes the item acceptable."""
        return self not in UNFIXABLE


UNFIXABLE = frozenset({NameIssue.PATH_TOO_LONG, NameIssue.FILE_TOO_LARGE})

# Plain-English one-liners for logs, the CLI and the sandbox's error messages; the UI's
# translated texts come from the retention policy's rules.
ISSUE_TEXT: dict[NameIssue, str] = {
    NameIssue.EMPTY: "The name is empty.",
    NameIssue.INVALID_CHARACTERS: "The name contains a character OneDrive refuses:"
    ' " * : < > ? / \\ | or a control character.',
    NameIssue.LEADING_OR_TRAILING_SPACE: "The name starts or ends with a space.",
    NameIssue.TRAILING_DOT: "The name ends with a full stop.",
    NameIssue.RESERVED_NAME: "The name is reserved by Windows"
    " (CON, PRN, AUX, NUL, COM0-9, LPT0-9).",
    NameIssue.BLOCKED_NAME: "OneDrive does not accept items called .lock or desktop.ini.",
    NameIssue.TEMPORARY_PREFIX: "OneDrive does not accept names starting with ~$.",
    NameIssue.VTI: 'OneDrive does not accept "_vti_" anywhere in a name.',
    NameIssue.FORMS_AT_ROOT: 'OneDrive does not accept a folder called "forms" at the top level.',
    NameIssue.CASE_CLASH: "Another item in the same folder has the same name apart from capitals.",
    NameIssue.PATH_TOO_LONG: "The full path in OneDrive would be over 400 characters.",
    NameIssue.FILE_TOO_LARGE: "The file is over 250 GB, the largest OneDrive accepts.",
}

_ORDER = {issue: position for position, issue in enumerate(NameIssue)}

_INVALID_CHARS = re.compile(r'[\x00-\x1f\x7f-\x9f"*:<>?/\\|]')
_LEADING_SPACE = re.compile(r"\A\s+")
_TRAILING_SPACE = re.compile(r"\s\Z")
_TRAILING_SPACES_AND_DOTS = re.compile(r"[\s.]+\Z")
# ASCII-only and case-insensitive: "ſ" or a Kelvin sign must not look like a letter here.
_RESERVED = re.compile(r"(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|\Z)", re.I | re.A)
_VTI = re.compile(r"_(vti)_", re.I | re.A)
_BLOCKED = frozenset({".lock", "desktop.ini"})

# A superset of every per-name rule over whole relative paths ('/'-separated), so that a
# clean inventory costs a few C-speed scans of all its paths joined into one string; each hit
# is then checked name by name. Measured on 200,000 paths: one regex per path anchored at
# every component boundary took 17 us a path, `in` tests per path 1.5 us, the joined scans
# about 0.3 us. `str.isprintable()` is False for every control character and every white
# space but U+0020, so those need no search of their own.
_SUSPECT_CHARACTERS = ('"', "*", ":", "<", ">", "?", "\\", "|", " /", "./")
# Applied to "/" + the lower-cased paths joined with "/": every name follows a "/".
# The "/" after a name is looked at, not taken: it is the next name's leading "/".
_SUSPECT_START = re.compile(
    r"/(?: |~\$|(?=/)"
    r"|(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?=[./])"
    r"|(?:\.lock|desktop\.ini|forms)(?=/))"
)


def _part_ends(parts: Sequence[str]) -> np.ndarray:
    """One past each part's "/" in "/".join(parts) + "/"."""
    lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    ends: np.ndarray = np.cumsum(lengths + 1)
    return ends


def suspect_paths(paths: Sequence[str], lowered: Sequence[str]) -> list[int]:
    """Indexes of the paths in which some name may break a per-name rule (a superset).

    `lowered` is `[path.lower() for path in paths]`, which the caller needs anyway.
    """
    if not paths:
        return []
    # Each path is followed by "/", so a name's end is always a "/" (trailing dot or space).
    joined = "/".join(paths) + "/"
    hits: set[int] = set()
    if not joined.isprintable():
        hits.update(index for index, path in enumerate(paths) if not path.isprintable())
    positions: list[int] = []
    for needle in _SUSPECT_CHARACTERS:
        position = joined.find(needle)
        while position != -1:
            positions.append(position)
            position = joined.find(needle, position + 1)
    # In lower case, behind a leading "/": position p here is p - 1 in the plain join.
    joined_lower = "/" + "/".join(lowered) + "/"
    positions_lower = [match.start() for match in _SUSPECT_START.finditer(joined_lower)]
    position = joined_lower.find("_vti_")
    while position != -1:
        positions_lower.append(position - 1)
        position = joined_lower.find("_vti_", position + 1)
    if positions or positions_lower:
        ends = _part_ends(paths)
        # Lower-casing rarely changes a length ("İ" does); only then are offsets different.
        ends_lower = ends if len(joined_lower) == len(joined) + 1 else _part_ends(lowered)
        hits.update(np.searchsorted(ends, positions, side="right").tolist())
        hits.update(np.searchsorted(ends_lower, positions_lower, side="right").tolist())
    return sorted(hits)


def is_suspect_path(path: str) -> bool:
    """True when some name in `path` may break a per-name rule (never False when one does)."""
    return bool(suspect_paths([path], [path.lower()]))


def _is_blocked(name: str) -> bool:
    return name.isascii() and name.lower() in _BLOCKED


def _is_forms(name: str, is_folder: bool, at_root: bool) -> bool:
    return is_folder and at_root and name.isascii() and name.lower() == "forms"


def name_issues(
    name: str, *, is_folder: bool = False, at_root: bool = False
) -> tuple[NameIssue, ...]:
    """Every naming rule `name` breaks on its own (case clashes and lengths need context)."""
    if not name:
        return (NameIssue.EMPTY,)
    issues: list[NameIssue] = []
    if _INVALID_CHARS.search(name):
        issues.append(NameIssue.INVALID_CHARACTERS)
    if _LEADING_SPACE.match(name) or _TRAILING_SPACE.search(name):
        issues.append(NameIssue.LEADING_OR_TRAILING_SPACE)
    if name.endswith("."):
        issues.append(NameIssue.TRAILING_DOT)
    if _RESERVED.match(name):
        issues.append(NameIssue.RESERVED_NAME)
    if _is_blocked(name):
        issues.append(NameIssue.BLOCKED_NAME)
    if name.startswith("~$"):
        issues.append(NameIssue.TEMPORARY_PREFIX)
    if _VTI.search(name):
        issues.append(NameIssue.VTI)
    if _is_forms(name, is_folder, at_root):
        issues.append(NameIssue.FORMS_AT_ROOT)
    return tuple(issues)


def sort_issues(issues: Collection[NameIssue]) -> tuple[NameIssue, ...]:
    """Issues in reporting order, without repeats."""
    return tuple(sorted(set(issues), key=_ORDER.__getitem__))


def personal_prefix(user_principal_name: str, destination_folder: str) -> str:
    """'personal/<upn with _>/Documents/<destination folder>/' as OneDrive counts it.

    Every character of the UPN that is not a letter, digit or underscore becomes '_'
    (jane.smith@force.police.uk -> jane_smith_force_police_uk); only the length matters
    here and the substitution keeps it.
    """
    site = re.sub(r"[^\w]", "_", user_principal_name)
    folder = destination_folder.strip("/")
    return f"personal/{site}/Documents/" + (f"{folder}/" if folder else "")


def server_relative_length(
    dest_rel_path: str, *, user_principal_name: str, destination_folder: str
) -> int:
    """Length of the decoded server-relative path OneDrive limits to MAX_PATH_LENGTH."""
    return len(personal_prefix(user_principal_name, destination_folder)) + len(
        dest_rel_path.strip("/")
    )


def _fix_once(name: str, is_folder: bool, at_root: bool) -> str:
    """Apply each rule's repair once; the order matters (strip first, then keywords)."""
    fixed = _INVALID_CHARS.sub("_", name)
    fixed = _LEADING_SPACE.sub("", fixed)
    fixed = _TRAILING_SPACES_AND_DOTS.sub("", fixed)
    if not fixed:
        return "_"
    if fixed.startswith("~$"):
        fixed = "_" + fixed[1:]
    fixed = _VTI.sub(r"_\1-", fixed)
    if _RESERVED.match(fixed):
        stem, dot, extension = fixed.partition(".")
        fixed = f"{stem}_{dot}{extension}"  # CON.txt -> CON_.txt, lpt1 -> lpt1_
    if _is_blocked(fixed):
        fixed = "_.lock" if fixed.lower() == ".lock" else fixed[:7] + "_" + fixed[7:]
    if _is_forms(fixed, is_folder, at_root):
        fixed += "_"
    return fixed


def valid_name(name: str, *, is_folder: bool = False, at_root: bool = False) -> str:
    """`name` repaired so that it breaks no per-name rule (unchanged when it breaks none)."""
    fixed = name
    for _ in range(4):  # each pass only shortens or appends '_'; two always suffice
        if not name_issues(fixed, is_folder=is_folder, at_root=at_root):
            return fixed
        fixed = _fix_once(fixed, is_folder, at_root)
    raise AssertionError(f"no valid name found for {name!r}")  # a bug in the rules above


def _split_extension(name: str, is_folder: bool) -> tuple[str, str]:
    if is_folder:
        return name, ""
    dot = name.rfind(".")
    if dot <= 0:  # no extension, or a name such as ".profile"
        return name, ""
    return name[:dot], name[dot:]


def propose_name(
    name: str, taken_lower: Container[str], *, is_folder: bool = False, at_root: bool = False
) -> str:
    """A deterministic name that passes every rule and is not in `taken_lower` (lowercase).

    Valid, free names come back unchanged. Collisions get " (2)", " (3)"... before the
    extension, as Windows and OneDrive do themselves.
    """
    base = valid_name(name, is_folder=is_folder, at_root=at_root)
    if base.lower() not in taken_lower:
        return base
    stem, extension = _split_extension(base, is_folder)
    counter = 2
    while True:
        candidate = f"{stem} ({counter}){extension}"
        if candidate.lower() not in taken_lower and not name_issues(
            candidate, is_folder=is_folder, at_root=at_root
        ):
            return candidate
        counter += 1
