"""An Entra ID-like authority: discovery, authorize (PKCE), token, device code, JWKS.

Paths under /<tenant> as Entra ID v2.0 has them, which MSAL's PublicClientApplication
reaches with instance_discovery=False: /<tenant>/v2.0/.well-known/openid-configuration,
/<tenant>/oauth2/v2.0/{authorize,token,devicecode}, /<tenant>/discovery/v2.0/keys.
Refresh tokens are opaque and rotate on use; only their SHA-256 is kept on disk.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.sandbox import signin_page
from app.sandbox.device_code import DeviceCodes
from app.sandbox.httpio import Request, Response
from app.sandbox.jwt import TokenSigner, b64url
from app.sandbox.oauth import (
    CODE_LIFETIME_S,
    DEVICE_GRANT,
    GRAPH_AUDIENCE,
    REFRESH_LIFETIME_S,
    grant_scopes,
    oauth_error,
)
from app.sandbox.users import SandboxUser, stable_guid


@dataclass
class _PendingAuth:
    client_id: str
    redirect_uri: str
    state: str
    scopes: list[str]
    challenge: str
    challenge_method: str
    nonce: str
    created: float
    response_mode: str = "query"


@dataclass
class _Code:
    upn: str
    auth: _PendingAuth
    expires: float


class Identity:
    """Sign-in state of one sandbox (thread-safe)."""

    def __init__(
        self,
        state_dir: Path,
        tenant: str,
        client_id: str,
        users: list[SandboxUser],
        token_lifetime_s: int,
        device_interval_s: int = 5,
    ) -> None:
        self.tenant = tenant
        self.tenant_id = stable_guid("tenant:" + tenant)
        self.client_id = client_id
        self.users = {u.upn.lower(): u for u in users}
        self.token_lifetime_s = token_lifetime_s
        self.device_interval_s = device_interval_s
        self.signer = TokenSigner(state_dir)
        self.page_base: str | None = None  # where browsers open the pages, if elsewhere
        self.devices = DeviceCodes(client_id, self.users, device_interval_s, self._token_response)
        self._lock = threading.Lock()
        self._pending: dict[str, _PendingAuth] = {}
        self._codes: dict[str, _Code] = {}
        self._refresh_file = state_dir / "refresh-tokens.json"
        self._refresh: dict[str, dict[str, Any]] = {}  # sha256(token) -> grant
        if self._refresh_file.exists():
            try:
                self._refresh = json.loads(self._refresh_file.read_text("utf-8"))
            except (OSError, ValueError):
                self._refresh = {}

    # -- tokens -----------------------------------------------------------------------

    def issuer(self, base_url: str) -> str:
        return f"{base_url}/{self.tenant_id}/v2.0"

    def access_token(
        self, upn: str, scopes: list[str], base_url: str, lifetime_s: int | None = None
    ) -> str:
        user = self.users[upn.lower()]
        now = int(time.time())
        return self.signer.sign(
            {
                "aud": GRAPH_AUDIENCE,
                "iss": self.issuer(base_url),
                "iat": now,
                "nbf": now,
                "exp": now + (lifetime_s if lifetime_s is not None else self.token_lifetime_s),
                "appid": self.client_id,
                "name": user.name,
                "oid": user.oid,
                "preferred_username": user.upn,
                "upn": user.upn,
                "scp": " ".join(scopes),
                "sub": b64url(hashlib.sha256(f"{user.oid}:{self.client_id}".encode()).digest()),
                "tid": self.tenant_id,
                "ver": "2.0",
                "uti": secrets.token_urlsafe(16),
            }
        )

    def _id_token(self, user: SandboxUser, client_id: str, base_url: str, nonce: str) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "aud": client_id,
            "iss": self.issuer(base_url),
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "name": user.name,
            "oid": user.oid,
            "preferred_username": user.upn,
            "sub": b64url(hashlib.sha256(f"{user.oid}:{client_id}".encode()).digest()),
            "tid": self.tenant_id,
            "ver": "2.0",
        }
        if nonce:
            claims["nonce"] = nonce
        return self.signer.sign(claims)

    def _client_info(self, user: SandboxUser) -> str:
        raw = json.dumps({"uid": user.oid, "utid": self.tenant_id}).encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    def _save_refresh(self) -> None:
        """Keep the (hashed) grants on disk, without the expired ones. Under self._lock."""
        now = time.time()
        self._refresh = {k: v for k, v in self._refresh.items() if v["expires"] > now}
        tmp = self._refresh_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._refresh), "utf-8")
        tmp.replace(self._refresh_file)

    def _token_response(
        self, upn: str, scopes: list[str], client_id: str, base_url: str, nonce: str = ""
    ) -> Response:
        user = self.users[upn.lower()]
        refresh = secrets.token_urlsafe(48)
        with self._lock:
            self._refresh[hashlib.sha256(refresh.encode()).hexdigest()] = {
                "upn": user.upn,
                "scopes": scopes,
                "client_id": client_id,
                "expires": time.time() + REFRESH_LIFETIME_S,
            }
            self._save_refresh()
        body = {
            "token_type": "Bearer",
            "scope": " ".join([*scopes, "openid", "profile", "email"]),
            "expires_in": self.token_lifetime_s,
            "ext_expires_in": self.token_lifetime_s,
            "access_token": self.access_token(user.upn, scopes, base_url),
            "refresh_token": refresh,
            "id_token": self._id_token(user, client_id, base_url, nonce),
            "client_info": self._client_info(user),
        }
        return Response.json(200, body, {"Cache-Control": "no-store", "Pragma": "no-cache"})

    # -- routing ----------------------------------------------------------------------

    def handle(self, request: Request, tenant: str, rest: str) -> Response:
        base = request.base_url
        if rest == "/v2.0/.well-known/openid-configuration" and request.method == "GET":
            return Response.json(200, self.discovery(base, tenant))
        if rest == "/discovery/v2.0/keys" and request.method == "GET":
            return Response.json(200, self.signer.jwks())
        if rest == "/oauth2/v2.0/authorize":
            if request.method == "GET":
                return self._authorize_page(request, tenant)
            if request.method == "POST":
                return self._authorize_choose(request, tenant)
        if rest == "/oauth2/v2.0/token" and request.method == "POST":
            return self._token(request)
        if rest == "/oauth2/v2.0/devicecode" and request.method == "POST":
            return self.devices.start(request, tenant)
        if rest == "/oauth2/deviceauth":
            return self.devices.page(request, tenant)
        return oauth_error("invalid_request", "The endpoint was not found.", 900561, 404)

    def discovery(self, base: str, tenant: str) -> dict[str, Any]:
        root = f"{base}/{tenant}"
        return {
            "issuer": self.issuer(base),
            "authorization_endpoint": f"{self.page_base or base}/{tenant}/oauth2/v2.0/authorize",
            "token_endpoint": f"{root}/oauth2/v2.0/token",
            "device_authorization_endpoint": f"{root}/oauth2/v2.0/devicecode",
            "jwks_uri": f"{root}/discovery/v2.0/keys",
            "end_session_endpoint": f"{root}/oauth2/v2.0/logout",
            "response_types_supported": ["code", "id_token", "code id_token"],
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "none"],
            "code_challenge_methods_supported": ["S256", "plain"],
            "grant_types_supported": ["authorization_code", "refresh_token", DEVICE_GRANT],
            "tenant_region_scope": "EU",
            "cloud_instance_name": "sandbox.local",
        }

    # -- authorization code with PKCE ---------------------------------------------------

    def _authorize_page(self, request: Request, tenant: str) -> Response:
        q = request.query
        if q.get("client_id") != self.client_id:
            return Response.html(
                400,
                signin_page.message_page(
                    "Sign-in problem", "AADSTS700016: The application was not found."
                ),
            )
        redirect_uri = q.get("redirect_uri", "")
        host = urllib.parse.urlsplit(redirect_uri).hostname
        if host not in ("localhost", "127.0.0.1"):
            return Response.html(
                400,
                signin_page.message_page(
                    "Sign-in problem", "AADSTS50011: The redirect URI is not registered."
                ),
            )
        if q.get("response_type") != "code" or not q.get("code_challenge"):
            return Response.html(
                400,
                signin_page.message_page(
                    "Sign-in problem", "AADSTS9002325: PKCE (code_challenge) is required."
                ),
            )
        flow_id = secrets.token_urlsafe(24)
        pending = _PendingAuth(
            client_id=self.client_id,
            redirect_uri=redirect_uri,
            state=q.get("state", ""),
            scopes=grant_scopes(q.get("scope", "")),
            challenge=q["code_challenge"],
            challenge_method=q.get("code_challenge_method", "plain"),
            nonce=q.get("nonce", ""),
            created=time.time(),
            response_mode=q.get("response_mode", "query"),
        )
        with self._lock:
            self._pending[flow_id] = pending
        action = f"/{tenant}/oauth2/v2.0/authorize"
        users = list(self.users.values())
        hint = request.query.get("login_hint", "").lower()
        # The hinted account first (and focused), as Microsoft's picker offers it first.
        users.sort(key=lambda u: u.upn.lower() != hint)
        page = signin_page.sign_in_page(
            action, flow_id, users, " ".join(pending.scopes), focus_first=bool(hint)
        )
        return Response.html(200, page)

    def _authorize_choose(self, request: Request, tenant: str) -> Response:
        form = request.form()
        with self._lock:
            pending = self._pending.pop(form.get("flow", ""), None)
        if pending is None or time.time() - pending.created > CODE_LIFETIME_S:
            return Response.html(
                400,
                signin_page.message_page(
                    "Sign-in expired", "Go back to the app and start signing in again."
                ),
            )
        if form.get("cancel"):
            params = {
                "error": "access_denied",
                "error_description": "AADSTS65004: The user cancelled the sign-in.",
                "state": pending.state,
            }
            return _reply(pending, params)
        user = self.users.get(form.get("upn", "").lower())
        if user is None:
            return Response.html(
                400,
                signin_page.message_page("Sign-in problem", "That account is not in the sandbox."),
            )
        code = secrets.token_urlsafe(32)
        with self._lock:
            self._codes[code] = _Code(user.upn, pending, time.time() + CODE_LIFETIME_S)
        params = {
            "code": code,
            "state": pending.state,
            "client_info": self._client_info(user),
            "session_state": secrets.token_hex(8),
        }
        return _reply(pending, params)

    # -- the token endpoint -------------------------------------------------------------

    def _token(self, request: Request) -> Response:
        form = request.form()
        if form.get("client_id") != self.client_id:
            return oauth_error("invalid_client", "The application was not found.", 700016, 401)
        grant = form.get("grant_type", "")
        needed = {
            "authorization_code": "code",
            "refresh_token": "refresh_token",
            DEVICE_GRANT: "device_code",
        }.get(grant)
        if needed and not form.get(needed):
            return oauth_error(
                "invalid_request", f"The request body must contain {needed}.", 900144
            )
        if grant == "authorization_code":
            return self._redeem_code(form, request.base_url)
        if grant == "refresh_token":
            return self._redeem_refresh(form, request.base_url)
        if grant == DEVICE_GRANT:
            return self.devices.redeem(form, request.base_url)
        return oauth_error("unsupported_grant_type", f"Grant {grant!r} is not supported.", 70003)

    def _redeem_code(self, form: dict[str, str], base: str) -> Response:
        with self._lock:
            code = self._codes.pop(form.get("code", ""), None)
        if code is None or code.expires < time.time():
            return oauth_error("invalid_grant", "The code has expired or was used.", 70008)
        if form.get("redirect_uri") != code.auth.redirect_uri:
            return oauth_error("invalid_grant", "The redirect URI does not match.", 50011)
        verifier = form.get("code_verifier", "")
        if code.auth.challenge_method == "S256":
            expected = b64url(hashlib.sha256(verifier.encode("ascii", "replace")).digest())
        else:
            expected = verifier
        if not verifier or not secrets.compare_digest(expected, code.auth.challenge):
            return oauth_error("invalid_grant", "The code_verifier does not match.", 501481)
        return self._token_response(
            code.upn, code.auth.scopes, code.auth.client_id, base, code.auth.nonce
        )

    def _redeem_refresh(self, form: dict[str, str], base: str) -> Response:
        digest = hashlib.sha256(form.get("refresh_token", "").encode()).hexdigest()
        with self._lock:
            grant = self._refresh.pop(digest, None)
            if grant is not None:
                self._save_refresh()
        if grant is None or grant["expires"] < time.time():
            return oauth_error("invalid_grant", "The refresh token is not valid.", 700082)
        scopes = list(grant["scopes"])
        if form.get("scope"):
            asked = grant_scopes(form["scope"])
            scopes = [s for s in asked if s in scopes] or scopes
        return self._token_response(grant["upn"], scopes, grant["client_id"], base)

    def set_page_base(self, url: str) -> None:
        """Send browsers to `url` for the sign-in and device pages (Sandbox.page_url)."""
        self.page_base = url
        self.devices.page_base = url

    def approve_device_code(self, user_code: str, upn: str) -> bool:
        return self.devices.approve(user_code, upn)


def _reply(pending: _PendingAuth, params: dict[str, str]) -> Response:
    """Deliver the authorization response as the client asked (MSAL asks form_post)."""
    if pending.response_mode == "form_post":
        return Response.html(200, signin_page.form_post_page(pending.redirect_uri, params))
    return Response.redirect(_with_query(pending.redirect_uri, params))


def _with_query(url: str, params: dict[str, str]) -> str:
    sep = "&" if urllib.parse.urlsplit(url).query else "?"
    return url + sep + urllib.parse.urlencode(params)
