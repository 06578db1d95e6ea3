"""The upload engine: every pending file of a journal run, several at once, resumable.

Work comes from the journal (items pending, or uploading with a session from before a
crash: those first, since OneDrive already holds part of them) and every outcome goes
back into it at once. Workers are threads (requests and file reads release the GIL);
how many run at once adapts (`AdaptiveLimit`). A file that is locked (here or in
OneDrive) is retried later, then reported with what to do. Errors that concern the
whole run (signed out, OneDrive full, offline for too long) stop the run cleanly: the
journal keeps every session, and `--resume` / the wizard continue from there.

Progress goes to a plain callback, from worker threads, at most a few times a second.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import requests

from app.core.errors import CancelledError, UserFacingError
from app.core.journal import ItemState, Journal, JournalItem
from app.m365.bandwidth import BandwidthLimiter
from app.m365.concurrency import AdaptiveLimit, lower_thread_priority
from app.m365.errors import (
    AccessDeniedError,
    GraphError,
    OfflineError,
    QuotaExceededError,
    ThrottledError,
)
from app.m365.upload_http import FolderCache, Graph, Shared, fragment_size, paced
from app.m365.upload_outcomes import Done
from app.m365.upload_session import FileFailed, FileUploader, RetryLater
from app.m365.upload_work import RunResult, Tally, UploadProgress, WorkQueue
from app.settings import Upload

__all__ = ["RETRY_LATER_DELAYS", "RunResult", "UploadEngine", "UploadProgress"]

log = logging.getLogger(__name__)

RETRY_LATER_DELAYS = (5.0, 30.0)
# Errors about the whole run, not one file: stop cleanly and let the officer resume.
RUN_WIDE = (
    QuotaExceededError,
    OfflineError,
    ThrottledError,
    AccessDeniedError,
)  # then the file is reported as failed (with what to do)


class UploadEngine:
    """Uploads a journal run. `session_factory` makes the requests sessions for upload URLs;
    give the GraphClient sessions from `paced(factory, limiter, stop)` with the same
    `limiter` so that Graph calls count against the same budget."""

    def __init__(
        self,
        graph: Graph,
        journal: Journal,
        source_root: str,
        *,
        run_id: int,
        settings: Upload,
        session_factory: Callable[[], requests.Session],
        progress: Callable[[UploadProgress], None] | None = None,
        pause: threading.Event | None = None,
        stop: threading.Event | None = None,
        limiter: AdaptiveLimit | None = None,
        retry_later_delays: tuple[float, ...] = RETRY_LATER_DELAYS,
        progress_interval_s: float = 0.25,
        offline_patience_s: float = 300.0,
    ) -> None:
        self.journal = journal
        self.run_id = run_id
        self.settings = settings
        self._progress = progress
        self._interval = progress_interval_s
        self._delays = retry_later_delays
        self.stop = stop or threading.Event()
        self.pause = pause or threading.Event()
        self._halt = threading.Event()  # our own stop: the user's, or a run-wide error
        self.limiter = limiter or AdaptiveLimit(
            settings.concurrency_start, settings.concurrency_max
        )
        self.shared = Shared(
            graph=graph,
            journal=journal,
            run_id=run_id,
            source_root=source_root,
            fragment=fragment_size(settings.fragment_mib),
            limiter=self.limiter,
            bandwidth=BandwidthLimiter(
                settings.bandwidth_mbit, full_bandwidth_hours=settings.full_bandwidth_hours
            ),
            session_factory=paced(session_factory, self.limiter, self._halt),
            pause=self.pause,
            stop=self._halt,
            folders=FolderCache(graph),
            on_bytes=self._on_bytes,
            offline_patience_s=offline_patience_s,
            user_stop=self.stop,
        )
        self._lock = threading.Lock()
        self._last_emit = 0.0
        self._tally = Tally(0, 0)
        self._error: UserFacingError | None = None
        self._attempts: dict[int, int] = {}
        self._plain_sessions = session_factory  # unpaced: works after a stop, see _abandon

    # -- running -------------------------------------------------------------------------

    def run(self) -> RunResult:
        started = time.monotonic()
        info = self.journal.run_info(self.run_id)
        todo = self.journal.items(self.run_id, [ItemState.UPLOADING, ItemState.PENDING])
        todo.sort(key=lambda item: (item.state is not ItemState.UPLOADING, item.index))
        moving = [i for i in self.journal.items(self.run_id) if i.disposition.value == "move"]
        self._tally = Tally(
            bytes_total=info.bytes_to_move,
            files_total=len(moving),
            bytes_done=info.bytes_done,
            files_done=sum(
                1 for i in moving if i.state not in (ItemState.PENDING, ItemState.UPLOADING)
            ),
        )
        work = WorkQueue(todo)
        watcher = threading.Thread(target=self._watch_stop, name="upload-stop", daemon=True)
        watcher.start()
        threads = [
            threading.Thread(target=self._worker, args=(work,), name=f"upload-{n}", daemon=True)
            for n in range(max(1, min(self.settings.concurrency_max, len(todo))))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self._halt.set()
        watcher.join()
        self.shared.close()
        after = self.journal.run_info(self.run_id)
        remaining = after.to_do
        if remaining == 0 and self._error is None:
            self.journal.finish_run(self.run_id)
        self._emit(force=True)
        return RunResult(
            run_id=self.run_id,
            moved=self._tally.moved,
            skipped_existing=self._tally.skipped,
            failed=self._tally.failed,
            remaining=remaining,
            bytes_moved=self._tally.bytes_moved,
            bytes_sent=self._tally.bytes_sent,
            elapsed_s=time.monotonic() - started,
            cancelled=self.stop.is_set(),
            error=self._error,
            throttle_events=self.limiter.throttle_events,
        )

    def _watch_stop(self) -> None:
        while not self._halt.is_set():
            if self.stop.wait(0.1):
                self._halt.set()

    def _worker(self, work: WorkQueue) -> None:
        lower_thread_priority()  # a GUI thread in this process comes first (Linux)
        while not self._halt.is_set():
            try:
                self.limiter.acquire(self._halt)
            except CancelledError:
                return
            item = None
            try:
                item = work.get(self._halt)
                if item is None:
                    return
                self._one(item, work)
            except UserFacingError as error:  # the journal cannot be written (disk full)
                assert item is not None  # only writing the journal raises this here
                self._stop_run(item, error)
                return
            finally:
                self.limiter.release()

    def _one(self, item: JournalItem, work: WorkQueue) -> None:
        # Whatever happens to this file, `work.done()` (or `later`) is called exactly once:
        # a worker that left without it would keep the others waiting for ever.
        handed_back = False
        with self._lock:
            self._tally.in_flight[item.index] = item.rel_path
        uploader = FileUploader(self.shared, item)
        try:
            done = uploader.run()
            self._record_done(item, done)
        except CancelledError:
            self._abandon(uploader)
        except RetryLater as later:
            attempt = self._attempts.get(item.index, 0)
            self._attempts[item.index] = attempt + 1
            if attempt < len(self._delays):
                log.info("File %d: %s; trying again later", item.index, later.code)
                work.later(self.journal.item(self.run_id, item.index), self._delays[attempt])
                handed_back = True
            else:
                self._fail(item, later.code, later.message, later.action)
        except FileFailed as failed:
            self._fail(item, failed.code, failed.message, failed.action)
        except GraphError as error:
            if isinstance(error, RUN_WIDE) or error.status == 401:  # 401 after a new token
                self._stop_run(item, error)
                self._abandon(uploader)
            else:  # this file's problem (a name OneDrive refuses, a bad request, ...)
                code = error.code or f"http_{error.status}"
                log.warning("File %d: %s", item.index, error.for_log())
                self._fail(item, code, f"{error.title}: {error.message}", error.action)
        except UserFacingError as error:
            # Signed out, OneDrive full, offline too long: the run stops here; the
            # journal keeps this file's session for a resume.
            self._stop_run(item, error)
            self._abandon(uploader)
        except Exception:  # a defect or a surprise: this file fails, the run goes on
            log.exception("File %d: unexpected error", item.index)
            self._fail_unexpected(item)
        finally:
            with self._lock:
                self._tally.in_flight.pop(item.index, None)
            if not handed_back:
                work.done()
        self._emit()

    def _abandon(self, uploader: FileUploader) -> None:
        """Stopping with a session the journal could not keep (no keyring): delete it, so
        that it does not hold the file's name in OneDrive until it expires; the resume
        then starts this file afresh."""
        url = uploader.session_url
        if url is None or self.journal.keeps_session_urls:
            return
        try:
            session = self._plain_sessions()
            try:
                session.delete(url, timeout=(5.0, 10.0))
            finally:
                session.close()
            self.journal.clear_session(self.run_id, uploader.item.index)
        except Exception as error:  # offline, say: the session expires by itself
            log.info(
                "File %d: unsaved session not deleted (%s)",
                uploader.item.index,
                type(error).__name__,
            )

    def _record_done(self, item: JournalItem, done: Done) -> None:
        self.journal.mark_verified(
            self.run_id,
            item.index,
            item_id=done.item_id,
            size=done.size,
            quick_xor_hash=done.quick_xor_hash,
            final_path=done.final_path,
            skipped_existing=done.skipped_existing,
        )
        if done.final_path != item.dest_path:
            self.journal.add_note(
                self.run_id,
                item.index,
                f"OneDrive already had a different file with this name; kept both, "
                f"this one as {done.final_path.rpartition('/')[2]}",
            )
        self.limiter.success()
        with self._lock:
            tally = self._tally
            tally.files_done += 1
            if done.skipped_existing:
                tally.skipped += 1
                tally.bytes_done += done.size
            else:
                tally.moved += 1
                tally.bytes_moved += done.size

    def _fail_unexpected(self, item: JournalItem) -> None:
        try:
            self._fail(
                item,
                "unexpected",
                "Something unexpected went wrong while moving this file, so it was not moved.",
                "Choose Try again. If it happens again, contact the service desk with the log.",
            )
        except Exception:  # the journal itself failed: the run cannot record outcomes
            log.exception("File %d: the failure could not be recorded", item.index)
            self._halt.set()

    def _stop_run(self, item: JournalItem, error: UserFacingError) -> None:
        log.warning("Run stopped at file %d: %s (%s)", item.index, error, error.detail)
        with self._lock:
            if self._error is None:
                self._error = error
        self._halt.set()

    def _fail(self, item: JournalItem, code: str, message: str, action: str) -> None:
        log.warning("File %d not moved: %s", item.index, code)
        self.journal.mark_failed(self.run_id, item.index, code=code, message=message, action=action)
        with self._lock:
            self._tally.failed += 1
            self._tally.files_done += 1
        self._emit()

    # -- progress ------------------------------------------------------------------------

    def _on_bytes(self, acknowledged: int, sent: int) -> None:
        with self._lock:
            self._tally.bytes_done += acknowledged
            self._tally.bytes_sent += sent
        self._emit()

    def _emit(self, *, force: bool = False) -> None:
        if self._progress is None:
            return
        now = time.monotonic()
        with self._lock:
            if not force and now - self._last_emit < self._interval:
                return
            self._last_emit = now
            tally = self._tally
            tally.samples.append((now, tally.bytes_done))
            while len(tally.samples) > 2 and now - tally.samples[0][0] > 5.0:
                tally.samples.popleft()
            first_t, first_b = tally.samples[0]
            rate = (tally.bytes_done - first_b) / (now - first_t) if now > first_t else 0.0
            left = max(0, tally.bytes_total - tally.bytes_done)
            progress = UploadProgress(
                bytes_done=min(tally.bytes_done, tally.bytes_total),
                bytes_total=tally.bytes_total,
                files_done=tally.files_done,
                files_total=tally.files_total,
                in_flight=tuple(tally.in_flight.values()),
                rate_bps=rate,
                eta_s=left / rate if rate > 0 else None,
                failed=tally.failed,
                skipped_existing=tally.skipped,
                bytes_sent=tally.bytes_sent,
            )
        self._progress(progress)
