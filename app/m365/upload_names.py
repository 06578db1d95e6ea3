"""Names for the upload engine: where a file is read from, and "keep both" names.

When OneDrive already holds a different file under the name we need, we never overwrite
it: ours gets a clear, deterministic suffix ("Report (from H drive).docx", then
"Report (from H drive 2).docx", ...), so a second run picks the same names again and
recognises files it already moved.
"""

from __future__ import annotations

from collections.abc import Iterator

from app.core.hdrive import to_os_path

KEEP_BOTH_LABEL = "from H drive"
MAX_KEEP_BOTH = 20


def keep_both_name(name: str, n: int) -> str:
    """'Report.docx', 1 -> 'Report (from H drive).docx'; n > 1 -> '... (from H drive n)...'."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:  # no extension, or a dot-file like ".profile"
        stem, ext = name, ""
    label = KEEP_BOTH_LABEL if n == 1 else f"{KEEP_BOTH_LABEL} {n}"
    return f"{stem} ({label})" + (f".{ext}" if ext else "")


def candidates(dest_path: str) -> Iterator[str]:
    """The destination itself, then its keep-both alternatives, in a fixed order."""
    yield dest_path
    parent, _, name = dest_path.rpartition("/")
    for n in range(1, MAX_KEEP_BOTH + 1):
        new = keep_both_name(name, n)
        yield f"{parent}/{new}" if parent else new


def local_path(source_root: str, rel_path: str) -> str:
    """The real path to read a file from (the long-path form on Windows)."""
    return to_os_path(source_root, rel_path)
