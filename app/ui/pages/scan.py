"""Page 3: the H: drive that was found (or a folder the officer chooses), live counts while
it is looked through, and Cancel. The scan starts as soon as the wizard opens, so it runs
while the officer reads and signs in; this page shows where it has got to. A folder chosen
here gets the owner check again (the sign-in checked the drive found at launch)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QProgressBar

from app.core.errors import UserFacingError
from app.ui import formatting as fmt
from app.ui.pages import REVIEW
from app.ui.pages.common import Page, error_line, error_texts, set_text
from app.ui.session import Session
from app.ui.workers import Task, run_in_background


class ScanPage(Page):
    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Looking through your H: drive"))
        self.where = self.text("", selectable=True)
        row = QHBoxLayout()
        self.choose_button = self.button(
            self.tr("C&hoose a different folder..."),
            self.tr("Pick the folder to move if the H: drive shown is not the right one"),
        )
        self.choose_button.clicked.connect(self._choose)
        self.cancel_button = self.button(self.tr("&Stop looking"))
        self.cancel_button.clicked.connect(self._cancel)
        self.rescan_button = self.button(self.tr("&Look again"))
        self.rescan_button.clicked.connect(self.start_scan)
        for button in (self.choose_button, self.cancel_button, self.rescan_button):
            row.addWidget(button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setAccessibleName(self.tr("Looking through your H: drive"))
        self.body.addWidget(self.bar)
        self.counts = self.text("", selectable=True)
        self.current = self.text("")
        self.owner_text = self.text("", selectable=True)
        self.owner_text.setVisible(False)
        self.owner_confirm = QCheckBox(
            self.tr("I confirm this folder is mine and I want to move it to my OneDrive")
        )
        self.owner_confirm.setVisible(False)
        self.owner_confirm.toggled.connect(self.completeChanged)
        self.body.addWidget(self.owner_confirm)
        self.body.addStretch(1)
        self._task: Task | None = None
        self.done = False
        self._show_where()

    def _show_where(self) -> None:
        drive = self.session.h_drive
        if drive is not None:
            set_text(self.where, self.tr("Your H: drive: {path}").format(path=str(drive)))
        else:
            problem = self.session.h_drive_problem
            detail = f" {error_texts(problem)[1]}" if problem is not None else ""
            set_text(
                self.where,
                self.tr("⚠ The assistant could not find your H: drive.")
                + detail
                + " "
                + self.tr("Choose the folder to move."),
            )
        self.rescan_button.setVisible(False)
        self.cancel_button.setVisible(False)

    def start_scan(self) -> None:
        if self.session.h_drive is None or (self._task is not None and self._task.running):
            return
        self.done = False
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.rescan_button.setVisible(False)
        set_text(self.counts, self.tr("Starting..."))
        self._task = run_in_background(
            self.session.scan_and_classify,
            parent=self,
            name="scan",
            on_progress=self._progress,
            on_success=self._finished,
            on_failure=self._failed,
            on_cancel=self._cancelled,
        )
        self.completeChanged.emit()

    def _progress(self, value: Any) -> None:
        if isinstance(value, tuple) and value[0] == "classify":
            _, done, total = value
            self.bar.setRange(0, max(1, total))
            self.bar.setValue(done)
            set_text(
                self.counts,
                self.tr("Checking {files} against the retention guidance...").format(
                    files=fmt.files(total)
                ),
            )
            self.current.setText("")
            return
        set_text(
            self.counts,
            self.tr("Found so far: {files} in {folders}, {size}.").format(
                files=fmt.files(value.files),
                folders=self.tr("%Ln folder(s)", None, value.folders),
                size=fmt.size(value.bytes),
            ),
        )
        self.current.setText(self.tr("Looking in: {folder}").format(folder=value.current_folder))

    def _finished(self, review: Any) -> None:
        self.cancel_button.setVisible(False)
        self.rescan_button.setVisible(True)
        if review is None:
            self._cancelled()
            return
        self.done = True
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        summary = review.summary()
        inventory = self.session.inventory
        problems = len(inventory.problems) if inventory is not None else 0
        message = self.tr("Finished: {files}, {size}.").format(
            files=fmt.files(review.n), size=fmt.size(int(review.size.sum()))
        )
        if problems:
            message += " " + self.tr("%n item(s) could not be read.", None, problems)
        if summary.cannot_files:
            message += " " + self.tr("%n file(s) cannot move.", None, summary.cannot_files)
        set_text(self.counts, message)
        self.current.setText(self.tr("Press Next to see what will move."))
        if self.isVisible():
            self.wizard_().announce(message, assertive=True)
        self.completeChanged.emit()

    def _failed(self, error: UserFacingError) -> None:
        self.cancel_button.setVisible(False)
        self.rescan_button.setVisible(True)
        message = error_line(error)
        set_text(self.counts, message)
        if self.isVisible():
            self.wizard_().announce(message, assertive=True)
        self.completeChanged.emit()

    def _cancelled(self) -> None:
        self.cancel_button.setVisible(False)
        self.rescan_button.setVisible(True)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        set_text(self.counts, self.tr("Stopped. Press Look again to start over."))
        self.completeChanged.emit()

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.stop()

    def _choose(self) -> None:
        start = str(self.session.h_drive or Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder to move"), start)
        if folder:
            self.choose_folder(Path(folder))

    def choose_folder(self, folder: Path) -> None:
        if self._task is not None and self._task.running:
            self._task.stop()
            self._task.wait()
        self.session.h_drive = folder
        self.session.h_drive_problem = None
        self.session.h_drive_chosen = True
        self._show_where()
        self._show_owner(self.session.check_owner_again())
        self.start_scan()

    def _show_owner(self, owner: Any) -> None:
        """The owner check for a chosen folder; a mismatch must be confirmed (or, when the
        organisation refuses, blocks the way on), as on the sign-in page."""
        mismatch = owner is not None and not owner.matches
        self.owner_confirm.setChecked(False)
        self.owner_text.setVisible(mismatch)
        self.owner_confirm.setVisible(mismatch and not self._refused())
        if not mismatch:
            self.completeChanged.emit()
            return
        if owner.expected:
            text = self.tr(
                "⚠ This folder seems to belong to {expected}, but you signed in as {actual}."
            ).format(expected=owner.expected, actual=owner.actual)
        else:
            text = self.tr(
                "⚠ The assistant could not check who owns this folder. You signed in as {actual}."
            ).format(actual=owner.actual)
        if self._refused():
            text += " " + self.tr(
                "Your organisation does not allow moving someone else's H: drive. Choose your "
                "own folder, sign in with the right account, or ask the service desk."
            )
        set_text(self.owner_text, text)
        if self.isVisible():
            self.wizard_().announce(text, assertive=True)
        self.completeChanged.emit()

    def _refused(self) -> bool:
        return self.session.settings.identity.owner_mismatch == "refuse"

    def owner_ok(self) -> bool:
        owner = self.session.owner
        if owner is None or owner.matches:
            return True
        if not self.session.h_drive_chosen:
            return True  # the drive found at launch: confirmed (or refused) at sign-in
        return not self._refused() and self.owner_confirm.isChecked()

    def initializePage(self) -> None:
        self._show_where()
        if not self.done and (self._task is None or not self._task.running):
            self.start_scan()
        else:
            self.cancel_button.setVisible(not self.done)
            self.rescan_button.setVisible(self.done)

    def isComplete(self) -> bool:
        return self.done and self.session.review is not None and self.owner_ok()

    def nextId(self) -> int:
        return REVIEW

    def shutdown(self) -> None:
        if self._task is not None and self._task.running:
            self._task.stop()
            self._task.wait()
