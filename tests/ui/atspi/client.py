"""The screen-reader side of the AT-SPI suite, run with Debian's python3 (pyatspi): reads
the wizard from outside its process, as Orca does, at each step driver_app.py announces.

For every step it records what is showing (role, name, description, states, value), the
focus order that Tab gives, the events that reached the bus (announcements, value
changes, focus), and on some steps works the page as a screen-reader user would: the
review's kinds of files as a list (Down arrow), the delete question answered by Escape.
Everything goes to seen.json in the handshake folder; test_atspi.py asserts on it.

    /usr/bin/python3 client.py FOLDER
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

APP_NAME = "MigrationAssistant"
MAX_TABS = 45
MAX_NODES = 1500
TAB, DOWN, ESCAPE = 0xFF09, 0xFF54, 0xFF1B  # X keysyms
DIALOG_STEPS = ("delete_question", "error_dialog")  # answered with Escape after looking
LAST_STEP = "after_error"

events: list[dict[str, Any]] = []
current_step = ""


def pump(seconds: float, until: Any = None) -> bool:
    """Run the bus's main loop for up to `seconds` (events arrive only while it runs)."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        while context.pending():
            context.iteration(False)
        if until is not None and until():
            return True
        time.sleep(0.01)
    return until is not None and until()


def describe(acc: Any) -> dict[str, Any]:
    states = acc.getState()
    node: dict[str, Any] = {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "states": sorted(pyatspi.stateToString(s) for s in states.getStates()),
    }
    with contextlib.suppress(NotImplementedError):  # only some objects have a value
        node["value"] = acc.queryValue().currentValue
    # On Linux, Qt names a combo box by its current text and a field's label comes as a
    # labelled-by relation (its buddy), which Orca reads before the field.
    labels = []
    for relation in acc.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            labels += [relation.getTarget(i).name for i in range(relation.getNTargets())]
    node["labelled_by"] = labels
    return node


def on_event(event: Any) -> None:
    kind = str(event.type)
    if kind.startswith("object:state-changed:focused") and not event.detail1:
        return
    try:
        source = describe(event.source)
    except Exception:  # the object went away while the event travelled
        source = {"role": "?", "name": "?"}
    events.append(
        {
            "step": current_step,
            "t": time.monotonic(),
            "type": kind,
            "data": str(event.any_data) if event.any_data is not None else "",
            "detail1": int(event.detail1),  # announcements: 1 polite, 2 assertive
            "source": source,
        }
    )


def find_app() -> Any:
    for _ in range(300):
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == APP_NAME:
                return app
        time.sleep(0.1)
    raise SystemExit("the app never appeared on the accessibility bus")


def walk_showing(acc: Any, depth: int, out: list[dict[str, Any]]) -> None:
    """What a screen reader can reach: showing objects only (other pages are hidden)."""
    if len(out) >= MAX_NODES:
        return
    try:
        node = describe(acc)
    except Exception:
        return
    if "showing" not in node["states"] and node["role"] not in ("application",):
        return
    node["depth"] = depth
    out.append(node)
    try:
        children = list(acc)
    except Exception:
        return
    for child in children:
        if child is not None:
            walk_showing(child, depth + 1, out)


def focused(app: Any) -> dict[str, Any] | None:
    """The focused object, found by its state (as screen readers do after an event)."""
    for event in reversed(events):
        if event["type"].startswith("object:state-changed:focused"):
            return dict(event["source"])
    return None


def press(keysym: int) -> None:
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def focus_events() -> int:
    return sum(1 for e in events if e["type"].startswith("object:state-changed:focused"))


def key_and_focus(keysym: int) -> dict[str, Any] | None:
    """Press a key; the object that takes focus (None if focus did not move)."""
    before = focus_events()
    press(keysym)
    if not pump(3.0, lambda: focus_events() > before):
        return None
    pump(0.05)
    return focused(None)


def tab_order() -> list[dict[str, Any]]:
    """Tab until focus comes back round to where it started (or MAX_TABS)."""
    order: list[dict[str, Any]] = []
    for _ in range(MAX_TABS):
        now = key_and_focus(TAB)
        if now is None:
            order.append({"role": "(no focus change)", "name": "", "states": []})
            break
        key = (now["role"], now["name"])
        if order and key == (order[0]["role"], order[0]["name"]):
            break
        order.append(now)
    return order


def find(root: Any, role: str, name: str) -> Any:
    for acc in _all(root):
        try:
            if (
                acc.getRoleName() == role
                and (acc.name or "") == name
                and acc.getState().contains(pyatspi.STATE_SHOWING)
            ):
                return acc
        except Exception:
            continue
    return None


def _all(acc: Any) -> Any:
    yield acc
    try:
        children = list(acc)
    except Exception:
        return
    for child in children:
        if child is not None:
            yield from _all(child)


def work_the_guidance_list(app: Any) -> dict[str, Any]:
    """Focus the review's list of kinds of files and go down it with the arrow key."""
    found = find(app, "list", "Kinds of files:")
    result: dict[str, Any] = {"found": found is not None, "items": [], "visits": []}
    if found is None:
        return result
    result["items"] = [describe(child) for child in found]
    before = focus_events()
    found.queryComponent().grabFocus()
    pump(3.0, lambda: focus_events() > before)
    for _ in range(len(result["items"]) + 1):
        now = key_and_focus(DOWN)
        if now is None:
            break
        result["visits"].append(now)
    return result


def look(app: Any, step: str) -> dict[str, Any]:
    pump(0.4)  # let a new page's events settle
    seen: dict[str, Any] = {"step": step, "focus_at_start": focused(app)}
    tree: list[dict[str, Any]] = []
    walk_showing(app, 0, tree)
    seen["tree"] = tree
    if step == "review":
        seen["guidance_list"] = work_the_guidance_list(app)
    if step in DIALOG_STEPS:
        seen["dialog_focus"] = focused(app)
        seen["tab_order"] = tab_order()
        press(ESCAPE)
        pump(0.5)
        return seen
    if step not in ("after_dialog", LAST_STEP):
        seen["tab_order"] = tab_order()
    return seen


def main(folder: Path) -> int:
    global current_step
    for kind in (
        "object:announcement",
        "object:property-change:accessible-value",
        "object:state-changed:focused",
    ):
        pyatspi.Registry.registerEventListener(on_event, kind)
    app = find_app()
    results: list[dict[str, Any]] = []
    seq = 0
    state_file, ack_file = folder / "state.json", folder / "ack.json"
    deadline = time.monotonic() + 170
    while time.monotonic() < deadline and not (folder / "driver.done").exists():
        if not pump(0.2, lambda seq=seq: _state(state_file).get("seq") == seq):
            continue
        step = _state(state_file)["step"]
        current_step = step
        results.append(look(app, step))
        (folder / "seen.json").write_text(json.dumps({"steps": results, "events": events}))
        ack_file.write_text(json.dumps({"seq": seq}))
        current_step = f"leaving {step}"
        seq += 1
        if step == LAST_STEP:
            break
    pump(0.3)
    (folder / "seen.json").write_text(json.dumps({"steps": results, "events": events}))
    return 0


def _state(path: Path) -> dict[str, Any]:
    try:
        return dict(json.loads(path.read_text()))
    except (OSError, ValueError):
        return {}


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
