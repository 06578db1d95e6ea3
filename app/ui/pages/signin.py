"""Page 2: sign in (browser or broker, or a code on another device), then show who is
signed in, their OneDrive's free space, and the H: drive owner check."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel

from app.core.errors import UserFacingError
from app.ui import a11y
from app.ui import formatting as fmt
from app.ui.pages import PROGRESS, SCAN
from app.ui.pages.common import Page, error_line, set_text
from app.ui.session import Session
from app.ui.workers import Task, run_in_background


class SignInPage(Page):
    def __init__(self, session: Session) -> None:
        super().__init__(
            session,
            self.tr("Sign in"),
        )
        self.text(
            self.tr(
                "Sign in with the same work account you use for email. A sign-in window "
                "opens in your web browser; come back here when it says you are done."
            )
        )
        self.sign_in_button = self.button(
            self.tr("&Sign in with your work account"),
            self.tr("Opens the Microsoft sign-in page in your web browser"),
        )
        self.sign_in_button.clicked.connect(self._sign_in)
        self.code_button = self.button(
            self.tr("Sign in with a c&ode on another device"),
            self.tr("Shows a code to type on a phone or another computer"),
        )
        self.code_button.clicked.connect(self._device_code)
        self.code_button.setVisible(self._device_code_allowed())
        self.cancel_button = self.button(self.tr("C&ancel sign-in"))
        self.cancel_button.clicked.connect(self._cancel)
        self.cancel_button.setVisible(False)
        # One above the other: side by side they are wider than the window at 200% text.
        for button in (self.sign_in_button, self.code_button, self.cancel_button):
            self.body.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

        self.training_row = QHBoxLayout()
        self.training_label = QLabel(self.tr("&Training account (practice only):"))
        self.training_users = QComboBox()
        self.training_users.addItems(session.training_users)
        a11y.buddy(self.training_label, self.training_users)
        self.training_users.setAccessibleName(self.tr("Training account"))
        self.training_button = self.button(
            self.tr("Sign in as this &trainee"),
            self.tr("Practice mode only: signs in without a password"),
        )
        self.training_button.clicked.connect(self._training)
        # The label above the account and its button: on one line, at 200% text the row
        # is wider than the window and the page scrolled sideways (WCAG 1.4.10 reflow).
        self.body.addWidget(self.training_label)
        for widget in (self.training_label, self.training_users, self.training_button):
            if widget is not self.training_label:
                self.training_row.addWidget(widget)
            widget.setVisible(session.sandbox is not None and bool(session.training_users))
        self.training_row.addStretch(1)
        self.body.addLayout(self.training_row)

        # The sentence in plain text, the code alone in large spaced letters: easy to read
        # out to a colleague or copy, and a screen reader reads the sentence normally.
        self.code_hint = self.text("", selectable=True)
        self.code_hint.setVisible(False)
        self.code_text = self.text("", role="code", selectable=True)
        self.code_text.setVisible(False)
        code_font = self.code_text.font()  # half as large again as the text around it
        code_font.setPointSizeF(code_font.pointSizeF() * 1.5)
        self.code_text.setFont(code_font)
        self.status = self.text("", selectable=True)
        self.owner_text = self.text("")
        self.owner_text.setVisible(False)
        self.owner_confirm = QCheckBox(
            self.tr("I confirm this H: drive is mine and I want to move it to my OneDrive")
        )
        self.owner_confirm.setVisible(False)
        self.owner_confirm.toggled.connect(self.completeChanged)
        self.body.addWidget(self.owner_confirm)
        self.body.addStretch(1)
        self._task: Task | None = None
        self._working = False

    def _device_code_allowed(self) -> bool:
        return bool(self.session.settings.identity.allow_device_code)

    # -- sign-in jobs --------------------------------------------------------------------
    def _start(self, job: Any, working: str) -> None:
        self._busy(True)
        set_text(self.status, working)
        self.wizard_().announce(working)
        self._task = run_in_background(
            job,
            parent=self,
            name="sign-in",
            on_progress=self._progress,
            on_success=self._signed_in,
            on_failure=self._failed,
            on_cancel=self._cancelled,
        )

    def _sign_in(self) -> None:
        self._start(
            lambda progress, stop: self._finish(
                self.session.sign_in_interactive(stop, lambda url: progress(("url", url)))
            ),
            self.tr("Waiting for you to finish signing in in your web browser..."),
        )

    def _training(self) -> None:
        upn = self.training_users.currentText()
        self._start(
            lambda _progress, stop: self._finish(self.session.sign_in_training(upn, stop)),
            self.tr("Signing in as the training account {upn}...").format(upn=upn),
        )

    def _device_code(self) -> None:
        def job(progress: Any, stop: Any) -> Any:
            flow = self.session.start_device_code()
            progress(("code", flow))
            return self._finish(self.session.complete_device_code(flow, stop))

        self._start(job, self.tr("Getting a sign-in code..."))

    def _finish(self, account: Any) -> Any:
        """Still on the worker: look up the OneDrive and check the H: drive's owner."""
        if account is None:
            return None
        self.session.after_sign_in(account)
        return account

    def _progress(self, value: Any) -> None:
        if isinstance(value, tuple) and value[0] == "url":
            # No browser could be opened (locked-down desktop, remote session): the address
            # to open by hand, as selectable text that a screen reader reads out.
            message = self.tr(
                "Your web browser did not open. Open this address in a browser on this "
                "computer to sign in, then come back here: {url}"
            ).format(url=value[1])
            set_text(self.code_hint, message)
            self.code_hint.setVisible(True)
            self.code_hint.setFocus()
            self.wizard_().announce(message, assertive=True)
            return
        if isinstance(value, tuple) and value[0] == "code":
            flow = value[1]
            code, url = flow.user_code, flow.verification_uri
            message = self.tr(
                "On another device, go to {url} and enter the code {code}. Then come back here."
            ).format(url=url, code=code)
            set_text(self.code_hint, message)
            set_text(self.code_text, code)
            self.code_text.setAccessibleName(self.tr("Sign-in code"))
            set_text(
                self.status, self.tr("Waiting for you to enter the code on the other device...")
            )
            for label in (self.code_hint, self.code_text):
                label.setVisible(True)
            self.code_hint.setFocus()
            self.wizard_().announce(message, assertive=True)

    def _signed_in(self, account: Any) -> None:
        self._busy(False)
        self._hide_code()
        if account is None:
            self._cancelled()
            return
        drive = self.session.drive
        free = ""
        if drive is not None and drive.remaining is not None:
            free = " " + self.tr("Your OneDrive has {free} free.").format(
                free=fmt.size(drive.remaining)
            )
        message = (
            self.tr("Signed in as {name} ({user}).").format(
                name=account.name or account.username, user=account.username
            )
            + free
        )
        set_text(self.status, message)
        self._show_owner()
        self.wizard_().announce(message, assertive=True)
        self.completeChanged.emit()

    def _show_owner(self) -> None:
        owner = self.session.owner
        mismatch = owner is not None and not owner.matches
        self.owner_text.setVisible(mismatch)
        self.owner_confirm.setVisible(mismatch and not self._refused())
        if not mismatch:
            return
        if owner.expected:
            text = self.tr(
                "⚠ This H: drive seems to belong to {expected}, but you signed in as {actual}."
            ).format(expected=owner.expected, actual=owner.actual)
        else:
            text = self.tr(
                "⚠ The assistant could not check who owns this H: drive. You signed in as {actual}."
            ).format(actual=owner.actual)
        if self._refused():
            text += " " + self.tr(
                "Your organisation does not allow moving someone else's H: drive. Sign in "
                "with the right account, or ask the service desk."
            )
        self.owner_text.setText(text)

    def _refused(self) -> bool:
        return self.session.settings.identity.owner_mismatch == "refuse"

    def _failed(self, error: UserFacingError) -> None:
        self._busy(False)
        self._hide_code()
        message = error_line(error)
        set_text(self.status, message)
        self.status.setFocus()
        self.wizard_().announce(message, assertive=True)

    def _cancelled(self) -> None:
        self._busy(False)
        self._hide_code()
        set_text(self.status, self.tr("Sign-in was cancelled. You can try again."))

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.stop()

    def working(self) -> bool:
        return self._working

    def shutdown(self) -> None:
        """Closing the window mid-sign-in: stop the worker and let its thread end (a QThread
        destroyed while running takes the process down). Sign-in stops within a second."""
        if self._task is not None and self._task.is_running():
            self._task.stop()
            self._task.wait()

    def _busy(self, busy: bool) -> None:
        self._working = busy
        self.sign_in_button.setEnabled(not busy)
        self.code_button.setEnabled(not busy)
        self.training_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.cancel_button.setFocus()

    # -- QWizardPage ---------------------------------------------------------------------
    def isComplete(self) -> bool:
        if self.session.account is None or self._working:
            return False
        owner = self.session.owner
        if owner is not None and not owner.matches:
            return not self._refused() and self.owner_confirm.isChecked()
        return True

    def nextId(self) -> int:
        return PROGRESS if self.session.resuming else SCAN

    def cleanupPage(self) -> None:
        self._cancel()

    def _hide_code(self) -> None:
        for label in (self.code_hint, self.code_text):
            label.setVisible(False)
