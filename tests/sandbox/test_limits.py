"""Per-user limits: RateLimit headers from 80 % of the budget, then 429 + Retry-After."""

from __future__ import annotations

from graph_client import Client

from app.sandbox.limits import LimitConfig, UserLimits


def test_request_budget(make_sandbox) -> None:  # type: ignore[no-untyped-def]
    sb = make_sandbox(limits=True, limit_config=LimitConfig(requests_per_window=10, window_s=60))
    jane, tom = Client(sb, sb.users[0].upn), Client(sb, sb.users[1].upn)
    answers = [jane.get("/me/drive") for _ in range(11)]
    assert all(r.status_code == 200 for r in answers[:10])
    assert "RateLimit-Limit" not in answers[6].headers
    assert answers[7].headers["RateLimit-Limit"] == "10"
    assert answers[7].headers["RateLimit-Remaining"] == "2"
    assert int(answers[7].headers["RateLimit-Reset"]) > 0
    throttled = answers[10]
    assert throttled.status_code == 429
    assert int(throttled.headers["Retry-After"]) >= 1
    assert throttled.json()["error"]["code"] == "activityLimitReached"
    assert tom.get("/me/drive").status_code == 200  # budgets are per user


def test_ingress_budget(make_sandbox) -> None:  # type: ignore[no-untyped-def]
    sb = make_sandbox(limits=True, limit_config=LimitConfig(ingress_bytes_per_hour=1000))
    client = Client(sb)
    url = client.session("in.bin").json()["uploadUrl"]
    assert client.fragment(url, b"x" * 1200, 0, 1200).status_code == 201
    r = client.get("/me/drive")
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0


def test_window_slides() -> None:
    now = [0.0]
    limits = UserLimits(LimitConfig(requests_per_window=2, window_s=10), clock=lambda: now[0])
    assert limits.check_request("u").allowed and limits.check_request("u").allowed
    assert not limits.check_request("u").allowed
    now[0] = 10.5
    assert limits.check_request("u").allowed
