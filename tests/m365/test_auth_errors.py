"""Plain-English errors: MSAL/Entra ID error responses, Graph error bodies, configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.m365.config import config_from_settings, user_agent
from app.m365.errors import (
    AuthError,
    ConflictError,
    DeviceCodeBlocked,
    GraphError,
    LockedError,
    NotConfigured,
    QuotaExceededError,
    SignInCancelled,
    graph_error,
)
from app.m365.signin_errors import auth_error_from
from app.settings import load_settings


def entra(error: str, code: int, text: str = "Something.") -> dict[str, object]:
    """The documented Entra ID error shape (what MSAL hands back as a dict)."""
    return {
        "error": error,
        "error_description": f"AADSTS{code}: {text} Trace ID: abc Correlation ID: def",
        "error_codes": [code],
    }


def test_device_code_blocked_by_conditional_access() -> None:
    error = auth_error_from(entra("invalid_grant", 53003), device_code=True)
    assert isinstance(error, DeviceCodeBlocked)
    assert "turned off" in error.message and "browser" in error.action
    assert "AADSTS53003" in error.detail and "AADSTS" not in error.message


def test_conditional_access_outside_device_code_is_explained() -> None:
    error = auth_error_from(entra("invalid_grant", 53003))
    assert not isinstance(error, DeviceCodeBlocked)
    assert error.title == "Blocked by your organisation" and error.code == "AADSTS53003"


@pytest.mark.parametrize(
    ("code", "title"),
    [
        (50105, "Not allowed to use this app"),
        (65001, "App not approved"),
        (700016, "The app is not set up correctly"),
        (7000218, "The app is not set up correctly"),
    ],
)
def test_known_aadsts_codes(code: int, title: str) -> None:
    assert auth_error_from(entra("invalid_client", code)).title == title


def test_codes_found_in_the_description_alone() -> None:
    result = {"error": "invalid_grant", "error_description": "AADSTS50105: not assigned"}
    assert auth_error_from(result).code == "AADSTS50105"


def test_declined_and_unknown() -> None:
    declined = auth_error_from({"error": "authorization_declined"}, device_code=True)
    assert declined.title == "Sign-in declined"
    unknown = auth_error_from({"error": "server_error", "error_description": "x"})
    assert type(unknown) is AuthError and unknown.title == "Sign-in failed"


def test_cancel_is_both_an_auth_error_and_a_cancel() -> None:
    from app.core.errors import CancelledError, UserFacingError

    error = SignInCancelled()
    assert isinstance(error, UserFacingError) and isinstance(error, CancelledError)


@pytest.mark.parametrize(
    ("status", "body", "kind", "code"),
    [
        (
            409,
            {"error": {"code": "conflict", "innerError": {"code": "nameAlreadyExists"}}},
            ConflictError,
            "nameAlreadyExists",
        ),
        (507, {"error": {"code": "quotaLimitReached"}}, QuotaExceededError, "quotaLimitReached"),
        (423, {"error": {"code": "resourceLocked"}}, LockedError, "resourceLocked"),
        (500, "not json", GraphError, ""),
        (418, {"error": {"code": "teapot"}}, GraphError, "teapot"),
    ],
)
def test_graph_error_bodies(status: int, body: object, kind: type, code: str) -> None:
    error = graph_error(status, body, request_id="rid", what="GET /x")
    assert type(error) is kind and error.code == code and error.status == status
    assert error.title and error.message and error.action
    assert "rid" in error.for_log() and "GET /x" in error.for_log()


def test_request_id_from_the_body_when_no_header() -> None:
    body = {"error": {"code": "itemNotFound", "innerError": {"request-id": "from-body"}}}
    assert graph_error(404, body).request_id == "from-body"


def test_configuration_needs_a_client_id() -> None:
    with pytest.raises(NotConfigured):
        config_from_settings(load_settings().settings)


def test_configuration_from_organisation_settings(tmp_path: Path) -> None:
    organisation = tmp_path / "organisation.toml"
    organisation.write_text(
        '[identity]\nclient_id = "11111111-2222-3333-4444-555555555555"\n'
        'tenant = "force.example"\n[organisation]\nname = "North|Force"\n',
        encoding="utf-8",
    )
    settings = load_settings(organisation_file=organisation).settings
    config = config_from_settings(settings)
    assert config.authority == "https://login.microsoftonline.com/force.example"
    assert config.scopes == ("User.Read", "Files.ReadWrite")
    assert config.ca_bundle is None and config.instance_discovery and not config.sandbox
    assert user_agent(settings).startswith("NONISV|North Force|MigrationAssistant/")
