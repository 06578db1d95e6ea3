"""Upload worker threads run nicer than the rest of the app (Linux), the calling thread only."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from app.m365.concurrency import BACKGROUND_NICENESS, lower_thread_priority

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="per-thread niceness is Linux's")


def _niceness(thread_id: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, thread_id)


def test_only_the_calling_thread_becomes_nicer() -> None:
    main_id = threading.get_native_id()
    before = _niceness(main_id)
    done: list[bool] = []
    niceness: list[int] = []

    def worker() -> None:
        own = threading.get_native_id()
        niceness.append(_niceness(own))
        done.append(lower_thread_priority())
        niceness.append(_niceness(own))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert done == [True]
    assert niceness[1] == min(19, niceness[0] + BACKGROUND_NICENESS) > niceness[0] or (
        niceness[0] == 19 == niceness[1]
    )
    assert _niceness(main_id) == before  # the process (and the GUI thread) untouched


def test_zero_steps_changes_nothing() -> None:
    seen: list[object] = []

    def worker() -> None:
        own = threading.get_native_id()
        start = _niceness(own)
        seen.append(lower_thread_priority(0))
        seen.append(_niceness(own) - start)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == [False, 0]
