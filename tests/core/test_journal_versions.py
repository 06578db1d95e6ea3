"""Journal schema versions: a newer journal is refused and left in place, a version 1
journal is upgraded only when sound, and `Journal.open_read_only` never changes a file.

Each journal is a real one written by the app, then made older, newer or damaged with
SQLite directly.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from app.core import journal_schema
from app.core.guidance import Action, Guidance, GuidanceReport, Reason
from app.core.inventory import FileEntry, Inventory
from app.core.journal import (
    Journal,
    JournalCorrupt,
    JournalFromNewerVersion,
    JournalUnreadable,
)
from app.core.plan import Choices, build_plan

LABEL = "Personnel records - 7 years"


def _journal(path: Path, files: int = 3) -> int:
    entries = [FileEntry(f"hr/f{i}.docx", 10 + i, 1.0, 2.0) for i in range(files)]
    hr = Reason("hr", Action.MOVE, True, {"en": "HR"}, {"en": "HR files"}, label=LABEL)
    report = GuidanceReport(Inventory("/h", entries), [Guidance(Action.MOVE, (hr,))] * files)
    plan = build_plan(report, None, Choices(), destination_folder="H drive")
    with Journal(path) as journal:
        return journal.start_run(plan, account="a@x", settings_digest="d")


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def _make_version_1(path: Path) -> None:
    drops = [f"ALTER TABLE items DROP COLUMN {name}" for name, _ in journal_schema.LABEL_COLUMNS]
    _sql(path, *drops, "UPDATE meta SET value = '1' WHERE key = 'schema_version'")


def _version(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(
            conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        )
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


def test_a_journal_from_a_newer_version_is_refused_and_left_in_place(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    run = _journal(path)
    _sql(path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    before = _digest(path)
    for opening in (Journal, Journal.open_read_only):
        with pytest.raises(JournalFromNewerVersion) as caught:
            opening(path)
        error = caught.value
        assert str(path) in error.message
        assert "newer version" in error.action
        assert "schema 99" in error.detail
    assert _digest(path) == before  # not set aside, not changed
    assert not [name for name in _siblings(path) if ".corrupt-" in name]
    _sql(path, "UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with Journal(path) as journal:  # the newer build's progress is all still there
        assert len(journal.items(run)) == 3


def test_a_damaged_version_1_journal_is_set_aside_as_it_was_not_upgraded(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journal.sqlite3"
    _journal(path, files=400)  # several pages of items, so a data page can be damaged
    _make_version_1(path)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'items'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:  # the items table's root page: garbage
        handle.seek((root - 1) * page_size)
        handle.write(bytes([0x0D]) + b"\xff" * (page_size - 1))
    with pytest.raises(JournalCorrupt) as caught:
        Journal(path)
    moved = caught.value.moved_to
    assert moved is not None and "damaged" in caught.value.message
    conn = sqlite3.connect(moved)  # kept exactly as found: still version 1, no new columns
    columns = [str(r[1]) for r in conn.execute("PRAGMA table_info(items)")]
    conn.close()
    assert _version(moved) == "1"
    assert "wanted_label" not in columns


def test_read_only_reads_a_version_1_journal_without_upgrading_it(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    run = _journal(path)
    _make_version_1(path)
    before = _digest(path)
    with Journal.open_read_only(path) as journal:
        items = journal.items(run)
        assert [item.rel_path for item in items] == ["hr/f0.docx", "hr/f1.docx", "hr/f2.docx"]
        assert all(i.wanted_label == "" and i.retention_label is None for i in items)
        assert journal.unfinished_run() is not None
    assert _version(path) == "1"
    assert _digest(path) == before


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE items SET state = 'bogus' WHERE idx = 1",
        "ALTER TABLE items RENAME COLUMN session_path TO where_to",
        "UPDATE meta SET value = '0' WHERE key = 'schema_version'",
    ],
)
def test_read_only_never_sets_a_journal_aside(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "journal.sqlite3"
    _journal(path)
    _sql(path, damage)
    before = _digest(path)
    with pytest.raises(JournalUnreadable) as caught:
        Journal.open_read_only(path)
    assert str(path) in caught.value.message
    assert _digest(path) == before
    assert not [name for name in _siblings(path) if ".corrupt-" in name]
    wal = path.with_name(path.name + "-wal")  # SQLite's reader may leave an empty one
    assert not wal.exists() or wal.stat().st_size == 0


def test_read_only_reads_while_the_assistant_holds_the_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    run = _journal(path)
    with Journal(path) as writer:
        writer.mark_verified(run, 0, item_id="01A", size=10, quick_xor_hash="h", final_path="p")
        with Journal.open_read_only(path) as reader:
            info = reader.run_info(run)
            assert info.counts == {"verified": 1, "pending": 2}
        writer.mark_verified(run, 1, item_id="01B", size=11, quick_xor_hash="h", final_path="q")


def test_read_only_of_a_missing_journal_is_empty_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nothing here" / "journal.sqlite3"
    with Journal.open_read_only(path) as journal:
        assert journal.latest_run() is None
    assert not path.parent.exists()


def test_support_bundle_reads_an_old_journal_and_leaves_it_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.cli import main
    from app.core import support_bundle
    from app.core.journal import default_path

    # The session code is made (and logged) once per process: ours is put back after, so
    # a later test's log still shows the code it expects.
    monkeypatch.setattr(support_bundle, "_SESSION_CODE", support_bundle._SESSION_CODE)

    path = default_path()
    run = _journal(path)
    _make_version_1(path)
    before = _digest(path)
    assert main(["support-bundle", "--out", str(tmp_path / "b.zip")]) == 0
    assert "Not included" not in capsys.readouterr().out
    assert _version(path) == "1" and _digest(path) == before
    _sql(path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    assert main(["support-bundle", "--out", str(tmp_path / "c.zip")]) == 0
    assert "newer version" in capsys.readouterr().out
    assert path.exists() and _version(path) == "99"
    _sql(path, "UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Journal(path) as journal:  # the migration's progress is still there to continue
        assert len(journal.items(run)) == 3


def test_hand_back_check_reads_the_journal_without_upgrading_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main
    from app.core.journal import default_path

    path = default_path(practice=True)  # --sandbox: the practice journal
    _journal(path)
    _make_version_1(path)
    before = _digest(path)
    folder = tmp_path / "Desktop"
    folder.mkdir()
    (folder / "note.txt").write_text("not in OneDrive", encoding="utf-8")
    code = main(["--sandbox", "hand-back-check", str(folder)])
    out = capsys.readouterr().out
    assert code == 3, out  # note.txt is not in OneDrive: needs attention
    assert "note.txt" in out and "checking against OneDrive only" not in out
    assert _version(path) == "1" and _digest(path) == before


def test_the_wizard_refuses_a_newer_journal_before_any_page(tmp_path: Path) -> None:
    from app.commands.wizard import _journal_problem

    path = tmp_path / "journal.sqlite3"
    _journal(path)
    _sql(path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'")

    class Session:  # what `_journal_problem` asks of the wizard's session: its journal
        def journal(self) -> Journal:
            return Journal(path)

    problem = _journal_problem(Session())
    assert isinstance(problem, JournalFromNewerVersion)
    assert _version(path) == "99"
