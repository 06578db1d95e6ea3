"""OAuth 2.0 / Entra ID shapes shared by the sandbox's sign-in endpoints."""

from __future__ import annotations

import secrets
import time

from app.sandbox.httpio import Response

GRAPH_RESOURCE = "https://graph.microsoft.com/"
GRAPH_AUDIENCE = "00000003-0000-0000-c000-000000000000"
KNOWN_SCOPES = (
    "User.Read",
    "Files.Read",
    "Files.ReadWrite",
    "Files.Read.All",
    "Files.ReadWrite.All",
)
OIDC_SCOPES = ("openid", "profile", "offline_access", "email")
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
REFRESH_LIFETIME_S = 90 * 24 * 3600
CODE_LIFETIME_S = 600
DEVICE_LIFETIME_S = 900


def oauth_error(error: str, description: str, code: int, status: int = 400) -> Response:
    """The documented Entra ID error shape."""
    return Response.json(
        status,
        {
            "error": error,
            "error_description": f"AADSTS{code}: {description}",
            "error_codes": [code],
            "timestamp": time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime()),
            "trace_id": secrets.token_hex(16),
            "correlation_id": secrets.token_hex(16),
        },
    )


def grant_scopes(requested: str) -> list[str]:
    """Graph scopes granted for a request (OIDC scopes are not Graph permissions)."""
    granted: list[str] = []
    for raw in requested.split():
        name = raw[len(GRAPH_RESOURCE) :] if raw.startswith(GRAPH_RESOURCE) else raw
        if name == ".default":
            names = ["User.Read", "Files.ReadWrite"]
        else:
            names = [k for k in KNOWN_SCOPES if k.lower() == name.lower()]
        granted.extend(n for n in names if n not in granted)
    return granted or ["User.Read"]
