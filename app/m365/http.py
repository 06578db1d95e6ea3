"""The one HTTPS session class every request to Microsoft 365 (or the sandbox) goes through.

Trust is explicit: `verify=` is passed on every request, so `REQUESTS_CA_BUNDLE` /
`CURL_CA_BUNDLE` (which requests otherwise lets override a session's own `verify`,
requests issue 3829) can never change who we trust. In production the operating
system's certificate store is used (truststore), which is what corporate TLS-inspecting
proxies rely on; in sandbox mode only the sandbox's own CA is trusted. Verification is
never turned off. Proxies still come from the system/environment, looked up once per
host and minute rather than on every request (requests' own `trust_env` lookup reads the
environment, or the Windows registry, and ~/.netrc each time: about a sixth of the
client's CPU per small file). ~/.netrc is never used: its Basic credentials would replace
our bearer token.

The same class is handed to MSAL as its `http_client`.
"""

from __future__ import annotations

import datetime
import email.utils
import ssl
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter

# (connect, read) seconds. Reads are generous: a 60 MiB fragment on a slow link, or
# Graph assembling a large upload, can legitimately take a while before answering.
DEFAULT_TIMEOUT: tuple[float, float] = (15.0, 120.0)
# How long a host's proxy settings are reused: a laptop moving between the office and a
# VPN picks up the change within this time.
PROXY_LOOKUP_TTL_S = 60.0


class _SystemTrustAdapter(HTTPAdapter):
    """An adapter whose TLS context is the operating system's trust store (truststore)."""

    def __init__(self, ssl_context: ssl.SSLContext, **kwargs: Any) -> None:
        self._ssl_context = ssl_context
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._ssl_context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        # requests builds proxy managers separately from the pool manager; without this
        # the system trust store would be bypassed whenever a proxy is in use.
        proxy_kwargs["ssl_context"] = self._ssl_context
        return super().proxy_manager_for(proxy, **proxy_kwargs)


def system_trust_context() -> ssl.SSLContext:
    import truststore

    context: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return context


class VerifiedSession(requests.Session):
    """A `requests.Session` that always verifies TLS against the trust we chose.

    ca_bundle: a PEM file to trust instead of the system store (the sandbox's CA);
    None: the operating system's certificate store.
    """

    def __init__(
        self,
        *,
        ca_bundle: str | Path | None = None,
        user_agent: str = "",
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        pool_size: int = 10,
    ) -> None:
        super().__init__()
        # Off: requests would read the environment and ~/.netrc on every request. The
        # environment's proxies are added in merge_environment_settings (cached per host).
        self.trust_env = False
        self._proxy_cache: dict[tuple[str, str], tuple[float, dict[str, str]]] = {}
        self._proxy_lock = threading.Lock()
        self._verify: str | bool = str(ca_bundle) if ca_bundle is not None else True
        self._timeout = timeout
        self.verify = self._verify
        if user_agent:
            self.headers["User-Agent"] = user_agent
        if ca_bundle is None:
            adapter: HTTPAdapter = _SystemTrustAdapter(
                system_trust_context(), pool_connections=pool_size, pool_maxsize=pool_size
            )
        else:
            adapter = HTTPAdapter(pool_connections=pool_size, pool_maxsize=pool_size)
        self.mount("https://", adapter)

    @property
    def trusted(self) -> str | bool:
        """The CA bundle path in sandbox mode, True for the system store."""
        return self._verify

    def request(
        self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any
    ) -> requests.Response:
        # Ours, always: a caller (MSAL included) cannot weaken it, and the environment
        # cannot replace it.
        kwargs["verify"] = self._verify
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self._timeout
        return super().request(method, url, *args, **kwargs)

    def merge_environment_settings(
        self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any
    ) -> Any:
        # The system's proxies (as requests' trust_env would find them: environment,
        # registry, macOS settings), but REQUESTS_CA_BUNDLE and CURL_CA_BUNDLE never
        # replace the trust decided above. Explicit proxies win over the system's.
        merged = super().merge_environment_settings(url, proxies, stream, verify, cert)
        system = self._system_proxies(str(url), (proxies or {}).get("no_proxy"))
        merged["proxies"] = {**system, **merged["proxies"]}
        merged["verify"] = self._verify
        return merged

    def _system_proxies(self, url: str, no_proxy: str | None) -> dict[str, str]:
        parts = urlsplit(url)
        key = (parts.scheme, parts.netloc)
        now = time.monotonic()
        with self._proxy_lock:
            cached = self._proxy_cache.get(key)
        if cached is not None and now - cached[0] < PROXY_LOOKUP_TTL_S and no_proxy is None:
            return cached[1]
        found = dict(requests.utils.get_environ_proxies(url, no_proxy=no_proxy))
        if no_proxy is None:
            with self._proxy_lock:
                self._proxy_cache[key] = (now, found)
        return found


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date.

    Returns None when absent or unreadable (the caller then uses its own backoff); a
    date in the past means 0.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        return max(0.0, float(int(text)))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are always GMT, even when "-0000" says unknown
        when = when.replace(tzinfo=datetime.UTC)
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def safe_url(url: str) -> str:
    """A URL fit for the log: no query string or fragment (upload URLs carry a credential)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def request_id(headers: Mapping[str, str]) -> str:
    """Graph's request-id (what Microsoft support asks for), from the response headers."""
    return headers.get("request-id") or headers.get("client-request-id") or ""
