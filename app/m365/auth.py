"""Signing in to Microsoft 365 with MSAL: browser (or the Windows broker), a code on
another device, silently from the saved cache, and signing out without a trace.

Every method blocks and is meant for a worker thread (never the GUI thread). Long
flows take a `threading.Event` to stop them and a timeout; both end with a typed
`AuthError` (`SignInCancelled`, `SignInTimeout`, ...), never a bare MSAL exception.
Tokens stay inside MSAL's cache (encrypted at rest, see token_cache.py); nothing here
logs or returns one except `access_token()`, which hands it to the Graph client.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import msal
import requests
from msal.oauth2cli.authcode import AuthCodeReceiver

from app.core.texts import N_
from app.m365.config import M365Config
from app.m365.errors import (
    AuthError,
    DeviceCodeBlocked,
    OfflineError,
    SignInCancelled,
    SignInRequired,
    SignInTimeout,
)
from app.m365.http import VerifiedSession
from app.m365.signin_errors import auth_error_from
from app.m365.token_cache import EncryptedTokenCache, default_cache_path

log = logging.getLogger(__name__)

# A forced refresh asked for again within this many seconds reuses the fresh token:
# several upload threads that all saw a 401 need one new token, not one each.
_REFRESH_DEDUP_S = 10.0
_POLL_S = 0.1


@dataclass(frozen=True)
class Account:
    """Who is signed in (from the ID token's claims; nothing secret)."""

    username: str  # the user principal name, e.g. jsmith@force.police.uk
    name: str  # display name
    oid: str  # object id in the tenant
    tenant_id: str
    home_account_id: str = ""


@dataclass(frozen=True)
class DeviceCode:
    """What to show for 'sign in with a code on another device'."""

    user_code: str
    verification_uri: str
    message: str  # Microsoft's own instruction text, localised by the server
    expires_at: float
    flow: dict[str, Any] = field(repr=False, compare=False)


def _account_from_claims(claims: dict[str, Any], home_account_id: str = "") -> Account:
    return Account(
        username=str(claims.get("preferred_username") or claims.get("upn") or ""),
        name=str(claims.get("name") or ""),
        oid=str(claims.get("oid") or ""),
        tenant_id=str(claims.get("tid") or ""),
        home_account_id=home_account_id,
    )


class SignIn:
    """Sign-in for one app session. Thread-safe; every call blocks (use a worker thread).

    parent_window_handle: the app window's native handle, for the Windows broker's
    dialog (`int(window.winId())`); None in a console. It may also be set later, once
    the window exists (`sign_in.parent_window_handle = ...`).
    """

    def __init__(
        self,
        config: M365Config,
        *,
        cache: EncryptedTokenCache | None = None,
        parent_window_handle: int | None = None,
        http_client: requests.Session | None = None,
    ) -> None:
        self.config = config
        self.cache = cache or EncryptedTokenCache(default_cache_path(config.cache_file_name))
        self.parent_window_handle = parent_window_handle
        self._http = http_client or VerifiedSession(
            ca_bundle=config.ca_bundle, user_agent=config.user_agent, timeout=(15.0, 60.0)
        )
        self._lock = threading.RLock()
        self._app: msal.PublicClientApplication | None = None
        self._msal_account: dict[str, Any] | None = None
        self._account: Account | None = None
        self._last_forced_refresh = 0.0

    # -- state -----------------------------------------------------------------------

    @property
    def persistent(self) -> bool:
        """False: the sign-in is in memory only and will be asked for again next time."""
        return bool(self.cache.persistent)

    @property
    def account(self) -> Account | None:
        return self._account

    def _application(self) -> msal.PublicClientApplication:
        # Built lazily: MSAL fetches the authority's metadata here, over the network.
        with self._lock:
            if self._app is None:
                try:
                    self._app = msal.PublicClientApplication(
                        self.config.client_id,
                        authority=self.config.authority,
                        token_cache=self.cache,
                        http_client=self._http,
                        instance_discovery=self.config.instance_discovery,
                        enable_broker_on_windows=self.config.use_broker,
                    )
                except requests.RequestException as error:
                    what = f"authority metadata: {type(error).__name__}"
                    raise OfflineError(detail=what) from None
                except ValueError as error:  # MSAL: "Unable to get authority configuration"
                    raise AuthError(
                        N_("Cannot reach the sign-in service"),
                        N_("The Microsoft sign-in service did not answer as expected."),
                        N_(
                            "Check the network, then try again. If it persists, contact the "
                            "service desk."
                        ),
                        detail=str(error),
                    ) from None
            return self._app

    def _scopes(self) -> list[str]:
        return list(self.config.scopes)

    def _finish(self, result: dict[str, Any] | None, *, device_code: bool = False) -> Account:
        if not result or "access_token" not in result:
            self.cache.save()
            error = auth_error_from(result or {}, device_code=device_code)
            log.warning("Sign-in failed: %s", error.detail)
            raise error
        claims = result.get("id_token_claims") or {}
        app = self._application()
        username = str(claims.get("preferred_username") or "")
        matches = app.get_accounts(username=username) if username else app.get_accounts()
        with self._lock:
            found: dict[str, Any] | None = matches[0] if matches else None
            if found is not None:
                # One officer per app: whoever signed in before (a colleague on a shared
                # laptop, or the wrong account) is forgotten, so the next launch's silent
                # sign-in cannot pick them.
                for other in app.get_accounts():
                    if other.get("home_account_id") != found.get("home_account_id"):
                        app.remove_account(other)
            self.cache.save()
            self._msal_account = found
            home = str(found.get("home_account_id", "")) if found else ""
            self._account = _account_from_claims(claims, home)
            log.info("Signed in as %s (tenant %s).", self._account.username, claims.get("tid"))
            return self._account

    # -- interactive (browser or broker) ---------------------------------------------

    def sign_in_interactive(
        self,
        stop: threading.Event | None = None,
        timeout_s: float = 300.0,
        *,
        login_hint: str | None = None,
        show_url: Callable[[str], None] | None = None,
    ) -> Account:
        """Open the system browser (or the Windows broker) and wait for the sign-in.

        show_url: called with the sign-in address when no browser could be opened, so
        the UI can offer it to copy.
        """
        app = self._application()
        stop = stop or threading.Event()
        # Our own loopback listener (MSAL accepts one), so that cancelling or timing out
        # can close it; otherwise MSAL would wait on the port indefinitely.
        receiver = AuthCodeReceiver(port=0)
        outcome: dict[str, Any] = {}
        finished = threading.Event()

        def work() -> None:
            try:
                handle = self.parent_window_handle
                if handle is None:
                    handle = msal.PublicClientApplication.CONSOLE_WINDOW_HANDLE
                outcome["result"] = app.acquire_token_interactive(
                    self._scopes(),
                    prompt="select_account",
                    login_hint=login_hint,
                    port=receiver.get_port(),
                    auth_code_receiver=receiver,
                    parent_window_handle=handle,
                    auth_uri_callback=show_url,
                )
            except BaseException as error:  # handed to the caller's thread below
                outcome["error"] = error
            finally:
                receiver.close()
                finished.set()

        worker = threading.Thread(target=work, name="msal-interactive", daemon=True)
        worker.start()
        deadline = time.monotonic() + timeout_s
        while not finished.wait(_POLL_S):
            if stop.is_set() or time.monotonic() >= deadline:
                # The worker ends on its own once its listener is closed; the broker
                # (Windows) cannot be interrupted, so it is abandoned rather than joined.
                receiver.close()
                if stop.is_set():
                    log.info("Sign-in cancelled.")
                    raise SignInCancelled
                log.info("Sign-in timed out after %.0f s.", timeout_s)
                raise SignInTimeout(timeout_s)
        error = outcome.get("error")
        if error is not None:
            if stop.is_set():
                raise SignInCancelled
            if isinstance(error, requests.RequestException):
                raise OfflineError(detail=type(error).__name__) from None
            if isinstance(error, RuntimeError):
                # msal.oauth2cli's BrowserInteractionTimeoutError (a RuntimeError) and the
                # loopback server's "Timeout. No auth response arrived."
                raise SignInTimeout(timeout_s, detail=str(error)) from None
            raise error
        return self._finish(outcome.get("result"))

    # -- device code -----------------------------------------------------------------

    def start_device_code(self) -> DeviceCode:
        """Ask for a code the person enters on another device (phone, another PC)."""
        if not self.config.allow_device_code:
            raise DeviceCodeBlocked(detail="identity.allow_device_code is false")
        app = self._application()
        try:
            flow = app.initiate_device_flow(scopes=self._scopes())
        except requests.RequestException as error:
            raise OfflineError(detail=f"device code: {type(error).__name__}") from None
        if "user_code" not in flow:
            refused = auth_error_from(flow, device_code=True)
            log.warning("Device code sign-in refused: %s", refused.detail)
            raise refused
        return DeviceCode(
            user_code=str(flow["user_code"]),
            verification_uri=str(flow.get("verification_uri", "")),
            message=str(flow.get("message", "")),
            expires_at=float(flow.get("expires_at", 0)),
            flow=flow,
        )

    @staticmethod
    def cancel_device_code(code: DeviceCode) -> None:
        """Stop MSAL's polling within a second, the way MSAL documents it."""
        code.flow["expires_at"] = 0

    def complete_device_code(
        self,
        code: DeviceCode,
        stop: threading.Event | None = None,
        timeout_s: float | None = None,
    ) -> Account:
        """Wait (polling Microsoft) until the code has been entered and accepted."""
        app = self._application()
        stop = stop or threading.Event()
        if timeout_s is not None:
            code.flow["expires_at"] = min(float(code.flow["expires_at"]), time.time() + timeout_s)
        done = threading.Event()

        def watch() -> None:
            while not done.wait(_POLL_S):
                if stop.is_set():
                    self.cancel_device_code(code)
                    return

        watcher = threading.Thread(target=watch, name="device-code-cancel", daemon=True)
        watcher.start()
        try:
            result = app.acquire_token_by_device_flow(code.flow)
        except requests.RequestException as error:
            raise OfflineError(detail=f"device code: {type(error).__name__}") from None
        finally:
            done.set()
        if stop.is_set() and "access_token" not in result:
            raise SignInCancelled
        if result.get("error") in {"authorization_pending", "slow_down", "expired_token"}:
            seconds = timeout_s if timeout_s is not None else code.expires_at - time.time()
            raise SignInTimeout(max(seconds, 60.0), detail=str(result.get("error")))
        return self._finish(result, device_code=True)

    # -- silent, tokens, sign-out ----------------------------------------------------

    def sign_in_silent(self) -> Account | None:
        """Sign in from the saved cache without any window; None if that is not possible."""
        if not any(self.cache.search(msal.TokenCache.CredentialType.ACCOUNT)):
            return None  # nothing saved: no need to reach the network to say so
        app = self._application()
        accounts = app.get_accounts()
        if not accounts:
            return None
        msal_account = accounts[0]
        try:
            result = app.acquire_token_silent(self._scopes(), account=msal_account)
        except requests.RequestException as error:
            raise OfflineError(detail=f"silent sign-in: {type(error).__name__}") from None
        self.cache.save()
        if not result or "access_token" not in result:
            if result:
                log.info("Saved sign-in not usable: %s", result.get("error"))
            return None
        with self._lock:
            self._msal_account = msal_account
            claims = self._cached_id_token_claims(msal_account)
            self._account = Account(
                username=str(msal_account.get("username", "")),
                name=str(claims.get("name") or ""),
                oid=str(msal_account.get("local_account_id", "")),
                # MSAL's realm is the authority's tenant as configured (a name or
                # "organizations"); the ID token's tid is the tenant's actual id.
                tenant_id=str(claims.get("tid") or msal_account.get("realm", "")),
                home_account_id=str(msal_account.get("home_account_id", "")),
            )
            log.info("Signed in silently as %s.", self._account.username)
            return self._account

    def _cached_id_token_claims(self, msal_account: dict[str, Any]) -> dict[str, Any]:
        # The display name is only in the ID token; MSAL keeps it in the cache.
        entries = self.cache.search(
            msal.TokenCache.CredentialType.ID_TOKEN,
            query={"home_account_id": msal_account.get("home_account_id")},
        )
        for entry in entries:
            parts = str(entry.get("secret", "")).split(".")
            if len(parts) < 2:
                continue
            try:
                padded = parts[1] + "=" * (-len(parts[1]) % 4)
                claims = json.loads(base64.urlsafe_b64decode(padded))
            except (ValueError, binascii.Error):
                continue
            if isinstance(claims, dict):
                return claims
        return {}

    def access_token(self, force_refresh: bool = False) -> str:
        """A valid access token for Graph (refreshed when near expiry, or when forced)."""
        app = self._application()
        with self._lock:
            msal_account = self._msal_account
            if msal_account is None:
                raise SignInRequired(detail="no account signed in")
            if force_refresh and time.monotonic() - self._last_forced_refresh < _REFRESH_DEDUP_S:
                force_refresh = False
            try:
                result = app.acquire_token_silent(
                    self._scopes(), account=msal_account, force_refresh=force_refresh
                )
            except requests.RequestException as error:
                raise OfflineError(detail=f"token refresh: {type(error).__name__}") from None
            if force_refresh:
                self._last_forced_refresh = time.monotonic()
        self.cache.save()
        if not result or "access_token" not in result:
            raise SignInRequired(detail=str((result or {}).get("error", "no token in cache")))
        token: str = result["access_token"]
        return token

    def sign_out(self) -> None:
        """Forget the sign-in everywhere: MSAL's accounts (and the broker's), the
        encrypted cache file and its key in the keyring."""
        with self._lock:
            if self._app is not None:
                for msal_account in self._app.get_accounts():
                    self._app.remove_account(msal_account)
            self.cache.clear()
            self._msal_account = None
            self._account = None
        log.info("Signed out; the saved sign-in was removed.")
