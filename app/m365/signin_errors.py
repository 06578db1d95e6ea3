"""Entra ID (MSAL) error responses turned into plain-English `AuthError`s.

Only the AADSTS numbers a person can act on are explained; the full description (with
Microsoft's trace and correlation ids) stays in `detail` for the log.
"""

from __future__ import annotations

from typing import Any

from app.core.texts import N_
from app.m365.errors import AuthError, DeviceCodeBlocked

# AADSTS error numbers we can explain. The description (with its trace ids) goes to the log.
_AADSTS_MESSAGES: dict[int, tuple[str, str, str]] = {
    53003: (
        N_("Blocked by your organisation"),
        N_("Your organisation's sign-in rules do not allow this sign-in from here."),
        N_("Try on your work laptop on the work network, or contact the service desk."),
    ),
    50105: (
        N_("Not allowed to use this app"),
        N_("Your account has not been given access to the migration assistant."),
        N_("Contact the service desk and ask for access to the H: drive migration assistant."),
    ),
    65001: (
        N_("App not approved"),
        N_("Your organisation has not approved this app for your account yet."),
        N_("Contact the service desk: an administrator needs to grant consent."),
    ),
    700016: (
        N_("The app is not set up correctly"),
        N_("Microsoft 365 does not recognise this app's registration."),
        N_("Contact the service desk: the organisation settings need checking."),
    ),
    7000218: (
        N_("The app is not set up correctly"),
        N_("The app registration does not allow sign-in from a desktop app."),
        N_("Contact the service desk: 'Allow public client flows' must be enabled."),
    ),
    90002: (
        N_("The app is not set up correctly"),
        N_("Microsoft 365 does not recognise the organisation (tenant) in the settings."),
        N_("Contact the service desk: the organisation settings need checking."),
    ),
}


def _error_numbers(result: dict[str, Any]) -> list[int]:
    numbers = [int(n) for n in result.get("error_codes") or [] if str(n).isdigit()]
    description = str(result.get("error_description") or "")
    for token in description.replace(":", " ").split():
        if token.startswith("AADSTS") and token[6:].isdigit():
            numbers.append(int(token[6:]))
    return numbers


def auth_error_from(result: dict[str, Any], *, device_code: bool = False) -> AuthError:
    """A typed error for an MSAL error response (the description goes to the log only)."""
    error = str(result.get("error") or "unknown_error")
    detail = f"{error}: {result.get('error_description') or ''}".strip()
    numbers = _error_numbers(result)
    if device_code and (53003 in numbers or error == "unauthorized_client"):
        # Device code flow blocked by a Conditional Access "authentication flows" policy
        # (AADSTS53003 BlockedByConditionalAccess), or the grant not permitted for the app
        # (RFC 8628 unauthorized_client). A person declining is authorization_declined.
        return DeviceCodeBlocked(detail=detail)
    for number in numbers:
        if number in _AADSTS_MESSAGES:
            title, message, action = _AADSTS_MESSAGES[number]
            return AuthError(title, message, action, code=f"AADSTS{number}", detail=detail)
    if error == "access_denied":
        return AuthError(
            N_("Sign-in not completed"),
            N_("The sign-in was declined or closed before it finished."),
            N_("Sign in again when you are ready."),
            code=error,
            detail=detail,
        )
    if error == "authorization_declined":
        return AuthError(
            N_("Sign-in declined"),
            N_("The sign-in with a code was declined on the other device."),
            N_("Start again and accept the sign-in on the other device."),
            code=error,
            detail=detail,
        )
    return AuthError(code=error, detail=detail)
