"""The `scan` command: find the H: drive, scan it, apply the retention policy, summarise.

`migration-assistant scan [PATH] [--policy FILE] [--report FILE.html|.csv|.json]`
prints counts and sizes per guidance action, per reason and per scan problem, and
writes the full report when asked. Nothing is uploaded and nothing on the drive changes.
A progress line goes to stderr only when stderr is a terminal.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.errors import BadInputError
from app.settings import Settings

if TYPE_CHECKING:
    from app.core.reports import ReportSummary

REPORT_SUFFIXES = (".html", ".htm", ".csv", ".json")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "scan",
        help="scan the H: drive and show the retention guidance (changes nothing)",
        description="Scan the H: drive, apply the retention policy and summarise the guidance.",
    )
    parser.add_argument(
        "path", nargs="?", help="the folder to scan (default: the H: drive found automatically)"
    )
    parser.add_argument(
        "--policy", type=Path, metavar="FILE", help="a retention policy file to try"
    )
    parser.add_argument(
        "--report", type=Path, metavar="FILE", help="write the full report (.html, .csv or .json)"
    )
    parser.add_argument(
        "--no-duplicates",
        action="store_true",
        help="do not look for duplicate files (reads no file contents)",
    )
    parser.set_defaults(func=run)


class _ProgressLine:
    """One rewritten line on stderr, at most ~5 times a second, only on a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.last = 0.0
        self.shown = False

    def show(self, text: str, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        width = max(20, shutil.get_terminal_size((80, 20)).columns - 1)
        if len(text) > width:
            text = text[: width - 1] + "…"
        sys.stderr.write("\r" + text.ljust(width))
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            width = max(20, shutil.get_terminal_size((80, 20)).columns - 1)
            sys.stderr.write("\r" + " " * width + "\r")
            sys.stderr.flush()
            self.shown = False


def _check_report_path(path: Path | None) -> None:
    if path is not None and path.suffix.lower() not in REPORT_SUFFIXES:
        raise BadInputError(
            "That report type is not known",
            f"A report can be .html, .csv or .json, not '{path.suffix or path.name}'.",
            "Choose a file name ending in .html, .csv or .json.",
        )


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.core.classify import classify
    from app.core.onedrive_rules import check_inventory
    from app.core.policy import load_policy, policy_from_settings
    from app.core.reports import human_size, summarise, write_report
    from app.core.scan import ScanProgress, find_h_drive, scan
    from app.core.texts import PSEUDO, ui_language

    _check_report_path(args.report)
    # The policy first: a broken policy should stop us before a long scan, not after.
    policy = load_policy(args.policy) if args.policy else policy_from_settings(settings.policy.file)
    root = find_h_drive(args.path)
    line = _ProgressLine()
    stop = threading.Event()

    def on_scan(progress: ScanProgress) -> None:
        line.show(
            f"Scanning: {progress.files:,} files, {human_size(progress.bytes)} "
            f"- {progress.current_folder}"
        )

    def on_hash(done: int, total: int) -> None:
        line.show(f"Looking for duplicates: {done:,} of {total:,} files read")

    try:
        inventory = scan(root, progress=on_scan, stop=stop)
        line.show(f"Checking {len(inventory.files):,} files against the policy", force=True)
        rules = check_inventory(inventory, destination_folder=settings.onedrive.destination_folder)
        report = classify(
            inventory,
            policy,
            rules=rules,
            hash_duplicates=not args.no_duplicates,
            stop=stop,
            progress=on_hash,
        )
    finally:
        line.clear()
    # The UI's own decision (setting, else the system's locale), so a Welsh laptop's report
    # is in Welsh as its wizard is; the pseudo-locale is for the UI's layouts only.
    chosen = ui_language(settings.ui.language)
    language = "en" if chosen == PSEUDO else chosen.split("_")[0]  # "en" or "cy"
    _print_summary(summarise(report), language, human_size)
    if args.report is not None:
        written = write_report(report, args.report, language=language)
        print(f"\nReport written to {written}")
    return 0


def _print_summary(summary: ReportSummary, language: str, human_size: Any) -> None:
    from app.core.guidance import text_for
    from app.core.report_html import ACTION_LABELS, PROBLEM_LABELS

    lang = language.replace("-", "_").split("_")[0].lower()
    lang = lang if lang in ACTION_LABELS else "en"
    actions = ACTION_LABELS[lang]
    print(f"Scanned {summary.root}: {summary.files:,} files, {human_size(summary.bytes)}")
    print(f"Retention policy: {summary.policy_name}")
    if not summary.complete:
        print("The scan did not finish: these figures are for part of the drive only.")
    print("\nGuidance:")
    for action, tally in summary.by_action.items():
        print(f"  {actions[action]:<12} {tally.files:>10,} files  {human_size(tally.bytes):>10}")
    if summary.by_rule:
        print("\nReasons (a file can have more than one):")
        width = max(len(text_for(summary.rule_titles[r], lang)) for r in summary.by_rule)
        for rule_id, tally in summary.by_rule.items():
            title = text_for(summary.rule_titles[rule_id], lang)
            verdict = actions[summary.rule_actions[rule_id]]
            print(
                f"  {title:<{width}}  {tally.files:>10,}  {human_size(tally.bytes):>10}"
                f"  ({verdict})"
            )
    if summary.by_problem:
        print("\nProblems found by the scan:")
        for kind, count in summary.by_problem.items():
            print(f"  {PROBLEM_LABELS[lang].get(kind.value, kind.value):<32} {count:>8,}")
    if summary.folder_renames or summary.folders_cannot_move:
        print(
            f"\nFolders OneDrive needs renamed: {summary.folder_renames:,}; "
            f"folders that cannot move: {summary.folders_cannot_move:,}"
        )
