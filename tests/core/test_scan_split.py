"""The helper process that takes whole subtrees of a big CPU-bound scan (POSIX)."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from app.core import scan as scan_module
from app.core import scan_split
from app.core.inventory import Attr, FileEntry, FolderEntry, ProblemKind, ScanProblem
from app.core.scan import scan

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.trees import plan_tree, write_tree

pytestmark = pytest.mark.skipif(not scan_split.AVAILABLE, reason="needs os.fork")


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_tree(tmp_path_factory.mktemp("split") / "H", plan_tree(1500, seed=11))
    os.symlink(root, root / "loop")  # problems found by the helper come back too
    return root


@pytest.fixture
def split_early(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hand subtrees to the helper after a few files, so a small tree exercises it, and
    whatever else the test machine is busy with."""
    monkeypatch.setattr(scan_module, "_SPLIT_AFTER_FILES", 20)
    monkeypatch.setattr(scan_split, "spare_core", lambda: True)


def snapshot(inventory: Any) -> tuple[Any, ...]:
    files = sorted(
        (f.rel_path, f.size, f.created, f.modified, f.attributes) for f in inventory.files
    )
    folders = sorted(
        (f.rel_path, f.file_count, f.total_bytes, f.attributes) for f in inventory.folders
    )
    problems = sorted((p.rel_path, p.kind, p.detail) for p in inventory.problems)
    return files, folders, problems


def test_helper_gives_exactly_the_serial_result(
    tree: Path, split_early: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="app.core.scan"):
        helped = scan(tree, workers=2)
    assert any("helper process" in record.message for record in caplog.records)
    alone = scan(tree, workers=1)  # workers=1 never splits
    assert snapshot(helped) == snapshot(alone)
    assert len(helped.files) == 1500
    assert [p.kind for p in helped.problems] == [ProblemKind.LINK]
    seen: set[str] = set()
    for folder in helped.folders:  # parents first, as the totals pass needs
        assert folder.rel_path == "" or folder.rel_path.rpartition("/")[0] in seen
        seen.add(folder.rel_path)


def test_a_helper_that_dies_is_replaced_by_the_walk_itself(
    tree: Path, split_early: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[int] = []
    real_start = scan_split.Helper.start

    def start_then_kill(scan_subtree: Any) -> scan_split.Helper:
        helper = real_start(scan_subtree)
        started.append(helper.pid)
        os.kill(helper.pid, signal.SIGKILL)  # dies before (or while) it gets work
        return helper

    monkeypatch.setattr(scan_split.Helper, "start", start_then_kill)
    inventory = scan(tree, workers=2)
    assert started
    assert snapshot(inventory) == snapshot(scan(tree, workers=1))
    with pytest.raises(ChildProcessError):
        os.waitpid(started[0], os.WNOHANG)  # reaped: no zombie left behind


def test_a_failing_subtree_is_scanned_again_here(
    tree: Path, split_early: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Any, task: Any) -> Any:
        raise RuntimeError("helper bug")

    monkeypatch.setattr(scan_module._Walk, "scan_subtree", broken)
    inventory = scan(tree, workers=2)
    assert snapshot(inventory) == snapshot(scan(tree, workers=1))


def test_cancel_with_a_busy_helper(
    tree: Path, split_early: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stop = threading.Event()
    helpers: list[scan_split.Helper] = []
    real_give = scan_split.Helper.give

    def give_then_cancel(self: scan_split.Helper, task: Any) -> None:
        real_give(self, task)
        helpers.append(self)
        stop.set()  # the officer presses Cancel while the helper works

    monkeypatch.setattr(scan_split.Helper, "give", give_then_cancel)
    inventory = scan(tree, workers=2, stop=stop)
    assert not inventory.complete
    assert 0 < len(inventory.files) < 1500
    [helper] = helpers
    assert helper.dead
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, os.WNOHANG)  # killed and reaped


def test_no_helper_when_the_machine_is_busy(
    tree: Path, split_early: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan_split, "spare_core", lambda: False)
    monkeypatch.setattr(scan_split.Helper, "start", None)  # would fail if called
    assert len(scan(tree, workers=2).files) == 1500


def test_spare_core_reads_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.2, 1.0, 1.0))  # our scan, mostly
    assert scan_split.spare_core()
    monkeypatch.setattr(os, "getloadavg", lambda: (6.0, 5.0, 4.0))
    assert not scan_split.spare_core()
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert not scan_split.spare_core()


def test_subtree_payload_round_trip() -> None:
    files = [
        FileEntry("a/b.txt", 10, 1.5, 2.5, int(Attr.HIDDEN)),
        FileEntry("a/é c.docx", 0, 3.0, 4.0, 0),
    ]
    folders = [FolderEntry("a", 0, 0, int(Attr.HIDDEN)), FolderEntry("a/d", 0, 0, 0)]
    problems = [ScanProblem("a/x", ProblemKind.LINK, "a link to /y")]
    payload = scan_split.encode_subtree(folders, [-1, 0], [2, 0], [10, 0], files, problems)
    assert scan_split.decode_subtree(payload) == (
        folders,
        [-1, 0],
        [2, 0],
        [10, 0],
        files,
        problems,
    )
    empty = scan_split.encode_subtree([], [], [], [], [], [])
    assert scan_split.decode_subtree(empty) == ([], [], [], [], [], [])


def test_no_helper_when_the_caller_says_so(
    tree: Path, split_early: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The GUI scans with helper_process=False: no fork from a multi-threaded Qt process.
    monkeypatch.setattr(scan_split.Helper, "start", None)  # would fail if called
    assert len(scan(tree, workers=2, helper_process=False).files) == 1500
