"""MSAL itself signs in against the sandbox: auth code + PKCE, device code, refresh."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import webbrowser
from typing import Any

import msal
import pytest
import requests
from graph_client import Client

from app.sandbox.server import Sandbox

SCOPES = ["User.Read", "Files.ReadWrite"]


class VerifiedSession(requests.Session):
    """verify= on every request: REQUESTS_CA_BUNDLE would override Session.verify."""

    def __init__(self, ca: str) -> None:
        super().__init__()
        self.ca = ca

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs["verify"] = self.ca
        kwargs.setdefault("timeout", 30)
        return super().request(method, url, *args, **kwargs)


def make_app(sb: Sandbox) -> msal.PublicClientApplication:
    return msal.PublicClientApplication(
        sb.client_id,
        authority=sb.authority,
        instance_discovery=False,
        http_client=VerifiedSession(str(sb.ca_path)),
    )


def scripted_browser(sb: Sandbox, upn: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Stand in for the officer's browser: load the page, choose `upn`, follow the redirect."""
    opened: list[str] = []

    def open_url(url: str, *args: Any, **kwargs: Any) -> bool:
        opened.append(url)

        def act() -> None:
            sb.sign_in_page_choose(url, upn)  # posts the reply to MSAL's loopback listener

        threading.Thread(target=act, daemon=True).start()
        return True

    monkeypatch.setattr(webbrowser, "open", open_url)
    return opened


def sign_in(sb: Sandbox, app: msal.PublicClientApplication, upn: str) -> dict[str, Any]:
    flow = app.initiate_auth_code_flow(
        SCOPES, redirect_uri="http://localhost:8400", response_mode="form_post"
    )
    reply = sb.sign_in_page_choose(flow["auth_uri"], upn, deliver=False)
    result = app.acquire_token_by_auth_code_flow(flow, reply)
    assert "access_token" in result, result
    # MSAL sends the SHA-256 of its nonce; the id_token must echo what was sent.
    sent = hashlib.sha256(flow["nonce"].encode()).hexdigest()
    assert result["id_token_claims"]["nonce"] == sent
    return dict(result)


def test_interactive_sign_in_with_pkce(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    upn = sandbox.users[1].upn
    opened = scripted_browser(sandbox, upn, monkeypatch)
    app = make_app(sandbox)
    result = app.acquire_token_interactive(SCOPES, timeout=30, prompt="select_account")
    assert "access_token" in result, result
    assert opened and "code_challenge_method=S256" in opened[0]
    assert result["id_token_claims"]["preferred_username"] == upn
    assert set(result["scope"].split()) >= set(SCOPES)
    (account,) = app.get_accounts()  # client_info let MSAL key the account
    assert account["username"] == upn
    client = Client(sandbox, upn)
    client.token = result["access_token"]
    assert client.get("/me").json()["userPrincipalName"] == upn


def test_access_token_claims(sandbox: Sandbox) -> None:
    app = make_app(sandbox)
    result = sign_in(sandbox, app, sandbox.users[0].upn)
    payload = result["access_token"].split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    for name in (
        "oid",
        "tid",
        "preferred_username",
        "name",
        "scp",
        "exp",
        "iat",
        "nbf",
        "aud",
        "iss",
    ):
        assert name in claims
    assert sorted(claims["scp"].split()) == sorted(SCOPES)
    keys = requests.get(
        f"{sandbox.authority}/discovery/v2.0/keys", verify=str(sandbox.ca_path), timeout=10
    ).json()
    assert keys["keys"][0]["alg"] == "RS256"


def test_wrong_code_verifier_is_refused(sandbox: Sandbox) -> None:
    app = make_app(sandbox)
    flow = app.initiate_auth_code_flow(
        SCOPES, redirect_uri="http://localhost:8400", response_mode="form_post"
    )
    code = sandbox.sign_in_page_choose(flow["auth_uri"], sandbox.users[0].upn, deliver=False)[
        "code"
    ]
    r = requests.post(
        f"{sandbox.authority}/oauth2/v2.0/token",
        data={
            "client_id": sandbox.client_id,
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": "http://localhost:8400",
            "code_verifier": "not-the-verifier",
        },
        verify=str(sandbox.ca_path),
        timeout=10,
    )
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_grant"
    assert r.json()["error_codes"]


def test_device_code_flow(sandbox: Sandbox) -> None:
    app = make_app(sandbox)
    flow = app.initiate_device_flow(SCOPES)
    assert flow["user_code"] in flow["message"]
    pending = app.acquire_token_by_device_flow(dict(flow), exit_condition=lambda f: True)
    assert pending["error"] == "authorization_pending"
    upn = sandbox.users[2].upn
    page = requests.post(
        flow["verification_uri"],
        data={"code": flow["user_code"], "upn": upn},
        verify=str(sandbox.ca_path),
        timeout=10,
    )
    assert page.status_code == 200
    flow["latest_attempt_at"] = 0  # the page was used; poll again without waiting
    result = app.acquire_token_by_device_flow(flow, exit_condition=lambda f: True)
    assert result["id_token_claims"]["preferred_username"] == upn
    flow["latest_attempt_at"] = 0
    again = app.acquire_token_by_device_flow(flow, exit_condition=lambda f: True)
    assert again.get("error") == "invalid_grant"  # a device code is redeemed once


def test_device_page_rejects_a_wrong_code(sandbox: Sandbox) -> None:
    page = requests.post(
        f"{sandbox.authority}/oauth2/deviceauth",
        data={"code": "WRONG", "upn": sandbox.users[0].upn},
        verify=str(sandbox.ca_path),
        timeout=10,
    )
    assert page.status_code == 400
    assert 'role="alert"' in page.text


def test_refresh_rotates_and_short_lifetime_refreshes(make_sandbox) -> None:  # type: ignore[no-untyped-def]
    sb = make_sandbox(token_lifetime_s=2)
    app = make_app(sb)
    first = sign_in(sb, app, sb.users[0].upn)
    (account,) = app.get_accounts()
    # MSAL refreshes a token that expires within five minutes: every silent call here.
    second = app.acquire_token_silent(SCOPES, account=account)
    assert second is not None and "access_token" in second
    assert second["access_token"] != first["access_token"]
    # The first refresh token was rotated away: using it again fails.
    reuse = requests.post(
        f"{sb.authority}/oauth2/v2.0/token",
        data={
            "client_id": sb.client_id,
            "grant_type": "refresh_token",
            "refresh_token": first["refresh_token"],
        },
        verify=str(sb.ca_path),
        timeout=10,
    )
    assert reuse.status_code == 400 and reuse.json()["error"] == "invalid_grant"


def test_expired_token_gets_401_with_challenge(sandbox: Sandbox) -> None:
    client = Client(sandbox)
    client.token = sandbox.issue_token(client.upn, lifetime_s=-1)
    r = client.get("/me/drive")
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "InvalidAuthenticationToken"
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/me/drive", auth=False).status_code == 401


def test_unknown_client_is_refused(sandbox: Sandbox) -> None:
    r = requests.post(
        f"{sandbox.authority}/oauth2/v2.0/devicecode",
        data={"client_id": "someone-else", "scope": "User.Read"},
        verify=str(sandbox.ca_path),
        timeout=10,
    )
    assert r.status_code == 401 and r.json()["error"] == "invalid_client"


def test_missing_parameter_is_invalid_request(sandbox: Sandbox) -> None:
    r = requests.post(
        f"{sandbox.authority}/oauth2/v2.0/token",
        data={"client_id": sandbox.client_id, "grant_type": "refresh_token"},
        verify=str(sandbox.ca_path),
        timeout=10,
    )
    assert r.status_code == 400 and r.json()["error"] == "invalid_request"


def test_sign_in_page_is_accessible_html(sandbox: Sandbox) -> None:
    app = make_app(sandbox)
    flow = app.initiate_auth_code_flow(
        SCOPES, redirect_uri="http://localhost:8400", response_mode="form_post"
    )
    page = requests.get(flow["auth_uri"], verify=str(sandbox.ca_path), timeout=10).text
    assert '<html lang="en">' in page and "<h1>" in page and "<main>" in page
    for user in sandbox.users:
        assert f'value="{user.upn}">Sign in as {user.name}' in page
    assert page.count("<button") == len(sandbox.users) + 1  # and Cancel


def test_cancel_reaches_msal_as_an_error(sandbox: Sandbox) -> None:
    app = make_app(sandbox)
    flow = app.initiate_auth_code_flow(
        SCOPES, redirect_uri="http://localhost:8400", response_mode="form_post"
    )
    page = requests.get(flow["auth_uri"], verify=str(sandbox.ca_path), timeout=10).text
    marker = 'name="flow" value="'
    flow_id = page.split(marker, 1)[1].split('"', 1)[0]
    reply = requests.post(
        flow["auth_uri"].split("?", 1)[0],
        data={"flow": flow_id, "cancel": "1"},
        verify=str(sandbox.ca_path),
        timeout=10,
    )
    assert 'name="error" value="access_denied"' in reply.text
    result = app.acquire_token_by_auth_code_flow(
        flow, {"error": "access_denied", "state": flow["state"]}
    )
    assert result["error"] == "access_denied"


def test_sign_in_survives_a_sandbox_restart(make_sandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = make_sandbox(state_dir=tmp_path)
    app = make_app(first)
    result = sign_in(first, app, first.users[3].upn)
    first.stop()
    second = make_sandbox(state_dir=tmp_path)
    client = Client(second, second.users[3].upn)
    client.token = result["access_token"]  # same signing key: still valid
    assert client.get("/me").json()["displayName"] == "Siân Llewelyn"
    refreshed = requests.post(
        f"{second.authority}/oauth2/v2.0/token",
        data={
            "client_id": second.client_id,
            "grant_type": "refresh_token",
            "refresh_token": result["refresh_token"],
        },
        verify=str(second.ca_path),
        timeout=10,
    )
    assert refreshed.status_code == 200 and refreshed.json()["access_token"]
    assert result["refresh_token"] not in (tmp_path / "refresh-tokens.json").read_text()


def test_id_token_is_not_a_graph_token(sandbox: Sandbox) -> None:
    result = sign_in(sandbox, make_app(sandbox), sandbox.users[0].upn)
    client = Client(sandbox)
    client.token = result["id_token"]
    assert client.get("/me").status_code == 401


def test_login_hint_puts_that_account_first(sandbox: Sandbox) -> None:
    app = make_app(sandbox)
    hinted = sandbox.users[2]
    flow = app.initiate_auth_code_flow(
        SCOPES,
        redirect_uri="http://localhost:8400",
        response_mode="form_post",
        login_hint=hinted.upn,
    )
    page = requests.get(flow["auth_uri"], verify=str(sandbox.ca_path), timeout=10).text
    first = page.index("<button")
    assert page[first:].startswith(
        f'<button type="submit" name="upn" value="{hinted.upn}" autofocus'
    )


def test_polling_too_fast_is_told_to_slow_down(sandbox: Sandbox) -> None:
    start = requests.post(
        f"{sandbox.authority}/oauth2/v2.0/devicecode",
        data={"client_id": sandbox.client_id, "scope": "User.Read"},
        verify=str(sandbox.ca_path),
        timeout=10,
    ).json()
    poll = {
        "client_id": sandbox.client_id,
        "device_code": start["device_code"],
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
    }
    token_url = f"{sandbox.authority}/oauth2/v2.0/token"
    first = requests.post(token_url, data=poll, verify=str(sandbox.ca_path), timeout=10)
    assert first.json()["error"] == "authorization_pending"
    second = requests.post(token_url, data=poll, verify=str(sandbox.ca_path), timeout=10)
    assert second.json()["error"] == "slow_down"  # interval is 5 s; this came at once
