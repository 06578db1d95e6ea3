"""What one file's upload can end in, and the small Graph helpers it uses.

Outcomes: `Done` (verified, or already there), `RetryLater` (locked: try again, then
report), `FileFailed` (report now); `_SessionGone`, `_Changed`, `_Mismatch` steer the
uploader internally. Kept apart from `upload_session.py` so that reads in one sitting.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import requests

from app.core.quickxorhash import QuickXorHash
from app.core.texts import N_
from app.m365.errors import GraphError

EMPTY_HASH = QuickXorHash().b64digest()  # the QuickXorHash of no bytes at all


class RetryLater(Exception):
    """Try this file again later (locked here or in OneDrive); then report it."""

    def __init__(self, code: str, message: str, action: str) -> None:
        super().__init__(message)
        self.code, self.message, self.action = code, message, action


class FileFailed(Exception):
    """This file cannot be moved now: recorded as failed, with what to do."""

    def __init__(self, code: str, message: str, action: str) -> None:
        super().__init__(message)
        self.code, self.message, self.action = code, message, action


class SessionGone(Exception):
    """404 on the upload URL: expired or finished; start again from what OneDrive holds."""


class Changed(Exception):
    """The file changed while it was being sent."""


class Mismatch(Changed):
    """OneDrive's copy differed from what we sent (already noted): send it once more."""


@dataclass(frozen=True)
class Done:
    skipped_existing: bool
    item_id: str
    size: int
    quick_xor_hash: str
    final_path: str


def malformed(what: str, why: str, status: int = 0) -> GraphError:
    """OneDrive answered "success" with something we cannot use (not JSON, a key missing)."""
    return GraphError(
        N_("Unexpected answer from OneDrive"),
        N_("OneDrive sent an answer this app could not understand, so this file was not moved."),
        N_("Choose Try again. If it keeps happening, contact the service desk with the log."),
        status=status,
        code="malformedResponse",
        detail=f"{what}: {why}",  # method and path only, never an upload URL's query
    )


def body_of(response: requests.Response, what: str, *required: str) -> dict[str, Any]:
    """The JSON object of an answer, with the `required` keys; else a typed GraphError."""
    try:
        body = response.json()
    except ValueError:
        raise malformed(what, "the body is not JSON", response.status_code) from None
    if not isinstance(body, dict):
        raise malformed(what, "the body is not a JSON object", response.status_code)
    missing = [key for key in required if body.get(key) in (None, "")]
    if missing:
        raise malformed(what, f"missing {', '.join(missing)}", response.status_code)
    return body


def iso_utc(ts: float) -> str:
    moment = datetime.datetime.fromtimestamp(int(ts), tz=datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def drive_path(path: str, suffix: str = "") -> str:
    return f"/me/drive/root:/{quote(path, safe='/')}:{suffix}"


def remote_hash(item: dict[str, Any]) -> str | None:
    hashes = (item.get("file") or {}).get("hashes") or {}
    value = hashes.get("quickXorHash")
    return str(value) if value else None


def identity_hash(item: dict[str, Any]) -> str | None:
    """The hash that identifies a remote file. OneDrive may omit it for a 0-byte file,
    whose identity is then size 0 and the hash of nothing (the same rule everywhere:
    a fresh empty upload, and an empty file found there after a crash)."""
    found = remote_hash(item)
    if found is None and str(item.get("size")) == "0":
        return EMPTY_HASH
    return found


def next_expected(body: dict[str, Any]) -> int | None:
    ranges = body.get("nextExpectedRanges") or []
    if not ranges:
        return None
    # "start-" or "start-end"; anything else is an answer we cannot use, said as such
    # (not a ValueError that fails the file as "unexpected").
    first = ranges[0] if isinstance(ranges, list) else ranges
    start, dash, _end = str(first).strip().partition("-")
    if not (dash and start.isascii() and start.isdigit()):
        raise malformed("upload session", f"nextExpectedRanges {str(first)[:40]!r}")
    return int(start)
