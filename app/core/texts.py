"""Marks the English texts of app/core and app/m365 that a person reads, without Qt.

Those layers must not import Qt (the layer rule), so they cannot call `tr()`. Instead a
text a person reads (an error's title, message and action) is wrapped in `N_()`, which
does nothing at run time; the translations tool (app/ui/translations_tool.py) finds
every `N_("...")` in app/core and app/m365 and files it under the "Errors" context, and
the UI translates it where errors are shown (`app.ui.pages.common.error_texts`).

A text with changing parts is kept as a template (`"{path} cannot be written"`) and its
parts are passed separately (`UserFacingError(..., values={"path": path})`), so the UI
can translate the template first and then fill it in. The log keeps the English.

`ui_language` is the one decision of which language the app speaks (the UI and
`scan --report` alike), made without Qt.
"""

from __future__ import annotations

import locale
import os

# The Qt translation context every N_() text is filed under.
CONTEXT = "Errors"


def N_(text: str) -> str:  # the name gettext uses, which translators know
    """A text to translate later, in the UI; returns it unchanged."""
    return text


# The languages the app speaks (a .ts file each), and the pseudo-locale for layout tests.
OFFERED = ("en_GB", "cy_GB")
PSEUDO = "pseudo"
# Windows' Python may name the locale in English ("Welsh_United Kingdom").
_NAMED = {"welsh": "cy", "english": "en"}


def ui_language(setting: str, system: str | None = None) -> str:
    """The language the app speaks: "en_GB", "cy_GB" or "pseudo".

    The setting (settings.ui.language: "cy", "cy_GB", "en"...) if it names an offered
    language, else the system's locale (`system`, or this process's: the same variables
    Qt reads on Linux, then Python's locale) if offered, else British English. One
    decision for the UI and the command line (`scan --report`), with no Qt."""
    if setting.strip() == PSEUDO:
        return PSEUDO
    wanted = setting.strip() or (system_locale() if system is None else system)
    code = wanted.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    code = _NAMED.get(code, code)
    return next((lang for lang in OFFERED if lang.split("_")[0] == code), "en_GB")


def system_locale() -> str:
    """This process's locale name ("cy_GB.UTF-8", "Welsh_United Kingdom"...), or ""."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return value
    return locale.getlocale()[0] or ""
