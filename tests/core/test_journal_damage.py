"""Damaged journals: a message and the file set aside, never a traceback.

Each case is a real journal written by the app, then damaged with SQLite directly (a
bad state, broken JSON, a renamed column), or a folder where the file should be.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.guidance import Action, Guidance, GuidanceReport
from app.core.inventory import FileEntry, Inventory
from app.core.journal import Journal, JournalCorrupt
from app.core.plan import Choices, build_plan


def _journal(path: Path) -> int:
    files = [FileEntry(f"f{i}.txt", 10 + i, 1.0, 2.0) for i in range(5)]
    report = GuidanceReport(Inventory("/h", files), [Guidance(Action.MOVE) for _ in files])
    plan = build_plan(report, None, Choices(), destination_folder="H drive")
    with Journal(path) as journal:
        return journal.start_run(plan, account="a@x", settings_digest="d")


def _damage(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


DAMAGE: dict[str, str] = {
    "bogus state": "UPDATE items SET state = 'bogus' WHERE idx = 2",
    "bad JSON in reasons": "UPDATE items SET reasons = '[[\"x\"' WHERE idx = 1",
    "reasons not a list": "UPDATE items SET reasons = '{}' WHERE idx = 1",
    "bad JSON in notes": "UPDATE items SET notes = 'oops' WHERE idx = 0",
    "unknown disposition": "UPDATE items SET disposition = 'teleport' WHERE idx = 3",
    "size not a number": "UPDATE items SET size = 'big' WHERE idx = 4",
    "renamed column": "ALTER TABLE items RENAME COLUMN session_path TO where_to",
    "dropped column": "ALTER TABLE items DROP COLUMN attempts",
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_journal_is_set_aside_with_a_message(tmp_path: Path, case: str) -> None:
    path = tmp_path / "journal.sqlite3"
    _journal(path)
    _damage(path, DAMAGE[case])
    with pytest.raises(JournalCorrupt) as caught:
        Journal(path)
    error = caught.value
    assert str(path) in error.message and error.action
    assert error.moved_to is not None and error.moved_to.exists()
    assert not path.exists()
    with Journal(path) as fresh:  # a fresh journal next time
        assert fresh.latest_run() is None


def test_damage_after_opening_is_reported_not_a_traceback(tmp_path: Path) -> None:
    """Damage written while the journal is open (another program) is found on read."""
    path = tmp_path / "journal.sqlite3"
    run = _journal(path)
    journal = Journal(path)
    try:
        assert len(journal.items(run)) == 5
        _damage(path, "UPDATE items SET state = 'bogus' WHERE idx = 2")
        with pytest.raises(JournalCorrupt) as caught:
            journal.items(run)
        assert caught.value.moved_to is not None and caught.value.moved_to.exists()
    finally:
        journal.close()


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.mkdir(),
        lambda p: (p.mkdir(), (p / "inside.txt").write_text("x")),
    ],
    ids=["empty folder", "folder with files"],
)
def test_a_folder_where_the_journal_should_be(
    tmp_path: Path, make: Callable[[Path], object]
) -> None:
    path = tmp_path / "journal.sqlite3"
    make(path)
    with pytest.raises(JournalCorrupt) as caught:
        Journal(path)
    assert "folder" in caught.value.message
    assert caught.value.moved_to is not None and caught.value.moved_to.is_dir()
    with Journal(path) as fresh:
        assert fresh.latest_run() is None


def test_an_undamaged_journal_opens(tmp_path: Path) -> None:
    """Control: the checks accept what the app itself writes."""
    path = tmp_path / "journal.sqlite3"
    run = _journal(path)
    with Journal(path) as journal:
        assert len(journal.items(run)) == 5
