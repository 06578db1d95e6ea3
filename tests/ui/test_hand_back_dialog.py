"""The hand-back dialog from the receipt page: check against the sandbox, then "Move them"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.hand_back import HandBackStatus, LaptopFolder, load_report
from app.settings import Settings
from app.ui.a11y import focusable_widgets_without_names
from app.ui.pages import WELCOME
from app.ui.pages.hand_back import HandBackDialog
from app.ui.session import Session
from app.ui.wizard import MigrationWizard

UPN = "jane.smith@sandbox.police.uk"


@pytest.fixture
def wizard(qtbot, make_sandbox, tmp_path):
    sandbox = make_sandbox()
    session = Session(Settings())
    session.sandbox = sandbox
    token = sandbox.issue_token(UPN)
    session._token = lambda _force: token
    (tmp_path / "H").mkdir()
    session.h_drive = tmp_path / "H"
    window = MigrationWizard(session)
    qtbot.addWidget(window)
    yield window
    window.shutdown()
    session.close()


def _laptop(tmp_path: Path, wizard: MigrationWizard) -> list[LaptopFolder]:
    desktop = tmp_path / "laptop" / "Desktop"
    desktop.mkdir(parents=True)
    (desktop / "kept.txt").write_bytes(b"already in OneDrive")
    (desktop / "only here.txt").write_bytes(b"nowhere else")
    graph = wizard.session.graph()
    graph.request(
        "PUT",
        graph.item_path("H drive/Laptop/Desktop/kept.txt") + ":/content",
        data=b"already in OneDrive",
    )
    return [LaptopFolder("Desktop", str(desktop), ("H drive/Laptop/Desktop", "Desktop"))]


def test_check_lists_what_is_at_risk_and_hands_the_folder_to_the_wizard(qtbot, wizard, tmp_path):
    folders = _laptop(tmp_path, wizard)
    dialog = HandBackDialog(wizard.session, wizard)
    qtbot.addWidget(dialog)
    dialog.set_folders(folders)
    dialog.show()
    assert focusable_widgets_without_names(dialog) == []
    assert dialog.folder_list.count() == 1

    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    report = dialog.report
    assert report is not None and report.count(HandBackStatus.SAFE_IN_ONEDRIVE) == 1
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text().endswith("only here.txt")
    assert dialog.table.item(0, 1).text() == "Not in OneDrive"
    # (English plural forms come from the translations, refreshed when strings settle.)
    assert dialog.status.text().startswith("1 file")
    assert "not safely in your OneDrive" in dialog.status.text()
    assert dialog.status.accessibleName() == dialog.status.text()
    saved = load_report(Path(wizard.session.journal().path).parent / "hand-back-check.json")
    assert saved is not None and len(saved.items) == 2  # the receipt can read it

    assert dialog.move_button.isVisible()
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_folder == folders[0]

    # "Move them": the same wizard, the laptop folder as the source, its OneDrive folder.
    wizard.show()
    wizard.done_page.move_laptop_folder(folders[0])
    session = wizard.session
    assert session.h_drive == Path(folders[0].path) and session.h_drive_chosen
    assert session.destination_folder == "H drive/Laptop/Desktop"
    assert session.run_id is None and session.plan is None
    qtbot.waitUntil(lambda: wizard.scan.done, timeout=30_000)
    assert session.inventory is not None
    assert sorted(f.rel_path for f in session.inventory.files) == ["kept.txt", "only here.txt"]
    assert wizard.currentId() == WELCOME  # back at the start: the officer walks the steps


def test_nothing_at_risk_says_the_laptop_can_go_back(qtbot, wizard, tmp_path):
    folders = _laptop(tmp_path, wizard)
    (Path(folders[0].path) / "only here.txt").unlink()
    dialog = HandBackDialog(wizard.session, wizard)
    qtbot.addWidget(dialog)
    dialog.set_folders(folders)
    dialog.start_check()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    assert "you can hand it back" in dialog.status.text()
    assert dialog.table.rowCount() == 0 and not dialog.move_button.isVisible()
