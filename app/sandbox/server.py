"""The sandbox: a local Microsoft 365 stand-in (Entra ID sign-in + OneDrive) over HTTPS.

    with Sandbox(SandboxConfig(state_dir=tmp)).start() as sb:
        sb.authority, sb.graph_url, sb.ca_path, sb.client_id

Test and admin hooks (never through the client under test): `sb.state` (stored tree,
open sessions, request log), `sb.faults` (set / script / clear), `sb.issue_token`,
`sb.sign_in_page_choose`, `sb.set_locked`. The same hooks are served over HTTPS under
/_admin/ for out-of-process tests, guarded by a random key written to
state_dir/admin.json (readable by its owner only).
"""

from __future__ import annotations

import html
import json
import re
import ssl
import threading
import time
import urllib.parse
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from app.sandbox import admin
from app.sandbox.apierror import ApiError
from app.sandbox.certs import ensure_certificates
from app.sandbox.faults import FaultInjector
from app.sandbox.graph_items import GraphApi
from app.sandbox.handler import SandboxHTTPServer, fault_response
from app.sandbox.httpio import Request, Response
from app.sandbox.identity import Identity
from app.sandbox.labels import DEFAULT_TENANT_LABELS, RetentionLabels, is_label_route
from app.sandbox.limits import LimitConfig, TokenBucket, UserLimits
from app.sandbox.oauth import grant_scopes
from app.sandbox.state import SandboxState
from app.sandbox.statelock import StateLock
from app.sandbox.store import Store
from app.sandbox.upload_sessions import UploadSessions
from app.sandbox.users import DEFAULT_CLIENT_ID, SandboxUser, default_users

PORT_FILE = "port"
PAGE_PORT_FILE = "page-port"
LOG_LIMIT = 100_000  # entries; the oldest are dropped first


@dataclass
class SandboxConfig:
    """How a sandbox behaves; every field has a default fit for tests."""

    state_dir: Path
    port: int = 0  # 0: the port this state dir last used if free, else any free port
    tenant: str = "sandbox-tenant"
    client_id: str = DEFAULT_CLIENT_ID
    users: list[SandboxUser] = field(default_factory=default_users)
    token_lifetime_s: int = 3600
    session_idle_s: float = 900.0
    latency_ms: float = 0.0
    bandwidth_mbit: float = 0.0
    limits: bool = False
    limit_config: LimitConfig = field(default_factory=LimitConfig)
    faults: str = ""
    seed: int = 0
    quota_bytes: int = 1024**4
    device_interval_s: int = 5
    browser_pages_http: bool = True  # sign-in pages also on http://127.0.0.1 (see page_url)
    retention_labels: tuple[str, ...] = DEFAULT_TENANT_LABELS  # Purview labels it knows


class Sandbox:
    """One running stand-in: HTTPS server, identity, drives, faults, limits, hooks."""

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self.state_dir = Path(config.state_dir)
        self.tenant = config.tenant
        self.client_id = config.client_id
        self.users = list(config.users)
        self.faults = FaultInjector(config.seed, config.faults)
        self.bucket = TokenBucket(config.bandwidth_mbit) if config.bandwidth_mbit > 0 else None
        self.limits = UserLimits(config.limit_config) if config.limits else None
        self._server: SandboxHTTPServer | None = None
        self._page_server: SandboxHTTPServer | None = None
        self._page_thread: threading.Thread | None = None
        self.page_port = 0
        self._thread: threading.Thread | None = None
        # Bounded, so that a soak run cannot grow it without limit.
        self._log: deque[dict[str, Any]] = deque(maxlen=LOG_LIMIT)
        self._log_lock = threading.Lock()
        self.port = 0
        self.admin_key = ""
        self._state_lock = StateLock(self.state_dir)

    # -- lifecycle --------------------------------------------------------------------

    def start(self) -> Sandbox:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self._state_lock.acquire()
        try:
            return self._start()
        except BaseException:
            store: Store | None = getattr(self, "store", None)
            if store is not None:
                store.close()
            self._state_lock.release()
            raise

    def _start(self) -> Sandbox:
        certs = ensure_certificates(self.state_dir)
        self.ca_path = certs.ca
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(certs.server_cert, certs.server_key)
        self.store = Store(self.state_dir)
        now_iso = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        for user in self.users:
            self.store.ensure_drive(user.upn, now_iso)
        self.identity = Identity(
            self.state_dir,
            self.tenant,
            self.client_id,
            self.users,
            self.config.token_lifetime_s,
            self.config.device_interval_s,
        )
        limits = self.limits
        self.uploads = UploadSessions(
            self.store,
            self.config.quota_bytes,
            self.config.session_idle_s,
            limits.add_ingress if limits is not None else None,
        )
        self.graph = GraphApi(self.store, self.identity, self.uploads, self.config.quota_bytes)
        self.labels = RetentionLabels(self.store, self.state_dir, self.config.retention_labels)
        self.state = SandboxState(self)
        self._server = self._bind(context, PORT_FILE, self.config.port)
        self.port = self._server.server_address[1]
        (self.state_dir / PORT_FILE).write_text(str(self.port))
        if self.config.browser_pages_http:
            self._page_server = self._bind(None, PAGE_PORT_FILE, 0)
            self.page_port = self._page_server.server_address[1]
            (self.state_dir / PAGE_PORT_FILE).write_text(str(self.page_port))
            self.identity.set_page_base(self.page_url)
            self._page_thread = threading.Thread(
                target=self._page_server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"sandbox-pages-{self.page_port}",
                daemon=True,
            )
            self._page_thread.start()
        self.admin_key = admin.write_admin_file(self.state_dir, self.base_url)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"sandbox-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def _bind(self, context: ssl.SSLContext | None, port_file: str, port: int) -> SandboxHTTPServer:
        if port == 0:
            try:
                remembered = int((self.state_dir / port_file).read_text())
                return SandboxHTTPServer(("127.0.0.1", remembered), self, context)
            except (OSError, ValueError):
                pass
        return SandboxHTTPServer(("127.0.0.1", port), self, context)

    def stop(self) -> None:
        server = self._server
        if server is None:
            return
        self._server = None
        for running in (server, self._page_server):
            if running is not None:
                running.shutdown()
                running.drop_connections()
                running.server_close()
        self._page_server = None
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.store.close()
        self._state_lock.release()

    def __enter__(self) -> Sandbox:
        return self if self._server is not None else self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- addresses --------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def page_url(self) -> str:
        """Where a browser opens the sign-in and device-code pages.

        Plain HTTP on the loopback interface (like MSAL's own redirect listener), so that
        a real browser in training mode shows no certificate warning: browsers do not
        trust the sandbox's private CA. Only those pages are served there; tokens and
        Graph stay on HTTPS. With browser_pages_http off, the HTTPS address.
        """
        if self.page_port:
            return f"http://127.0.0.1:{self.page_port}"
        return self.base_url

    @property
    def authority(self) -> str:
        return f"{self.base_url}/{self.tenant}"

    @property
    def graph_url(self) -> str:
        return f"{self.base_url}/v1.0"

    # -- test hooks -------------------------------------------------------------------

    def issue_token(
        self, upn: str, scopes: list[str] | None = None, lifetime_s: int | None = None
    ) -> str:
        """An access token for tests that do not need an interactive sign-in."""
        # Normalised as the token endpoint would ("https://graph.microsoft.com/X" -> "X").
        granted = grant_scopes(" ".join(scopes)) if scopes else ["User.Read", "Files.ReadWrite"]
        return self.identity.access_token(upn, granted, self.base_url, lifetime_s)

    def sign_in_page_choose(self, url: str, upn: str, *, deliver: bool = True) -> dict[str, str]:
        """Act as the officer's browser: open the authorize URL, choose `upn`, and (with
        `deliver`) hand the reply to the app's loopback listener as a browser would (POST
        for response_mode=form_post, which MSAL uses; GET for query). Returns the reply's
        parameters (code, state, ...). Test helper; never used by the app.
        """
        import requests  # only this test helper needs an HTTP client

        ca = str(self.ca_path)
        page = requests.get(url, verify=ca, timeout=30)
        page.raise_for_status()
        flow = _hidden_fields(page.text).get("flow")
        if flow is None:
            raise RuntimeError(f"no sign-in form at {url.split('?', 1)[0]}")
        chosen = requests.post(
            url.split("?", 1)[0],
            data={"flow": flow, "upn": upn},
            verify=ca,
            allow_redirects=False,
            timeout=30,
        )
        if chosen.status_code == 302:
            target = str(chosen.headers["Location"])
            params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(target).query))
            if deliver:
                requests.get(target, timeout=30)
            return params
        if chosen.status_code != 200 or 'id="reply"' not in chosen.text:
            raise RuntimeError(f"sign-in page answered {chosen.status_code}")
        params = _hidden_fields(chosen.text)
        if deliver:
            action = html.unescape(re.search(r'action="([^"]*)"', chosen.text)[1])  # type: ignore[index]
            requests.post(action, data=params, timeout=30)
        return params

    def approve_device_code(self, user_code: str, upn: str) -> bool:
        return self.identity.approve_device_code(user_code, upn)

    def set_locked(self, upn: str, path: str, locked: bool = True) -> None:
        item = self.store.resolve(self.store.root(upn), path)
        if item is None:
            raise KeyError(path)
        with self.store.lock:
            item.locked = locked
            self.store.update_item(item)

    def record(self, entry: dict[str, Any]) -> None:
        with self._log_lock:
            self._log.append(entry)

    def request_log(self) -> list[dict[str, Any]]:
        with self._log_lock:
            return list(self._log)

    def reset_log(self) -> None:
        with self._log_lock:
            self._log.clear()

    # -- dispatch (called by the handler threads) ----------------------------------------

    def dispatch(self, request: Request, entry: dict[str, Any]) -> Response:
        if self.config.latency_ms > 0:
            time.sleep(self.config.latency_ms / 1000.0)
        path = request.path
        if path.startswith("/_admin/"):
            return admin.handle(self, request)
        if path.startswith("/v1.0/"):
            return self._graph(request, path[len("/v1.0") :], entry)
        if path.startswith("/upload/"):
            return self._upload(request, path[len("/upload/") :], entry)
        tenant, _, rest = path[1:].partition("/")
        if tenant in (self.tenant, self.identity.tenant_id, "organizations", "common"):
            fault = self.faults.decide("signin")
            if fault is not None and fault.kind in ("429", "503", "504"):
                entry["fault"] = fault.kind
                return fault_response(fault)
            return self.identity.handle(request, tenant, "/" + rest)
        raise ApiError(404, "itemNotFound", "Nothing is served at this address.")

    def dispatch_page(self, request: Request) -> Response:
        """The plain-HTTP listener: the browser pages and nothing else."""
        tenant, _, rest = request.path[1:].partition("/")
        known = tenant in (self.tenant, self.identity.tenant_id, "organizations", "common")
        if known and rest in ("oauth2/v2.0/authorize", "oauth2/deviceauth"):
            return self.identity.handle(request, tenant, "/" + rest)
        raise ApiError(404, "itemNotFound", "Only the sign-in pages are served here.")

    def _graph(self, request: Request, rest: str, entry: dict[str, Any]) -> Response:
        auth = self.graph.authenticate(request)
        entry["upn"] = auth[0].upn
        kind = _graph_kind(request.method, rest)
        fault = self.faults.decide(kind)
        if fault is not None and fault.kind in ("429", "503", "504", "401"):
            entry["fault"] = fault.kind
            return fault_response(fault)
        if fault is not None:
            entry["fault"] = fault.kind
        limit_headers = self._limit(auth[0].upn)
        if is_label_route(rest):
            response = self.labels.handle(request, rest, auth)
        else:
            response = self.graph.handle(request, rest, fault, auth)
        response.headers.update(limit_headers)
        return response

    def _upload(self, request: Request, session_id: str, entry: dict[str, Any]) -> Response:
        session = self.store.sessions.get(session_id)
        if session is not None:
            entry["upn"] = session.upn
        fault = self.faults.decide("upload" if request.method == "PUT" else "graph")
        if fault is not None:
            entry["fault"] = fault.kind
            if fault.kind in ("429", "503", "504", "401"):
                return fault_response(fault)
        limit_headers = self._limit(session.upn) if session is not None else {}
        response = self.uploads.handle(request, session_id, fault)
        response.headers.update(limit_headers)
        return response

    def _limit(self, upn: str) -> dict[str, str]:
        """RateLimit-* headers to add; raises 429 when the user's budget is spent."""
        if self.limits is None:
            return {}
        verdict = self.limits.check_request(upn)
        if verdict.allowed:
            return verdict.headers
        raise ApiError(
            429,
            "activityLimitReached",
            "The user has made too many requests; try again later.",
            headers={**verdict.headers, "Retry-After": str(verdict.retry_after)},
        )


def _hidden_fields(page: str) -> dict[str, str]:
    return {
        html.unescape(name): html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', page)
    }


def _graph_kind(method: str, rest: str) -> str:
    if rest.endswith("/createUploadSession"):
        return "session"
    if method == "PUT" and rest.endswith("/content"):
        return "content"
    if (
        method == "GET"
        and not rest.endswith(("/children", "/content"))
        and ("/items/" in rest or "/root:" in rest)
    ):
        return "item"
    return "graph"


def read_admin_file(state_dir: Path) -> dict[str, str]:
    """What an out-of-process test needs to reach a running sandbox's admin endpoint."""
    data = json.loads((Path(state_dir) / admin.ADMIN_FILE).read_text("utf-8"))
    assert isinstance(data, dict)
    return {str(k): str(v) for k, v in data.items()}


__all__ = ["Sandbox", "SandboxConfig", "SandboxUser", "read_admin_file"]
