"""Upload sessions against the documented behaviour: ranges, 416, 320 KiB rule, expiry,
deferCommit, conflicts with open sessions, and resuming across a sandbox restart."""

from __future__ import annotations

import base64
import http.client
import json
import random
import ssl
import time
import urllib.parse

import pytest
import quickxorhash
from graph_client import FRAG, Client

from app.core.quickxorhash import QuickXorHash
from app.sandbox.server import Sandbox

TIMES = {"createdDateTime": "2019-03-04T05:06:07Z", "lastModifiedDateTime": "2020-08-09T10:11:12Z"}


def payload(size: int, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(size)


@pytest.fixture
def client(sandbox: Sandbox) -> Client:
    return Client(sandbox)


def test_upload_keeps_timestamps_and_hash(sandbox: Sandbox, client: Client) -> None:
    data = payload(3 * FRAG + 12345)
    r = client.upload(
        "H drive/Reports/big.bin",
        data,
        **{"@microsoft.graph.conflictBehavior": "fail", "fileSystemInfo": TIMES},
    )
    assert r.status_code == 201, r.text
    item = r.json()
    assert item["size"] == len(data)
    assert item["fileSystemInfo"] == TIMES
    reference = quickxorhash.quickxorhash()
    reference.update(data)
    assert item["file"]["hashes"]["quickXorHash"] == base64.b64encode(reference.digest()).decode()
    stored = sandbox.state.files(client.upn)["H drive/Reports/big.bin"]
    assert stored["quickXorHash"] == QuickXorHash(data).b64digest()
    assert stored["lastModifiedDateTime"] == TIMES["lastModifiedDateTime"]
    assert sandbox.state.read_file(client.upn, "H drive/Reports/big.bin") == data
    assert sandbox.state.open_sessions(client.upn) == []


def test_ranges_status_and_416(client: Client) -> None:
    data = payload(2 * FRAG + 10)
    url = client.session("r.bin").json()["uploadUrl"]
    first = client.fragment(url, data[:FRAG], 0, len(data))
    assert first.status_code == 202
    assert first.json()["nextExpectedRanges"] == [f"{FRAG}-"]
    again = client.fragment(url, data[:FRAG], 0, len(data))
    assert again.status_code == 416
    assert again.json()["error"]["code"] == "invalidRange"
    status = client.call("GET", url, auth=False).json()
    assert status["nextExpectedRanges"] == [f"{FRAG}-"] and "expirationDateTime" in status
    gap = client.fragment(url, data[2 * FRAG :], 2 * FRAG, len(data))
    assert gap.status_code == 416
    assert client.fragment(url, data[FRAG : 2 * FRAG], FRAG, len(data)).status_code == 202
    done = client.fragment(url, data[2 * FRAG :], 2 * FRAG, len(data))
    assert done.status_code == 201 and done.json()["size"] == len(data)


def test_fragment_rules(client: Client) -> None:
    data = payload(FRAG * 2)
    url = client.session("f.bin").json()["uploadUrl"]
    odd = client.fragment(url, data[:1000], 0, len(data))
    assert odd.status_code == 400 and odd.json()["error"]["code"] == "invalidRange"
    with_auth = client.call(
        "PUT", url, data=data[:FRAG], headers={"Content-Range": f"bytes 0-{FRAG - 1}/{len(data)}"}
    )
    assert with_auth.status_code == 401  # the upload URL carries its own credential
    bad_range = client.call(
        "PUT", url, auth=False, data=data[:FRAG], headers={"Content-Range": "bytes 0-5/10"}
    )
    assert bad_range.status_code == 400
    assert client.fragment(url, data[:FRAG], 0, len(data)).status_code == 202
    assert client.fragment(url, data[FRAG:], FRAG, len(data)).status_code == 201


def test_cancel_and_unknown_session(client: Client) -> None:
    url = client.session("c.bin").json()["uploadUrl"]
    assert client.call("DELETE", url, auth=False).status_code == 204
    gone = client.call("GET", url, auth=False)
    assert gone.status_code == 404 and gone.json()["error"]["code"] == "itemNotFound"
    forged = url.rsplit("token=", 1)[0] + "token=guess"
    assert client.call("GET", forged, auth=False).status_code == 404


def test_idle_expiry_and_extension(make_sandbox) -> None:  # type: ignore[no-untyped-def]
    sb = make_sandbox(session_idle_s=0.6)
    client = Client(sb)
    data = payload(2 * FRAG)
    created = client.session("e.bin").json()
    url = created["uploadUrl"]
    first = client.fragment(url, data[:FRAG], 0, len(data))
    assert first.json()["expirationDateTime"] >= created["expirationDateTime"]
    deadline = time.monotonic() + 10
    while client.call("GET", url, auth=False).status_code != 404:  # wait for idle expiry
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert client.fragment(url, data[FRAG:], FRAG, len(data)).status_code == 404
    assert sb.state.open_sessions() == []


def test_defer_commit(sandbox: Sandbox, client: Client) -> None:
    data = payload(FRAG + 5)
    r = client.post(
        "/me/drive/root:/later.bin:/createUploadSession",
        json={"item": {"fileSystemInfo": TIMES}, "deferCommit": True},
    )
    url = r.json()["uploadUrl"]
    assert client.fragment(url, data[:FRAG], 0, len(data)).status_code == 202
    last = client.fragment(url, data[FRAG:], FRAG, len(data))
    assert last.status_code == 202 and last.json()["nextExpectedRanges"] == []
    assert "later.bin" not in sandbox.state.files(client.upn)
    commit = client.call("POST", url, auth=False, data=b"")
    assert commit.status_code == 201 and commit.json()["size"] == len(data)
    assert sandbox.state.files(client.upn)["later.bin"]["size"] == len(data)


def test_open_session_blocks_fail_conflict(client: Client) -> None:
    body = {"@microsoft.graph.conflictBehavior": "fail"}
    first = client.session("same.bin", **body)
    assert first.status_code == 200
    second = client.session("SAME.bin", **body)
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "nameAlreadyExists"
    client.call("DELETE", first.json()["uploadUrl"], auth=False)
    assert client.session("same.bin", **body).status_code == 200


def test_existing_file_fail_and_replace_by_id(client: Client) -> None:
    client.put("/me/drive/root:/x.bin:/content", data=b"old")
    assert (
        client.session("x.bin", **{"@microsoft.graph.conflictBehavior": "fail"}).status_code == 409
    )
    item = client.get("/me/drive/root:/x.bin").json()
    r = client.post(f"/me/drive/items/{item['id']}/createUploadSession", json={})
    data = payload(100)
    done = client.fragment(r.json()["uploadUrl"], data, 0, len(data))
    assert done.status_code == 200 and done.json()["id"] == item["id"]
    assert done.json()["size"] == 100


def test_session_by_parent_id(client: Client) -> None:
    folder = client.mkdir("P")
    r = client.post(f"/me/drive/items/{folder['id']}:/in.bin:/createUploadSession", json={})
    assert r.status_code == 200
    done = client.fragment(r.json()["uploadUrl"], b"abc", 0, 3)
    assert done.status_code == 201
    assert done.json()["parentReference"]["id"] == folder["id"]


def test_resume_after_sandbox_restart(make_sandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = make_sandbox(state_dir=tmp_path)
    client = Client(first)
    data = payload(3 * FRAG + 7, seed=3)
    url = client.session("resume.bin", fileSystemInfo=TIMES).json()["uploadUrl"]
    assert client.fragment(url, data[: 2 * FRAG], 0, len(data)).status_code == 202
    first.stop()
    second = make_sandbox(state_dir=tmp_path)
    assert second.port == first.port  # the upload URL is still good
    client = Client(second)
    status = client.call("GET", url, auth=False).json()
    assert status["nextExpectedRanges"] == [f"{2 * FRAG}-"]
    done = client.fragment(url, data[2 * FRAG :], 2 * FRAG, len(data))
    assert done.status_code == 201
    assert done.json()["file"]["hashes"]["quickXorHash"] == QuickXorHash(data).b64digest()
    assert second.state.read_file(client.upn, "resume.bin") == data


def test_fragment_over_60_mib_is_refused(client: Client) -> None:
    url = client.session("huge.bin").json()["uploadUrl"]
    split = urllib.parse.urlsplit(url)
    context = ssl.create_default_context(cafile=client.ca)
    conn = http.client.HTTPSConnection(split.hostname, split.port, context=context, timeout=30)
    size = 60 * 1024 * 1024 + FRAG
    conn.putrequest("PUT", f"{split.path}?{split.query}")
    conn.putheader("Content-Range", f"bytes 0-{size - 1}/{size * 2}")
    conn.putheader("Content-Length", str(size))
    conn.endheaders()  # the server answers before the body: nothing is sent
    answer = conn.getresponse()
    assert answer.status == 413
    assert json.loads(answer.read())["error"]["code"] == "requestTooLarge"
    conn.close()


def test_if_match(client: Client) -> None:
    item = client.put("/me/drive/root:/m.txt:/content", data=b"1").json()
    stale = client.put(
        "/me/drive/root:/m.txt:/content", data=b"2", headers={"If-Match": '"{stale},1"'}
    )
    assert stale.status_code == 412
    assert stale.json()["error"]["code"] == "resourceModified"
    fresh = client.put(
        "/me/drive/root:/m.txt:/content", data=b"2", headers={"If-Match": item["eTag"]}
    )
    assert fresh.status_code == 200
    assert (
        client.delete("/me/drive/root:/m.txt", headers={"If-Match": item["eTag"]}).status_code
        == 412
    )
    assert (
        client.delete(
            "/me/drive/root:/m.txt", headers={"If-Match": fresh.json()["eTag"]}
        ).status_code
        == 204
    )


def test_folder_sizes_and_quota_after_restart(make_sandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = make_sandbox(state_dir=tmp_path)
    client = Client(first)
    client.put("/me/drive/root:/A/B/one.bin:/content", data=b"1" * 100)
    client.put("/me/drive/root:/A/two.bin:/content", data=b"2" * 50)
    first.stop()
    client = Client(make_sandbox(state_dir=tmp_path))
    assert client.get("/me/drive/root:/A").json()["size"] == 150
    assert client.get("/me/drive/root:/A/B").json()["size"] == 100
    assert client.get("/me/drive").json()["quota"]["used"] == 150
