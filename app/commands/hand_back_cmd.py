"""The `hand-back-check` command: is anything left only on this laptop?

    migration-assistant [--sandbox | --settings FILE] hand-back-check [FOLDERS ...]
        [--h-drive-copy PATH] [--json FILE] [--move [--confirm-owner]]

Checks the laptop's Desktop, Documents, Downloads and Pictures (Windows' known folders,
wherever they are redirected) and the laptop's offline copy of the H: drive, or the
FOLDERS given, against OneDrive (see app.core.hand_back) and lists every file that is
not safely there. The report is also saved in the app's data folder, where the receipt
finds it. --move moves each laptop folder with files not yet safe through the same path
as `migrate` (scan, retention guidance accepted as it is, verified upload) to
OneDrive/<destination>/Laptop/<folder>, where the check looks, then checks again. The
H: drive's copy is not moved from here: what is new in it belongs on the H: drive.

Exit codes: 0 every file is safely in OneDrive; 3 some files are not (listed); 2 bad
input; 1 unexpected error.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths
from app.commands.migrate import add_sandbox_options
from app.core.errors import BadInputError
from app.settings import Settings

if TYPE_CHECKING:
    from app.core.hand_back import HandBackReport, LaptopFolder

EXIT_NEEDS_ATTENTION = 3
SHOWN_PER_STATUS = 200  # a terminal is not a receipt: the JSON and the receipt have all


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "hand-back-check",
        help="check this laptop before handing it back: files that are not in OneDrive",
        description=__doc__.split("\n\n")[2] if __doc__ else None,
        epilog=__doc__.split("\n\n")[3] if __doc__ else None,
    )
    parser.add_argument(
        "folders", nargs="*", metavar="FOLDER", help="folders to check (default: this laptop's)"
    )
    parser.add_argument(
        "--h-drive-copy", metavar="PATH", help="the laptop's offline copy of the H: drive"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the report here")
    parser.add_argument(
        "--move",
        action="store_true",
        help="move the laptop folders with files not in OneDrive (guidance accepted as it is)",
    )
    parser.add_argument(
        "--confirm-owner", action="store_true", help="as for migrate: go on after a warning"
    )
    add_sandbox_options(parser)
    parser.set_defaults(func=run)


def report_path() -> Path:
    """Where the latest report is kept (the receipt reads it from here)."""
    from app.core.hand_back import REPORT_FILE_NAME

    return paths.user_data_dir() / REPORT_FILE_NAME


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.core.hand_back import laptop_folders

    for given in [*args.folders, *([args.h_drive_copy] if args.h_drive_copy else [])]:
        if not Path(given).is_dir():
            raise BadInputError(
                "Folder not found", f"{given} is not a folder on this laptop.", "Check the path."
            )
    destination = settings.onedrive.destination_folder
    folders = laptop_folders(destination, args.folders, h_drive_copy=args.h_drive_copy)
    if not folders:
        raise BadInputError(
            "No folders to check",
            "The assistant found none of this laptop's folders to check.",
            "Name the folders to check: hand-back-check FOLDER ...",
        )
    report = _check(args, settings, folders)
    if args.move and not report.safe_to_hand_back:
        moving = [f for f in folders if not f.h_drive and f.name in _unsafe_folders(report)]
        for folder in moving:
            print(f"\nMoving {folder.name} to OneDrive/{folder.onedrive_folders[0]} ...")
            code = _move(args, settings, folder)
            if code not in (0, EXIT_NEEDS_ATTENTION):
                return code
        if moving:
            print("\nChecking again ...")
            report = _check(args, settings, folders)
    return _print(report, folders, moved=args.move)


def _unsafe_folders(report: HandBackReport) -> set[str]:
    return {item.folder for item in report.not_safe}


def _check(
    args: argparse.Namespace, settings: Settings, folders: list[LaptopFolder]
) -> HandBackReport:
    from app.commands.migrate_steps import connect, practice_mode
    from app.core.hand_back import JournalCopy, check_hand_back, journal_copies, save_report
    from app.core.journal import Journal, JournalFromNewerVersion, JournalUnreadable, default_path
    from app.m365.concurrency import AdaptiveLimit
    from app.m365.onedrive_lookup import OneDriveFolders

    copies: dict[str, JournalCopy] = {}
    try:  # read only: readable while the assistant runs, never upgraded or set aside
        with Journal.open_read_only(default_path(practice=practice_mode(args))) as journal:
            copies = journal_copies(journal)
    except (JournalUnreadable, JournalFromNewerVersion) as error:
        print(f"{error.title}: checking against OneDrive only (not its journal).")
    stop = threading.Event()
    limiter = AdaptiveLimit(settings.upload.concurrency_start, settings.upload.concurrency_max)
    connection = connect(args, settings, limiter, stop)
    try:
        print("Checking " + ", ".join(f"{f.name} ({f.path})" for f in folders) + " ...")
        report = check_hand_back(folders, OneDriveFolders(connection.graph), copies)
    finally:
        connection.close()
    save_report(report, report_path())
    if args.json:
        save_report(report, args.json)
    return report


def _move(args: argparse.Namespace, settings: Settings, folder: LaptopFolder) -> int:
    """The folder through `migrate` (same journal, checks and receipt), to where the check
    looks for it: the destination becomes <destination>/Laptop/<folder>."""
    from app.commands import migrate

    onedrive = dataclasses.replace(settings.onedrive, destination_folder=folder.onedrive_folders[0])
    moving = argparse.Namespace(**vars(args))
    moving.source, moving.resume, moving.accept_guidance, moving.policy = (
        folder.path,
        False,
        True,
        None,
    )
    return migrate.run(moving, dataclasses.replace(settings, onedrive=onedrive))


def _print(report: HandBackReport, folders: list[LaptopFolder], *, moved: bool) -> int:
    from app.core.hand_back import HandBackStatus

    headings = {
        HandBackStatus.NOT_IN_ONEDRIVE: "Not in OneDrive (only on this laptop)",
        HandBackStatus.DIFFERENT_IN_ONEDRIVE: "Different in OneDrive (this copy would be lost)",
        HandBackStatus.UNREADABLE: "Could not be read (cannot be vouched for)",
    }
    for status, heading in headings.items():
        items = [item for item in report.items if item.status is status]
        if not items:
            continue
        print(f"\n{heading}: {len(items)}")
        for item in items[:SHOWN_PER_STATUS]:
            extra = f" [{item.onedrive_path}: {item.detail}]" if item.onedrive_path else ""
            extra = extra or (f" [{item.detail}]" if item.detail else "")
            print(f"  {item.path}{extra}")
        if len(items) > SHOWN_PER_STATUS:
            print(f"  ... and {len(items) - SHOWN_PER_STATUS} more (see {report_path()})")
    safe = report.count(HandBackStatus.SAFE_IN_ONEDRIVE)
    print(f"\n{safe} of {len(report.items)} files are safely in OneDrive.")
    if report.safe_to_hand_back:
        print("Nothing is left only on this laptop: it can be handed back.")
        return 0
    if not moved and any(not f.h_drive and f.name in _unsafe_folders(report) for f in folders):
        print("Add --move to move them to OneDrive (the retention guidance is followed).")
    if not report.complete:
        print("The check stopped before the end: run it again.", file=sys.stderr)
    return EXIT_NEEDS_ATTENTION
