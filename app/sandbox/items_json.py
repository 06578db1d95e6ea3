"""driveItem JSON as Graph returns it, and OneDrive's own name and path checks."""

from __future__ import annotations

import mimetypes
import re
import time
import urllib.parse
from typing import Any

from app.core.onedrive_rules import (
    MAX_PATH_LENGTH,
    NameIssue,
    name_issues,
    server_relative_length,
)
from app.sandbox.apierror import ApiError
from app.sandbox.records import Item
from app.sandbox.store import Store
from app.sandbox.users import SandboxUser

_ISO = "%Y-%m-%dT%H:%M:%SZ"
_ISO_IN = re.compile(r"\A\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})\Z")
# Checked by the service itself (case clashes and sizes need context it handles elsewhere).
_SERVER_ISSUES = frozenset(NameIssue) - {
    NameIssue.CASE_CLASH,
    NameIssue.PATH_TOO_LONG,
    NameIssue.FILE_TOO_LARGE,
}


def iso(epoch: float) -> str:
    return time.strftime(_ISO, time.gmtime(epoch))


def valid_timestamp(value: object) -> str | None:
    return value if isinstance(value, str) and _ISO_IN.match(value) else None


def json_object(value: object) -> dict[str, Any]:
    """`value` if it is a JSON object, else an empty one (absent or malformed members)."""
    return value if isinstance(value, dict) else {}


def mime_for(name: str) -> str:
    guessed, _ = mimetypes.guess_type(name, strict=False)
    return guessed or "application/octet-stream"


def check_name(store: Store, parent: Item, name: str, is_folder: bool) -> None:
    """Reject what OneDrive rejects: bad names and paths over 400 characters."""
    at_root = parent.parent_id is None
    bad = [
        i for i in name_issues(name, is_folder=is_folder, at_root=at_root) if i in _SERVER_ISSUES
    ]
    if bad:
        raise ApiError(
            400,
            "invalidRequest",
            f"The name '{name}' is not allowed in OneDrive ({', '.join(bad)}).",
            inner_code="invalidFileName"
            if NameIssue.INVALID_CHARACTERS in bad
            else "nameNotAllowed",
        )
    path = f"{store.path_of(parent)}/{name}"
    length = server_relative_length(path, user_principal_name=parent.upn, destination_folder="")
    if length > MAX_PATH_LENGTH:
        raise ApiError(
            400,
            "invalidRequest",
            f"The path is {length} characters long; OneDrive allows {MAX_PATH_LENGTH}.",
            inner_code="pathIsTooLong",
        )


def etag(item: Item) -> str:
    return f'"{{{item.id[2:10]}-0000-0000-0000-{item.id[10:22]}}},{item.version}"'


def ctag(item: Item) -> str:
    return f'"c:{{{item.id[2:10]}-0000-0000-0000-{item.id[10:22]}}},{item.version}"'


def check_if_match(header: str, item: Item | None) -> None:
    """If-Match: 412 when the item changed since the caller read its eTag (or cTag)."""
    if not header:
        return
    if item is None or (header.strip() != "*" and header.strip() not in (etag(item), ctag(item))):
        raise ApiError(
            412, "resourceModified", "The item has changed since it was last read (If-Match)."
        )


def item_json(store: Store, item: Item, base_url: str) -> dict[str, Any]:
    drive_id = store.drives[item.upn][0]
    site = re.sub(r"[^\w]", "_", item.upn)
    path = store.path_of(item)
    data: dict[str, Any] = {
        "id": item.id,
        "name": item.name,
        "size": item.size,
        "createdDateTime": iso(item.created),
        "lastModifiedDateTime": iso(item.modified),
        "eTag": etag(item),
        "cTag": ctag(item),
        "webUrl": f"{base_url}/personal/{site}/Documents{urllib.parse.quote(path)}",
        "fileSystemInfo": {
            "createdDateTime": item.fs_created,
            "lastModifiedDateTime": item.fs_modified,
        },
        "createdBy": {"user": {"email": item.upn, "displayName": item.upn}},
        "parentReference": {"driveType": "business", "driveId": drive_id},
    }
    if item.parent_id is None:
        data["name"] = "root"
        data["root"] = {}
    else:
        parent = store.items[item.parent_id]
        parent_path = store.path_of(parent)
        data["parentReference"].update(
            {
                "id": parent.id,
                "name": parent.name if parent.parent_id else "root",
                "path": f"/drive/root:{parent_path}",
            }
        )
    if item.is_folder:
        data["folder"] = {"childCount": len(item.children)}
    else:
        data["file"] = {"mimeType": item.mime, "hashes": {"quickXorHash": item.qxh}}
    return data


def user_json(user: SandboxUser, base: str) -> dict[str, Any]:
    """GET /me."""
    given, _, surname = user.name.partition(" ")
    return {
        "@odata.context": f"{base}/v1.0/$metadata#users/$entity",
        "id": user.oid,
        "displayName": user.name,
        "givenName": given,
        "surname": surname,
        "userPrincipalName": user.upn,
        "mail": user.upn,
        "businessPhones": [],
        "jobTitle": None,
        "mobilePhone": None,
        "officeLocation": None,
        "preferredLanguage": "en-GB",
    }


def drive_json(store: Store, user: SandboxUser, quota: int, base: str) -> dict[str, Any]:
    """GET /me/drive, with quota as documented (state: normal/nearing/critical/exceeded)."""
    used = store.root(user.upn).size
    total = quota
    remaining = max(0, total - used)
    if used >= total:
        state = "exceeded"
    elif remaining < total * 0.01:
        state = "critical"
    elif remaining < total * 0.10:
        state = "nearing"
    else:
        state = "normal"
    return {
        "id": store.drives[user.upn][0],
        "driveType": "business",
        "name": "OneDrive",
        "owner": {"user": {"id": user.oid, "displayName": user.name, "email": user.upn}},
        "quota": {
            "deleted": 0,
            "remaining": remaining,
            "state": state,
            "total": total,
            "used": used,
        },
        "webUrl": f"{base}/personal/{user.upn.replace('@', '_').replace('.', '_')}/Documents",
    }
