"""The QApplication: names, translations (the user's language, over English plural forms
built by app.ui.translations_build), and the theme."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app import APP_DISPLAY_NAME, APP_NAME, __version__, paths
from app.ui import theme

log = logging.getLogger(__name__)


def english_qm() -> Path | None:
    """The compiled English plural forms. Only the .ts source is kept in git; a checkout
    compiles it once (pyside6-lrelease, a few milliseconds) into the user data folder."""
    source = paths.translations_dir() / "migration_assistant_en.ts"
    shipped = source.with_suffix(".qm")
    if shipped.exists():
        return shipped
    cached = paths.user_data_dir() / "translations" / shipped.name
    if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).parent / "pyside6-lrelease"
    )
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [lrelease, str(source), "-qm", str(cached)], check=True, capture_output=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("Could not compile %s: %s", source, error)
        return None
    return cached


def _language(setting: str) -> QLocale:
    if setting:
        return QLocale(setting)
    system = QLocale.system()
    # A bare POSIX "C" locale has no digit grouping; people read British English better.
    if system.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return system


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
    locale = _language(language)
    QLocale.setDefault(locale)
    translators: list[QTranslator] = []
    # English plural forms ("1 file", "2 files") always, underneath any other language
    # (Qt asks the most recently installed translator first).
    english = QTranslator(app)
    qm = english_qm()
    if qm is not None and english.load(str(qm)):
        translators.append(english)
    else:
        log.warning("English plural forms missing: texts will read 'file(s)'.")
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    ours = QTranslator(app)
    if ours.load(locale, "migration_assistant", "_", str(paths.translations_dir())):
        translators.append(ours)
    for translator in translators:
        app.installTranslator(translator)
    app.setProperty("uiLanguage", locale.name())
    log.info("UI language %s (%d translators)", locale.name(), len(translators))
    return locale
