"""Opens the wizard (the default command). `--sandbox`: against an in-process sandbox and a
sample H: drive in the user data folder (practice mode). On a machine without a display
the same command runs the sandbox journey unattended, through the real pages under Qt's
offscreen platform, and writes the receipt and a screenshot of every page."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from app import paths
from app.settings import Settings

# Small enough that the unattended run finishes in a minute or two on a modest machine.
HEADLESS_SAMPLE_SCALE = 0.3


def no_display(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Linux with neither X11 nor Wayland, and nobody chose a Qt platform."""
    if not sys.platform.startswith("linux"):
        return False
    return not any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def start_sandbox() -> Any:
    from app.sandbox.server import Sandbox, SandboxConfig

    # A short device-code poll: the training sign-in approves the code at once.
    config = SandboxConfig(state_dir=paths.user_data_dir() / "sandbox", device_interval_s=1)
    return Sandbox(config).start()


def sample_drive(scale: float) -> Path:
    from app.core.sample_drive import make_sample_drive

    root = paths.user_data_dir() / "sample-h-drive"
    if not root.exists():
        make_sample_drive(root, seed=1, scale=scale)
    return root


def _journal_problem(session: Any) -> Any:
    """Open the journal now: another assistant holding it must be said before any page,
    not discovered halfway through a journey. (A journal set aside as corrupt is only
    logged, as before: the pages go on with a fresh one.)"""
    from app.core.journal import (
        JournalCorrupt,
        JournalFromNewerVersion,
        JournalInUse,
        JournalNotWritable,
    )

    try:
        session.journal()
    except (JournalInUse, JournalNotWritable, JournalFromNewerVersion) as error:  # said first
        return error
    except JournalCorrupt:
        pass  # said in the log by the journal; the next open starts a fresh one
    return None


def _refuse(error: Any, headless: bool, assisted: bool = False) -> int:
    print(error.for_terminal(), file=sys.stderr)
    if not headless:
        from PySide6.QtWidgets import QMessageBox

        text = f"{error.message}\n\n{error.action}".strip()
        if assisted and error.detail:  # floor-walkers see what is behind it
            text += f"\n\n{error.detail}"
        QMessageBox.critical(None, error.title, text)
    return int(error.exit_code)


def run(args: argparse.Namespace, settings: Settings) -> int:
    headless = no_display()
    if headless:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        if not args.sandbox:
            print(
                "There is no display here, so the wizard cannot open. Run with --sandbox for "
                "the unattended practice journey, or use `migration-assistant migrate`.",
                file=sys.stderr,
            )
            return 2
    from app.ui.app import create_application
    from app.ui.session import Session
    from app.ui.wizard import MigrationWizard

    if headless:
        from app.ui.headless import quiet_qt_messages

        quiet_qt_messages()

    app = create_application(language=settings.ui.language)
    # The language the UI chose (the setting, else the system's): policy texts follow it.
    session = Session(settings, language=str(app.property("uiLanguage") or "en"))
    sandbox = None
    try:
        if args.sandbox:
            print("Practice mode: starting the local sandbox and the sample H: drive...")
            sandbox = start_sandbox()
            session.sandbox = sandbox
            session.training_users = [user.upn for user in sandbox.users]
            session.h_drive = sample_drive(HEADLESS_SAMPLE_SCALE if headless else 1.0)
        else:
            session.find_h_drive()
        problem = _journal_problem(session)
        if problem is not None:
            return _refuse(problem, headless, bool(args.assisted))
        wizard = MigrationWizard(session)
        if headless:
            from app.ui.headless import run_unattended

            return run_unattended(wizard, out_dir=paths.user_documents_dir() / "practice-run")
        wizard.show()
        if args.assisted:
            from app.ui.assisted import toggle

            toggle(wizard)
        wizard.start_background_scan()
        return int(app.exec())
    finally:
        session.close()
        if sandbox is not None:
            sandbox.stop()
