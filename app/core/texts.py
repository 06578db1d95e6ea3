"""Marks the English texts of app/core and app/m365 that a person reads, without Qt.

Those layers must not import Qt (the layer rule), so they cannot call `tr()`. Instead a
text a person reads (an error's title, message and action) is wrapped in `N_()`, which
does nothing at run time; the translations tool (app/ui/translations_tool.py) finds
every `N_("...")` in app/core and app/m365 and files it under the "Errors" context, and
the UI translates it where errors are shown (`app.ui.pages.common.error_texts`).

A text with changing parts is kept as a template (`"{path} cannot be written"`) and its
parts are passed separately (`UserFacingError(..., values={"path": path})`), so the UI
can translate the template first and then fill it in. The log keeps the English.
"""

from __future__ import annotations

# The Qt translation context every N_() text is filed under.
CONTEXT = "Errors"


def N_(text: str) -> str:  # the name gettext uses, which translators know
    """A text to translate later, in the UI; returns it unchanged."""
    return text
