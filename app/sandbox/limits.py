"""Microsoft-like per-user limits, and a network stand-in (latency, bandwidth cap).

Documented SharePoint Online / OneDrive per-user limits ("Avoid getting throttled or
blocked in SharePoint Online"): 3,000 requests per 5 minutes and 50 GB of ingress per
hour. Beyond them the service answers 429 with Retry-After; from 80 % of a budget it
adds RateLimit-Limit / RateLimit-Remaining / RateLimit-Reset headers. Numbers are
configurable so that tests can reach them with a handful of requests.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class LimitConfig:
    requests_per_window: int = 3000
    window_s: float = 300.0
    ingress_bytes_per_hour: int = 50 * 1000**3
    warn_fraction: float = 0.8  # RateLimit-* headers from here on


@dataclass
class LimitVerdict:
    allowed: bool
    retry_after: int = 0
    headers: dict[str, str] = field(default_factory=dict)


class _UserUsage:
    def __init__(self) -> None:
        self.requests: deque[float] = deque()
        self.ingress: deque[tuple[float, int]] = deque()
        self.ingress_total = 0


class UserLimits:
    """Sliding-window request and ingress budgets per user."""

    def __init__(self, config: LimitConfig, clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self._clock = clock
        self._lock = threading.Lock()
        self._users: dict[str, _UserUsage] = {}

    def _now(self) -> float:
        return self._clock()

    def _usage(self, user: str, now: float) -> _UserUsage:
        usage = self._users.setdefault(user, _UserUsage())
        cutoff = now - self.config.window_s
        while usage.requests and usage.requests[0] <= cutoff:
            usage.requests.popleft()
        hour_ago = now - 3600.0
        while usage.ingress and usage.ingress[0][0] <= hour_ago:
            usage.ingress_total -= usage.ingress.popleft()[1]
        return usage

    def check_request(self, user: str) -> LimitVerdict:
        """Count one request (throttled requests count too, as Microsoft says they do)."""
        cfg = self.config
        with self._lock:
            now = self._now()
            usage = self._usage(user, now)
            usage.requests.append(now)
            used = len(usage.requests)
            reset = max(1, math.ceil(usage.requests[0] + cfg.window_s - now))
            headers: dict[str, str] = {}
            if used >= cfg.warn_fraction * cfg.requests_per_window:
                headers = {
                    "RateLimit-Limit": str(cfg.requests_per_window),
                    "RateLimit-Remaining": str(max(0, cfg.requests_per_window - used)),
                    "RateLimit-Reset": str(reset),
                }
            if used > cfg.requests_per_window:
                return LimitVerdict(False, reset, headers)
            if usage.ingress_total >= cfg.ingress_bytes_per_hour:
                wait = max(1, math.ceil(usage.ingress[0][0] + 3600.0 - now))
                return LimitVerdict(False, wait, headers)
            return LimitVerdict(True, 0, headers)

    def add_ingress(self, user: str, nbytes: int) -> None:
        with self._lock:
            now = self._now()
            usage = self._usage(user, now)
            usage.ingress.append((now, nbytes))
            usage.ingress_total += nbytes


class TokenBucket:
    """A shared bandwidth cap: `take(n)` blocks until n bytes may pass."""

    def __init__(self, mbit_per_s: float) -> None:
        self.rate = mbit_per_s * 1_000_000 / 8  # bytes per second
        # A burst of 250 ms of traffic absorbs the sleeps that overshoot on a busy machine.
        self.capacity = max(64 * 1024, self.rate * 0.25)
        self._tokens = 0.0  # no head start: a measured transfer meets the cap at once
        self._last = time.monotonic()
        self._lock = threading.Lock()

    def take(self, nbytes: int) -> None:
        if self.rate <= 0:
            return
        while True:
            with self._lock:
                now = time.monotonic()
                self._tokens = min(self.capacity, self._tokens + (now - self._last) * self.rate)
                self._last = now
                if self._tokens >= min(nbytes, self.capacity):
                    self._tokens -= nbytes  # may go negative: later takers wait longer
                    return
                wait = (min(nbytes, self.capacity) - self._tokens) / self.rate
            time.sleep(wait)
