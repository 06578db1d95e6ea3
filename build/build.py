"""One-command build of the one-folder application (Windows, Linux, macOS alike).

    .venv/bin/python build/build.py [--dist DIR] [--work DIR] [--organisation NAME]

Steps: install PyInstaller (the project's `build` extra) into this environment when it is
missing; compile every translations/*.ts with pyside6-lrelease; on Windows, fill in the
version resource from build/version_info.txt.in; run build/migration_assistant.spec;
on Linux, trim Qt's ICU data to what the app uses and strip debug information.
The application lands in DIST/MigrationAssistant/ (default build/dist/). Prints that path.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
SPEC = BUILD / "migration_assistant.spec"
VERSION_TEMPLATE = BUILD / "version_info.txt.in"
APP_FOLDER = "MigrationAssistant"
# The console program, on every platform (Windows adds the windowed MigrationAssistant.exe).
CONSOLE_PROGRAM = "migration-assistant.exe" if sys.platform == "win32" else "migration-assistant"


def app_version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("app/__init__.py has no __version__")
    return found.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Windows wants four numbers: "1.2.3rc1" -> (1, 2, 3, 0)."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3]]
    padded = [*numbers, 0, 0, 0, 0][:4]
    return (padded[0], padded[1], padded[2], padded[3])


def render_version_file(version: str, organisation: str) -> str:
    return (
        VERSION_TEMPLATE.read_text(encoding="utf-8")
        .replace("@VERSION_TUPLE@", repr(version_tuple(version)))
        .replace("@VERSION@", version)
        .replace("@ORGANISATION@", organisation.replace("'", ""))
    )


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    print("Installing PyInstaller (the project's 'build' extra)...", flush=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[build]"], check=True
    )


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).parent / name)


def compile_translations(out: Path) -> list[Path]:
    """Every translations/*.ts to .qm (the English plural forms and each language)."""
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.qm"):
        stale.unlink()
    compiled = []
    for source in sorted((ROOT / "translations").glob("*.ts")):
        target = out / source.with_suffix(".qm").name
        subprocess.run(
            [_tool("pyside6-lrelease"), str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
        )
        compiled.append(target)
    if not compiled:
        raise SystemExit("No translations/*.ts to compile")
    return compiled


def strip_debug_information(folder: Path) -> int:
    """Linux: drop the debug information some libraries carry (this machine's libpython
    alone: 23 MB -> 5.5 MB); libraries without it are left exactly as they came. Returns
    how many were stripped. Without binutils (readelf, strip) nothing is stripped."""
    readelf, strip = shutil.which("readelf"), shutil.which("strip")
    if not sys.platform.startswith("linux") or readelf is None or strip is None:
        return 0
    stripped = 0
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as file:
            if file.read(4) != b"\x7fELF":
                continue
        sections = subprocess.run(
            [readelf, "-S", "-W", str(path)], capture_output=True, text=True, check=False
        ).stdout
        if ".debug_info" in sections:
            subprocess.run([strip, "--strip-debug", str(path)], check=True)
            stripped += 1
    return stripped


def shrink_icu_data(folder: Path) -> str:
    """Linux: Qt's libicudata with only the ICU data the app uses (build/icu_data.py;
    the choice is build/contents.py's keeps_icu_item). Says what it did."""
    sys.path.insert(0, str(BUILD))
    import contents  # build/ is on the path only while building
    import icu_data

    done = []
    for library in sorted(folder.rglob("libicudata.so*")):
        if library.is_symlink() or not library.is_file():
            continue
        sizes = icu_data.shrink_library(library, contents.keeps_icu_item)
        if sizes is None:
            return "ICU data left whole (binutils' readelf, as and ld are needed to trim it)"
        done.append(f"{library.name} {sizes[0] / 2**20:.1f} MB -> {sizes[1] / 2**20:.1f} MB")
    return "ICU data: " + (", ".join(done) if done else "no libicudata in the folder")


def _needed(library: Path) -> set[str]:
    """The sonames `library` links (its DT_NEEDED entries)."""
    dynamic = subprocess.run(
        ["readelf", "-d", "-W", str(library)], capture_output=True, text=True, check=False
    ).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic))


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def use_system_libraries(folder: Path) -> list[str]:
    """Linux: remove build/contents.py's LINUX_SYSTEM_LIBRARIES from the folder, then each
    library they brought that nothing left in the folder links. Returns the names removed
    (none without readelf)."""
    sys.path.insert(0, str(BUILD))
    import contents  # build/ is on the path only while building

    internal = folder / "_internal"
    if shutil.which("readelf") is None or not internal.is_dir():
        return []
    needed = {path: _needed(path) for path in _elf_files(folder)}
    removed: list[str] = []
    todo = sorted(contents.LINUX_SYSTEM_LIBRARIES)
    while todo:
        name = todo.pop()
        library = internal / name
        if library not in needed:
            continue
        linked = needed.pop(library)
        removed.append(name)
        library.unlink()
        # What it linked goes too, unless something still in the folder links it.
        todo += [dep for dep in linked if not any(dep in rest for rest in needed.values())]
    return removed


def build(dist: Path, work: Path, organisation: str) -> Path:
    ensure_pyinstaller()
    env = dict(os.environ)
    qm = compile_translations(work / "qm")
    print(f"Translations: {', '.join(path.name for path in qm)}", flush=True)
    env["MIGRATION_ASSISTANT_QM_DIR"] = str(work / "qm")
    if sys.platform == "win32":
        version_file = work / "version_info.txt"
        version_file.write_text(render_version_file(app_version(), organisation), "utf-8")
        env["MIGRATION_ASSISTANT_VERSION_FILE"] = str(version_file)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work / "pyinstaller"),
            str(SPEC),
        ],
        check=True,
        env=env,
        cwd=ROOT,
    )
    folder = dist / APP_FOLDER
    if sys.platform.startswith("linux"):
        print(shrink_icu_data(folder), flush=True)
        system = use_system_libraries(folder)
        print(f"From the system, not bundled: {', '.join(system) or 'nothing'}", flush=True)
    print(f"Debug information stripped from {strip_debug_information(folder)} libraries")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the one-folder application.")
    parser.add_argument("--dist", type=Path, default=BUILD / "dist")
    parser.add_argument("--work", type=Path, default=BUILD / "work")
    parser.add_argument(
        "--organisation", default="", help="company name in the Windows version resource"
    )
    args = parser.parse_args(argv)
    folder = build(args.dist.resolve(), args.work.resolve(), args.organisation)
    print(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
