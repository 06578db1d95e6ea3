"""Put the receipt beside the migrated files in OneDrive, verified like any file.

Where: in the folder that holds the destination folder, beside it ("H drive migration
receipt.html" next to "H drive"), so the destination stays an exact copy of what moved
(the service desk can compare it with the H: drive) and the officer finds the receipt at
the top of their OneDrive. Simple upload (PUT .../content, up to 250 MB) with
conflictBehavior "replace": the receipt is ours and a newer one replaces the previous.
Verified as every migrated file is: OneDrive's size and QuickXorHash must equal ours,
else it is sent once more.

Never over an officer's own file: if the migration put a file at the receipt's path (a
destination at the top of OneDrive, and a file of that name on the H: drive), the receipt
takes another name. A failure here is returned, never raised: the receipt is a courtesy
on top of a migration that has already happened, and it is saved in Documents anyway.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import CancelledError, UserFacingError
from app.core.journal import Journal
from app.core.quickxorhash import hash_bytes
from app.core.receipt import Receipt, build_receipt, mark_deleted
from app.core.receipt_files import (
    ReceiptDocument,
    receipt_documents,
    receipt_folder,
    save_receipt_file,
)
from app.core.receipt_html import RuleTexts
from app.core.texts import N_
from app.m365.graph import GraphClient
from app.m365.upload_outcomes import drive_path, identity_hash

log = logging.getLogger(__name__)

SIMPLE_UPLOAD_LIMIT = 250 * 1000 * 1000  # Graph: PUT .../content takes up to 250 MB


@dataclass(frozen=True)
class ReceiptUpload:
    """What happened to one receipt file: its OneDrive path, or the problem (never both)."""

    name: str
    onedrive_path: str = ""
    web_url: str = ""
    problem: str = ""  # English (N_): the terminal and log
    # The error behind the problem, if any, so the UI can say it in its own language.
    error: UserFacingError | None = field(default=None, compare=False)

    @property
    def ok(self) -> bool:
        return not self.problem


def receipt_path(destination: str, name: str, taken: Iterable[str] = ()) -> str:
    """`<name>` in the destination's parent folder, or `<stem> (2).<ext>`... when a
    migrated file already has that path (compared as OneDrive does: case-insensitively)."""
    used = {path.casefold() for path in taken}
    stem, dot, ext = name.rpartition(".")
    folder = destination.strip("/").rpartition("/")[0]
    n = 1
    while True:
        candidate = name if n == 1 else f"{stem} ({n}){dot}{ext}"
        path = f"{folder}/{candidate}" if folder else candidate
        if path.casefold() not in used:
            return path
        n += 1


def upload_receipt(
    graph: GraphClient,
    destination: str,
    documents: list[ReceiptDocument],
    *,
    taken: Iterable[str] = (),
    stop: threading.Event | None = None,
) -> list[ReceiptUpload]:
    """Upload each document into `destination`; one `ReceiptUpload` per document."""
    taken = list(taken)
    return [_one(graph, receipt_path(destination, d.name, taken), d, stop) for d in documents]


def _one(
    graph: GraphClient, path: str, document: ReceiptDocument, stop: threading.Event | None
) -> ReceiptUpload:
    if len(document.content) > SIMPLE_UPLOAD_LIMIT:
        return ReceiptUpload(
            document.name,
            problem=N_("The receipt is too large to put in OneDrive; it is saved here."),
        )
    ours = hash_bytes(document.content)
    try:
        graph.ensure_folder(path.rpartition("/")[0])
        for _attempt in range(2):
            response = graph.request(
                "PUT",
                drive_path(path, "/content") + "?@microsoft.graph.conflictBehavior=replace",
                data=document.content,
                headers={"Content-Type": "application/octet-stream"},
                expected=(200, 201),
                stop=stop,
            )
            item = response.json()
            if int(item.get("size", -1)) == len(document.content) and identity_hash(item) == ours:
                return ReceiptUpload(document.name, path, str(item.get("webUrl", "")))
            log.warning("Receipt %s: OneDrive's copy differs from ours; sending again", path)
        return ReceiptUpload(
            document.name, problem=N_("OneDrive did not store the receipt as it was sent.")
        )
    except CancelledError:
        return ReceiptUpload(document.name, problem=N_("Stopped before the receipt was sent."))
    except UserFacingError as error:
        log.warning("Receipt %s not uploaded: %s (%s)", path, error, error.detail)
        return ReceiptUpload(document.name, problem=f"{error.title}. {error.message}", error=error)
    except ValueError as error:  # not JSON: a broken answer
        log.warning("Receipt %s: unreadable answer from OneDrive: %r", path, error)
        return ReceiptUpload(document.name, problem=N_("OneDrive's answer could not be read."))


@dataclass
class PublishedReceipt:
    """The receipt, where it was saved, and how its upload went (problems, not raises)."""

    receipt: Receipt
    rules: RuleTexts | None = None  # the policy's texts it was written with
    saved: list[Path] = field(default_factory=list)
    save_problem: str = ""
    save_error: UserFacingError | None = None  # behind save_problem: the UI translates it
    documents_on_h_drive: bool = False  # so saved in the assistant's folder instead
    uploads: list[ReceiptUpload] = field(default_factory=list)

    def report(self) -> list[str]:
        """Plain sentences for a terminal or a status line."""
        out: list[str] = []
        if self.saved and self.documents_on_h_drive:
            out.append(
                "Your Documents folder is on the H: drive, which the assistant never writes "
                "to, so the receipt is saved in the assistant's folder on this computer: "
                + ", ".join(str(p) for p in self.saved)
            )
        elif self.saved:
            out.append("Receipt saved: " + ", ".join(str(p) for p in self.saved))
        if self.save_problem:
            out.append(f"The receipt could not be saved on this computer: {self.save_problem}")
        done = [u.onedrive_path for u in self.uploads if u.ok]
        if done:
            out.append("Receipt in OneDrive: " + ", ".join(done))
        for upload in self.uploads:
            if not upload.ok:
                out.append(f"{upload.name} was not put in OneDrive: {upload.problem}")
        return out


def publish_receipt(
    journal: Journal,
    run_id: int,
    *,
    folder: Path,
    graph: GraphClient | None,
    language: str = "en",
    practice: bool = False,
    extra: tuple[str, ...] = (),
    rules: RuleTexts | None = None,
    stop: threading.Event | None = None,
    deleted: Mapping[str, float] | None = None,
) -> PublishedReceipt:
    """Build the receipt from the journal, save it in `folder` (the user's Documents;
    app.core.receipt_files.receipt_folder moves it off the H: drive) and, with a `graph`,
    upload it beside the migrated files. Never raises for either.
    `rules`: the retention policy's texts (app.core.receipt_html.rule_texts); `deleted`:
    discarded files deleted from the H: drive since (path -> when), said on their lines."""
    receipt = build_receipt(journal, run_id, practice=practice)
    if deleted:
        mark_deleted(receipt, deleted)
    documents = receipt_documents(receipt, language, extra=extra, rules=rules)
    published = PublishedReceipt(receipt, rules)
    local = receipt_folder(folder, receipt.source_root)
    published.documents_on_h_drive = local != folder
    folder = local
    try:
        published.saved = [save_receipt_file(folder / d.name, d.content) for d in documents]
    except UserFacingError as error:
        log.warning("Receipt not saved: %s (%s)", error, error.detail)
        published.save_problem = f"{error.message} {error.action}".strip()
        published.save_error = error
    if graph is not None:
        taken = [line.destination for line in receipt.lines if line.destination]
        published.uploads = upload_receipt(
            graph, receipt.destination, documents, taken=taken, stop=stop
        )
    return published
