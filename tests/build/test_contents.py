"""The build's include/exclude decisions (build/contents.py) and its ICU data trim
(build/icu_data.py), without building: the lists on real paths, the package format on
PySide6's own libicudata, and the trimmed library loaded by Qt in a child process."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def load(name: str) -> ModuleType:
    """A module of build/ (not a package: the spec puts the folder on sys.path)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "build" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build_modules() -> tuple[ModuleType, ModuleType]:
    return load("contents"), load("icu_data")


def qt_lib() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "lib"


def test_qt_plugins_kept_and_dropped(build_modules: tuple[ModuleType, ModuleType]) -> None:
    contents, _ = build_modules
    keeps = contents.keeps_qt_plugin
    assert keeps("/x/PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keeps("/x/PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert keeps(r"C:\x\PySide6\plugins\platforms\qwindows.dll")
    assert keeps("/x/PySide6/Qt/plugins/imageformats/libqsvg.so")
    assert not keeps("/x/PySide6/Qt/plugins/platforms/libqwayland.so")
    assert not keeps("/x/PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so")
    assert not keeps(r"C:\x\PySide6\plugins\imageformats\qjpeg.dll")
    assert not keeps("/x/PySide6/Qt/plugins/platformthemes/libqgtk3.so")


def test_translations_files_and_modules(build_modules: tuple[ModuleType, ModuleType]) -> None:
    contents, _ = build_modules
    assert contents.keeps_qt_translation("/x/translations/qtbase_en.qm")
    assert contents.keeps_qt_translation("/x/translations/qtbase_cy.qm")
    assert not contents.keeps_qt_translation("/x/translations/qtbase_de.qm")
    assert not contents.keeps_qt_translation("/x/translations/qt_de.qm")
    assert not contents.keeps_qt_translation("/x/translations/qtdeclarative_de.qm")
    assert not contents.keeps_file(r"C:\x\PySide6\opengl32sw.dll")
    assert contents.keeps_file(r"C:\x\PySide6\Qt6Core.dll")
    assert contents.excludes_module("numpy.fft._pocketfft")
    assert not contents.excludes_module("numpy.random")
    assert not contents.excludes_module("numpy")
    assert contents.excluded_qt_modules(["QtCore", "QtQml", "QtWidgets"]) == ["PySide6.QtQml"]


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("icudt73l/root.res", True),
        ("icudt73l/en_GB.res", True),
        ("icudt73l/cy.res", True),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/coll/root.res", True),
        ("icudt73l/coll/en.res", True),
        ("icudt73l/zone/pool.res", True),
        ("icudt73l/zone/tzdbNames.res", True),
        ("icudt73l/supplementalData.res", True),
        ("icudt73l/uprops.icu", True),
        ("icudt73l/nfkc.nrm", True),
        ("icudt73l/cnvalias.icu", True),
        ("icudt73l/de.res", False),
        ("icudt73l/coll/zh_Hant.res", False),
        ("icudt73l/es_419.res", False),
        ("icudt73l/ibm-943_P15A-2003.cnv", False),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/translit/root.res", False),
    ],
)
def test_icu_items(build_modules: tuple[ModuleType, ModuleType], item: str, kept: bool) -> None:
    contents, _ = build_modules
    assert contents.keeps_icu_item(item) is kept


def test_icu_package_written_back_byte_for_byte(
    build_modules: tuple[ModuleType, ModuleType],
) -> None:
    _, icu_data = build_modules
    header = b"\x20\x00\xda\x27" + b"\x14\x00\x00\x00\x00\x00\x02\x00CmnD" + bytes(16)
    # Items come back with the 16-byte padding ICU needs (ICU ignores it: each item's
    # own header gives its size).
    items = [("pkg/a.res", b"A" * 16), ("pkg/b/c.icu", b"B" * 48), ("pkg/d.nrm", b"D" * 16)]
    package = icu_data.write_package(header, items)
    assert icu_data.read_package(package) == (header, items)
    assert len(package) % 16 == 0
    with pytest.raises(ValueError, match="ICU"):
        icu_data.read_package(b"\x20\x00\x00\x00" + bytes(40))


needs_binutils = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not all(map(shutil.which, ("readelf", "as", "ld"))),
    reason="Linux with binutils only (Qt links ICU on Linux)",
)


@needs_binutils
def test_pyside6_icu_package_reads_and_writes_back_unchanged(
    build_modules: tuple[ModuleType, ModuleType],
) -> None:
    _, icu_data = build_modules
    library = next(qt_lib().glob("libicudata.so.*"))
    symbol, offset, size = icu_data._data_symbol(library)
    assert symbol.startswith("icudt") and symbol.endswith("_dat")
    data = library.read_bytes()[offset : offset + size]
    header, items = icu_data.read_package(data)
    assert len(items) > 1000
    assert icu_data.write_package(header, items) == data


CHECK_ICU = """
from PySide6.QtCore import QCollator, QLocale
loaded = [l.split()[-1] for l in open("/proc/self/maps") if "libicudata" in l]
collator = QCollator(QLocale("cy_GB"))
collator.setNumericMode(True)
print(loaded[0])
print(sorted(["file10", "File2", "émile", "zebra", "Apple"], key=collator.sortKey))
print(QLocale("tr_TR").toUpper("i"))
"""


@needs_binutils
def test_trimmed_icu_library_is_smaller_and_qt_collates_with_it(
    build_modules: tuple[ModuleType, ModuleType], tmp_path: Path
) -> None:
    contents, icu_data = build_modules
    original = next(qt_lib().glob("libicudata.so.*"))
    library = tmp_path / original.name
    shutil.copy2(original, library)
    before, after = icu_data.shrink_library(library, contents.keeps_icu_item)
    assert after < before / 4
    # LD_LIBRARY_PATH wins over libicuuc's RUNPATH ($ORIGIN): Qt loads the trimmed copy.
    env = {**os.environ, "LD_LIBRARY_PATH": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", CHECK_ICU], capture_output=True, text=True, env=env, check=True
    ).stdout.splitlines()
    assert out[0] == str(library)
    assert out[1] == "['Apple', 'émile', 'File2', 'file10', 'zebra']"
    assert out[2] == "İ"  # Turkish dotted capital I: locale-aware case mapping still there
