"""Adaptive concurrency (AIMD, Retry-After, RateLimit-*) and the bandwidth cap, on fake clocks."""

from __future__ import annotations

import datetime
import threading

import pytest

from app.core.errors import CancelledError
from app.m365.bandwidth import BadHours, BandwidthLimiter, in_hours, parse_hours
from app.m365.concurrency import AdaptiveLimit


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_additive_increase_multiplicative_decrease() -> None:
    limit = AdaptiveLimit(2, 8, increase_every=3, clock=Clock())
    for _ in range(3):
        limit.success()
    assert limit.limit == 3
    for _ in range(30):
        limit.success()
    assert limit.limit == 8  # never above the maximum
    limit.throttled(None)
    assert limit.limit == 4
    limit.throttled(None)
    limit.throttled(None)
    limit.throttled(None)
    assert limit.limit == 1  # never below one
    assert limit.throttle_events == 4


def test_slots_are_a_gate() -> None:
    limit = AdaptiveLimit(2, 2)
    stop = threading.Event()
    limit.acquire(stop)
    limit.acquire(stop)
    assert limit.in_flight == 2
    got = threading.Event()

    def third() -> None:
        limit.acquire(stop)
        got.set()

    waiter = threading.Thread(target=third)
    waiter.start()
    assert not got.wait(0.2)  # full: the third waits
    limit.release()
    assert got.wait(5)
    waiter.join()


def test_retry_after_makes_everyone_wait_and_stop_interrupts() -> None:
    clock = Clock()
    limit = AdaptiveLimit(4, 8, clock=clock)
    limit.throttled(30.0)
    stop = threading.Event()
    stop.set()
    with pytest.raises(CancelledError):
        limit.wait_turn(stop)  # a pause in force: waits (here: stopped at once)
    clock.now += 31
    limit.wait_turn(threading.Event())  # the pause is over: no wait


def test_ratelimit_headers_slow_down_before_429() -> None:
    clock = Clock()
    limit = AdaptiveLimit(4, 8, clock=clock)
    stop = threading.Event()
    for _ in range(4):
        limit.acquire(stop)
    limit.observe_headers({"RateLimit-Remaining": "3", "RateLimit-Reset": "6"})
    assert limit.limit == 3  # fewer requests left than in flight: one slot fewer
    limit.observe_headers({"RateLimit-Remaining": "0", "RateLimit-Reset": "5"})
    stop.set()
    with pytest.raises(CancelledError):
        limit.wait_turn(stop)  # spent: wait for the reset
    clock.now += 5.1
    limit.wait_turn(threading.Event())
    limit.observe_headers({"RateLimit-Remaining": "bad"})  # ignored, not an error


def test_bandwidth_cap_paces_bytes() -> None:
    clock = Clock()
    cap = BandwidthLimiter(8.0, burst_s=0.0, clock=clock)  # 1 MB/s
    slept: list[float] = []
    stop = threading.Event()
    original = stop.wait

    def fake_wait(timeout: float | None = None) -> bool:
        slept.append(timeout or 0.0)
        clock.now += timeout or 0.0
        return original(0)

    stop.wait = fake_wait  # type: ignore[method-assign]
    cap.take(500_000, stop)
    cap.take(500_000, stop)
    assert sum(slept) == pytest.approx(1.0, rel=0.01)  # 1 MB at 1 MB/s


def test_no_cap_and_full_bandwidth_hours() -> None:
    assert not BandwidthLimiter(0).capped
    evening = datetime.datetime(2026, 1, 5, 19, 30)
    morning = datetime.datetime(2026, 1, 5, 9, 0)
    night_cap = BandwidthLimiter(10, full_bandwidth_hours="18:00-07:00", now=lambda: evening)
    day_cap = BandwidthLimiter(10, full_bandwidth_hours="18:00-07:00", now=lambda: morning)
    assert not night_cap.capped and day_cap.capped
    assert parse_hours("") is None
    assert parse_hours("09:00-17:30") == (540, 1050)
    assert in_hours((540, 1050), morning) and not in_hours((540, 1050), evening)
    for bad in ("9-5", "25:00-01:00", "18:00"):
        with pytest.raises(BadHours):
            parse_hours(bad)


def test_budget_window_is_learned_and_kept() -> None:
    """The server announces Limit/Remaining; we learn its window from our own send times."""
    clock = Clock()
    limit = AdaptiveLimit(4, 8, clock=clock)
    go = threading.Event()
    for _ in range(80):  # 8 requests a second for 10 s (binary-exact times)
        limit.wait_turn(go)
        clock.now += 0.125
    # the server (a 4 s window, limit 50) has seen our last 32 requests
    limit.observe_headers({"RateLimit-Limit": "50", "RateLimit-Remaining": "18"})
    stop = threading.Event()
    stop.set()
    for _ in range(17):  # 31 of ours in the window; room for 48 (97 % of 50)
        limit.wait_turn(threading.Event())
    with pytest.raises(CancelledError):
        limit.wait_turn(stop)  # the next would exceed the budget: it waits
    clock.now += 0.13  # the oldest of ours leaves the window
    limit.wait_turn(threading.Event())
