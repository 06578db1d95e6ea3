"""Page 7: the receipt (moved, left behind, needing attention, with reasons), a link to the
OneDrive folder, saving the receipt, and, behind a confirmation listing exactly what would
go, deleting the discarded files from the H: drive: the only write to the H: drive ever,
done on a worker.

The receipt is built from the journal on a worker (every run of this migration: a read of
every file's record), saved in Documents and put beside the files in OneDrive; the page
says where, and what did not work (never fatal: the files have moved).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTextBrowser,
)

from app import paths
from app.core.errors import UserFacingError
from app.core.hand_back import LaptopFolder
from app.core.left_behind import LeftBehind
from app.ui import formatting as fmt
from app.ui.pages.common import Page, error_line, set_text
from app.ui.pages.hand_back import HandBackDialog, move_with_wizard
from app.ui.receipt import Receipt, policy_titles, receipt_view, where_saved
from app.ui.session import DeleteResult, Session
from app.ui.workers import Task, run_in_background

# Rows per section in the window's view (the saved receipt lists every file): a rich-text
# view lays out a 200,000-row table for seconds on the GUI thread.
VIEW_ROWS = 200


class DonePage(Page):
    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Your receipt"))
        self.headline = self.text("", selectable=True)
        self.receipt_view = QTextBrowser()
        self.receipt_view.setAccessibleName(self.tr("Receipt"))
        self.receipt_view.setTabChangesFocus(True)
        self.receipt_view.setMinimumHeight(220)
        self.body.addWidget(self.receipt_view, 1)
        self.open_button = self.button(
            self.tr("&Open my OneDrive folder"), self.tr("Opens OneDrive in your web browser")
        )
        self.open_button.clicked.connect(self.open_onedrive)
        self.save_button = self.button(self.tr("&Save the receipt..."))
        self.save_button.clicked.connect(self._save_dialog)
        self.delete_button = self.button(
            self.tr("&Delete the left-behind files from my H: drive..."),
            self.tr("Asks you to confirm, with the full list, before deleting anything"),
        )
        self.delete_button.clicked.connect(self._confirm_delete)
        # One above the other: side by side, at 200% text they need more than the window's
        # width, and the page would scroll sideways with the buttons cut off (WCAG 1.4.10).
        for button in (self.open_button, self.save_button, self.delete_button):
            self.body.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hand_back_button = self.button(
            self.tr("&Check this laptop before I hand it back..."),
            self.tr("Lists files on this laptop that are not in your OneDrive"),
        )
        self.hand_back_button.clicked.connect(self.open_hand_back)
        self.body.addWidget(self.hand_back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.receipt_status = self.text("", selectable=True)
        self.delete_status = self.text("", selectable=True)
        self.receipt: Receipt | None = None
        self.published: Any = None  # app.m365.receipt_upload.PublishedReceipt
        self._task: Task | None = None
        self._receipt_task: Task | None = None

    def initializePage(self) -> None:
        self.receipt = None
        set_text(self.headline, self.tr("Preparing your receipt..."))
        set_text(self.receipt_status, "")
        self.save_button.setEnabled(False)
        self.delete_button.setVisible(False)
        self.open_button.setEnabled(bool(self.onedrive_url()))
        session = self.session

        def job(_progress: Any, stop: Any) -> tuple[Receipt, Any, list[LeftBehind]]:
            published = session.publish_receipt(stop)
            core = published.receipt if published is not None else None
            titles = policy_titles(session.settings)  # retention reasons in the UI's language
            receipt = receipt_view(core, session.destination_folder, session.language, titles)
            receipt.rules = published.rules if published is not None else None
            return receipt, published, session.discarded_files()

        self._receipt_task = run_in_background(
            job,
            parent=self,
            name="receipt",
            on_success=self._receipt_ready,
            on_failure=lambda error: self._problem(self.headline, error),
        )

    def _receipt_ready(self, result: tuple[Receipt, Any, list[LeftBehind]]) -> None:
        receipt, published, discarded = result
        self.receipt, self.published = receipt, published
        self.receipt_view.setHtml(receipt.html(max_rows=VIEW_ROWS))
        set_text(self.headline, receipt.headline())
        offer = self.session.settings.receipt.offer_delete_discarded and bool(discarded)
        self.delete_button.setVisible(offer)
        self.save_button.setEnabled(True)
        self.open_button.setEnabled(bool(self.onedrive_url()))
        where = where_saved(published)
        set_text(self.receipt_status, where)
        self.wizard_().announce(f"{receipt.headline()} {where}".strip(), assertive=True)

    def hand_back_dialog(self) -> HandBackDialog:
        return HandBackDialog(self.session, self.wizard_())

    def open_hand_back(self) -> None:
        dialog = self.hand_back_dialog()
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        folder = dialog.chosen_folder
        dialog.deleteLater()
        if accepted and folder is not None:
            self.move_laptop_folder(folder)

    def move_laptop_folder(self, folder: LaptopFolder) -> None:
        """The same wizard, again, with the laptop folder as the folder to move."""
        move_with_wizard(self.session, folder)
        wizard = self.wizard_()
        wizard.restart()
        wizard.scan.choose_folder(Path(folder.path))  # scans while the officer signs in

    def shutdown(self) -> None:
        """The window is closing: stop this page's workers (an upload of the receipt stops
        at once; a deletion at the next file) and wait for them."""
        for task in (self._receipt_task, self._task):
            if task is not None and task.is_running():
                task.stop()
                task.wait()

    def onedrive_url(self) -> str:
        drive = self.session.drive
        return drive.web_url if drive is not None else ""

    def open_onedrive(self) -> None:
        url = self.onedrive_url()
        if url:
            QDesktopServices.openUrl(QUrl(url))

    def _save_dialog(self) -> None:
        from app.core.receipt_files import receipt_base_name

        saved = self.published.saved if self.published is not None else []
        folder = saved[0].parent if saved else paths.user_documents_dir()  # off the H: drive
        core = self.receipt.core if self.receipt is not None else None
        name = receipt_base_name(
            core.destination if core else "", practice=bool(core and core.practice)
        )
        default = folder / f"{name}.html"
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the receipt"),
            str(default),
            self.tr("Web page (*.html);;Spreadsheet (*.csv);;Text (*.txt)"),
        )
        if target:
            try:
                self.save_receipt(Path(target))
            except UserFacingError as error:
                message = error_line(error)
                set_text(self.delete_status, message)
                self.wizard_().announce(message, assertive=True)

    def save_receipt(self, target: Path) -> Path:
        """Save the whole receipt: .csv (every file, for a spreadsheet), .txt (the summary)
        or else the accessible web page. Raises ReceiptNotSaved (a UserFacingError)."""
        from app.core.receipt_files import receipt_csv, save_receipt_file

        assert self.receipt is not None
        suffix = target.suffix.lower()
        if suffix == ".csv" and self.receipt.core is not None:
            # The policy's texts too, or the 'action' column differs from the saved copy's.
            content = receipt_csv(self.receipt.core, self.receipt.rules)
        elif suffix == ".txt":
            content = self.receipt.text()
        else:
            content = self.receipt.html()
        save_receipt_file(target, content.encode("utf-8"))
        message = self.tr("Receipt saved to {path}").format(path=str(target))
        set_text(self.delete_status, message)
        self.wizard_().announce(message, assertive=True)
        return target

    # -- deleting what was left behind ---------------------------------------------------------
    def delete_question(self, files: list[LeftBehind]) -> QMessageBox:
        total = sum(item.size for item in files)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete files from your H: drive?"))
        box.setText(
            self.tr(
                "This permanently deletes {what} from your H: drive. They are the files the "
                "retention guidance (or you) chose not to move. They are not in OneDrive."
            ).format(what=fmt.files_and_size(len(files), total))
        )
        box.setInformativeText(self.tr("The full list is under Show Details."))
        box.setDetailedText("\n".join(item.rel_path for item in files))
        delete = box.addButton(
            self.tr("Delete %n file(s)", None, len(files)), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = box.addButton(self.tr("Keep them"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setProperty("deleteButton", delete)
        return box

    def _confirm_delete(self) -> None:
        files = self.session.discarded_files()
        box = self.delete_question(files)
        box.exec()
        if box.clickedButton() is box.property("deleteButton"):
            self.delete(files)

    def delete(self, files: list[LeftBehind]) -> Task:
        self.delete_button.setEnabled(False)
        set_text(self.delete_status, self.tr("Deleting..."))
        self._task = run_in_background(
            lambda progress, stop: self.session.delete_discarded(files, progress, stop),
            parent=self,
            name="delete",
            on_success=self._deleted,
            on_failure=lambda error: self._problem(self.delete_status, error),
        )
        return self._task

    def _problem(self, label: QLabel, error: UserFacingError) -> None:
        """Shown and said at once: a screen-reader user would otherwise not know."""
        message = error_line(error, action=False)
        set_text(label, message)
        self.wizard_().announce(message, assertive=True)

    def _deleted(self, result: DeleteResult) -> None:
        message = self.tr("Deleted {what} from your H: drive.").format(
            what=fmt.files_and_size(result.deleted, result.deleted_bytes)
        )
        if result.failed:
            message += " " + self.tr("%n file(s) could not be deleted:", None, len(result.failed))
            message += " " + "; ".join(f"{path} ({why})" for path, why in result.failed[:10])
        if result.skipped:
            message += " " + self.tr(
                "%n file(s) were kept because they are no longer as they were when scanned:",
                None,
                len(result.skipped),
            )
            message += " " + "; ".join(f"{path} ({why})" for path, why in result.skipped[:10])
        set_text(self.delete_status, message)
        self.wizard_().announce(message, assertive=True)
        if self.receipt is not None:
            self.receipt.deleted = result
            self.receipt_view.setHtml(self.receipt.html(max_rows=VIEW_ROWS))
        if result.deleted:
            self.republish()

    def republish(self) -> Task:
        """The saved and uploaded receipts again, now that files were deleted from the H:
        drive: they list those as deleted (and when), no longer as left on H:."""
        session = self.session
        extra = (self.receipt.deleted_text(),) if self.receipt is not None else ()

        def done(published: Any) -> None:
            self.published = published
            if self.receipt is not None and published is not None:
                self.receipt.core = published.receipt
            set_text(self.receipt_status, where_saved(published))

        self._receipt_task = run_in_background(
            lambda _progress, stop: session.publish_receipt(stop, extra=extra),
            parent=self,
            name="receipt after deleting",
            on_success=done,
            on_failure=lambda error: self._problem(self.receipt_status, error),
        )
        return self._receipt_task

    def isComplete(self) -> bool:
        return True
