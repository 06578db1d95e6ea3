"""The journal: durable run and item states, resumable runs, corrupt files set aside."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from app.core.guidance import Action, Guidance, GuidanceReport, Reason
from app.core.inventory import FileEntry, Inventory
from app.core.journal import ItemState, Journal, JournalCorrupt, default_path
from app.core.plan import Choices, Plan, build_plan


def _plan(n: int = 4) -> Plan:
    files = [FileEntry(f"dir/f{i}.txt", 100 + i, 1.0, 2.0) for i in range(n)]
    discard = Reason("temp", Action.DISCARD, True, {"en": "Temporary file"}, {"en": "x"})
    guidance = [Guidance(Action.MOVE) for _ in range(n - 1)]
    guidance.append(Guidance(Action.DISCARD, (discard,)))
    report = GuidanceReport(Inventory("/h", files), guidance, policy_name="P")
    return build_plan(report, None, Choices(), destination_folder="H drive")


def test_run_lifecycle(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with Journal(path) as journal:
        assert journal.unfinished_run() is None
        run = journal.start_run(_plan(), account="a@x", settings_digest="d1")
        info = journal.unfinished_run()
        assert info is not None and info.id == run
        assert info.counts == {"pending": 3, "discarded": 1}
        assert info.bytes_to_move == 100 + 101 + 102 and info.to_do == 3
        journal.mark_uploading(
            run,
            0,
            session_url="https://x/up?tempauth=s",
            expiry=9.0,
            dest_path="H drive/dir/f0.txt",
        )
        journal.record_offset(run, 0, 50)
        journal.mark_verified(
            run, 0, item_id="I0", size=100, quick_xor_hash="h", final_path="H drive/dir/f0.txt"
        )
        journal.mark_failed(run, 1, code="locked", message="in use", action="close it")
        journal.add_note(run, 2, "changed since the scan")
        journal.add_note(run, 2, "changed since the scan")
    # reopened from disk: everything survived
    with Journal(path) as journal:
        item0 = journal.item(run, 0)
        assert item0.state is ItemState.VERIFIED and item0.session_url is None
        assert item0.remote_hash == "h" and item0.attempts == 1
        assert journal.item(run, 1).fail_action == "close it"
        assert journal.item(run, 2).notes == ("changed since the scan",)
        assert journal.item(run, 3).reasons == (("temp", "Temporary file"),)
        assert [i.index for i in journal.items(run, [ItemState.PENDING])] == [2]
        journal.finish_run(run)
        assert journal.unfinished_run() is None
        assert journal.reopen_run(run) == 1
        assert journal.item(run, 1).state is ItemState.PENDING
        info = journal.unfinished_run()
        assert info is not None and info.bytes_done == 100


def test_session_url_is_never_in_repr(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite3") as journal:
        run = journal.start_run(_plan(), account="a", settings_digest="d")
        journal.mark_uploading(
            run, 0, session_url="https://x/secret-session", expiry=None, dest_path="p"
        )
        item = journal.item(run, 0)
        assert item.session_url == "https://x/secret-session"
        assert "secret-session" not in repr(item)
        journal.clear_session(run, 0)
        assert journal.item(run, 0).state is ItemState.PENDING


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_default_journal_is_private() -> None:
    with Journal.open_default() as journal:
        journal.start_run(_plan(), account="a", settings_digest="d")
    assert stat.S_IMODE(os.stat(default_path()).st_mode) == 0o600


def _corrupt_cases(tmp_path: Path) -> dict[str, Path]:
    cases = {}
    text = tmp_path / "text.sqlite3"
    text.write_text("hello, not a database")
    cases["not sqlite"] = text
    good = tmp_path / "good.sqlite3"
    with Journal(good) as journal:
        journal.start_run(_plan(300), account="a", settings_digest="d")
    truncated = tmp_path / "truncated.sqlite3"
    data = good.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    cases["truncated"] = truncated
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    cases["wrong schema"] = other
    return cases


def test_corrupt_journals_are_set_aside_not_replaced(tmp_path: Path) -> None:
    for label, path in _corrupt_cases(tmp_path).items():
        original = path.read_bytes()
        with pytest.raises(JournalCorrupt) as caught:
            Journal(path)
        error = caught.value
        assert error.exit_code == 2, label
        assert str(path) in error.message and error.action, label
        assert error.moved_to is not None and error.moved_to.read_bytes() == original, label
        assert not path.exists(), label
        # the next open starts a fresh, empty journal
        with Journal(path) as fresh:
            assert fresh.unfinished_run() is None


def test_a_kill_mid_transaction_leaves_no_partial_run(tmp_path: Path) -> None:
    """start_run is all or nothing: a failure inside it leaves no run and no items."""
    path = tmp_path / "j.sqlite3"
    plan = _plan()
    plan.items.append(plan.items[0])  # duplicate primary key: the insert fails half-way
    with Journal(path) as journal:
        with pytest.raises(sqlite3.IntegrityError):
            journal.start_run(plan, account="a", settings_digest="d")
        assert journal.unfinished_run() is None
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == 0
    conn.close()
