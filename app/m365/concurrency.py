"""How many files the upload engine sends at once: additive increase, multiplicative decrease.

Microsoft throttles per user (requests per window, ingress per hour). Sending too much
at once earns 429s and Retry-After pauses that cost more than they save; sending too
little wastes the budget. So the limit starts low, grows by one after every
`increase_every` successes in a row, halves on a 429/503, and everything waits out a
Retry-After together (the budget is the user's, not the worker's). Graph's RateLimit-*
headers (sent from 80 % of a budget) slow us down before the 429s come.
"""

from __future__ import annotations

import bisect
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping

from app.core.errors import CancelledError


class AdaptiveLimit:
    """A counting gate whose size adapts. Thread-safe."""

    def __init__(
        self,
        start: int,
        maximum: int,
        *,
        increase_every: int = 4,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.maximum = max(1, maximum)
        self._limit = float(min(max(1, start), self.maximum))
        self._increase_every = max(1, increase_every)
        self._clock = clock
        self._cond = threading.Condition()
        self._in_flight = 0
        self._streak = 0
        self._not_before = 0.0  # monotonic time before which nobody starts a request
        self.throttle_events = 0
        self._budget = _Budget()

    @property
    def limit(self) -> int:
        return int(self._limit)

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def acquire(self, stop: threading.Event) -> None:
        """Wait for a slot (and for any Retry-After pause); CancelledError if stopped."""
        with self._cond:
            while True:
                if stop.is_set():
                    raise CancelledError
                wait = self._not_before - self._clock()
                if wait <= 0 and self._in_flight < int(self._limit):
                    self._in_flight += 1
                    return
                self._cond.wait(timeout=min(wait, 0.5) if wait > 0 else 0.5)

    def release(self) -> None:
        with self._cond:
            self._in_flight = max(0, self._in_flight - 1)
            self._cond.notify_all()

    def success(self) -> None:
        with self._cond:
            self._streak += 1
            if self._streak >= self._increase_every and self._limit < self.maximum:
                self._limit = min(float(self.maximum), self._limit + 1)
                self._streak = 0
                self._cond.notify_all()

    def throttled(self, retry_after: float | None) -> None:
        """A 429/503: halve the limit and make everyone wait out Retry-After."""
        with self._cond:
            self.throttle_events += 1
            self._streak = 0
            self._limit = max(1.0, self._limit / 2)
            if retry_after:
                self._not_before = max(self._not_before, self._clock() + retry_after)

    def wait_turn(self, stop: threading.Event) -> None:
        """Before any request: wait out a Retry-After pause in force, and keep our own
        requests within the budget the server announced (see `_Budget`)."""
        while True:
            if stop.is_set():
                raise CancelledError
            with self._cond:
                now = self._clock()
                wait = self._not_before - now
                if wait <= 0:
                    wait = self._budget.wait(now)
                if wait <= 0:
                    self._budget.sent(now)
                    return
            stop.wait(min(wait, 0.5))

    def observe_headers(self, headers: Mapping[str, str]) -> None:
        """RateLimit-Limit/Remaining/Reset (sent from 80 % of a budget): stop growing, drop
        a slot when fewer requests are left than are in flight, learn the budget's
        window, and when it is spent wait for the reset."""
        remaining_text = headers.get("RateLimit-Remaining")
        if remaining_text is None:
            return
        try:
            remaining = int(remaining_text)
            limit = int(headers.get("RateLimit-Limit", "0") or 0)
            reset = float(headers.get("RateLimit-Reset", "0") or 0)
        except ValueError:
            return
        with self._cond:
            now = self._clock()
            self._streak = 0
            if remaining <= self._in_flight:
                self._limit = max(1.0, self._limit - 1)
            if remaining <= 0:
                self._not_before = max(self._not_before, now + max(reset, 0.5))
            if limit > 0:
                self._budget.learn(now, limit, limit - remaining)


class _Budget:
    """Our own copy of the server's sliding-window request budget.

    The server says how many requests of its window are used (Limit - Remaining) but not
    how long the window is. We know when we sent each request, so the window is the age
    of our used-th most recent one (our requests are the user's: if other apps share the
    budget the estimate comes out shorter, which only makes us more careful). With the
    window known, a request waits until fewer than `share` x Limit of ours are in it:
    the budget is used evenly instead of in bursts followed by 429s.
    """

    def __init__(self, share: float = 0.97) -> None:
        self.share = share
        self.limit = 0
        self.window = 0.0
        self._times: list[float] = []  # send times of our requests, oldest first

    def sent(self, now: float) -> None:
        self._times.append(now)
        keep_from = now - max(2 * self.window, 60.0)
        if self._times[0] < keep_from and len(self._times) > 1024:
            del self._times[: bisect.bisect_left(self._times, keep_from)]

    def learn(self, now: float, limit: int, used: int) -> None:
        self.limit = limit
        if not 0 < used <= len(self._times):
            return
        estimate = now - self._times[-used]
        if estimate > self.window:
            self.window = estimate
        else:  # drift down slowly: a window shorter than it is would cost 429s
            self.window = 0.95 * self.window + 0.05 * estimate

    def wait(self, now: float) -> float:
        """Seconds to wait before the next request (0: go)."""
        if not self.limit or self.window <= 0:
            return 0.0
        allowed = max(1, int(self.limit * self.share))
        start = bisect.bisect_right(self._times, now - self.window)
        in_window = len(self._times) - start
        if in_window < allowed:
            return 0.0
        # wait until enough of ours have left the window
        return self._times[start + in_window - allowed] + self.window - now


# How much lower than the rest of the app an upload worker thread runs (Linux niceness
# steps). The workers spend their CPU on TLS and HTTP parsing; a window's GUI thread in
# the same process must get a CPU first whenever it wakes, or the window stalls behind
# them on a busy machine (measured: most of the worst GUI stall during an upload was
# the GUI thread runnable but waiting for a CPU). Lower priority costs the workers
# nothing when a core is free.
BACKGROUND_NICENESS = 5


def lower_thread_priority(steps: int | None = None) -> bool:
    """Make the calling thread (only) `steps` (default BACKGROUND_NICENESS) nicer.

    Linux only: there setpriority on a thread id touches that thread alone; elsewhere
    the same call renices the whole process, so nothing is done. True when done.
    """
    steps = BACKGROUND_NICENESS if steps is None else steps
    if sys.platform != "linux" or steps <= 0:
        return False
    try:
        thread_id = threading.get_native_id()
        now = os.getpriority(os.PRIO_PROCESS, thread_id)
        os.setpriority(os.PRIO_PROCESS, thread_id, min(19, now + steps))
    except OSError:
        return False
    return True
