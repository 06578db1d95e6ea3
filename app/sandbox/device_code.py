"""The OAuth 2.0 device authorization grant (RFC 8628) as Entra ID answers it.

The app shows a code; the officer opens the sandbox's device page, enters it and
chooses who they are; the app's polls get authorization_pending (or slow_down when
they come too fast) until then, expired_token after 15 minutes.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.sandbox import signin_page
from app.sandbox.httpio import Request, Response
from app.sandbox.oauth import DEVICE_LIFETIME_S, grant_scopes, oauth_error
from app.sandbox.users import SandboxUser

# (upn, scopes, client id, base URL) -> the token response
TokenResponder = Callable[[str, list[str], str, str], Response]


@dataclass
class _DeviceFlow:
    client_id: str
    scopes: list[str]
    user_code: str
    expires: float
    interval: int
    upn: str | None = None
    last_poll: float = 0.0
    redeemed: bool = False


class DeviceCodes:
    def __init__(
        self,
        client_id: str,
        users: dict[str, SandboxUser],
        interval_s: int,
        respond: TokenResponder,
    ) -> None:
        self.client_id = client_id
        self.users = users
        self.interval_s = interval_s
        self._respond = respond
        self._lock = threading.Lock()
        self._flows: dict[str, _DeviceFlow] = {}  # device_code -> flow
        self.page_base: str | None = None  # where a browser opens the device page

    def start(self, request: Request, tenant: str) -> Response:
        form = request.form()
        if form.get("client_id") != self.client_id:
            return oauth_error("invalid_client", "The application was not found.", 700016, 401)
        device_code = secrets.token_urlsafe(32)
        alphabet = "BCDFGHJKLMNPQRSTVWXZ23456789"  # no vowels, no look-alikes
        user_code = "".join(secrets.choice(alphabet) for _ in range(9))
        flow = _DeviceFlow(
            self.client_id,
            grant_scopes(form.get("scope", "")),
            user_code,
            time.time() + DEVICE_LIFETIME_S,
            self.interval_s,
        )
        with self._lock:
            self._flows[device_code] = flow
        uri = f"{self.page_base or request.base_url}/{tenant}/oauth2/deviceauth"
        return Response.json(
            200,
            {
                "user_code": user_code,
                "device_code": device_code,
                "verification_uri": uri,
                "expires_in": DEVICE_LIFETIME_S,
                "interval": self.interval_s,
                "message": f"To sign in, open {uri} and enter the code {user_code}.",
            },
        )

    def approve(self, user_code: str, upn: str) -> bool:
        """What the device page does when a user enters a code and chooses who they are."""
        wanted = user_code.strip().upper().replace("-", "")
        user = self.users.get(upn.lower())
        if user is None:
            return False
        with self._lock:
            for flow in self._flows.values():
                if flow.user_code == wanted and flow.expires > time.time() and not flow.upn:
                    flow.upn = user.upn
                    return True
        return False

    def page(self, request: Request, tenant: str) -> Response:
        action = f"/{tenant}/oauth2/deviceauth"
        users = list(self.users.values())
        if request.method == "GET":
            return Response.html(200, signin_page.device_code_page(action, users))
        form = request.form()
        if self.approve(form.get("code", ""), form.get("upn", "")):
            return Response.html(
                200,
                signin_page.message_page(
                    "You are signed in", "Go back to the app; it carries on by itself."
                ),
            )
        return Response.html(
            400,
            signin_page.device_code_page(
                action, users, "That code is not valid or has expired. Check it and try again."
            ),
        )

    def redeem(self, form: dict[str, str], base: str) -> Response:
        now = time.time()
        with self._lock:
            flow = self._flows.get(form.get("device_code", ""))
            if flow is None or flow.redeemed:
                return oauth_error("invalid_grant", "The device code is not valid.", 70000)
            if flow.expires < now:
                return oauth_error("expired_token", "The device code has expired.", 70020)
            too_soon = now - flow.last_poll < flow.interval * 0.5
            flow.last_poll = now
            if flow.upn is None:
                if too_soon:
                    return oauth_error("slow_down", "Poll less often.", 70016)
                return oauth_error(
                    "authorization_pending", "The user has not finished signing in.", 70016
                )
            flow.redeemed = True
            upn, scopes, client_id = flow.upn, flow.scopes, flow.client_id
        return self._respond(upn, scopes, client_id, base)
