"""Guidance reports: a summary (counts and bytes per action, rule and scan problem) and files.

`write_report(report, path)` writes .html (for people, screen-reader friendly: see
`report_html`), .csv (for spreadsheets) or .json (for machines), chosen by the extension;
anything else is a `BadInputError`. Files are written to a temporary name and moved into
place, so a half-written report never looks finished.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TextIO, cast

from app.core.atomic_file import open_atomically
from app.core.errors import BadInputError
from app.core.guidance import Action, Guidance, GuidanceReport, LocalText, text_for
from app.core.inventory import ProblemKind
from app.core.texts import N_

REPORT_FORMAT = "migration-assistant-guidance/1"
ACTION_ORDER = (Action.CANNOT_MOVE, Action.REVIEW, Action.DISCARD, Action.MOVE)
CSV_COLUMNS = (
    "item",
    "path",
    "size_bytes",
    "modified_utc",
    "action",
    "overridable",
    "new_name",
    "rules",
    "reasons",
    "details",
    "labels",
)


@dataclass
class Tally:
    files: int = 0
    bytes: int = 0


@dataclass
class ReportSummary:
    root: str
    policy_name: str
    complete: bool
    files: int
    bytes: int
    by_action: dict[Action, Tally]  # every action present, in ACTION_ORDER
    by_rule: dict[str, Tally]  # rule id -> files with that reason (a file may count twice)
    rule_titles: dict[str, LocalText] = field(default_factory=dict)
    rule_actions: dict[str, Action] = field(default_factory=dict)
    by_problem: dict[ProblemKind, int] = field(default_factory=dict)
    folder_renames: int = 0
    folders_cannot_move: int = 0


def summarise(report: GuidanceReport) -> ReportSummary:
    """Counts and bytes per action and per rule; scan problems per kind (they have no size)."""
    files = report.inventory.files
    # Guidance objects are shared between files, so tally per object first.
    per_guidance: dict[int, Tally] = {}
    objects: dict[int, Guidance] = {}
    for guidance, entry in zip(report.files, files, strict=True):
        key = id(guidance)
        tally = per_guidance.get(key)
        if tally is None:
            tally = per_guidance[key] = Tally()
            objects[key] = guidance
        tally.files += 1
        tally.bytes += entry.size
    by_action = {action: Tally() for action in ACTION_ORDER}
    by_rule: dict[str, Tally] = {}
    titles: dict[str, LocalText] = {}
    actions: dict[str, Action] = {}
    for key, tally in per_guidance.items():
        guidance = objects[key]
        by_action[guidance.action].files += tally.files
        by_action[guidance.action].bytes += tally.bytes
        for reason in guidance.reasons:
            rule_tally = by_rule.setdefault(reason.rule_id, Tally())
            rule_tally.files += tally.files
            rule_tally.bytes += tally.bytes
            titles.setdefault(reason.rule_id, reason.title)
            actions.setdefault(reason.rule_id, reason.action)
    for guidance in report.problems:
        for reason in guidance.reasons:
            by_rule.setdefault(reason.rule_id, Tally()).files += 1
            titles.setdefault(reason.rule_id, reason.title)
            actions.setdefault(reason.rule_id, reason.action)
    by_problem = Counter(problem.kind for problem in report.inventory.problems)
    folder_actions = Counter(g.action for g in report.folders.values())
    return ReportSummary(
        root=report.inventory.root,
        policy_name=report.policy_name,
        complete=report.inventory.complete,
        files=len(files),
        bytes=sum(entry.size for entry in files),
        by_action=by_action,
        by_rule=dict(sorted(by_rule.items(), key=lambda kv: (-kv[1].files, kv[0]))),
        rule_titles=titles,
        rule_actions=actions,
        by_problem=dict(sorted(by_problem.items(), key=lambda kv: (-kv[1], kv[0].value))),
        folder_renames=folder_actions[Action.MOVE],
        folders_cannot_move=folder_actions[Action.CANNOT_MOVE],
    )


def human_size(size: int) -> str:
    """Sizes as Windows shows them (1 KB = 1,024 bytes), e.g. "1.5 GB"."""
    if size < 1024:
        return f"{size} bytes" if size != 1 else "1 byte"
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            return f"{value:,.1f} {unit}" if value < 100 else f"{value:,.0f} {unit}"
    raise AssertionError("unreachable")


def iso_utc(timestamp: float) -> str:
    """Seconds since the epoch as 2025-01-31T09:30:00Z."""
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))
    except (OverflowError, OSError, ValueError):  # a file dated beyond what the OS handles
        return ""


class Row(NamedTuple):
    """One line of a report: a file, a folder OneDrive needs changed, or a scan problem."""

    item: str  # "file", "folder" or "problem:<kind>"
    path: str
    size: int | None
    modified: str
    guidance: Guidance


def rows(report: GuidanceReport) -> Iterator[Row]:
    """Problems first, then folders, then files in inventory order."""
    for problem, guidance in zip(report.inventory.problems, report.problems, strict=False):
        yield Row(f"problem:{problem.kind.value}", problem.rel_path, None, "", guidance)
    for rel_path, guidance in sorted(report.folders.items()):
        yield Row("folder", rel_path, None, "", guidance)
    for entry, guidance in zip(report.inventory.files, report.files, strict=True):
        yield Row("file", entry.rel_path, entry.size, iso_utc(entry.modified), guidance)


def _reason_texts(guidance: Guidance, language: str) -> tuple[str, str, str, str]:
    rule_ids = "; ".join(guidance.rule_ids)
    reasons = "; ".join(text_for(r.title, language) for r in guidance.reasons)
    details = "; ".join(f"{r.rule_id}: {r.detail}" for r in guidance.reasons if r.detail)
    labels = "; ".join(sorted({r.label for r in guidance.reasons if r.label}))
    return rule_ids, reasons, details, labels


def _spreadsheet_safe(value: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection);
    # file names can start with those characters.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _write_csv(report: GuidanceReport, handle: Any, language: str) -> None:
    writer = csv.writer(handle)
    writer.writerow(CSV_COLUMNS)
    texts: dict[int, tuple[str, str, str, str]] = {}  # guidance objects are shared
    for row in rows(report):
        key = id(row.guidance)
        if key not in texts:
            texts[key] = _reason_texts(row.guidance, language)
        rule_ids, reasons, details, labels = texts[key]
        writer.writerow(
            (
                row.item,
                _spreadsheet_safe(row.path),
                "" if row.size is None else row.size,
                row.modified,
                row.guidance.action.value,
                "yes" if row.guidance.overridable else "no",
                _spreadsheet_safe(row.guidance.new_name or ""),
                rule_ids,
                _spreadsheet_safe(reasons),
                _spreadsheet_safe(details),
                labels,
            )
        )


def _tally(t: Tally) -> dict[str, int]:
    return {"files": t.files, "bytes": t.bytes}


def report_as_dict(report: GuidanceReport, language: str = "en") -> dict[str, Any]:
    """The JSON report's content (also handy for support bundles).

    Rule texts are written once, under "rules"; each item names its rules (with the
    item-specific detail, if any), so 200,000 files do not repeat every explanation.
    """
    summary = summarise(report)
    rule_texts: dict[str, dict[str, Any]] = {}

    def guidance_dict(guidance: Guidance) -> dict[str, Any]:
        reasons: list[dict[str, str]] = []
        for r in guidance.reasons:
            if r.rule_id not in rule_texts:
                rule_texts[r.rule_id] = {
                    "action": r.action.value,
                    "overridable": r.overridable,
                    "title": text_for(r.title, language),
                    "explanation": text_for(r.explanation, language),
                    "label": r.label,
                }
            reasons.append(
                {"rule": r.rule_id, "detail": r.detail} if r.detail else {"rule": r.rule_id}
            )
        return {
            "action": guidance.action.value,
            "overridable": guidance.overridable,
            "new_name": guidance.new_name,
            "reasons": reasons,
        }

    items: dict[str, list[dict[str, Any]]] = {"files": [], "folders": [], "problems": []}
    shared: dict[int, dict[str, Any]] = {}  # guidance objects are shared: convert each once
    for row in rows(report):
        key = id(row.guidance)
        if key not in shared:
            shared[key] = guidance_dict(row.guidance)
        entry: dict[str, Any] = {"path": row.path, **shared[key]}
        if row.item == "file":
            entry["size"] = row.size
            entry["modified"] = row.modified
            items["files"].append(entry)
        elif row.item == "folder":
            items["folders"].append(entry)
        else:
            entry["kind"] = row.item.partition(":")[2]
            items["problems"].append(entry)
    return {
        "format": REPORT_FORMAT,
        "generated": iso_utc(time.time()),
        "language": language,
        "root": summary.root,
        "policy": summary.policy_name,
        "complete": summary.complete,
        "summary": {
            "files": summary.files,
            "bytes": summary.bytes,
            "by_action": {a.value: _tally(t) for a, t in summary.by_action.items()},
            "by_rule": {rule: _tally(t) for rule, t in summary.by_rule.items()},
            "by_problem": {k.value: n for k, n in summary.by_problem.items()},
        },
        "rules": rule_texts,
        **items,
    }


def write_report(report: GuidanceReport, path: Path, *, language: str = "en") -> Path:
    """Write the report in the format its extension names (.html, .htm, .csv, .json)."""
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".csv", ".json"):
        raise BadInputError(
            "That report type is not known",
            f"A report can be .html, .csv or .json, not '{path.suffix or path.name}'.",
            "Choose a file name ending in .html, .csv or .json.",
        )
    target = path.expanduser()
    try:
        with open_atomically(target, 0o600, encoding="utf-8", newline="") as handle:
            if suffix == ".csv":
                # A byte-order mark, or Excel reads UTF-8 as the local code page. Written
                # by hand: the utf-8-sig codec runs in Python on every write.
                handle.write("\ufeff")
                _write_csv(report, handle, language)
            elif suffix == ".json":
                # dumps, not dump: dump streams through the pure-Python encoder (~10x slower)
                handle.write(json.dumps(report_as_dict(report, language), ensure_ascii=False))
            else:
                from app.core.report_html import write_html

                write_html(report, summarise(report), cast(TextIO, handle), language)
    except OSError as error:
        raise BadInputError(
            N_("The report could not be saved"),
            N_("Nothing could be written to {target}."),
            N_("Choose another folder, for example your Documents folder."),
            detail=repr(error),
            values={"target": target},
        ) from error
    return target
