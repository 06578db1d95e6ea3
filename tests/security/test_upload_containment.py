"""Uploads can never land outside the chosen OneDrive folder, whatever the names hold.

Names come from Hypothesis over the characters that could climb out of a folder or be
read as a separator somewhere between the H: drive and OneDrive: `..`, `.`, backslashes,
look-alike slashes (U+2215, U+FF0F, U+2044, U+29F8), percent-encoded dots and slashes,
`?` and `#` (which end a URL path), device names and white space. Two levels:

- scan -> OneDrive rules -> plan: every destination path of the real pipeline lies under
  the destination folder, component by component (many examples, no network);
- the same names moved by the real `migrate` command to the sandbox over HTTPS: every
  item OneDrive (the sandbox) created lies under the destination folder, and every file
  the plan moves arrived there (a few examples, derandomized, with the nastiest names as
  explicit examples: each is a whole migration, ~0.5 s).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.core.classify import classify
from app.core.journal import ItemState, Journal
from app.core.onedrive_rules import check_inventory
from app.core.plan import Choices, build_plan
from app.core.policy import policy_from_settings
from app.core.scan import scan
from app.sandbox.server import Sandbox

DESTINATION = "H drive"
UPN = "tom.jones@sandbox.police.uk"
_PIECES = (
    "..",
    ".",
    "...",
    "\\",
    "..\\..\\",
    "\u2215",  # DIVISION SLASH
    "\uff0f",  # FULLWIDTH SOLIDUS
    "\u2044",  # FRACTION SLASH
    "\u29f8",  # BIG SOLIDUS
    "\uff3c",  # FULLWIDTH REVERSE SOLIDUS
    "%2e%2e",
    "%2F",
    "%5c",
    "?",
    "#",
    ":",
    "CON",
    "aux",
    "LPT1",
    "desktop.ini",
    "_vti_",
    "~$",
    " ",
    "\t",
    "a",
    "b.txt",
)
# One path component on a POSIX disk: anything but '/' and NUL (both impossible there).
component = (
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4)
    .map("".join)
    .filter(lambda s: s not in (".", "..") and "/" not in s and len(s.encode()) < 200)
)
trees = st.lists(
    st.lists(component, min_size=1, max_size=3), min_size=1, max_size=5, unique_by=tuple
)


def write_tree(root: Path, paths: list[list[str]]) -> list[str]:
    """Create the files (a path that would need a file to be a folder is skipped)."""
    made = []
    for n, parts in enumerate(paths):
        path = root.joinpath(*parts)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists():
                continue
            path.write_bytes(f"file {n}\n".encode())
        except (NotADirectoryError, FileExistsError, IsADirectoryError):
            continue
        made.append("/".join(parts))
    return made


def inside(path: str, destination: str = DESTINATION) -> bool:
    parts = path.split("/")
    return (
        parts[0] == destination
        and len(parts) >= 2
        and all(p not in ("", ".", "..") and "\\" not in p for p in parts)
    )


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(trees)
def test_every_planned_destination_lies_under_the_folder(
    tmp_path_factory: pytest.TempPathFactory, paths: list[list[str]]
) -> None:
    root = tmp_path_factory.mktemp("H")
    write_tree(root, paths)
    inventory = scan(root)
    rules = check_inventory(inventory, destination_folder=DESTINATION, user_principal_name=UPN)
    report = classify(inventory, policy_from_settings(""), rules=rules)
    plan = build_plan(report, rules, Choices.accept_guidance(), destination_folder=DESTINATION)
    for item in plan.to_move():
        assert inside(item.dest_path), (item.rel_path, item.dest_path)


# The names most likely to climb out, always tried (Hypothesis adds a few of its own).
NASTY = (
    [["desktop.ini"]],  # nothing to move: OneDrive refuses it, the plan leaves it behind
    [["..\\..\\", "b.txt"], ["..\\", "a"]],
    [["%2e%2e%2F", "%2e%2e%5c", "b.txt"]],
    [["\u2215..\u2215", "\uff0f..\uff0f", "a"], ["\u2044..", "\u29f8\uff3c.."]],
    [["?", "#"], ["...", " ", "b.txt"], [":..", "a"]],
    [["CON"], ["aux", "LPT1", "b.txt"], ["~$", "_vti_"], ["\t", "desktop.ini"]],
)


@settings(
    max_examples=len(NASTY) + 4,
    derandomize=True,  # the same examples every run: a failure here is never a fluke
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(trees)
@example(paths=NASTY[0])
@example(paths=NASTY[1])
@example(paths=NASTY[2])
@example(paths=NASTY[3])
@example(paths=NASTY[4])
@example(paths=NASTY[5])
def test_every_item_onedrive_created_lies_under_the_folder(
    sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory, paths: list[list[str]]
) -> None:
    root = tmp_path_factory.mktemp("H")
    write_tree(root, paths)
    home = tmp_path_factory.mktemp("home")
    folder = f"{DESTINATION} {home.name}"  # a fresh folder per example: no name clashes
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MIGRATION_ASSISTANT_HOME", str(home))
        code = main(
            [
                *("--set", f"onedrive.destination_folder={folder}"),
                *("migrate", "--sandbox-attach", str(sandbox.state_dir)),
                *("--sandbox-user", UPN, "--source", str(root), "--accept-guidance"),
            ]
        )
        with Journal.open_default(practice=True) as journal:
            run = journal.latest_run()
            assert run is not None
            items = journal.items(run.id)
    assert code == 0
    # Everything OneDrive holds, from this example and the earlier ones, is in a folder
    # of its own example (or is a receipt, which is put beside that folder).
    for entry in sandbox.state.tree(UPN):
        path = str(entry["path"])
        top = path.split("/")[0]
        in_a_folder = top.startswith(DESTINATION + " ") and (path == top or inside(path, top))
        assert in_a_folder or path.startswith("H drive migration receipt"), path
    moved = {i.final_path or i.dest_path for i in items if i.state is ItemState.VERIFIED}
    assert all(inside(path, folder) for path in moved), moved
    assert moved <= set(sandbox.state.files(UPN))
    # Every file the plan moves arrived; a plan with nothing to move (desktop.ini alone,
    # which OneDrive refuses) rightly moves nothing.
    to_move = [i for i in items if i.state not in (ItemState.DISCARDED, ItemState.CANNOT_MOVE)]
    assert all(i.state is ItemState.VERIFIED for i in to_move), [
        (i.rel_path, i.state) for i in to_move
    ]
    assert len(moved) == len(to_move)
