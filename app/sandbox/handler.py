"""The HTTP side: a threaded HTTPS server and the request handler that dispatches.

Per request: added latency, then the fault injector, then the per-user limits, then the
identity or Graph handler. Bodies stream through the bandwidth cap. The request log
records method, path (never the query: upload URLs carry a credential), status and a few
headers of interest, never a token.
"""

from __future__ import annotations

import contextlib
import http.server
import logging
import shutil
import socket
import ssl
import struct
import sys
import threading
import time
import urllib.parse
import uuid
from typing import TYPE_CHECKING, Any

from app.sandbox.apierror import ApiError
from app.sandbox.faults import Fault
from app.sandbox.httpio import BodyReader, ClientGone, Request, Response

if TYPE_CHECKING:
    from app.sandbox.server import Sandbox

log = logging.getLogger(__name__)

LOGGED_REQUEST_HEADERS = (
    "Content-Range",
    "Content-Length",
    "User-Agent",
    "client-request-id",
    "If-Match",
)
LOGGED_RESPONSE_HEADERS = ("Retry-After", "RateLimit-Remaining", "Location")
DRAIN_LIMIT = 1 << 20  # unread bodies up to this are drained to keep the connection


class SandboxHTTPServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # On Windows SO_REUSEADDR would let a second server bind the same port silently.
    allow_reuse_address = sys.platform != "win32"
    request_queue_size = 64

    def __init__(
        self, address: tuple[str, int], sandbox: Sandbox, context: ssl.SSLContext | None
    ) -> None:
        """`context` None: plain HTTP, for the browser pages only (see Sandbox.page_url)."""
        self.sandbox = sandbox
        self.context = context
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, SandboxHandler)

    def get_request(self) -> tuple[Any, Any]:
        raw, address = self.socket.accept()
        # Headers and body go out in separate writes: without NODELAY, Nagle and the
        # client's delayed ACK add ~40 ms to every answer.
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # The TLS handshake happens in the connection's own thread (see `setup`), so a
        # slow client cannot hold up the accept loop.
        wrapped = (
            self.context.wrap_socket(raw, server_side=True, do_handshake_on_connect=False)
            if self.context is not None
            else raw
        )
        with self.connections_lock:
            self.connections.add(wrapped)
        return wrapped, address

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def drop_connections(self) -> None:
        with self.connections_lock:
            connections = list(self.connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("sandbox connection error from %s", client_address, exc_info=True)


class SandboxHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "MigrationAssistantSandbox/1"
    timeout = 300  # an idle keep-alive connection is closed after this
    server: SandboxHTTPServer

    def setup(self) -> None:
        super().setup()
        if not isinstance(self.connection, ssl.SSLSocket):
            return
        try:
            self.connection.do_handshake()
        except (ssl.SSLError, OSError):
            self.close_connection = True
            raise

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("sandbox: " + format, *args)

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def _serve(self) -> None:
        sandbox = self.server.sandbox
        started = time.monotonic()
        split = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(split.query, keep_blank_values=True))
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        bucket = sandbox.bucket
        body = BodyReader(self.rfile, max(0, length), bucket.take if bucket is not None else None)
        request = Request(
            self.command,
            split.path,
            query,
            self.headers,
            body,
            sandbox.base_url if self.server.context is not None else sandbox.page_url,
        )
        request_id = str(uuid.uuid4())
        entry: dict[str, Any] = {
            "time": time.time(),
            "method": self.command,
            "path": split.path,
            "upn": "",
            "fault": "",
        }
        try:
            if length < 0:
                raise ApiError(400, "invalidRequest", "Invalid Content-Length.")
            if self.server.context is None:
                response = sandbox.dispatch_page(request)
            else:
                response = sandbox.dispatch(request, entry)
        except ClientGone:
            self.close_connection = True
            entry["status"] = 0
            entry["fault"] = entry["fault"] or "client-gone"
            sandbox.record(entry)
            return
        except ApiError as error:
            response = error_response(error, request_id, request.header("client-request-id"))
        except Exception:
            log.exception("sandbox: unexpected error for %s %s", self.command, split.path)
            response = error_response(
                ApiError(500, "generalException", "An unexpected error occurred."),
                request_id,
                request.header("client-request-id"),
            )
        entry["fault"] = entry["fault"] or response.note
        if response.reset:
            entry["status"] = 0
            sandbox.record(entry)
            self._reset()
            return
        if body.remaining:
            if body.remaining <= DRAIN_LIMIT:
                try:
                    body.drain()
                except ClientGone:
                    response.close = True
            else:
                response.close = True
        entry["status"] = response.status
        entry["headers"] = {
            h: self.headers[h] for h in LOGGED_REQUEST_HEADERS if self.headers.get(h)
        }
        entry["headers"].update(
            {
                h: response.headers[h]
                for h in LOGGED_RESPONSE_HEADERS
                if h in response.headers and h != "Location"
            }
        )
        entry["authorization"] = "present" if self.headers.get("Authorization") else "absent"
        entry["elapsed_ms"] = round((time.monotonic() - started) * 1000, 1)
        sandbox.record(entry)
        self._send(response, request_id, request.header("client-request-id"))

    def _send(self, response: Response, request_id: str, client_request_id: str) -> None:
        self.send_response(response.status)
        size = response.file.stat().st_size if response.file is not None else len(response.body)
        if response.content_type:
            self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(size))
        self.send_header("request-id", request_id)
        if client_request_id:
            self.send_header("client-request-id", client_request_id)
        for name, value in response.headers.items():
            self.send_header(name, value)
        if response.close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command == "HEAD":
            return
        if response.file is not None:
            with open(response.file, "rb") as source:
                shutil.copyfileobj(source, self.wfile, 1 << 20)
        elif response.body:
            self.wfile.write(response.body)

    def _reset(self) -> None:
        """Drop the connection with a TCP RST, as a broken network would."""
        self.close_connection = True
        try:
            # struct linger: two ints on POSIX, two unsigned shorts on Windows.
            linger = struct.pack("HH" if sys.platform == "win32" else "ii", 1, 0)
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
            # Close the raw socket under the TLS layer so no close_notify is sent.
            raw = socket.socket(fileno=self.connection.detach())
            raw.close()
        except OSError:
            pass


def error_response(error: ApiError, request_id: str, client_request_id: str) -> Response:
    inner: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()),
        "request-id": request_id,
        "client-request-id": client_request_id or request_id,
    }
    if error.inner_code:
        inner["code"] = error.inner_code
    body: dict[str, Any] = {
        "error": {"code": error.code, "message": error.message, "innerError": inner}
    }
    body.update(error.extra)
    response = Response.json(error.status, body, error.headers)
    return response


def fault_response(fault: Fault) -> Response:
    """The answer for a fault that replaces the whole request."""
    headers: dict[str, str] = {}
    if fault.kind == "429":
        if fault.retry_after is not None:
            headers["Retry-After"] = str(fault.retry_after)
        error = ApiError(
            429, "activityLimitReached", "The request has been throttled.", headers=headers
        )
    elif fault.kind in ("503", "504"):
        if fault.retry_after is not None and fault.kind == "503":
            headers["Retry-After"] = str(fault.retry_after)
        error = ApiError(
            int(fault.kind),
            "serviceNotAvailable" if fault.kind == "503" else "gatewayTimeout",
            "The service is temporarily unavailable.",
            headers=headers,
        )
    else:  # "401": the token is treated as expired
        error = ApiError(
            401,
            "InvalidAuthenticationToken",
            "Lifetime validation failed, the token is expired.",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    response = error_response(error, str(uuid.uuid4()), "")
    response.note = f"fault:{fault.kind}"
    return response
