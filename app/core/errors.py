"""Errors that reach a person: a title, a plain-language message and what to do next.

The technical detail goes to the log (and the assisted-session view), never into the
message. Every layer raises subclasses of `UserFacingError` for conditions a person can
act on; anything else is a bug and is reported as one.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An error a person can understand and act on."""

    exit_code = 1

    def __init__(self, title: str, message: str, action: str = "", *, detail: str = "") -> None:
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


class BadInputError(UserFacingError):
    """Bad arguments, a missing path, a corrupt file: the user can fix it (exit code 2)."""

    exit_code = 2


class CancelledError(Exception):
    """Raised at a safe point when a `threading.Event` asks the work to stop."""
