"""The migration receipt: every file's latest state across all the runs of one migration.

A migration is often more than one run: the first run, then another after the officer
fixed what needed attention (or a fresh run over the same drive). They are one story, so
the receipt gathers every run in the journal with the same account, H: drive folder and
OneDrive folder, and shows each file once, in its latest state, with its history. A run
that stopped before a file (or failed it, could not move it, or discarded it) does not
hide that an earlier run moved it: that copy is in OneDrive, and the later attempt is a
note; a run that found it already in OneDrive does not turn "moved" (with the move's
hash) into "already". Only a newer move replaces it. The label is the newest run's.

Everything comes from the journal (the single source of truth), so a receipt after a
crash and resume tells the same story as one after an unbroken run. Writers:
`receipt_csv` (spreadsheets, the service desk) and `receipt_html` (people).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.core.journal import Journal, JournalItem, RunInfo
from app.core.receipt_summary import Outcome, ReceiptLine, RunSummary, outcome_of, receipt_line
from app.core.reports import iso_utc

__all__ = ["Receipt", "build_receipt", "mark_deleted", "related_runs"]

_SETTLED = frozenset({Outcome.MOVED, Outcome.ALREADY_THERE})
History = tuple[tuple[int, Outcome], ...]


@dataclass
class Receipt(RunSummary):
    """`run` is the latest run; `runs` every run of this migration, oldest first."""

    runs: list[RunInfo] = field(default_factory=list)
    generated: float = 0.0
    practice: bool = False

    @property
    def account(self) -> str:
        return self.run.account

    @property
    def source_root(self) -> str:
        return self.run.source_root

    @property
    def destination(self) -> str:
        return self.run.destination


def _same_migration(a: RunInfo, b: RunInfo) -> bool:
    # Case-insensitive: Windows paths, UPNs and OneDrive names all are.
    return (
        a.account.casefold() == b.account.casefold()
        and a.source_root.rstrip("\\/").casefold() == b.source_root.rstrip("\\/").casefold()
        and a.destination.casefold() == b.destination.casefold()
    )


def related_runs(journal: Journal, run_id: int) -> list[RunInfo]:
    """Every run up to `run_id` of the same migration (account, folder, destination)."""
    latest = journal.run_info(run_id)
    runs: list[RunInfo] = []
    for earlier in range(1, run_id):
        try:
            info = journal.run_info(earlier)
        except KeyError:  # ids are never reused, but need not be contiguous
            continue
        if _same_migration(info, latest):
            runs.append(info)
    runs.append(latest)
    return runs


def _keeps_earlier(earlier: Outcome, newer: Outcome) -> bool:
    """A later run does not undo an earlier move (see the module's docstring): only a
    newer settled move replaces it. A file that later failed, could not move or was
    discarded is still in OneDrive from the earlier move; a later stop changes nothing."""
    if earlier in _SETTLED:
        return newer is not Outcome.MOVED and not (
            newer is Outcome.ALREADY_THERE and earlier is Outcome.ALREADY_THERE
        )
    return False


_LATER = {
    Outcome.FAILED: "failed",
    Outcome.CANNOT_MOVE: "could not move it",
    Outcome.DISCARDED: "left it behind (discard)",
}


@dataclass
class _Chosen:
    item: JournalItem  # the record that tells the file's state
    outcome: Outcome
    history: History
    later: tuple[str, ...] = ()  # what later runs did that did not replace it
    label: tuple[str, str] = ("", "")  # the newest (retention_label, label_problem) seen


def _label_of(item: JournalItem) -> tuple[str, str]:
    return item.retention_label or "", item.label_problem or ""


def build_receipt(
    journal: Journal, run_id: int, *, practice: bool = False, now: float | None = None
) -> Receipt:
    """The receipt for the migration `run_id` belongs to (its earlier runs included)."""
    runs = related_runs(journal, run_id)
    # Per file (exact path: names that differ only in case are two files on a share): the
    # record that tells its state, its outcome in every run so far, and the newest label.
    # Only one run's records are held at a time besides these (a run can be 200,000 files).
    chosen: dict[str, _Chosen] = {}
    for run in runs:
        for item in journal.items(run.id):
            outcome = outcome_of(item)
            entry = chosen.get(item.rel_path)
            if entry is None:
                chosen[item.rel_path] = _Chosen(
                    item, outcome, ((item.run_id, outcome),), label=_label_of(item)
                )
                continue
            entry.history += ((item.run_id, outcome),)
            label = _label_of(item)
            if any(label):  # the newest run that says anything about the label wins
                entry.label = label
            if _keeps_earlier(entry.outcome, outcome):
                if outcome in _LATER:
                    why = f": {item.fail_message}" if item.fail_message else ""
                    entry.later += (
                        f"Run {item.run_id} {_LATER[outcome]}{why}; the copy moved by run "
                        f"{entry.item.run_id} is in OneDrive.",
                    )
            else:
                entry.item, entry.outcome, entry.later = item, outcome, ()
    lines = [_line_of(entry) for entry in chosen.values()]
    return Receipt(
        run=runs[-1],
        lines=lines,
        runs=runs,
        generated=time.time() if now is None else now,
        practice=practice,
    )


def _line_of(entry: _Chosen) -> ReceiptLine:
    line = receipt_line(entry.item, entry.history)
    retention_label, label_problem = entry.label
    if (line.retention_label, line.label_problem) == entry.label and not entry.later:
        return line
    return dataclasses.replace(
        line,
        retention_label=retention_label,
        label_problem=label_problem,
        notes=line.notes + entry.later,
    )


def mark_deleted(receipt: Receipt, deleted: Mapping[str, float]) -> None:
    """Discarded files the officer deleted from the H: drive after the run (H: drive path
    -> when): their lines say so, so the receipt no longer lists them as left on H:."""
    for number, line in enumerate(receipt.lines):
        when = deleted.get(line.rel_path)
        if when is not None and line.outcome is Outcome.DISCARDED:
            note = f"Deleted from the H: drive by the officer at {iso_utc(when)}."
            receipt.lines[number] = dataclasses.replace(line, notes=(*line.notes, note))
