"""VerifiedSession and the environment: system proxies are honoured (looked up once per
host, not per request), NO_PROXY too, and ~/.netrc never replaces our bearer token."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from app.m365.http import VerifiedSession


@pytest.fixture(autouse=True)
def _clean_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
    ):
        monkeypatch.delenv(name, raising=False)


def test_no_proxy_is_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:8080")
    monkeypatch.setenv("NO_PROXY", "login.example")
    session = VerifiedSession()
    via = session.merge_environment_settings("https://graph.example/v1.0", {}, None, None, None)
    direct = session.merge_environment_settings("https://login.example/t", {}, None, None, None)
    assert via["proxies"]["https"] == "http://proxy.example:8080"
    assert "https" not in direct["proxies"]


def test_explicit_proxies_win_over_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:8080")
    session = VerifiedSession()
    merged = session.merge_environment_settings(
        "https://graph.example/", {"https": "http://mine.example:3128"}, None, None, None
    )
    assert merged["proxies"]["https"] == "http://mine.example:3128"


def test_proxy_lookup_is_reused_per_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:8080")
    session = VerifiedSession()
    first = session.merge_environment_settings("https://graph.example/a", {}, None, None, None)
    # Within the lookup's lifetime a change is not seen by this session (a new one sees it).
    monkeypatch.setenv("HTTPS_PROXY", "http://other.example:8080")
    again = session.merge_environment_settings("https://graph.example/b", {}, None, None, None)
    fresh = VerifiedSession().merge_environment_settings(
        "https://graph.example/b", {}, None, None, None
    )
    assert first["proxies"]["https"] == again["proxies"]["https"] == "http://proxy.example:8080"
    assert fresh["proxies"]["https"] == "http://other.example:8080"


def test_netrc_never_replaces_the_bearer_token(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine graph.example login someone password secret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    request = requests.Request(
        "GET", "https://graph.example/v1.0/me", headers={"Authorization": "Bearer abc"}
    )
    prepared = VerifiedSession().prepare_request(request)
    assert prepared.headers["Authorization"] == "Bearer abc"
    # What plain requests would have done with the same environment:
    assert requests.Session().prepare_request(request).headers["Authorization"].startswith("Basic ")
