"""The log never holds a credential: redaction of what commonly slips into messages."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.log import redact, setup_logging

SECRETS = [
    "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXBhcnQ",
    "0.AAAA-refresh-token-value",
    "tok_9f8e7d6c5b4a",
]


@pytest.mark.parametrize(
    "template",
    [
        "Authorization: Bearer {0}",
        "PUT https://127.0.0.1:5000/upload/abc?token={2}&x=1",
        '{{"access_token": "{0}", "refresh_token": "{1}"}}',
        "refresh_token={1}&grant_type=refresh_token",
        "uploadUrl https://host/up?tempauth={2}",
        "key={2}",
        "https://localhost:5000/?code={2}&state=x",
        "redirect https://app/cb?next=https%3A%2F%2Fh%2Fup%3Ftempauth%3D{2}%26x%3D1",
        # A field whose value is on the next line must not swallow the next field's name
        'access_token=\n"refresh_token": "{1}"',
        "token:\nsecret={2}",
        '{{"refresh_token":\n  "{1}"}}',
    ],
)
def test_redact_removes_secrets(template: str) -> None:
    text = template.format(*SECRETS)
    cleaned = redact(text)
    for secret in SECRETS:
        assert secret not in cleaned


def test_log_file_is_redacted(app_home: Path) -> None:
    path = setup_logging(logging.DEBUG)
    assert path is not None and app_home in path.parents
    logging.getLogger("test").info("sending Bearer %s to ?token=%s", SECRETS[0], SECRETS[2])
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "sending Bearer [token]" in text
    assert SECRETS[0] not in text and SECRETS[2] not in text


@pytest.mark.parametrize(
    "text", ["HTTP 404 code=itemNotFound (GET /me/drive)", "monkey=3", "turnkey: yes"]
)
def test_redact_keeps_what_is_not_secret(text: str) -> None:
    assert redact(text) == text


def test_log_file_is_private(app_home: Path) -> None:
    path = setup_logging()
    assert path is not None
    assert path.stat().st_mode & 0o077 == 0
    assert path.parent.stat().st_mode & 0o077 == 0
