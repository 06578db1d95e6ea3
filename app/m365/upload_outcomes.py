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


def next_expected(body: dict[str, Any]) -> int | None:
    ranges = body.get("nextExpectedRanges") or []
    if not ranges:
        return None
    return int(str(ranges[0]).split("-", 1)[0])
