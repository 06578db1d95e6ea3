"""What is already in OneDrive for this file, and is it ours? The resume and recovery half
of `FileUploader` (upload_session.py keeps the fresh path: session, fragments, verify).

The rules this module keeps:
- A session URL the journal kept from before a stop or crash is used only while it can
  still fit: the file unchanged since, the expiry we recorded not yet past.
- A 409 on createUploadSession is either our own lingering session (its URL is in the
  journal at that very path: delete it), the same bytes already there (counted as
  migrated), or somebody else's file (keep both, ours with a suffix).
- A session that vanished may have been completed by our last fragment: the item at the
  session's path with our size and our hash is ours and verified.
- A copy our own session stored with other bytes than ours is deleted; a file of somebody
  else's is never touched, and nothing is deleted on a guess (no hash yet).
"""

from __future__ import annotations

import logging
import os
import time
from typing import TYPE_CHECKING, Any

from app.m365.errors import NotFoundError
from app.m365.upload_outcomes import (
    Done,
    RetryLater,
    body_of,
    drive_path,
    identity_hash,
    parse_time,
    remote_hash,
)

if TYPE_CHECKING:
    from app.m365.upload_session import FileUploader

log = logging.getLogger(__name__)

# The receipt's note on a file whose first stored copy was damaged and so sent again.
RESENT_NOTE = "OneDrive's first copy did not match what was sent; it was sent again"


def worth_resuming(up: FileUploader, stat: os.stat_result) -> bool:
    """Whether to carry on through the session URL the journal kept from before."""
    if not up.session_url:
        return False
    # A session from before a crash was sized for the file as it was then.
    if stat.st_size != up.item.size or int(stat.st_mtime) != int(up.item.modified):
        up.drop_session()
        return False
    # Past the expiry we recorded: most likely gone. Asking costs a request; if it is in
    # fact alive (fragments extend it), the new session's 409 finds it in the journal and
    # `delete_own_session_at` deletes it.
    return (up.item.session_expiry or 0) >= time.time()


def after_session_gone(up: FileUploader, stat: os.stat_result) -> Done | None:
    """The session vanished while sending: forget it, then see whether it finished ours."""
    up.clear_session()
    return finished_by_us(up, stat)


def delete_own_session_at(up: FileUploader, path: str, stat: os.stat_result) -> bool:
    """A 409 caused by our own earlier session (its URL is in the journal): delete it,
    and the file it completed if that holds other bytes (see `drop_own_damaged`)."""
    current = up.s.journal.item(up.s.run_id, up.item.index)
    if not current.session_url or current.session_path != path:
        return False
    up.urls.send("DELETE", current.session_url)
    up.clear_session()
    try:
        response = up.s.graph.request("GET", drive_path(path), expected=(200,))
    except NotFoundError:
        return True
    drop_own_damaged(up, body_of(response, "GET item", "id"), stat)
    return True


def drop_own_damaged(
    up: FileUploader, item: dict[str, Any], stat: os.stat_result, local: str | None = None
) -> None:
    """The item our own session completed, stored with other bytes than ours: delete it.

    `FileUploader._verify` deletes such a copy at once; a crash between its finding and the
    DELETE leaves it behind, and without this the resume kept it and put ours beside it as
    "(from H drive)": a damaged stray file in the officer's OneDrive. It is ours when it
    sits where our session was (the caller knows) with our size and the modified time
    our session gave it; a file of somebody else's is never touched."""
    info = item.get("fileSystemInfo") or {}
    modified = parse_time(info.get("lastModifiedDateTime"))
    if "file" not in item or int(item.get("size", -1)) != stat.st_size:
        return
    if modified is None or int(modified) != int(stat.st_mtime):
        return
    if local is None:
        size, local = up.hash_local()
        if size != stat.st_size:
            return
    remote = remote_hash(item)
    if remote is None or remote == local:  # no hash yet: never delete on a guess
        return
    log.warning("File %d: our copy from before the interruption is damaged", up.item.index)
    up.delete_item(str(item["id"]))
    up.note(RESENT_NOTE)


def existing_at(up: FileUploader, path: str, stat: os.stat_result) -> Done | bool:
    """Something is at `path`: the same bytes count as migrated (Done); else False (keep
    both: the caller tries the next name)."""
    try:
        response = up.s.graph.request("GET", drive_path(path), expected=(200,))
    except NotFoundError:
        raise RetryLater(
            "name_reserved",
            "OneDrive is still holding an unfinished upload of this file.",
            "Choose Try again in an hour; OneDrive releases unfinished uploads by then.",
        ) from None
    item = body_of(response, "GET item", "id")
    if "file" not in item or int(item.get("size", -1)) != stat.st_size:
        return False
    size, local = up.hash_local()
    if size != stat.st_size or local != identity_hash(item):
        return False
    return Done(not up.touched, str(item["id"]), size, local, path)


def finished_by_us(up: FileUploader, stat: os.stat_result) -> Done | None:
    """Session gone: did our last fragment complete it? Then it is ours and verified."""
    if not up.session_path:
        return None
    try:
        response = up.s.graph.request("GET", drive_path(up.session_path), expected=(200,))
    except NotFoundError:
        return None
    item = body_of(response, "GET item", "id")
    if "file" not in item or int(item.get("size", -1)) != stat.st_size:
        return None
    size, local = up.hash_local()
    if local != remote_hash(item):
        drop_own_damaged(up, item, stat, local)
        return None
    return Done(False, str(item["id"]), size, local, up.session_path)
