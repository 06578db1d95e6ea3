"""The QApplication: names, translations and the theme.

Translations, most recently installed asked first: the pseudo-locale or the user's
language (translations/migration_assistant_<lang>.ts), Qt's own strings for that language
(qtbase_<lang>.qm from PySide6; Qt ships no Welsh, so Qt's few own texts stay English),
and underneath them English plural forms ("1 file" / "2 files"). The .qm files are build
outputs: a checkout compiles them on first start (and whenever a .ts is newer) into the
user data folder; a packaged build ships them next to the .ts files.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from app import APP_DISPLAY_NAME, APP_NAME, __version__, paths
from app.core import texts
from app.ui import theme
from app.ui import translations_tool as tool

log = logging.getLogger(__name__)

PSEUDO = "pseudo"
# The languages offered on the welcome page, each named in itself (never translated).
LANGUAGES = {"en_GB": "English", "cy_GB": "Cymraeg"}
_installed: list[QTranslator] = []


def compiled_qm(language: str) -> Path | None:
    """The compiled translation for "en_GB", "cy_GB" or "pseudo"; None if it cannot be
    made (logged). Compiled again whenever its .ts source is newer."""
    source = tool.ts_file("en_GB" if language == PSEUDO else language)
    name = f"{tool.PREFIX}{language.split('_')[0]}.qm"
    shipped = paths.translations_dir() / name
    newest = source.stat().st_mtime if source.exists() else 0.0
    if shipped.exists() and shipped.stat().st_mtime >= newest and language != PSEUDO:
        return shipped
    if not source.exists():
        return None
    cached = paths.user_data_dir() / "translations" / name
    if cached.exists() and cached.stat().st_mtime >= newest and language != PSEUDO:
        return cached
    make: Callable[[], Path]
    if language == PSEUDO:

        def make() -> Path:
            with tempfile.TemporaryDirectory() as temp:
                # A developer's tool: always from the code as it is now.
                pseudo_ts = tool.write_pseudo_ts(Path(temp) / f"{tool.PREFIX}pseudo.ts", True)
                return tool.compile_ts(pseudo_ts, cached)
    else:

        def make() -> Path:
            return tool.compile_ts(source, cached)

    try:
        return make()
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("Could not compile %s: %s", source, error)
        return None


def english_qm() -> Path | None:
    return compiled_qm("en_GB")


def _language(setting: str) -> QLocale:
    if setting == PSEUDO:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    if setting:
        return QLocale(setting)
    system = QLocale.system()
    # A bare POSIX "C" locale has no digit grouping; people read British English better.
    if system.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return system


def ui_language(setting: str) -> str:
    """The language the UI will run in for a setting: "pseudo", "cy_GB", "en_GB"...
    (the one offered translation matching the setting or the system, else English)."""
    # Qt's view of the system locale (Windows' UI language), the decision itself Qt-free
    # (app.core.texts) so that `scan --report` makes the same one.
    return texts.ui_language(setting, system=QLocale.system().name())


def create_application(
    argv: list[str] | None = None, *, language: str = "", text_scale: float = 1.0
) -> QApplication:
    # Background work (scan, hashing, uploads) runs on Python threads; a shorter GIL
    # switch interval than the default 5 ms lets the GUI thread in sooner when several
    # of them want the interpreter at once, at a small cost in throughput.
    sys.setswitchinterval(0.001)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName(APP_DISPLAY_NAME)
    install_translations(app, language)
    theme.apply(app, text_scale=text_scale)
    theme.follow_system(app)
    return app


def install_translations(app: QApplication, language: str = "") -> QLocale:
    """Switch the whole application to `language` ("" for the system's, "pseudo" for the
    pseudo-locale). Replaces any translators installed before, so it can be called again
    (the welcome page's language choice). The property "uiLanguage" says what it chose
    ("cy_GB", "en_GB", "pseudo"): the language for texts from data (the retention policy)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    chosen = ui_language(language)
    locale = QLocale(chosen) if chosen != PSEUDO else _language(PSEUDO)
    if not language and chosen != PSEUDO and QLocale.system().language() == locale.language():
        locale = QLocale.system()  # the system's own country and number formats
    QLocale.setDefault(locale)
    translators: list[QTranslator] = []
    # English plural forms always, underneath any other language.
    english = QTranslator(app)
    qm = english_qm()
    if qm is not None and english.load(str(qm)):
        translators.append(english)
    else:
        log.warning("English plural forms missing: texts will read 'file(s)'.")
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    elif locale.language() != QLocale.Language.English:
        log.info("Qt has no translation of its own texts for %s: they stay English.", chosen)
    if chosen != "en_GB":
        ours = QTranslator(app)
        qm = compiled_qm(chosen)
        if qm is not None and ours.load(str(qm)):
            translators.append(ours)
        else:
            log.warning("No %s translation could be loaded: the assistant shows English.", chosen)
    for translator in translators:
        app.installTranslator(translator)
    _installed.extend(translators)
    app.setProperty("uiLanguage", chosen)
    log.info("UI language %s (%d translators)", chosen, len(translators))
    return locale


_windows: list[QWidget] = []  # the relaunched wizard, kept alive here (it has no parent)


def relaunch_wizard(old: QWizard, language: str) -> QWizard:
    """Switch to `language` and replace the wizard window by one built in it.

    Offered on the welcome page only, before anything the officer did could be lost: the
    background scan is stopped safely and starts again; nobody has signed in yet. The
    choice lasts for this session (there is no writer for the user's settings file).
    """
    from app.ui.wizard import MigrationWizard

    app = QApplication.instance()
    assert isinstance(app, QApplication) and isinstance(old, MigrationWizard)
    session = old.session
    assisted = getattr(old, "assisted", None)
    assisted_open = assisted is not None and assisted.isVisible()
    old.shutdown()
    install_translations(app, language)
    session.language = str(app.property("uiLanguage"))
    new = MigrationWizard(session)
    new.setGeometry(old.geometry())
    new.show()
    if assisted_open:
        from app.ui.assisted import toggle

        toggle(new)
    new.start_background_scan()
    old.hide()
    old.deleteLater()
    _windows[:] = [new]
    new.raise_()
    new.activateWindow()
    return new
