"""The sandbox's admin endpoint (/_admin/...) for out-of-process tests.

Guarded by a random key (header X-Sandbox-Admin-Key) written to state_dir/admin.json,
readable by its owner only. It offers what `sb.state`, `sb.faults` and the hooks offer
in-process: GET tree, sessions, log; POST faults, lock, token, change (someone else
edits an item: {"upn", "path", "content_b64"?}), expire-sessions, reset-log.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.sandbox.apierror import ApiError
from app.sandbox.httpio import Request, Response

if TYPE_CHECKING:
    from app.sandbox.server import Sandbox

ADMIN_FILE = "admin.json"
KEY_HEADER = "X-Sandbox-Admin-Key"


def write_admin_file(state_dir: Path, base_url: str) -> str:
    key = secrets.token_urlsafe(32)
    path = state_dir / ADMIN_FILE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(
            {"url": f"{base_url}/_admin", "key": key, "ca_path": str(state_dir / "ca.pem")}, out
        )
    return key


def handle(sb: Sandbox, request: Request) -> Response:
    given = request.header(KEY_HEADER)
    if not given or not secrets.compare_digest(given, sb.admin_key):
        raise ApiError(403, "accessDenied", "The admin key is missing or wrong.")
    action = request.path[len("/_admin/") :].strip("/")
    upn = request.query.get("upn")
    if request.method == "GET":
        if action == "tree" and upn:
            return Response.json(200, sb.state.tree(upn))
        if action == "sessions":
            return Response.json(200, sb.state.open_sessions(upn))
        if action == "log":
            return Response.json(200, sb.state.request_log())
    if request.method == "POST":
        body: Any = request.json()
        if not isinstance(body, dict):
            raise ApiError(400, "invalidRequest", "A JSON object is expected.")
        if action == "faults":
            if body.get("clear"):
                sb.faults.clear()
            if isinstance(body.get("spec"), str):
                sb.faults.set(body["spec"])
            if isinstance(body.get("script"), list):
                sb.faults.script([str(e) for e in body["script"]])
            return Response.empty(204)
        if action == "lock":
            try:
                sb.set_locked(str(body["upn"]), str(body["path"]), bool(body.get("locked", True)))
            except KeyError as error:
                raise ApiError(404, "itemNotFound", "No such item.") from error
            return Response.empty(204)
        if action == "token":
            scopes = body.get("scopes")
            token = sb.issue_token(
                str(body["upn"]), [str(s) for s in scopes] if isinstance(scopes, list) else None
            )
            return Response.json(200, {"access_token": token})
        if action == "change":
            raw = body.get("content_b64")
            data = base64.b64decode(raw) if isinstance(raw, str) else None
            try:
                changed = sb.state.change_item(str(body["upn"]), str(body["path"]), data)
            except FileNotFoundError as error:
                raise ApiError(404, "itemNotFound", "No such item.") from error
            return Response.json(200, changed)
        if action == "expire-sessions":
            return Response.json(200, {"expired": sb.state.expire_sessions(upn)})
        if action == "reset-log":
            sb.state.reset_log()
            return Response.empty(204)
    raise ApiError(404, "itemNotFound", f"No admin action {action!r}.")
