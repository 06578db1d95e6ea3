"""Typed errors for sign-in and Microsoft Graph, each with a title, message and next step.

Graph's error codes are turned into plain English through one small table
(`GRAPH_MESSAGES`); the code, HTTP status and request-id stay on the exception for the
log and the assisted-session view, never in the message a person reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.core.errors import CancelledError, UserFacingError
from app.core.texts import N_

# Graph error code -> (title, message, what to do). Codes from the OneDrive API's
# documented error list; anything else falls back to a message chosen by HTTP status.
GRAPH_MESSAGES: dict[str, tuple[str, str, str]] = {
    "itemNotFound": (
        N_("Not found in OneDrive"),
        N_("OneDrive could not find the file or folder it was asked about."),
        N_("Try again. If it keeps happening, contact the service desk."),
    ),
    "nameAlreadyExists": (
        N_("Name already in use"),
        N_("A file or folder with this name already exists in that OneDrive folder."),
        N_("Rename or remove the existing item in OneDrive, then try again."),
    ),
    "quotaLimitReached": (
        N_("OneDrive is full"),
        N_("There is not enough free space in your OneDrive for these files."),
        N_("Free some space in OneDrive or ask the service desk for more, then resume."),
    ),
    "insufficientStorage": (
        N_("OneDrive is full"),
        N_("There is not enough free space in your OneDrive for these files."),
        N_("Free some space in OneDrive or ask the service desk for more, then resume."),
    ),
    "accessDenied": (
        N_("Access denied"),
        N_("Your account is not allowed to do this in OneDrive."),
        N_("Check you signed in with your own work account, or contact the service desk."),
    ),
    "resourceLocked": (
        N_("Item is locked"),
        N_("The item is locked in OneDrive (for example, open for editing or on hold)."),
        N_("Close the file wherever it is open and try again later."),
    ),
    "locked": (
        N_("Item is locked"),
        N_("The item is locked in OneDrive (for example, open for editing or on hold)."),
        N_("Close the file wherever it is open and try again later."),
    ),
    "activityLimitReached": (
        N_("Microsoft 365 is busy"),
        N_("Microsoft 365 asked us to slow down, and it did not recover in time."),
        N_("Wait a few minutes and resume; nothing already moved is lost."),
    ),
    "invalidRequest": (
        N_("Request rejected"),
        N_("OneDrive rejected a request from this app."),
        N_("Try again. If it keeps happening, contact the service desk with the log."),
    ),
    "malwareDetected": (
        N_("File blocked as unsafe"),
        N_("OneDrive found something harmful in a file and refused it."),
        N_("Contact the service desk before moving this file."),
    ),
    "serviceNotAvailable": (
        N_("OneDrive is unavailable"),
        N_("OneDrive is not available right now."),
        N_("Wait a few minutes and resume; nothing already moved is lost."),
    ),
    "unauthenticated": (
        N_("Signed out"),
        N_("Microsoft 365 no longer accepts your sign-in."),
        N_("Sign in again, then resume."),
    ),
}

_BY_STATUS: dict[int, tuple[str, str, str]] = {
    400: GRAPH_MESSAGES["invalidRequest"],
    401: GRAPH_MESSAGES["unauthenticated"],
    403: GRAPH_MESSAGES["accessDenied"],
    404: GRAPH_MESSAGES["itemNotFound"],
    409: GRAPH_MESSAGES["nameAlreadyExists"],
    423: GRAPH_MESSAGES["resourceLocked"],
    429: GRAPH_MESSAGES["activityLimitReached"],
    503: GRAPH_MESSAGES["serviceNotAvailable"],
    507: GRAPH_MESSAGES["quotaLimitReached"],
}

_FALLBACK = (
    N_("OneDrive problem"),
    N_("OneDrive could not complete a request."),
    N_("Try again. If it keeps happening, contact the service desk with the log."),
)


class GraphError(UserFacingError):
    """A request to Microsoft Graph (or the sandbox) failed."""

    def __init__(
        self,
        title: str,
        message: str,
        action: str = "",
        *,
        status: int = 0,
        code: str = "",
        request_id: str = "",
        retry_after: float | None = None,
        detail: str = "",
        values: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(title, message, action, detail=detail, values=values)
        self.status = status
        self.code = code
        self.request_id = request_id
        self.retry_after = retry_after

    def for_log(self) -> str:
        """The technical identifiers Microsoft support asks for; nothing secret."""
        return (
            f"HTTP {self.status} code={self.code or '-'} request-id={self.request_id or '-'}"
            f" {self.detail}"
        ).strip()


class NotFoundError(GraphError):
    """404 / itemNotFound."""


class ConflictError(GraphError):
    """409 / nameAlreadyExists (or another conflict)."""


class AccessDeniedError(GraphError):
    """403 / accessDenied."""


class LockedError(GraphError):
    """423 / resourceLocked."""


class QuotaExceededError(GraphError):
    """507 / quotaLimitReached: the OneDrive is full."""


class ThrottledError(GraphError):
    """429 or 503 that did not clear within our retry budget."""


class OfflineError(GraphError):
    """The network or the service could not be reached at all (status 0)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            N_("Cannot reach Microsoft 365"),
            N_("This computer cannot reach Microsoft 365 right now."),
            N_("Check you are connected to the network (and VPN, if you use one), then try again."),
            detail=detail,
        )


_CLASS_BY_STATUS: dict[int, type[GraphError]] = {
    403: AccessDeniedError,
    404: NotFoundError,
    409: ConflictError,
    423: LockedError,
    429: ThrottledError,
    503: ThrottledError,
    507: QuotaExceededError,
}

_CLASS_BY_CODE: dict[str, type[GraphError]] = {
    "itemNotFound": NotFoundError,
    "nameAlreadyExists": ConflictError,
    "accessDenied": AccessDeniedError,
    "resourceLocked": LockedError,
    "locked": LockedError,
    "quotaLimitReached": QuotaExceededError,
    "insufficientStorage": QuotaExceededError,
    "activityLimitReached": ThrottledError,
}


def graph_error(
    status: int,
    body: Any,
    *,
    request_id: str = "",
    retry_after: float | None = None,
    what: str = "",
) -> GraphError:
    """Build the typed error for a failed response; `body` is the parsed JSON (or None).

    `what` is a short, non-secret description of the request for the log (method and
    path without the query string).
    """
    code = ""
    server_message = ""
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        error = body["error"]
        code = str(error.get("code") or "")
        server_message = str(error.get("message") or "")
        inner = error.get("innerError") or error.get("innererror")
        if isinstance(inner, dict):
            request_id = request_id or str(inner.get("request-id") or "")
            # The most specific code is the innermost one (e.g. nameAlreadyExists
            # under a generic conflict), so prefer it when we know what it means.
            inner_code = str(inner.get("code") or "")
            if inner_code in GRAPH_MESSAGES:
                code = inner_code
    title, message, action = GRAPH_MESSAGES.get(code) or _BY_STATUS.get(status) or _FALLBACK
    cls = _CLASS_BY_CODE.get(code) or _CLASS_BY_STATUS.get(status) or GraphError
    detail = f"{what}: {server_message}".strip(": ") if what or server_message else ""
    return cls(
        title,
        message,
        action,
        status=status,
        code=code,
        request_id=request_id,
        retry_after=retry_after,
        detail=detail,
    )


class AuthError(UserFacingError):
    """Sign-in failed, or the saved sign-in can no longer be used."""

    def __init__(
        self,
        title: str = N_("Sign-in failed"),
        message: str = N_("Microsoft 365 did not sign you in."),
        action: str = N_("Try again. If it keeps happening, contact the service desk."),
        *,
        code: str = "",
        detail: str = "",
        values: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(title, message, action, detail=detail, values=values)
        self.code = code


class SignInRequired(AuthError):
    """No usable saved sign-in: the person has to sign in (again)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            N_("Please sign in again"),
            N_("Your sign-in has expired or was removed."),
            N_("Sign in with your work account to continue."),
            detail=detail,
        )


class SignInCancelled(AuthError, CancelledError):
    """The person (or the app, on close) stopped the sign-in."""

    def __init__(self) -> None:
        super().__init__(
            N_("Sign-in cancelled"),
            N_("Sign-in was stopped before it finished."),
            N_("Sign in to continue."),
        )


class SignInTimeout(AuthError):
    """Sign-in was not completed in the time allowed."""

    def __init__(self, seconds: float, detail: str = "") -> None:
        minutes = max(1, round(seconds / 60))
        super().__init__(
            N_("Sign-in timed out"),
            N_("Sign-in was not completed within {minutes} minutes.")
            if minutes != 1
            else N_("Sign-in was not completed within 1 minute."),
            N_("Start the sign-in again and complete it in the browser window that opens."),
            detail=detail,
            values={"minutes": minutes},
        )


class DeviceCodeBlocked(AuthError):
    """The organisation does not allow sign-in with a code on another device."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            N_("Sign-in with a code is not allowed"),
            N_("Your organisation has turned off signing in with a code on another device."),
            N_("Use 'Sign in with the browser' on this computer instead."),
            code="device_code_blocked",
            detail=detail,
        )


class NotConfigured(AuthError):
    """The organisation's settings do not say which tenant or app registration to use."""

    def __init__(self, missing: str) -> None:
        super().__init__(
            N_("The app is not set up yet"),
            N_("This computer's settings do not say which {missing} to use for Microsoft 365."),
            N_("Contact the service desk: the organisation settings file needs to be installed."),
            code="not_configured",
            values={"missing": missing},
        )
