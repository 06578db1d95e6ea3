"""Sign in with a code on another device: the code is shown on its own, named for screen
readers, and the sign-in completes when the code is entered on the sandbox's device page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app.settings import Settings
from app.ui.pages import SIGN_IN
from app.ui.session import Session
from app.ui.wizard import MigrationWizard

UPN = "jane.smith@sandbox.police.uk"


def test_device_code_sign_in(qtbot, make_sandbox, tmp_path: Path) -> None:
    sandbox = make_sandbox(device_interval_s=1)
    session = Session(Settings())
    session.sandbox = sandbox
    session.training_users = [user.upn for user in sandbox.users]
    (tmp_path / "H").mkdir()
    session.h_drive = tmp_path / "H"
    wizard = MigrationWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        assert wizard.currentId() == SIGN_IN
        page = wizard.sign_in
        qtbot.mouseClick(page.code_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(page.code_text.isVisible, timeout=30_000)
        code = page.code_text.text()
        assert code and " " not in code  # the code alone, not the sentence
        assert code in page.code_hint.text() and "http" in page.code_hint.text()
        assert page.code_text.accessibleName() == "Sign-in code"
        assert not page.isComplete()
        sandbox.approve_device_code(code, UPN)
        qtbot.waitUntil(lambda: session.account is not None, timeout=30_000)
        qtbot.waitUntil(lambda: not page.code_text.isVisible(), timeout=10_000)
        assert session.account.username == UPN
    finally:
        wizard.shutdown()
        session.close()
