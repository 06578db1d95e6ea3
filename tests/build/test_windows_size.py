"""benchmarks/windows_size.py's pieces that need no Windows wheels: the PE import reader on
a real Windows program (pip's launcher) and the Qt plugin types PyInstaller's hooks
collect for the modules the app uses."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def windows_size() -> ModuleType:
    path = ROOT / "benchmarks" / "windows_size.py"
    spec = importlib.util.spec_from_file_location("windows_size", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["windows_size"] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


def test_pe_imports_of_a_real_windows_program() -> None:
    import pip

    launchers = sorted(Path(pip.__file__).parent.glob("_vendor/distlib/t64.exe"))
    if not launchers:
        pytest.skip("pip ships no Windows launcher here")
    imports = {name.upper() for name in windows_size().pe_imports(launchers[0].read_bytes())}
    assert "KERNEL32.DLL" in imports
    assert windows_size().pe_imports(b"MZ" + bytes(200)) == []  # not a PE file


def test_qt_plugin_types_follow_the_used_modules() -> None:
    module = windows_size()
    types = module.qt_plugin_types(module.load_contents().QT_USED)
    assert {"platforms", "imageformats", "styles"} <= set(types)
    assert "sqldrivers" not in types  # QtSql is not used
