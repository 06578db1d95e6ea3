"""The receipt's files: CSV (spreadsheets, the service desk) and HTML, written atomically.

`receipt_documents(receipt, language)` gives both files' names and bytes (the same bytes
are saved in the user's Documents and uploaded beside the migrated files);
`save_receipt_file(path, content)` saves one. Practice (sandbox) receipts have names of
their own, so a practice run never replaces the real receipt.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app import paths
from app.core.atomic_file import write_atomically
from app.core.errors import UserFacingError
from app.core.receipt import Receipt
from app.core.receipt_html import RuleTexts, receipt_html, what_to_do
from app.core.receipt_labels import OUTCOME_ORDER
from app.core.receipt_summary import Outcome
from app.core.reports import _spreadsheet_safe as spreadsheet_safe
from app.core.reports import iso_utc
from app.core.texts import N_

RECEIPT_NAME = "H drive migration receipt"
LAPTOP_FOLDER = "Laptop"  # app.core.hand_back: where "move them" puts a laptop's folders
PRACTICE_RECEIPT_NAME = "H drive migration receipt (practice)"

CSV_COLUMNS = (
    "outcome",
    "source_path",
    "onedrive_path",
    "size_bytes",
    "quickxorhash",
    "old_name",
    "new_name",
    "guidance",
    "overridden",
    "reasons",
    "problem",
    "action",
    "retention_label",
    "label_problem",
    "run",
    "when_utc",
    "history",
    "notes",
)


class ReceiptNotSaved(UserFacingError):
    def __init__(self, target: Path, error: OSError) -> None:
        super().__init__(
            N_("The receipt could not be saved"),
            N_("Nothing could be written to {target}."),
            N_("Save the receipt somewhere else from the last page, for example your Documents."),
            detail=repr(error),
            values={"target": target},
        )


@dataclass(frozen=True)
class ReceiptDocument:
    name: str  # "H drive migration receipt.html"
    content: bytes


def receipt_csv(receipt: Receipt, rules: RuleTexts | None = None) -> str:
    """One row per file, in the order the receipt tells things (what needs a person first).
    In English, the record's language: rule ids and titles as the journal keeps them, and,
    with the policy's texts, what to do about a file that cannot be moved."""
    out = io.StringIO()
    out.write("\ufeff")  # a byte-order mark, or Excel reads UTF-8 as the local code page
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for outcome in OUTCOME_ORDER:
        for line in receipt.of(outcome):
            writer.writerow(
                (
                    line.outcome.value,
                    spreadsheet_safe(line.rel_path),
                    spreadsheet_safe(line.destination),
                    line.size,
                    line.quick_xor_hash,
                    spreadsheet_safe(line.old_name),
                    spreadsheet_safe(line.new_name if line.renamed else ""),
                    line.guidance,
                    "yes" if line.overridden else "no",
                    spreadsheet_safe("; ".join(f"{rule}: {title}" for rule, title in line.reasons)),
                    spreadsheet_safe(line.problem),
                    spreadsheet_safe(
                        what_to_do(line, rules, "en")
                        if line.outcome is Outcome.CANNOT_MOVE
                        else line.action
                    ),
                    spreadsheet_safe(line.retention_label),
                    spreadsheet_safe(line.label_problem),
                    line.run_id,
                    iso_utc(line.done_at) if line.done_at else "",
                    "; ".join(f"{run}:{outcome.value}" for run, outcome in line.history),
                    spreadsheet_safe("; ".join(line.notes)),
                )
            )
    return out.getvalue()


def receipt_base_name(destination: str, *, practice: bool = False) -> str:
    """The receipt's name without extension. A laptop folder moved before hand-back
    ("<destination>/Laptop/Desktop") gets its own ("H drive migration receipt (Laptop -
    Desktop)"), so it never replaces the H: drive's receipt in Documents; the H: drive's
    migration keeps the plain name wherever the organisation puts it. Practice receipts
    have names of their own."""
    parts = [part for part in destination.strip("/").split("/") if part]
    laptop = len(parts) >= 2 and parts[-2] == LAPTOP_FOLDER
    base = f"{RECEIPT_NAME} ({LAPTOP_FOLDER} - {parts[-1]})" if laptop else RECEIPT_NAME
    return f"{base} (practice)" if practice else base


def is_receipt_name(name: str) -> bool:
    """A file name this app gives its receipts (any destination, practice or not)."""
    stem, _, ext = name.rpartition(".")
    return ext.casefold() in ("html", "csv") and stem.startswith(RECEIPT_NAME)


def receipt_folder(
    documents: Path, source_root: str, *, environ: Mapping[str, str] | None = None
) -> Path:
    """Where receipts are saved on this computer: `documents`, unless it is on the H:
    drive itself (Documents redirected to the home share, common with H: drives): the H:
    drive is never written, and the next scan would migrate the receipts. Then the
    assistant's own data folder on this computer (`paths.user_data_dir()/Receipts`)."""
    env = os.environ if environ is None else environ
    share = env.get("HOMESHARE", "").strip()
    for root in (source_root, share):
        if root and _is_within(documents, root):
            return paths.user_data_dir() / "Receipts"
    return documents


def _is_within(path: Path, root: str) -> bool:
    def norm(p: str) -> str:
        return os.path.normcase(os.path.realpath(p)).rstrip("\\/")

    inner, outer = norm(str(path)), norm(root)
    return inner == outer or inner.startswith(outer + os.sep) or inner.startswith(outer + "/")


def receipt_documents(
    receipt: Receipt,
    language: str = "en",
    *,
    extra: tuple[str, ...] = (),
    rules: RuleTexts | None = None,
) -> list[ReceiptDocument]:
    """The HTML page and the CSV, named for where they go (Documents and OneDrive)."""
    base = receipt_base_name(receipt.destination, practice=receipt.practice)
    page = receipt_html(receipt, language, extra=extra, rules=rules)
    return [
        ReceiptDocument(f"{base}.html", page.encode()),
        ReceiptDocument(f"{base}.csv", receipt_csv(receipt, rules).encode()),
    ]


def save_receipt_file(target: Path, content: bytes) -> Path:
    """Save one receipt file atomically (a half-written receipt never looks finished, and
    the previous one stays until the new one is whole)."""
    try:
        return write_atomically(target, content)
    except OSError as error:
        raise ReceiptNotSaved(target, error) from error
