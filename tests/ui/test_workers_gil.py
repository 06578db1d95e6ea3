"""Background workers lower the GIL switch interval while they run, and put it back."""

from __future__ import annotations

import sys
import threading
from typing import Any

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from app.ui.workers import GIL_SWITCH_INTERVAL_S, run_in_background


def test_switch_interval_is_short_while_work_runs_and_restored_after(qtbot: QtBot) -> None:
    before = sys.getswitchinterval()
    assert before > GIL_SWITCH_INTERVAL_S  # CPython's default, 5 ms
    parent = QObject()
    release = threading.Event()
    seen: list[float] = []

    def job(_progress: Any, _stop: threading.Event) -> str:
        seen.append(sys.getswitchinterval())
        release.wait(10)
        return "done"

    results: list[object] = []
    first = run_in_background(job, parent=parent, name="one", on_success=results.append)
    second = run_in_background(job, parent=parent, name="two", on_success=results.append)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert sys.getswitchinterval() == GIL_SWITCH_INTERVAL_S
    release.set()
    with qtbot.waitSignals([first.finished, second.finished], timeout=10_000):
        pass
    assert results == ["done", "done"]
    assert seen == [GIL_SWITCH_INTERVAL_S, GIL_SWITCH_INTERVAL_S]
    assert sys.getswitchinterval() == before
    assert first.wait() and second.wait()
