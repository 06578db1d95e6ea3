"""Page 6: moving the files. Overall progress in files, bytes, percent and time left; the
files in flight; done / waiting / needing attention; Pause, Resume, Cancel; problems with
what to do. Progress reaches screen readers politely at milestones and on request
("Read progress", Ctrl+R); results and problems assertively."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QListWidget, QProgressBar

from app.core.errors import UserFacingError
from app.ui import a11y
from app.ui import formatting as fmt
from app.ui.pages import DONE
from app.ui.pages.common import Page, error_line, error_summary, set_text
from app.ui.session import LabelsProgress, Session
from app.ui.workers import Task, run_in_background

log = logging.getLogger(__name__)

MILESTONES = (25, 50, 75)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgressPage", text)


def progress_words(
    files_done: int, files_total: int, bytes_done: int, bytes_total: int, eta: float | None
) -> str:
    """What the progress bar says, in words (also its accessible value)."""
    percent = (
        fmt.percent(bytes_done, bytes_total)
        if bytes_total
        else fmt.percent(files_done, files_total)
    )
    text = _tr("{percent} percent, {done} of {total} files").format(
        percent=percent, done=fmt.number(files_done), total=fmt.number(files_total)
    )
    if eta is not None:
        text += ", " + _tr("{time} left").format(time=fmt.duration(eta))
    return text


class ProgressPage(Page):
    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Moving your files"))
        self.bar = QProgressBar()
        # Percent, so the accessible value (Qt exposes the bare number) reads "45", with
        # the words in the description and on the bar.
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(True)
        self.bar.setAccessibleName(self.tr("Overall progress"))
        self.body.addWidget(self.bar)
        self.overall = self.text("", selectable=True)
        self.counts = self.text("", selectable=True)
        # The retention-label pass after the upload (minutes on a big drive): its own line.
        self.labels_line = self.text("", selectable=True)
        self._labels_started = False
        row = QHBoxLayout()
        self.pause_button = self.button(
            self.tr("&Pause"), self.tr("Pause after the current pieces")
        )
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button = self.button(
            self.tr("S&top for now"), self.tr("Stop safely; you can continue later")
        )
        self.stop_button.clicked.connect(self.stop)
        self.read_button = self.button(self.tr("&Read progress"), self.tr("Ctrl+R reads it aloud"))
        self.read_button.clicked.connect(self.read_progress)
        QShortcut(QKeySequence("Ctrl+R"), self, self.read_progress)
        self.receipt_button = self.button(
            self.tr("Receipt so &far"),
            self.tr("Saves the receipt of what has moved until now, in Documents and OneDrive"),
        )
        self.receipt_button.clicked.connect(self.receipt_so_far)
        for button in (self.pause_button, self.stop_button, self.read_button, self.receipt_button):
            row.addWidget(button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addLayout(self._announcement_row())
        self.in_flight_label = self.text(self.tr("Moving now:"))
        self.in_flight = QListWidget()
        self.in_flight.setAccessibleName(self.tr("Files moving now"))
        self.in_flight.setMaximumHeight(120)
        self.body.addWidget(self.in_flight)
        self.problems_label = self.text(self.tr("Needing attention:"))
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Files needing attention, with what to do"))
        self.problems.setWordWrap(True)
        self.body.addWidget(self.problems)
        self.pause_event = threading.Event()
        self._task: Task | None = None
        self._receipt_task: Task | None = None
        self._finished = False
        self._milestone = 0
        self._spoken_files = -1
        self._started = 0.0
        self._words = ""
        self._seen_problems: set[str] = set()

    def _announcement_row(self) -> QHBoxLayout:
        """The "Announce progress:" choice (every step, milestones, only at the end), for the
        officer or a floor-walker to change while files move."""
        self.announce_choice = QComboBox()
        for mode, text in (
            (a11y.EVERY_STEP, self.tr("Every step")),
            (a11y.MILESTONES, self.tr("At 25, 50 and 75 percent")),
            (a11y.END_ONLY, self.tr("Only at the end")),
        ):
            self.announce_choice.addItem(text, mode)
        index = self.announce_choice.findData(self.session.settings.ui.announcements)
        self.announce_choice.setCurrentIndex(max(0, index))
        label = QLabel(self.tr("&Announce progress:"))
        a11y.buddy(label, self.announce_choice)
        self.announce_choice.setAccessibleDescription(
            self.tr("How often a screen reader hears how far the move has got")
        )
        self.announce_choice.currentIndexChanged.connect(self._announcement_mode_chosen)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.announce_choice)
        row.addStretch(1)
        return row

    def _announcement_mode_chosen(self, index: int) -> None:
        mode = str(self.announce_choice.itemData(index))
        if self.wizard() is None:  # not yet (or no longer) in the wizard
            return
        wizard = self.wizard_()
        wizard.announcement_mode = mode
        # Every step is paced by the announcer; milestones and results are sent forced.
        wizard.announcer.min_interval_s = (
            a11y.EVERY_STEP_INTERVAL_S if mode == a11y.EVERY_STEP else a11y.POLITE_INTERVAL_S
        )

    def initializePage(self) -> None:
        wizard = self.wizard_()
        index = self.announce_choice.findData(wizard.announcement_mode)
        if index >= 0 and index != self.announce_choice.currentIndex():
            self.announce_choice.setCurrentIndex(index)
        else:
            self._announcement_mode_chosen(self.announce_choice.currentIndex())
        self._start()

    # -- running ---------------------------------------------------------------------------
    def _start(self) -> None:
        if self._task is not None and self._task.running:
            return
        self._finished = False
        self._milestone = 0
        self._spoken_files = -1
        self._started = time.monotonic()
        self._labels_started = False
        set_text(self.labels_line, "")
        self.pause_event.clear()
        self.pause_button.setText(self.tr("&Pause"))
        set_text(self.overall, self.tr("Starting..."))
        self._task = run_in_background(
            self._job,
            parent=self,
            name="upload",
            on_progress=self._progress,
            on_success=self._done,
            on_failure=self._failed,
            on_cancel=self._stopped,
            interval_s=0.3,
        )
        self.completeChanged.emit()

    def _job(self, progress: Any, stop: threading.Event) -> Any:
        session = self.session
        if session.resuming:
            # Checked again here (account, the run's own folder); raises a UserFacingError.
            session.resume_run()
        elif session.run_id is None:
            session.start_run()
        return session.upload(progress, self.pause_event, stop)

    def _progress(self, p: Any) -> None:
        if isinstance(p, LabelsProgress):
            self._labels_progress(p)
            return
        files_done = int(getattr(p, "files_done", 0))
        files_total = int(getattr(p, "files_total", 0))
        bytes_done = int(getattr(p, "bytes_done", 0))
        bytes_total = int(getattr(p, "bytes_total", 0))
        failed = int(getattr(p, "failed", 0))
        eta = getattr(p, "eta_s", None)
        if eta is None:
            eta = self._eta(bytes_done, bytes_total)
        self._words = progress_words(files_done, files_total, bytes_done, bytes_total, eta)
        permille = (
            int(1000 * bytes_done / bytes_total)
            if bytes_total
            else (int(1000 * files_done / files_total) if files_total else 0)
        )
        self.bar.setValue(min(100, permille // 10))
        self.bar.setFormat(self._words)
        self.bar.setAccessibleDescription(self._words)
        set_text(
            self.overall,
            self.tr("{words}. {done} of {total} moved.").format(
                words=self._words, done=fmt.size(bytes_done), total=fmt.size(bytes_total)
            ),
        )
        waiting = max(0, files_total - files_done - failed)
        set_text(
            self.counts,
            self.tr("Done: {done}. Waiting: {waiting}. Needing attention: {failed}.").format(
                done=fmt.number(files_done), waiting=fmt.number(waiting), failed=fmt.number(failed)
            ),
        )
        names = [str(name) for name in getattr(p, "in_flight", ())][:8]
        if [self.in_flight.item(i).text() for i in range(self.in_flight.count())] != names:
            self.in_flight.clear()
            self.in_flight.addItems(names)
        for problem in getattr(p, "problems", ()):
            self._add_problem(problem)
        self._speak_progress(permille // 10, files_done)

    def _labels_progress(self, p: LabelsProgress) -> None:
        text = self.tr("Setting retention labels: {done} of {total}").format(
            done=fmt.number(p.done), total=fmt.number(p.total)
        )
        first = not self._labels_started
        self._labels_started = True
        set_text(self.labels_line, text)
        if first:  # a new stage: a milestone, whatever the mode but "only at the end"
            self.wizard_().announce(text, force=True)

    def _speak_progress(self, percent: int, files_done: int) -> None:
        """The three announcement modes: every finished file (paced by the announcer), the
        milestones only, or nothing until the result."""
        wizard = self.wizard_()
        mode = wizard.announcement_mode
        if mode == a11y.EVERY_STEP:
            if files_done != self._spoken_files and wizard.announce(self._words):
                self._spoken_files = files_done
            return
        for milestone in MILESTONES:
            if percent >= milestone > self._milestone:
                self._milestone = milestone
                if mode == a11y.MILESTONES:
                    wizard.announce(self._words, force=True)

    def _eta(self, done: int, total: int) -> float | None:
        elapsed = time.monotonic() - self._started
        if done <= 0 or elapsed < 3 or self.pause_event.is_set():
            return None
        return (total - done) * elapsed / done

    def _add_problem(self, problem: Any) -> None:
        text = str(problem)
        if text in self._seen_problems:
            return
        self._seen_problems.add(text)
        self.problems.addItem("⚠ " + text)

    def read_progress(self) -> None:
        # Asked for, so it is spoken whatever the announcement mode.
        self.wizard_().announce(self._words or self.overall.text(), assertive=True)

    def receipt_so_far(self) -> Task:
        """The receipt mid-run, on a worker (the journal is shared safely with the upload's
        workers); the one at the end replaces it in OneDrive."""
        from app.ui.receipt import where_saved

        def done(published: Any) -> None:
            self.receipt_button.setEnabled(True)
            self.wizard_().announce(where_saved(published), assertive=True)

        def failed(error: UserFacingError) -> None:
            self.receipt_button.setEnabled(True)
            self.wizard_().announce(error_summary(error), assertive=True)

        self.receipt_button.setEnabled(False)
        self._receipt_task = run_in_background(
            lambda _progress, stop: self.session.publish_receipt(stop),
            parent=self,
            name="receipt so far",
            on_success=done,
            on_failure=failed,
        )
        return self._receipt_task

    def wait_for_receipt(self) -> None:
        """The window is closing: stop "Receipt so far" (its upload stops at once), wait."""
        if self._receipt_task is not None and self._receipt_task.is_running():
            self._receipt_task.stop()
            self._receipt_task.wait()

    def toggle_pause(self) -> None:
        if self.pause_event.is_set():
            self.pause_event.clear()
            self.pause_button.setText(self.tr("&Pause"))
            self.wizard_().announce(self.tr("Resumed."), assertive=True)
        else:
            self.pause_event.set()
            self.pause_button.setText(self.tr("&Resume"))
            self.wizard_().announce(self.tr("Paused."), assertive=True)

    def pause(self) -> None:
        if not self.pause_event.is_set() and self.running():
            self.toggle_pause()

    def stop(self) -> None:
        if self._task is not None:
            self._task.stop()
            self.pause_event.clear()  # a paused engine must wake up to notice the stop

    def running(self) -> bool:
        return self._task is not None and self._task.is_running()

    def stop_and_wait(self, ms: int = 30_000) -> None:
        """Stop safely (the journal keeps every file's state) and wait for the worker."""
        if self.running():
            self.stop()
            assert self._task is not None
            started = time.monotonic()
            finished = self._task.wait(ms)
            log.info(
                "Upload stopped in %.1f s (finished: %s).", time.monotonic() - started, finished
            )

    # -- outcomes ----------------------------------------------------------------------------
    def _done(self, result: Any) -> None:
        self._finished = True
        self.session.result = result
        self.pause_button.setEnabled(False)
        self.stop_button.setEnabled(False)
        self.bar.setValue(100)
        message = self.tr("Finished moving your files. Press Next for your receipt.")
        problem = self.session.labels_problem
        if problem is not None:  # the files have moved; the labels wait for a resume
            labels = error_line(problem)
            set_text(self.labels_line, labels)
            message = f"{message} {labels}"
        set_text(self.overall, message)
        self.wizard_().announce(message, assertive=True)
        self.completeChanged.emit()

    def _failed(self, error: UserFacingError) -> None:
        message = error_line(error)
        set_text(self.overall, message)
        self.wizard_().announce(message, assertive=True)
        self.pause_button.setEnabled(False)

    def _stopped(self) -> None:
        message = self.tr(
            "Stopped safely. Nothing is lost: next time the assistant offers to continue."
        )
        set_text(self.overall, message)
        self.wizard_().announce(message, assertive=True)

    def isComplete(self) -> bool:
        return self._finished

    def nextId(self) -> int:
        return DONE
