"""Changes to a drive with OneDrive's rules: conflicts, quota, locks, names.

Shared by the simple PUT, upload sessions and folder creation, so every way in obeys
the same rules.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from app.sandbox.apierror import ApiError
from app.sandbox.items_json import check_name, iso, mime_for
from app.sandbox.records import Item, new_item_id
from app.sandbox.store import Store

CONFLICT_BEHAVIOURS = ("fail", "replace", "rename")


def conflict_behaviour(value: object, default: str) -> str:
    if value in (None, ""):
        return default
    if value not in CONFLICT_BEHAVIOURS:
        raise ApiError(
            400, "invalidRequest", f"Invalid @microsoft.graph.conflictBehavior {value!r}."
        )
    return str(value)


def check_locked(item: Item) -> None:
    if item.locked:
        raise ApiError(
            423,
            "resourceLocked",
            f"The item '{item.name}' is locked (checked out or open elsewhere).",
        )


def name_taken(store: Store, parent: Item, name: str) -> bool:
    return store.child(parent, name) is not None


def free_name(store: Store, parent: Item, name: str, is_folder: bool) -> str:
    """OneDrive's rename: 'report 1.docx', 'report 2.docx', ..."""
    stem, dot, ext = name.rpartition(".")
    if is_folder or not dot or not stem:
        stem, dot, ext = name, "", ""
    n = 1
    while True:
        candidate = f"{stem} {n}{dot}{ext}"
        if not name_taken(store, parent, candidate):
            return candidate
        n += 1


def quota_used(store: Store, upn: str) -> int:
    return store.root(upn).size


def check_quota(store: Store, upn: str, quota: int, extra: int) -> None:
    if quota_used(store, upn) + extra > quota:
        raise ApiError(
            507,
            "quotaLimitReached",
            "Insufficient space: the user has reached their storage quota.",
        )


def create_folder(
    store: Store,
    parent: Item,
    name: str,
    conflict: str,
    fs_created: str | None,
    fs_modified: str | None,
) -> tuple[Item, bool]:
    """(folder, created?)."""
    with store.transaction():
        if not parent.is_folder:
            raise ApiError(400, "invalidRequest", "The parent is not a folder.")
        check_name(store, parent, name, True)
        existing = store.child(parent, name)
        if existing is not None:
            if conflict == "fail":
                raise ApiError(
                    409, "nameAlreadyExists", f"An item named '{existing.name}' already exists."
                )
            if conflict == "replace":
                if existing.is_folder:
                    return existing, False
                check_locked(existing)
                _remove_blobs(store, store.remove_item(existing))
            else:
                name = free_name(store, parent, name, True)
        now = time.time()
        folder = Item(
            new_item_id(),
            parent.upn,
            parent.id,
            name,
            True,
            0,
            "",
            "",
            now,
            now,
            fs_created or iso(now),
            fs_modified or iso(now),
            1,
        )
        store.add_item(folder)
        return folder, True


def commit_file(
    store: Store,
    parent: Item,
    name: str,
    *,
    conflict: str,
    source: Path,
    size: int,
    qxh: str,
    fs_created: str | None,
    fs_modified: str | None,
    quota: int,
    target: Item | None = None,
) -> tuple[Item, bool]:
    """Move `source` into place as `parent/name` (or over `target`); (item, created?)."""
    with store.transaction():
        now = time.time()
        existing = target if target is not None else store.child(parent, name)
        if existing is not None and target is None and conflict == "rename":
            name = free_name(store, parent, name, False)
            existing = None
        if existing is not None:
            if target is None and conflict == "fail":
                raise ApiError(
                    409, "nameAlreadyExists", f"An item named '{existing.name}' already exists."
                )
            if existing.is_folder:
                raise ApiError(
                    409, "nameAlreadyExists", f"A folder named '{existing.name}' already exists."
                )
            check_locked(existing)
            check_quota(store, parent.upn, quota, size - existing.size)
            os.replace(source, store.blob_path(existing.id))
            delta = size - existing.size
            existing.size = size
            existing.qxh = qxh
            existing.modified = now
            existing.version += 1
            existing.fs_modified = fs_modified or iso(now)
            if fs_created:
                existing.fs_created = fs_created
            store.update_item(existing, size_delta=delta)
            return existing, False
        check_name(store, parent, name, False)
        check_quota(store, parent.upn, quota, size)
        item = Item(
            new_item_id(),
            parent.upn,
            parent.id,
            name,
            False,
            size,
            qxh,
            mime_for(name),
            now,
            now,
            fs_created or iso(now),
            fs_modified or iso(now),
            1,
        )
        os.replace(source, store.blob_path(item.id))
        store.add_item(item)
        return item, True


def delete_item(store: Store, item: Item) -> None:
    with store.transaction():
        if item.parent_id is None:
            raise ApiError(403, "accessDenied", "The root of a drive cannot be deleted.")
        check_locked(item)
        _remove_blobs(store, store.remove_item(item))


def _remove_blobs(store: Store, files: list[Item]) -> None:
    for f in files:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(store.blob_path(f.id))


def update_item(
    store: Store,
    item: Item,
    *,
    name: str | None,
    new_parent: Item | None,
    fs_created: str | None,
    fs_modified: str | None,
) -> Item:
    """PATCH: rename, move, or set fileSystemInfo (each a change: the eTag moves on)."""
    with store.transaction():
        if item.parent_id is None:
            raise ApiError(403, "accessDenied", "The root of a drive cannot be changed.")
        check_locked(item)
        parent = store.items[item.parent_id]
        target_parent = new_parent or parent
        target_name = name if name is not None else item.name
        if target_parent.id != parent.id or target_name != item.name:
            if not target_parent.is_folder:
                raise ApiError(400, "invalidRequest", "The new parent is not a folder.")
            if item.is_folder and store.is_below(target_parent, item):
                raise ApiError(400, "invalidRequest", "A folder cannot be moved into itself.")
            check_name(store, target_parent, target_name, item.is_folder)
            clash = store.child(target_parent, target_name)
            if clash is not None and clash.id != item.id:
                raise ApiError(
                    409, "nameAlreadyExists", f"An item named '{clash.name}' already exists."
                )
            store.move_item(item, target_parent, target_name)
        if fs_created:
            item.fs_created = fs_created
        if fs_modified:
            item.fs_modified = fs_modified
        item.version += 1
        item.modified = time.time()
        store.update_item(item)
        return item
