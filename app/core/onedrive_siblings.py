"""Which names each folder already holds, as OneDrive compares them (ignoring case).

Part of the OneDrive rules check (app.core.onedrive_rules). On a 200,000-file inventory,
sets of (folder, name) tuples or per-folder child lists cost more than everything else
together, so the index keeps one 64-bit fingerprint per (folder, lower-case name) pair in
a sorted numpy array instead:

- two children of one folder whose names differ only in case have equal fingerprints, so
  a sort finds every candidate clash at once; the few candidates are then counted exactly;
- "is this lower-case name taken in that folder?" is a binary search, which is all that
  choosing a new, collision-free name needs.

Fingerprints come from Python's string hashes (cached on each string, so the hashing is
paid once). A collision of two 64-bit fingerprints (odds about 2^-64 a pair) can only
make a free name look taken, and the rename then takes the next " (n)": never a clash.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

_MULTIPLIER = 1_000_003
_MASK = (1 << 64) - 1

Key = int | str  # a file's index in inventory.files, or a folder's rel_path


def string_hashes(strings: Iterable[str], count: int) -> np.ndarray:
    """hash() of each string, as int64."""
    return np.fromiter(map(hash, strings), dtype=np.int64, count=count)


def _fingerprints(parent_hashes: np.ndarray, name_hashes: np.ndarray) -> np.ndarray:
    mixed: np.ndarray = (parent_hashes * np.int64(_MULTIPLIER)) ^ name_hashes  # wraps mod 2^64
    return mixed


def _fingerprint(parent: str, name_lower: str) -> int:
    """The same number `_fingerprints` gives, for one pair (numpy int64 wrap-around)."""
    value = ((hash(parent) * _MULTIPLIER) & _MASK) ^ (hash(name_lower) & _MASK)
    return value - (1 << 64) if value >= 1 << 63 else value


class SiblingIndex:
    """Every (folder, lower-case name) of an inventory, files and folders alike."""

    def __init__(
        self,
        parents: Sequence[str],
        parent_hashes: np.ndarray,
        names_lower: Sequence[str],
        folder_paths: Sequence[str],
        folder_split: Sequence[tuple[str, str, str]],
    ) -> None:
        folder_lower = [parts[2].lower() for parts in folder_split]
        count = len(folder_split)
        fingerprints = np.concatenate(
            [
                _fingerprints(parent_hashes, string_hashes(names_lower, len(names_lower))),
                _fingerprints(
                    string_hashes((parts[0] for parts in folder_split), count),
                    string_hashes(folder_lower, count),
                ),
            ]
        )
        self._sorted = np.sort(fingerprints)
        # twins: (folder, lower-case name) -> the keys of two or more children sharing it
        self.twins: dict[tuple[str, str], list[Key]] = {}
        repeated = self._sorted[1:][self._sorted[1:] == self._sorted[:-1]]
        if not repeated.size:  # the usual case: no two children share a lower-case name
            return
        file_count = len(parents)
        members: defaultdict[tuple[str, str], list[Key]] = defaultdict(list)
        for index in np.flatnonzero(np.isin(fingerprints, repeated)).tolist():
            if index < file_count:
                members[(parents[index], names_lower[index])].append(index)
            else:
                folder = index - file_count
                pair = (folder_split[folder][0], folder_lower[folder])
                members[pair].append(folder_paths[folder])
        self.twins = {pair: keys for pair, keys in members.items() if len(keys) > 1}

    def holds(self, parent: str, name_lower: str) -> bool:
        """True when some child of `parent` is called `name_lower` (ignoring case)."""
        value = _fingerprint(parent, name_lower)
        position = int(np.searchsorted(self._sorted, value))
        return position < len(self._sorted) and int(self._sorted[position]) == value


class TakenNames:
    """The lower-case names taken in one folder: those it holds, plus new names given out.

    A name being renamed away still counts as taken: harmless, as a repaired name never
    equals a refused one except for case twins, whose name the first twin keeps anyway.
    """

    def __init__(self, index: SiblingIndex, parent: str) -> None:
        self._index = index
        self._parent = parent
        self._given: set[str] = set()

    def __contains__(self, name_lower: object) -> bool:
        if not isinstance(name_lower, str):
            return False
        return name_lower in self._given or self._index.holds(self._parent, name_lower)

    def add(self, name_lower: str) -> None:
        self._given.add(name_lower)
