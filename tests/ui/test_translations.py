"""The translations: in step with the code, Welsh complete and well formed (placeholders,
mnemonics, Welsh plural forms), compiled when missing or stale, the language chosen
(setting, system, welcome page), and retention texts in the language the UI runs in."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QWizard

from app import paths
from app.core.guidance import text_for
from app.core.policy import load_policy
from app.settings import Settings
from app.ui import app as ui_app
from app.ui import translations_tool as tool
from app.ui.session import Session

PLACEHOLDER = re.compile(r"\{\w*\}|%L?n|%\d")


@pytest.fixture
def restore_language(qapp):
    yield
    ui_app.install_translations(qapp, "en_GB")  # the other UI tests' language


def test_ts_files_are_in_step_with_the_code():
    # Fails when a UI text was added or changed without running the update command.
    problems = tool.stale()
    assert problems == {}, "Run: .venv/bin/python -m app.ui.translations_tool update\n" + "\n".join(
        f"{name}: {line}" for name, lines in problems.items() for line in lines
    )


def test_welsh_is_complete_and_keeps_placeholders_and_mnemonics():
    english = tool.read_ts(tool.ts_file("en_GB"))
    welsh = tool.read_ts(tool.ts_file("cy_GB"))
    unfinished = [key for key, (kind, _) in welsh.items() if kind == "unfinished"]
    assert unfinished == []
    for key, (kind, texts) in welsh.items():
        if kind == "vanished" or key not in english:
            continue
        source = key[1]
        for text in texts:
            assert text, key
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), key
            assert text.count("&") == source.count("&"), key  # one mnemonic, as in English


def test_welsh_has_qts_five_plural_forms(qapp, restore_language):
    ui_app.install_translations(qapp, "cy_GB")
    forms = {n: QCoreApplication.translate("Formatting", "%Ln file(s)", None, n) for n in (1, 7)}
    assert forms == {1: "1 ffeil", 7: "7 ffeil"}
    for key, (kind, texts) in tool.read_ts(tool.ts_file("cy_GB")).items():
        if "%n" in key[1] and kind != "vanished":
            assert len(texts) == 5, key  # lrelease's Welsh: 0, 1, 2-5, 6, other
    kept = "%n file(s) were kept because they are no longer as they were when scanned:"
    one, two = (QCoreApplication.translate("DonePage", kept, None, n) for n in (1, 2))
    assert "ei bod" in one and "eu bod" in two  # singular and plural agreement


def test_merge_keeps_translations_adds_new_and_marks_vanished():
    old = tool.Message("Page", "Old text")
    kept = tool.Message("Page", "Kept text")
    new = tool.Message("Page", "%n new file(s)", numerus=True, locations=[("app/ui/x.py", 3)])
    kept.locations = [("app/ui/x.py", 1)]
    existing = {old.key: ("", ["Hen destun"]), kept.key: ("", ["Testun"])}
    messages, translations = tool.merged([kept, new], existing, "cy_GB")
    assert translations[kept.key] == ("", ["Testun"])
    assert translations[new.key] == ("unfinished", [""] * 5)
    assert translations[old.key] == ("vanished", ["Hen destun"])
    assert [m.key for m in messages] == [kept.key, new.key, old.key]
    moved = tool.Message("Receipt", "Kept text", locations=[("app/ui/y.py", 1)])
    _, translations = tool.merged([moved], existing, "cy_GB")
    assert translations[moved.key] == ("", ["Testun"])  # same text, another context
    assert translations[kept.key] == ("vanished", ["Testun"])
    _, english = tool.merged([kept, new], {}, "en_GB")
    assert english[new.key] == ("", ["%n new file", "%n new files"])


def test_ts_round_trip(tmp_path):
    message = tool.Message("Page", "Save & <close>", locations=[("app/ui/x.py", 9)])
    plural = tool.Message("Page", "%n file(s)", numerus=True, locations=[("app/ui/x.py", 10)])
    translations = {message.key: ("", ["Cadw & <cau>"]), plural.key: ("unfinished", ["a"] * 5)}
    path = tmp_path / "x.ts"
    tool.write_ts(path, "cy_GB", [message, plural], translations)
    assert tool.read_ts(path) == translations
    qm = tool.compile_ts(path, tmp_path / "x.qm")
    assert qm.stat().st_size > 0


def test_qm_compiled_when_missing_and_again_when_the_ts_is_newer(tmp_path, monkeypatch):
    checkout = tmp_path / "translations"
    checkout.mkdir()
    shutil.copy(tool.ts_file("cy_GB"), checkout)
    monkeypatch.setattr(paths, "translations_dir", lambda: checkout)
    first = ui_app.compiled_qm("cy_GB")
    assert first is not None and first.parent == paths.user_data_dir() / "translations"
    stamp = first.stat().st_mtime
    assert ui_app.compiled_qm("cy_GB") == first and first.stat().st_mtime == stamp
    os.utime(first, (stamp - 100, stamp - 100))  # the .ts is now newer than the .qm
    assert ui_app.compiled_qm("cy_GB") == first and first.stat().st_mtime > stamp - 100
    shipped = checkout / first.name  # a packaged build ships the .qm beside the .ts
    shutil.copy(first, shipped)
    assert ui_app.compiled_qm("cy_GB") == shipped


def test_language_from_setting_and_system(qapp, restore_language):
    assert ui_app.ui_language("cy") == "cy_GB"
    assert ui_app.ui_language("fr_FR") == "en_GB"  # no French: English
    assert ui_app.ui_language("pseudo") == "pseudo"
    locale = ui_app.install_translations(qapp, "cy")
    assert qapp.property("uiLanguage") == "cy_GB"
    assert locale.language() == QLocale.Language.Welsh
    assert QCoreApplication.translate("MigrationWizard", "&Next") == "&Nesaf"
    ui_app.install_translations(qapp, "en_GB")
    assert QCoreApplication.translate("MigrationWizard", "&Next") == "&Next"


def test_qt_has_no_welsh_of_its_own():
    # docs/translation.md says Qt's own few texts stay English in Welsh: true while
    # PySide6 ships no qtbase_cy.qm. If it ever does, this fails and the docs change.
    from PySide6.QtCore import QLibraryInfo

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert not any(name.startswith("qtbase_cy") for name in os.listdir(folder))


def test_retention_texts_in_the_ui_language():
    policy = load_policy()
    for rule in policy.rules:
        assert text_for(rule.title, "cy_GB") == rule.title["cy"], rule.id
        assert text_for(rule.explanation, "cy_GB") == rule.explanation["cy"], rule.id
        assert text_for(rule.title, "pseudo") == rule.title["en"], rule.id


def test_welcome_language_choice_rebuilds_the_wizard_in_welsh(
    qtbot, qapp, restore_language, tmp_path
):
    from app.ui.wizard import MigrationWizard

    session = Session(Settings(), language="en_GB")
    drive = tmp_path / "H"
    for i in range(300):
        (drive / f"folder {i % 7}").mkdir(parents=True, exist_ok=True)
        (drive / f"folder {i % 7}" / f"note {i}.txt").write_text("x" * i)
    session.h_drive = drive
    wizard = MigrationWizard(session)  # not qtbot.addWidget: the switch deletes it
    wizard.show()
    wizard.start_background_scan()  # still looking when the language changes
    combo = wizard.welcome.language
    assert combo.accessibleName() == "Language / Iaith"
    assert combo.property("bilingual")
    combo.setFocus()
    index = combo.findData("cy_GB")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what choosing with the keyboard or mouse sends
    qtbot.waitUntil(lambda: bool(ui_app._windows) and ui_app._windows[0] is not wizard)
    welsh = ui_app._windows[0]
    qtbot.addWidget(welsh)
    assert session.language == "cy_GB" and welsh.session is session
    assert welsh.isVisible() and not wizard.isVisible()
    assert welsh.button(QWizard.WizardButton.NextButton).text() == "&Nesaf"
    assert welsh.welcome.title() == "Symud eich gyriant H: i OneDrive"
    assert welsh.welcome.language.currentData() == "cy_GB"
    assert welsh.button(QWizard.WizardButton.NextButton).accessibleName() == "Nesaf"
    qtbot.waitUntil(lambda: welsh.scan.done, timeout=30_000)  # the scan ran again, in Welsh
    assert session.inventory is not None and len(session.inventory.files) == 300
    assert welsh.scan.counts.text().startswith("Wedi gorffen: 300 ffeil")
    welsh.shutdown()
    session.close()
    ui_app._windows.clear()
    QApplication.processEvents()


def test_receipt_window_gives_retention_reasons_in_the_ui_language(qapp, restore_language):
    from types import SimpleNamespace

    from app.core.receipt_summary import Outcome, ReceiptLine
    from app.ui.receipt import policy_titles, receipt_view

    ui_app.install_translations(qapp, "cy_GB")
    line = ReceiptLine("Temp/a.tmp", Outcome.DISCARDED, 10, reasons=(("temporary-files", "x"),))
    core = SimpleNamespace(account="a@b", destination="H drive", lines=[line])
    titles = policy_titles(Settings())
    welsh = receipt_view(core, "H drive", "cy_GB", titles)
    assert "Ffeil dros dro" in welsh.text() and "Wedi'u gadael" in welsh.text()
    english = receipt_view(core, "H drive", "en", titles)
    assert "Temporary file" in english.text()


def test_every_list_of_languages_names_the_same_ones():
    # The window's choice, the language decision, the update tool and the build's Qt
    # catalogues each keep their own facts about a language; they must agree on which.
    import sys

    from app import paths
    from app.core.texts import OFFERED
    from app.ui.app import LANGUAGES

    sys.path.insert(0, str(paths.translations_dir().parent / "build"))
    try:
        import contents
    finally:
        sys.path.pop(0)
    assert set(LANGUAGES) == set(OFFERED) == set(tool.LANGUAGES)
    assert {code.split("_")[0] for code in OFFERED} == set(contents.APP_LANGUAGES)
