"""The no-display mode: the practice journey, unattended, through the real wizard pages.

It presses the same buttons a person would, prints progress to the terminal, and writes
the receipt and a screenshot (QWidget.grab) of every page into one folder. This is what
`migration-assistant --sandbox` does on a machine without a display (CI, a server).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QWizard

from app.ui import formatting as fmt
from app.ui.wizard import MigrationWizard

log = logging.getLogger(__name__)


def _qt_messages(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own messages go to the log, not the terminal; the offscreen platform's
    "does not support propagateSizeHints()" is noise and dropped."""
    if "propagateSizeHints" in message:
        return
    level = logging.WARNING if kind != QtMsgType.QtDebugMsg else logging.DEBUG
    log.log(level, "Qt: %s", message)


def quiet_qt_messages() -> None:
    qInstallMessageHandler(_qt_messages)


class Stuck(RuntimeError):
    """A page did not get where it should within its time."""


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise Stuck(f"timed out after {timeout_s:.0f} s waiting for: {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


class Camera:
    def __init__(self, wizard: MigrationWizard, folder: Path) -> None:
        self.wizard = wizard
        self.folder = folder
        self.taken: list[Path] = []
        folder.mkdir(parents=True, exist_ok=True)

    def shot(self, name: str) -> Path:
        QCoreApplication.processEvents()
        path = self.folder / f"{len(self.taken) + 1:02d}-{name}.png"
        self.wizard.grab().save(str(path))
        self.taken.append(path)
        return path


def run_unattended(wizard: MigrationWizard, *, out_dir: Path, upn: str | None = None) -> int:
    quiet_qt_messages()
    session = wizard.session
    camera = Camera(wizard, out_dir)
    wizard.show()
    wizard.start_background_scan()
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    def next_page() -> None:
        before = wizard.currentId()
        next_button.click()
        if wizard.currentId() == before:
            raise Stuck(f"could not leave the page {wizard.currentPage().title()!r}")

    def step(title: str) -> None:
        print(f"== {title}", flush=True)

    step("Welcome")
    camera.shot("welcome")
    next_page()

    step("Sign in (training account)")
    page = wizard.sign_in
    camera.shot("sign-in")
    if upn:
        page.training_users.setCurrentText(upn)
    page.training_button.click()
    wait_until(lambda: not page.working(), 90, "sign-in")
    if session.account is None:
        print(page.status.text())
        return 1
    print(page.status.text())
    if page.owner_confirm.isVisible():
        print(
            "  The training account's name does not match this computer's user name, as"
            " expected in practice mode; confirming that the drive is theirs."
        )
        page.owner_confirm.setChecked(True)
    camera.shot("signed-in")
    next_page()

    step("Looking through the H: drive")
    scan = wizard.scan
    last = ""

    def scanned() -> bool:
        nonlocal last
        if scan.counts.text() != last:
            last = scan.counts.text()
            print("  " + last, flush=True)
        return scan.isComplete()

    wait_until(scanned, 600, "the scan")
    camera.shot("scan")
    next_page()

    step("Review")
    review = wizard.review
    camera.shot("review-by-guidance")
    review.tabs.setCurrentIndex(1)
    camera.shot("review-by-folder")
    review.tabs.setCurrentIndex(0)
    print("  " + review.summary.text())
    next_page()

    step("Confirm")
    wait_until(wizard.confirm.isComplete, 120, "the plan")
    for label in (wizard.confirm.amount, wizard.confirm.space, wizard.confirm.time):
        print("  " + label.text())
    camera.shot("confirm")
    next_page()

    step("Moving the files")
    progress = wizard.progress
    last_report = 0.0
    shot_taken = False

    def moved() -> bool:
        nonlocal last_report, shot_taken
        now = time.monotonic()
        if now - last_report > 2:
            last_report = now
            print("  " + progress.overall.text(), flush=True)
            if not shot_taken and progress.bar.value() > 0:
                camera.shot("moving")
                shot_taken = True
        text = progress.overall.text()
        return progress.isComplete() or text.startswith("⚠") or text.startswith("Stopped")

    wait_until(moved, 1800, "the upload")
    if not progress.isComplete():
        print(progress.overall.text())
        camera.shot("moving-stopped")
        return 1
    camera.shot("moving-finished")
    next_page()

    step("Receipt")
    done = wizard.done_page
    wait_until(lambda: done.receipt is not None, 120, "the receipt")  # built on a worker
    camera.shot("done")
    html = done.save_receipt(out_dir / "receipt.html")
    text = done.save_receipt(out_dir / "receipt.txt")
    print("  " + done.headline.text())
    assert done.receipt is not None
    for section in done.receipt.sections():  # the totals a floor-walker reads out
        print(f"  {section.title}: {fmt.files_and_size(section.files, section.num_bytes)}")
        for reason, count in section.reasons.most_common():
            print(f"    - {reason}: {fmt.files(count)}")
    print(f"Receipt: {html} and {text}")
    print("Screenshots:")
    for path in camera.taken:
        print(f"  {path}")
    result = session.result
    if result is not None:
        print(
            f"Moved {fmt.number(result.moved)} files in {result.elapsed_s:.1f} s; "
            f"needing attention: {fmt.number(result.failed)}."
        )
    wizard.shutdown()
    return 0 if result is not None and result.failed == 0 else 1
