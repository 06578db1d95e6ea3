"""Background work: a QObject worker moved to a QThread, talking to the GUI by signals only.

The textbook pattern (as in Mu): `thread.started -> worker.run`, `worker.finished ->
thread.quit`, `thread.finished -> deleteLater` on both. Workers never touch widgets; the
plain callbacks of app.core / app.m365 are turned into throttled signals here, so the GUI
thread sees a few updates per second at most, however fast the work goes.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from app.core.errors import CancelledError, UserFacingError

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Worker", text)


class Throttle:
    """Calls `emit` at most every `interval_s`; the latest value wins, the last is never lost
    (call `flush()` when the work ends)."""

    def __init__(self, emit: Callable[[Any], None], interval_s: float = 0.25) -> None:
        self._emit = emit
        self._interval = interval_s
        self._last = 0.0
        self._pending: Any = None
        self._has_pending = False
        self._lock = threading.Lock()

    def __call__(self, value: Any) -> None:
        now = time.monotonic()
        with self._lock:
            if now - self._last < self._interval:
                self._pending, self._has_pending = value, True
                return
            self._last = now
            self._has_pending = False
        self._emit(value)

    def flush(self) -> None:
        with self._lock:
            pending, has = self._pending, self._has_pending
            self._has_pending = False
        if has:
            self._emit(pending)


class Worker(QObject):
    """Runs `job(progress, stop)` on its thread. `progress` is throttled.

    Signals carry plain Python objects. `succeeded(result)`, `failed(error)` (a
    UserFacingError, or an unexpected exception wrapped as one), `cancelled()`; then
    `finished()` always, last.
    """

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self,
        job: Callable[[Callable[[Any], None], threading.Event], Any],
        *,
        name: str = "work",
        interval_s: float = 0.25,
    ) -> None:
        super().__init__()
        self._job = job
        self.name = name
        self.stop_event = threading.Event()
        self._throttle = Throttle(self.progress.emit, interval_s)

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self._throttle, self.stop_event)
            self._throttle.flush()
            if self.stop_event.is_set() and result is None:
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
        except CancelledError:
            self._throttle.flush()
            self.cancelled.emit()
        except UserFacingError as error:
            log.warning("%s failed: %s (%s)", self.name, error, error.detail)
            self.failed.emit(error)
        except Exception as error:  # a bug: show it as one, keep the detail for the log
            log.exception("%s failed unexpectedly", self.name)
            self.failed.emit(
                UserFacingError(
                    _tr("Something went wrong"),
                    _tr("The assistant met an unexpected problem while working."),
                    _tr("Try again. If it happens again, ask the service desk for help."),
                    detail="".join(traceback.format_exception(error)),
                )
            )
        finally:
            self.finished.emit()

    def stop(self) -> None:
        self.stop_event.set()


class Task(QObject):
    """Owns one worker and its thread, and relays the worker's signals on the GUI thread.

    The relay matters: a lambda connected straight to a worker's signal would run on the
    worker's thread. Task's slots belong to an object living on the GUI thread, so Qt
    queues the calls there; the callbacks connected to Task's own signals then run there.
    """

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.qthread = QThread()
        self.qthread.setObjectName(worker.name)
        worker.moveToThread(self.qthread)
        self.qthread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.succeeded.connect(self._on_succeeded)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        # Direct: QThread.quit() is thread-safe, and a queued call would wait for the GUI
        # thread, which may itself be waiting for this thread (closing the window).
        worker.finished.connect(self.qthread.quit, Qt.ConnectionType.DirectConnection)
        self.qthread.finished.connect(self._done)
        self.running = False

    def start(self) -> Task:
        self.running = True
        self.qthread.start()
        return self

    def stop(self) -> None:
        self.worker.stop_event.set()

    def is_running(self) -> bool:
        """True until the thread has ended (`running` is only cleared once the GUI thread
        has seen it end)."""
        return bool(self.qthread.isRunning())

    def wait(self, ms: int = 30_000) -> bool:
        return bool(self.qthread.wait(ms))

    @Slot(object)
    def _on_progress(self, value: Any) -> None:
        self.progress.emit(value)

    @Slot(object)
    def _on_succeeded(self, value: Any) -> None:
        self.succeeded.emit(value)

    @Slot(object)
    def _on_failed(self, value: Any) -> None:
        self.failed.emit(value)

    @Slot()
    def _on_cancelled(self) -> None:
        self.cancelled.emit()

    @Slot()
    def _done(self) -> None:
        # Python owns the worker and the thread (deleteLater on Python-owned objects
        # leaves dangling wrappers in PySide); they go when this Task goes.
        self.running = False
        self.finished.emit()


def run_in_background(
    job: Callable[[Callable[[Any], None], threading.Event], Any],
    *,
    parent: QObject,
    name: str,
    on_progress: Callable[[Any], None] | None = None,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[Any], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    interval_s: float = 0.25,
) -> Task:
    """Start `job(progress, stop)` on a new thread; the callbacks run on the GUI thread."""
    task = Task(Worker(job, name=name, interval_s=interval_s), parent)
    for signal, callback in (
        (task.progress, on_progress),
        (task.succeeded, on_success),
        (task.failed, on_failure),
        (task.cancelled, on_cancel),
    ):
        if callback is not None:
            signal.connect(callback)
    return task.start()
