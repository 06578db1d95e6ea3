"""How many files the upload engine sends at once: additive increase, multiplicative decrease.

Microsoft throttles per user (requests per window, ingress per hour). Sending too much
at once earns 429s and Retry-After pauses that cost more than they save; sending too
little wastes the budget. So the limit starts low, grows by one after every
`increase_every` successes in a row, halves on a 429/503, and everything waits out a
Retry-After together (the budget is the user's, not the worker's). Graph's RateLimit-*
headers (sent from 80 % of a budget) slow us down before the 429s come.
"""

from __future__ import annotations

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
        """Before any request: honour a Retry-After pause in force (fragment boundaries)."""
        while True:
            if stop.is_set():
                raise CancelledError
            with self._cond:
                wait = self._not_before - self._clock()
            if wait <= 0:
                return
            stop.wait(min(wait, 0.5))

    def observe_headers(self, headers: Mapping[str, str]) -> None:
        """RateLimit-Limit/Remaining/Reset: slow down before the budget runs out.

        With fewer requests left than we could send before the window resets, stop
        growing, drop one slot, and spread what remains over the time to the reset.
        """
        remaining_text = headers.get("RateLimit-Remaining")
        if remaining_text is None:
            return
        try:
            remaining = int(remaining_text)
            reset = float(headers.get("RateLimit-Reset", "0") or 0)
        except ValueError:
            return
        with self._cond:
            self._streak = 0
            if remaining <= self._in_flight:
                self._limit = max(1.0, self._limit - 1)
            if remaining <= 0:
                self._not_before = max(self._not_before, self._clock() + max(reset, 0.5))
            elif reset > 0:
                # pace: one request per (reset / remaining) seconds at the current width
                spacing = reset / remaining
                self._not_before = max(self._not_before, self._clock() + spacing)
