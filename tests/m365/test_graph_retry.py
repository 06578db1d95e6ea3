"""GraphClient.request against a small scripted HTTP server: exact control of each answer.

The sandbox tests (test_graph_sandbox.py) cover the same behaviour over HTTPS with the
sandbox's fault injection; this file adds what the sandbox cannot script: a Retry-After
given as an HTTP date, refused connections, exact attempt counts and the log's content.
"""

from __future__ import annotations

import email.utils
import json
import logging
import threading
import time
from collections import deque
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests

from app.core.errors import CancelledError
from app.m365.errors import (
    ConflictError,
    GraphError,
    NotFoundError,
    OfflineError,
    QuotaExceededError,
    ThrottledError,
)
from app.m365.graph import GraphClient, RetryPolicy

Answer = tuple[int, dict[str, str], Any]


class Scripted(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answers: deque[Answer] = deque()
        self.seen: list[dict[str, Any]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1.0"


class _Handler(BaseHTTPRequestHandler):
    server: Scripted

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.server.seen.append(
            {
                "method": self.command,
                "path": self.path,
                "headers": dict(self.headers),
                "at": time.monotonic(),
            }
        )
        status, headers, body = (
            self.server.answers.popleft() if self.server.answers else (200, {}, {})
        )
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        for name, value in {"Content-Type": "application/json", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[Scripted]:
    httpd = Scripted()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


class Tokens:
    def __init__(self) -> None:
        self.calls: list[bool] = []

    def __call__(self, force_refresh: bool) -> str:
        self.calls.append(force_refresh)
        return f"token-{len(self.calls)}"


FAST = RetryPolicy(max_attempts=4, backoff_base_s=0.01, backoff_max_s=0.05, max_retry_after_s=5)


def client(server: Scripted, **kwargs: Any) -> tuple[GraphClient, Tokens, list[float]]:
    tokens = Tokens()
    throttles: list[float] = []
    kwargs.setdefault("retry", FAST)
    graph = GraphClient(
        server.url,
        tokens,
        session_factory=requests.Session,
        on_throttle=throttles.append,
        seed=1,
        **kwargs,
    )
    return graph, tokens, throttles


def graph_error(code: str, message: str = "server words") -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "innerError": {"request-id": "rid-1"}}}


def test_retry_after_http_date_is_honoured(server: Scripted) -> None:
    when = email.utils.formatdate(time.time() + 2, usegmt=True)
    server.answers.append((429, {"Retry-After": when}, graph_error("activityLimitReached")))
    graph, _, throttles = client(server)
    assert graph.request("GET", "me").status_code == 200
    assert len(server.seen) == 2
    assert len(throttles) == 1 and 0.5 < throttles[0] <= 2.0
    waited = server.seen[1]["at"] - server.seen[0]["at"]
    assert waited >= throttles[0] - 0.05


def test_retry_after_seconds_and_throttle_callback(server: Scripted) -> None:
    server.answers.extend([(503, {"Retry-After": "0"}, None), (429, {"Retry-After": "0"}, None)])
    graph, _, throttles = client(server)
    assert graph.request("GET", "me").status_code == 200
    assert throttles == [0.0, 0.0]


def test_5xx_backs_off_then_succeeds(server: Scripted) -> None:
    server.answers.extend([(500, {}, None), (502, {}, None), (504, {}, None)])
    graph, _, throttles = client(server)
    assert graph.request("GET", "me").status_code == 200
    assert len(server.seen) == 4
    assert throttles == []  # only 429/503 count as throttling


def test_backoff_grows_with_jitter_and_is_bounded() -> None:
    graph = GraphClient(
        "https://g.example/v1.0",
        Tokens(),
        session_factory=requests.Session,
        retry=RetryPolicy(backoff_base_s=1, backoff_max_s=8),
        seed=3,
    )
    delays = [graph.backoff(attempt) for attempt in range(1, 7)]
    for attempt, delay in enumerate(delays, start=1):
        ceiling = min(8, 2 ** (attempt - 1))
        assert ceiling / 2 <= delay <= ceiling
    assert len(set(delays)) == len(delays)


def test_persistent_throttling_gives_up_with_typed_error(server: Scripted) -> None:
    server.answers.extend([(503, {"Retry-After": "0"}, graph_error("serviceNotAvailable"))] * 4)
    graph, _, throttles = client(server)
    with pytest.raises(ThrottledError) as caught:
        graph.request("GET", "me")
    assert len(server.seen) == 4 and len(throttles) == 4
    assert caught.value.status == 503 and caught.value.request_id == "rid-1"
    assert "server words" not in caught.value.message


def test_401_gets_a_new_token_once(server: Scripted) -> None:
    server.answers.append((401, {}, graph_error("InvalidAuthenticationToken")))
    graph, tokens, _ = client(server)
    assert graph.request("GET", "me").status_code == 200
    assert tokens.calls == [False, True]
    assert server.seen[1]["headers"]["Authorization"] == "Bearer token-2"


def test_second_401_is_an_error(server: Scripted) -> None:
    server.answers.extend([(401, {}, graph_error("InvalidAuthenticationToken"))] * 2)
    graph, tokens, _ = client(server)
    with pytest.raises(GraphError) as caught:
        graph.request("GET", "me")
    assert caught.value.status == 401 and tokens.calls == [False, True]


@pytest.mark.parametrize(
    ("status", "code", "kind"),
    [
        (404, "itemNotFound", NotFoundError),
        (409, "nameAlreadyExists", ConflictError),
        (507, "quotaLimitReached", QuotaExceededError),
        (400, "weirdNewCode", GraphError),
    ],
)
def test_errors_are_typed(server: Scripted, status: int, code: str, kind: type) -> None:
    server.answers.append((status, {"request-id": "hdr-rid"}, graph_error(code)))
    graph, _, _ = client(server)
    with pytest.raises(kind) as caught:
        graph.request("GET", "me/drive/root:/x")
    error = caught.value
    assert (error.status, error.request_id) == (status, "hdr-rid")
    assert error.title and error.message and error.action
    assert "me/drive/root:/x" in error.detail
    assert len(server.seen) == 1  # client errors are not retried


def test_connection_refused_is_offline_after_bounded_attempts() -> None:
    with ThreadingHTTPServer(("127.0.0.1", 0), _Handler) as probe:
        port = probe.server_address[1]
    graph = GraphClient(
        f"http://127.0.0.1:{port}/v1.0", Tokens(), session_factory=requests.Session, retry=FAST
    )
    started = time.monotonic()
    with pytest.raises(OfflineError):
        graph.request("GET", "me")
    assert time.monotonic() - started < 5


def test_stop_interrupts_a_long_wait(server: Scripted) -> None:
    server.answers.append((429, {"Retry-After": "60"}, None))
    stop = threading.Event()
    graph, _, throttles = client(server, stop=stop)
    threading.Timer(0.2, stop.set).start()
    started = time.monotonic()
    with pytest.raises(CancelledError):
        graph.request("GET", "me")
    assert time.monotonic() - started < 3
    assert throttles == [60.0]


def test_per_call_stop_is_respected(server: Scripted) -> None:
    server.answers.append((503, {"Retry-After": "60"}, None))
    graph, _, _ = client(server)
    stop = threading.Event()
    threading.Timer(0.2, stop.set).start()
    with pytest.raises(CancelledError):
        graph.request("GET", "me", stop=stop)


def test_token_never_sent_elsewhere_and_not_to_upload_urls(server: Scripted) -> None:
    graph, tokens, _ = client(server)
    with pytest.raises(ValueError):
        graph.request("GET", "https://elsewhere.example/steal")
    upload = server.url.replace("/v1.0", "/upload/abc?tempauth=x")
    graph.request("PUT", upload, data=b"12345", authenticated=False)
    assert "Authorization" not in server.seen[-1]["headers"]
    assert tokens.calls == []


def test_log_has_no_query_string_or_token(
    server: Scripted, caplog: pytest.LogCaptureFixture
) -> None:
    server.answers.extend([(503, {"Retry-After": "0"}, None), (404, {}, graph_error("x"))])
    graph, _, _ = client(server)
    upload = server.url.replace("/v1.0", "/upload/abc?tempauth=SECRET-QUERY")
    with caplog.at_level(logging.DEBUG, logger="app"), pytest.raises(NotFoundError):
        graph.request("PUT", upload, data=b"1", authenticated=False)
    with caplog.at_level(logging.DEBUG, logger="app"):
        graph.request("GET", "me")
    assert "/upload/abc" in caplog.text
    assert "SECRET-QUERY" not in caplog.text and "token-" not in caplog.text


def test_children_follow_next_link_and_sessions_are_per_thread(server: Scripted) -> None:
    second = f"{server.url}/me/drive/items/1/children?$skiptoken=2"
    server.answers.extend(
        [
            (200, {}, {"value": [{"name": "a"}, {"name": "b"}], "@odata.nextLink": second}),
            (200, {}, {"value": [{"name": "c"}]}),
        ]
    )
    graph, _, _ = client(server)
    assert [c["name"] for c in graph.children("H drive/sub dir")] == ["a", "b", "c"]
    assert server.seen[0]["path"].startswith("/v1.0/me/drive/root:/H%20drive/sub%20dir:/children")
    assert server.seen[1]["path"].endswith("$skiptoken=2")
    sessions: list[requests.Session] = []
    worker = threading.Thread(target=lambda: sessions.append(graph.session()))
    worker.start()
    worker.join()
    assert sessions[0] is not graph.session()
    graph.close()
