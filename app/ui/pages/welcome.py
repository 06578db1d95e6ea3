"""Page 1: what will happen, how long it takes, that the H: drive is not changed, and
where the files go. Offers "Continue where you left off" first when a run is unfinished."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWizard

from app.ui import a11y
from app.ui import formatting as fmt
from app.ui.pages import SIGN_IN
from app.ui.pages.common import Page
from app.ui.session import Session


class WelcomePage(Page):
    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Move your H: drive to OneDrive"))
        destination = session.destination_folder
        self.intro = self.text(
            self.tr(
                "This assistant copies the files on your H: drive into your OneDrive, in a "
                'folder called "{folder}". Only you can see that folder unless you share it.'
            ).format(folder=destination)
        )
        self.steps = self.text(
            self.tr(
                "What will happen:\n"
                "1. You sign in with your work account.\n"
                "2. The assistant looks through your H: drive (this takes a few minutes).\n"
                "3. You see what will move, what the retention guidance says to leave "
                "behind, and why. You can change most choices.\n"
                "4. Your files are copied and every copy is checked.\n"
                "5. You get a receipt of what moved and what did not."
            )
        )
        self.time = self.text(
            self.tr(
                "Most H: drives take between 15 minutes and an hour. You can keep working "
                "while it runs, pause it, or close the assistant and continue later."
            )
        )
        self.safety = self.text(
            self.tr(
                "Nothing on your H: drive is changed or deleted unless you ask for it at "
                "the very end, after you have seen exactly what would be deleted."
            )
        )
        self.resume_box = QHBoxLayout()
        self.resume_label = self.text("")
        self.continue_button = self.button(
            self.tr("&Continue where you left off"),
            self.tr("Carry on with the migration you started before"),
        )
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self._continue)
        self.resume_box.addWidget(self.continue_button)
        self.resume_box.addStretch(1)
        self.body.addLayout(self.resume_box)
        self._language_choice()
        self.body.addStretch(1)
        self.unfinished = None
        self._watching = False
        self._show_resume(None)

    def _language_choice(self) -> None:
        """ "Language / Iaith": said in both languages and never translated, so whoever
        starts in the wrong one can find it. Choosing rebuilds the wizard in that language
        (app.ui.app.relaunch_wizard), safe here since nothing has been done yet."""
        from app.ui.app import LANGUAGES

        row = QHBoxLayout()
        label = QLabel("&Language / Iaith:")
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        current = self.language.findData(self.session.language)
        if current < 0:  # "cy" or "en" from settings: match on the language part
            prefix = self.session.language.split("_")[0]
            current = next((i for i, c in enumerate(LANGUAGES) if c.split("_")[0] == prefix), 0)
        self.language.setCurrentIndex(current)
        self.language.setAccessibleName("Language / Iaith")
        a11y.buddy(label, self.language)
        self.language.setAccessibleDescription(
            "Choose the assistant's language / Dewiswch iaith y cynorthwyydd"
        )
        for widget in (label, self.language):
            widget.setProperty("bilingual", True)  # deliberately the same in every language
        self.language.activated.connect(self._language_chosen)
        row.addWidget(label)
        row.addWidget(self.language)
        row.addStretch(1)
        self.body.insertLayout(0, row)

    def _language_chosen(self, index: int) -> None:
        code = str(self.language.itemData(index))
        if code == self.session.language:
            return
        from app.ui.app import relaunch_wizard

        # After this signal returns: the combo (and this page) go with the old window.
        QTimer.singleShot(0, lambda: relaunch_wizard(self.wizard_(), code))

    def initializePage(self) -> None:
        self.unfinished = self.session.unfinished_run()
        self.session.resuming = False
        self._show_resume(self.unfinished)

    def _show_resume(self, run: object) -> None:
        visible = run is not None
        self.resume_label.setVisible(visible)
        self.continue_button.setVisible(visible)
        if run is None:
            return
        to_do = run.to_do  # type: ignore[attr-defined]
        self.resume_label.setText(
            self.tr(
                "You started moving your files before and {left} still need to be moved "
                "({done} of {total} already in OneDrive). You can continue where you left "
                "off, or press Next to start again."
            ).format(
                left=fmt.files(to_do),
                done=fmt.size(run.bytes_done),  # type: ignore[attr-defined]
                total=fmt.size(run.bytes_to_move),  # type: ignore[attr-defined]
            )
            # Only that account may continue it: say so before anyone signs in.
            + " "
            + self.tr("It was started by {account}; sign in as that account to continue.").format(
                account=run.account  # type: ignore[attr-defined]
            )
        )
        # After QWizard has set up its buttons for this page (it makes Next the default).
        QTimer.singleShot(0, self._make_continue_default)

    def _make_continue_default(self) -> None:
        if not self.continue_button.isVisible():
            return
        wizard = self.wizard_()
        # QWizard makes Next the default again whenever it refreshes its buttons (on
        # showing, on completeChanged), so Enter would start again instead of continuing.
        # NoDefaultButton stops that while this page offers "Continue"; _left restores it.
        wizard.setOption(QWizard.WizardOption.NoDefaultButton, True)
        if not self._watching:
            self._watching = True
            wizard.currentIdChanged.connect(self._left)
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        if isinstance(next_button, QPushButton):
            next_button.setDefault(False)
        self.continue_button.setDefault(True)
        self.continue_button.setFocus()

    def _left(self, page_id: int) -> None:
        wizard = self.wizard_()
        if wizard.page(page_id) is self:
            return
        self._watching = False
        wizard.currentIdChanged.disconnect(self._left)
        wizard.setOption(QWizard.WizardOption.NoDefaultButton, False)

    def _continue(self) -> None:
        self.session.resuming = True
        self.wizard_().next()

    def nextId(self) -> int:
        return SIGN_IN
