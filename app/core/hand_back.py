"""The device hand-back check: is anything of the officer's left only on this laptop?

Laptops are replaced in exchange for the old one, which is wiped. Before handing it back
the officer runs this check over the laptop's own folders (Desktop, Documents, Downloads,
Pictures) and the laptop's offline copy of the H: drive where there is one, and gets a
`HandBackReport`: every file with its status

- `safe_in_onedrive`: OneDrive holds a file with the same size and QuickXorHash;
- `not_in_onedrive`: nothing of that name where it would be in OneDrive;
- `different_in_onedrive`: a file of that name is there, with other bytes;
- `unreadable`: the laptop would not let us read it (so we cannot vouch for it).

Where a file "would be" in OneDrive: for the H: drive's copy, where our own migration
put it (the journal says; OneDrive must still hold that size and hash there, as a file
deleted in OneDrive since would otherwise be wiped with the laptop), else under the
destination folder; for the laptop's folders, where moving them with
the wizard puts them (`<destination>/Laptop/<folder>`) or where OneDrive's own Known
Folder Move keeps them (`Desktop`, `Documents`, `Pictures` at the top of OneDrive).
OneDrive is asked through a `RemoteLookup` (app.m365.onedrive_lookup lists each folder
once); no network here. A file is hashed only when OneDrive has one of the same size:
a file OneDrive lacks is reported without reading it. A Files On-Demand placeholder
(offline / recall-on-access attributes, outside the H: drive's copy) is OneDrive's own
copy: safe, and never read (reading it would download it).

The folder list comes from `laptop_folders()` (app.core.hand_back_folders: Windows'
known folders, or folders given on the command line), re-exported here.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import os
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Protocol

from app.core.atomic_file import write_atomically
from app.core.errors import BadInputError, CancelledError
from app.core.hand_back_folders import (
    H_DRIVE_COPY_NAME,
    KFM_NAMES,
    KNOWN_FOLDERS,
    LaptopFolder,
    laptop_folders,
    windows_known_folder,
)
from app.core.hdrive import to_os_path
from app.core.inventory import Attr
from app.core.journal import ItemState, Journal
from app.core.quickxorhash import hash_file
from app.core.receipt_files import is_receipt_name
from app.core.scan import scan
from app.core.texts import N_

__all__ = [
    "H_DRIVE_COPY_NAME",
    "KFM_NAMES",
    "KNOWN_FOLDERS",
    "HandBackItem",
    "HandBackProgress",
    "HandBackReport",
    "HandBackReportNotSaved",
    "HandBackStatus",
    "JournalCopy",
    "LaptopFolder",
    "RemoteFile",
    "RemoteLookup",
    "check_hand_back",
    "journal_copies",
    "laptop_folders",
    "load_report",
    "save_report",
    "windows_known_folder",
]


class HandBackStatus(enum.StrEnum):
    SAFE_IN_ONEDRIVE = "safe_in_onedrive"
    NOT_IN_ONEDRIVE = "not_in_onedrive"
    DIFFERENT_IN_ONEDRIVE = "different_in_onedrive"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class HandBackItem:
    path: str  # the file on this laptop (full path)
    folder: str  # LaptopFolder.name
    rel_path: str  # '/'-separated, under the folder
    size: int
    status: HandBackStatus
    onedrive_path: str = ""  # where it is in OneDrive (safe or different), else ""
    detail: str = ""  # why unreadable, or what differs


@dataclass
class HandBackReport:
    """The check's result (the receipt's "before you hand the laptop back" section)."""

    folders: list[LaptopFolder]
    items: list[HandBackItem] = field(default_factory=list)
    checked_at: float = 0.0  # seconds since the epoch
    complete: bool = True  # False: stopped before every file was checked

    def count(self, status: HandBackStatus) -> int:
        return sum(1 for item in self.items if item.status is status)

    @property
    def not_safe(self) -> list[HandBackItem]:
        """What would be lost with the laptop (or cannot be vouched for)."""
        return [i for i in self.items if i.status is not HandBackStatus.SAFE_IN_ONEDRIVE]

    @property
    def safe_to_hand_back(self) -> bool:
        return self.complete and not self.not_safe


class RemoteFile(NamedTuple):
    path: str  # in OneDrive, from the drive root
    size: int
    quick_xor_hash: str | None  # None: OneDrive gave none (then it cannot be vouched for)


class RemoteLookup(Protocol):
    """OneDrive as the check sees it (app.m365.onedrive_lookup.OneDriveFolders)."""

    def file_at(self, path: str) -> RemoteFile | None: ...


class JournalCopy(NamedTuple):
    """What our own migration recorded for an H: drive file it moved and verified."""

    onedrive_path: str
    size: int
    quick_xor_hash: str


@dataclass(frozen=True)
class HandBackProgress:
    files_checked: int
    folder: str


# -- the saved report (the receipt reads it) -------------------------------------------

REPORT_FILE_NAME = "hand-back-check.json"


def save_report(report: HandBackReport, path: Path) -> None:
    """Write the report as JSON (atomically: a reader never sees half a report)."""
    data = {
        "checked_at": report.checked_at,
        "complete": report.complete,
        "folders": [dataclasses.asdict(folder) for folder in report.folders],
        "items": [dataclasses.asdict(item) for item in report.items],
    }
    try:
        write_atomically(path, json.dumps(data, indent=1).encode("utf-8"))
    except OSError as error:
        raise HandBackReportNotSaved(path, error) from error


class HandBackReportNotSaved(BadInputError):
    def __init__(self, target: Path, error: OSError) -> None:
        super().__init__(
            N_("The hand-back check could not be saved"),
            N_("Nothing could be written to {target}."),
            N_("Choose another file name, for example one in your Documents folder."),
            detail=repr(error),
            values={"target": target},
        )


def load_report(path: Path) -> HandBackReport | None:
    """The saved report, or None if there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        folders = [
            LaptopFolder(f["name"], f["path"], tuple(f["onedrive_folders"]), bool(f["h_drive"]))
            for f in data["folders"]
        ]
        items = [
            HandBackItem(**{**item, "status": HandBackStatus(item["status"])})
            for item in data["items"]
        ]
        return HandBackReport(folders, items, float(data["checked_at"]), bool(data["complete"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


# -- the check --------------------------------------------------------------------------


def journal_copies(journal: Journal) -> dict[str, JournalCopy]:
    """Every file our runs moved and verified, by H: drive path (case-insensitive, as the
    H: drive's file system is); a later run's record wins."""
    latest = journal.latest_run()
    copies: dict[str, JournalCopy] = {}
    for run_id in range(1, latest.id + 1 if latest else 1):
        for item in journal.items(run_id, [ItemState.VERIFIED, ItemState.SKIPPED_EXISTING]):
            if item.final_path and item.remote_hash and item.remote_size is not None:
                copies[item.rel_path.casefold()] = JournalCopy(
                    item.final_path, item.remote_size, item.remote_hash
                )
    return copies


def check_hand_back(
    folders: Sequence[LaptopFolder],
    remote: RemoteLookup,
    journal: Mapping[str, JournalCopy] | None = None,
    *,
    stop: threading.Event | None = None,
    progress: Callable[[HandBackProgress], None] | None = None,
    progress_interval_s: float = 0.25,
) -> HandBackReport:
    """Check every file in `folders` against OneDrive; stopping returns what is known."""
    report = HandBackReport(list(folders), checked_at=time.time())
    checked = 0
    last = 0.0
    try:
        for folder in folders:
            inventory = scan(folder.path, stop=stop, workers=1, helper_process=False)
            for problem in inventory.problems:
                report.items.append(
                    HandBackItem(
                        os.path.join(folder.path, problem.rel_path),
                        folder.name,
                        problem.rel_path,
                        0,
                        HandBackStatus.UNREADABLE,
                        detail=problem.detail or problem.kind.value,
                    )
                )
            for entry in inventory.files:
                if stop is not None and stop.is_set():
                    raise CancelledError
                if entry.attributes & Attr.OFFLINE and not folder.h_drive:
                    report.items.append(_placeholder(folder, entry.rel_path, entry.size))
                elif not folder.h_drive and _is_app_file(entry.rel_path):
                    report.items.append(_app_file(folder, entry.rel_path, entry.size, remote))
                else:
                    report.items.append(
                        _check_file(folder, entry.rel_path, entry.size, remote, journal)
                    )
                checked += 1
                now = time.monotonic()
                if progress is not None and now - last >= progress_interval_s:
                    last = now
                    progress(HandBackProgress(checked, folder.name))
            if not inventory.complete:
                raise CancelledError
    except CancelledError:
        report.complete = False
    if progress is not None:
        progress(HandBackProgress(checked, ""))
    return report


# app.core.support_bundle.default_bundle_path's names
_SUPPORT_BUNDLE = re.compile(r"^H drive migration support .+\.zip$")
RECEIPT_DETAIL = "the assistant's own receipt; its copy in OneDrive is the same"
APP_FILE_DETAIL = (
    "the assistant's own {what}, not one of your files (each migration puts its receipt "
    "in OneDrive beside the files it moved)"
)


def _is_app_file(rel_path: str) -> bool:
    """A receipt or support bundle the assistant saved in this folder (Documents)."""
    return "/" not in rel_path and (
        is_receipt_name(rel_path) or bool(_SUPPORT_BUNDLE.match(rel_path))
    )


def _app_file(folder: LaptopFolder, name: str, size: int, remote: RemoteLookup) -> HandBackItem:
    """The assistant's own receipts (and support bundles) are not the officer's files: a
    receipt is looked for where it was uploaded (beside the destination folder, or beside
    a moved laptop folder); safe either way, so that the check can pass with them there."""
    shown = os.path.join(folder.path, name)
    laptop_base = folder.onedrive_folders[0].rpartition("/")[0]  # <destination>/Laptop
    destination_parent = laptop_base.rpartition("/")[0].rpartition("/")[0]
    if is_receipt_name(name):
        for base in (destination_parent, laptop_base):
            found = remote.file_at(f"{base}/{name}" if base else name)
            try:
                same = (
                    found is not None
                    and found.size == size
                    and found.quick_xor_hash == hash_file(to_os_path(folder.path, name))[1]
                )
            except OSError:
                same = False
            if same and found is not None:
                return HandBackItem(
                    shown,
                    folder.name,
                    name,
                    size,
                    HandBackStatus.SAFE_IN_ONEDRIVE,
                    found.path,
                    RECEIPT_DETAIL,
                )
    what = "receipt" if is_receipt_name(name) else "support bundle"
    return HandBackItem(
        shown,
        folder.name,
        name,
        size,
        HandBackStatus.SAFE_IN_ONEDRIVE,
        "",
        APP_FILE_DETAIL.format(what=what),
    )


PLACEHOLDER_DETAIL = "online-only (a OneDrive placeholder: OneDrive's own copy, not read)"


def _placeholder(folder: LaptopFolder, rel_path: str, size: int) -> HandBackItem:
    """A Files On-Demand placeholder (Known Folder Move): the file's bytes are in OneDrive,
    not on this laptop, and hashing it would make Windows download it. It is OneDrive's
    own copy, so it is safe by definition, and never read."""
    kfm = [base for base in folder.onedrive_folders if base in KFM_NAMES]
    where = f"{kfm[0]}/{rel_path}" if kfm else ""
    shown = os.path.join(folder.path, *rel_path.split("/"))
    return HandBackItem(
        shown,
        folder.name,
        rel_path,
        size,
        HandBackStatus.SAFE_IN_ONEDRIVE,
        where,
        PLACEHOLDER_DETAIL,
    )


def _check_file(
    folder: LaptopFolder,
    rel_path: str,
    size: int,
    remote: RemoteLookup,
    journal: Mapping[str, JournalCopy] | None,
) -> HandBackItem:
    local = to_os_path(folder.path, rel_path)
    shown = os.path.join(folder.path, *rel_path.split("/"))

    def item(status: HandBackStatus, where: str = "", detail: str = "") -> HandBackItem:
        return HandBackItem(shown, folder.name, rel_path, size, status, where, detail)

    local_hash: str | None = None

    def ours() -> str:
        nonlocal local_hash
        if local_hash is None:
            local_hash = hash_file(local)[1]
        return local_hash

    candidates: list[str] = []
    try:
        copy = journal.get(rel_path.casefold()) if folder.h_drive and journal else None
        if copy is not None:
            if copy.size == size and copy.quick_xor_hash == ours():
                # The journal says what we moved; OneDrive says whether it is still there
                # (deleted or replaced since, the laptop's copy may be the last one).
                there = remote.file_at(copy.onedrive_path)
                if there is not None and (there.size, there.quick_xor_hash) == (
                    copy.size,
                    copy.quick_xor_hash,
                ):
                    return item(HandBackStatus.SAFE_IN_ONEDRIVE, there.path)
            candidates.append(copy.onedrive_path)  # changed since: is a newer copy there?
        candidates += [
            f"{base}/{rel_path}" if base else rel_path for base in folder.onedrive_folders
        ]
        different: RemoteFile | None = None
        for path in dict.fromkeys(candidates):
            found = remote.file_at(path)
            if found is None:
                continue
            if found.size == size and found.quick_xor_hash and found.quick_xor_hash == ours():
                return item(HandBackStatus.SAFE_IN_ONEDRIVE, found.path)
            different = different or found
    except OSError as error:
        return item(HandBackStatus.UNREADABLE, detail=error.strerror or type(error).__name__)
    if different is None:
        return item(HandBackStatus.NOT_IN_ONEDRIVE)
    why = (
        f"OneDrive's copy is {different.size} bytes, this one {size}"
        if different.size != size
        else N_("same size, different contents")
    )
    return item(HandBackStatus.DIFFERENT_IN_ONEDRIVE, different.path, why)
