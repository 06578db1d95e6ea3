"""One atomic writer for receipts, reports, bundles and saved checks."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from app.core.atomic_file import open_atomically, write_atomically


def test_written_whole_with_its_mode_and_nothing_left_beside(tmp_path: Path) -> None:
    target = write_atomically(tmp_path / "out" / "receipt.csv", b"first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert os.listdir(target.parent) == ["receipt.csv"]
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failure_keeps_the_previous_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(RuntimeError), open_atomically(target, encoding="utf-8") as handle:
        handle.write("half of a ")
        raise RuntimeError("stopped half way")
    assert target.read_text(encoding="utf-8") == "previous"
    assert os.listdir(tmp_path) == ["report.html"]
