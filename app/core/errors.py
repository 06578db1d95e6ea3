"""Errors that reach a person: a title, a plain-language message and what to do next.

The technical detail goes to the log (and the assisted-session view), never into the
message. Every layer raises subclasses of `UserFacingError` for conditions a person can
act on; anything else is a bug and is reported as one.
"""

from __future__ import annotations

from collections.abc import Mapping


class UserFacingError(Exception):
    """An error a person can understand and act on.

    `title`, `message` and `action` are the English texts (for the log and the terminal).
    With `values`, the three are templates (`"{path} cannot be written"`) filled in from
    `values`; `templates` keeps them unfilled so the UI can translate them first (texts
    marked with `app.core.texts.N_`, translated by `app.ui.pages.common.error_texts`).
    """

    exit_code = 1

    def __init__(
        self,
        title: str,
        message: str,
        action: str = "",
        *,
        detail: str = "",
        values: Mapping[str, object] | None = None,
    ) -> None:
        self.templates = (title, message, action)
        self.values: dict[str, object] = dict(values or {})
        title, message, action = (fill(text, self.values) for text in self.templates)
        super().__init__(f"{title}: {message}")
        self.title = title
        self.message = message
        self.action = action
        self.detail = detail  # technical detail for the log / assisted view

    def for_terminal(self) -> str:
        lines = [self.title, self.message]
        if self.action:
            lines.append(self.action)
        return "\n".join(lines)


def fill(template: str, values: Mapping[str, object]) -> str:
    """A template with its values put in; a text without values is left exactly as it is
    (an English message may hold braces of its own)."""
    return template.format_map(values) if values and template else template


class BadInputError(UserFacingError):
    """Bad arguments, a missing path, a corrupt file: the user can fix it (exit code 2)."""

    exit_code = 2


class CancelledError(Exception):
    """Raised at a safe point when a `threading.Event` asks the work to stop."""
