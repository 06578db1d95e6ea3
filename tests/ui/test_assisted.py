"""The assisted session: Ctrl+Shift+A toggles the window; it shows the session code, the
journal's state, problems with their technical detail and a live log fed from any thread
(redacted), every control named and reachable by keyboard; it saves a support bundle."""

from __future__ import annotations

import logging
import re
import threading
import zipfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.errors import UserFacingError
from app.core.plan import Choices, build_plan
from app.log import setup_logging
from app.settings import Settings
from app.ui import a11y
from app.ui.assisted import AssistedWindow, toggle
from app.ui.session import Session
from app.ui.wizard import MigrationWizard
from tests.ui.ui_builders import make_report

CODE = re.compile(r"[A-Z0-9]{3}-[A-Z0-9]{3}")


def _wizard(qtbot, tmp_path: Path) -> MigrationWizard:
    setup_logging(logging.INFO)  # as the app starts: a log file in this test's home
    session = Session(Settings())
    (tmp_path / "H").mkdir()
    session.h_drive = tmp_path / "H"
    wizard = MigrationWizard(session)
    qtbot.addWidget(wizard)
    return wizard


def _close(wizard: MigrationWizard) -> None:
    wizard.shutdown()
    wizard.session.close()


def test_shortcut_toggles_the_window(qtbot, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, tmp_path)
    try:
        wizard.show()
        qtbot.waitExposed(wizard)
        wizard.activateWindow()
        qtbot.waitUntil(wizard.isActiveWindow)  # an application shortcut needs one
        modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(wizard, Qt.Key.Key_A, modifiers)
        assert wizard.assisted is not None
        qtbot.waitUntil(wizard.assisted.isVisible)
        assert not wizard.assisted.isModal()
        qtbot.waitUntil(wizard.assisted.isActiveWindow)
        qtbot.keyClick(wizard.assisted, Qt.Key.Key_A, modifiers)
        qtbot.waitUntil(lambda: not wizard.assisted.isVisible())
    finally:
        _close(wizard)


def test_code_journal_problems_and_live_log(qtbot, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, tmp_path)
    try:
        plan = build_plan(make_report(30, seed=4), None, Choices(), destination_folder="H drive")
        wizard.session.journal().start_run(plan, account="a@b.uk", settings_digest="t")
        window = toggle(wizard)
        assert isinstance(window, AssistedWindow)
        assert CODE.fullmatch(window.code)
        assert window.code in window.code_label.text()
        assert "(unfinished)" in window.journal_view.toPlainText()
        assert "pending" in window.journal_view.toPlainText()

        # From a worker thread, as the upload engine logs: arrives on the GUI thread.
        error = UserFacingError("Upload failed", "m", "a", detail="HTTP 507 quotaLimitReached")
        worker = threading.Thread(
            target=lambda: logging.getLogger("app.test").warning(
                "%s (%s) Authorization: Bearer abcdef.ghijk", error, error.detail
            )
        )
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: "quotaLimitReached" in window.problems_view.toPlainText())
        logging.getLogger("app.test").info("an ordinary step")
        qtbot.waitUntil(lambda: "an ordinary step" in window.log_view.toPlainText())
        assert "an ordinary step" not in window.problems_view.toPlainText()
        everything = window.log_view.toPlainText() + window.problems_view.toPlainText()
        assert "abcdef" not in everything and "Bearer [token]" in everything
    finally:
        _close(wizard)


def test_every_control_named_and_reachable_by_keyboard(qtbot, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, tmp_path)
    try:
        window = toggle(wizard)
        qtbot.waitExposed(window)
        assert a11y.focusable_widgets_without_names(window) == []
        controls = [
            window.code_label,
            window.journal_view,
            window.problems_view,
            window.log_view,
            window.save_button,
            window.close_button,
        ]
        for control in controls:
            assert control.accessibleDescription(), control.accessibleName()
        window.activateWindow()
        window.code_label.setFocus()
        qtbot.waitUntil(window.code_label.hasFocus)
        reached = []
        for _ in range(len(controls) + 2):
            reached.append(QApplication.focusWidget())
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert all(control in reached for control in controls)
    finally:
        _close(wizard)


def test_save_a_support_bundle(qtbot, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, tmp_path)
    try:
        window = toggle(wizard)
        logging.getLogger("app.test").info("refresh_token=%s", "0.AXoA" + "Zz9" * 20)
        with qtbot.waitSignal(window.bundle_saved, timeout=30_000) as saved:
            window.save_bundle(tmp_path / "bundle.zip")
        assert saved.args[0] == tmp_path / "bundle.zip"
        said = f"Support bundle saved to {tmp_path / 'bundle.zip'}"
        assert window.announcer.history[-1] == (said, True)
        assert window.save_button.isEnabled()
        with zipfile.ZipFile(tmp_path / "bundle.zip") as archive:
            names = set(archive.namelist())
            readme = archive.read("README.txt").decode()
            log_text = archive.read("logs/migration-assistant.log").decode()
        assert {"journal.json", "settings.json", "versions.json"} <= names
        assert f"Session code: {window.code}" in readme
        assert "Zz9Zz9" not in log_text
    finally:
        _close(wizard)


def test_saving_where_nothing_can_be_written_says_so(qtbot, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, tmp_path)
    try:
        window = toggle(wizard)
        blocker = tmp_path / "a file"
        blocker.write_text("x")
        with qtbot.waitSignal(window.bundle_failed, timeout=30_000) as failed:
            window.save_bundle(blocker / "bundle.zip")
        assert failed.args[0].title == "The support bundle could not be saved"
        assert "⚠ The support bundle could not be saved" in window.status.text()
        assert window.save_button.isEnabled()
    finally:
        _close(wizard)
