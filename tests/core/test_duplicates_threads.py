"""Duplicate hashing uses threads only when reading is mostly waiting (a network drive).

On a local drive the threads would only queue for the GIL (and keep it from the GUI
thread), so the files are hashed on the calling thread.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from app.core.duplicates import Hasher, find_duplicates
from app.core.inventory import FileEntry


def drive(tmp_path: Path, pairs: int) -> list[FileEntry]:
    """`pairs` pairs of identical files (each pair its own size), real on disk."""
    files = []
    for pair in range(pairs):
        data = bytes([pair % 251]) * (100 + pair)
        for copy in range(2):
            path = tmp_path / f"folder {pair}" / f"copy {copy}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            files.append(FileEntry(f"folder {pair}/copy {copy}.txt", len(data), 0.0, 0.0))
    return files


def recording_hasher(threads: set[str], latency_s: float = 0.0) -> Hasher:
    def hasher(path: str, stop: threading.Event | None) -> tuple[int, str]:
        threads.add(threading.current_thread().name)
        if latency_s:
            time.sleep(latency_s)  # a network round trip, as the scan's latency tests do
        data = Path(path).read_bytes()
        return len(data), data[:1].hex() + str(len(data))

    return hasher


def test_a_local_drive_is_hashed_on_the_calling_thread(tmp_path: Path) -> None:
    files = drive(tmp_path, 40)
    threads: set[str] = set()
    found = find_duplicates(tmp_path, files, hasher=recording_hasher(threads), workers=4)
    assert threads == {threading.current_thread().name}
    assert len(found.groups) == 40


def test_a_slow_drive_is_hashed_by_the_pool(tmp_path: Path) -> None:
    files = drive(tmp_path, 40)
    threads: set[str] = set()
    found = find_duplicates(
        tmp_path, files, hasher=recording_hasher(threads, latency_s=0.003), workers=4
    )
    assert any(name.startswith("dup") for name in threads)
    assert len(found.groups) == 40
    assert found.groups == sorted(found.groups)
