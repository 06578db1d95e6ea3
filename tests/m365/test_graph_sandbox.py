"""GraphClient against the sandbox over HTTPS: trust, User-Agent, faults, OneDrive helpers."""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest
import requests

from app import __version__
from app.m365.config import M365Config, config_for_sandbox
from app.m365.errors import GraphError, NotFoundError, ThrottledError
from app.m365.graph import GraphClient, RetryPolicy, graph_client
from app.m365.http import VerifiedSession
from app.sandbox.server import Sandbox
from app.settings import Settings

FAST = RetryPolicy(max_attempts=4, backoff_base_s=0.01, backoff_max_s=0.05, max_retry_after_s=2)


class Tokens:
    """Tokens issued by the sandbox's test hook (sign-in itself is tested elsewhere)."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.calls: list[bool] = []

    def __call__(self, force_refresh: bool) -> str:
        self.calls.append(force_refresh)
        return self.sandbox.issue_token(self.sandbox.users[0].upn)


def make_client(sandbox: Sandbox, **kwargs: Any) -> tuple[GraphClient, Tokens, list[float]]:
    tokens = Tokens(sandbox)
    throttles: list[float] = []
    kwargs.setdefault("retry", FAST)
    settings = Settings()
    graph = graph_client(
        config_for_sandbox(sandbox, settings), tokens, on_throttle=throttles.append, **kwargs
    )
    return graph, tokens, throttles


def graph_requests(sandbox: Sandbox) -> list[dict[str, Any]]:
    return [e for e in sandbox.request_log() if str(e["path"]).startswith("/v1.0/")]


def test_https_with_sandbox_ca_despite_environment_bundle(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The machines set REQUESTS_CA_BUNDLE to the system bundle, which does not contain
    # the sandbox's CA: our explicit verify= must win.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    graph, _, _ = make_client(sandbox)
    assert graph.me()["userPrincipalName"] == sandbox.users[0].upn
    agent = graph_requests(sandbox)[-1]["headers"]["User-Agent"]
    assert agent == f"NONISV|Police Service|MigrationAssistant/{__version__}"


def test_untrusted_certificate_fails_once_without_retries(sandbox: Sandbox) -> None:
    graph = GraphClient(
        sandbox.graph_url, Tokens(sandbox), session_factory=VerifiedSession, retry=FAST
    )  # the OS store: it does not trust the sandbox's CA
    with pytest.raises(GraphError) as caught:
        graph.me()
    assert caught.value.title == "Secure connection failed"
    assert graph_requests(sandbox) == []  # the handshake failed before any request


def test_retry_after_seconds_from_sandbox(sandbox: Sandbox) -> None:
    sandbox.faults.script(["429:1@graph"])
    graph, _, throttles = make_client(sandbox)
    assert graph.drive()["quota"]["remaining"] > 0
    assert throttles == [1.0]
    log = graph_requests(sandbox)
    assert [e["status"] for e in log] == [429, 200]
    assert log[1]["time"] - log[0]["time"] >= 0.9


def test_503_and_504_back_off_then_succeed(sandbox: Sandbox) -> None:
    sandbox.faults.script(["504@graph", "503:noretry@graph", "504@graph"])
    graph, _, throttles = make_client(sandbox)
    assert graph.me()["id"]
    assert [e["status"] for e in graph_requests(sandbox)] == [504, 503, 504, 200]
    assert len(throttles) == 1  # the 503 (throttling); a 504 is a plain server error


def test_throttling_that_never_clears_is_a_typed_error(sandbox: Sandbox) -> None:
    sandbox.faults.script(["429:0@graph"] * 4)
    graph, _, throttles = make_client(sandbox)
    with pytest.raises(ThrottledError) as caught:
        graph.me()
    assert caught.value.status == 429 and caught.value.request_id
    assert len(throttles) == 4


def test_401_gets_one_new_token(sandbox: Sandbox) -> None:
    sandbox.faults.script(["401@graph"])
    graph, tokens, _ = make_client(sandbox)
    assert graph.me()["id"]
    assert tokens.calls == [False, True]
    assert [e["status"] for e in graph_requests(sandbox)] == [401, 200]


def test_item_by_path_children_and_paging(sandbox: Sandbox) -> None:
    graph, _, _ = make_client(sandbox)
    assert graph.item_by_path("H drive/nothing here") is None
    folder = graph.ensure_folder("H drive/Case #12 & 50% done")
    for index in range(5):
        graph.ensure_folder(f"H drive/Case #12 & 50% done/sub {index}")
    found = graph.item_by_path("H drive/Case #12 & 50% done")
    assert found is not None and found["id"] == folder["id"]
    names = [child["name"] for child in graph.children("H drive/Case #12 & 50% done", page_size=2)]
    assert sorted(names) == [f"sub {index}" for index in range(5)]
    pages = [
        e
        for e in graph_requests(sandbox)
        if e["method"] == "GET" and e["path"].endswith("/children")
    ]
    assert len(pages) == 3


def test_ensure_folder_creates_each_level_once(sandbox: Sandbox) -> None:
    graph, _, _ = make_client(sandbox)
    graph.ensure_folder("H drive/a/b/c")
    graph.ensure_folder("H drive/a/b/c")
    graph.ensure_folder("h drive/A/b")  # OneDrive names are case-insensitive
    posts = [e for e in graph_requests(sandbox) if e["method"] == "POST"]
    assert len(posts) == 4
    tree = {entry["path"] for entry in sandbox.state.tree(sandbox.users[0].upn)}
    assert {"/H drive", "/H drive/a", "/H drive/a/b", "/H drive/a/b/c"} <= {
        "/" + p.lstrip("/") for p in tree
    }


def test_concurrent_creates_resolve_the_conflict(sandbox: Sandbox) -> None:
    # Two separate clients (two app instances) race to create the same folders.
    clients = [make_client(sandbox)[0] for _ in range(4)]
    results: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(clients))

    def create(graph: GraphClient) -> None:
        try:
            barrier.wait()
            results.append(graph.ensure_folder("H drive/shared/deeper")["id"])
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=create, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(set(results)) == 1


def test_delete_item(sandbox: Sandbox) -> None:
    graph, _, _ = make_client(sandbox)
    item = graph.ensure_folder("H drive/to remove")
    assert graph.delete_item(item["id"]) is True
    assert graph.item_by_path("H drive/to remove") is None
    assert graph.delete_item(item["id"]) is False


def test_not_found_is_typed_with_request_id(sandbox: Sandbox) -> None:
    graph, _, _ = make_client(sandbox)
    with pytest.raises(NotFoundError) as caught:
        graph.request("GET", "me/drive/items/does-not-exist")
    assert caught.value.code == "itemNotFound" and caught.value.request_id
    assert caught.value.message == "OneDrive could not find the file or folder it was asked about."


def test_config_for_sandbox_trusts_only_its_ca(sandbox: Sandbox) -> None:
    config: M365Config = config_for_sandbox(sandbox)
    assert config.ca_bundle == sandbox.ca_path and not config.instance_discovery
    assert not config.use_broker and config.cache_file_name != "token-cache.bin"
    session = VerifiedSession(ca_bundle=config.ca_bundle)
    assert session.get(f"{sandbox.graph_url}/me").status_code == 401
    with pytest.raises(requests.exceptions.SSLError):
        VerifiedSession().get(f"{sandbox.graph_url}/me")


@pytest.mark.skipif(sys.platform != "linux", reason="SSL_CERT_FILE moves the store on Linux")
def test_production_trust_is_the_operating_system_store(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # truststore on Linux reads the OS store through OpenSSL's default paths, which
    # SSL_CERT_FILE moves: pointing it at the sandbox's CA stands in for IT installing a
    # (TLS-inspecting proxy's) root in the machine's store. REQUESTS_CA_BUNDLE, pointing
    # at a bundle without that root, must not get in the way.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    with pytest.raises(requests.exceptions.SSLError):
        VerifiedSession().get(f"{sandbox.graph_url}/me")
    monkeypatch.setenv("SSL_CERT_FILE", str(sandbox.ca_path))
    assert VerifiedSession().get(f"{sandbox.graph_url}/me").status_code == 401
