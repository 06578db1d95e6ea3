"""The receipt shown at the end, from the journal (the record of what really moved):
moved, left on the H: drive, cannot move, and needing attention, each with its reasons.
Saved as accessible HTML (headings, lists) or plain text."""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.ui import formatting as fmt


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate in the "Receipt" context (same arguments as Qt's tr)."""
    return QCoreApplication.translate("Receipt", text, disambiguation, n)


@dataclass
class Section:
    title: str
    files: int = 0
    num_bytes: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    items: list[str] = field(default_factory=list)  # paths, with what to do for problems


@dataclass
class Receipt:
    destination: str
    account: str
    moved: Section
    left: Section
    cannot: Section
    attention: Section
    deleted: Any = None  # DeleteResult after the officer deleted left-behind files

    def sections(self) -> list[Section]:
        return [self.moved, self.left, self.cannot, self.attention]

    def headline(self) -> str:
        text = tr("Moved {moved} to OneDrive.").format(
            moved=fmt.files_and_size(self.moved.files, self.moved.num_bytes)
        )
        if self.attention.files:
            text += " " + tr("%n file(s) need your attention.", None, self.attention.files)
        return text

    def text(self) -> str:
        lines = [tr("H: drive migration receipt"), tr("Account: {a}").format(a=self.account)]
        lines.append(tr("OneDrive folder: {d}").format(d=self.destination))
        for section in self.sections():
            lines.append("")
            lines.append(f"{section.title}: {fmt.files_and_size(section.files, section.num_bytes)}")
            for reason, count in section.reasons.most_common():
                lines.append(f"  - {reason}: {fmt.files(count)}")
            lines.extend(f"    {item}" for item in section.items)
        if self.deleted is not None:
            lines.append("")
            lines.append(
                tr("Deleted from the H: drive afterwards: {what}").format(
                    what=fmt.files_and_size(self.deleted.deleted, self.deleted.deleted_bytes)
                )
            )
        return "\n".join(lines) + "\n"

    def html(self) -> str:
        e = html.escape
        parts = [
            "<html><head><meta charset='utf-8'><title>"
            + e(tr("H: drive migration receipt"))
            + "</title></head><body>",
            f"<h1>{e(tr('H: drive migration receipt'))}</h1>",
            f"<p>{e(self.headline())}</p>",
            f"<p>{e(tr('Account: {a}').format(a=self.account))}<br>"
            f"{e(tr('OneDrive folder: {d}').format(d=self.destination))}</p>",
        ]
        for section in self.sections():
            parts.append(
                f"<h2>{e(section.title)}: "
                f"{e(fmt.files_and_size(section.files, section.num_bytes))}</h2>"
            )
            if section.reasons:
                parts.append("<ul>")
                for reason, count in section.reasons.most_common():
                    parts.append(f"<li>{e(reason)}: {e(fmt.files(count))}</li>")
                parts.append("</ul>")
            if section.items:
                parts.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in section.items) + "</ul>")
        if self.deleted is not None:
            parts.append(
                "<p>"
                + e(
                    tr("Deleted from the H: drive afterwards: {what}").format(
                        what=fmt.files_and_size(self.deleted.deleted, self.deleted.deleted_bytes)
                    )
                )
                + "</p>"
            )
        parts.append("</body></html>")
        return "\n".join(parts)


def receipt_from_journal(session: Any) -> Receipt:
    """Built from the engine's run summary (app.core.receipt_summary), which reads the
    journal: the same story after a crash and resume as after an unbroken run."""
    from app.core.receipt_summary import Outcome, summarise_run

    moved = Section(tr("Moved to OneDrive and checked"))
    left = Section(tr("Left on your H: drive"))
    cannot = Section(tr("Cannot move"))
    attention = Section(tr("Needing attention"))
    sections = {
        Outcome.MOVED: moved,
        Outcome.ALREADY_THERE: moved,
        Outcome.DISCARDED: left,
        Outcome.CANNOT_MOVE: cannot,
        Outcome.FAILED: attention,
        Outcome.NOT_YET: attention,
    }
    account, destination = "", session.destination_folder
    if session.run_id is not None:
        summary = summarise_run(session.journal(), session.run_id)
        account, destination = summary.run.account, summary.run.destination
        for line in summary.lines:
            section = sections[line.outcome]
            section.files += 1
            section.num_bytes += line.size
            reason = line.reasons[0][1] if line.reasons else ""
            if line.outcome is Outcome.MOVED or line.outcome is Outcome.ALREADY_THERE:
                reason = ""
                if line.outcome is Outcome.ALREADY_THERE:
                    reason = tr("Already in OneDrive with the same content")
                elif line.renamed:
                    reason = tr("Renamed for OneDrive")
            elif line.outcome is Outcome.DISCARDED and line.overridden:
                reason = tr("Your choice")
            elif line.outcome is Outcome.FAILED:
                section.items.append(f"{line.rel_path}: {line.problem} {line.action}".strip())
                reason = tr("Could not be moved")
            elif line.outcome is Outcome.NOT_YET:
                reason = tr("Not moved yet: continue the migration to finish")
            if reason:
                section.reasons[reason] += 1
    return Receipt(destination, account, moved, left, cannot, attention)
