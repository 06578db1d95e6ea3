"""The upload engine's bookkeeping: what it reports (UploadProgress, RunResult), the queue
of files its workers share (ready now, or to retry later), and its running totals.

Split from app.m365.upload, which re-exports UploadProgress and RunResult (the names
the rest of the app imports from there).
"""

from __future__ import annotations

import heapq
import threading
import time
from collections import deque
from dataclasses import dataclass, field

from app.core.errors import UserFacingError
from app.core.journal import JournalItem


@dataclass(frozen=True)
class UploadProgress:
    bytes_done: int
    bytes_total: int
    files_done: int
    files_total: int
    in_flight: tuple[str, ...]  # rel paths being sent now
    rate_bps: float  # bytes per second, recent
    eta_s: float | None
    failed: int
    skipped_existing: int
    bytes_sent: int  # on the wire, including anything sent again


@dataclass
class RunResult:
    run_id: int
    moved: int = 0
    skipped_existing: int = 0
    failed: int = 0
    remaining: int = 0  # not finished (cancelled or stopped by a run-wide error)
    bytes_moved: int = 0
    bytes_sent: int = 0
    elapsed_s: float = 0.0
    cancelled: bool = False
    error: UserFacingError | None = None  # what stopped the run, if anything
    throttle_events: int = 0


class WorkQueue:
    """Items ready now, items to retry later, and how many are being worked on; shared by
    the engine's worker threads."""

    def __init__(self, items: list[JournalItem]) -> None:
        self._ready: deque[JournalItem] = deque(items)
        self._later: list[tuple[float, int, JournalItem]] = []
        self._active = 0
        self._cond = threading.Condition()

    def get(self, stop: threading.Event) -> JournalItem | None:
        with self._cond:
            while True:
                if stop.is_set():
                    return None
                if self._ready:
                    self._active += 1
                    return self._ready.popleft()
                now = time.monotonic()
                if self._later and self._later[0][0] <= now:
                    self._active += 1
                    return heapq.heappop(self._later)[2]
                if not self._later and self._active == 0:
                    return None
                wait = self._later[0][0] - now if self._later else 0.5
                self._cond.wait(min(max(wait, 0.01), 0.5))

    def done(self) -> None:
        with self._cond:
            self._active -= 1
            self._cond.notify_all()

    def later(self, item: JournalItem, delay: float) -> None:
        with self._cond:
            heapq.heappush(self._later, (time.monotonic() + delay, item.index, item))
            self._active -= 1
            self._cond.notify_all()


@dataclass
class Tally:
    """The run's running totals (guarded by the engine's lock)."""

    bytes_total: int
    files_total: int
    bytes_done: int = 0
    files_done: int = 0
    bytes_sent: int = 0
    failed: int = 0
    skipped: int = 0
    moved: int = 0
    bytes_moved: int = 0
    in_flight: dict[int, str] = field(default_factory=dict)
    samples: deque[tuple[float, int]] = field(default_factory=deque)
