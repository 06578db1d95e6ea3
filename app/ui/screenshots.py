"""Screenshots of every page, for the documentation and for looking at the layout:

    xvfb-run -s "-screen 0 1280x900x24" .venv/bin/python -m app.ui.screenshots docs/screenshots
    ... --text-scale 2        (200% text)     ... --high-contrast    (the high-contrast theme)

Runs the practice journey unattended (sandbox, sample drive) on whatever display Qt has,
exactly as the no-display mode does, and saves the pages as PNG files.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ui.screenshots")
    parser.add_argument("out", type=Path)
    parser.add_argument("--text-scale", type=float, default=1.0)
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--scale", type=float, default=0.1, help="sample drive size")
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="screenshots-"))
    os.environ["MIGRATION_ASSISTANT_HOME"] = str(home)

    from app.commands.wizard import start_sandbox
    from app.core.sample_drive import make_sample_drive
    from app.settings import Settings
    from app.ui import theme
    from app.ui.app import create_application
    from app.ui.headless import run_unattended
    from app.ui.session import Session
    from app.ui.wizard import MigrationWizard

    app = create_application(text_scale=args.text_scale)
    if args.high_contrast:
        theme.apply(app, high_contrast=True)
    sandbox = start_sandbox()
    session = Session(Settings())
    try:
        session.sandbox = sandbox
        session.training_users = [user.upn for user in sandbox.users]
        session.h_drive = make_sample_drive(home / "H", seed=1, scale=args.scale)
        wizard = MigrationWizard(session)
        return run_unattended(wizard, out_dir=args.out)
    finally:
        session.close()
        sandbox.stop()


if __name__ == "__main__":
    sys.exit(main())
