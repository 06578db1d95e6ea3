"""Deleting left-behind files: only the very file that was scanned, never through a link."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from app.core.left_behind import LeftBehind, delete_left_behind


def _file(root: Path, rel: str, content: bytes) -> LeftBehind:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    os.utime(path, (1.7e9, 1.7e9))
    st = path.stat()
    return LeftBehind(rel, st.st_size, st.st_mtime)


def test_deletes_unchanged_files_and_skips_changed_or_missing_ones(tmp_path: Path) -> None:
    root = tmp_path / "H"
    same = _file(root, "Temp/a.tmp", b"a" * 10)
    bigger = _file(root, "Temp/b.tmp", b"b" * 10)
    touched = _file(root, "Temp/c.tmp", b"c" * 10)
    gone = _file(root, "Temp/d.tmp", b"d" * 10)
    (root / bigger.rel_path).write_bytes(b"b" * 11)
    os.utime(root / bigger.rel_path, (1.7e9, 1.7e9))  # same date, other size
    os.utime(root / touched.rel_path, (1.7e9, 1.7e9 + 60))  # same size, saved later
    (root / gone.rel_path).unlink()
    outcome = delete_left_behind(str(root), [same, bigger, touched, gone], stop=threading.Event())
    assert (outcome.deleted, outcome.deleted_bytes) == (1, 10)
    assert not (root / same.rel_path).exists()
    assert (root / bigger.rel_path).exists() and (root / touched.rel_path).exists()
    skipped = dict(outcome.skipped)
    assert skipped == {
        "Temp/b.tmp": "it has changed since the scan",
        "Temp/c.tmp": "it has changed since the scan",
        "Temp/d.tmp": "it is no longer there",
    }
    assert outcome.failed == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_never_follows_a_link_to_a_file_or_folder(tmp_path: Path) -> None:
    root, elsewhere = tmp_path / "H", tmp_path / "precious"
    precious = _file(elsewhere, "Case/evidence.docx", b"e" * 50)
    # The scanned file was replaced by a link to a file of the same size and date.
    scanned = LeftBehind("old.docx", precious.size, precious.modified)
    root.mkdir()
    os.symlink(elsewhere / precious.rel_path, root / "old.docx")
    # A scanned folder was replaced by a link to another folder with the same file in it.
    through = LeftBehind("Case/evidence.docx", precious.size, precious.modified)
    os.symlink(elsewhere / "Case", root / "Case")
    outcome = delete_left_behind(str(root), [scanned, through], stop=threading.Event())
    assert outcome.deleted == 0
    assert [path for path, _ in outcome.skipped] == ["old.docx", "Case/evidence.docx"]
    assert (elsewhere / precious.rel_path).exists()
    assert (root / "old.docx").is_symlink()


def test_paths_outside_the_drive_and_stop(tmp_path: Path) -> None:
    root = tmp_path / "H"
    outside = _file(tmp_path, "outside.txt", b"o")
    escaping = LeftBehind("../outside.txt", outside.size, outside.modified)
    root.mkdir()
    outcome = delete_left_behind(str(root), [escaping], stop=threading.Event())
    assert outcome.skipped == [("../outside.txt", "the path is not inside the H: drive")]
    assert (tmp_path / "outside.txt").exists()
    stop = threading.Event()
    stop.set()
    keep = _file(root, "k.txt", b"k")
    assert delete_left_behind(str(root), [keep], stop=stop).deleted == 0
    assert (root / "k.txt").exists()
