"""The HTTPS session (trust is explicit), Retry-After parsing and log-safe URLs."""

from __future__ import annotations

import email.utils

import pytest

from app.m365.http import VerifiedSession, parse_retry_after, request_id, safe_url

NOW = 1_700_000_000.0


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        (None, None),
        ("", None),
        ("0", 0.0),
        ("7", 7.0),
        (" 120 ", 120.0),
        ("-3", 0.0),
        ("soon", None),
        (email.utils.formatdate(NOW + 30, usegmt=True), 30.0),
        (email.utils.formatdate(NOW - 30, usegmt=True), 0.0),
        # RFC 850 and asctime forms are still legal HTTP dates
        ("Tuesday, 14-Nov-23 22:13:50 GMT", 30.0),
        ("Tue Nov 14 22:13:50 2023", 30.0),
    ],
)
def test_parse_retry_after(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, now=NOW) == seconds


def test_safe_url_drops_query_and_fragment() -> None:
    url = "https://host.example/upload/abc?tempauth=SECRET&x=1#frag"
    assert safe_url(url) == "https://host.example/upload/abc"
    assert "SECRET" not in safe_url(url)


def test_request_id_prefers_graph_header() -> None:
    assert request_id({"request-id": "r1", "client-request-id": "c1"}) == "r1"
    assert request_id({"client-request-id": "c1"}) == "c1"
    assert request_id({}) == ""


def test_environment_ca_bundle_cannot_override_our_trust(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/somewhere/else.pem")
    monkeypatch.setenv("CURL_CA_BUNDLE", "/somewhere/else.pem")
    session = VerifiedSession(ca_bundle="/sandbox/ca.pem", user_agent="NONISV|Org|App/1")
    merged = session.merge_environment_settings("https://127.0.0.1:1/", {}, None, True, None)
    assert merged["verify"] == "/sandbox/ca.pem"
    system = VerifiedSession()
    merged = system.merge_environment_settings("https://graph.example/", {}, None, True, None)
    assert merged["verify"] is True
    assert session.headers["User-Agent"] == "NONISV|Org|App/1"


def test_proxies_still_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:8080")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    session = VerifiedSession()
    merged = session.merge_environment_settings("https://graph.example/", {}, None, True, None)
    assert merged["proxies"]["https"] == "http://proxy.example:8080"
