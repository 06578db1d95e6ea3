"""Upload session URLs in the journal: sealed on disk, readable again only with the key.

The journal files (database, -wal, -shm) are read as raw bytes, as `strings` would: no
URL, no `token=`. The key lives in a real (in-memory) keyring backend.
"""

from __future__ import annotations

import logging
from pathlib import Path

import keyring
import pytest
from keyrings import MemoryKeyring, memory_keyring_fixture, no_keyring_fixture

from app.core.guidance import Action, Guidance, GuidanceReport
from app.core.inventory import FileEntry, Inventory
from app.core.journal import ItemState, Journal
from app.core.plan import Choices, build_plan
from app.m365 import url_sealer
from app.m365.token_cache import KEYRING_SERVICE
from app.m365.url_sealer import AesGcmSealer, keyring_sealer

__all__ = ["memory_keyring_fixture", "no_keyring_fixture"]  # fixtures used by name

URL = "https://127.0.0.1:8443/upload/abc123?token=s3cr3t-credential-value"


def _start(journal: Journal) -> int:
    files = [FileEntry(f"f{i}.bin", 1000, 1.0, 2.0) for i in range(3)]
    report = GuidanceReport(Inventory("/h", files), [Guidance(Action.MOVE) for _ in files])
    plan = build_plan(report, None, Choices(), destination_folder="H drive")
    return journal.start_run(plan, account="a@x", settings_digest="d")


def _raw(path: Path) -> bytes:
    return b"".join(
        side.read_bytes()
        for side in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
        if side.exists()
    )


def _record(journal: Journal, run: int, index: int, url: str = URL) -> None:
    journal.mark_uploading(run, index, session_url=url, expiry=None, dest_path=f"H drive/f{index}")


def test_sealer_round_trip_and_refusals() -> None:
    sealer = AesGcmSealer(bytes(range(32)))
    sealed = sealer.seal(URL)
    assert "token" not in sealed and URL not in sealed
    assert sealer.seal(URL) != sealed  # a fresh nonce each time
    assert sealer.unseal(sealed) == URL
    assert AesGcmSealer(bytes(32)).unseal(sealed) is None  # another key
    assert sealer.unseal(URL) is None  # a plain URL from an older journal
    assert sealer.unseal(sealed[:-4] + "AAAA") is None  # tampered
    assert sealer.unseal("sealed1:!!") is None


def test_journal_files_hold_no_url_and_resume_reads_it(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = Journal(path, sealer=keyring_sealer())
    run = _start(journal)
    _record(journal, run, 0)
    _record(journal, run, 1, URL + "-second")
    journal.clear_session(run, 1)
    assert journal.item(run, 0).session_url == URL
    raw = _raw(path)  # while open, as after a kill -9: the WAL holds the latest pages
    assert b"token=" not in raw and b"s3cr3t" not in raw and b"/upload/" not in raw
    journal.close()
    assert b"token=" not in _raw(path)
    # the next launch (a new process: a new sealer from the same keyring) can resume
    with Journal(path, sealer=keyring_sealer()) as again:
        item = again.item(run, 0)
        assert item.state is ItemState.UPLOADING and item.session_url == URL
        assert again.item(run, 1).session_url is None


def test_key_gone_means_no_url(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal(path, sealer=keyring_sealer()) as journal:
        run = _start(journal)
        _record(journal, run, 0)
    keyring.delete_password(KEYRING_SERVICE, url_sealer.default_key_name())
    with Journal(path, sealer=keyring_sealer()) as journal:
        item = journal.item(run, 0)
        # still "uploading" (a resume will open a new session), but no URL to use
        assert item.state is ItemState.UPLOADING and item.session_url is None


def test_no_keyring_keeps_urls_in_memory_only(
    no_keyring: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    url_sealer._warned.clear()  # said once per process: reset
    sealer = keyring_sealer()
    assert sealer is None
    assert keyring_sealer() is None
    said = [r for r in caplog.records if "not be saved" in r.getMessage()]
    assert len(said) == 1
    path = tmp_path / "journal.sqlite3"
    with Journal(path, sealer=sealer) as journal:
        run = _start(journal)
        _record(journal, run, 0)
        _record(journal, run, 1)
        # this process still knows its own sessions
        assert journal.item(run, 0).session_url == URL
        assert [i.session_url for i in journal.items(run)][:2] == [URL, URL]
        assert b"token=" not in _raw(path)
    with Journal(path) as journal:
        assert journal.item(run, 0).session_url is None


def test_a_locked_keyring_is_no_keyring(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.locked = True
    assert keyring_sealer() is None
