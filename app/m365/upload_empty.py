"""Empty files: an upload session cannot carry 0 bytes, so PUT the content, then PATCH
the dates (the only way to keep them; an empty file has no bytes to version twice).
Part of `FileUploader` (upload_session.py), kept apart so that file reads in one sitting.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

from app.m365.errors import GraphError, LockedError
from app.m365.upload_names import candidates
from app.m365.upload_outcomes import (
    EMPTY_HASH,
    Done,
    FileFailed,
    body_of,
    drive_path,
    identity_hash,
    iso_utc,
)

if TYPE_CHECKING:
    from app.m365.upload_session import FileUploader

log = logging.getLogger(__name__)


def upload_empty(up: FileUploader, stat: os.stat_result) -> Done:
    """Upload sessions cannot carry 0 bytes: PUT content, then set the timestamps."""
    for path in candidates(up.item.dest_path):
        if not up.touched:
            up.s.journal.mark_sending(up.s.run_id, up.item.index, dest_path=path)
        try:
            response = up.s.graph.request(
                "PUT",
                drive_path(path, "/content") + "?@microsoft.graph.conflictBehavior=fail",
                data=b"",
                headers={"Content-Type": "application/octet-stream"},
                expected=(200, 201),
            )
        except LockedError:
            raise up.locked_there() from None
        except GraphError as error:
            if error.status != 409:
                raise
            existing = up.existing_at(path, stat)
            if isinstance(existing, Done):
                if not existing.skipped_existing:  # ours, from before a crash
                    _set_dates(up, existing.item_id, stat)
                return existing
            continue
        created = body_of(response, "PUT empty content", "id")
        item = _set_dates(up, str(created["id"]), stat) or created
        if int(item.get("size", -1)) != 0 or identity_hash(item) != EMPTY_HASH:
            raise FileFailed(
                "hash_mismatch",
                "OneDrive did not store the empty file as it is.",
                "Choose Try again; if it happens again contact the service desk.",
            )
        return Done(False, str(item["id"]), 0, EMPTY_HASH, path)
    raise FileFailed(
        "name_taken",
        "OneDrive already holds several different files with this name.",
        "Tidy up the OneDrive folder, then choose Try again.",
    )


def _set_dates(up: FileUploader, item_id: str, stat: os.stat_result) -> dict[str, Any] | None:
    """Give an empty file its dates (PUT content cannot carry them); None if refused."""
    try:
        response = up.s.graph.request(
            "PATCH",
            f"/me/drive/items/{item_id}",
            json={
                "fileSystemInfo": {
                    "createdDateTime": iso_utc(min(up.item.created, stat.st_mtime)),
                    "lastModifiedDateTime": iso_utc(stat.st_mtime),
                }
            },
            expected=(200,),
        )
        patched = body_of(response, "PATCH item dates", "id")
    except GraphError as error:
        # The file itself is there and empty; only its dates could not be kept.
        log.warning("File %d: dates not set: %s", up.item.index, error.for_log())
        up.note("moved, but OneDrive shows today's date instead of the original")
        return None
    return patched
