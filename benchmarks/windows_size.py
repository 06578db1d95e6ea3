"""A projection (not a measurement) of the Windows one-folder application's size, made on
Linux from the Windows wheels of the same versions, with the build's own decisions.

PyInstaller does not cross-compile, so the Windows folder cannot be built here. What it
would hold is put together from:
  1. the extension modules the Linux build's analysis collected (the same spec, the same
     imports: numpy._core._multiarray_umath, PySide6.QtCore, ...), each taken from its
     Windows wheel (.pyd), plus pymsalruntime, which the spec adds on Windows only;
  2. the Qt plugins PyInstaller's hooks collect for QtCore/QtGui/QtWidgets, and Qt's
     translations, less what build/contents.py leaves out (the same functions the spec
     and its hooks call);
  3. every DLL those link that a wheel ships (the PE import tables, followed to the end),
     less contents.DROPPED_FILES (opengl32sw.dll). Windows' own DLLs are not counted;
  4. the Linux folder's data files (certifi, resources, translations, metadata) as they are;
  5. two programs (console and windowed) of the Linux program's size: each embeds the
     same compressed Python modules, the bulk of it (estimate: the bootloaders differ);
  6. the Python runtime (python311.dll, the stdlib .pyd files, OpenSSL, SQLite,
     base_library.zip): an ESTIMATE, the same CPython pieces measured in the Linux folder
     (python.org's embeddable zip, the direct figure, cannot be fetched from this machine).

    .venv/bin/python benchmarks/windows_size.py [--wheels DIR] [--app build/dist/MigrationAssistant]

The wheels: `pip download --no-deps --only-binary=:all: --platform win_amd64
--python-version 3.11 PySide6-Essentials==X shiboken6==X numpy==X cryptography==X cffi==X
charset-normalizer==X pymsalruntime` (the versions installed here) into DIR.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import struct
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
DEFAULT_WHEELS = Path("/tmp/winwheels")
RESULTS = ROOT / "benchmarks" / "results" / "windows_size.json"
# The plugin folders PyInstaller's Qt hooks collect for the modules the app uses
# (PyInstaller.utils.hooks.qt._modules_info: QtGui's and QtWidgets' plugin types).
_LINUX_EXTENSION = (".cpython-311-x86_64-linux-gnu.so", ".abi3.so")
_RUNTIME_PARTS = ("libpython3", "python3.11/lib-dynload/", "base_library.zip", "libssl.so",
                  "libcrypto.so", "libsqlite3.so", "libffi.so", "libexpat.so", "libz.so",
                  "libbz2.so", "liblzma.so", "libmpdec.so", "libuuid.so")  # fmt: skip


def load_contents() -> ModuleType:
    """build/contents.py: the build's include/exclude decisions."""
    spec = importlib.util.spec_from_file_location("contents", ROOT / "build" / "contents.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def qt_plugin_types(modules: frozenset[str]) -> list[str]:
    from PyInstaller.utils.hooks.qt._modules_info import (  # type: ignore[import-untyped]
        QT_MODULES_INFO,
    )

    return sorted({p for info in QT_MODULES_INFO if info.module in modules for p in info.plugins})


def pe_imports(data: bytes) -> list[str]:
    """The DLL names a PE file (DLL, .pyd) imports, directly or delay-loaded."""
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe : pe + 4] != b"PE\0\0":
        return []
    sections_count, optional_size = struct.unpack_from("<H12xH", data, pe + 6)
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    directories = optional + (112 if magic == 0x20B else 96)
    sections = [
        struct.unpack_from("<II4xI", data, optional + optional_size + 40 * index + 8)
        for index in range(sections_count)
    ]  # (virtual size, virtual address, raw offset) per section

    def offset(rva: int) -> int:
        for size, address, raw in sections:
            if address <= rva < address + max(size, 1):
                return int(rva - address + raw)
        raise ValueError("address outside every section")

    def name_at(rva: int) -> str:
        start = offset(rva)
        return data[start : data.index(b"\0", start)].decode("ascii", "replace")

    names = []
    # Entry 1: the import table (20-byte descriptors, the name at +12); entry 13: the
    # delay-load table (32-byte descriptors, the name at +4). Both end with a zero name.
    for entry, size, name_field in ((1, 20, 12), (13, 32, 4)):
        rva = struct.unpack_from("<I", data, directories + 8 * entry)[0]
        if not rva:
            continue
        position = offset(rva)
        while name := struct.unpack_from("<I", data, position + name_field)[0]:
            names.append(name_at(name))
            position += size
    return names


@dataclass
class Projection:
    parts: dict[str, int] = field(default_factory=dict)  # what -> bytes
    files: dict[str, int] = field(default_factory=dict)  # wheel path -> bytes
    missing: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.parts.values())


def _wheel_members(wheels: Path) -> dict[str, tuple[zipfile.ZipFile, zipfile.ZipInfo]]:
    members = {}
    for wheel in sorted(wheels.glob("*win_amd64.whl")):
        archive = zipfile.ZipFile(wheel)
        for info in archive.infolist():
            if not info.is_dir():
                members[info.filename] = (archive, info)
    return members


def _linux_files(app: Path) -> dict[str, int]:
    internal = app / "_internal"
    return {
        path.relative_to(internal).as_posix(): path.lstat().st_size
        for path in internal.rglob("*")
        if path.is_file() or path.is_symlink()
    }


def project(wheels: Path, app: Path) -> Projection:
    """The Windows folder projected from `wheels` and the Linux build in `app`."""
    contents = load_contents()
    members = _wheel_members(wheels)
    by_name = {Path(name).name.lower(): name for name in members if name.endswith(".dll")}
    linux = _linux_files(app)
    result = Projection()
    chosen: set[str] = set()

    # 1. The extension modules the analysis collected, from the Windows wheels.
    for path in linux:
        if path.startswith("python3.11/") or not path.endswith(_LINUX_EXTENSION):
            continue
        stem = next(
            path.removesuffix(suffix) for suffix in _LINUX_EXTENSION if path.endswith(suffix)
        )
        found = [n for n in (f"{stem}.cp311-win_amd64.pyd", f"{stem}.pyd") if n in members]
        chosen.update(found[:1]) if found else result.missing.append(path)
    chosen |= {
        name
        for name in members
        if name.startswith("pymsalruntime/") and name.endswith((".pyd", ".dll"))
    }
    # 2. Qt plugins and translations, with the build's decisions.
    for kind in qt_plugin_types(contents.QT_USED):
        prefix = f"PySide6/plugins/{kind}/"
        chosen |= {n for n in members if n.startswith(prefix) and n.endswith(".dll")
                   and contents.keeps_qt_plugin(n)}  # fmt: skip
    chosen |= {n for n in members if n.startswith("PySide6/translations/") and n.endswith(".qm")
               and contents.keeps_qt_translation(n)}  # fmt: skip
    # 3. The DLLs they link, to the end.
    todo = [name for name in chosen if name.endswith((".pyd", ".dll"))]
    while todo:
        archive, info = members[todo.pop()]
        for dll in pe_imports(archive.read(info)):
            name = by_name.get(dll.lower())
            if name is not None and name not in chosen and contents.keeps_file(name):
                chosen.add(name)
                todo.append(name)
    result.files = {name: members[name][1].file_size for name in sorted(chosen)}
    qt = sum(
        size for name, size in result.files.items() if name.startswith(("PySide6/", "shiboken6/"))
    )
    result.parts["Qt and PySide6 (wheel files)"] = qt
    result.parts["other packages' binaries (wheel files)"] = sum(result.files.values()) - qt
    # 4. Data files as in the Linux folder; 5. two programs; 6. the Python runtime.
    qt_linux = ("PySide6/", "shiboken6/")
    result.parts["data files (as built on Linux)"] = sum(
        size for path, size in linux.items()
        if not path.startswith(qt_linux) and not path.endswith((".so", ".zip"))
        and ".so." not in path and not path.startswith("python3.11/")
    )  # fmt: skip
    program = (app / "migration-assistant").stat().st_size
    result.parts["2 programs, each with the Python modules (estimate)"] = 2 * program
    result.parts["Python runtime (estimate)"] = sum(
        size for path, size in linux.items() if any(part in path for part in _RUNTIME_PARTS)
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheels", type=Path, default=DEFAULT_WHEELS)
    parser.add_argument("--app", type=Path, default=ROOT / "build" / "dist" / "MigrationAssistant")
    args = parser.parse_args()
    result = project(args.wheels, args.app)
    print("Windows one-folder size: a PROJECTION from the Windows wheels, not a measurement")
    for what, size in result.parts.items():
        print(f"  {size / MB:7.1f} MB  {what}")
    print(f"  {result.total / MB:7.1f} MB  projected total (target < 150 MB)")
    if result.missing:
        print("  no Windows file for: " + ", ".join(result.missing))
    largest = sorted(result.files.items(), key=lambda item: -item[1])[:8]
    print("  largest: " + ", ".join(f"{Path(n).name} {s / MB:.1f} MB" for n, s in largest))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"projected_mb": result.total / MB, "parts_mb": {
        k: v / MB for k, v in result.parts.items()}, "files": result.files,
        "missing": result.missing}, indent=2))  # fmt: skip
    return 0 if result.total / MB < 150 else 1


if __name__ == "__main__":
    sys.exit(main())
