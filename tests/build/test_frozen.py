"""The built application: build/build.py, its Windows version resource, and the frozen
program's --version and --self-test (a complete practice migration without a window)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from app import __version__
from app.cli import main
from app.commands import self_test

ROOT = Path(__file__).resolve().parent.parent.parent


def load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_script", ROOT / "build" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_version_resource_renders_as_pyinstaller_reads_it() -> None:
    build = load_build_script()
    text = build.render_version_file("2.10.3rc1", "Example Police")
    seen: dict[str, Any] = {}

    def record(name: str) -> Any:
        def make(*args: Any, **kwargs: Any) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
            seen.setdefault(name, []).append((args, kwargs))
            return (name, args, kwargs)

        return make

    names = [
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ]
    # PyInstaller evaluates the file as one Python expression over these names.
    eval(text, {name: record(name) for name in names})
    fixed = seen["FixedFileInfo"][0][1]
    assert fixed["filevers"] == fixed["prodvers"] == (2, 10, 3, 0)
    strings = dict(args for args, _ in seen["StringStruct"])
    assert strings["FileVersion"] == "2.10.3rc1"
    assert strings["CompanyName"] == "Example Police"
    assert "@" not in text


def test_build_reads_the_apps_version() -> None:
    assert load_build_script().app_version() == __version__


def test_version_from_source(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_quick_checks_pass_from_source() -> None:
    assert "matches" in self_test.check_hashing()
    assert "certifi" in self_test.check_certificates()
    assert "backend present" in self_test.check_keyring()
    assert "en" in self_test.check_translations()


def test_hashing_check_fails_on_a_wrong_result(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(self_test, "_VECTOR_HASH", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")
    with pytest.raises(self_test.CheckFailed, match="known test vector"):
        self_test.check_hashing()


@pytest.fixture(scope="session")
def built_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per test session into a temporary folder (nothing cached between runs)."""
    out = tmp_path_factory.mktemp("frozen")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build" / "build.py"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    folder = Path(done.stdout.strip().splitlines()[-1])
    assert folder.is_dir()
    return folder


def run_built(folder: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    program = folder / load_build_script().CONSOLE_PROGRAM
    env = {**os.environ, "MIGRATION_ASSISTANT_HOME": str(home)}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must choose offscreen by itself
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=env, timeout=600
    )


@pytest.mark.slow
def test_frozen_folder_has_what_the_app_needs(built_app: Path) -> None:
    internal = built_app / "_internal"
    ours = sorted(path.stem for path in (ROOT / "translations").glob("*.ts"))
    assert sorted(path.stem for path in (internal / "translations").glob("*.qm")) == ours
    qt_translations = internal / "PySide6" / "Qt" / "translations"
    assert list(qt_translations.glob("qtbase_de.qm"))
    assert not list(qt_translations.glob("qt_*.qm"))
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt"))
    assert (internal / "resources" / "retention-policy.toml").is_file()
    assert list(internal.glob("certifi/cacert.pem"))
    names = {path.name for path in internal.rglob("*")}
    for unused in ("Qml", "Quick", "Multimedia", "WebEngine", "Pdf", "3D", "Charts", "Wayland"):
        assert not [name for name in names if f"Qt6{unused}" in name or f"Qt{unused}" in name]
    assert not [name for name in names if "qjpeg" in name or "qwayland" in name]
    assert not [name for name in names if name.startswith("_pocketfft")]  # numpy.fft
    assert [name for name in names if name.startswith("_generator")]  # numpy.random stays
    if sys.platform.startswith("linux"):
        # build/contents.py's trims: ICU data for root, English and Welsh; libdbus-1 (and
        # what only it brought) from the system.
        (icu_data,) = [path for path in internal.rglob("libicudata.so*") if not path.is_symlink()]
        assert icu_data.stat().st_size < 8 * 1024 * 1024
        assert "libdbus-1.so.3" not in names and "libgcrypt.so.20" not in names
        assert "libQt6DBus.so.6" in names  # the screen-reader bus still goes through it


@pytest.mark.slow
def test_frozen_version_and_self_test(built_app: Path, tmp_path: Path) -> None:
    version = run_built(built_app, "--version", home=tmp_path)
    assert version.returncode == 0, version.stderr
    assert __version__ in version.stdout
    result = run_built(built_app, "--self-test", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(built application)" in result.stdout
    assert "Self-test passed" in result.stdout
    checks = ("Libraries", "Translations", "QuickXorHash", "Certificates", "Keyring", "Practice")
    for check in checks:
        assert f"  ok    {check}" in result.stdout, check
    assert "moved and verified by QuickXorHash" in result.stdout
    # Its practice run lived in a temporary home: nothing left in the officer's.
    assert not (tmp_path / "data" / "sample-h-drive").exists()
