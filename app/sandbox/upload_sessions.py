"""Upload sessions: createUploadSession and the upload URL (fragments, status, cancel).

As documented for OneDrive: fragments go to the uploadUrl without an Authorization
header (one carrying it gets 401), with Content-Range `bytes a-b/total`, in order, at
most 60 MiB each and a multiple of 320 KiB except the last. 202 with
nextExpectedRanges while bytes are missing; 201 (new) or 200 (replaced) with the
driveItem after the last byte (or after the commit POST when deferCommit was asked);
416 for a fragment that does not start where the server expects; 404 itemNotFound for
an expired or cancelled session. Each fragment extends the session's expiry.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any

from app.core.quickxorhash import QuickXorHash
from app.sandbox import drive_ops
from app.sandbox.apierror import ApiError
from app.sandbox.faults import Fault
from app.sandbox.httpio import ClientGone, Request, Response
from app.sandbox.items_json import check_name, iso, item_json, json_object, valid_timestamp
from app.sandbox.records import Item, Session
from app.sandbox.store import Store

FRAGMENT_UNIT = 320 * 1024
MAX_FRAGMENT = 60 * 1024 * 1024
_RANGE = re.compile(r"\Abytes (\d+)-(\d+)/(\d+)\Z")


class UploadSessions:
    def __init__(
        self,
        store: Store,
        quota_bytes: int,
        idle_s: float,
        on_ingress: Callable[[str, int], None] | None = None,
    ) -> None:
        self.store = store
        self.quota_bytes = quota_bytes
        self.idle_s = idle_s
        self.on_ingress = on_ingress  # (upn, bytes): counts towards the per-user limits
        self._hashers: dict[str, QuickXorHash] = {}
        self._corrupt: set[str] = set()  # sessions whose file is stored damaged (a fault)
        self._lock = threading.Lock()

    # -- creation ---------------------------------------------------------------------

    def create(
        self, request: Request, upn: str, parent: Item, name: str, target: Item | None
    ) -> Response:
        body = request.json()
        if not isinstance(body, dict):
            raise ApiError(400, "invalidRequest", "The body must be a JSON object.")
        spec = json_object(body.get("item"))
        conflict = drive_ops.conflict_behaviour(
            spec.get("@microsoft.graph.conflictBehavior"), "replace"
        )
        fsi = json_object(spec.get("fileSystemInfo"))
        self._purge_expired()
        with self.store.lock:
            if target is None:
                check_name(self.store, parent, name, False)
                existing = self.store.child(parent, name)
                if existing is not None and conflict == "fail":
                    raise ApiError(
                        409, "nameAlreadyExists", f"An item named '{existing.name}' already exists."
                    )
                if existing is not None:
                    drive_ops.check_locked(existing)
                if conflict == "fail" and self._open_for(upn, parent.id, name):
                    raise ApiError(
                        409, "nameAlreadyExists", f"An upload session for '{name}' is already open."
                    )
            else:
                drive_ops.check_locked(target)
            now = time.time()
            session = Session(
                id=secrets.token_hex(16),
                upn=upn,
                parent_id=parent.id,
                name=name,
                total=None,
                received=0,
                conflict=conflict,
                fs_created=valid_timestamp(fsi.get("createdDateTime")) or "",
                fs_modified=valid_timestamp(fsi.get("lastModifiedDateTime")) or "",
                expires=now + self.idle_s,
                defer_commit=bool(body.get("deferCommit", False)),
                target_id=target.id if target is not None else None,
                secret=secrets.token_urlsafe(32),
                created=now,
            )
            self.store.save_session(session)
        return Response.json(
            200,
            {
                "@odata.context": f"{request.base_url}/v1.0/$metadata"
                "#microsoft.graph.uploadSession",
                "uploadUrl": self.upload_url(request.base_url, session),
                "expirationDateTime": iso(session.expires),
                "nextExpectedRanges": ["0-"],
            },
        )

    @staticmethod
    def upload_url(base: str, session: Session) -> str:
        return f"{base}/upload/{session.id}?token={session.secret}"

    def _open_for(self, upn: str, parent_id: str, name: str) -> list[Session]:
        now = time.time()
        return [s for s in self.store.open_sessions_for(upn, parent_id, name) if s.expires > now]

    def open_sessions(self, upn: str | None = None) -> list[Session]:
        now = time.time()
        return [
            s
            for s in list(self.store.sessions.values())
            if s.expires > now and (upn is None or s.upn == upn)
        ]

    def _purge_expired(self) -> None:
        """Forget sessions idle past their expiry (and their bytes), as OneDrive does."""
        now = time.time()
        for session in list(self.store.sessions.values()):
            if session.expires <= now:
                self.expire(session.id)

    def expire(self, session_id: str) -> None:
        """End a session now (the 'expire' fault; also what idle expiry does)."""
        with self._lock:
            self._hashers.pop(session_id, None)
            self._corrupt.discard(session_id)
        self.store.drop_session(session_id)

    # -- the upload URL ---------------------------------------------------------------

    def session_for(self, request: Request, session_id: str) -> Session:
        session = self.store.sessions.get(session_id)
        if session is None or not secrets.compare_digest(
            request.query.get("token", ""), session.secret
        ):
            raise ApiError(404, "itemNotFound", "The upload session was not found.")
        if session.expires <= time.time():
            self.expire(session_id)
            raise ApiError(404, "itemNotFound", "The upload session has expired.")
        return session

    def handle(self, request: Request, session_id: str, fault: Fault | None) -> Response:
        if request.header("Authorization"):
            raise ApiError(
                401, "unauthenticated", "Do not send an Authorization header to the upload URL."
            )
        session = self.session_for(request, session_id)
        if fault is not None and fault.kind == "expire":
            self.expire(session_id)
            raise ApiError(404, "itemNotFound", "The upload session has expired.")
        if request.method == "GET":
            return Response.json(200, self._status(session))
        if request.method == "DELETE":
            self.expire(session_id)
            return Response.empty(204)
        if request.method == "POST":
            return self._commit_request(request, session)
        if request.method == "PUT":
            if fault is not None and fault.kind == "corrupt":
                with self._lock:
                    self._corrupt.add(session_id)
            with session.lock:
                return self._fragment(request, session, fault)
        raise ApiError(405, "invalidRequest", f"{request.method} is not supported here.")

    def _status(self, session: Session) -> dict[str, Any]:
        complete = session.total is not None and session.received >= session.total
        return {
            "expirationDateTime": iso(session.expires),
            "nextExpectedRanges": [] if complete else [f"{session.received}-"],
        }

    def _fragment(self, request: Request, session: Session, fault: Fault | None) -> Response:
        match = _RANGE.match(request.header("Content-Range").strip())
        if match is None:
            raise ApiError(400, "invalidRange", "Content-Range must be 'bytes start-end/total'.")
        start, end, total = (int(g) for g in match.groups())
        length = request.body.length
        if end < start or end >= total or length != end - start + 1:
            raise ApiError(
                400, "invalidRange", "Content-Range does not match Content-Length or the total."
            )
        if session.total is not None and total != session.total:
            raise ApiError(
                400, "invalidRange", f"The total size changed from {session.total} to {total}."
            )
        if length > MAX_FRAGMENT:
            raise ApiError(413, "requestTooLarge", "A fragment must be at most 60 MiB.")
        if start != session.received:
            raise ApiError(
                416,
                "invalidRange",
                "The fragment does not start where the server expects: "
                f"next expected {session.received}-.",
                extra={"nextExpectedRanges": self._status(session)["nextExpectedRanges"]},
            )
        if end + 1 < total and length % FRAGMENT_UNIT:
            raise ApiError(
                400,
                "invalidRange",
                "Fragments must be a multiple of 320 KiB (327,680 bytes), except the last one.",
            )
        target = self.store.items.get(session.target_id) if session.target_id else None
        existing_size = target.size if target is not None else 0
        if session.received == 0:
            drive_ops.check_quota(
                self.store,
                session.upn,
                self.quota_bytes,
                total - existing_size + self._pending_bytes(session),
            )
        hasher = self._hasher(session)
        part = self.store.session_part(session.id)
        cut = length // 2 if fault is not None and fault.kind == "reset" else None
        try:
            # The part file is created by the first fragment (one file open per small file).
            with open(part, "r+b" if start else "wb") as out:
                out.seek(start)
                while request.body.remaining:
                    if cut is not None and request.body.consumed >= cut:
                        raise ClientGone("reset fault")
                    want = min(1 << 20, request.body.remaining)
                    if cut is not None:
                        want = max(1, min(want, cut - request.body.consumed))
                    chunk = request.body.read(want)
                    hasher.update(chunk)
                    out.write(chunk)
                out.truncate(end + 1)
        except ClientGone:
            # Nothing of a broken fragment counts: OneDrive expects it again from `start`.
            with self._lock:
                self._hashers.pop(session.id, None)
            with open(part, "r+b" if part.exists() else "wb") as out:
                out.truncate(start)
            if cut is not None:
                return Response(0, reset=True, note="fault:reset")
            raise
        if self.on_ingress is not None:
            self.on_ingress(session.upn, length)
        with self.store.lock:
            if session.id not in self.store.sessions:
                # Cancelled or expired while this fragment was arriving: do not revive it.
                raise ApiError(404, "itemNotFound", "The upload session was cancelled.")
            session.total = total
            session.received = end + 1
            session.expires = time.time() + self.idle_s
            self.store.save_session(session)
        if session.received < total or session.defer_commit:
            response = Response.json(202, self._status(session))
        else:
            response = self._finish(request, session)
        if fault is not None and fault.kind == "stored503":
            return Response.json(
                503,
                {
                    "error": {
                        "code": "serviceNotAvailable",
                        "message": "The service is unavailable.",
                    }
                },
                {"Retry-After": "1"},
            )
        return response

    def _pending_bytes(self, session: Session) -> int:
        return sum((s.total or 0) for s in self.open_sessions(session.upn) if s.id != session.id)

    def _hasher(self, session: Session) -> QuickXorHash:
        with self._lock:
            hasher = self._hashers.get(session.id)
            if hasher is None or hasher.length != session.received:
                # After a restart (or a broken fragment) rebuild from the stored bytes.
                hasher = QuickXorHash()
                if session.received == 0:
                    self._hashers[session.id] = hasher
                    return hasher
                with open(self.store.session_part(session.id), "rb") as stored:
                    left = session.received
                    while left:
                        chunk = stored.read(min(left, 4 << 20))
                        if not chunk:
                            break
                        hasher.update(chunk)
                        left -= len(chunk)
                self._hashers[session.id] = hasher
            return hasher

    def _commit_request(self, request: Request, session: Session) -> Response:
        """deferCommit: an empty POST to the upload URL creates the file."""
        request.body.drain()
        if session.total is None or session.received < session.total:
            raise ApiError(400, "invalidRequest", "Not every byte has been uploaded yet.")
        with session.lock:
            return self._finish(request, session)

    def _damage(self, session: Session) -> None:
        """The 'corrupt' fault: flip one byte of the stored file; its hash follows it."""
        with open(self.store.session_part(session.id), "r+b") as part:
            part.seek(session.received // 2)
            byte = part.read(1)
            part.seek(session.received // 2)
            part.write(bytes([byte[0] ^ 0xFF]))
        self._hashers.pop(session.id, None)

    def _finish(self, request: Request, session: Session) -> Response:
        parent = self.store.items.get(session.parent_id)
        if parent is None:
            self.expire(session.id)
            raise ApiError(404, "itemNotFound", "The destination folder no longer exists.")
        target = self.store.items.get(session.target_id) if session.target_id else None
        with self._lock:
            if session.id in self._corrupt:
                self._corrupt.discard(session.id)
                self._damage(session)
            hasher = self._hashers.get(session.id)
        qxh = (
            hasher
            if hasher is not None and hasher.length == session.received
            else self._hasher(session)
        ).b64digest()
        with self.store.transaction():
            try:
                item, created = drive_ops.commit_file(
                    self.store,
                    parent,
                    session.name,
                    conflict=session.conflict,
                    source=self.store.session_part(session.id),
                    size=session.received,
                    qxh=qxh,
                    fs_created=session.fs_created or None,
                    fs_modified=session.fs_modified or None,
                    quota=self.quota_bytes,
                    target=target,
                )
            finally:
                self.expire(session.id)
        return Response.json(201 if created else 200, item_json(self.store, item, request.base_url))
