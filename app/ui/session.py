"""The wizard's state for one journey, and the calls into core/m365 it makes (off the GUI
thread, from workers). Nothing here is Qt: pages read this object and start jobs on it.

One place adapts the wizard to the engine's APIs (scan, rules, policy, sign-in, Graph,
plan, journal, upload), so pages stay about people, not plumbing. The durable state (what
has moved) lives in the journal, never here: this object is forgotten when the app closes.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import UserFacingError
from app.core.guidance import GuidanceReport
from app.core.inventory import Inventory
from app.settings import Settings
from app.ui.session_signin import DriveInfo, SignInMixin

__all__ = ["DeleteResult", "DriveInfo", "LabelsProgress", "RunProgress", "Session", "quiet_gc"]

log = logging.getLogger(__name__)

Progress = Callable[[Any], None]


@contextlib.contextmanager
def quiet_gc() -> Iterator[None]:
    """No cyclic garbage collection while building a big inventory, then freeze it.

    A full collection over a 250,000-file inventory takes ~100 ms with the GIL held, and
    the GUI thread would freeze for that long. The records it builds hold no cycles, so
    nothing is lost by pausing; frozen objects are never scanned again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


@dataclass
class RunProgress:
    """The upload engine's progress, plus the problems so far (each with what to do)."""

    engine: Any  # app.m365.upload.UploadProgress
    problems: list[str]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)


@dataclass(frozen=True)
class LabelsProgress:
    """The retention-label pass after the upload: `done` of `total` labels tried."""

    done: int
    total: int


@dataclass
class DeleteResult:
    deleted: int
    deleted_bytes: int
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    # Not deleted because no longer as scanned (changed, gone, now a link): (path, why)
    skipped: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Session(SignInMixin):
    settings: Settings
    language: str = "en"
    sandbox: Any = None  # app.sandbox.server.Sandbox in sandbox mode
    training_users: list[str] = field(default_factory=list)
    h_drive: Path | None = None
    h_drive_problem: UserFacingError | None = None
    h_drive_chosen: bool = False  # the officer picked the folder ("Choose folder")
    sign_in: Any = None  # app.m365.auth.SignIn
    account: Any = None  # app.m365.auth.Account
    owner: Any = None  # app.m365.owner.OwnerCheck
    drive: DriveInfo | None = None
    inventory: Inventory | None = None
    report: GuidanceReport | None = None
    rules: Any = None  # app.core.onedrive_rules.RulesResult
    review: Any = None  # app.ui.review_data.ReviewData
    plan: Any = None
    run_id: int | None = None
    result: Any = None
    resuming: bool = False  # continuing an unfinished run from the journal
    # The wizard window's native handle (`int(winId())`, set on the GUI thread): the
    # Windows broker's sign-in dialog needs a parent window.
    window_handle: int | None = None
    # Why the retention labels are not all set (shown beside the upload's own result).
    labels_problem: UserFacingError | None = None
    # Discarded files deleted from the H: drive after the run (path -> when): receipts
    # published since say so on their lines.
    deleted_files: dict[str, float] = field(default_factory=dict)
    _journal: Any = None
    # Workers (the assisted window's refresh, the support bundle) may ask for the journal
    # first: one opening only, or the second would find the journal "in use" by us.
    _journal_opening: threading.Lock = field(default_factory=threading.Lock)
    _graph: Any = None
    _token: Callable[[bool], str] | None = None  # set by tests/benchmarks; else the sign-in's
    # Receipts are published one at a time, newest last (see publish_receipt).
    _publishing: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _publish_counter: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _publish_requested: int = 0
    _published: tuple[int, Any] = (0, None)  # (generation, PublishedReceipt)

    # -- configuration -----------------------------------------------------------------
    @property
    def destination_folder(self) -> str:
        return self.settings.onedrive.destination_folder

    def m365_config(self) -> Any:
        from app.m365 import config

        if self.sandbox is not None:
            return config.config_for_sandbox(self.sandbox, self.settings)
        return config.config_from_settings(self.settings)

    def journal(self) -> Any:
        with self._journal_opening:
            if self._journal is None:
                from app.core.journal import Journal
                from app.m365.url_sealer import keyring_sealer

                # Practice mode keeps its own journal: a practice run never steers a real one.
                journal = Journal.open_default(practice=self.sandbox is not None)
                # Upload URLs are credentials: the journal stores them sealed only.
                journal.use_sealer(keyring_sealer())
                self._journal = journal
            return self._journal

    def unfinished_run(self) -> Any:
        """The run a previous launch left unfinished (RunInfo), if any."""
        try:
            return self.journal().unfinished_run()
        except UserFacingError as error:
            log.warning("journal: %s", error)
            return None

    # -- H: drive ----------------------------------------------------------------------
    def find_h_drive(self) -> Path | None:
        from app.core.scan import find_h_drive

        try:
            self.h_drive = find_h_drive(None)
            self.h_drive_problem = None
        except UserFacingError as error:
            self.h_drive, self.h_drive_problem = None, error
        return self.h_drive

    def scan_and_classify(self, progress: Progress, stop: threading.Event) -> Any:
        """Scan, check names against OneDrive's rules, apply the retention policy, and build
        the review's arrays. Returns the ReviewData, or None if stopped."""
        assert self.h_drive is not None
        with quiet_gc():
            return self._scan_and_classify(progress, stop)

    def _scan_and_classify(self, progress: Progress, stop: threading.Event) -> Any:
        from app.core.classify import classify
        from app.core.onedrive_rules import check_inventory
        from app.core.policy import policy_from_settings
        from app.core.scan import scan
        from app.ui.review_data import ReviewData

        assert self.h_drive is not None
        # No forked helper from this multi-threaded Qt process (see scan's docstring).
        inventory = scan(self.h_drive, progress=progress, stop=stop, helper_process=False)
        if stop.is_set():
            return None
        progress(("classify", 0, len(inventory.files)))
        upn = self.account.username if self.account is not None else ""
        rules = check_inventory(
            inventory, destination_folder=self.destination_folder, user_principal_name=upn
        )
        policy = policy_from_settings(self.settings.policy.file)
        report = classify(
            inventory,
            policy,
            rules=rules,
            stop=stop,
            progress=lambda done, total: progress(("classify", done, total)),
        )
        if stop.is_set():
            return None
        review = ReviewData(report, language=self.language)
        self.inventory, self.rules, self.report, self.review = inventory, rules, report, review
        return review

    # -- plan and upload -----------------------------------------------------------------
    def build_plan(self) -> Any:
        from app.core.plan import Choices, build_plan

        assert self.report is not None and self.review is not None
        moved, left = self.review.overrides()
        choices = Choices(move=frozenset(moved), discard=frozenset(left))
        self.plan = build_plan(
            self.report, self.rules, choices, destination_folder=self.destination_folder
        )
        return self.plan

    def start_run(self) -> int:
        account = self.account.username if self.account is not None else ""
        self.run_id = self.journal().start_run(self.plan, account=account, settings_digest="")
        # A new migration's receipt: nothing of it deleted yet, no label problem yet.
        self.deleted_files = {}
        self.labels_problem = None
        return self.run_id

    def upload(self, progress: Progress, pause: threading.Event, stop: threading.Event) -> Any:
        """Run the upload engine; progress goes out as `RunProgress` (the engine's figures
        plus the problems met so far, read from the journal on this worker)."""
        from app.core.journal import ItemState
        from app.m365.concurrency import AdaptiveLimit
        from app.m365.upload import UploadEngine

        assert self.run_id is not None
        # Everything alive now (inventory, review, plan) stays for the whole run: frozen,
        # the collector's full passes never walk it again while files move (a full pass
        # over a big inventory holds the GIL, and so the window, for tens of ms).
        gc.freeze()
        journal = self.journal()
        run = journal.run_info(self.run_id)
        # Always the run's own folder: the drive found at this launch may be another.
        source = str(self._run_source(run))
        seen_failed = -1
        problems: list[str] = []

        def relay(p: Any) -> None:
            nonlocal seen_failed, problems
            # Read from the journal only when the count changed, and never past the 200
            # shown: thousands of failures must not mean thousands of growing reads.
            if p.failed != seen_failed and len(problems) < 200:
                seen_failed = p.failed
                failed = journal.items(self.run_id, [ItemState.FAILED])
                problems = [
                    f"{item.rel_path}: {item.fail_message or ''} {item.fail_action or ''}".strip()
                    for item in failed[:200]
                ]
            progress(RunProgress(p, list(problems)))

        upload = self.settings.upload
        limiter = AdaptiveLimit(upload.concurrency_start, upload.concurrency_max)
        graph = self.run_graph(limiter, stop)
        engine = UploadEngine(
            graph,
            journal,
            source,
            run_id=self.run_id,
            settings=upload,
            session_factory=self.session_factory(),
            progress=relay,
            pause=pause,
            stop=stop,
            limiter=limiter,
        )
        try:
            self.result = engine.run()
            self.labels_problem = None
            # Not after a run that stopped with an error (signed out, offline, throttled):
            # every label would fail the same way. The run stays open; a resume sets them.
            if (
                self.settings.policy.retention_labels
                and not self.result.cancelled
                and self.result.error is None
            ):
                self.labels_problem = self._apply_labels(graph, journal, progress, stop)
        finally:
            graph.close()
        self._find_folder_url(run.destination)
        if self.result.error is not None and not self.result.cancelled:
            raise self.result.error
        return self.result

    def _apply_labels(
        self, graph: Any, journal: Any, progress: Progress, stop: threading.Event
    ) -> UserFacingError | None:
        """The retention labels onto the files now in OneDrive. One file's problem is
        recorded in the journal (the receipt lists it; the file stays moved); a problem
        with the whole pass is returned, never raised over the upload's own result."""
        from app.core.errors import CancelledError
        from app.m365.retention_labels import LabelsNotApplied, apply_labels

        assert self.run_id is not None
        try:
            labels = apply_labels(
                graph,
                journal,
                self.run_id,
                stop=stop,
                on_progress=lambda p: progress(LabelsProgress(p.done, p.total)),
            )
        except CancelledError:
            return None
        except Exception as error:  # the files have moved: say it, keep the result
            log.exception("Retention label pass failed")
            if journal.needing_label(self.run_id):  # kept open: a resume sets them
                journal.reopen_run(self.run_id, retry_failed=False)
            return LabelsNotApplied(error)
        if labels.halted_by is not None and not stop.is_set():
            log.warning("Retention labels paused: %s", labels.halted_by.for_terminal())
            return LabelsNotApplied(labels.halted_by)
        return None

    def _find_folder_url(self, destination: str) -> None:
        """The OneDrive folder's own web address, for the receipt's "open" button."""
        if not destination or self.drive is None:
            return
        try:
            item = self.graph().item_by_path(destination)
        except UserFacingError as error:  # the drive's address still works
            log.info("Could not look up the OneDrive folder's address: %s", error)
            return
        if item and item.get("webUrl"):
            self.drive.web_url = str(item["webUrl"])

    def publish_receipt(self, stop: threading.Event, extra: tuple[str, ...] = ()) -> Any:
        """On a worker: the receipt of this migration (every run of it, from the journal),
        saved in Documents and put beside the files in OneDrive. Returns
        app.m365.receipt_upload.PublishedReceipt (problems in it, never raised), or None
        before any run. `extra`: paragraphs added to the page (what was deleted since)."""
        from app import paths
        from app.core.policy import policy_from_settings
        from app.core.receipt_html import rule_texts
        from app.m365.receipt_upload import publish_receipt

        if self.run_id is None:
            return None
        try:  # the policy's texts: reasons in the officer's language, what to do
            rules = rule_texts(policy_from_settings(self.settings.policy.file))
        except UserFacingError as error:  # the journal's English titles will do
            log.warning("Receipt without the policy's texts: %s", error)
            rules = None
        signed_in = self.account is not None or self._token is not None
        # One at a time, newest last: "Receipt so far" still uploading when the last page
        # publishes must not finish after it and leave an older receipt in place
        # (conflictBehavior=replace). A request overtaken by a newer publish is skipped.
        with self._publish_counter:
            self._publish_requested += 1
            generation = self._publish_requested
        with self._publishing:
            if self._published[0] > generation:
                return self._published[1]
            published = publish_receipt(
                self.journal(),
                self.run_id,
                folder=paths.user_documents_dir(),
                graph=self.graph() if signed_in else None,
                language=self.language,
                practice=self.sandbox is not None,
                rules=rules,
                extra=extra,
                stop=stop,
                deleted=dict(self.deleted_files),
            )
            self._published = (generation, published)
            return published

    # -- the only write to the H: drive --------------------------------------------------
    @staticmethod
    def _run_source(run: Any) -> Path:
        from app.core.resume import resume_source

        return resume_source(run)

    def discarded_files(self) -> list[Any]:
        """What was left behind and may be deleted (`LeftBehind`: path, size, modified as
        scanned): discarded, never 'cannot move' (the officer's to deal with otherwise)."""
        from app.core.journal import ItemState
        from app.core.left_behind import LeftBehind

        if self.run_id is None:
            return []
        items = self.journal().items(self.run_id, [ItemState.DISCARDED])
        return [LeftBehind(item.rel_path, item.size, item.modified) for item in items]

    def delete_discarded(
        self, files: list[Any], progress: Progress, stop: threading.Event
    ) -> DeleteResult:
        """Delete exactly the listed files (after the officer confirmed that list), from
        the run's own folder, and only those still as scanned (app.core.left_behind)."""
        from app.core.left_behind import delete_left_behind

        assert self.run_id is not None
        root = self._run_source(self.journal().run_info(self.run_id))
        outcome = delete_left_behind(
            str(root), files, stop=stop, progress=lambda done, total: progress((done, total))
        )
        # Files are gone through in order, each ending deleted, skipped or failed.
        processed = outcome.deleted + len(outcome.skipped) + len(outcome.failed)
        kept = {path for path, _why in (*outcome.skipped, *outcome.failed)}
        now = time.time()
        self.deleted_files.update(
            {item.rel_path: now for item in files[:processed] if item.rel_path not in kept}
        )
        return DeleteResult(outcome.deleted, outcome.deleted_bytes, outcome.failed, outcome.skipped)

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None
