"""Answer "is this file in OneDrive, and with which size and hash?" with few requests.

`OneDriveFolders.file_at(path)` lists the file's folder once (`GET .../children`, paged
by @odata.nextLink) and answers every later question about that folder from memory:
one request per folder, not per file. A folder whose parent's listing has no such
child is known to be missing without asking; a missing folder is asked about once
(404). OneDrive names are case-insensitive, so lookups are too. The hash is the
QuickXorHash OneDrive for Business reports in `file.hashes.quickXorHash`.
"""

from __future__ import annotations

import threading
from typing import Any

from app.core.hand_back import RemoteFile
from app.m365.errors import NotFoundError
from app.m365.graph import GraphClient

_Listing = dict[str, dict[str, Any]]  # casefolded name -> driveItem


class OneDriveFolders:
    """A RemoteLookup (app.core.hand_back) over the signed-in user's OneDrive."""

    def __init__(self, graph: GraphClient, *, page_size: int = 1000) -> None:
        self._graph = graph
        self._page_size = page_size
        self._listings: dict[str, _Listing | None] = {}  # casefolded folder -> children
        self._lock = threading.Lock()
        self.folders_listed = 0  # requests made (for the efficiency test and the log)

    def file_at(self, path: str) -> RemoteFile | None:
        parts = [part for part in path.replace("\\", "/").split("/") if part]
        if not parts:
            return None
        *folder, name = parts
        with self._lock:
            listing = self._listing(folder)
        found = listing.get(name.casefold()) if listing is not None else None
        if found is None or "file" not in found:
            return None
        hashes = found["file"].get("hashes") or {}
        return RemoteFile(
            "/".join([*folder, str(found.get("name", name))]),
            int(found.get("size", 0)),
            hashes.get("quickXorHash"),
        )

    def _listing(self, folder: list[str]) -> _Listing | None:
        key = "/".join(folder).casefold()
        if key in self._listings:
            return self._listings[key]
        if folder:
            parent = self._listing(folder[:-1])
            child = parent.get(folder[-1].casefold()) if parent is not None else None
            if child is None or "folder" not in child:
                self._listings[key] = None  # known missing without a request
                return None
        listing: _Listing | None
        try:
            listing = {
                str(item.get("name", "")).casefold(): item
                for item in self._graph.children("/".join(folder), page_size=self._page_size)
            }
        except NotFoundError:
            listing = None
        self.folders_listed += 1
        self._listings[key] = listing
        return listing
