"""Records what crosses the wire between the app and the sandbox (security tests only).

Every request of the app, MSAL's included, goes through `VerifiedSession.request`
(app/m365/http.py). Wrapping it gives, from a real run: every secret the app was ever
handed (access, refresh and ID tokens, device codes, upload URLs' credentials) and the
scopes it asked for in every sign-in request. The secrets are then searched for in every
file the app wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from app.m365.http import VerifiedSession

_SECRET_FIELDS = ("access_token", "refresh_token", "id_token", "device_code")


@dataclass
class Wire:
    secrets: set[str] = field(default_factory=set)
    scope_requests: list[tuple[str, str]] = field(default_factory=list)  # (path, scope)
    access_tokens: list[str] = field(default_factory=list)

    def note_request(self, method: str, url: str, kwargs: dict[str, Any]) -> None:
        data = kwargs.get("data")
        fields: dict[str, Any] = dict(data) if isinstance(data, dict) else {}
        fields.update({k: v[0] for k, v in parse_qs(urlsplit(url).query).items()})
        fields.update(kwargs.get("params") or {})
        if "scope" in fields:
            self.scope_requests.append((urlsplit(url).path, str(fields["scope"])))
        auth = dict(kwargs.get("headers") or {}).get("Authorization", "")
        if auth.startswith("Bearer "):
            self.secrets.add(auth.removeprefix("Bearer "))

    def note_response(self, response: requests.Response) -> None:
        try:
            body = response.json()
        except ValueError:
            return
        if not isinstance(body, dict):
            return
        for name in _SECRET_FIELDS:
            value = body.get(name)
            if isinstance(value, str) and value:
                self.secrets.add(value)
                if name == "access_token":
                    self.access_tokens.append(value)
        upload_url = body.get("uploadUrl")
        if isinstance(upload_url, str):  # the URL is a credential: its token and its id
            self.secrets.update(re.findall(r"token=([^&]+)", upload_url))

    def needles(self) -> set[bytes]:
        """Each secret whole, and a slice from its middle (a truncated copy still leaks)."""
        out: set[bytes] = set()
        for secret in self.secrets:
            raw = secret.encode()
            out.add(raw)
            if len(raw) >= 40:
                middle = len(raw) // 2
                out.add(raw[middle - 12 : middle + 12])
        return out


@pytest.fixture
def wire(monkeypatch: pytest.MonkeyPatch) -> Iterator[Wire]:
    recorded = Wire()
    original = VerifiedSession.request

    def request(self: VerifiedSession, method: str, url: Any, *args: Any, **kwargs: Any) -> Any:
        recorded.note_request(method, str(url), kwargs)
        response = original(self, method, url, *args, **kwargs)
        recorded.note_response(response)
        return response

    monkeypatch.setattr(VerifiedSession, "request", request)
    yield recorded
