"""Fault injection: each kind as documented, scripts, and the same seed giving the same
sequence of faults."""

from __future__ import annotations

import random

import pytest
import requests
from graph_client import FRAG, Client

from app.core.errors import BadInputError
from app.core.quickxorhash import QuickXorHash
from app.sandbox.faults import FaultInjector, parse_spec
from app.sandbox.server import Sandbox


@pytest.fixture
def client(sandbox: Sandbox) -> Client:
    return Client(sandbox)


def test_throttling_and_server_errors(sandbox: Sandbox, client: Client) -> None:
    sandbox.faults.script(["429:7", "429:noretry", "503", "504"])
    first = client.get("/me/drive")
    assert first.status_code == 429 and first.headers["Retry-After"] == "7"
    assert first.json()["error"]["code"] == "activityLimitReached"
    second = client.get("/me/drive")
    assert second.status_code == 429 and "Retry-After" not in second.headers
    assert client.get("/me/drive").status_code == 503
    assert client.get("/me/drive").status_code == 504
    assert client.get("/me/drive").status_code == 200
    faults = [e["fault"] for e in sandbox.state.request_log()]
    assert faults == ["429", "429", "503", "504", ""]


def test_signin_is_left_alone_unless_asked(sandbox: Sandbox) -> None:
    sandbox.faults.set("rate=1,kinds=503")
    discovery = f"{sandbox.authority}/v2.0/.well-known/openid-configuration"
    assert requests.get(discovery, verify=str(sandbox.ca_path), timeout=10).status_code == 200
    sandbox.faults.set("rate=1,kinds=503,signin=1")
    assert requests.get(discovery, verify=str(sandbox.ca_path), timeout=10).status_code == 503


def test_reset_mid_fragment_then_resend(sandbox: Sandbox, client: Client) -> None:
    data = random.Random(5).randbytes(2 * FRAG)
    url = client.session("reset.bin").json()["uploadUrl"]
    sandbox.faults.script(["reset"])
    with pytest.raises(requests.exceptions.ConnectionError):
        client.fragment(url, data[:FRAG], 0, len(data))
    status = client.call("GET", url, auth=False).json()
    assert status["nextExpectedRanges"] == ["0-"]  # nothing of the broken fragment counts
    assert client.fragment(url, data[:FRAG], 0, len(data)).status_code == 202
    done = client.fragment(url, data[FRAG:], FRAG, len(data))
    assert done.status_code == 201
    assert sandbox.state.read_file(client.upn, "reset.bin") == data


def test_stored_but_answered_503(sandbox: Sandbox, client: Client) -> None:
    data = random.Random(6).randbytes(2 * FRAG)
    url = client.session("s503.bin").json()["uploadUrl"]
    sandbox.faults.script(["stored503"])
    assert client.fragment(url, data[:FRAG], 0, len(data)).status_code == 503
    status = client.call("GET", url, auth=False).json()
    assert status["nextExpectedRanges"] == [f"{FRAG}-"]  # the bytes were kept
    assert client.fragment(url, data[:FRAG], 0, len(data)).status_code == 416


def test_session_expires_early(sandbox: Sandbox, client: Client) -> None:
    url = client.session("exp.bin").json()["uploadUrl"]
    sandbox.faults.script(["expire"])
    r = client.fragment(url, b"x" * FRAG, 0, 2 * FRAG)
    assert r.status_code == 404 and r.json()["error"]["code"] == "itemNotFound"
    assert sandbox.state.open_sessions() == []


def test_token_treated_as_expired(sandbox: Sandbox, client: Client) -> None:
    sandbox.faults.script(["401"])
    r = client.get("/me")
    assert r.status_code == 401 and "WWW-Authenticate" in r.headers
    assert client.get("/me").status_code == 200


def test_item_changed_on_server(sandbox: Sandbox, client: Client) -> None:
    before = client.put("/me/drive/root:/c.txt:/content", data=b"v1").json()
    sandbox.faults.script(["changed"])
    after = client.get("/me/drive/root:/c.txt").json()
    assert after["eTag"] != before["eTag"]
    sandbox.state.change_item(client.upn, "c.txt", b"someone else's")
    changed = client.get(f"/me/drive/items/{before['id']}").json()
    assert changed["size"] == len(b"someone else's")
    assert changed["file"]["hashes"]["quickXorHash"] != before["file"]["hashes"]["quickXorHash"]


def _statuses(sb: Sandbox, n: int = 40) -> list[int]:
    client = Client(sb)
    return [client.get("/me/drive").status_code for _ in range(n)]


def test_same_seed_same_faults(make_sandbox) -> None:  # type: ignore[no-untyped-def]
    spec = "rate=0.3,kinds=429|503|504"
    a = _statuses(make_sandbox(faults=spec, seed=11))
    b = _statuses(make_sandbox(faults=spec, seed=11))
    c = _statuses(make_sandbox(faults=spec, seed=12))
    assert a == b
    assert a != c
    assert {429, 503, 504} & set(a) and 200 in a


def test_injector_sequence_is_seeded() -> None:
    kinds = ["upload", "graph", "item", "session", "content"] * 40
    one, two = (
        FaultInjector(3, "rate=0.2,kinds=429|reset|stored503|expire|changed"),
        FaultInjector(3, "rate=0.2,kinds=429|reset|stored503|expire|changed"),
    )
    first = [f.kind if (f := one.decide(k)) else "" for k in kinds]
    second = [f.kind if (f := two.decide(k)) else "" for k in kinds]
    assert first == second and any(first)
    # Upload-only faults never hit other requests.
    for kind, fault in zip(kinds, first, strict=True):
        if fault in ("reset", "stored503", "expire"):
            assert kind == "upload"


@pytest.mark.parametrize(
    "spec", ["rate=2", "kinds=teapot", "rate", "seed=x", "colour=red", "kinds=429@nowhere"]
)
def test_bad_specs_are_user_errors(spec: str) -> None:
    with pytest.raises(BadInputError):
        parse_spec(spec)


def test_corrupted_upload_reports_the_hash_of_what_was_stored(
    sandbox: Sandbox, client: Client
) -> None:
    data = random.Random(8).randbytes(2 * FRAG)
    url = client.session("bad.bin").json()["uploadUrl"]
    sandbox.faults.script(["corrupt"])
    assert client.fragment(url, data[:FRAG], 0, len(data)).status_code == 202
    done = client.fragment(url, data[FRAG:], FRAG, len(data)).json()
    stored = sandbox.state.read_file(client.upn, "bad.bin")
    assert stored != data and len(stored) == len(data)
    assert done["file"]["hashes"]["quickXorHash"] == QuickXorHash(stored).b64digest()
    assert done["file"]["hashes"]["quickXorHash"] != QuickXorHash(data).b64digest()


def test_graph_target_waits_for_a_request_it_can_disturb(sandbox: Sandbox, client: Client) -> None:
    url = client.session("wait.bin").json()["uploadUrl"]
    sandbox.faults.script(["401@graph", "changed@graph"])
    assert client.fragment(url, b"x" * FRAG, 0, 2 * FRAG).status_code == 202  # not eaten
    assert client.get("/me").status_code == 401
    assert sandbox.faults.pending_script == 1  # 'changed' still waits for an item GET
