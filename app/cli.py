"""The command line: `migration-assistant [--sandbox] [COMMAND ...]`.

With no command it opens the wizard (`--sandbox`: against the local sandbox and a sample
H: drive). Commands live in `app/commands/`, one module each with `register(subparsers)`;
their heavy imports happen inside the command, so start-up stays fast.

Exit codes: 0 done, 2 bad arguments or path, 1 unexpected error (the log's path is printed).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from app import APP_DISPLAY_NAME, __version__
from app.core.errors import UserFacingError
from app.log import log_file, setup_logging
from app.settings import LoadedSettings, load_settings

# One module per command in app/commands/, registered in this order.
COMMAND_MODULES = (
    "scan",
    "migrate",
    "sandbox_cmd",
    "sample_drive_cmd",
    "support_bundle_cmd",
    "self_test",
    "hand_back_cmd",
    "settings_cmd",
)

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="migration-assistant",
        description=f"{APP_DISPLAY_NAME}: move your H: drive to OneDrive, with retention guidance.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="use the local sandbox (training and demos) instead of Microsoft 365",
    )
    parser.add_argument(
        "--settings",
        type=Path,
        metavar="FILE",
        help="a settings file IT controls, read as the organisation's (trials, scripted runs)",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="SECTION.KEY=VALUE",
        help="override one setting (may be repeated)",
    )
    parser.add_argument("--assisted", action="store_true", help="assisted session (floor-walkers)")
    parser.add_argument("--verbose", "-v", action="store_true", help="log in more detail")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation, ending with a practice migration (the self-test command)",
    )
    parser.set_defaults(func=None)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"app.commands.{name}")
        module.register(subparsers)
    return parser


def _report_settings(loaded: LoadedSettings) -> None:
    for problem in loaded.problems:
        log.warning("Settings: %s", problem)
        print(f"Settings: {problem}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(logging.DEBUG if args.verbose else logging.INFO)
    log.info("%s %s starting: %s", APP_DISPLAY_NAME, __version__, args.command or "wizard")
    loaded = load_settings(extra_file=args.settings, overrides=args.set)
    _report_settings(loaded)
    func = args.func
    if func is None and args.self_test:
        from app.commands import self_test

        func = self_test.run
    if func is None:
        from app.commands import wizard

        func = wizard.run
    try:
        return int(func(args, loaded.settings))
    except UserFacingError as error:
        log.warning("%s (%s)", error, error.detail)
        print(error.for_terminal(), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except Exception:
        log.exception("Unexpected error")
        print(
            f"Something unexpected went wrong. The details are in the log: {log_file()}",
            file=sys.stderr,
        )
        return 1
