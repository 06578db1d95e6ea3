"""The QApplication: names, translations (the user's language, with English plural forms
as the fallback), and the theme."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app import APP_DISPLAY_NAME, APP_NAME, __version__, paths
from app.ui import theme

log = logging.getLogger(__name__)


class EnglishPlurals(QTranslator):
    """English without a .qm file: "%n file(s)" becomes "1 file" / "2 files".

    Qt fills %n itself; we only choose the singular or plural form of the source text.
    Translations (.qm) installed after this one take precedence for other languages.
    """

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:  # type: ignore[override]
        if "(s)" not in source or n < 0:
            return None  # type: ignore[return-value]  # a null QString: "no translation"
        return source.replace("(s)", "" if n == 1 else "s")

    def isEmpty(self) -> bool:
        return False


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
    translators: list[QTranslator] = [EnglishPlurals(app)]
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
