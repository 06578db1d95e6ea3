"""Purview retention labels in the sandbox: `PATCH .../items/{id}/retentionLabel`.

Modelled on Microsoft's "driveItem: setRetentionLabel" page: the body is
`{"name": "<label>"}`; the first label an item gets answers 201 Created, a later change
200 OK, both with an itemRetentionLabel body (name, isLabelAppliedExplicitly,
labelAppliedBy, labelAppliedDateTime, retentionSettings). Delegated permission:
Files.Read.All (or a higher Files/Sites scope), so a token without it gets 403. A label
the tenant does not know is refused with 400 (the real service's exact code is not
documented; the client treats any 4xx as "label not applied" with the reason).

`GET .../retentionLabel` answers the item's label (404 if it has none), so tests and the
practice mode can see what was applied. Labels live in memory and in `labels.jsonl` in the
sandbox's state directory (one JSON line per change), so a restarted sandbox
(kill-and-resume tests) keeps them.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

from app.sandbox.apierror import ApiError, not_found
from app.sandbox.httpio import Request, Response
from app.sandbox.store import Store
from app.sandbox.users import SandboxUser

LABELS_FILE = "labels.jsonl"
LABEL_SCOPES = frozenset(
    {"Files.Read.All", "Files.ReadWrite.All", "Sites.ReadWrite.All", "Sites.FullControl.All"}
)
DEFAULT_TENANT_LABELS: tuple[str, ...] = (
    "Personnel records - 7 years",
    "Operational records - 6 years",
    "Transitory - 1 year",
)


def is_label_route(rest: str) -> bool:
    """True for .../items/{id}/retentionLabel (the only address this module serves)."""
    return rest.rstrip("/").endswith("/retentionLabel") and "/items/" in rest


class RetentionLabels:
    """The labels the tenant knows and the label on each item (by item id)."""

    def __init__(self, store: Store, state_dir: Path, known: tuple[str, ...]) -> None:
        self.store = store
        self.known = {name.casefold(): name for name in known}
        self._path = Path(state_dir) / LABELS_FILE
        self._lock = threading.Lock()
        self._applied: dict[str, dict[str, Any]] = self._load()

    def _load(self) -> dict[str, dict[str, Any]]:
        applied: dict[str, dict[str, Any]] = {}
        try:
            lines = self._path.read_text("utf-8").splitlines()
        except FileNotFoundError:
            return applied
        for line in lines:
            try:
                entry = json.loads(line)
                applied[str(entry["id"])] = dict(entry["label"])
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a kill: the ones before it still count
        return applied

    def _save(self, item_id: str, record: dict[str, Any]) -> None:
        # Appended, one line per change (a rewrite of every label per change grew with
        # the square of their number).
        with open(self._path, "a", encoding="utf-8") as log:
            log.write(json.dumps({"id": item_id, "label": record}) + "\n")

    def label_of(self, item_id: str) -> str | None:
        """The label applied to an item (test hook), or None."""
        with self._lock:
            record = self._applied.get(item_id)
        return None if record is None else str(record["name"])

    def handle(
        self, request: Request, rest: str, auth: tuple[SandboxUser, frozenset[str]]
    ) -> Response:
        user, scopes = auth
        if not scopes & LABEL_SCOPES:
            raise ApiError(
                403,
                "accessDenied",
                "Either scp or roles claim need to be present in the token "
                f"with one of: {', '.join(sorted(LABEL_SCOPES))}.",
            )
        item_id = self._item_id(user, rest)
        item = self.store.get(user.upn, item_id)
        if item is None:
            raise not_found("The resource could not be found.")
        if request.method == "GET":
            with self._lock:
                record = self._applied.get(item.id)
            if record is None:
                raise not_found("The item has no retention label.")
            return Response.json(200, record)
        if request.method != "PATCH":
            raise ApiError(405, "invalidRequest", f"{request.method} is not supported here.")
        body = request.json()
        name = body.get("name") if isinstance(body, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise ApiError(400, "invalidRequest", "The label name is required.")
        known = self.known.get(name.strip().casefold())
        if known is None:
            raise ApiError(400, "invalidRequest", f"The retention label '{name}' does not exist.")
        record = {
            "name": known,
            "isLabelAppliedExplicitly": True,
            "labelAppliedBy": {"user": {"id": user.oid, "displayName": user.name}},
            "labelAppliedDateTime": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "retentionSettings": {
                "behaviorDuringRetentionPeriod": "retain",
                "isDeleteAllowed": False,
                "isRecordLocked": False,
                "isMetadataUpdateAllowed": True,
                "isContentUpdateAllowed": True,
                "isLabelUpdateAllowed": True,
            },
        }
        with self._lock:
            first = item.id not in self._applied
            self._applied[item.id] = record
            self._save(item.id, record)
        return Response.json(201 if first else 200, record)

    def _item_id(self, user: SandboxUser, rest: str) -> str:
        head = rest.rstrip("/")[: -len("/retentionLabel")]
        if head.startswith("/me/drive/items/"):
            raw = head[len("/me/drive/items/") :]
        elif head.startswith("/drives/"):
            drive, _, tail = head[len("/drives/") :].partition("/")
            if urllib.parse.unquote(drive) != self.store.drives[user.upn][0]:
                raise not_found("The drive could not be found.")
            if not tail.startswith("items/"):
                raise ApiError(400, "invalidRequest", f"Unsupported path {rest!r}.")
            raw = tail[len("items/") :]
        else:
            raise ApiError(400, "invalidRequest", f"Unsupported path {rest!r}.")
        if not raw or "/" in raw or ":" in raw:
            raise ApiError(400, "invalidRequest", "Address the item by its id.")
        return urllib.parse.unquote(raw)
