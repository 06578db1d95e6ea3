"""The UI benchmarks' measuring tools (benchmarks/bench_ui.py and its parts): a 5 ms
heartbeat on the GUI thread whose largest gap is the worst stall, how long the thread
waited for a CPU (Linux), the idle reference, and the figure line every benchmark prints.
"""

from __future__ import annotations

import faulthandler
import statistics
import time
from typing import Any


class Heartbeat:
    """A 5 ms timer on the GUI thread; the largest gap between ticks is the worst stall.

    The machine's own scheduling noise shows up too, so every stall figure has beside it
    the same heartbeat measured idle just before (the reference)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.max_gap = 0.0
        self.last_wait = 0.0
        self.max_gap_cpu_wait = 0.0  # of the worst gap: runnable, waiting for a CPU
        self.max_net = 0.0  # the worst gap net of waiting for a CPU
        self.gaps: list[float] = []  # every gap (s), for percentiles

    dump_file: Any = None  # --dump-stalls: every thread's stack when the GUI stalls
    dump_after_s = 0.1  # --dump-after-ms

    def _tick(self) -> None:
        if Heartbeat.dump_file is not None:
            faulthandler.dump_traceback_later(Heartbeat.dump_after_s, file=Heartbeat.dump_file)
        now = time.perf_counter()
        waited = cpu_wait_s()
        gap, cpu_wait = now - self.last, waited - self.last_wait
        if gap > self.max_gap:
            self.max_gap, self.max_gap_cpu_wait = gap, cpu_wait
        self.max_net = max(self.max_net, gap - cpu_wait)
        self.gaps.append(gap)
        self.last, self.last_wait = now, waited

    def p99_ms(self) -> float:
        """The 99th percentile gap: how the heartbeat usually fares, beside the worst."""
        if len(self.gaps) < 2:
            return self.max_gap * 1000
        return statistics.quantiles(self.gaps, n=100)[98] * 1000

    def run_until(self, done: Any, timeout_s: float) -> float:
        from PySide6.QtCore import QEventLoop, QTimer

        self.max_gap, self.last = 0.0, time.perf_counter()
        self.max_gap_cpu_wait = self.max_net = 0.0
        self.gaps = []
        self.last_wait = cpu_wait_s()
        # A blocking event loop, as the app's own: processEvents(flags, ms) drops
        # WaitForMoreEvents and returns at once, so a loop around it spins the GUI thread
        # (a whole core of a 2-core machine, and the GIL taken ~100,000 times a second).
        loop = QEventLoop()
        deadline = time.monotonic() + timeout_s
        timed_out = False

        def check() -> None:
            nonlocal timed_out
            if done():
                loop.quit()
            elif time.monotonic() > deadline:
                timed_out = True
                loop.quit()

        checker = QTimer()
        checker.setInterval(20)
        checker.timeout.connect(check)
        self.timer.start()
        checker.start()
        loop.exec()
        checker.stop()
        self.timer.stop()
        if timed_out:
            raise TimeoutError("benchmark step did not finish")
        if Heartbeat.dump_file is not None:
            faulthandler.cancel_dump_traceback_later()
        return self.max_gap * 1000


def cpu_wait_s() -> float:
    """Seconds this thread has spent runnable but waiting for a CPU (Linux schedstat;
    0 elsewhere)."""
    try:
        with open("/proc/thread-self/schedstat") as stats:
            return int(stats.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def idle_gap(seconds: float = 2.0) -> float:
    return idle_beat(seconds).max_gap * 1000


def idle_beat(seconds: float = 2.0) -> Heartbeat:
    """The heartbeat with nothing running (the reference), for its max and p99."""
    deadline = time.monotonic() + seconds
    beat = Heartbeat()
    beat.run_until(lambda: time.monotonic() > deadline, seconds + 5)
    return beat


def figure(
    name: str, value: float, reference: float, target: float, unit: str, what: str
) -> dict[str, Any]:
    ratio = value / reference if reference else float("inf")
    ok = value <= target
    print(
        f"{name:14s} {value:9.1f} {unit}  reference {reference:9.1f} {unit}  "
        f"ratio {ratio:6.2f}  target <= {target:g} {unit}  {'ok' if ok else 'MISSED'}  ({what})"
    )
    return {
        "name": name,
        "value": value,
        "reference": reference,
        "ratio": ratio,
        "target": target,
        "unit": unit,
        "passed": ok,
        "what": what,
    }


def make_wizard(session: Any) -> Any:
    from app.ui.wizard import MigrationWizard

    wizard = MigrationWizard(session)
    wizard.show()
    return wizard
