"""What the sandbox stores: drive items and upload sessions (one row each in SQLite)."""

from __future__ import annotations

import base64
import secrets
import threading
from dataclasses import dataclass, field


def new_item_id() -> str:
    """OneDrive for Business style: '01' and 32 upper-case base-32 characters."""
    return "01" + base64.b32encode(secrets.token_bytes(20)).decode("ascii")


@dataclass
class Item:
    id: str
    upn: str
    parent_id: str | None
    name: str
    is_folder: bool
    size: int
    qxh: str
    mime: str
    created: float
    modified: float
    fs_created: str
    fs_modified: str
    version: int
    locked: bool = False
    children: dict[str, str] = field(default_factory=dict)  # lower name -> id (folders)

    def row(self) -> tuple[object, ...]:
        return (
            self.id,
            self.upn,
            self.parent_id,
            self.name,
            int(self.is_folder),
            self.size,
            self.qxh,
            self.mime,
            self.created,
            self.modified,
            self.fs_created,
            self.fs_modified,
            self.version,
            int(self.locked),
        )


@dataclass
class Session:
    id: str
    upn: str
    parent_id: str
    name: str
    total: int | None  # known from the first fragment's Content-Range
    received: int
    conflict: str
    fs_created: str
    fs_modified: str
    expires: float  # wall-clock seconds
    defer_commit: bool
    target_id: str | None  # updating an existing item by id
    secret: str  # the credential carried in the upload URL
    created: float
    lock: threading.Lock = field(default_factory=threading.Lock, compare=False)

    def row(self) -> tuple[object, ...]:
        return (
            self.id,
            self.upn,
            self.parent_id,
            self.name,
            self.total,
            self.received,
            self.conflict,
            self.fs_created,
            self.fs_modified,
            self.expires,
            int(self.defer_commit),
            self.target_id,
            self.secret,
            self.created,
        )
