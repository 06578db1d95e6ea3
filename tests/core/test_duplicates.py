"""Duplicate detection on real files: same size and same QuickXorHash, nothing else."""

from __future__ import annotations

import os
import random
import threading
from pathlib import Path

import pytest

from app.core.classify import classify
from app.core.duplicates import find_duplicates, same_size_candidates
from app.core.errors import CancelledError
from app.core.guidance import Action
from app.core.inventory import FileEntry, Inventory
from app.core.policy import load_policy


def make_files(root: Path, contents: dict[str, bytes]) -> list[FileEntry]:
    """Real files; created times in the order given (the first is the original)."""
    files = []
    for order, (rel_path, data) in enumerate(contents.items()):
        path = root / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        stat = path.stat()
        files.append(FileEntry(rel_path, stat.st_size, 1_700_000_000.0 + order, stat.st_mtime))
    return files


@pytest.fixture
def drive(tmp_path: Path) -> tuple[Path, list[FileEntry]]:
    rng = random.Random(7)
    big = rng.randbytes(700_000)  # several QuickXorHash rows and a partial one
    flipped = bytearray(big)
    flipped[123_456] ^= 1  # same size, one bit different
    files = make_files(
        tmp_path,
        {
            "Projects/plan.docx": big,
            "Backup/plan (copy).docx": big,
            "Old/Backup/plan.docx": big,
            "Projects/plan-v2.docx": bytes(flipped),
            "a.txt": b"hello",
            "b.txt": b"world",  # same size as a.txt, different bytes
            "c.txt": b"hello",
            "empty1": b"",
            "empty2": b"",
            "unique.bin": rng.randbytes(1234),
        },
    )
    return tmp_path, files


def test_groups_are_files_with_equal_size_and_hash(drive: tuple[Path, list[FileEntry]]) -> None:
    root, files = drive
    progress: list[tuple[int, int]] = []
    result = find_duplicates(root, files, progress=lambda d, t: progress.append((d, t)))
    names = [[files[i].rel_path for i in group] for group in result.groups]
    assert names == [
        ["Projects/plan.docx", "Backup/plan (copy).docx", "Old/Backup/plan.docx"],
        ["a.txt", "c.txt"],
    ]
    assert result.unreadable == [] and result.changed == []
    assert progress[-1] == (7, 7)
    assert result.bytes_hashed == 4 * 700_000 + 3 * 5


def test_only_same_size_non_empty_files_are_candidates(
    drive: tuple[Path, list[FileEntry]],
) -> None:
    _, files = drive
    groups = same_size_candidates(files)
    sizes = sorted(files[group[0]].size for group in groups)
    assert sizes == [5, 700_000]
    assert not any(files[i].rel_path.startswith("empty") for g in groups for i in g)


def test_unreadable_and_changed_files_are_left_out(
    drive: tuple[Path, list[FileEntry]],
) -> None:
    root, files = drive
    os.remove(root / "c.txt")
    (root / "Backup/plan (copy).docx").write_bytes(b"shorter now")
    result = find_duplicates(root, files)
    index = {f.rel_path: i for i, f in enumerate(files)}
    assert result.unreadable == [index["c.txt"]]
    assert result.changed == [index["Backup/plan (copy).docx"]]
    assert [[files[i].rel_path for i in g] for g in result.groups] == [
        ["Projects/plan.docx", "Old/Backup/plan.docx"]
    ]


def test_stop_cancels_hashing(drive: tuple[Path, list[FileEntry]]) -> None:
    root, files = drive
    stop = threading.Event()
    stop.set()
    with pytest.raises(CancelledError):
        find_duplicates(root, files, stop=stop)


def test_classify_keeps_the_original_copy_and_names_it(
    drive: tuple[Path, list[FileEntry]],
) -> None:
    root, files = drive
    report = classify(Inventory(root=str(root), files=files), load_policy())
    by_path = {f.rel_path: g for f, g in zip(files, report.files, strict=True)}
    assert by_path["Projects/plan.docx"].action is Action.MOVE
    for copy in ("Backup/plan (copy).docx", "Old/Backup/plan.docx"):
        guidance = by_path[copy]
        assert guidance.action is Action.DISCARD
        assert guidance.reasons[0].rule_id == "duplicates"
        assert guidance.reasons[0].detail == "Projects/plan.docx"
    assert by_path["a.txt"].action is Action.MOVE
    assert by_path["c.txt"].reasons[0].detail == "a.txt"
    for kept in ("Projects/plan-v2.docx", "b.txt", "empty1", "empty2", "unique.bin"):
        assert by_path[kept].action is Action.MOVE, kept
