"""The sandbox's drives on disk: items, file contents and upload sessions per user.

Metadata lives in one SQLite database (WAL) in the state directory and is mirrored in
memory, indexed by id and by (parent id, lower-cased name), so no request scans the
tree. File contents are files under `blobs/`; upload sessions keep their bytes under
`sessions/` until the last byte arrives. Everything survives a restart of the sandbox
with the same state directory. One lock guards the metadata; bodies are streamed to
disk outside it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.sandbox.records import Item, Session, new_item_id

SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    id TEXT PRIMARY KEY, upn TEXT NOT NULL, parent_id TEXT, name TEXT NOT NULL,
    is_folder INTEGER NOT NULL, size INTEGER NOT NULL, qxh TEXT NOT NULL, mime TEXT NOT NULL,
    created REAL NOT NULL, modified REAL NOT NULL, fs_created TEXT NOT NULL,
    fs_modified TEXT NOT NULL, version INTEGER NOT NULL, locked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, upn TEXT NOT NULL, parent_id TEXT NOT NULL, name TEXT NOT NULL,
    total INTEGER, received INTEGER NOT NULL, conflict TEXT NOT NULL, fs_created TEXT NOT NULL,
    fs_modified TEXT NOT NULL, expires REAL NOT NULL, defer_commit INTEGER NOT NULL,
    target_id TEXT, secret TEXT NOT NULL, created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS drives (upn TEXT PRIMARY KEY, drive_id TEXT NOT NULL,
    root_id TEXT NOT NULL);
"""

_ITEM_COLUMNS = (
    "id, upn, parent_id, name, is_folder, size, qxh, mime, created, modified, fs_created, "
    "fs_modified, version, locked"
)
_SESSION_COLUMNS = (
    "id, upn, parent_id, name, total, received, conflict, fs_created, fs_modified, expires, "
    "defer_commit, target_id, secret, created"
)


class Store:
    """Items and sessions of every user of one sandbox."""

    def __init__(self, state_dir: Path) -> None:
        self.state_dir = state_dir
        self.blob_dir = state_dir / "blobs"
        self.session_dir = state_dir / "sessions"
        self.blob_dir.mkdir(parents=True, exist_ok=True)
        self.session_dir.mkdir(parents=True, exist_ok=True)
        self.lock = threading.RLock()
        self._db = sqlite3.connect(
            state_dir / "drives.sqlite", check_same_thread=False, isolation_level=None
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self.items: dict[str, Item] = {}
        self.sessions: dict[str, Session] = {}
        self.drives: dict[str, tuple[str, str]] = {}  # upn -> (drive id, root id)
        self._load()

    def _load(self) -> None:
        for upn, drive_id, root_id in self._db.execute("SELECT upn, drive_id, root_id FROM drives"):
            self.drives[upn] = (drive_id, root_id)
        for row in self._db.execute(f"SELECT {_ITEM_COLUMNS} FROM items"):  # noqa: S608
            item = Item(
                row[0],
                row[1],
                row[2],
                row[3],
                bool(row[4]),
                row[5],
                row[6],
                row[7],
                row[8],
                row[9],
                row[10],
                row[11],
                row[12],
                bool(row[13]),
            )
            self.items[item.id] = item
        for item in self.items.values():
            if item.is_folder:
                item.size = 0
        for item in self.items.values():
            if item.parent_id is not None and item.parent_id in self.items:
                self.items[item.parent_id].children[item.name.lower()] = item.id
            if not item.is_folder:
                self._grow(item.parent_id, item.size)
        for row in self._db.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions"):  # noqa: S608
            session = Session(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                row[7],
                row[8],
                row[9],
                bool(row[10]),
                row[11],
                row[12],
                row[13],
            )
            self.sessions[session.id] = session

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group the writes of one change into one SQLite commit (under the lock).

        Committed even when the change fails half-way: the database must keep matching
        the in-memory index, which has no undo.
        """
        with self.lock:
            outermost = not self._db.in_transaction
            if outermost:
                self._db.execute("BEGIN")
            try:
                yield
            finally:
                if outermost:
                    self._db.execute("COMMIT")

    def close(self) -> None:
        with self.lock:
            self._db.close()

    # -- drives and items -------------------------------------------------------------

    def ensure_drive(self, upn: str, now_iso: str) -> tuple[str, str]:
        with self.lock:
            if upn in self.drives:
                return self.drives[upn]
            drive_id = "b!" + secrets.token_urlsafe(48)
            root = Item(
                new_item_id(),
                upn,
                None,
                "root",
                True,
                0,
                "",
                "",
                time.time(),
                time.time(),
                now_iso,
                now_iso,
                1,
            )
            self.items[root.id] = root
            self._save_item(root)
            self._db.execute("INSERT INTO drives VALUES (?, ?, ?)", (upn, drive_id, root.id))
            self.drives[upn] = (drive_id, root.id)
            return drive_id, root.id

    def root(self, upn: str) -> Item:
        return self.items[self.drives[upn][1]]

    def get(self, upn: str, item_id: str) -> Item | None:
        item = self.items.get(item_id)
        return item if item is not None and item.upn == upn else None

    def child(self, parent: Item, name: str) -> Item | None:
        child_id = parent.children.get(name.lower())
        return self.items.get(child_id) if child_id else None

    def resolve(self, start: Item, rel_path: str) -> Item | None:
        """The item at `rel_path` (already percent-decoded, '/'-separated) below `start`."""
        item: Item | None = start
        for part in rel_path.split("/"):
            if not part:
                continue
            if item is None or not item.is_folder:
                return None
            item = self.child(item, part)
        return item

    def path_of(self, item: Item) -> str:
        """'/a/b' for an item below the root; '' for the root."""
        parts: list[str] = []
        current: Item | None = item
        while current is not None and current.parent_id is not None:
            parts.append(current.name)
            current = self.items.get(current.parent_id)
        return "/" + "/".join(reversed(parts)) if parts else ""

    def children_of(self, folder: Item) -> list[Item]:
        # list() copies in one step (no thread switch): uploads may add children meanwhile.
        ids = list(folder.children.values())
        items = self.items
        kids = [item for item in map(items.get, ids) if item is not None]
        kids.sort(key=lambda it: it.name.lower())
        return kids

    def walk(self, upn: str) -> Iterator[Item]:
        """Every item of a user's drive below the root, parents before children."""
        stack = [self.root(upn)]
        while stack:
            folder = stack.pop()
            for kid in self.children_of(folder):
                yield kid
                if kid.is_folder:
                    stack.append(kid)

    def add_item(self, item: Item) -> None:
        with self.lock:
            self.items[item.id] = item
            if item.parent_id is not None:
                parent = self.items[item.parent_id]
                parent.children[item.name.lower()] = item.id
                self._touch_parent(parent)
            self._grow(item.parent_id, item.size)
            self._save_item(item)

    def update_item(self, item: Item, *, size_delta: int = 0) -> None:
        with self.lock:
            if size_delta:
                self._grow(item.parent_id, size_delta)
            self._save_item(item)

    def move_item(self, item: Item, new_parent: Item, new_name: str) -> None:
        """Rename and/or move an item (the caller checked names and conflicts)."""
        with self.lock:
            old_parent = self.items[item.parent_id or ""]
            old_parent.children.pop(item.name.lower(), None)
            self._touch_parent(old_parent)
            if new_parent.id != old_parent.id:
                self._grow(old_parent.id, -item.size)
                self._grow(new_parent.id, item.size)
            item.parent_id = new_parent.id
            item.name = new_name
            new_parent.children[new_name.lower()] = item.id
            self._touch_parent(new_parent)
            self._save_item(item)

    def is_below(self, item: Item, folder: Item) -> bool:
        """True if `item` is `folder` or inside it (a folder cannot move into itself)."""
        current: Item | None = item
        while current is not None:
            if current.id == folder.id:
                return True
            current = self.items.get(current.parent_id) if current.parent_id else None
        return False

    def remove_item(self, item: Item) -> list[Item]:
        """Remove an item and everything below it; returns the removed files."""
        with self.lock:
            removed: list[Item] = []
            stack = [item]
            while stack:
                current = stack.pop()
                removed.append(current)
                stack.extend(self.children_of(current))
            if item.parent_id is not None and item.parent_id in self.items:
                parent = self.items[item.parent_id]
                parent.children.pop(item.name.lower(), None)
                self._touch_parent(parent)
                self._grow(item.parent_id, -item.size)
            ids = [(r.id,) for r in removed]
            self._db.executemany("DELETE FROM items WHERE id = ?", ids)
            for r in removed:
                self.items.pop(r.id, None)
            return [r for r in removed if not r.is_folder]

    def _touch_parent(self, parent: Item) -> None:
        parent.version += 1
        self._save_item(parent)

    def _grow(self, folder_id: str | None, delta: int) -> None:
        """Folder sizes are the sum of their contents, as OneDrive reports them.

        Kept in memory only (rebuilt from the files at start): one database write per
        ancestor per upload would cost more than the upload's own bookkeeping.
        """
        while folder_id is not None and delta:
            folder = self.items.get(folder_id)
            if folder is None:
                return
            folder.size += delta
            folder_id = folder.parent_id

    def _save_item(self, item: Item) -> None:
        self._db.execute(
            f"INSERT OR REPLACE INTO items ({_ITEM_COLUMNS}) VALUES "  # noqa: S608
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            item.row(),
        )

    def blob_path(self, item_id: str) -> Path:
        return self.blob_dir / item_id

    # -- upload sessions --------------------------------------------------------------

    def save_session(self, session: Session) -> None:
        with self.lock:
            self.sessions[session.id] = session
            self._db.execute(
                f"INSERT OR REPLACE INTO sessions ({_SESSION_COLUMNS}) VALUES "  # noqa: S608
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                session.row(),
            )

    def drop_session(self, session_id: str) -> None:
        with self.lock:
            self.sessions.pop(session_id, None)
            self._db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.session_part(session_id))

    def session_part(self, session_id: str) -> Path:
        return self.session_dir / f"{session_id}.part"

    def open_sessions_for(self, upn: str, parent_id: str, name: str) -> list[Session]:
        lower = name.lower()
        return [
            s
            for s in list(self.sessions.values())
            if s.upn == upn and s.parent_id == parent_id and s.name.lower() == lower
        ]
