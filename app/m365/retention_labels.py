"""Carry the retention policy into OneDrive: each migrated file gets its Purview label.

Graph's `driveItem: setRetentionLabel` (`PATCH /me/drive/items/{id}/retentionLabel`,
body `{"name": "<label>"}`; 201 the first time, 200 after) needs the delegated
Files.Read.All scope, which `config.scopes_for` asks for only when the organisation turns
labels on (`policy.retention_labels`).

A follow-up pass after the upload engine, not part of it: a label is applied only to a
file OneDrive has returned with our size and QuickXorHash (state verified or
skipped_existing), and the journal records the label OneDrive confirmed
(`retention_label`) or why not (`label_problem`), so a resumed run applies only the
labels still missing. A label that fails leaves the file migrated: the file is safe, the
problem is listed with what to do. 429/503 and their Retry-After are handled by
`GraphClient.request` as for every other call.

Run-wide problems (offline, signed out, a 401 that a new token did not cure, throttling
that outlasted the retries) halt the pass instead of becoming a problem on every file:
the labels still missing wait for the resume (`LabelResult.halted_by` says why). The
caller skips the pass after a run that stopped with an error, for the same reason.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import quote

from app.core.errors import CancelledError, UserFacingError
from app.core.journal import Journal, JournalItem
from app.core.texts import N_
from app.m365.errors import (
    AccessDeniedError,
    AuthError,
    GraphError,
    NotFoundError,
    OfflineError,
    ThrottledError,
)
from app.m365.graph import GraphClient

log = logging.getLogger(__name__)

WORKERS = 4  # labels are small requests: a few in flight keep the latency hidden
BATCH = 50  # outcomes per journal commit ...
BATCH_S = 1.0  # ... or at least this often
PROGRESS_S = 0.25  # progress at most this often (the window and screen readers)


@dataclass(frozen=True)
class LabelProgress:
    done: int
    total: int


@dataclass
class LabelResult:
    applied: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)  # (rel_path, problem)
    stopped: bool = False  # cancelled, or halted: the rest wait for a resume
    halted_by: UserFacingError | None = None  # the run-wide problem that halted the pass


class LabelsNotApplied(UserFacingError):
    """The label pass itself failed (not one file's label): the upload's result stands."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(
            N_("Retention labels were not set"),
            N_("Your files are in OneDrive, but their retention labels could not be set now."),
            N_("Continue the migration later (resume) to set the labels still missing."),
            detail=f"{error.for_log() if isinstance(error, GraphError) else repr(error)}",
        )


def halts_the_pass(error: UserFacingError) -> bool:
    """A problem with the connection or the account, not with one file's label."""
    if isinstance(error, (OfflineError, ThrottledError, AuthError)):
        return True
    return isinstance(error, GraphError) and error.status == 401


def set_retention_label(
    graph: GraphClient, item_id: str, name: str, *, stop: threading.Event | None = None
) -> str:
    """Apply `name` to the item; returns the label name OneDrive confirmed."""
    response = graph.request(
        "PATCH",
        f"me/drive/items/{quote(item_id, safe='')}/retentionLabel",
        json={"name": name},
        expected=(200, 201),
        stop=stop,
    )
    try:
        confirmed = response.json().get("name")
    except ValueError:
        confirmed = None
    return str(confirmed) if confirmed else name


def label_problem(error: GraphError, label: str) -> str:
    """What the officer (and the receipt) is told: the file is safe, the label is not on."""
    if isinstance(error, AccessDeniedError):
        return (
            f"The retention label '{label}' could not be set: this app was not given "
            "permission to set labels. The file is in OneDrive. Tell IT (records "
            "management); the label can be set later."
        )
    if isinstance(error, NotFoundError):
        return (
            "The file was no longer in OneDrive when its retention label was to be set "
            "(moved or deleted there). Check the file in OneDrive."
        )
    if error.status == 400:
        return (
            f"Your organisation's Microsoft 365 does not know the retention label "
            f"'{label}'. The file is in OneDrive. Tell IT (records management) that the "
            "retention policy names a label that does not exist."
        )
    return (
        f"The retention label '{label}' could not be set: {error.message} The file is in "
        "OneDrive. Continue the migration later to try again."
    )


def apply_labels(
    graph: GraphClient,
    journal: Journal,
    run_id: int,
    *,
    stop: threading.Event | None = None,
    on_progress: Callable[[LabelProgress], None] | None = None,
    workers: int = WORKERS,
) -> LabelResult:
    """Apply every label the run still needs; records each outcome in the journal."""
    stop = stop or threading.Event()
    todo = journal.needing_label(run_id)
    result = LabelResult()
    if not todo:
        return result
    lock = threading.Lock()
    halt = threading.Event()  # offline, signed out, throttled: no point sending the rest now
    done = 0
    last_progress = 0.0
    pending: list[tuple[int, str | None, str | None]] = []  # written in batches
    last_write = time.monotonic()

    def record(index: int, applied: str | None, problem: str | None) -> None:
        # One durable journal commit per batch: a commit per label (an fsync each)
        # took longer than the label's own request.
        nonlocal last_write
        with lock:
            pending.append((index, applied, problem))
            due = len(pending) >= BATCH or time.monotonic() - last_write >= BATCH_S
            batch = pending[:] if due else []
            if due:
                pending.clear()
                last_write = time.monotonic()
        if batch:
            journal.mark_labels(run_id, batch)

    def one(item: JournalItem) -> None:
        nonlocal done, last_progress
        if stop.is_set() or halt.is_set():
            return
        assert item.item_id is not None  # needing_label only returns items in OneDrive
        try:
            confirmed = set_retention_label(graph, item.item_id, item.wanted_label, stop=stop)
        except CancelledError:
            return
        except (GraphError, AuthError) as error:
            if halts_the_pass(error):
                # Not this file's problem: the rest would fail the same way. Left for
                # the resume, which a halted pass keeps open.
                with lock:
                    result.halted_by = result.halted_by or error
                halt.set()
                log.info("Retention labels paused: %s %s", error.title, error.detail)
                return
            if not isinstance(error, GraphError):
                raise
            problem = label_problem(error, item.wanted_label)
            record(item.index, None, problem)
            log.warning("Retention label not set on item %d: %s", item.index, error.for_log())
            with lock:
                result.problems.append((item.rel_path, problem))
        else:
            record(item.index, confirmed, None)
            with lock:
                result.applied += 1
        with lock:
            done += 1
            progress = LabelProgress(done, len(todo))
            now = time.monotonic()
            due = done == len(todo) or now - last_progress >= PROGRESS_S
            if due:
                last_progress = now
        if on_progress is not None and due:
            on_progress(progress)

    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="labels")
    try:
        for future in [pool.submit(one, item) for item in todo]:
            future.result()
    except BaseException:
        halt.set()  # Ctrl+C on the calling thread: the workers stop at their next item
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if pending:
            journal.mark_labels(run_id, pending)
        # Stopped, halted or failed with labels still to set: the run stays open, so the
        # next launch (or --resume) offers to continue it.
        if (stop.is_set() or halt.is_set()) and journal.needing_label(run_id):
            journal.reopen_run(run_id, retry_failed=False)
    result.stopped = stop.is_set() or halt.is_set()
    log.info(
        "Retention labels: %d applied, %d problems, %d of %d left",
        result.applied,
        len(result.problems),
        len(todo) - result.applied - len(result.problems),
        len(todo),
    )
    return result
