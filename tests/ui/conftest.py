"""UI tests: the app's translations (English plural forms) and locale, once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _ui_language(qapp):
    from app.ui.app import install_translations

    if not qapp.property("uiLanguage"):
        install_translations(qapp, "en_GB")
    yield


@pytest.fixture
def wizard_at_sign_in(qtbot, make_sandbox, tmp_path):
    """A practice wizard (empty H: drive) opened on the sign-in page; yields (wizard, sandbox)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWizard

    from app.settings import Settings
    from app.ui.pages import SIGN_IN
    from app.ui.session import Session
    from app.ui.wizard import MigrationWizard

    sandbox = make_sandbox(device_interval_s=1)
    session = Session(Settings())
    session.sandbox = sandbox
    session.training_users = [user.upn for user in sandbox.users]
    (tmp_path / "H").mkdir()
    session.h_drive = tmp_path / "H"
    wizard = MigrationWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == SIGN_IN
    yield wizard, sandbox
    wizard.shutdown()
    session.close()
