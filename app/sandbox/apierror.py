"""Graph-shaped errors raised inside the sandbox and turned into JSON responses."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An error answer: HTTP status, Graph error code and message, extra headers."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        inner_code: str = "",
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.inner_code = inner_code
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})


def not_found(what: str = "The resource could not be found.") -> ApiError:
    return ApiError(404, "itemNotFound", what)


def bad_request(message: str, inner_code: str = "") -> ApiError:
    return ApiError(400, "invalidRequest", message, inner_code=inner_code)
