"""One assistant per journal: an OS lock held while a journal is open, released on close
or when the process dies; practice (sandbox) runs keep a journal of their own."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.core.filelock import FileLock, LockHeld
from app.core.journal import Journal, JournalInUse, default_path


def test_a_second_journal_on_the_same_file_is_refused_until_the_first_closes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journal.sqlite3"
    first = Journal(path)
    with pytest.raises(JournalInUse) as caught:
        Journal(path)
    assert caught.value.title == "The assistant is already running"
    assert caught.value.action
    first.close()
    with Journal(path) as again:
        assert again.latest_run() is None


def test_another_process_holding_the_journal_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    script = textwrap.dedent(
        f"""
        import sys
        from app.core.journal import Journal
        journal = Journal({str(path)!r})
        print("open", flush=True)
        sys.stdin.readline()
        journal.close()
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == b"open"
        with pytest.raises(JournalInUse) as caught:
            Journal(path)
        assert str(child.pid) in caught.value.message
    finally:
        child.kill()  # a killed holder must not leave a stale lock
        child.wait()
    with Journal(path) as journal:
        assert journal.unfinished_run() is None


def test_lock_is_released_when_opening_fails(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"not a journal at all")
    with pytest.raises(Exception, match="journal"):
        Journal(path)
    with Journal(path) as fresh:  # the corrupt file was set aside; the lock is free
        assert fresh.latest_run() is None


def test_file_lock_is_exclusive_and_reusable(tmp_path: Path) -> None:
    lock = FileLock(tmp_path / "x.lock")
    other = FileLock(tmp_path / "x.lock")
    with lock:
        assert lock.held
        with pytest.raises(LockHeld):
            other.acquire()
    other.acquire()
    assert other.held
    other.release()


def test_practice_mode_has_its_own_journal() -> None:
    assert default_path(practice=True) != default_path()
    assert default_path(practice=True).parent == default_path().parent
    real = Journal.open_default()
    try:
        # Both open at once: they are different files with different locks.
        with Journal.open_default(practice=True) as practice:
            assert practice.path == default_path(practice=True)
    finally:
        real.close()
