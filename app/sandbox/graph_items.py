"""The OneDrive part of Microsoft Graph under /v1.0: /me, drives, items, content.

Items are addressed by id (/me/drive/items/{id}) or by path (/me/drive/root:/a/b,
with or without the trailing colon, percent-decoded), and both forms take the actions
/children, /content and /createUploadSession. Requests need a valid bearer token with
the right scope (403 accessDenied otherwise).
"""

from __future__ import annotations

import os
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

from app.core.quickxorhash import QuickXorHash
from app.sandbox import drive_ops
from app.sandbox.apierror import ApiError, not_found
from app.sandbox.faults import Fault
from app.sandbox.httpio import Request, Response
from app.sandbox.identity import Identity
from app.sandbox.items_json import (
    check_if_match,
    drive_json,
    item_json,
    json_object,
    user_json,
    valid_timestamp,
)
from app.sandbox.jwt import InvalidToken
from app.sandbox.oauth import GRAPH_AUDIENCE
from app.sandbox.records import Item
from app.sandbox.store import Store
from app.sandbox.upload_sessions import UploadSessions
from app.sandbox.users import SandboxUser

READ_SCOPES = frozenset({"Files.Read", "Files.ReadWrite", "Files.Read.All", "Files.ReadWrite.All"})
WRITE_SCOPES = frozenset({"Files.ReadWrite", "Files.ReadWrite.All"})
SIMPLE_UPLOAD_LIMIT = 250 * 1000 * 1000  # "up to 250 MB" for PUT .../content
DEFAULT_PAGE = 200
MAX_PAGE = 1000


class GraphApi:
    def __init__(
        self, store: Store, identity: Identity, uploads: UploadSessions, quota_bytes: int
    ) -> None:
        self.store = store
        self.identity = identity
        self.uploads = uploads
        self.quota_bytes = quota_bytes

    # -- authentication -------------------------------------------------------------

    def authenticate(self, request: Request) -> tuple[SandboxUser, frozenset[str]]:
        header = request.header("Authorization")
        authorize = f"{request.base_url}/{self.identity.tenant}/oauth2/v2.0/authorize"
        challenge = {
            "WWW-Authenticate": f'Bearer realm="", authorization_uri="{authorize}", '
            f'client_id="{self.identity.client_id}"'
        }
        if not header.startswith("Bearer "):
            raise ApiError(
                401, "InvalidAuthenticationToken", "Access token is empty.", headers=challenge
            )
        try:
            claims = self.identity.signer.verify(header[7:].strip())
        except InvalidToken as error:
            raise ApiError(
                401,
                "InvalidAuthenticationToken",
                "Access token validation failure. Invalid signature or format.",
                headers=challenge,
            ) from error
        if claims.get("aud") != GRAPH_AUDIENCE:  # e.g. an id_token: not for Graph
            raise ApiError(
                401,
                "InvalidAuthenticationToken",
                "Access token validation failure. Invalid audience.",
                headers=challenge,
            )
        if float(claims.get("exp", 0)) <= time.time():
            raise ApiError(
                401,
                "InvalidAuthenticationToken",
                "Lifetime validation failed, the token is expired.",
                headers={
                    **challenge,
                    "WWW-Authenticate": challenge["WWW-Authenticate"] + ', error="invalid_token"',
                },
            )
        user = self.identity.users.get(str(claims.get("upn", "")).lower())
        if user is None:
            raise ApiError(
                401, "InvalidAuthenticationToken", "The user is unknown.", headers=challenge
            )
        return user, frozenset(str(claims.get("scp", "")).split())

    @staticmethod
    def require(scopes: frozenset[str], needed: frozenset[str]) -> None:
        if not scopes & needed:
            raise ApiError(
                403,
                "accessDenied",
                "Either scp or roles claim need to be present in the token "
                f"with one of: {', '.join(sorted(needed))}.",
            )

    # -- routing --------------------------------------------------------------------

    def handle(
        self,
        request: Request,
        rest: str,
        fault: Fault | None,
        auth: tuple[SandboxUser, frozenset[str]] | None = None,
    ) -> Response:
        user, scopes = auth if auth is not None else self.authenticate(request)
        if rest == "/me" or rest == "/me/":
            if request.method != "GET":
                raise ApiError(405, "invalidRequest", "Method not allowed.")
            self.require(scopes, frozenset({"User.Read", "User.ReadBasic.All"}))
            return Response.json(200, user_json(user, request.base_url))
        self.store.ensure_drive(user.upn, _now_iso())
        drive_id = self.store.drives[user.upn][0]
        if rest.startswith("/me/drive"):
            tail = rest[len("/me/drive") :]
        elif rest.startswith("/drives/"):
            asked, _, tail = rest[len("/drives/") :].partition("/")
            if urllib.parse.unquote(asked) != drive_id:
                raise not_found("The drive could not be found.")
            tail = "/" + tail if tail else ""
        else:
            raise ApiError(400, "invalidRequest", f"Unsupported path {rest!r}.")
        self.require(scopes, READ_SCOPES)
        if tail in ("", "/"):
            return Response.json(
                200, drive_json(self.store, user, self.quota_bytes, request.base_url)
            )
        base, path, action = self._parse_item_route(user, tail)
        writing = request.method in ("PUT", "POST", "DELETE", "PATCH")
        if writing:
            self.require(scopes, WRITE_SCOPES)
        return self._dispatch(request, user, base, path, action, fault)

    def _parse_item_route(self, user: SandboxUser, tail: str) -> tuple[Item, str, str]:
        """(base item, decoded path below it or '', action)."""
        if tail.startswith("/root"):
            base = self.store.root(user.upn)
            tail = tail[len("/root") :]
        elif tail.startswith("/items/"):
            item_id, sep, rest = tail[len("/items/") :].partition("/")
            item_id, colon, after = item_id.partition(":")
            if colon:
                rest = ":" + after + sep + rest
                sep = ""
            item_id = urllib.parse.unquote(item_id)
            found = (
                self.store.root(user.upn)
                if item_id == "root"  # Graph accepts /items/root for the drive's root
                else self.store.get(user.upn, item_id)
            )
            if found is None:
                raise not_found("The resource could not be found.")
            base = found
            tail = ("/" + rest if sep else rest) if rest else ""
        else:
            raise ApiError(400, "invalidRequest", f"Unsupported path {tail!r}.")
        path = ""
        if tail.startswith(":"):
            end = tail.find(":", 1)
            raw_path, action = (tail[1:], "") if end < 0 else (tail[1:end], tail[end + 1 :])
            path = urllib.parse.unquote(raw_path).strip("/")
        else:
            action = tail
        action = action.rstrip("/")
        if action not in ("", "/children", "/content", "/createUploadSession"):
            raise ApiError(400, "invalidRequest", f"Unsupported action {action!r}.")
        return base, path, action

    def _dispatch(
        self,
        request: Request,
        user: SandboxUser,
        base: Item,
        path: str,
        action: str,
        fault: Fault | None,
    ) -> Response:
        method = request.method
        if_match = request.header("If-Match")
        if action == "/createUploadSession" and method == "POST":
            parent, name, target = self._parent_for_write(base, path)
            check_if_match(if_match, target or self.store.child(parent, name))
            return self.uploads.create(request, user.upn, parent, name, target)
        if action == "/content" and method == "PUT":
            return self._put_content(request, base, path)
        item = self.store.resolve(base, path) if path else base
        if item is None:
            raise not_found("The resource could not be found.")
        if action == "" and method == "GET":
            if fault is not None and fault.kind == "changed":
                self._change(item)
            return Response.json(200, item_json(self.store, item, request.base_url))
        if action == "" and method == "DELETE":
            check_if_match(if_match, item)
            drive_ops.delete_item(self.store, item)
            return Response.empty(204)
        if action == "" and method == "PATCH":
            check_if_match(if_match, item)
            return self._patch(request, item)
        if action == "/children" and method == "GET":
            return self._children(request, item)
        if action == "/children" and method == "POST":
            return self._create_folder(request, item)
        if action == "/content" and method == "GET":
            if item.is_folder:
                raise ApiError(400, "invalidRequest", "A folder has no content.")
            return Response(
                200, b"", "application/octet-stream", file=self.store.blob_path(item.id)
            )
        raise ApiError(405, "invalidRequest", f"{method} is not supported here.")

    # -- handlers -------------------------------------------------------------------

    def _parent_for_write(self, base: Item, path: str) -> tuple[Item, str, Item | None]:
        """(parent folder, name, existing item when addressed by id) for a write."""
        if not path:
            if base.is_folder:
                raise ApiError(400, "invalidRequest", "Give a file name after the folder.")
            parent = self.store.items[base.parent_id or ""]
            return parent, base.name, base
        *folders, name = path.split("/")
        parent = base
        # OneDrive creates missing folders on the way; under the lock, so that two
        # uploads into the same new folder do not both try to create it.
        with self.store.lock:
            for part in folders:
                child = self.store.child(parent, part)
                if child is None:
                    child, _ = drive_ops.create_folder(self.store, parent, part, "fail", None, None)
                if not child.is_folder:
                    raise ApiError(409, "nameAlreadyExists", f"'{part}' is a file, not a folder.")
                parent = child
        return parent, name, None

    def _put_content(self, request: Request, base: Item, path: str) -> Response:
        conflict = drive_ops.conflict_behaviour(
            request.query.get("@microsoft.graph.conflictBehavior"), "replace"
        )
        length = request.body.length
        if length > SIMPLE_UPLOAD_LIMIT:
            raise ApiError(413, "requestTooLarge", "Files over 250 MB need an upload session.")
        parent, name, target = self._parent_for_write(base, path)
        existing = target or self.store.child(parent, name)
        check_if_match(request.header("If-Match"), existing)
        if existing is not None and conflict == "fail":
            raise ApiError(409, "nameAlreadyExists", f"'{existing.name}' already exists.")
        drive_ops.check_quota(
            self.store, parent.upn, self.quota_bytes, length - (existing.size if existing else 0)
        )
        hasher = QuickXorHash()
        fd, tmp = tempfile.mkstemp(dir=self.store.session_dir, suffix=".put")
        try:
            with os.fdopen(fd, "wb") as out:
                while request.body.remaining:
                    chunk = request.body.read()
                    hasher.update(chunk)
                    out.write(chunk)
            item, created = drive_ops.commit_file(
                self.store,
                parent,
                name,
                conflict=conflict,
                source=Path(tmp),
                size=length,
                qxh=hasher.b64digest(),
                fs_created=None,
                fs_modified=None,
                quota=self.quota_bytes,
                target=target,
            )
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return Response.json(201 if created else 200, item_json(self.store, item, request.base_url))

    def _children(self, request: Request, folder: Item) -> Response:
        if not folder.is_folder:
            return Response.json(200, {"value": []})
        try:
            top = int(request.query.get("$top", DEFAULT_PAGE))
            skip = int(request.query.get("$skiptoken", "0") or 0)
        except ValueError as error:
            raise ApiError(400, "invalidRequest", "Invalid $top or $skiptoken.") from error
        top = max(1, min(top, MAX_PAGE))
        kids = self.store.children_of(folder)
        page = kids[skip : skip + top]
        body: dict[str, Any] = {"value": [item_json(self.store, k, request.base_url) for k in page]}
        if skip + top < len(kids):
            query = urllib.parse.urlencode({"$top": top, "$skiptoken": skip + top})
            body["@odata.nextLink"] = f"{request.base_url}/v1.0{_route_of(request)}?{query}"
        return Response.json(200, body)

    def _create_folder(self, request: Request, parent: Item) -> Response:
        body = request.json()
        if not isinstance(body, dict) or not isinstance(body.get("name"), str):
            raise ApiError(400, "invalidRequest", "A name is required.")
        if "folder" not in body:
            raise ApiError(400, "invalidRequest", "Only folders can be created here.")
        conflict = drive_ops.conflict_behaviour(
            body.get("@microsoft.graph.conflictBehavior"), "fail"
        )
        fsi = json_object(body.get("fileSystemInfo"))
        folder, created = drive_ops.create_folder(
            self.store,
            parent,
            body["name"],
            conflict,
            valid_timestamp(fsi.get("createdDateTime")),
            valid_timestamp(fsi.get("lastModifiedDateTime")),
        )
        return Response.json(
            201 if created else 200, item_json(self.store, folder, request.base_url)
        )

    def _patch(self, request: Request, item: Item) -> Response:
        body = request.json()
        if not isinstance(body, dict):
            raise ApiError(400, "invalidRequest", "The body must be a JSON object.")
        fsi = json_object(body.get("fileSystemInfo"))
        times = {}
        for key in ("createdDateTime", "lastModifiedDateTime"):
            if key in fsi:
                value = valid_timestamp(fsi[key])
                if value is None:
                    raise ApiError(400, "invalidRequest", f"Invalid fileSystemInfo.{key}.")
                times[key] = value
        name = body.get("name")
        if name is not None and not isinstance(name, str):
            raise ApiError(400, "invalidRequest", "The name must be a string.")
        new_parent = None
        parent_id = json_object(body.get("parentReference")).get("id")
        if parent_id is not None:
            new_parent = self.store.get(item.upn, str(parent_id))
            if new_parent is None:
                raise not_found("The new parent could not be found.")
        updated = drive_ops.update_item(
            self.store,
            item,
            name=name,
            new_parent=new_parent,
            fs_created=times.get("createdDateTime"),
            fs_modified=times.get("lastModifiedDateTime"),
        )
        return Response.json(200, item_json(self.store, updated, request.base_url))

    def _change(self, item: Item) -> None:
        """Someone else changed the item: its eTag moves on (the 'changed' fault)."""
        with self.store.lock:
            item.version += 1
            item.modified = time.time()
            self.store.update_item(item)


def _route_of(request: Request) -> str:
    return request.path[len("/v1.0") :] if request.path.startswith("/v1.0") else request.path


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
