"""What the built folder leaves out: every include/exclude decision of the build, in one
importable place. The spec (build/migration_assistant.spec), its Qt hooks (build/hooks),
build.py's ICU data trim and the Windows size projection (benchmarks/windows_size.py) all
read these lists, so the projection applies exactly the decisions the build does.

Paths are compared with forward slashes; names of files case-insensitively (Windows).
"""

from __future__ import annotations

import re

# The app uses QtCore, QtGui and QtWidgets only (grep "PySide6\." app): every other Qt
# module stays out, with its libraries, plugins and translations.
QT_USED = frozenset({"QtCore", "QtGui", "QtWidgets"})

# Python modules never imported by the running app.
EXCLUDED_MODULES = (
    "PyQt5",
    "PyQt6",
    "PySide2",
    "tkinter",
    # test and development tools that may sit in the same environment
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "quickxorhash",
    "mypy",
    "IPython",
    "matplotlib",
    # The interactive prompt's line editing: brings libreadline and libtinfo on Linux.
    "readline",
    # numpy parts `import numpy` loads lazily and the app never touches (app uses
    # numpy._core, lib, linalg (loaded by numpy itself) and random, for sample content).
    "numpy.fft",
    "numpy.polynomial",
    "numpy.f2py",
    "numpy.distutils",
    "numpy.testing",
)

# Qt plugins (path fragments under Qt's plugins folder) a desktop app never uses.
# Dropping them in the hooks, before the analysis, also leaves out the libraries only they
# need (the GTK theme alone brings GTK, Cairo and Pango, ~15 MB; Wayland brings
# libQt6WaylandClient and libQt6WlShellIntegration).
# Kept: windows, cocoa, xcb (Linux: under X11 and, through XWayland, under Wayland: Qt tries
# wayland then falls back to xcb), offscreen (the self-test and CI), minimal, the XDG
# portal theme, input methods (ibus, compose), and the image formats Qt itself or an icon
# theme can need (svg, ico, gif; png is built into QtGui).
QT_PLUGINS_UNUSED = (
    # embedded-device and remote platforms, and their helpers
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqvnc",
    "platforms/libqvkkhrdisplay",
    "platforms/libqminimalegl",
    # Windows: the experimental Direct2D platform (qwindows is the one Qt uses)
    "platforms/qdirect2d",
    "egldeviceintegrations/",
    "generic/",
    # the GTK platform theme
    "platformthemes/libqgtk3",
    # Wayland: the xcb platform runs under XWayland on every Wayland desktop
    "platforms/libqwayland",
    "wayland-decoration-client/",
    "wayland-graphics-integration-client/",
    "wayland-shell-integration/",
    # image formats the app never reads (it shows no photographs)
    "imageformats/qjpeg",
    "imageformats/qwebp",
    "imageformats/qtiff",
    "imageformats/qtga",
    "imageformats/qwbmp",
    "imageformats/qicns",
    "imageformats/libqjpeg",
    "imageformats/libqwebp",
    "imageformats/libqtiff",
    "imageformats/libqtga",
    "imageformats/libqwbmp",
    "imageformats/libqicns",
)

# Individual files dropped after the analysis (lower-case names). opengl32sw.dll: Mesa's
# software OpenGL (~20 MB, Windows), collected by PyInstaller's PySide6 hook as a fallback
# for machines without a graphics driver; Qt Widgets paint without OpenGL.
DROPPED_FILES = frozenset({"opengl32sw.dll"})

# Linux: libraries left to the system instead of bundled, as PyInstaller already leaves
# libGL and libEGL. libdbus-1 (the D-Bus client QtDBus links: Qt reaches the screen-reader
# bus through it) is ABI-stable since 2007 and on every Linux desktop (its session bus and
# AT-SPI are built on it). Bundled, it brings what the build machine's copy links (Debian:
# libsystemd, and through it libgcrypt, libgpg-error, liblz4, libcap: ~2.9 MB); build.py
# drops those too when nothing else in the folder needs them.
LINUX_SYSTEM_LIBRARIES = frozenset({"libdbus-1.so.3"})

# Qt's own translations: the qtbase_<language>.qm catalogues app/ui/app.py loads, for the
# languages the app itself speaks (translations/migration_assistant_<language>.ts). Qt has
# no Welsh catalogue, so today that is qtbase_en.qm; the 30-odd others are never loaded.
# The qt_*.qm files only point at the catalogues of Qt modules we leave out.
QT_TRANSLATION_PREFIX = "qtbase_"
APP_LANGUAGES = ("en", "cy")

# ICU data (Linux: Qt6Core links ICU, whose libicudata holds ~30 MB of data). Qt formats
# numbers and dates from its own CLDR tables and breaks text with its own tables; from ICU
# it uses collation (QCollator: file dialogs sort names with it), case mapping, time zone
# names and codecs. Kept: every non-locale item (properties, normalisation, collation
# root, time zone rules), and the locale items of the app's languages (English, Welsh)
# and root. Left out: the other locales' data, the legacy codepage converters (the app
# reads and writes UTF-8; Python does any other codec), transliteration and the word
# dictionaries for Chinese, Japanese, Thai, Khmer, Lao and Burmese.
ICU_LANGUAGES = APP_LANGUAGES
_ICU_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
_ICU_DROPPED_TREES = ("translit",)
_ICU_DROPPED_SUFFIXES = (".cnv", ".dict")


def _posix(path: str) -> str:
    return path.replace("\\", "/")


def keeps_qt_plugin(source: str) -> bool:
    """False for a file inside one of the QT_PLUGINS_UNUSED plugins."""
    path = _posix(source).lower()
    return not any(f"/plugins/{name.lower()}" in path for name in QT_PLUGINS_UNUSED)


def keeps_qt_translation(source: str) -> bool:
    """Qt's .qm files: only qtbase_<language> for the app's languages; anything else passes."""
    name = _posix(source).rsplit("/", 1)[-1]
    if not name.endswith(".qm"):
        return True
    return name in {f"{QT_TRANSLATION_PREFIX}{language}.qm" for language in APP_LANGUAGES}


def keeps_file(source: str) -> bool:
    """False for the DROPPED_FILES."""
    return _posix(source).rsplit("/", 1)[-1].lower() not in DROPPED_FILES


def excludes_module(module: str) -> bool:
    """True when `module` (dotted) is, or lies inside, an excluded module."""
    return any(module == name or module.startswith(name + ".") for name in EXCLUDED_MODULES)


def excluded_qt_modules(available: list[str]) -> list[str]:
    """PySide6.<name> for every Qt module of `available` (PySide6.__all__) not used."""
    return [f"PySide6.{name}" for name in available if name not in QT_USED]


def keeps_icu_item(name: str) -> bool:
    """An ICU data package item ("icudt73l/coll/de.res") the app keeps."""
    parts = name.split("/")[1:]  # without the package's own "icudt73l" prefix
    if not parts or parts[0] in _ICU_DROPPED_TREES or name.endswith(_ICU_DROPPED_SUFFIXES):
        return False
    leaf = parts[-1]
    if not _ICU_LOCALE.match(leaf):
        return True  # root, pool, res_index, supplemental data, rules, properties
    return leaf.split("_")[0].removesuffix(".res") in ICU_LANGUAGES
