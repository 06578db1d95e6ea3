"""Reading (and nudging) the sandbox's state from tests, without the client under test."""

from __future__ import annotations

import os
import tempfile
import time
from typing import TYPE_CHECKING, Any

from app.core.quickxorhash import QuickXorHash
from app.sandbox.items_json import iso

if TYPE_CHECKING:
    from app.sandbox.server import Sandbox


class SandboxState:
    """`sb.state`: the stored tree with hashes and fileSystemInfo, sessions, the log."""

    def __init__(self, sandbox: Sandbox) -> None:
        self._sb = sandbox

    def tree(self, upn: str) -> list[dict[str, Any]]:
        """Every item below the root: path ('a/b.txt'), size, hash, times, id, folder."""
        store = self._sb.store
        with store.lock:
            out = []
            for item in store.walk(upn):
                out.append(
                    {
                        "path": store.path_of(item).lstrip("/"),
                        "id": item.id,
                        "folder": item.is_folder,
                        "size": item.size,
                        "quickXorHash": item.qxh if not item.is_folder else None,
                        "createdDateTime": item.fs_created,
                        "lastModifiedDateTime": item.fs_modified,
                        "version": item.version,
                        "locked": item.locked,
                    }
                )
        out.sort(key=lambda e: str(e["path"]).lower())
        return out

    def files(self, upn: str) -> dict[str, dict[str, Any]]:
        """The files of `tree` keyed by path."""
        return {e["path"]: e for e in self.tree(upn) if not e["folder"]}

    def read_file(self, upn: str, path: str) -> bytes:
        store = self._sb.store
        item = store.resolve(store.root(upn), path)
        if item is None or item.is_folder:
            raise FileNotFoundError(path)
        return store.blob_path(item.id).read_bytes()

    def open_sessions(self, upn: str | None = None) -> list[dict[str, Any]]:
        store = self._sb.store
        out = []
        for session in self._sb.uploads.open_sessions(upn):
            parent = store.items.get(session.parent_id)
            folder = store.path_of(parent).lstrip("/") if parent is not None else "?"
            out.append(
                {
                    "id": session.id,
                    "upn": session.upn,
                    "path": f"{folder}/{session.name}" if folder else session.name,
                    "received": session.received,
                    "total": session.total,
                    "expirationDateTime": iso(session.expires),
                    "deferCommit": session.defer_commit,
                }
            )
        return out

    def expire_sessions(self, upn: str | None = None) -> int:
        """End every open session now (as idle expiry would)."""
        sessions = self._sb.uploads.open_sessions(upn)
        for session in sessions:
            self._sb.uploads.expire(session.id)
        return len(sessions)

    def request_log(self) -> list[dict[str, Any]]:
        return self._sb.request_log()

    def reset_log(self) -> None:
        self._sb.reset_log()

    def quota_used(self, upn: str) -> int:
        return self._sb.store.root(upn).size

    def change_item(self, upn: str, path: str, data: bytes | None = None) -> dict[str, Any]:
        """Someone else changed the item on the server: new eTag, and new bytes if given."""
        store = self._sb.store
        with store.lock:
            item = store.resolve(store.root(upn), path)
            if item is None:
                raise FileNotFoundError(path)
            delta = 0
            if data is not None and not item.is_folder:
                fd, tmp = tempfile.mkstemp(dir=store.session_dir)
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(tmp, store.blob_path(item.id))
                delta = len(data) - item.size
                item.size = len(data)
                item.qxh = QuickXorHash(data).b64digest()
            item.version += 1
            item.modified = time.time()
            item.fs_modified = iso(item.modified)
            store.update_item(item, size_delta=delta)
        return {"id": item.id, "version": item.version}
