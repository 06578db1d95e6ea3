"""When no web browser can be opened, the sign-in page shows the address to open by hand,
and signing in there completes the wizard's sign-in (real MSAL, real sandbox)."""

from __future__ import annotations

import re
import webbrowser
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

UPN = "tom.jones@sandbox.police.uk"


class NoBrowser(webbrowser.BaseBrowser):
    """What a locked-down desktop offers: nothing opens."""

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        return False


@pytest.fixture
def no_browser() -> Iterator[None]:
    name = "no-browser-for-test"
    webbrowser.register(name, None, NoBrowser(name), preferred=True)
    try:
        yield
    finally:
        tryorder: list[str] = getattr(webbrowser, "_tryorder", [])
        if name in tryorder:
            tryorder.remove(name)
        browsers: dict[str, Any] = getattr(webbrowser, "_browsers", {})
        browsers.pop(name, None)


def test_sign_in_address_shown_when_no_browser_opens(
    qtbot, wizard_at_sign_in, no_browser: None
) -> None:
    wizard, sandbox = wizard_at_sign_in
    page, session = wizard.sign_in, wizard.session
    qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.code_hint.isVisible, timeout=30_000)
    match = re.search(r"(https?://\S+/authorize\?\S+)", page.code_hint.text())
    assert match, page.code_hint.text()
    sandbox.sign_in_page_choose(match.group(1), UPN)  # the officer opens it by hand
    qtbot.waitUntil(lambda: session.account is not None, timeout=30_000)
    assert session.account.username == UPN
