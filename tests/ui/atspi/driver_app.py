"""The app side of the AT-SPI suite: the real wizard in practice mode (a local sandbox with
some latency, so an upload takes a few seconds), walked through its pages one step at a
time when the screen-reader client (client.py) says it has finished looking.

Handshake through files in a folder, so the two processes need nothing else in common:
this side writes `state.json` {"seq": n, "step": name} when a page is ready to be read,
the client writes `ack.json` {"seq": n} when done. Runs in the project's virtualenv.

    python driver_app.py FOLDER
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

# (step name, what to do to get there, when it is ready to be read)
Step = tuple[str, Callable[[], None], Callable[[], bool]]

DRIVE_FILES = 24  # enough progress updates for milestone announcements during the upload


def make_drive(root: Path) -> Path:
    """Files that move, one the guidance leaves behind, one that cannot move."""
    for i in range(DRIVE_FILES):
        path = root / "Reports" / f"report {i:02d}.docx"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(bytes([i]) * (2000 + 97 * i))
    (root / "Temp").mkdir()
    (root / "Temp" / "scratch.tmp").write_bytes(b"x" * 300)
    (root / "Reports" / "~$report 00.docx").write_bytes(b"owner lock")
    for path in root.rglob("*"):
        os.utime(path, (1.7e9, 1.7e9))
    return root


def main(folder: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWizard

    from app.sandbox.server import Sandbox, SandboxConfig
    from app.settings import Settings
    from app.ui.app import create_application
    from app.ui.session import Session
    from app.ui.wizard import MigrationWizard

    app = create_application(language="en_GB")
    sandbox = Sandbox(
        SandboxConfig(state_dir=folder / "sandbox", device_interval_s=1, latency_ms=120)
    ).start()
    session = Session(Settings())
    session.sandbox = sandbox
    session.training_users = [user.upn for user in sandbox.users]
    session.h_drive = make_drive(folder / "H")
    wizard = MigrationWizard(session)
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    def press_next() -> None:
        next_button.click()

    def sign_in() -> None:
        press_next()
        wizard.sign_in.training_button.click()

    def signed_in() -> bool:
        page = wizard.sign_in
        if session.account is None or page.working():
            return False
        if page.owner_confirm.isVisible() and not page.owner_confirm.isChecked():
            page.owner_confirm.setChecked(True)  # practice accounts are not this user
        return page.isComplete()

    def open_delete_question() -> None:
        # Queued: exec() runs its own loop, in which this driver's timer keeps ticking.
        QTimer.singleShot(0, wizard.done_page.delete_button.click)

    def start_a_second_assistant() -> None:
        """What a second launch does while this one holds the journal: the refusal, shown
        by the real command code (an error dialog; its text is a UserFacingError)."""
        from app.commands.wizard import _journal_problem, _refuse

        second = Session(Settings())
        second.sandbox = sandbox  # the same (practice) journal as the running one
        problem = _journal_problem(second)
        second.close()
        assert problem is not None, "a second assistant was not refused"
        QTimer.singleShot(0, lambda: _refuse(problem, headless=False))

    steps: list[Step] = [
        ("welcome", lambda: None, lambda: True),
        ("sign_in", sign_in, signed_in),
        ("scan", press_next, wizard.scan.isComplete),
        ("review", press_next, lambda: wizard.review.data is not None),
        ("confirm", press_next, wizard.confirm.isComplete),
        ("progress", press_next, wizard.progress.isComplete),
        ("done", press_next, lambda: wizard.done_page.receipt is not None),
        ("delete_question", open_delete_question, lambda: app.activeModalWidget() is not None),
        ("after_dialog", lambda: None, lambda: app.activeModalWidget() is None),
        ("error_dialog", start_a_second_assistant, lambda: app.activeModalWidget() is not None),
        ("after_error", lambda: None, lambda: app.activeModalWidget() is None),
    ]
    state_file, ack_file = folder / "state.json", folder / "ack.json"

    def walk() -> Iterator[None]:
        for seq, (step, act, ready) in enumerate(steps):
            act()
            while not ready():
                yield
            if app.focusWidget() is None:
                wizard.activateWindow()
            tmp = state_file.with_suffix(".tmp")
            tmp.write_text(json.dumps({"seq": seq, "step": step}))
            tmp.replace(state_file)
            while not _acked(ack_file, seq):
                yield

    walker = walk()

    failed: list[BaseException] = []

    def tick() -> None:
        try:
            next(walker)
        except StopIteration:
            app.quit()
        except Exception as error:  # stop at once: the client would wait for nothing
            failed.append(error)
            timer.stop()
            app.quit()
            raise

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(50)
    QTimer.singleShot(180_000, app.quit)  # never outlive a stuck client
    wizard.show()
    wizard.raise_()
    wizard.activateWindow()
    wizard.start_background_scan()
    try:
        app.exec()
    finally:
        wizard.shutdown()
        session.close()
        sandbox.stop()
    (folder / "driver.done").write_text("failed" if failed else "ok")
    QApplication.processEvents()
    return 1 if failed else 0


def _acked(ack_file: Path, seq: int) -> bool:
    try:
        return int(json.loads(ack_file.read_text())["seq"]) >= seq
    except (OSError, ValueError, KeyError):
        return False


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
