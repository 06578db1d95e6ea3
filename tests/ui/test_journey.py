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
    qtbot.waitUntil(lambda: done.receipt is not None, timeout=30_000)  # built on a worker
    _check_accessible(done)
    moved = session.plan.to_move()
    tree = session.sandbox.state.tree(UPN)
    in_onedrive = {entry["path"].lstrip("/") for entry in tree}
    for item in moved:
        assert any(path.endswith(item.dest_path) for path in in_onedrive), item.dest_path
    assert "Moved" in done.headline.text()
    assert done.onedrive_url().rstrip("/").endswith(("H drive", "H%20drive")), done.onedrive_url()
    saved = done.save_receipt(Path(session.h_drive).parent / "receipt.html")
    assert "Moved to OneDrive and checked" in saved.read_text()

    # Deleting the left-behind files: exactly those, after the confirmation.
    left = session.discarded_files()
    assert left, "the temporary file should have been left behind"
    box = done.delete_question(left)
    assert str(len(left)) in box.text() and left[0].rel_path in box.detailedText()
    task = done.delete(left)
    qtbot.waitUntil(lambda: "Deleted" in done.delete_status.text(), timeout=10_000)
    assert task is not None
    for item in left:
        assert not (session.h_drive / item.rel_path).exists()
    assert (session.h_drive / "letter.docx").exists()


def _key(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key press the way the keyboard sends it: to the window (QTest's widget path
    skips the shortcut map, so mnemonics would never fire)."""
    qtbot.keyClick(widget.window().windowHandle(), key, modifier)


def _tab_to(qtbot, wizard, target, limit=60):
    """Press Tab until `target` has focus (fails if it never does: a broken tab order)."""
    for _ in range(limit):
        if target.hasFocus():
            return
        _key(qtbot, wizard, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}")


def _press_next(qtbot, wizard):
    """Tab to Next (or Start moving) and press Space, as a keyboard user does."""
    button = wizard.button(QWizard.WizardButton.NextButton)
    _tab_to(qtbot, wizard, button)
    _key(qtbot, wizard, Qt.Key.Key_Space)


def test_journey_by_keyboard_alone(qtbot, wizard):
    session = wizard.session
    wizard.activateWindow()
    qtbot.waitUntil(lambda: wizard.focusWidget() is not None or wizard.isActiveWindow())
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    _tab_to(qtbot, wizard, next_button)
    _key(qtbot, next_button, Qt.Key.Key_Space)
    assert wizard.currentId() == SIGN_IN
    page = wizard.sign_in
    _tab_to(qtbot, wizard, page.training_button)
    _key(qtbot, page.training_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.working(), timeout=30_000)
    assert session.account is not None
    if page.owner_confirm.isVisible():
        _tab_to(qtbot, wizard, page.owner_confirm)
        _key(qtbot, page.owner_confirm, Qt.Key.Key_Space)
    assert page.isComplete()
    _press_next(qtbot, wizard)
    assert wizard.currentId() == SCAN
    qtbot.waitUntil(wizard.scan.isComplete, timeout=30_000)
    _press_next(qtbot, wizard)
    assert wizard.currentId() == REVIEW
    review = wizard.review
    # Leave the temporary files' group on the H: drive ... by keyboard: choose "Move all".
    _tab_to(qtbot, wizard, review.group_list)
    temp_file = review.data.paths.index("Temp/scratch.tmp")
    temp_row = int(review.data.file_group[temp_file])
    assert review.data.groups[temp_row].action.value == "discard"
    for _ in range(temp_row):
        _key(qtbot, review.group_list, Qt.Key.Key_Down)
    assert review.group_list.currentIndex().row() == temp_row
    before = review.data.summary().move_files
    _tab_to(qtbot, wizard, review.group_choice)
    _key(qtbot, review.group_choice, Qt.Key.Key_Down)  # "Move all of them"
    qtbot.waitUntil(lambda: review.data.summary().move_files > before)
    _press_next(qtbot, wizard)
    assert wizard.currentId() == CONFIRM
    qtbot.waitUntil(wizard.confirm.isComplete, timeout=30_000)
    assert next_button.accessibleName() == "Start moving"
    _press_next(qtbot, wizard)
    assert wizard.currentId() == PROGRESS
    qtbot.waitUntil(wizard.progress.isComplete, timeout=60_000)
    _press_next(qtbot, wizard)
    assert wizard.currentId() == DONE
    assert session.result.failed == 0
    moved_paths = {item.rel_path for item in session.plan.to_move()}
    assert "Temp/scratch.tmp" in moved_paths  # the officer's keyboard choice was honoured


def _sign_in_and_review(qtbot, wizard):
    session = wizard.session
    _next(qtbot, wizard)
    page = wizard.sign_in
    qtbot.mouseClick(page.training_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.working(), timeout=30_000)
    if page.owner_confirm.isVisible():
        page.owner_confirm.setChecked(True)
    assert session.account is not None


def test_stop_then_continue_at_next_launch(qtbot, make_sandbox, tmp_path):
    sandbox = make_sandbox(device_interval_s=1, bandwidth_mbit=16)
    drive = tmp_path / "H"
    for n in range(30):
        path = drive / f"Case {n // 10}" / f"statement {n}.docx"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(bytes([n]) * 150_000)

    def launch() -> MigrationWizard:
        session = Session(Settings())
        session.sandbox = sandbox
        session.training_users = [user.upn for user in sandbox.users]
        session.h_drive = drive
        window = MigrationWizard(session)
        qtbot.addWidget(window)
        window.show()
        window.start_background_scan()
        return window

    first = launch()
    assert not first.welcome.continue_button.isVisible()
    _sign_in_and_review(qtbot, first)
    _next(qtbot, first)
    qtbot.waitUntil(first.scan.isComplete, timeout=30_000)
    _next(qtbot, first)
    _next(qtbot, first)
    qtbot.waitUntil(first.confirm.isComplete, timeout=30_000)
    _next(qtbot, first)
    progress = first.progress
    qtbot.waitUntil(lambda: progress.bar.value() > 0, timeout=30_000)
    # Closing the window mid-run stops safely (what closeEvent / Cancel do).
    first.close()
    assert not progress.running()
    assert not progress.isComplete()
    first.session.close()

    second = launch()
    welcome = second.welcome
    qtbot.waitUntil(welcome.continue_button.hasFocus)
    assert welcome.continue_button.isVisible() and welcome.continue_button.isDefault()
    assert "still need to be moved" in welcome.resume_label.text()
    qtbot.mouseClick(welcome.continue_button, Qt.MouseButton.LeftButton)
    page = second.sign_in
    qtbot.mouseClick(page.training_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.working(), timeout=30_000)
    if page.owner_confirm.isVisible():
        page.owner_confirm.setChecked(True)
    # Past the welcome page, Next is the default button again.
    assert second.button(QWizard.WizardButton.NextButton).isDefault()
    _next(qtbot, second)
    assert second.currentId() == PROGRESS  # no second scan or review when continuing
    qtbot.waitUntil(second.progress.isComplete, timeout=60_000)
    names = {entry["path"].rpartition("/")[2] for entry in sandbox.state.tree(UPN)}
    assert all(f"statement {n}.docx" in names for n in range(30))
    assert second.session.unfinished_run() is None
    second.shutdown()
    second.session.close()
