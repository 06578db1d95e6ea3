"""A small Microsoft Graph client: retries done right, typed errors, OneDrive helpers.

`GraphClient.request()` is what the upload engine builds on. It
- honours Retry-After (seconds or an HTTP date) on 429/503 and reports each throttle
  to `on_throttle` (the engine's adaptive concurrency listens);
- backs off exponentially, with jitter, on 5xx and connection errors, within a bounded
  number of attempts, and waits on the stop Event so a cancel is immediate;
- asks for a new token once on 401;
- turns every other failure into a typed `GraphError` with a plain-English message
  and the Graph code and request-id for the log.

One `requests` session per worker thread (sessions are not thread-safe to share while
pools are mutated); the factory decides trust and User-Agent (see http.py). The log gets
method and path only: never a query string (upload URLs carry a credential) or a token.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

import requests

from app.core.errors import CancelledError
from app.core.texts import N_
from app.m365.config import M365Config
from app.m365.errors import ConflictError, GraphError, NotFoundError, OfflineError, graph_error
from app.m365.http import VerifiedSession, parse_retry_after, request_id, safe_url

log = logging.getLogger(__name__)

TokenProvider = Callable[[bool], str]  # argument: force a refresh (after a 401)


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 6
    backoff_base_s: float = 1.0
    backoff_max_s: float = 60.0
    max_retry_after_s: float = 900.0  # a longer Retry-After is capped (and logged)
    retry_statuses: frozenset[int] = field(
        default_factory=lambda: frozenset({429, 500, 502, 503, 504})
    )


class GraphClient:
    """Thread-safe: share one client between worker threads."""

    def __init__(
        self,
        base_url: str,
        token: TokenProvider,
        *,
        session_factory: Callable[[], requests.Session],
        on_throttle: Callable[[float], None] | None = None,
        retry: RetryPolicy | None = None,
        stop: threading.Event | None = None,
        seed: int | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._origin = urlsplit(self.base_url)[:2]
        self._token = token
        self._session_factory = session_factory
        self._on_throttle = on_throttle
        self.retry = retry or RetryPolicy()
        self._stop = stop or threading.Event()
        self._rng = random.Random(seed)  # noqa: S311 (jitter, not security)
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()
        self._folders: dict[str, dict[str, Any]] = {}
        self._folder_lock = threading.Lock()

    # -- plumbing --------------------------------------------------------------------

    def session(self) -> requests.Session:
        """This thread's session (created on first use)."""
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = self._session_factory()
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    def url(self, url_or_path: str) -> str:
        if url_or_path.startswith(("https://", "http://")):
            return url_or_path
        return f"{self.base_url}/{url_or_path.lstrip('/')}"

    def backoff(self, attempt: int) -> float:
        """Exponential backoff with jitter (half fixed, half random) for attempt 1, 2, ..."""
        ceiling = min(self.retry.backoff_max_s, self.retry.backoff_base_s * 2.0 ** (attempt - 1))
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)

    def _wait(self, seconds: float, stop: threading.Event | None) -> None:
        events = [event for event in (stop, self._stop) if event is not None]
        if len(events) == 1:
            if events[0].wait(seconds):
                raise CancelledError
            return
        # Two events to watch: wait on one in short slices, checking the other.
        remaining = seconds
        while remaining > 0:
            slice_s = min(0.1, remaining)
            if any(event.is_set() for event in events) or events[0].wait(slice_s):
                raise CancelledError
            remaining -= slice_s
        if any(event.is_set() for event in events):
            raise CancelledError

    def _check_stop(self, stop: threading.Event | None) -> None:
        if self._stop.is_set() or (stop is not None and stop.is_set()):
            raise CancelledError

    def _same_origin(self, url: str) -> bool:
        return urlsplit(url)[:2] == self._origin

    # -- the one request method ------------------------------------------------------

    def request(
        self,
        method: str,
        url_or_path: str,
        *,
        json: Any = None,
        data: bytes | bytearray | memoryview | None = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        authenticated: bool = True,
        expected: tuple[int, ...] = (200, 201, 202, 204),
        stop: threading.Event | None = None,
        max_attempts: int | None = None,
        timeout: tuple[float, float] | None = None,
    ) -> requests.Response:
        """Send one request with retries; returns the response if its status is expected.

        `data` must be bytes-like (not a stream) so that a retry can resend it.
        `authenticated=False` for pre-authenticated URLs (upload sessions), which must
        not receive our token; an authenticated request may only go to Graph's origin.
        """
        url = self.url(url_or_path)
        if authenticated and not self._same_origin(url):
            raise ValueError("refusing to send the Graph token to another origin")
        what = f"{method} {safe_url(url)}"
        attempts = max_attempts or self.retry.max_attempts
        attempt = 0
        force_refresh = False
        refreshed = False
        while True:
            attempt += 1
            self._check_stop(stop)
            send_headers = dict(headers or {})
            if authenticated:
                send_headers["Authorization"] = "Bearer " + self._token(force_refresh)
            try:
                response = self.session().request(
                    method,
                    url,
                    json=json,
                    data=bytes(data) if isinstance(data, (memoryview, bytearray)) else data,
                    headers=send_headers,
                    params=params,
                    timeout=timeout,
                )
            except requests.exceptions.SSLError as error:
                # Not retried: a certificate problem does not fix itself in seconds.
                raise GraphError(
                    N_("Secure connection failed"),
                    N_("The connection to Microsoft 365 could not be verified as secure."),
                    N_(
                        "If you are on a public or hotel network, try another network; "
                        "otherwise contact the service desk."
                    ),
                    detail=f"{what}: {type(error).__name__}",
                ) from None
            except (
                requests.ConnectionError,
                requests.Timeout,
                requests.exceptions.ChunkedEncodingError,
            ) as error:
                if attempt >= attempts:
                    raise OfflineError(detail=f"{what}: {type(error).__name__}") from None
                delay = self.backoff(attempt)
                log.info("%s: %s; retrying in %.1f s", what, type(error).__name__, delay)
                self._wait(delay, stop)
                continue
            status = response.status_code
            if status in expected:
                return response
            if status == 401 and authenticated and not refreshed:
                # The token may have expired (or been revoked) since we got it: one new
                # token, one more try, not counted as a failed attempt.
                refreshed = force_refresh = True
                attempt -= 1
                log.info("%s: 401, retrying once with a new token", what)
                response.close()
                continue
            force_refresh = False
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if status in self.retry.retry_statuses:
                asked = retry_after if retry_after is not None else self.backoff(attempt)
                if status in (429, 503) and self._on_throttle is not None:
                    self._on_throttle(asked)  # what the service asked for, before our cap
                delay = min(asked, self.retry.max_retry_after_s)
                if delay < asked:
                    log.warning("%s: Retry-After %.0f s capped to %.0f s", what, asked, delay)
                if attempt < attempts:
                    log.info(
                        "%s: HTTP %d (request-id %s); retrying in %.1f s",
                        what,
                        status,
                        request_id(response.headers) or "-",
                        delay,
                    )
                    response.close()
                    self._wait(delay, stop)
                    continue
            raise self._error(response, what, retry_after)

    @staticmethod
    def _error(response: requests.Response, what: str, retry_after: float | None) -> GraphError:
        try:
            body = response.json()
        except ValueError:
            body = None
        error = graph_error(
            response.status_code,
            body,
            request_id=request_id(response.headers),
            retry_after=retry_after,
            what=what,
        )
        # A 404 is often the answer we hoped for (item_by_path on a new destination).
        level = logging.INFO if response.status_code == 404 else logging.WARNING
        log.log(level, "Graph error: %s", error.for_log())
        return error

    # -- OneDrive helpers --------------------------------------------------------------

    @staticmethod
    def item_path(path: str) -> str:
        """Graph's path-based address for a drive path ("" is the root)."""
        parts = [part for part in path.replace("\\", "/").split("/") if part]
        if not parts:
            return "me/drive/root"
        return "me/drive/root:/" + "/".join(quote(part, safe="") for part in parts)

    def me(self) -> dict[str, Any]:
        result: dict[str, Any] = self.request("GET", "me").json()
        return result

    def drive(self) -> dict[str, Any]:
        """The signed-in user's OneDrive, including `quota` (total, used, remaining)."""
        result: dict[str, Any] = self.request("GET", "me/drive").json()
        return result

    def item_by_path(self, path: str) -> dict[str, Any] | None:
        try:
            result: dict[str, Any] = self.request("GET", self.item_path(path)).json()
        except NotFoundError:
            return None
        return result

    def children(self, path: str, *, page_size: int = 200) -> Iterator[dict[str, Any]]:
        """Every child of a folder, following @odata.nextLink page by page."""
        address = self.item_path(path)
        address += ":/children" if ":" in address else "/children"
        next_url: str | None = self.url(address)
        params: dict[str, str] | None = {"$top": str(page_size)}
        while next_url:
            page = self.request("GET", next_url, params=params).json()
            params = None  # the next link already carries every parameter
            yield from page.get("value", [])
            next_url = page.get("@odata.nextLink")

    def ensure_folder(self, path: str) -> dict[str, Any]:
        """The folder at `path`, creating each missing level (once; a concurrent create's
        409 is resolved by fetching what the other side made)."""
        parts = [part for part in path.replace("\\", "/").split("/") if part]
        key = "/".join(parts).casefold()  # OneDrive names are case-insensitive
        known = self._folders.get(key)
        if known is not None:
            return known
        with self._folder_lock:
            parent: dict[str, Any] | None = None
            missing_above = False
            for depth in range(len(parts) + 1):
                sub = "/".join(parts[:depth])
                sub_key = sub.casefold()
                item = self._folders.get(sub_key)
                if item is None and not missing_above:
                    item = self.item_by_path(sub)
                if item is None:
                    assert parent is not None  # the root always exists
                    item = self._create_folder(parent, parts[depth - 1], sub)
                    missing_above = True  # below a folder we just made, nothing exists
                if "folder" not in item and depth > 0:
                    raise ConflictError(
                        N_("A file is in the way"),
                        N_("OneDrive already has a file called '{name}' where a folder is needed."),
                        N_("Rename or move that file in OneDrive, then resume."),
                        status=409,
                        code="nameAlreadyExists",
                        values={"name": parts[depth - 1]},
                    )
                self._folders[sub_key] = item
                parent = item
            assert parent is not None
            return parent

    def _create_folder(self, parent: dict[str, Any], name: str, path: str) -> dict[str, Any]:
        body = {"name": name, "folder": {}, "@microsoft.graph.conflictBehavior": "fail"}
        try:
            created: dict[str, Any] = self.request(
                "POST", f"me/drive/items/{parent['id']}/children", json=body
            ).json()
        except ConflictError:
            existing = self.item_by_path(path)
            if existing is None:
                raise
            return existing
        log.info("Created folder %s in OneDrive", path)
        return created

    def delete_item(self, item_id: str) -> bool:
        """Delete an item (to the OneDrive recycle bin); False if it was already gone."""
        try:
            self.request("DELETE", f"me/drive/items/{quote(item_id, safe='')}", expected=(204,))
        except NotFoundError:
            return False
        return True


def graph_client(
    config: M365Config,
    token: TokenProvider,
    *,
    on_throttle: Callable[[float], None] | None = None,
    retry: RetryPolicy | None = None,
    stop: threading.Event | None = None,
    pool_size: int = 10,
) -> GraphClient:
    """A client for the configured Graph (or sandbox), trusting what the config says."""

    def factory() -> requests.Session:
        return VerifiedSession(
            ca_bundle=config.ca_bundle, user_agent=config.user_agent, pool_size=pool_size
        )

    return GraphClient(
        config.graph_url,
        token,
        session_factory=factory,
        on_throttle=on_throttle,
        retry=retry,
        stop=stop,
    )
