"""The `support-bundle` command: the zip the service desk asks for, without the wizard.

`migration-assistant support-bundle [--out FILE]` writes the redacted log, the saved
receipts, the latest run's summary from each journal (real and practice), the settings
in force without secrets, versions and the environment (app.core.support_bundle), and
prints where it is and the session code to quote. Journals are opened read only
(`Journal.open_read_only`): never upgraded, set aside or locked, so one held by a running
assistant is still read, and one that cannot be read stays as it is (the bundle says so).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.settings import Settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "support-bundle",
        help="save a support bundle (log, receipts, settings; no tokens, no file contents)",
        description=(
            "Save a zip for the service desk: the redacted log, receipts, the settings in "
            "force without secrets, versions and the environment. It holds no token and "
            "no file contents."
        ),
    )
    parser.add_argument("--out", type=Path, metavar="FILE", help="where to write the zip")
    parser.set_defaults(func=run)


def _journals(states: dict[str, Any], texts: dict[str, str], notes: list[str]) -> None:
    from app.core.errors import UserFacingError
    from app.core.journal import Journal, default_path
    from app.core.support_bundle import journal_state, latest_run_summary

    for practice in (False, True):
        path = default_path(practice=practice)
        if not path.exists():
            continue
        try:  # read only: the migration's progress must not move when support is needed
            with Journal.open_read_only(path) as journal:
                states[path.name] = journal_state(journal)
                summary = latest_run_summary(journal)
                if summary is not None:
                    texts[f"receipts/latest run ({path.stem}).txt"] = summary
        except UserFacingError as error:  # unreadable, or from a newer version
            notes.append(f"{path.name}: {error.title} ({error.detail or error.message})")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app import paths
    from app.core.support_bundle import (
        default_bundle_path,
        saved_receipts,
        session_code,
        write_support_bundle,
    )

    code = session_code()
    states: dict[str, Any] = {}
    texts: dict[str, str] = {}
    notes: list[str] = []
    _journals(states, texts, notes)
    out = write_support_bundle(
        args.out or default_bundle_path(code),
        log_dir=paths.user_log_dir(),
        receipt_paths=saved_receipts(),
        settings=settings,
        code=code,
        journal=states,
        texts=texts,
        notes=notes,
    )
    print(f"Support bundle saved: {out}")
    print(f"Session code: {code} (quote it to the service desk)")
    for note in notes:
        print(f"Not included: {note}")
    return 0
