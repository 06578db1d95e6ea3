"""An optional cap on upload bandwidth, shared by every upload worker (a token bucket).

settings.upload.bandwidth_mbit (0: no cap) and settings.upload.full_bandwidth_hours
("HH:MM-HH:MM", local time, may wrap midnight) when the cap is lifted, so an officer on
a shared station link can leave the bulk of the work for the evening.

A take larger than the bucket goes into debt and the caller sleeps it off: the average
rate is exact without splitting fragments, which must stay whole multiples of 320 KiB.
"""

from __future__ import annotations

import datetime
import re
import threading
import time
from collections.abc import Callable

from app.core.errors import BadInputError, CancelledError
from app.core.texts import N_

_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


class BadHours(BadInputError):
    def __init__(self, text: str) -> None:
        super().__init__(
            N_("The full-bandwidth hours are not valid"),
            N_("'{text}' should look like 18:00-07:00."),
            N_("Fix upload.full_bandwidth_hours in the settings, or leave it empty."),
            values={"text": text},
        )


def parse_hours(text: str) -> tuple[int, int] | None:
    """'18:00-07:00' -> (start, end) in minutes after midnight; '' -> None."""
    if not text.strip():
        return None
    match = _HOURS.match(text)
    if not match:
        raise BadHours(text)
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        raise BadHours(text)
    return h1 * 60 + m1, h2 * 60 + m2


def in_hours(window: tuple[int, int] | None, when: datetime.datetime) -> bool:
    if window is None:
        return False
    start, end = window
    minute = when.hour * 60 + when.minute
    if start <= end:
        return start <= minute < end
    return minute >= start or minute < end  # wraps midnight


class BandwidthLimiter:
    """Shared token bucket in bytes; `take(n)` blocks until n bytes may be sent."""

    def __init__(
        self,
        mbit: float,
        *,
        full_bandwidth_hours: str = "",
        burst_s: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime.datetime] = datetime.datetime.now,
    ) -> None:
        self.rate = mbit * 1_000_000 / 8  # bytes per second; 0: no cap
        self._window = parse_hours(full_bandwidth_hours)
        self._capacity = self.rate * burst_s
        self._tokens = self._capacity
        self._clock = clock
        self._now = now
        self._last = clock()
        self._lock = threading.Lock()

    @property
    def capped(self) -> bool:
        return self.rate > 0 and not in_hours(self._window, self._now())

    def take(self, n: int, stop: threading.Event | None = None) -> None:
        if not self.capped:
            return
        with self._lock:
            now = self._clock()
            self._tokens = min(self._capacity, self._tokens + (now - self._last) * self.rate)
            self._last = now
            self._tokens -= n
            debt = -self._tokens
        if debt > 0:
            delay = debt / self.rate
            if stop is None:
                time.sleep(delay)
            elif stop.wait(delay):
                raise CancelledError
