"""Linux build step: a smaller libicudata for the built folder.

Qt6Core links ICU on Linux, and PySide6's libicudata.so.73 is ~31 MB of data: one ICU
"common data" package (every locale, every legacy codepage, dictionaries) behind a single
symbol, icudt73_dat. This rewrites the package with only the items build/contents.py's
keeps_icu_item keeps, and links it into a library of the same name, soname and symbol
(binutils' `as` and `ld`, the same toolchain build.py's strip step uses). ICU reads the
package through its table of contents, so a package with fewer items is as valid as the
full one; a locale left out falls back to root, as on any ICU built with a data filter.

The package format (ICU's common data, "CmnD", written by its pkgdata/icupkg): a header
(kept byte for byte), then at the table of contents: a count, one (name offset, data
offset) pair per item, relative to the table's start, the names (NUL-terminated, sorted:
ICU finds items by binary search), then each item's data, 16-byte aligned.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

_ALIGN = 16
_PAD = b"\xaa"  # what ICU's own tools pad with


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The package's header and its items (name, data), in table order."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27":
        raise ValueError("not an ICU data package")
    if data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package (little-endian CmnD)")
    toc = data[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * index) for index in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        end = entries[index + 1][1] if index + 1 < count else len(toc)
        items.append((name, toc[data_offset:end]))
    return data[:header_size], items


def _padded(size: int) -> int:
    return (size + _ALIGN - 1) // _ALIGN * _ALIGN


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package holding `items` (already in ICU's sorted order) under `header`."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    names_start = 4 + 8 * len(items)
    offset = _padded(names_start + len(names))
    table = [struct.pack("<I", len(items))]
    name_offset = names_start
    blobs = []
    for name, blob in items:
        table.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        blobs.append(blob.ljust(_padded(len(blob)), _PAD))
        offset += _padded(len(blob))
    toc = b"".join(table) + names
    return header + toc.ljust(_padded(len(toc)), _PAD) + b"".join(blobs)


def _readelf(library: Path, option: str) -> str:
    return subprocess.run(
        ["readelf", option, "-W", str(library)], capture_output=True, text=True, check=True
    ).stdout


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """The package symbol (icudtNN_dat), its file offset and size."""
    found = re.search(
        r"\s([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+(icudt\d+_dat)\b",
        _readelf(library, "--dyn-syms"),
    )
    if found is None:
        raise ValueError(f"{library.name} has no icudtNN_dat symbol")
    address, size = int(found.group(1), 16), int(found.group(2), 0)
    for line in _readelf(library, "-S").splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            return found.group(3), address - section_address + section_offset, size
    raise ValueError(f"{library.name} has no .rodata section")


def _soname(library: Path) -> str:
    found = re.search(r"\(SONAME\).*\[(.+)\]", _readelf(library, "-d"))
    return found.group(1) if found else library.name


def _link(package: bytes, symbol: str, soname: str, out: Path) -> None:
    """A shared library exporting `package` as the read-only object `symbol`."""
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "data.bin").write_bytes(package)
        (tmp / "data.s").write_text(
            "\t.section .rodata\n"
            f"\t.balign {_ALIGN}\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            f"{symbol}:\n"
            '\t.incbin "data.bin"\n'
            f"\t.size {symbol}, .-{symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run(["as", "-o", "data.o", "data.s"], cwd=tmp, check=True)
        subprocess.run(
            ["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(out), "data.o"],
            cwd=tmp,
            check=True,
        )


def shrink_library(library: Path, keep: Callable[[str], bool]) -> tuple[int, int] | None:
    """Replace `library` (a libicudata) by one holding only the items `keep` accepts.
    Returns its size before and after, or None when binutils (readelf, as, ld) is missing."""
    if not all(shutil.which(tool) for tool in ("readelf", "as", "ld")):
        return None
    before = library.stat().st_size
    symbol, offset, size = _data_symbol(library)
    with library.open("rb") as file:
        file.seek(offset)
        header, items = read_package(file.read(size))
    kept = [(name, blob) for name, blob in items if keep(name)]
    smaller = library.with_name(library.name + ".smaller")
    _link(write_package(header, kept), symbol, _soname(library), smaller)
    smaller.chmod(library.stat().st_mode)
    smaller.replace(library)
    return before, library.stat().st_size
