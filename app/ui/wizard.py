"""The wizard window: seven pages, clean button names, announcements, and safe closing.

Closing the window (or the session going to sleep, as far as Qt tells us) while files
are moving pauses safely: the engine stops at a safe point, the journal keeps every
file's state, and the next launch offers "Continue where you left off".
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWizard

from app.ui import a11y, assisted
from app.ui.pages import CONFIRM, DONE, PROGRESS, REVIEW, SCAN, SIGN_IN, WELCOME
from app.ui.pages.confirm import ConfirmPage
from app.ui.pages.done import DonePage
from app.ui.pages.progress import ProgressPage
from app.ui.pages.review import ReviewPage
from app.ui.pages.scan import ScanPage
from app.ui.pages.signin import SignInPage
from app.ui.pages.welcome import WelcomePage
from app.ui.session import Session

log = logging.getLogger(__name__)


class MigrationWizard(QWizard):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        # Qt appends the application's display name to every window title, so the title
        # only says what is special about this window ("Practice mode - H: Drive ...").
        self.setWindowTitle(self.tr("Practice mode") if session.sandbox else "")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(900, 680)
        self.status = QLabel()  # the fallback live region for announcements
        self.status.setVisible(False)
        self.announcer = a11y.Announcer(self, self.status)
        # Starts from the setting; the progress page's "Announce progress" control changes it.
        self.announcement_mode = session.settings.ui.announcements
        self.welcome = WelcomePage(session)
        self.sign_in = SignInPage(session)
        self.scan = ScanPage(session)
        self.review = ReviewPage(session)
        self.confirm = ConfirmPage(session)
        self.progress = ProgressPage(session)
        self.done_page = DonePage(session)
        for page_id, page in (
            (WELCOME, self.welcome),
            (SIGN_IN, self.sign_in),
            (SCAN, self.scan),
            (REVIEW, self.review),
            (CONFIRM, self.confirm),
            (PROGRESS, self.progress),
            (DONE, self.done_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(WELCOME)
        self._name_buttons()
        # Floor-walkers: Ctrl+Shift+A (or --assisted) opens the assisted-session window.
        self.assisted: assisted.AssistedWindow | None = None
        self.assisted_shortcut = assisted.shortcut(self)
        self.currentIdChanged.connect(self._page_changed)
        app = QGuiApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._application_state)  # type: ignore[attr-defined]

    def _name_buttons(self) -> None:
        texts = {
            QWizard.WizardButton.BackButton: self.tr("&Back"),
            QWizard.WizardButton.NextButton: self.tr("&Next"),
            QWizard.WizardButton.CancelButton: self.tr("Cancel"),
            QWizard.WizardButton.FinishButton: self.tr("&Finish"),
        }
        for which, text in texts.items():
            self.setButtonText(which, text)
            button = self.button(which)
            a11y.clean_button_name(button)
        self.button(QWizard.WizardButton.NextButton).setAccessibleDescription(
            self.tr("Go to the next step")
        )
        self.button(QWizard.WizardButton.BackButton).setAccessibleDescription(
            self.tr("Go back one step")
        )

    def _page_changed(self, page_id: int) -> None:
        # Page-specific button texts (e.g. "Start moving") need their names cleaned too.
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
            a11y.clean_button_name(self.button(which))
        page = self.page(page_id)
        if page is not None:
            self.announce(page.title(), force=True)
        if page_id == SIGN_IN:
            # The Windows broker parents its sign-in dialog on our window. winId() must be
            # called here on the GUI thread; the sign-in worker reads the number later.
            self.session.window_handle = int(self.winId())
        if page_id == PROGRESS:
            # No going back while files are moving: the plan is in the journal now.
            self.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def announce(self, text: str, *, assertive: bool = False, force: bool = False) -> bool:
        """Polite announcements are silenced in "only at the end" mode; how often progress
        is spoken in the other modes is the progress page's choice (a11y.EVERY_STEP...)."""
        if not assertive and self.announcement_mode == a11y.END_ONLY:
            return False
        return self.announcer.announce(text, assertive=assertive, force=force)

    def start_background_scan(self) -> None:
        """Start looking through the H: drive at once, while the officer reads."""
        if self.session.h_drive is not None:
            self.scan.start_scan()

    # -- leaving safely ------------------------------------------------------------------
    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended and self.progress.running():
            log.info("Session suspending: pausing the upload.")
            self.progress.pause()

    def shutdown(self) -> None:
        """Stop background work safely; the journal keeps what has moved."""
        if self.progress.running():
            log.info("Window closing while moving: stopping safely.")
            self.progress.stop_and_wait()
        self.progress.wait_for_receipt()
        self.done_page.shutdown()
        self.sign_in.shutdown()
        self.scan.shutdown()
        if self.assisted is not None:
            self.assisted.detach()

    def done(self, result: int) -> None:
        # QDialog routes the window's close button, Escape and Cancel through here.
        self.shutdown()
        super().done(result)
