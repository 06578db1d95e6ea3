"""The whole journey against the real sandbox: by mouse, and by keyboard alone; then the
receipt, and deleting what was left behind (the only write to the H: drive)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app.settings import Settings
from app.ui.a11y import focusable_widgets_without_names
from app.ui.pages import CONFIRM, DONE, PROGRESS, REVIEW, SCAN, SIGN_IN
from app.ui.session import Session
from app.ui.wizard import MigrationWizard

UPN = "jane.smith@sandbox.police.uk"


def make_drive(root: Path) -> Path:
    files = {
        "Reports/2024/monthly report.docx": b"report " * 500,
        "Reports/2024/~$monthly report.docx": b"owner lock",
        "Reports/notes.txt": b"notes\n" * 40,
        "Temp/scratch.tmp": b"x" * 300,
        "Photos/team.jpg": bytes(range(256)) * 20,
        "letter.docx": b"dear sir " * 100,
    }
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        os.utime(path, (1.7e9, 1.7e9))
    return root


@pytest.fixture
def wizard(qtbot, make_sandbox, tmp_path):
    sandbox = make_sandbox(device_interval_s=1)
    session = Session(Settings())
    session.sandbox = sandbox
    session.training_users = [user.upn for user in sandbox.users]
    session.h_drive = make_drive(tmp_path / "H")
    window = MigrationWizard(session)
    qtbot.addWidget(window)
    window.show()
    window.start_background_scan()
    yield window
    window.shutdown()
    session.close()


def _next(qtbot, wizard):
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _check_accessible(page):
    assert focusable_widgets_without_names(page) == []


def test_journey_by_mouse(qtbot, wizard, make_sandbox):
    session = wizard.session
    _check_accessible(wizard.welcome)
    _next(qtbot, wizard)
    assert wizard.currentId() == SIGN_IN
    page = wizard.sign_in
    qtbot.mouseClick(page.training_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: session.account is not None and not page.cancel_button.isVisible(), timeout=30_000
    )
    if page.owner_confirm.isVisible():
        assert not page.isComplete()  # an unconfirmed owner mismatch blocks Next
        page.owner_confirm.setChecked(True)
    assert page.isComplete()
    _check_accessible(page)
    _next(qtbot, wizard)
    assert wizard.currentId() == SCAN
    qtbot.waitUntil(wizard.scan.isComplete, timeout=30_000)
    _check_accessible(wizard.scan)
    _next(qtbot, wizard)
    assert wizard.currentId() == REVIEW
    review = wizard.review
    _check_accessible(review)
    assert "Will move" in review.summary.text()
    _next(qtbot, wizard)
    assert wizard.currentId() == CONFIRM
    qtbot.waitUntil(wizard.confirm.isComplete, timeout=30_000)
    _check_accessible(wizard.confirm)
    _next(qtbot, wizard)
    assert wizard.currentId() == PROGRESS
    progress = wizard.progress
    qtbot.waitUntil(progress.isComplete, timeout=60_000)
    _check_accessible(progress)
    assert "100 percent" in progress.bar.accessibleDescription()
    _next(qtbot, wizard)
    assert wizard.currentId() == DONE
    done = wizard.done_page
    _check_accessible(done)
    moved = session.plan.to_move()
    tree = session.sandbox.state.tree(UPN)
    in_onedrive = {entry["path"].lstrip("/") for entry in tree}
    for item in moved:
        assert any(path.endswith(item.dest_path) for path in in_onedrive), item.dest_path
    assert "Moved" in done.headline.text()
    saved = done.save_receipt(Path(session.h_drive).parent / "receipt.html")
    assert "Moved to OneDrive and checked" in saved.read_text()

    # Deleting the left-behind files: exactly those, after the confirmation.
    left = session.discarded_files()
    assert left, "the temporary file should have been left behind"
    box = done.delete_question(left)
    assert str(len(left)) in box.text() and left[0][0] in box.detailedText()
    task = done.delete(left)
    qtbot.waitUntil(lambda: "Deleted" in done.delete_status.text(), timeout=10_000)
    assert task is not None
    for rel, _ in left:
        assert not (session.h_drive / rel).exists()
    assert (session.h_drive / "letter.docx").exists()
