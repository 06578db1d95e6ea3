"""Check a whole inventory against OneDrive's rules before anything is uploaded.

Adds what a single name cannot tell: names that differ only in case within one folder
(OneDrive is case-insensitive: the first in sorted order keeps its name), the full path
length after every rename (a renamed folder changes its descendants' paths) and the file
size limit. The per-name rules are in `app.core.onedrive_names` and re-exported here.

Fast on 200,000-file inventories (benchmarks/bench_onedrive_rules.py): every per-file step
is a C-level pass (map with operator getters, one scan of all names joined into a string,
64-bit fingerprints in numpy for case clashes and folder completeness); Python-level work
is per folder, and only for the few items with something to rename or lengthen.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, TypeVar

import numpy as np

from app.core.gc_quiet import collector_paused
from app.core.inventory import Inventory
from app.core.onedrive_names import (
    ISSUE_TEXT,
    MAX_FILE_SIZE,
    MAX_PATH_LENGTH,
    UNFIXABLE,
    NameIssue,
    name_issues,
    personal_prefix,
    propose_name,
    server_relative_length,
    sort_issues,
    suspect_paths,
    valid_name,
)
from app.core.onedrive_siblings import Key, SiblingIndex, TakenNames, string_hashes

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Finding:
    """What is wrong with one file or folder, and the name OneDrive needs (if a rename helps)."""

    issues: tuple[NameIssue, ...]
    fixable: bool  # True: the rename in new_name is all it takes
    new_name: str | None = None  # None: the name itself is fine


@dataclass
class RulesResult:
    """Findings for the items with problems, and every item's path in OneDrive."""

    files: dict[int, Finding] = field(default_factory=dict)  # index into inventory.files
    folders: dict[str, Finding] = field(default_factory=dict)  # folder rel_path
    destination_folder: str = ""
    user_principal_name: str = ""
    # folder rel_path -> destination rel_path, for each folder renamed or below a renamed one
    folder_destinations: dict[str, str] = field(default_factory=dict)
    file_renames: dict[str, str] = field(default_factory=dict)  # file rel_path -> new name

    def destination_path(self, rel_path: str) -> str:
        """Where an item goes, relative to the destination folder, with every rename applied."""
        moved = self.folder_destinations.get(rel_path)
        if moved is not None:
            return moved
        parent, _, name = rel_path.rpartition("/")
        name = self.file_renames.get(rel_path, name)
        if not parent:
            return name
        return f"{self.folder_destinations.get(parent, parent)}/{name}"

    def server_relative_length(self, rel_path: str) -> int:
        """The length OneDrive limits to MAX_PATH_LENGTH, for an item of this inventory."""
        return server_relative_length(
            self.destination_path(rel_path),
            user_principal_name=self.user_principal_name,
            destination_folder=self.destination_folder,
        )

    def cannot_move(self) -> list[int]:
        """Indexes of files no rename can help (path too long, file too large)."""
        return [index for index, finding in self.files.items() if not finding.fixable]


Child = tuple[str, bool, Key, str]  # (name, is a folder, key, lower-case name)


@dataclass
class _Issues:
    """Issues found so far, by file index and by folder path."""

    files: dict[int, list[NameIssue]]
    folders: dict[str, list[NameIssue]]

    def get(self, key: Key) -> list[NameIssue] | None:
        return self.files.get(key) if isinstance(key, int) else self.folders.get(key)

    def add(self, key: Key, issue: NameIssue) -> None:
        if isinstance(key, int):
            self.files.setdefault(key, []).append(issue)
        else:
            self.folders.setdefault(key, []).append(issue)

    def needing_rename(self) -> set[Key]:
        """Keys of the items with an issue a rename fixes."""
        keys: set[Key] = set()
        for table in (self.files, self.folders):
            keys.update(key for key, found in table.items() if not UNFIXABLE.issuperset(found))
        return keys


def _all_folders(inventory: Inventory, parents: list[str], parent_hashes: np.ndarray) -> set[str]:
    """Every folder, including ancestors an interrupted scan never listed.

    Compared by hash first (the hashes are needed for the case-clash check anyway), so
    only the parents whose hash is not a listed folder's are looked at as strings.
    """
    known = {folder.rel_path for folder in inventory.folders}
    known.add("")
    known_hashes = np.fromiter(map(hash, known), dtype=np.int64, count=len(known))
    unlisted = np.flatnonzero(~np.isin(parent_hashes, known_hashes)).tolist()
    pending = {parents[index] for index in unlisted}
    pending.update(path.rpartition("/")[0] for path in known if path)
    pending -= known
    while pending:
        path = pending.pop()
        if path not in known:
            known.add(path)
            pending.add(path.rpartition("/")[0])
    return known


def _folder_destinations(folder_paths: list[str], folder_renames: dict[str, str]) -> dict[str, str]:
    """Destination of every folder renamed or below a renamed one (`folder_paths` sorted)."""
    affected = set(folder_renames)
    for renamed in folder_renames:
        # Every path starting "<renamed>/" sorts between it and "<renamed>0" ('0' follows '/').
        low = bisect.bisect_left(folder_paths, renamed + "/")
        high = bisect.bisect_left(folder_paths, renamed + "0")
        affected.update(folder_paths[low:high])
    destinations: dict[str, str] = {}
    for path in sorted(affected, key=len):  # parents before children
        parent, _, name = path.rpartition("/")
        new_name = folder_renames.get(path, name)
        base = destinations.get(parent, parent)
        destinations[path] = f"{base}/{new_name}" if parent else new_name
    return destinations


def _name_order(child: Child) -> tuple[str, bool]:
    return child[0], child[1]


def _resolve_folder(
    renaming: list[Child],
    twin_groups: list[list[Child]],
    issues: _Issues,
    needing: set[Key],
    taken: TakenNames,
    at_root: bool,
) -> dict[Key, str]:
    """New names for one folder's children that need one, in sorted order.

    Of twins (names equal but for case) the first fine one in sorted order keeps its name.
    """
    renaming = list(renaming)
    for group in twin_groups:
        fine = sorted((child for child in group if child[2] not in needing), key=_name_order)
        for child in fine[1:]:
            issues.add(child[2], NameIssue.CASE_CLASH)
            renaming.append(child)
    renames: dict[Key, str] = {}
    for name, is_folder, key, _ in sorted(renaming, key=_name_order):
        new = propose_name(name, taken, is_folder=is_folder, at_root=at_root)
        taken.add(new.lower())
        renames[key] = new
    return renames


# Items per slice of a C-level map: a few milliseconds each, so the GIL changes hands
# between slices (one map over 200,000 items holds it for 50-150 ms: a GUI freeze).
_SLICE = 16384


def _sliced_map(func: Callable[[Any], _T], items: Sequence[Any]) -> list[_T]:
    """list(map(func, items)), one slice at a time."""
    out: list[_T] = []
    for start in range(0, len(items), _SLICE):
        out += map(func, items[start : start + _SLICE])
    return out


def check_inventory(
    inventory: Inventory, *, destination_folder: str = "H drive", user_principal_name: str = ""
) -> RulesResult:
    """Every file and folder OneDrive would refuse, why, and the rename that fixes it."""
    with collector_paused():
        return _check(inventory, destination_folder, user_principal_name)


def _check(inventory: Inventory, destination_folder: str, user_principal_name: str) -> RulesResult:
    files = inventory.files
    columns = inventory.path_columns()  # shared with classify, which runs next
    paths, parents, names = columns.paths, columns.parents, columns.names
    names_lower = _sliced_map(str.lower, names)
    parent_hashes = string_hashes(parents, len(parents))
    folders = _all_folders(inventory, parents, parent_hashes)
    folder_paths = sorted(path for path in folders if path)
    folder_split = [path.rpartition("/") for path in folder_paths]
    folder_names_lower = [parts[2].lower() for parts in folder_split]

    # A file is only checked by its name: its folders are checked once each, below.
    file_issues: dict[int, list[NameIssue]] = {}
    for index in suspect_paths(names, names_lower):
        found = name_issues(names[index])
        if found:
            file_issues[index] = list(found)
    sizes = _sliced_map(attrgetter("size"), files)
    if sizes and max(sizes) > MAX_FILE_SIZE:
        for index in [i for i, size in enumerate(sizes) if size > MAX_FILE_SIZE]:
            file_issues.setdefault(index, []).append(NameIssue.FILE_TOO_LARGE)
    del sizes
    folder_issues: dict[str, list[NameIssue]] = {}
    for index in suspect_paths([parts[2] for parts in folder_split], folder_names_lower):
        parent, _, name = folder_split[index]
        found = name_issues(name, is_folder=True, at_root=not parent)
        if found:
            folder_issues[folder_paths[index]] = list(found)

    # New names: for every item with a naming issue, and for case twins. Only these items
    # are visited; what each folder already holds is looked up in the sibling index.
    siblings = SiblingIndex(parents, parent_hashes, names_lower, folder_paths, folder_split)
    found_issues = _Issues(file_issues, folder_issues)
    needing = found_issues.needing_rename()

    def child(key: Key) -> tuple[str, Child]:
        if isinstance(key, int):
            return parents[key], (names[key], False, key, names_lower[key])
        parent, _, name = key.rpartition("/")
        return parent, (name, True, key, name.lower())

    renaming: defaultdict[str, list[Child]] = defaultdict(list)
    for key in needing:
        parent, item = child(key)
        renaming[parent].append(item)
    twins: defaultdict[str, list[list[Child]]] = defaultdict(list)
    for (parent, _), keys in siblings.twins.items():
        twins[parent].append([child(key)[1] for key in keys])
    renames: dict[Key, str] = {}
    for parent in sorted(renaming.keys() | twins.keys()):
        taken = TakenNames(siblings, parent)
        renames.update(
            _resolve_folder(
                renaming[parent], twins[parent], found_issues, needing, taken, not parent
            )
        )

    # Destination paths and lengths. Only folders renamed, or below one, change path.
    folder_renames = {key: new for key, new in renames.items() if isinstance(key, str)}
    folder_destinations = _folder_destinations(folder_paths, folder_renames)
    growth = max((len(d) - len(p) for p, d in folder_destinations.items()), default=0)
    growth = max(growth, 0)
    limit = MAX_PATH_LENGTH - len(personal_prefix(user_principal_name, destination_folder))
    if folder_paths and max(map(len, folder_paths)) + growth > limit:
        for path in folder_paths:
            if len(folder_destinations.get(path, path)) > limit:
                folder_issues.setdefault(path, []).append(NameIssue.PATH_TOO_LONG)
    # A file that is not renamed grows at most by its folders' growth: only files near the
    # limit, and renamed files, need their exact length.
    near: set[int] = set()
    if paths and max(map(len, paths)) + growth > limit:
        lengths_now = np.fromiter(map(len, paths), dtype=np.int64, count=len(paths))
        near.update(np.flatnonzero(lengths_now + growth > limit).tolist())
    near.update(key for key in renames if isinstance(key, int))
    for index in near:
        parent = parents[index]
        new_name = renames.get(index) or names[index]
        length = len(folder_destinations.get(parent, parent)) + (1 if parent else 0) + len(new_name)
        if length > limit:
            file_issues.setdefault(index, []).append(NameIssue.PATH_TOO_LONG)

    result = RulesResult(
        destination_folder=destination_folder,
        user_principal_name=user_principal_name,
        folder_destinations=folder_destinations,
    )
    for index, issues in file_issues.items():
        if issues:
            renamed = renames.get(index)
            result.files[index] = _finding(issues, renamed)
            if renamed is not None:
                result.file_renames[files[index].rel_path] = renamed
    for path, issues in folder_issues.items():
        if issues:
            result.folders[path] = _finding(issues, renames.get(path))
    return result


def _finding(issues: list[NameIssue], new_name: str | None) -> Finding:
    ordered = sort_issues(issues)
    return Finding(ordered, not any(issue in UNFIXABLE for issue in ordered), new_name)


__all__ = [
    "ISSUE_TEXT",
    "MAX_FILE_SIZE",
    "MAX_PATH_LENGTH",
    "UNFIXABLE",
    "Finding",
    "NameIssue",
    "RulesResult",
    "check_inventory",
    "name_issues",
    "personal_prefix",
    "propose_name",
    "server_relative_length",
    "sort_issues",
    "valid_name",
]
