"""Requests to an upload session's URL, and what the upload engine shares between workers.

Upload URLs are pre-authenticated (they carry a credential in the query string), so
they are sent without an Authorization header, on a requests session owned by the
worker thread, and never logged (only `safe_url()` of one). A 429/503 slows every
worker (`AdaptiveLimit.throttled`); a connection failure or a 5xx is waited out with
exponential backoff and jitter, and then the caller asks the session where it stands
rather than blindly repeating the request (a fragment may have been stored even though
the answer was lost). A network that stays down longer than `offline_patience_s`
stops the run with `OfflineError`: the journal keeps every session for a resume.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import requests

from app.core.errors import CancelledError
from app.core.journal import Journal
from app.m365.bandwidth import BandwidthLimiter
from app.m365.concurrency import AdaptiveLimit
from app.m365.errors import OfflineError
from app.m365.http import parse_retry_after, safe_url

log = logging.getLogger(__name__)

FRAGMENT_UNIT = 320 * 1024  # Graph: fragments must be multiples of 320 KiB
MAX_FRAGMENT = 60 * 1024 * 1024


def fragment_size(fragment_mib: int) -> int:
    """settings.upload.fragment_mib rounded down to a multiple of 320 KiB, within 60 MiB."""
    wanted = max(1, min(int(fragment_mib), 60)) * 1024 * 1024
    return max(FRAGMENT_UNIT, min(wanted, MAX_FRAGMENT) // FRAGMENT_UNIT * FRAGMENT_UNIT)


class Graph(Protocol):
    """What the engine needs from `app.m365.graph.GraphClient`."""

    def request(
        self,
        method: str,
        url_or_path: str,
        *,
        json: Any = None,
        data: Any = None,
        headers: dict[str, str] | None = None,
        authenticated: bool = True,
        expected: tuple[int, ...] = (200, 201, 202, 204),
    ) -> requests.Response: ...

    def ensure_folder(self, path: str) -> dict[str, Any]: ...


def paced(
    factory: Callable[[], requests.Session], limiter: AdaptiveLimit, stop: threading.Event
) -> Callable[[], requests.Session]:
    """Sessions whose every request (Graph calls and fragments alike) waits out a
    Retry-After pause in force and feeds RateLimit-* headers back to the limiter: the
    request budget is the user's, so all traffic counts against it."""

    def make() -> requests.Session:
        session = factory()
        plain = session.request

        def request(method: str | bytes, url: str | bytes, *args: Any, **kw: Any) -> Any:
            limiter.wait_turn(stop)
            response = plain(method, url, *args, **kw)
            limiter.observe_headers(response.headers)
            return response

        session.request = request  # type: ignore[method-assign]
        return session

    return make


class FolderCache:
    """Each destination folder is created once, however many workers need it at once."""

    def __init__(self, graph: Graph) -> None:
        self._graph = graph
        self._lock = threading.Lock()
        self._done: set[str] = set()
        self._pending: dict[str, threading.Event] = {}

    def ensure(self, folder: str, stop: threading.Event) -> None:
        if not folder:
            return
        while True:
            with self._lock:
                if folder in self._done:
                    return
                waiting = self._pending.get(folder)
                if waiting is None:
                    mine = self._pending[folder] = threading.Event()
            if waiting is not None:
                while not waiting.wait(0.2):
                    if stop.is_set():
                        raise CancelledError
                continue  # the creator finished (or failed: then we try ourselves)
            try:
                self._graph.ensure_folder(folder)
                with self._lock:
                    self._done.add(folder)
                return
            finally:
                with self._lock:
                    self._pending.pop(folder, None)
                mine.set()


@dataclass
class Shared:
    """Everything the workers of one run share."""

    graph: Graph
    journal: Journal
    run_id: int
    source_root: str
    fragment: int
    limiter: AdaptiveLimit
    bandwidth: BandwidthLimiter
    session_factory: Callable[[], requests.Session]
    pause: threading.Event
    stop: threading.Event
    folders: FolderCache
    on_bytes: Callable[[int, int], None]  # (bytes acknowledged delta, bytes sent delta)
    offline_patience_s: float = 300.0
    user_stop: threading.Event = field(default_factory=threading.Event)
    seed: int = 0
    _local: threading.local = field(default_factory=threading.local)
    _sessions: list[requests.Session] = field(default_factory=list)
    _sessions_lock: threading.Lock = field(default_factory=threading.Lock)

    def http(self) -> requests.Session:
        """This worker thread's own session (requests sessions are not thread-safe)."""
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = self.session_factory()
            self._local.session = session
            with self._sessions_lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        with self._sessions_lock:
            for session in self._sessions:
                session.close()
            self._sessions.clear()

    def checkpoint(self) -> None:
        """A safe point (fragment boundary): wait while paused, stop when asked."""
        # The user's own Event is checked here too: `stop` follows it only within 0.1 s,
        # and a stop asked between two fragments must hold before the next one.
        while self.pause.is_set() and not self.stopping():
            self.stop.wait(0.2)
        if self.stopping():
            raise CancelledError

    def stopping(self) -> bool:
        return self.stop.is_set() or self.user_stop.is_set()


class UploadUrlClient:
    """One worker's requests to upload URLs, with backoff; None means 'ask where we stand'."""

    def __init__(self, shared: Shared, label: str) -> None:
        self._shared = shared
        self._label = label
        self._failures = 0
        self._first_failure = 0.0
        self._random = random.Random(f"{shared.seed}:{label}")  # noqa: S311 (jitter only)

    def send(
        self,
        method: str,
        url: str,
        *,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> requests.Response | None:
        shared = self._shared
        try:
            response = shared.http().request(method, url, data=data, headers=headers)
        except requests.RequestException as error:
            self._wait(None, f"{method} {safe_url(url)}: {type(error).__name__}")
            return None
        status = response.status_code
        if status == 429 or status >= 500:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if status in (429, 503):
                shared.limiter.throttled(retry_after)
            self._wait(retry_after, f"{method} {safe_url(url)}: HTTP {status}")
            return None
        self._failures = 0
        return response

    def _wait(self, retry_after: float | None, what: str) -> None:
        now = time.monotonic()
        if self._failures == 0:
            self._first_failure = now
        self._failures += 1
        if (
            retry_after is None
            and now - self._first_failure > self._shared.offline_patience_s
            and self._failures > 3
        ):
            raise OfflineError(
                detail=f"{self._label}: gave up after {self._failures} tries: {what}"
            )
        if retry_after is None:
            delay = min(30.0, 0.25 * 2 ** min(self._failures, 8))
            delay *= 0.5 + self._random.random()
        else:
            delay = retry_after
        log.info("%s: %s; waiting %.1f s", self._label, what, delay)
        if self._shared.stop.wait(delay):
            raise CancelledError
