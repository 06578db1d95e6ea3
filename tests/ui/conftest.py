"""UI tests: the app's translations (English plural forms) and locale, once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _ui_language(qapp):
    from app.ui.app import install_translations

    if not qapp.property("uiLanguage"):
        install_translations(qapp, "en_GB")
    yield
