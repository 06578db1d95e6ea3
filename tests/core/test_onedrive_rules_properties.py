"""Property tests: proposed names always pass, never collide, are stable; the fast path misses
nothing; whole-inventory renames give every folder case-insensitively unique, valid names."""

from __future__ import annotations

import random

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.core.inventory import FileEntry, Inventory
from app.core.onedrive_names import is_suspect_path, suspect_paths
from app.core.onedrive_rules import (
    NameIssue,
    check_inventory,
    name_issues,
    propose_name,
)

# Biased towards the characters and fragments the rules care about.
_TRICKY = list('aAbB. ~$_-vVtTiIcoOnNCprxXuUlLkKdDesfm019:?"*<>/\\|\t\x7f\u00a0\u3000éſİ')
_FRAGMENTS = ["con", "COM1", "lpt9", "_vti_", "~$", ".lock", "desktop.ini", "forms", " ", "."]
_FRAGMENTS += ["(2)", " (3)"]
names = st.lists(
    st.sampled_from(_FRAGMENTS) | st.text(alphabet=st.sampled_from(_TRICKY), max_size=4),
    max_size=5,
).map("".join) | st.text(max_size=12)
path_names = names.filter(lambda name: "/" not in name and name != "")
taken_sets = st.sets(names.map(str.lower), max_size=6)
flags = st.booleans()

_RENAMING = set(NameIssue) - {NameIssue.CASE_CLASH, NameIssue.PATH_TOO_LONG}


@given(names, taken_sets, flags, flags)
def test_proposed_name_passes_every_rule_and_is_free(
    name: str, taken: set[str], is_folder: bool, at_root: bool
) -> None:
    new = propose_name(name, taken, is_folder=is_folder, at_root=at_root)
    assert name_issues(new, is_folder=is_folder, at_root=at_root) == ()
    assert new.lower() not in taken
    assert "/" not in new


@given(names, taken_sets, flags, flags)
def test_proposed_name_is_deterministic(
    name: str, taken: set[str], is_folder: bool, at_root: bool
) -> None:
    first = propose_name(name, taken, is_folder=is_folder, at_root=at_root)
    again = propose_name(name, frozenset(sorted(taken)), is_folder=is_folder, at_root=at_root)
    assert first == again


# Mostly names OneDrive accepts (the tricky ones above are nearly all refused, and
# filtering them out would leave Hypothesis too few examples), with the tricky ones mixed in.
_PLAIN = "abcdXYZ0189 -_.()'éİſ"
plain_names = st.text(alphabet=st.sampled_from(_PLAIN), min_size=1, max_size=14) | names


@given(plain_names, taken_sets, flags, flags)
def test_valid_free_names_are_unchanged(
    name: str, taken: set[str], is_folder: bool, at_root: bool
) -> None:
    assume(not name_issues(name, is_folder=is_folder, at_root=at_root))
    taken = taken - {name.lower()}  # free: not among the names already taken
    assert propose_name(name, taken, is_folder=is_folder, at_root=at_root) == name


@given(st.lists(path_names, min_size=1, max_size=4))
def test_the_fast_path_filter_never_misses_a_broken_component(parts: list[str]) -> None:
    broken = any(
        name_issues(part, is_folder=position < len(parts) - 1, at_root=position == 0)
        for position, part in enumerate(parts)
    )
    if broken:
        assert is_suspect_path("/".join(parts))


_SIBLING = st.sets(path_names, min_size=1, max_size=8)


@settings(max_examples=150)
@given(_SIBLING, _SIBLING, st.integers(0, 2**32 - 1))
def test_inventory_renames_are_unique_valid_and_order_independent(
    top: set[str], inner: set[str], seed: int
) -> None:
    # A case-sensitive file system can hold all of these side by side: "x" is a folder,
    # so drop a same-named file from the top level.
    folder = next(iter(sorted(top)))
    paths = [name for name in top if name != folder]
    paths += [f"{folder}/{name}" for name in inner]
    inventory = Inventory("H:", [FileEntry(path, 1, 0.0, 0.0) for path in paths])
    result = check_inventory(inventory)

    shuffled = list(inventory.files)
    random.Random(seed).shuffle(shuffled)
    again = check_inventory(Inventory("H:", shuffled))
    destinations = {path: result.destination_path(path) for path in paths}
    assert destinations == {path: again.destination_path(path) for path in paths}

    folder_dest = result.destination_path(folder)
    for parent in ("", folder_dest):
        siblings = [
            dest.rpartition("/")[2]
            for dest in [*destinations.values(), folder_dest]
            if dest.rpartition("/")[0] == parent
        ]
        lowered = [name.lower() for name in siblings]
        assert len(set(lowered)) == len(lowered), siblings
        for name in siblings:
            is_folder = parent == "" and name == folder_dest
            issues = set(name_issues(name, is_folder=is_folder, at_root=parent == ""))
            assert not issues & _RENAMING, (name, issues)


def test_every_white_space_character_makes_a_path_suspect_at_either_end() -> None:
    spaces = [chr(code) for code in range(0x3001) if chr(code).isspace()]
    assert len(spaces) > 20
    for space in spaces:
        for name in (space + "a", "a" + space):
            assert NameIssue.LEADING_OR_TRAILING_SPACE in name_issues(name)
            assert is_suspect_path(f"Folder/{name}/x.txt")
            assert is_suspect_path(f"Folder/{name}")


@given(st.lists(st.lists(path_names, min_size=1, max_size=3).map("/".join), max_size=6))
def test_the_joined_scan_flags_exactly_what_path_by_path_scans_flag(paths: list[str]) -> None:
    expected = [index for index, path in enumerate(paths) if is_suspect_path(path)]
    assert suspect_paths(paths, [path.lower() for path in paths]) == expected


def test_neighbouring_paths_do_not_hide_each_other() -> None:
    paths = ["Old/forms", "forms", "con.", "con.", "a.", "b ", "x_vti_", "_vti_"]
    assert suspect_paths(paths, [path.lower() for path in paths]) == list(range(len(paths)))


def test_a_name_that_grows_when_lower_cased_does_not_shift_the_others() -> None:
    # "İ".lower() is two characters: offsets in the lower-case join move by one.
    paths = ["İ" * 30 + ".txt", "ok.txt", "con.txt", "x_VTI_y", "fine", "a", "b", "c", "d"]
    assert suspect_paths(paths, [path.lower() for path in paths]) == [2, 3]
