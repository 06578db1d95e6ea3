"""The `migrate` command: a whole migration without a window.

    migration-assistant [--sandbox | --settings FILE] migrate --source PATH
        [--policy FILE] [--accept-guidance] [--resume] [--confirm-owner]
        [--sandbox-state DIR]

scan -> OneDrive rules + retention policy -> plan (guidance accepted as it is) ->
journal -> verified upload -> summary -> receipt (HTML and CSV, saved in Documents and
put beside the files in OneDrive; a second run adds to the same receipt). Without
--accept-guidance it refuses: with no window it cannot ask about files the guidance says
to review or discard. --resume continues the journal's unfinished run (nothing verified
is sent again), only for the account that started it and only from the folder it
scanned (a --source given must be that folder).

Owner check: the H: drive's owner (from Windows' home share and user name) must match the
signed-in account. On a mismatch: refused (exit 2) when the organisation's
identity.owner_mismatch is "refuse"; otherwise refused unless --confirm-owner is given
(then the mismatch is printed and the run goes on); in sandbox (practice) mode it is only
printed. Practice runs keep a journal of their own: they are never resumed for real.

--sandbox: an in-process sandbox (state in the user data folder, or --sandbox-state) and
a sandbox user signed in without a browser through the sandbox's own token-issuing hook
(SANDBOX ONLY: Microsoft 365 has no such thing; there the saved sign-in or a device
code is used). The sandbox keeps its port in its state folder so that a resumed run
finds its upload sessions at the same address.

Exit codes: 0 every chosen file is in OneDrive and verified; 3 some files need attention
(failed, or not done because the run stopped: the summary lists them; resume or try
again); 2 bad input (path, policy, choices, a corrupt journal); 1 unexpected error.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths
from app.core.errors import BadInputError
from app.settings import Settings, settings_as_dict

if TYPE_CHECKING:
    from app.commands.migrate_steps import Connection, Printer
    from app.core.journal import Journal
    from app.core.receipt_html import RuleTexts
    from app.m365.upload import RunResult, UploadEngine

log = logging.getLogger(__name__)

EXIT_NEEDS_ATTENTION = 3


def add_sandbox_options(parser: argparse.ArgumentParser) -> None:
    """The options of a command that migrates (migrate, hand-back-check --move)."""
    # Also accepted after the command name; SUPPRESS keeps the global value otherwise.
    parser.add_argument(
        "--sandbox",
        action="store_true",
        default=argparse.SUPPRESS,
        help="use the local sandbox (training and demos): no Microsoft 365 sign-in",
    )
    parser.add_argument(
        "--settings",
        type=Path,
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="a settings file IT controls, read as the organisation's (trials, scripted runs)",
    )
    parser.add_argument("--sandbox-state", type=Path, metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--sandbox-user", metavar="UPN", help=argparse.SUPPRESS)
    parser.add_argument("--sandbox-faults", default="", metavar="SPEC", help=argparse.SUPPRESS)
    # SANDBOX ONLY (tests, benchmarks): use a sandbox already running from this state folder.
    parser.add_argument("--sandbox-attach", type=Path, metavar="DIR", help=argparse.SUPPRESS)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "migrate",
        help="move an H: drive to OneDrive without a window (guidance accepted as it is)",
        description=__doc__.split("\n\n")[2] if __doc__ else None,
        epilog=(__doc__.split("\n\n")[3] + "\n" if __doc__ else "")
        + "Exit codes: 0 every chosen file is in OneDrive and verified; 3 some files "
        "need attention (listed at the end; --resume tries them again); 2 bad input; "
        "1 unexpected error.",
    )
    parser.add_argument("--source", metavar="PATH", help="the H: drive folder to move")
    parser.add_argument("--policy", type=Path, metavar="FILE", help="a retention policy file")
    parser.add_argument(
        "--accept-guidance",
        action="store_true",
        help="follow the retention guidance as it is (needed: there is no window to ask)",
    )
    parser.add_argument("--resume", action="store_true", help="continue the unfinished run")
    parser.add_argument(
        "--confirm-owner",
        action="store_true",
        help="go on although the H: drive seems to belong to someone other than the "
        'signed-in account (refused anyway when the organisation sets "refuse")',
    )
    add_sandbox_options(parser)
    parser.set_defaults(func=run)


def settings_digest(settings: Settings) -> str:
    text = json.dumps(settings_as_dict(settings), sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.commands.migrate_steps import (
        Printer,
        connect,
        practice_mode,
        prepare_run,
    )
    from app.core.journal import Journal
    from app.core.receipt_summary import format_summary
    from app.m365.concurrency import AdaptiveLimit
    from app.m365.receipt_upload import publish_receipt
    from app.m365.upload import UploadEngine

    if not args.resume and not args.accept_guidance:
        raise BadInputError(
            "Guidance must be accepted to migrate without a window",
            "The command line cannot ask you about files the guidance says to review or discard.",
            "Add --accept-guidance to follow the guidance as it is, or open the app "
            "(no command) to decide file by file.",
        )
    if not args.resume and not args.source:
        raise BadInputError(
            "No H: drive given", "migrate needs --source PATH.", "Add --source PATH."
        )
    stop = threading.Event()
    printer = Printer(sys.stdout)
    # Practice (sandbox) runs have their own journal; the journal's lock keeps a second
    # assistant (window or command) off the same runs.
    with Journal.open_default(practice=practice_mode(args)) as journal:
        limiter = AdaptiveLimit(settings.upload.concurrency_start, settings.upload.concurrency_max)
        connection: Connection = connect(args, settings, limiter, stop)
        try:
            run_id, source_root = prepare_run(args, settings, journal, connection, printer)
            engine = UploadEngine(
                connection.graph,
                journal,
                source_root,
                run_id=run_id,
                settings=settings.upload,
                session_factory=connection.session_factory,
                progress=printer.upload,
                stop=stop,
                limiter=limiter,
            )
            result = _run_until_done(engine, stop, printer)
            printer.done()
            # Not after a run that stopped with an error (signed out, offline, throttled):
            # every label would fail the same way. The run stays open; --resume sets them.
            if settings.policy.retention_labels and not result.cancelled and result.error is None:
                _apply_labels(connection, journal, run_id, stop)
            print(
                f"Sent {result.bytes_sent / 1e6:.1f} MB in {result.elapsed_s:.1f} s "
                f"({result.throttle_events} slow-downs asked by OneDrive)."
            )
            # The receipt (every run of this migration): in Documents and beside the files
            # in OneDrive. Its problems are reported, never fatal: the files have moved.
            published = publish_receipt(
                journal,
                run_id,
                folder=paths.user_documents_dir(),
                graph=connection.graph,
                language=settings.ui.language or "en",
                practice=practice_mode(args),
                rules=_policy_texts(args, settings),
            )
            # The receipt's summary (every run of this migration), not this run's alone:
            # one set of totals on the terminal, the same as the saved receipt's.
            summary = published.receipt
            print(format_summary(summary))
            for text in published.report():
                print(text)
            if result.cancelled:
                print("Stopped. Run the same command with --resume to continue.")
                return EXIT_NEEDS_ATTENTION
            if result.error is not None:
                print(result.error.for_terminal(), file=sys.stderr)
                print("Run the same command with --resume to continue.", file=sys.stderr)
                return EXIT_NEEDS_ATTENTION
            if summary.needs_attention:  # the window's "Try again" is --resume here
                print("Run the same command with --resume to try those files again.")
                return EXIT_NEEDS_ATTENTION
            return 0
        finally:
            connection.close()


def _apply_labels(
    connection: Connection, journal: Journal, run_id: int, stop: threading.Event
) -> None:
    """The organisation's retention labels onto the files now in OneDrive (see
    app.m365.retention_labels); problems are listed, never fatal: the files have moved."""
    from app.core.errors import CancelledError
    from app.m365.retention_labels import LabelsNotApplied, apply_labels

    try:
        labels = apply_labels(connection.graph, journal, run_id, stop=stop)
    except CancelledError:
        return
    except Exception as error:  # the files have moved: say it, and the receipt still follows
        log.exception("Retention label pass failed")
        print(LabelsNotApplied(error).for_terminal(), file=sys.stderr)
        if journal.needing_label(run_id):  # kept open: --resume sets the labels
            journal.reopen_run(run_id, retry_failed=False)
        return
    if labels.halted_by is not None and not stop.is_set():
        print(LabelsNotApplied(labels.halted_by).for_terminal(), file=sys.stderr)
    if labels.applied:
        print(f"Retention labels set on {labels.applied} files.")
    for path, problem in labels.problems:
        print(f"Retention label not set on {path}: {problem}", file=sys.stderr)
    if labels.stopped:
        print("Some retention labels are still to be set: run again with --resume.")


def _policy_texts(args: argparse.Namespace, settings: Settings) -> RuleTexts | None:
    """The retention policy's texts for the receipt (the run's policy: --policy, else the
    organisation's); None if it cannot be read now (the journal's titles will do)."""
    from app.core.errors import UserFacingError
    from app.core.policy import load_policy, policy_from_settings
    from app.core.receipt_html import rule_texts

    try:
        policy_file = getattr(args, "policy", None)
        policy = (
            load_policy(policy_file) if policy_file else policy_from_settings(settings.policy.file)
        )
    except UserFacingError:
        return None
    return rule_texts(policy)


def _run_until_done(engine: UploadEngine, stop: threading.Event, printer: Printer) -> RunResult:
    """Run the engine in a worker thread so that Ctrl+C stops it at the next fragment
    boundary (the journal stays resumable) instead of abandoning it mid-write."""
    outcome: list[RunResult] = []
    failure: list[BaseException] = []

    finished = threading.Event()

    def work() -> None:
        try:
            outcome.append(engine.run())
        except BaseException as error:  # handed to the main thread below
            failure.append(error)
        finally:
            finished.set()

    worker = threading.Thread(target=work, name="migrate-engine")
    worker.start()
    # An Event, not join(): a join() interrupted by Ctrl+C can leave the thread looking
    # finished while it still runs (a CPython bug in 3.11).
    while not finished.is_set():
        try:
            finished.wait(0.2)
        except KeyboardInterrupt:
            if not stop.is_set():
                stop.set()
                printer.line("Stopping at the next safe point (Ctrl+C again waits as well)...")
    worker.join()
    if failure:
        raise failure[0]
    return outcome[0]
