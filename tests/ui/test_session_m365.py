"""The wizard's session and Microsoft 365, against the real sandbox: the interactive
sign-in gets the wizard window's handle (the Windows broker parents its dialog on it),
and the upload's Graph calls share the engine's request budget and adaptive
concurrency (a 429 on createUploadSession slows the engine, as in the migrate command)."""

from __future__ import annotations

import threading
import webbrowser
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app.settings import Settings
from app.ui.pages import SIGN_IN
from app.ui.session import Session
from app.ui.wizard import MigrationWizard

UPN = "jane.smith@sandbox.police.uk"


class RecordingBrowser(webbrowser.BaseBrowser):
    """Opens nothing: notes what the sign-in handed over at the moment it opened."""

    def __init__(self, session: Session) -> None:
        super().__init__("recording-test-browser")
        self.session = session
        self.handles: list[int | None] = []
        self.opened = threading.Event()

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.handles.append(self.session.sign_in.parent_window_handle)
        self.opened.set()
        return True


@pytest.fixture
def recording_browser(make_sandbox: Any) -> Any:
    sandbox = make_sandbox()
    session = Session(Settings())
    session.sandbox = sandbox
    browser = RecordingBrowser(session)
    webbrowser.register(browser.name, None, browser, preferred=True)
    yield browser
    tryorder: list[str] | None = getattr(webbrowser, "_tryorder", None)
    if tryorder is not None and browser.name in tryorder:
        tryorder.remove(browser.name)
    getattr(webbrowser, "_browsers", {}).pop(browser.name.lower(), None)
    session.close()


def test_interactive_sign_in_gets_the_window_handle(qtbot: Any, recording_browser: Any) -> None:
    session = recording_browser.session
    wizard = MigrationWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        assert wizard.currentId() == SIGN_IN
        page = wizard.sign_in
        qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(recording_browser.opened.is_set, timeout=30_000)
        handle = int(wizard.winId())
        assert handle and recording_browser.handles == [handle]
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not page.working(), timeout=10_000)
        assert "cancelled" in page.status.text()
    finally:
        wizard.shutdown()


def test_graph_throttling_during_upload_slows_the_engine(make_sandbox: Any, tmp_path: Path) -> None:
    sandbox = make_sandbox(device_interval_s=1)
    session = Session(Settings())
    session.sandbox = sandbox
    drive = tmp_path / "H"
    for n in range(6):
        (drive / "Cases").mkdir(parents=True, exist_ok=True)
        (drive / "Cases" / f"statement {n}.txt").write_bytes(b"statement %d\n" % n * 50)
    session.h_drive = drive
    stop, pause = threading.Event(), threading.Event()
    session.after_sign_in(session.sign_in_training(UPN, stop))
    assert session.scan_and_classify(lambda _p: None, stop) is not None
    to_move = len(session.build_plan().to_move())
    assert to_move == 6
    session.start_run()
    # Graph calls only (folder, createUploadSession): the fragments' own 429s reach the
    # limiter anyway, so only the wiring of Graph's on_throttle can count these.
    sandbox.faults.script(["429:0@graph"] * 3)
    try:
        result = session.upload(lambda _p: None, pause, stop)
    finally:
        session.close()
    assert result.moved == to_move and result.failed == 0
    assert result.throttle_events >= 3


def test_the_journal_is_opened_once_when_threads_ask_together() -> None:
    session = Session(Settings())
    session.sandbox = object()  # practice mode: the practice journal
    start = threading.Barrier(6)
    got: list[Any] = []
    errors: list[BaseException] = []

    def ask() -> None:
        start.wait()
        try:
            got.append(session.journal())
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len({id(journal) for journal in got}) == 1
    session.close()
