"""The plan: guidance + the user's choices + OneDrive renames -> what happens to each file."""

from __future__ import annotations

import pytest

from app.core.guidance import Action, Guidance, GuidanceReport, Reason
from app.core.inventory import FileEntry, Inventory
from app.core.plan import (
    ChoiceNotAllowed,
    Choices,
    Disposition,
    build_plan,
    destination_folders,
    join_destination,
)


def _reason(rule_id: str, action: Action, overridable: bool = True) -> Reason:
    return Reason(rule_id, action, overridable, {"en": f"Title {rule_id}"}, {"en": "because"})


def _report() -> GuidanceReport:
    files = [
        FileEntry("Docs/report.docx", 10, 1.0, 2.0),
        FileEntry("Docs/old.tmp", 20, 1.0, 2.0),
        FileEntry("Evidence/custody.pdf", 30, 1.0, 2.0),
        FileEntry("music/song.mp3", 40, 1.0, 2.0),
        FileEntry("bad/lock.lock", 50, 1.0, 2.0),
        FileEntry("Docs/maybe.xlsx", 60, 1.0, 2.0),
        FileEntry("Docs/a:b.txt", 70, 1.0, 2.0),
    ]
    guidance = [
        Guidance(Action.MOVE),
        Guidance(Action.DISCARD, (_reason("temp", Action.DISCARD),)),
        Guidance(Action.MOVE, (_reason("evidence", Action.MOVE, False),), overridable=False),
        Guidance(
            Action.DISCARD, (_reason("personal-media", Action.DISCARD, False),), overridable=False
        ),
        Guidance(Action.CANNOT_MOVE, (_reason("blocked-name", Action.CANNOT_MOVE, False),), False),
        Guidance(Action.REVIEW, (_reason("old", Action.REVIEW),)),
        Guidance(Action.MOVE, (_reason("rename", Action.MOVE),), new_name="a_b.txt"),
    ]
    return GuidanceReport(Inventory("H:\\", files), guidance, policy_name="Test policy")


class _Renamer:
    def destination_path(self, rel_path: str) -> str:
        return rel_path.replace(":", "_")


def test_guidance_accepted() -> None:
    plan = build_plan(_report(), _Renamer(), Choices(), destination_folder="H drive")
    by_path = {item.rel_path: item for item in plan.items}
    assert by_path["Docs/report.docx"].disposition is Disposition.MOVE
    assert by_path["Docs/report.docx"].dest_path == "H drive/Docs/report.docx"
    assert by_path["Docs/old.tmp"].disposition is Disposition.DISCARD
    assert by_path["Docs/old.tmp"].dest_path == ""
    assert by_path["Docs/old.tmp"].reasons[0].rule_id == "temp"
    assert by_path["Docs/old.tmp"].reasons[0].title == "Title temp"
    assert by_path["bad/lock.lock"].disposition is Disposition.CANNOT_MOVE
    # review: moved until the officer decides
    assert by_path["Docs/maybe.xlsx"].disposition is Disposition.MOVE
    renamed = by_path["Docs/a:b.txt"]
    assert renamed.dest_path == "H drive/Docs/a_b.txt" and renamed.renamed
    assert not by_path["Docs/report.docx"].renamed
    assert not any(item.overridden for item in plan.items)
    assert plan.policy_name == "Test policy"
    assert plan.bytes_to_move == 10 + 30 + 60 + 70
    assert plan.count(Disposition.DISCARD) == 2


def test_overrides_per_file_and_per_group() -> None:
    choices = Choices(move=frozenset({1}), discard=frozenset({0}), discard_rules=frozenset({"old"}))
    plan = build_plan(_report(), None, choices, destination_folder="/Migrated/H drive/")
    assert plan.items[1].disposition is Disposition.MOVE and plan.items[1].overridden
    assert plan.items[1].dest_path == "Migrated/H drive/Docs/old.tmp"
    assert plan.items[0].disposition is Disposition.DISCARD and plan.items[0].overridden
    assert plan.items[5].disposition is Disposition.DISCARD and plan.items[5].overridden
    assert plan.destination_folder == "Migrated/H drive"


def test_per_file_beats_group() -> None:
    choices = Choices(move=frozenset({5}), discard_rules=frozenset({"old"}))
    plan = build_plan(_report(), None, choices, destination_folder="H drive")
    assert plan.items[5].disposition is Disposition.MOVE


@pytest.mark.parametrize(
    "choices",
    [
        Choices(move=frozenset({4})),  # cannot move: never selectable
        Choices(discard=frozenset({4})),
        Choices(discard=frozenset({2})),  # non-overridable move
        Choices(move=frozenset({3})),  # non-overridable discard
        Choices(move=frozenset({0}), discard=frozenset({0})),
        Choices(move_rules=frozenset({"personal-media"})),
    ],
)
def test_choices_the_policy_forbids_are_refused(choices: Choices) -> None:
    with pytest.raises(ChoiceNotAllowed) as caught:
        build_plan(_report(), None, choices, destination_folder="H drive")
    assert caught.value.exit_code == 2 and caught.value.action


def test_unknown_index_is_a_bug() -> None:
    with pytest.raises(ValueError):
        build_plan(_report(), None, Choices(move=frozenset({99})), destination_folder="H drive")


def test_destination_folders_parents_first() -> None:
    plan = build_plan(_report(), _Renamer(), Choices(), destination_folder="H drive")
    folders = destination_folders(plan.items)
    assert folders == ["H drive", "H drive/Docs", "H drive/Evidence"]
    assert join_destination("", "a/b") == "a/b"


@pytest.mark.parametrize(
    "folder", ["../escape", "H drive/../Documents", "a:b", "H drive/.", "CON", "forms"]
)
def test_destination_folder_that_could_escape_or_be_rejected_is_refused(folder: str) -> None:
    from app.core.plan import BadDestination, join_destination

    with pytest.raises(BadDestination) as raised:
        join_destination(folder, "a.txt")
    assert folder in raised.value.message


@pytest.mark.parametrize("rel_path", ["../a.txt", "a/../../b", "a//b", "./a"])
def test_relative_paths_cannot_climb_out(rel_path: str) -> None:
    from app.core.plan import join_destination

    with pytest.raises(ValueError):
        join_destination("H drive", rel_path)


def test_nested_destination_folder_is_accepted() -> None:
    from app.core.plan import join_destination

    assert join_destination("Migrated/H drive", "a/b.txt") == "Migrated/H drive/a/b.txt"
