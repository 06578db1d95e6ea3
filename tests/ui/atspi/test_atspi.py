"""What a screen reader gets from the wizard, read from outside the process over the Linux
accessibility bus (AT-SPI), under Xvfb: one practice journey (sandbox) per module run,
with the client (Debian's python3 + pyatspi) recording each page; see session.sh,
driver_app.py and client.py. Needs the system packages scripts/_system_packages.sh
installs; when they are missing this fails and says what to install (never skips)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
WIZARD_BUTTONS = ("Back", "Next", "Start moving", "Finish", "Cancel")
STEPS = ("welcome", "sign_in", "scan", "review", "confirm", "progress", "done")
NEEDED = (
    "dbus-run-session (dbus), xvfb-run (xvfb), /usr/libexec/at-spi-bus-launcher "
    "(at-spi2-core), /usr/bin/python3 with pyatspi (python3-pyatspi): "
    "run `sudo bash -c 'source scripts/_system_packages.sh'`"
)

Node = dict[str, Any]
# Reached with the arrow keys inside their list, table, tree or tab bar, not with Tab.
ITEM_ROLES = {"list item", "table cell", "tree item", "page tab", "column header", "row header"}
# Containers that hand focus to a child (QTabWidget to its tab bar) say "focusable" too.
CONTAINER_ROLES = {"filler", "panel"}


def _missing() -> list[str]:
    missing = [tool for tool in ("dbus-run-session", "xvfb-run") if shutil.which(tool) is None]
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        missing.append("at-spi-bus-launcher")
    probe = (
        subprocess.run(
            ["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True, check=False
        )
        if Path("/usr/bin/python3").exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        missing.append("pyatspi")
    return missing


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    missing = _missing()
    if missing:
        pytest.fail(f"AT-SPI suite: missing {', '.join(missing)}. Needed: {NEEDED}")
    folder = tmp_path_factory.mktemp("atspi")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MIGRATION_ASSISTANT_")}
    env.pop("QT_QPA_PLATFORM", None)
    env["MIGRATION_ASSISTANT_HOME"] = str(folder / "home")
    env["MIGRATION_ASSISTANT_ORG_FILE"] = str(folder / "home" / "organisation.toml")
    command = [
        "dbus-run-session",
        "--",
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1280x900x24",
        "sh",
        str(HERE / "session.sh"),
        sys.executable,
        str(folder),
    ]
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    logs = "\n".join(
        f"--- {name}\n{(folder / name).read_text(errors='replace')[-3000:]}"
        for name in ("driver.log", "client.log")
        if (folder / name).exists()
    )
    assert run.returncode == 0, f"{run.stdout[-2000:]}\n{run.stderr[-2000:]}\n{logs}"
    data: dict[str, Any] = json.loads((folder / "seen.json").read_text())
    data["folder"] = str(folder)
    return data


def step(seen: dict[str, Any], name: str) -> dict[str, Any]:
    found = [s for s in seen["steps"] if s["step"] == name]
    assert found, f"the client never saw the step {name!r}"
    return found[0]


def spoken_name(node: Node) -> str:
    """What Orca says for a control: its labels (labelled-by), then its own name."""
    return " ".join([*node.get("labelled_by", []), node["name"]]).strip()


def announcements(seen: dict[str, Any]) -> list[tuple[str, int]]:
    return [(e["data"], e["detail1"]) for e in seen["events"] if e["type"] == "object:announcement"]


def test_every_page_was_read(seen):
    assert [s["step"] for s in seen["steps"]][: len(STEPS)] == list(STEPS)


@pytest.mark.parametrize("name", [*STEPS, "delete_question"])
def test_every_control_has_a_role_and_a_spoken_name(seen, name):
    tree = step(seen, name)["tree"]
    focusable = [n for n in tree if "focusable" in n["states"]]
    assert len(focusable) >= 2
    unnamed = [n for n in focusable if not spoken_name(n)]
    assert unnamed == [], unnamed
    controls = [n for n in focusable if n["role"] not in CONTAINER_ROLES]
    assert [n for n in controls if n["role"] in ("unknown", "invalid")] == []
    # Clean button names: no "< Back" / "Next >", no mnemonic ampersands.
    buttons = [n["name"] for n in focusable if n["role"] == "push button"]
    assert [b for b in buttons if re.search(r"[<>&]", b)] == []


@pytest.mark.parametrize("name", STEPS)
def test_tab_reaches_every_control_in_reading_order(seen, name):
    page = step(seen, name)
    order = [(n["role"], n["name"]) for n in page["tab_order"]]
    assert order and "(no focus change)" not in order[-1][0], order
    reachable = {
        (n["role"], n["name"])
        for n in page["tree"]
        if {"focusable", "enabled", "showing"} <= set(n["states"])
        and n["role"] not in ITEM_ROLES | CONTAINER_ROLES
    }
    assert reachable - set(order) == set(), "reachable but never focused by Tab"
    # The page's controls in reading order, then Back / Next (or Start moving / Finish) /
    # Cancel: never a page control between the wizard's buttons.
    cycle = round_the_cycle(order)
    first_button = next(i for i, (_r, text) in enumerate(cycle) if text in WIZARD_BUTTONS)
    assert all(text in WIZARD_BUTTONS for _r, text in cycle[first_button:]), cycle
    buttons = [text for _r, text in cycle[first_button:]]
    assert buttons == sorted(buttons, key=WIZARD_BUTTONS.index)
    assert cycle[:first_button], "a page whose content Tab never reaches"


def round_the_cycle(order: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The Tab cycle started at the first page control after the wizard's buttons."""
    button = [text in WIZARD_BUTTONS for _role, text in order]
    starts = [i for i in range(len(order)) if not button[i] and button[i - 1]]
    assert len(starts) == 1, f"page controls and wizard buttons interleave: {order}"
    return order[starts[0] :] + order[: starts[0]]


def test_review_reads_top_to_bottom(seen):
    tab_order = [(n["role"], n["name"]) for n in step(seen, "review")["tab_order"]]
    order = [name for _role, name in round_the_cycle(tab_order)]
    positions = [order.index(name) for name in ("Kinds of files:", "Details")]
    assert positions == sorted(positions), order


def test_review_guidance_can_be_worked_through_as_a_list(seen):
    listing = step(seen, "review")["guidance_list"]
    assert listing["found"], "no list named 'Kinds of files:'"
    items = [item["name"] for item in listing["items"]]
    assert len(items) >= 2
    for item in items:  # a mark, the kind, the count and size, and what will happen
        assert re.match(r"^[✔?✖⊘⚠] .+: \d+ files?, .+: (will|must|cannot|can)", item), item
    assert any("will move" in i for i in items) and any("discarded" in i for i in items)
    visits = [v["name"] for v in listing["visits"]]
    assert visits == items[1:], "Down should visit each following kind once, in order"
    assert all(v["role"] == "list item" for v in listing["visits"])


def test_progress_bar_exposes_value_and_words(seen):
    bar = next(n for n in step(seen, "progress")["tree"] if n["role"] == "progress bar")
    assert bar["name"] == "Overall progress"
    assert bar["value"] == 100
    assert bar["description"].startswith("100 percent, 24 of 24 files")
    changes = [
        e
        for e in seen["events"]
        if e["type"] == "object:property-change:accessible-value"
        and e["source"]["role"] == "progress bar"
    ]
    assert len(changes) >= 2, "the bar's value changes never reached the bus"


def test_announcements_reach_the_bus_during_the_upload_and_at_the_end(seen):
    said = announcements(seen)
    texts = [text for text, _ in said]
    progress = [(t, d) for t, d in said if re.match(r"^\d+ percent, \d+ of 24 files", t)]
    assert progress, f"no progress announced during the upload: {texts}"
    assert all(politeness == 1 for _t, politeness in progress)  # polite: never interrupts
    finished = "Finished moving your files. Press Next for your receipt."
    assert (finished, 2) in said  # assertive
    assert texts.index(progress[0][0]) < texts.index(finished)
    for title in ("Sign in", "What will move", "Moving your files"):
        assert title in texts  # each page says where the officer now is


def test_delete_question_takes_focus_is_named_and_keeps_it(seen):
    page = step(seen, "delete_question")
    dialogs = [
        n for n in page["tree"] if n["role"] in ("alert", "dialog") and "active" in n["states"]
    ]
    assert [d["name"].split(" — ")[0] for d in dialogs] == ["Delete files from your H: drive?"]
    focus = page["dialog_focus"]
    assert focus is not None and focus["name"] == "Keep them" and "focused" in focus["states"]
    inside = {n["name"] for n in page["tree"][page["tree"].index(dialogs[0]) :]}
    order = [n["name"] for n in page["tab_order"]]
    assert order and set(order) <= inside, "Tab left the open dialog"
    assert any(name.startswith("Delete 2 files") for name in order)
    assert any(
        n["role"] == "label" and "permanently deletes 2 files" in n["name"] for n in page["tree"]
    )


def test_escape_keeps_the_files_and_returns_to_the_page(seen):
    after = step(seen, "after_dialog")
    assert not [n for n in after["tree"] if n["role"] == "alert"]
    assert (Path(seen["folder"]) / "H" / "Temp" / "scratch.tmp").exists()
    names = {n["name"] for n in after["tree"]}
    assert "Delete the left-behind files from my H: drive" in names


def test_an_error_dialog_takes_focus_and_is_named(seen):
    """A second assistant started while this one works is refused in a dialog."""
    page = step(seen, "error_dialog")
    dialogs = [
        n for n in page["tree"] if n["role"] in ("alert", "dialog") and "active" in n["states"]
    ]
    assert [d["name"].split(" — ")[0] for d in dialogs] == ["The assistant is already running"]
    inside = page["tree"][page["tree"].index(dialogs[0]) :]
    assert any("Finish or close the other one first" in n["name"] for n in inside)
    focus = page["dialog_focus"]
    assert focus is not None and focus["role"] == "push button" and focus["name"] == "OK"
    assert {n["name"] for n in page["tab_order"]} <= {n["name"] for n in inside}
    after = step(seen, "after_error")
    assert not [n for n in after["tree"] if n["role"] == "alert"]


def test_the_announcement_choice_is_on_the_bus_with_its_label(seen):
    page = step(seen, "progress")
    combos = [n for n in page["tree"] if n["role"] == "combo box"]
    assert [c["labelled_by"] for c in combos] == [["Announce progress:"]]
    assert combos[0]["name"] == "At 25, 50 and 75 percent"  # the setting's default
    assert ("combo box", combos[0]["name"]) in {(n["role"], n["name"]) for n in page["tab_order"]}
