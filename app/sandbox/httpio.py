"""Small request/response types for the sandbox's handlers, and the streamed body reader.

Bodies are never read whole unless a handler asks for a small JSON or form body:
fragments are read in pieces (through the bandwidth cap) and written to disk as they
arrive.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from app.sandbox.apierror import ApiError

READ_CHUNK = 1 << 20
SMALL_BODY_LIMIT = 4 << 20


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class Headers(Protocol):
    def get(self, name: str, /) -> str | None: ...


class ClientGone(Exception):
    """The client closed the connection before sending the whole body."""


class BodyReader:
    """Reads exactly Content-Length bytes from the connection, in pieces."""

    def __init__(
        self, stream: Readable, length: int, throttle: Callable[[int], None] | None = None
    ) -> None:
        self._stream = stream
        self.length = length
        self.consumed = 0
        self._throttle = throttle

    @property
    def remaining(self) -> int:
        return self.length - self.consumed

    def read(self, size: int = READ_CHUNK) -> bytes:
        size = min(size, self.remaining)
        if size <= 0:
            return b""
        if self._throttle is not None:
            self._throttle(size)
        data = self._stream.read(size)
        if not data:
            raise ClientGone(f"connection closed after {self.consumed} of {self.length} bytes")
        self.consumed += len(data)
        return data

    def read_all(self, limit: int = SMALL_BODY_LIMIT) -> bytes:
        if self.length > limit:
            raise ApiError(413, "requestTooLarge", "The request body is too large.")
        parts = []
        while self.remaining:
            parts.append(self.read())
        return b"".join(parts)

    def drain(self) -> None:
        while self.remaining:
            self.read()


@dataclass
class Request:
    method: str
    path: str  # still percent-encoded, no query
    query: dict[str, str]
    headers: Headers
    body: BodyReader
    base_url: str  # https://127.0.0.1:PORT

    def header(self, name: str) -> str:
        value = self.headers.get(name)
        return value if value is not None else ""

    def json(self) -> Any:
        raw = self.body.read_all()
        if not raw.strip():
            return {}
        try:
            return json.loads(raw)
        except (ValueError, UnicodeDecodeError) as error:
            raise ApiError(400, "invalidRequest", "The request body is not valid JSON.") from error

    def form(self) -> dict[str, str]:
        raw = self.body.read_all().decode("utf-8", "replace")
        return dict(urllib.parse.parse_qsl(raw, keep_blank_values=True))


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    file: Path | None = None  # stream this file as the body instead
    reset: bool = False  # drop the connection with a TCP reset, answer nothing
    close: bool = False  # close the connection after answering
    note: str = ""  # for the request log (e.g. which fault was injected)

    @staticmethod
    def json(status: int, obj: Any, headers: dict[str, str] | None = None) -> Response:
        body = json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        return Response(status, body, "application/json; charset=utf-8", dict(headers or {}))

    @staticmethod
    def html(status: int, text: str) -> Response:
        return Response(status, text.encode("utf-8"), "text/html; charset=utf-8")

    @staticmethod
    def redirect(location: str) -> Response:
        return Response(302, b"", "text/plain", {"Location": location})

    @staticmethod
    def empty(status: int = 204, headers: dict[str, str] | None = None) -> Response:
        return Response(status, b"", "", dict(headers or {}))
