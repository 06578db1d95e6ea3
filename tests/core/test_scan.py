"""The scan on real trees: contents and folder totals against an independent os.walk,
serial and parallel walks, progress throttling and cancelling."""

from __future__ import annotations

import itertools
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.inventory import Attr, Inventory
from app.core.scan import PROGRESS_INTERVAL_S, ScanProgress, scan

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.trees import plan_tree, write_tree


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 600 files in 60 folders, seeded: sizes, depths and dates vary."""
    return write_tree(tmp_path_factory.mktemp("tree") / "H", plan_tree(600, seed=7))


def walk_reference(root: Path) -> tuple[dict[str, tuple[int, float]], dict[str, tuple[int, int]]]:
    """Files (size, mtime) and recursive folder totals, computed independently."""
    files: dict[str, tuple[int, float]] = {}
    totals: dict[str, list[int]] = {}
    for folder, _dirs, names in os.walk(root):
        rel = Path(folder).relative_to(root).as_posix()
        rel = "" if rel == "." else rel
        totals.setdefault(rel, [0, 0])
        for name in names:
            st = os.lstat(os.path.join(folder, name))
            files[f"{rel}/{name}" if rel else name] = (st.st_size, st.st_mtime)
    for rel_file, (size, _) in files.items():
        parts = rel_file.split("/")[:-1]
        for depth in range(len(parts) + 1):
            total = totals["/".join(parts[:depth])]
            total[0] += 1
            total[1] += size
    return files, {rel: (count, size) for rel, (count, size) in totals.items()}


def contents(
    inventory: Inventory,
) -> tuple[dict[str, tuple[int, float]], dict[str, tuple[int, int]]]:
    files = {f.rel_path: (f.size, f.modified) for f in inventory.files}
    folders = {f.rel_path: (f.file_count, f.total_bytes) for f in inventory.folders}
    assert len(files) == len(inventory.files), "a file was recorded twice"
    return files, folders


def latency_lister(delay_s: float, seen_threads: set[str] | None = None):  # type: ignore[no-untyped-def]
    """os.scandir behind a simulated network round trip."""

    def lister(path: str) -> Iterator[os.DirEntry[str]]:
        if seen_threads is not None:
            seen_threads.add(threading.current_thread().name)
        time.sleep(delay_s)
        return os.scandir(path)

    return lister


def test_serial_scan_matches_os_walk(tree: Path) -> None:
    inventory = scan(tree, workers=1)
    assert inventory.complete and not inventory.problems
    assert contents(inventory) == walk_reference(tree)
    assert inventory.folders[0].rel_path == ""
    assert inventory.folders[0].file_count == 600
    assert inventory.total_bytes == inventory.folders[0].total_bytes
    assert inventory.root == str(tree)
    assert inventory.started <= inventory.finished


def test_parallel_scan_matches_os_walk_and_really_runs_in_threads(tree: Path) -> None:
    threads: set[str] = set()
    inventory = scan(tree, workers=4, lister=latency_lister(0.006, threads))
    assert contents(inventory) == walk_reference(tree)
    assert any(name.startswith("scan-") for name in threads), threads
    # Parents come before their children (the totals pass relies on it).
    seen: set[str] = set()
    for folder in inventory.folders:
        assert folder.rel_path == "" or folder.rel_path.rpartition("/")[0] in seen
        seen.add(folder.rel_path)


def test_fast_local_listings_stay_serial(tree: Path) -> None:
    threads: set[str] = set()

    def lister(path: str) -> Iterator[os.DirEntry[str]]:
        threads.add(threading.current_thread().name)
        return os.scandir(path)

    scan(tree, workers=8, lister=lister)
    assert threads == {threading.current_thread().name}


def test_times_paths_and_attributes(tmp_path: Path) -> None:
    root = tmp_path / "H"
    (root / "Cases" / ".cache").mkdir(parents=True)
    (root / "Cases" / "empty folder").mkdir()
    (root / "Cases" / "notes.txt").write_bytes(b"x" * 1234)
    (root / "Cases" / ".hidden.txt").write_bytes(b"")
    (root / "Cases" / ".cache" / "a.tmp").write_bytes(b"abc")
    (root / "readonly.pdf").write_bytes(b"%PDF")
    os.chmod(root / "readonly.pdf", 0o444)
    os.utime(root / "Cases" / "notes.txt", (1_500_000_000, 1_400_000_000))
    inventory = scan(root)
    files = {f.rel_path: f for f in inventory.files}
    assert set(files) == {
        "Cases/notes.txt",
        "Cases/.hidden.txt",
        "Cases/.cache/a.tmp",
        "readonly.pdf",
    }
    notes = files["Cases/notes.txt"]
    assert (notes.size, notes.modified, notes.name, notes.parent) == (
        1234,
        1_400_000_000,
        "notes.txt",
        "Cases",
    )
    assert notes.created <= notes.modified  # Linux has no birth time: never after modified
    assert notes.attributes == 0
    assert files["Cases/.hidden.txt"].attributes & Attr.HIDDEN
    assert files["Cases/.hidden.txt"].size == 0
    assert files["readonly.pdf"].attributes & Attr.READONLY
    folders = {f.rel_path: f for f in inventory.folders}
    assert folders["Cases/.cache"].attributes & Attr.HIDDEN
    assert (
        folders["Cases/empty folder"].file_count,
        folders["Cases/empty folder"].total_bytes,
    ) == (
        0,
        0,
    )
    assert (folders["Cases"].file_count, folders["Cases"].total_bytes) == (3, 1237)
    assert (folders[""].file_count, folders[""].total_bytes) == (4, 1241)


def test_paths_longer_than_260_characters(tmp_path: Path) -> None:
    parts = [f"Operation {n} case papers and witness statements" for n in range(10)]
    deep = tmp_path.joinpath("H", *parts)
    deep.mkdir(parents=True)
    (deep / "final statement (signed).docx").write_bytes(b"z" * 10)
    inventory = scan(tmp_path / "H")
    [entry] = inventory.files
    assert len(entry.rel_path) > 260
    assert entry.rel_path == "/".join([*parts, "final statement (signed).docx"])
    assert not inventory.problems


def test_progress_is_throttled_and_ends_with_the_totals(tree: Path) -> None:
    calls: list[tuple[float, ScanProgress]] = []
    started = time.monotonic()
    inventory = scan(
        tree,
        workers=1,
        lister=latency_lister(0.004),
        progress=lambda p: calls.append((time.monotonic(), p)),
    )
    elapsed = time.monotonic() - started
    # ~61 listings of >= 4 ms: at least 0.24 s, so throttling has something to do.
    assert elapsed > 0.2
    assert 2 <= len(calls) <= elapsed / PROGRESS_INTERVAL_S + 2
    # The last call (the totals) is always made; every other one is throttled.
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(calls[:-1])]
    assert all(gap >= PROGRESS_INTERVAL_S * 0.99 for gap in gaps), gaps
    counts = [p.files for _, p in calls]
    assert counts == sorted(counts)
    final = calls[-1][1]
    assert (final.files, final.folders, final.bytes) == (
        len(inventory.files),
        len(inventory.folders),
        inventory.total_bytes,
    )


@pytest.mark.parametrize("workers", [1, 4])
def test_cancel_returns_what_it_has(tree: Path, workers: int) -> None:
    stop = threading.Event()
    listed = 0
    threads: set[str] = set()

    def lister(path: str) -> Iterator[os.DirEntry[str]]:
        nonlocal listed
        listed += 1
        threads.add(threading.current_thread().name)
        if listed == 30:
            stop.set()
        time.sleep(0.006)  # a network round trip: lets the parallel walk take over
        return os.scandir(path)

    inventory = scan(tree, workers=workers, stop=stop, lister=lister)
    assert not inventory.complete
    assert any(name.startswith("scan-") for name in threads) == (workers > 1)
    full_files, _ = walk_reference(tree)
    files, folders = contents(inventory)
    assert 0 < len(files) < len(full_files)
    assert all(full_files[path] == value for path, value in files.items())
    assert len(folders) < 61
    # Totals describe what was scanned: the root's equal the files recorded.
    assert folders[""] == (len(files), sum(size for size, _ in files.values()))


def test_cancel_before_start_returns_empty_incomplete(tree: Path) -> None:
    stop = threading.Event()
    stop.set()
    inventory = scan(tree, stop=stop)
    assert not inventory.complete
    assert inventory.files == []


@pytest.mark.parametrize("workers", [1, 4])
def test_a_bug_in_the_lister_is_raised_not_hung(tree: Path, workers: int) -> None:
    listed = 0
    threads: set[str] = set()

    def lister(path: str) -> Iterator[os.DirEntry[str]]:
        nonlocal listed
        listed += 1
        threads.add(threading.current_thread().name)
        if listed == 40:
            raise ValueError("a bug")
        time.sleep(0.006)
        return os.scandir(path)

    with pytest.raises(ValueError, match="a bug"):
        scan(tree, workers=workers, lister=lister)
    assert any(name.startswith("scan-") for name in threads) == (workers > 1)


def test_synthetic_inventory_is_what_a_scan_of_the_same_plan_finds(tmp_path: Path) -> None:
    """benchmarks.trees.synthetic_inventory stands in for scans in other benchmarks."""
    from benchmarks.trees import synthetic_inventory

    scanned = scan(write_tree(tmp_path / "H", plan_tree(300, seed=5)))
    synthetic = synthetic_inventory(300, seed=5)

    def shape(inventory: Inventory) -> tuple[object, ...]:
        return (
            sorted((f.rel_path, f.size) for f in inventory.files),
            sorted((f.rel_path, f.file_count, f.total_bytes) for f in inventory.folders),
        )

    assert shape(synthetic) == shape(scanned)
