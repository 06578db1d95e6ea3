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
from app.ui.workers import Task
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
        # Read on a worker: the view fills when the read is done.
        qtbot.waitUntil(lambda: "(unfinished)" in window.journal_view.toPlainText())
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


def test_the_journal_is_read_off_the_gui_thread_one_read_at_a_time(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from app.core import support_bundle

    wizard = _wizard(qtbot, tmp_path)
    real = support_bundle.journal_state
    release = threading.Event()
    readers: list[threading.Thread] = []

    def slow_journal_state(journal):  # a journal queued behind the upload workers' commits
        readers.append(threading.current_thread())
        release.wait(30)
        return real(journal)

    monkeypatch.setattr(support_bundle, "journal_state", slow_journal_state)
    try:
        plan = build_plan(make_report(5, seed=2), None, Choices(), destination_folder="H drive")
        wizard.session.journal().start_run(plan, account="a@b.uk", settings_digest="t")
        window = toggle(wizard)
        qtbot.waitUntil(lambda: len(readers) == 1)
        for _ in range(5):  # the timer fires again while the read is still waiting
            window.refresh_journal()
        QApplication.processEvents()  # the GUI thread is free meanwhile
        assert len(readers) == 1
        assert threading.main_thread() not in readers
        release.set()
        qtbot.waitUntil(lambda: "(unfinished)" in window.journal_view.toPlainText())
        qtbot.waitUntil(lambda: not window._journal_task.running)
        window.refresh_journal()  # the read ended: the next refresh reads again
        qtbot.waitUntil(lambda: len(readers) == 2)
        qtbot.waitUntil(lambda: not window._journal_task.running)
        # Finished reads are let go: not one Task (and QThread) per refresh kept for good.
        assert [c for c in window.children() if isinstance(c, Task)] == [window._journal_task]
    finally:
        release.set()
        _close(wizard)


def test_log_lines_from_other_threads_arrive_in_one_batch(qtbot, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, tmp_path)
    try:
        window = toggle(wizard)
        window.log_timer.stop()  # flushed by hand below, to see what one flush shows
        window.flush_log()

        def burst() -> None:
            for n in range(500):
                level = logging.WARNING if n % 100 == 0 else logging.INFO
                logging.getLogger("app.test").log(level, "line %d of the burst", n)

        worker = threading.Thread(target=burst)
        worker.start()
        worker.join()
        # No event is posted per line: with none processed, one flush shows all 500.
        window.flush_log()
        text = window.log_view.toPlainText()
        assert text.count(" of the burst") == 500
        assert text.index("line 0 of") < text.index("line 250 of") < text.index("line 499 of")
        problems = window.problems_view.toPlainText()
        assert [f"line {n} of" in problems for n in (0, 100, 400)] == [True] * 3
        assert "line 1 of" not in problems
        window.log_timer.start()  # and the timer shows what comes next by itself
        logging.getLogger("app.test").info("after the burst")
        qtbot.waitUntil(lambda: "after the burst" in window.log_view.toPlainText())
    finally:
        _close(wizard)
