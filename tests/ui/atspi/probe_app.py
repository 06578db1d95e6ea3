"""Opens the wizard and sends two announcements (polite progress, assertive result), for
probe_client.py to observe over AT-SPI. Run through run.sh."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))


def main() -> None:
    from PySide6.QtCore import QTimer

    from app.settings import Settings
    from app.ui.app import create_application
    from app.ui.session import Session
    from app.ui.wizard import MigrationWizard

    app = create_application()
    wizard = MigrationWizard(Session(Settings()))
    wizard.show()
    QTimer.singleShot(4000, lambda: wizard.announce("45 percent, 1,234 of 2,700 files", force=True))
    QTimer.singleShot(4500, lambda: wizard.announce("Finished moving your files.", assertive=True))
    QTimer.singleShot(9000, app.quit)
    app.exec()


if __name__ == "__main__":
    main()
