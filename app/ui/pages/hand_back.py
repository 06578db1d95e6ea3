""" "Check this laptop before I hand it back": a dialog opened from the receipt page.

Lists the folders to check (this laptop's known folders and its offline copy of the H:
drive, from app.core.hand_back.laptop_folders; the officer can add others), runs the
check on a worker against the signed-in OneDrive, and shows every file that is not safely
there in a table (not a tree: screen readers handle Qt trees poorly), with a summary that
is announced. The report is saved where the receipt finds it. "Move them with the
assistant" hands the first folder with files at risk to the same wizard as its source,
with <destination>/Laptop/<folder> as the OneDrive folder, and the officer walks the
usual steps (scan, review, confirm, move, receipt).
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.core.hand_back import (
    REPORT_FILE_NAME,
    HandBackProgress,
    HandBackReport,
    HandBackStatus,
    LaptopFolder,
    check_hand_back,
    journal_copies,
    laptop_folders,
    save_report,
)
from app.ui import a11y
from app.ui.pages.common import core_text, error_line
from app.ui.workers import Task, run_in_background

if TYPE_CHECKING:
    from app.ui.session import Session

TABLE_ROWS = 500  # the saved report has every file; a table of more is slow to lay out


def run_check(
    session: Session,
    folders: list[LaptopFolder],
    progress: Any,
    stop: threading.Event,
) -> HandBackReport:
    """The check on a worker: the journal for our own files, OneDrive for the rest."""
    from app.m365.onedrive_lookup import OneDriveFolders

    copies = journal_copies(session.journal())
    report = check_hand_back(
        folders, OneDriveFolders(session.graph()), copies, stop=stop, progress=progress
    )
    save_report(report, paths.user_data_dir() / REPORT_FILE_NAME)
    return report


class HandBackDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Check this laptop before you hand it back"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your old laptop will be wiped. This check looks at the folders below and "
                "lists every file that is not in your OneDrive with exactly the same "
                "contents, so nothing of yours is left only on this laptop."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        folders_label = QLabel(self.tr("&Folders to check:"))
        self.folder_list = QListWidget()
        a11y.buddy(folders_label, self.folder_list)
        self.folder_list.setAccessibleDescription(
            self.tr("This laptop's folders that the check looks at")
        )
        self.folder_list.setMaximumHeight(120)
        layout.addWidget(folders_label)
        layout.addWidget(self.folder_list)
        row = QHBoxLayout()
        self.add_button = self._button(
            self.tr("&Add a folder..."), self.tr("Choose another folder on this laptop to check")
        )
        self.add_button.clicked.connect(self._choose_folder)
        self.check_button = self._button(
            self.tr("&Check now"), self.tr("Compares every file with your OneDrive")
        )
        self.check_button.clicked.connect(self.start_check)
        self.stop_button = self._button(self.tr("&Stop"), self.tr("Stops the check"))
        self.stop_button.clicked.connect(self.stop_check)
        self.stop_button.setEnabled(False)
        for button in (self.add_button, self.check_button, self.stop_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

        self.status = QLabel("")
        self.status.setWordWrap(True)
        a11y.name(self.status, self.tr("Check result"))
        layout.addWidget(self.status)
        results_label = QLabel(self.tr("&Files not safely in OneDrive:"))
        self.table = QTableWidget(0, 3)
        a11y.buddy(results_label, self.table)
        self.table.setAccessibleDescription(
            self.tr("One row per file: where it is on this laptop, its status, and OneDrive's")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("File on this laptop"), self.tr("Status"), self.tr("In OneDrive")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as elsewhere
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(results_label)
        layout.addWidget(self.table, 1)

        buttons = QDialogButtonBox()
        self.move_button = self._button(
            self.tr("&Move them with the assistant"),
            self.tr("Closes this window and starts moving the first folder with files at risk"),
        )
        self.move_button.setVisible(False)
        self.move_button.clicked.connect(self._move)
        buttons.addButton(self.move_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        a11y.clean_button_name(close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.folders: list[LaptopFolder] = []
        self.report: HandBackReport | None = None
        self.chosen_folder: LaptopFolder | None = None  # set by "Move them"
        self._task: Task | None = None
        self.set_folders(laptop_folders(session.destination_folder))

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        a11y.clean_button_name(button)
        button.setAccessibleDescription(description)
        return button

    # -- folders ----------------------------------------------------------------------
    def set_folders(self, folders: list[LaptopFolder]) -> None:
        self.folders = list(folders)
        self.folder_list.clear()
        for folder in self.folders:
            self.folder_list.addItem(f"{core_text(folder.name)}: {folder.path}")
        self.check_button.setEnabled(bool(self.folders))
        if not self.folders:
            self._say(self.tr("No folders found on this laptop. Add the folders to check."))

    def add_folder(self, path: str) -> None:
        added = laptop_folders(self.session.destination_folder, [path])
        self.set_folders(self.folders + [f for f in added if f.path not in self._paths()])

    def _paths(self) -> set[str]:
        return {folder.path for folder in self.folders}

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder to check"), str(Path.home())
        )
        if folder:
            self.add_folder(folder)

    # -- the check --------------------------------------------------------------------
    def start_check(self) -> Task:
        self.check_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.move_button.setVisible(False)
        self.table.setRowCount(0)
        self._say(self.tr("Checking..."))
        session, folders = self.session, list(self.folders)
        self._task = run_in_background(
            lambda progress, stop: run_check(session, folders, progress, stop),
            parent=self,
            name="hand-back-check",
            on_progress=self._progress,
            on_success=self._finished,
            on_failure=self._failed,
        )
        return self._task

    def stop_check(self) -> None:
        if self._task is not None:
            self._task.stop()

    def _progress(self, value: HandBackProgress) -> None:
        self.status.setText(
            self.tr("Checked %n file(s)...", None, value.files_checked)
            + (f" ({core_text(value.folder)})" if value.folder else "")
        )

    def _failed(self, error: Any) -> None:
        self.check_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self._say(error_line(error), assertive=True)

    def _finished(self, report: HandBackReport) -> None:
        self.report = report
        self.check_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        at_risk = report.not_safe
        names = {
            HandBackStatus.NOT_IN_ONEDRIVE: self.tr("Not in OneDrive"),
            HandBackStatus.DIFFERENT_IN_ONEDRIVE: self.tr("Different in OneDrive"),
            HandBackStatus.UNREADABLE: self.tr("Could not be read"),
        }
        self.table.setRowCount(min(len(at_risk), TABLE_ROWS))
        for row, item in enumerate(at_risk[:TABLE_ROWS]):
            # A fixed detail (N_) is translated; one with figures or the system's words stays.
            where = item.onedrive_path + (f" ({core_text(item.detail)})" if item.detail else "")
            for column, text in enumerate((item.path, names[item.status], where)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        safe = report.count(HandBackStatus.SAFE_IN_ONEDRIVE)
        if report.safe_to_hand_back:
            text = self.tr(
                "All %n file(s) are safely in your OneDrive. Nothing is left only on this "
                "laptop: you can hand it back.",
                None,
                safe,
            )
        else:
            text = self.tr("%n file(s) are not safely in your OneDrive.", None, len(at_risk))
            if not report.complete:
                text += " " + self.tr("The check was stopped before the end.")
            if len(at_risk) > TABLE_ROWS:
                text += " " + self.tr("The first {shown} are listed.").format(shown=TABLE_ROWS)
        self.move_button.setVisible(self.folder_to_move() is not None)
        self._say(text, assertive=True)

    def folder_to_move(self) -> LaptopFolder | None:
        """The first laptop folder (not the H: drive's copy) with a file at risk."""
        if self.report is None:
            return None
        at_risk = {item.folder for item in self.report.not_safe}
        return next((f for f in self.folders if f.name in at_risk and not f.h_drive), None)

    def _move(self) -> None:
        self.chosen_folder = self.folder_to_move()
        self.accept()

    def _say(self, text: str, *, assertive: bool = False) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text or self.tr("Check result"))
        wizard = self.parent()
        announce = getattr(wizard, "announce", None)
        if callable(announce):
            announce(text, assertive=assertive)

    def done(self, result: int) -> None:
        if self._task is not None and self._task.is_running():
            self._task.stop()
            self._task.wait()
        super().done(result)


def move_with_wizard(session: Session, folder: LaptopFolder) -> None:
    """Set the session up to move `folder` through the usual steps: it becomes the folder
    to move, to <destination>/Laptop/<folder> in OneDrive, in a new run."""
    onedrive = dataclasses.replace(
        session.settings.onedrive, destination_folder=folder.onedrive_folders[0]
    )
    session.settings = dataclasses.replace(session.settings, onedrive=onedrive)
    session.h_drive = Path(folder.path)
    session.h_drive_problem = None
    session.h_drive_chosen = True
    session.inventory = session.report = session.rules = session.review = None
    session.plan = session.run_id = session.result = None
    session.resuming = False
