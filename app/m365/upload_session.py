"""One file's journey to OneDrive: session, fragments, verification.

What is already in OneDrive and whether it is ours (a session URL kept in the journal,
a 409, a session that vanished) is upload_resume.py; empty files are upload_empty.py.

The rules this module keeps:
- The session URL is in the journal before the first byte is sent.
- Each file is read once while it is sent; the QuickXorHash is computed over exactly the
  bytes the server acknowledged. When the server expects an offset other than the one we
  reached (416, a fragment stored although the answer was a 503, a resume after a
  crash) the hash is rebuilt by re-reading the already-stored prefix from disk (a read,
  not a re-send): the hash must always cover exactly the bytes the server holds.
- Only OneDrive's final driveItem with our size and our hash marks the file verified. A
  mismatch deletes that item (ours) and uploads once more, then fails loudly.
- Never overwrite: conflictBehavior "fail"; what a 409 means is upload_resume.py's.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import requests

from app.core.errors import CancelledError
from app.core.journal import ItemState, JournalItem
from app.core.quickxorhash import QuickXorHash, hash_file
from app.m365 import upload_resume as resume
from app.m365.errors import GraphError, LockedError, graph_error
from app.m365.upload_empty import upload_empty
from app.m365.upload_http import Shared, UploadUrlClient
from app.m365.upload_names import candidates, local_path
from app.m365.upload_outcomes import (
    Changed,
    Done,
    FileFailed,
    Mismatch,
    RetryLater,
    SessionGone,
    body_of,
    drive_path,
    iso_utc,
    next_expected,
    parse_time,
    remote_hash,
)

log = logging.getLogger(__name__)

MAX_CHANGE_RESTARTS = 3
MAX_SESSION_RESTARTS = 4


class FileUploader:
    """Moves one journal item; `run()` returns `Done` or raises RetryLater/FileFailed."""

    def __init__(self, shared: Shared, item: JournalItem) -> None:
        self.s = shared
        self.item = item
        self.path = local_path(shared.source_root, item.rel_path)
        self.urls = UploadUrlClient(shared, f"file {item.index}")
        self.session_url = item.session_url
        self.session_path = item.session_path
        # We sent something for this file before (a session, or an empty file's PUT).
        self.touched = item.state is ItemState.UPLOADING
        self.mismatches = 0

    # -- entry ---------------------------------------------------------------------------

    def run(self) -> Done:
        for _ in range(MAX_CHANGE_RESTARTS + 1):
            stat = self._stat()
            if stat.st_size != self.item.size or int(stat.st_mtime) != int(self.item.modified):
                self.note("changed since the scan; the current version was moved")
            try:
                return self._move(stat)
            except Mismatch:
                self.drop_session()
            except Changed:
                self.note("changed while it was being sent; it was sent again")
                self.drop_session()
        raise RetryLater(
            "changing",
            "The file kept changing while it was being moved.",
            "Close the file wherever it is open and choose Try again.",
        )

    def _stat(self) -> os.stat_result:
        with self._reading(vanished=self._gone_since_scan):
            return os.stat(self.path)

    @contextmanager
    def _reading(self, *, vanished: Callable[[], FileFailed] | None = None) -> Iterator[None]:
        """Every read of the H: drive: an OSError becomes the outcome a person can act on."""
        try:
            yield
        except FileNotFoundError:
            raise (vanished or self._vanished)() from None
        except PermissionError:
            raise self._locked_here() from None
        except OSError as error:
            raise self.unreadable(error) from None

    def _gone_since_scan(self) -> FileFailed:
        return FileFailed(
            "vanished",
            "The file is no longer on the H: drive (moved or deleted since the scan).",
            "If you still need it, put it back and choose Try again.",
        )

    def _locked_here(self) -> RetryLater:
        return RetryLater(
            "locked_local",
            "The file is open in another program, so it cannot be read.",
            "Close the file (for example in Word) and choose Try again.",
        )

    def unreadable(self, error: OSError) -> RetryLater:
        """A read of the H: drive failed (EIO, a dropped share): try later, then report."""
        log.warning("File %d: the H: drive could not be read: %r", self.item.index, error)
        return RetryLater(
            "source_unreadable",
            "The H: drive could not be read (the connection to it may have dropped).",
            "Check you are connected to the police network (and VPN, if you use one), "
            "then choose Try again.",
        )

    def note(self, text: str) -> None:
        self.s.journal.add_note(self.s.run_id, self.item.index, text)

    # -- the whole file ------------------------------------------------------------------

    def _move(self, stat: os.stat_result) -> Done:
        parent = self.item.dest_path.rpartition("/")[0]
        self.s.folders.ensure(parent, self.s.stop)
        if stat.st_size == 0:
            return upload_empty(self, stat)
        if resume.worth_resuming(self, stat):
            done = self._send_or_recover(stat, fresh=False)
            if done:
                return done
        for _ in range(MAX_SESSION_RESTARTS):
            for candidate in candidates(self.item.dest_path):
                outcome = self._create(candidate, stat)
                if isinstance(outcome, Done):
                    return outcome
                if outcome:
                    done = self._send_or_recover(stat, fresh=True)
                    if done:
                        return done
                    break  # the session vanished under us: a new one, same name
            else:
                raise FileFailed(
                    "name_taken",
                    "OneDrive already holds several different files with this name.",
                    "Tidy up the OneDrive folder, then choose Try again.",
                )
        raise RetryLater(
            "session_lost",
            "OneDrive kept losing the upload of this file.",
            "Choose Try again later. If it keeps happening, contact the service desk.",
        )

    def _send_or_recover(self, stat: os.stat_result, *, fresh: bool) -> Done | None:
        """Send through the current session; None if it vanished without our file."""
        try:
            return self._send(stat, fresh=fresh)
        except SessionGone:
            return resume.after_session_gone(self, stat)

    def _create(self, path: str, stat: os.stat_result) -> Done | bool:
        """Open a session at `path`: True; the same bytes already there: Done; taken: False."""
        body = {
            "item": {
                "@microsoft.graph.conflictBehavior": "fail",
                "fileSystemInfo": {
                    "createdDateTime": iso_utc(min(self.item.created, stat.st_mtime)),
                    "lastModifiedDateTime": iso_utc(stat.st_mtime),
                },
            }
        }
        for attempt in range(2):
            try:
                response = self.s.graph.request(
                    "POST", drive_path(path, "/createUploadSession"), json=body, expected=(200,)
                )
            except LockedError:
                raise self.locked_there() from None
            except GraphError as error:
                if error.status != 409:
                    raise
                if attempt == 0 and resume.delete_own_session_at(self, path, stat):
                    continue
                return resume.existing_at(self, path, stat)
            data = body_of(response, "POST createUploadSession", "uploadUrl")
            self.session_url = str(data["uploadUrl"])
            self.session_path = path
            self.s.journal.mark_uploading(
                self.s.run_id,
                self.item.index,
                session_url=self.session_url,
                expiry=parse_time(data.get("expirationDateTime")),
                dest_path=path,
            )
            self.touched = True
            return True
        return False

    def existing_at(self, path: str, stat: os.stat_result) -> Done | bool:
        """Something is at `path`: see `upload_resume.existing_at` (upload_empty asks too)."""
        return resume.existing_at(self, path, stat)

    def hash_local(self) -> tuple[int, str]:
        with self._reading():
            return hash_file(self.path, stop=self.s.stop)

    def _vanished(self) -> FileFailed:
        return FileFailed(
            "vanished",
            "The file disappeared from the H: drive while it was being moved.",
            "If you still need it, put it back and choose Try again.",
        )

    def locked_there(self) -> RetryLater:
        return RetryLater(
            "locked_remote",
            "OneDrive has this file locked (it may be open for editing).",
            "Close the file wherever it is open in OneDrive and choose Try again.",
        )

    # -- fragments -----------------------------------------------------------------------

    def _ask(self) -> int:
        """Where the session stands: the next offset it expects (404: gone)."""
        assert self.session_url
        refused = 0
        while True:
            response = self.urls.send("GET", self.session_url)
            if response is None:
                continue
            if response.status_code == 401 and refused == 0:
                refused += 1  # the URL carries its own credential: one refusal may pass
                continue
            if response.status_code in (404, 401):
                raise SessionGone
            if response.status_code != 200:
                raise self._error(response, "GET upload session")
            nxt = next_expected(body_of(response, "GET upload session"))
            return 0 if nxt is None else nxt

    def _rehash(self, upto: int) -> QuickXorHash:
        """Hash of the first `upto` bytes, re-read from disk (the server already has them)."""
        hasher = QuickXorHash()
        with self._reading(), open(self.path, "rb") as handle:
            remaining = upto
            while remaining:
                chunk = handle.read(min(remaining, 4 << 20))
                if not chunk:
                    raise Changed
                hasher.update(chunk)
                remaining -= len(chunk)
        return hasher

    def _send(self, stat: os.stat_result, *, fresh: bool) -> Done:
        assert self.session_url and self.session_path
        size = stat.st_size
        acked = 0 if fresh else self._ask()
        hasher = self._rehash(acked) if acked else QuickXorHash()
        self.s.on_bytes(acked, 0)  # already in OneDrive from before a restart
        with self._reading():
            handle = open(self.path, "rb")  # noqa: SIM115 (closed below, across the loop)
        with handle:
            while True:
                self.s.checkpoint()
                length = min(self.s.fragment, size - acked)
                try:  # only the read: requests' own errors are OSErrors too
                    handle.seek(acked)
                    chunk = handle.read(length)
                except OSError as error:
                    raise self.unreadable(error) from None
                if len(chunk) != length:
                    raise Changed
                self.s.bandwidth.take(length, self.s.stop)
                headers = {"Content-Range": f"bytes {acked}-{acked + length - 1}/{size}"}
                response = self.urls.send("PUT", self.session_url, data=chunk, headers=headers)
                self.s.on_bytes(0, length)
                final = response is not None and response.status_code in (200, 201)
                if final:
                    assert response is not None
                    hasher.update(chunk)
                    self.s.on_bytes(size - acked, 0)
                    item = body_of(response, "PUT last fragment", "id")
                    return self._verify(item, hasher, size, stat)
                nxt, expiry = self._where_now(response)
                if nxt == acked + length:
                    hasher.update(chunk)
                elif nxt != acked:
                    hasher = self._rehash(nxt)
                self.s.on_bytes(nxt - acked, 0)
                acked = nxt
                self.s.journal.record_offset(self.s.run_id, self.item.index, acked, expiry=expiry)
                self._check_unchanged(stat)

    def _where_now(self, response: requests.Response | None) -> tuple[int, float | None]:
        """The offset the server expects next, and the session's expiry if it said."""
        if response is None or response.status_code == 416:
            return self._ask(), None  # stored-but-503, reset, or the server has other bytes
        if response.status_code == 202:
            body = body_of(response, "PUT fragment")
            nxt = next_expected(body)
            expiry = parse_time(body.get("expirationDateTime"))
            return (self._ask(), None) if nxt is None else (nxt, expiry)
        if response.status_code == 404:
            raise SessionGone
        if response.status_code == 401:
            return self._ask(), None  # a refusal of the URL: ask it (twice means gone)
        if response.status_code == 423:
            raise self.locked_there()
        raise self._error(response, "PUT fragment")

    def _check_unchanged(self, before: os.stat_result) -> None:
        try:
            now = os.stat(self.path)
        except FileNotFoundError:
            raise self._vanished() from None
        except OSError as error:
            raise self.unreadable(error) from None
        if now.st_size != before.st_size or now.st_mtime_ns != before.st_mtime_ns:
            raise Changed

    def _verify(
        self, item: dict[str, Any], hasher: QuickXorHash, size: int, stat: os.stat_result
    ) -> Done:
        ours = hasher.b64digest()
        remote_size = int(item.get("size", -1))
        remote = remote_hash(item)
        item_id = str(item.get("id", ""))
        path = self.session_path or self.item.dest_path
        # The session ended with this answer. The journal keeps saying "uploading" until
        # the caller records the outcome: a crash in between is resolved on resume by
        # finding our bytes at `path`, never mistaken for someone else's file.
        self.session_url = None
        try:
            self._check_unchanged(stat)
        except Changed:
            self.delete_item(item_id)
            self.clear_session()
            raise
        if remote_size == size and remote == ours and hasher.length == size:
            return Done(False, item_id, size, ours, path)
        self.mismatches += 1
        log.warning(
            "File %d: OneDrive holds other bytes (size %d/%d, hash %s/%s); attempt %d",
            self.item.index,
            remote_size,
            size,
            remote,
            ours,
            self.mismatches,
        )
        self.delete_item(item_id)
        self.clear_session()
        if self.mismatches >= 2:
            raise FileFailed(
                "hash_mismatch",
                "OneDrive twice stored something different from the file we sent. "
                "The damaged copy was removed; the file was NOT moved.",
                "Choose Try again. If it happens again, contact the service desk with the log.",
            )
        self.note(resume.RESENT_NOTE)
        raise Mismatch  # upload once more, from the start

    def delete_item(self, item_id: str) -> None:
        if item_id:
            self.s.graph.request("DELETE", f"/me/drive/items/{item_id}", expected=(204, 404))

    # -- bookkeeping ---------------------------------------------------------------------

    def clear_session(self) -> None:
        self.session_url = None
        self.s.journal.clear_session(self.s.run_id, self.item.index)

    def drop_session(self) -> None:
        """Abandon our session (the file changed): delete it so no name stays reserved."""
        if self.session_url:
            self.urls.send("DELETE", self.session_url)
            self.clear_session()

    def _error(self, response: requests.Response, what: str) -> GraphError:
        try:
            body = response.json()
        except ValueError:
            body = None
        return graph_error(response.status_code, body, what=what)


__all__ = ["CancelledError", "Done", "FileFailed", "FileUploader", "RetryLater"]
