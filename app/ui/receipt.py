"""The receipt shown at the end: the window's view of the core receipt (app.core.receipt,
every run of this migration, from the journal). The HTML page is the core writer's (one
writer for the window, the command line and OneDrive; English or Welsh as the window);
here are the headline and the per-section totals with reasons the page and the plain
text summary show, in Qt's translations."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping
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
    core: Any = None  # app.core.receipt.Receipt (None: no run yet)
    language: str = "en"
    rules: Any = None  # the policy's texts (app.core.receipt_html.rule_texts), if known

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
            lines.extend(["", self.deleted_text()])
        return "\n".join(lines) + "\n"

    def deleted_text(self) -> str:
        if self.deleted is None:
            return ""
        return tr("Deleted from the H: drive afterwards: {what}").format(
            what=fmt.files_and_size(self.deleted.deleted, self.deleted.deleted_bytes)
        )

    def html(self, max_rows: int | None = None) -> str:
        """The accessible page (app.core.receipt_html); `max_rows` shortens it for the view."""
        from app.core.receipt_html import receipt_html

        extra = (self.deleted_text(),) if self.deleted is not None else ()
        if self.core is None:
            e = html.escape
            return (
                f"<html><head><meta charset='utf-8'><title>{e(tr('H: drive migration receipt'))}"
                f"</title></head><body><h1>{e(tr('H: drive migration receipt'))}</h1>"
                f"<p>{e(self.headline())}</p></body></html>"
            )
        return receipt_html(
            self.core, self.language, max_rows=max_rows, extra=extra, rules=self.rules
        )


def _problem(english: str, error: Any, *, with_action: bool = False) -> str:
    """A receipt problem in the UI's language: from its error if it has one, else the
    N_ text itself (app/m365/receipt_upload.py)."""
    from app.ui.pages.common import core_text, error_summary, error_texts

    if error is None:
        return core_text(english)
    if not with_action:
        return error_summary(error)
    _, message, action = error_texts(error)
    return f"{message} {action}".strip()


def where_saved(published: Any) -> str:
    """Where the receipt went and what did not work, in a sentence or three
    (`published`: app.m365.receipt_upload.PublishedReceipt, or None before any run)."""
    if published is None:
        return ""
    parts: list[str] = []
    if published.saved:
        folder = str(published.saved[0].parent)
        parts.append(tr("Your receipt is saved in {folder}.").format(folder=folder))
    if published.save_problem:
        parts.append(
            tr("The receipt could not be saved on this computer: {why}").format(
                why=_problem(published.save_problem, published.save_error, with_action=True)
            )
        )
    uploaded = [u.onedrive_path for u in published.uploads if u.ok]
    if uploaded:
        parts.append(tr("A copy is in your OneDrive: {names}.").format(names=", ".join(uploaded)))
    for upload in published.uploads:
        if not upload.ok:
            parts.append(
                tr("{name} could not be put in OneDrive: {why}").format(
                    name=upload.name, why=_problem(upload.problem, upload.error)
                )
            )
    return " ".join(parts)


def policy_titles(settings: Any) -> dict[str, Mapping[str, str]]:
    """Each retention rule's title per language, by rule id. The journal keeps the English
    title (the record); the window shows the policy's title in the officer's language."""
    from app.core.policy import policy_from_settings

    return {rule.id: rule.title for rule in policy_from_settings(settings.policy.file).rules}


def receipt_view(
    core: Any,
    destination: str,
    language: str = "en",
    titles: Mapping[str, Mapping[str, str]] | None = None,
) -> Receipt:
    """The window's receipt from a core receipt (`app.core.receipt.Receipt`, or None);
    `titles`: the policy's rule titles per language, by rule id."""
    from app.core.guidance import text_for
    from app.core.receipt_summary import Outcome

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
    account = ""
    if core is not None:
        account, destination = core.account, core.destination
        for line in core.lines:
            section = sections[line.outcome]
            section.files += 1
            section.num_bytes += line.size
            reason = line.reasons[0][1] if line.reasons else ""
            if line.reasons and titles and line.reasons[0][0] in titles:
                reason = text_for(titles[line.reasons[0][0]], language)
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
    return Receipt(
        destination, account, moved, left, cannot, attention, core=core, language=language
    )
