"""Only the organisation's delegated scopes are asked for; TLS is never weakened; the
sandbox's CA is trusted in sandbox mode only.

Scopes are read from the wire (every sign-in request the app and MSAL send, see
wire_recorder.py) and from the tokens the sandbox granted (their `scp` claim). The
"real mode refuses the sandbox" tests point the real configuration at the sandbox's
HTTPS address, with REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE naming the sandbox's CA (the
environment trap of MACHINE-NOTES.md): the connection must still be refused.
"""

from __future__ import annotations

import base64
import json
import re
import ssl
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import requests

from app.m365.auth import SignIn
from app.m365.config import config_for_sandbox, config_from_settings, with_changes
from app.m365.graph import graph_client
from app.m365.http import VerifiedSession
from app.sandbox.server import Sandbox
from app.settings import Identity, OneDrive, Policy, Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "m365"))  # sign-in helpers
from keyrings import MemoryKeyring, memory_keyring_fixture
from test_auth_sandbox import sign_in_with_device_code
from wire_recorder import Wire, wire

__all__ = ["memory_keyring_fixture", "wire"]  # fixtures used by name

APP = Path(__file__).resolve().parents[2] / "app"
OIDC = {"openid", "profile", "offline_access", "email"}


def claims(token: str) -> dict[str, object]:
    payload = token.split(".")[1]
    decoded: dict[str, object] = json.loads(base64.urlsafe_b64decode(payload + "=" * 4))
    return decoded


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (False, {"User.Read", "Files.ReadWrite"}),
        (True, {"User.Read", "Files.ReadWrite", "Files.Read.All"}),
    ],
)
def test_only_the_organisations_scopes_are_asked_for(
    make_sandbox,  # type: ignore[no-untyped-def]
    memory_keyring: MemoryKeyring,
    wire: Wire,
    labels: bool,
    expected: set[str],
) -> None:
    sb: Sandbox = make_sandbox(device_interval_s=1)
    settings = Settings(policy=Policy(retention_labels=labels))
    sign_in = SignIn(config_for_sandbox(sb, settings))
    sign_in_with_device_code(sb, sign_in)
    sign_in.access_token(force_refresh=True)  # the refresh request asks too
    assert SignIn(config_for_sandbox(sb, settings)).sign_in_silent() is not None
    # The device code request and the refresh (a code's redemption carries no scope).
    assert {path.rsplit("/", 1)[-1] for path, _ in wire.scope_requests} == {"devicecode", "token"}
    for path, scope in wire.scope_requests:
        asked = {s.rsplit("/", 1)[-1] for s in scope.split()} - OIDC
        assert asked == expected, (path, scope)
    assert wire.access_tokens
    for token in wire.access_tokens:  # and what the sandbox granted is no more
        assert set(str(claims(token)["scp"]).split()) == expected


def real_settings_aimed_at(sb: Sandbox) -> Settings:
    base = sb.graph_url.removesuffix("/v1.0")
    return Settings(
        identity=Identity(authority_host=base, tenant=sb.tenant, client_id=sb.client_id),
        onedrive=replace(OneDrive(), graph_url=sb.graph_url),
    )


def is_certificate_refusal(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, ssl.SSLCertVerificationError | requests.exceptions.SSLError):
            return True
        if "CERTIFICATE_VERIFY_FAILED" in f"{error} {getattr(error, 'detail', '')}":
            return True
        error = error.__cause__ or error.__context__
    return False


def test_real_mode_refuses_the_sandbox_certificate(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(sandbox.ca_path))
    monkeypatch.setenv("CURL_CA_BUNDLE", str(sandbox.ca_path))
    config = config_from_settings(real_settings_aimed_at(sandbox))
    assert config.ca_bundle is None and not config.sandbox  # the OS store, nothing added
    # MSAL would first ask login.microsoftonline.com about the authority (no network
    # here); without that step it goes straight to the sandbox's address.
    config = with_changes(config, instance_discovery=False)

    with pytest.raises(Exception) as signing_in:
        SignIn(config).start_device_code()
    assert is_certificate_refusal(signing_in.value), repr(signing_in.value)

    graph = graph_client(config, lambda _force: "not-a-token")
    with pytest.raises(Exception) as reading:
        graph.me()
    assert is_certificate_refusal(reading.value), repr(reading.value)
    graph.close()

    with pytest.raises(requests.exceptions.SSLError):
        VerifiedSession().get(sandbox.graph_url + "/me", verify=False)  # a caller cannot opt out
    # The same address is trusted in sandbox mode, where the CA is named explicitly.
    answer = VerifiedSession(ca_bundle=sandbox.ca_path).get(sandbox.graph_url + "/me")
    assert answer.status_code == 401


WEAKENING = re.compile(
    r"verify\s*=\s*False|CERT_NONE|check_hostname\s*=\s*False|_create_unverified_context"
    r"|PYTHONHTTPSVERIFY|disable_warnings"
)


def test_no_code_turns_certificate_checks_off() -> None:
    offenders = [
        f"{path.relative_to(APP.parent)}:{n}"
        for path in APP.rglob("*.py")
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if WEAKENING.search(line)
    ]
    assert offenders == []
