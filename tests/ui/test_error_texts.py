"""Errors from app/core and app/m365 reach the UI in its language (their texts marked N_,
filed under "Errors", translated by error_texts), while the log and the terminal keep the
English; every N_ text is in the .ts files; the language decision is one, without Qt."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from app.cli import main
from app.core.errors import UserFacingError
from app.core.hand_back_folders import H_DRIVE_COPY_NAME
from app.core.journal_errors import JournalInUse, JournalNotWritable
from app.core.texts import CONTEXT, ui_language
from app.m365.errors import SignInTimeout, graph_error
from app.settings import Settings
from app.ui import app as ui_app
from app.ui import translations_tool as tool
from app.ui.pages.common import core_text, error_line, error_texts
from app.ui.session import Session
from app.ui.translations_pseudo import is_pseudo
from app.ui.wizard import MigrationWizard


@pytest.fixture
def welsh(qapp):
    ui_app.install_translations(qapp, "cy_GB")
    yield
    ui_app.install_translations(qapp, "en_GB")  # the other UI tests' language


@pytest.fixture
def pseudo(qapp):
    ui_app.install_translations(qapp, "pseudo")
    yield
    ui_app.install_translations(qapp, "en_GB")


def test_templates_keep_the_english_text_the_log_and_terminal_show(tmp_path):
    path = tmp_path / "journal.sqlite"
    error = JournalNotWritable(path, sqlite3.OperationalError("database or disk is full"))
    assert error.message == (
        f"{path} cannot be written: the disk may be full, or the folder read-only."
    )
    assert str(error) == f"The migration journal cannot be written: {error.message}"
    assert error.templates[1].startswith("{path} cannot be written")
    assert error.values == {"path": path}
    plain = UserFacingError("Title {not a field}", "Message")  # no values: left as written
    assert plain.title == "Title {not a field}" and plain.values == {}


def test_a_welsh_wizard_shows_a_core_error_in_welsh_and_logs_it_in_english(
    qtbot, welsh, tmp_path, caplog
):
    caplog.set_level(logging.WARNING)
    session = Session(Settings(), language="cy_GB")
    session.h_drive = tmp_path / "missing"  # the scan (app/core) raises HDriveNotFound
    wizard = MigrationWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        wizard.start_background_scan()
        qtbot.waitUntil(lambda: "⚠" in wizard.scan.counts.text(), timeout=10_000)
        shown = wizard.scan.counts.text()
        assert shown.startswith("⚠ Gyriant H: heb ei ganfod. Dydy'r ffolder a ddewisoch chi, ")
        assert str(tmp_path / "missing") in shown  # the value filled in, untranslated
        assert "Gwiriwch sillafiad y llwybr" in shown  # the action, too
        assert "H: drive not found" not in shown
        assert "H: drive not found" in caplog.text and "Gyriant" not in caplog.text
    finally:
        wizard.shutdown()
        session.close()


def test_m365_errors_in_welsh_with_their_values(welsh, tmp_path):
    title, message, action = error_texts(graph_error(507, None))
    assert (title, message) == (
        "Mae OneDrive yn llawn",
        "Does dim digon o le yn eich OneDrive ar gyfer y ffeiliau hyn.",
    )
    assert action.startswith("Rhyddhewch ychydig o le yn OneDrive")
    timeout = SignInTimeout(300)
    assert error_texts(timeout)[1] == "Doedd y mewngofnodi ddim wedi'i gwblhau o fewn 5 munud."
    assert timeout.message == "Sign-in was not completed within 5 minutes."  # still English
    in_use = JournalInUse(tmp_path / "j.sqlite", "4242")
    assert error_texts(in_use)[1].endswith("(proses 4242).")
    assert core_text(H_DRIVE_COPY_NAME) == "Gyriant H: (copi all-lein ar y gliniadur hwn)"
    assert core_text("Documents") == "Dogfennau"


def test_pseudo_locale_translates_title_message_and_action(pseudo, tmp_path):
    path = tmp_path / "journal.sqlite"
    error = JournalNotWritable(path, sqlite3.OperationalError("disk I/O error"))
    title, message, action = error_texts(error)
    assert is_pseudo(title) and is_pseudo(message) and is_pseudo(action)
    assert str(path) in message
    assert error_line(error, action=False).endswith(message)


def test_a_text_changed_after_the_error_was_made_is_shown_as_it_is(welsh):
    error = graph_error(507, None)
    error.message = "A message set later, in English"
    assert error_texts(error)[1] == "A message set later, in English"
    assert error_texts(error)[0] == "Mae OneDrive yn llawn"


def test_every_marked_text_is_in_the_ts_files():
    marked = tool.marked_texts()
    assert len(marked) > 100  # journal, H: drive, Graph, sign-in, labels...
    assert "The migration journal cannot be written" in marked
    for language in tool.LANGUAGES:
        have = {
            key[1]
            for key, (kind, _) in tool.read_ts(tool.ts_file(language)).items()
            if key[0] == CONTEXT and kind != "vanished"
        }
        missing = [text for text in marked if text not in have]
        assert missing == [], f"{language}: run the translations tool's update: {missing}"


def test_still_to_do_has_plural_forms(qapp):
    def still(n: int) -> str:
        return QCoreApplication.translate("AssistedWindow", "Still to do: %n file(s)", None, n)

    assert (still(1), still(2)) == ("Still to do: 1 file", "Still to do: 2 files")
    ui_app.install_translations(qapp, "cy_GB")
    try:
        assert still(3) == "Yn dal i'w gwneud: 3 ffeil"
    finally:
        ui_app.install_translations(qapp, "en_GB")


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("", "cy_GB.UTF-8", "cy_GB"),
        ("", "Welsh_United Kingdom", "cy_GB"),  # Windows' Python names it in English
        ("", "C", "en_GB"),
        ("cy", "en_GB", "cy_GB"),
        ("en", "cy_GB", "en_GB"),
        ("fr_FR", "cy_GB", "en_GB"),  # no French: English, not the system's Welsh
        ("pseudo", "", "pseudo"),
    ],
)
def test_one_language_decision_without_qt(setting, system, expected):
    assert ui_language(setting, system) == expected
    if setting != "pseudo":
        assert ui_app.ui_language(setting) == ui_language(setting, ui_app.QLocale.system().name())


def test_scan_report_in_the_language_the_ui_would_use(tmp_path: Path, monkeypatch):
    drive = tmp_path / "H"
    drive.mkdir()
    (drive / "notes.docx").write_bytes(b"notes" * 20)
    for variable in ("LC_ALL", "LC_MESSAGES", "MIGRATION_ASSISTANT_UI__LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    report = tmp_path / "welsh.json"
    assert main(["scan", str(drive), "--report", str(report)]) == 0
    assert json.loads(report.read_text(encoding="utf-8"))["language"] == "cy"
    monkeypatch.setenv("MIGRATION_ASSISTANT_UI__LANGUAGE", "en")  # the setting wins
    assert main(["scan", str(drive), "--report", str(report)]) == 0
    assert json.loads(report.read_text(encoding="utf-8"))["language"] == "en"


def test_receipt_problems_in_welsh(welsh, tmp_path):
    from types import SimpleNamespace

    from app.core.receipt_files import ReceiptNotSaved
    from app.m365.receipt_upload import ReceiptUpload
    from app.ui.receipt import where_saved

    full = graph_error(507, None)
    not_saved = ReceiptNotSaved(tmp_path / "r.html", OSError(28, "No space left on device"))
    published = SimpleNamespace(
        saved=[],
        save_problem=f"{not_saved.message} {not_saved.action}",
        save_error=not_saved,
        uploads=[
            ReceiptUpload("r.html", problem="Stopped before the receipt was sent."),
            ReceiptUpload("r.csv", problem=f"{full.title}. {full.message}", error=full),
        ],
    )
    said = where_saved(published)
    assert f"Doedd dim modd ysgrifennu i {tmp_path / 'r.html'}." in said
    assert "Mae OneDrive yn llawn. Does dim digon o le" in said
    assert "Stopped" not in said and "OneDrive is full" not in said


def test_a_translation_with_a_broken_placeholder_falls_back_to_english(qapp, tmp_path):
    from PySide6.QtCore import QTranslator

    from app.core.receipt_files import ReceiptNotSaved

    source = "Nothing could be written to {target}."
    message = tool.Message(CONTEXT, source, locations=[("app/core/receipt_files.py", 1)])
    ts = tmp_path / "broken.ts"
    tool.write_ts(ts, "cy_GB", [message], {message.key: ("", ["Dim byd i {targed}."])})
    translator = QTranslator()
    assert translator.load(str(tool.compile_ts(ts, tmp_path / "broken.qm")))
    qapp.installTranslator(translator)
    try:
        error = ReceiptNotSaved(tmp_path / "r.html", OSError(28, "No space left on device"))
        assert error_texts(error)[1] == f"Nothing could be written to {tmp_path / 'r.html'}."
    finally:
        qapp.removeTranslator(translator)
