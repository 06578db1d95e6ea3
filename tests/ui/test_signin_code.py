"""Sign in with a code on another device: the code is shown on its own, named for screen
readers, and the sign-in completes when the code is entered on the sandbox's device page."""

from __future__ import annotations

from PySide6.QtCore import Qt

UPN = "jane.smith@sandbox.police.uk"


def test_device_code_sign_in(qtbot, wizard_at_sign_in) -> None:
    wizard, sandbox = wizard_at_sign_in
    page, session = wizard.sign_in, wizard.session
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
