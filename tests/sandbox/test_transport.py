"""Transport: HTTPS with the sandbox's own CA, kept across restarts; keep-alive; threads."""

from __future__ import annotations

import concurrent.futures
import socket
import ssl

import pytest
import requests
from graph_client import Client

from app.sandbox.server import Sandbox
from app.sandbox.statelock import StateInUse


def test_certificate_verifies_against_ca_only(sandbox: Sandbox) -> None:
    context = ssl.create_default_context(cafile=str(sandbox.ca_path))
    with (
        socket.create_connection(("127.0.0.1", sandbox.port)) as raw,
        context.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        assert tls.version() in ("TLSv1.2", "TLSv1.3")
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(
            sandbox.authority + "/v2.0/.well-known/openid-configuration",
            verify=requests.certs.where(),
            timeout=10,
        )


def test_localhost_name_is_in_the_certificate(sandbox: Sandbox) -> None:
    r = requests.get(
        f"https://localhost:{sandbox.port}/{sandbox.tenant}/discovery/v2.0/keys",
        verify=str(sandbox.ca_path),
        timeout=10,
    )
    assert r.status_code == 200


def test_ca_and_port_reused_across_restart(make_sandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = make_sandbox(state_dir=tmp_path)
    ca_before = first.ca_path.read_bytes()
    port = first.port
    first.stop()
    second = make_sandbox(state_dir=tmp_path)
    assert second.ca_path.read_bytes() == ca_before
    assert second.port == port


def test_keep_alive_and_concurrent_clients(sandbox: Sandbox) -> None:
    client = Client(sandbox)
    for _ in range(3):
        assert client.get("/me").status_code == 200
    # One TCP connection served all three requests.
    assert len(client.http.adapters["https://"].poolmanager.pools) == 1

    def work(n: int) -> int:
        c = Client(sandbox, sandbox.users[n % len(sandbox.users)].upn)
        return c.put(f"/me/drive/root:/t{n}.txt:/content", data=b"x" * n).status_code

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        assert set(pool.map(work, range(16))) == {201}


def test_one_sandbox_per_state_folder(make_sandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = make_sandbox(state_dir=tmp_path)
    with pytest.raises(StateInUse):
        make_sandbox(state_dir=tmp_path)
    first.stop()
    make_sandbox(state_dir=tmp_path).stop()  # free again once the first has stopped


def test_uploads_into_one_new_folder_while_listing(sandbox: Sandbox) -> None:
    def upload(n: int) -> int:
        c = Client(sandbox)
        return c.put(f"/me/drive/root:/New/Deeper/f{n}.txt:/content", data=b"x").status_code

    def listing(_: int) -> set[int]:
        c = Client(sandbox)
        return {c.get("/me/drive/root:/New/Deeper:/children").status_code for _ in range(10)}

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        uploads = pool.map(upload, range(40))
        lists = pool.map(listing, range(2))
        assert set(uploads) == {201}
        assert set().union(*lists) <= {200, 404}  # 404 only before the folder exists
    assert len(Client(sandbox).get("/me/drive/root:/New/Deeper:/children").json()["value"]) == 40


def test_browser_pages_on_plain_loopback_only(sandbox: Sandbox) -> None:
    ca = str(sandbox.ca_path)
    config = requests.get(
        f"{sandbox.authority}/v2.0/.well-known/openid-configuration", verify=ca, timeout=10
    ).json()
    assert config["authorization_endpoint"].startswith(f"{sandbox.page_url}/")
    assert sandbox.page_url.startswith("http://127.0.0.1:")
    assert config["token_endpoint"].startswith("https://")
    device = requests.post(
        config["device_authorization_endpoint"],
        data={"client_id": sandbox.client_id, "scope": "User.Read"},
        verify=ca,
        timeout=10,
    ).json()
    assert device["verification_uri"].startswith(f"{sandbox.page_url}/")
    assert requests.get(device["verification_uri"], timeout=10).status_code == 200
    # Nothing but the pages over plain HTTP: no tokens, no Graph.
    for path in (f"/{sandbox.tenant}/oauth2/v2.0/token", "/v1.0/me", "/_admin/log"):
        assert requests.get(sandbox.page_url + path, timeout=10).status_code == 404


def test_pages_can_stay_on_https(make_sandbox) -> None:  # type: ignore[no-untyped-def]
    sb = make_sandbox(browser_pages_http=False)
    assert sb.page_url == sb.base_url
    config = requests.get(
        f"{sb.authority}/v2.0/.well-known/openid-configuration",
        verify=str(sb.ca_path),
        timeout=10,
    ).json()
    assert config["authorization_endpoint"].startswith(sb.base_url)
