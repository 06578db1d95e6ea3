"""A run's outcome, read back from the journal: what moved, what did not, and why.

The data model (`RunSummary` of `ReceiptLine`s) is what every receipt is written from:
the short text summary here (the command line prints it), and the full CSV/HTML
receipt later. Everything comes from the journal, the single source of truth, so a
summary after a crash and resume tells the same story as one after an unbroken run.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from app.core.journal import ItemState, Journal, JournalItem, RunInfo


class Outcome(enum.StrEnum):
    MOVED = "moved"
    ALREADY_THERE = "already_there"  # OneDrive held the same bytes: nothing sent
    DISCARDED = "discarded"
    CANNOT_MOVE = "cannot_move"
    FAILED = "failed"
    NOT_YET = "not_yet"  # the run stopped before this file (resume to finish)


_OUTCOME = {
    ItemState.VERIFIED: Outcome.MOVED,
    ItemState.SKIPPED_EXISTING: Outcome.ALREADY_THERE,
    ItemState.DISCARDED: Outcome.DISCARDED,
    ItemState.CANNOT_MOVE: Outcome.CANNOT_MOVE,
    ItemState.FAILED: Outcome.FAILED,
    ItemState.PENDING: Outcome.NOT_YET,
    ItemState.UPLOADING: Outcome.NOT_YET,
}


@dataclass(frozen=True)
class ReceiptLine:
    rel_path: str
    outcome: Outcome
    size: int
    destination: str = ""  # where it is in OneDrive now (after renames / keep-both)
    renamed: bool = False  # OneDrive needed another name (rules) or kept both
    overridden: bool = False  # the officer went against the guidance
    reasons: tuple[tuple[str, str], ...] = ()  # (rule id, title) behind discard/cannot move
    problem: str = ""  # failed: what went wrong
    action: str = ""  # failed: what to do
    notes: tuple[str, ...] = ()
    quick_xor_hash: str = ""
    guidance: str = ""  # what the retention guidance said (move, review, discard, ...)
    run_id: int = 0  # the run this state comes from
    done_at: float | None = None  # when it reached this state (None: not yet)
    # The label OneDrive confirmed, or why the policy's label is not applied; empty: none.
    retention_label: str = ""
    label_problem: str = ""
    # (run id, outcome) in every run that had this file, oldest first (multi-run receipts)
    history: tuple[tuple[int, Outcome], ...] = ()

    @property
    def old_name(self) -> str:
        return self.rel_path.replace("\\", "/").rpartition("/")[2]

    @property
    def new_name(self) -> str:
        return self.destination.rpartition("/")[2] if self.destination else ""


@dataclass
class RunSummary:
    run: RunInfo
    lines: list[ReceiptLine] = field(default_factory=list)

    def of(self, outcome: Outcome) -> list[ReceiptLine]:
        return [line for line in self.lines if line.outcome is outcome]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for line in self.lines if line.outcome is outcome)

    def bytes(self, outcome: Outcome) -> int:
        return sum(line.size for line in self.lines if line.outcome is outcome)

    @property
    def renamed(self) -> list[ReceiptLine]:
        return [line for line in self.lines if line.renamed and line.destination]

    @property
    def needs_attention(self) -> bool:
        return self.count(Outcome.FAILED) > 0 or self.count(Outcome.NOT_YET) > 0


def outcome_of(item: JournalItem) -> Outcome:
    return _OUTCOME[item.state]


def receipt_line(
    item: JournalItem, history: tuple[tuple[int, Outcome], ...] | None = None
) -> ReceiptLine:
    """One journal item as a receipt line; `history`: its outcome in every run (default:
    this item's run only). The multi-run receipt builds on it."""
    outcome = _OUTCOME[item.state]
    destination = ""
    if outcome in (Outcome.MOVED, Outcome.ALREADY_THERE):
        destination = item.final_path or item.dest_path
    return ReceiptLine(
        rel_path=item.rel_path,
        outcome=outcome,
        size=item.size,
        destination=destination,
        renamed=item.renamed or bool(item.final_path and item.final_path != item.dest_path),
        overridden=item.overridden,
        reasons=item.reasons,
        problem=item.fail_message or "",
        action=item.fail_action or "",
        notes=item.notes,
        quick_xor_hash=item.remote_hash or "",
        guidance=item.guidance,
        run_id=item.run_id,
        done_at=item.done_at,
        retention_label=item.retention_label or "",
        label_problem=item.label_problem or "",
        history=((item.run_id, outcome),) if history is None else history,
    )


def summarise_run(journal: Journal, run_id: int) -> RunSummary:
    return RunSummary(journal.run_info(run_id), [receipt_line(i) for i in journal.items(run_id)])


def _size(n: int) -> str:
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"


def format_summary(summary: RunSummary, *, max_listed: int = 20) -> str:
    """Plain text for a terminal or a log: counts, then every file that needs a person."""
    out = [f"Migration of {summary.run.source_root} to OneDrive/{summary.run.destination}"]
    labels = (
        (Outcome.MOVED, "Moved and verified"),
        (Outcome.ALREADY_THERE, "Already in OneDrive (same content)"),
        (Outcome.DISCARDED, "Left behind as guided (discard)"),
        (Outcome.CANNOT_MOVE, "Cannot be moved to OneDrive"),
        (Outcome.FAILED, "Need attention"),
        (Outcome.NOT_YET, "Not done yet (resume to finish)"),
    )
    for outcome, label in labels:
        count = summary.count(outcome)
        if count:
            out.append(f"  {label}: {count} ({_size(summary.bytes(outcome))})")
    renamed = summary.renamed
    if renamed:
        out.append(f"  Renamed for OneDrive: {len(renamed)}")
    failed = summary.of(Outcome.FAILED)
    if failed:
        out.append("Files that need attention:")
        for line in failed[:max_listed]:
            out.append(f"  {line.rel_path}: {line.problem} {line.action}".rstrip())
        if len(failed) > max_listed:
            out.append(f"  ... and {len(failed) - max_listed} more (see the receipt)")
    cannot = summary.of(Outcome.CANNOT_MOVE)
    for line in cannot[:max_listed]:
        why = "; ".join(title for _, title in line.reasons) or "not allowed in OneDrive"
        out.append(f"  Cannot move {line.rel_path}: {why}")
    return "\n".join(out)
