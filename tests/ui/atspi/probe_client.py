"""AT-SPI client (Debian's python3 with pyatspi): prints the wizard's push-button names, with
where an unnamed one sits, and the object:announcement events it receives. Run via run.sh."""

from __future__ import annotations

import time

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

events: list[tuple[str, str]] = []


def on_event(event: object) -> None:
    events.append((event.type, str(event.any_data)))  # type: ignore[attr-defined]


def where(acc: object) -> str:
    path = []
    parent = acc.parent  # type: ignore[attr-defined]
    while parent is not None and len(path) < 4:
        path.append(f"{parent.getRoleName()}:{parent.name}")
        parent = parent.parent
    return " < ".join(path)


def walk(acc: object) -> None:
    try:
        if acc.getRoleName() == "push button":  # type: ignore[attr-defined]
            name = acc.name  # type: ignore[attr-defined]
            print("BUTTON", repr(name), "" if name else where(acc))
        for child in acc:  # type: ignore[attr-defined]
            walk(child)
    except Exception as error:  # a widget that went away while we looked
        print("skipped:", error)


def main() -> None:
    pyatspi.Registry.registerEventListener(on_event, "object:announcement")
    time.sleep(2.5)
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "MigrationAssistant":
            print("APP", app.name)
            walk(app)
    loop = GLib.MainLoop()
    GLib.timeout_add(4000, loop.quit)
    loop.run()
    print("EVENTS", events)


if __name__ == "__main__":
    main()
