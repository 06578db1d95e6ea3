"""The upload engine against the real sandbox over HTTPS: the happy path and the rules.

Shared set-up for the upload tests lives in `upload_fixtures` (a plain module beside
them) so that every test_upload*.py builds runs the same way.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from upload_fixtures import UPN, Rig, module_sandbox_fixture, rig_fixture, write_files

from app.core.journal import ItemState
from app.core.quickxorhash import hash_bytes
from app.m365.upload_http import FRAGMENT_UNIT, fragment_size

__all__ = ["module_sandbox_fixture", "rig_fixture"]  # fixtures used by name


def test_fragment_size_rules() -> None:
    assert fragment_size(10) == 10 * 1024 * 1024 // FRAGMENT_UNIT * FRAGMENT_UNIT
    assert fragment_size(10) % FRAGMENT_UNIT == 0
    assert fragment_size(60) <= 60 * 1024 * 1024
    assert fragment_size(1) == 3 * FRAGMENT_UNIT
    assert fragment_size(0) >= FRAGMENT_UNIT


def test_moves_every_file_verified_with_times(rig: Rig, tmp_path: Path) -> None:
    files = write_files(
        rig.source,
        {
            "a.txt": b"hello",
            "Docs/big.bin": 3 * FRAGMENT_UNIT + 12345,
            "Docs/Deep/empty.txt": b"",
            "Docs/Deep/x.docx": 2 * FRAGMENT_UNIT,
        },
    )
    result = rig.run()
    assert result.error is None and result.moved == 4 and result.failed == 0
    remote = rig.sb.state.files(UPN)
    for rel, data in files.items():
        entry = remote[f"H drive/{rel}"]
        assert entry["size"] == len(data)
        assert entry["quickXorHash"] == hash_bytes(data)
        local_mtime = int((rig.source / rel).stat().st_mtime)  # empty files too (PATCH)
        assert entry["lastModifiedDateTime"] == rig.iso(local_mtime)
    assert rig.sb.state.open_sessions(UPN) == []
    states = {item.state for item in rig.journal.items(rig.run_id)}
    assert states == {ItemState.VERIFIED}
    assert rig.journal.unfinished_run() is None
    # every non-empty file went through an upload session with fileSystemInfo
    log = rig.sb.state.request_log()
    creates = [e for e in log if "createUploadSession" in str(e.get("path", ""))]
    assert len(creates) == 3
    # each destination folder created once ("H drive", "Docs", "Deep")
    folder_posts = [e for e in log if e["method"] == "POST" and e["path"].endswith("/children")]
    assert len(folder_posts) == 3
    # fragments never carry our token (upload URLs are pre-authenticated)
    assert all(e["authorization"] == "absent" for e in log if "/upload/" in e["path"])


def test_no_upload_url_or_token_in_the_log(rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    """Upload URLs carry a credential: faults make the engine log; the URL never appears."""
    caplog.set_level(logging.DEBUG)
    write_files(rig.source, {"big.bin": 3 * FRAGMENT_UNIT + 5, "small.txt": 10})
    rig.upload = rig.upload.__class__(concurrency_start=1, fragment_mib=1)
    rig.sb.faults.script(["503@upload", "reset@upload", "stored503@upload"])
    assert rig.run().moved == 2
    assert rig.sb.faults.pending_script == 0
    ours = [r.getMessage() for r in caplog.records if r.name.startswith(("app.m365", "app.core"))]
    assert any("/upload/" in line for line in ours)  # the engine did log the retries
    assert not any("token=" in line for line in ours)  # path only, never the query


def test_progress_is_reported_and_throttled(rig: Rig) -> None:
    write_files(rig.source, {f"f{i}.txt": 1000 + i for i in range(20)})
    seen = []
    result = rig.run(progress=seen.append)
    assert result.moved == 20
    last = seen[-1]
    assert last.files_done == last.files_total == 20
    assert last.bytes_done == last.bytes_total == sum(1000 + i for i in range(20))
    assert len(seen) < 60  # a few per second, not one per event


def test_stop_leaves_work_resumable(rig: Rig) -> None:
    write_files(rig.source, {f"f{i}.bin": 2 * FRAGMENT_UNIT for i in range(6)})
    stop = threading.Event()
    stop.set()
    result = rig.run(stop=stop)
    assert result.cancelled and result.remaining == 6
    assert rig.journal.unfinished_run() is not None
    result = rig.run()
    assert result.moved == 6 and result.remaining == 0
