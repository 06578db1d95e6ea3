"""Every recovery path of the upload engine, through the sandbox's fault injection.

Faults are scripted (deterministic): each entry disturbs the next matching request.
Where the sandbox has no such fault (423, a server storing other bytes than it was
sent) a test-only transport answers for the server; it is named as such below.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any, ClassVar

import pytest
import requests
from upload_fixtures import UPN, Rig, module_sandbox_fixture, rig_fixture, write_files

from app.core.journal import ItemState
from app.core.quickxorhash import hash_bytes
from app.m365.http import VerifiedSession
from app.m365.upload_http import FRAGMENT_UNIT
from app.m365.url_sealer import AesGcmSealer

__all__ = ["module_sandbox_fixture", "rig_fixture"]  # fixtures used by name

BIG = 4 * FRAGMENT_UNIT + 777  # with 1 MiB (3 x 320 KiB) fragments: 2 fragments


def _small_fragments(rig: Rig) -> None:
    rig.upload = rig.upload.__class__(concurrency_start=1, concurrency_max=2, fragment_mib=1)


def _assert_moved(rig: Rig, files: dict[str, bytes]) -> None:
    remote = rig.sb.state.files(UPN)
    for rel, data in files.items():
        entry = remote[f"H drive/{rel}"]
        assert entry["size"] == len(data), rel
        assert entry["quickXorHash"] == hash_bytes(data), rel
    assert rig.sb.state.open_sessions(UPN) == []
    assert {i.state for i in rig.journal.items(rig.run_id)} == {ItemState.VERIFIED}


@pytest.mark.parametrize(
    "script",
    [
        ["stored503@upload"],  # stored, but answered 503: ask the session, go on
        ["reset@upload"],  # connection reset mid-fragment: nothing counted, send again
        ["503@upload", "504@upload"],  # 5xx: back off, ask, go on
        ["429@upload"],  # throttled: Retry-After honoured, concurrency halved
        ["429@graph", "503@graph"],  # on Graph calls (createUploadSession): GraphClient retries
        ["expire@upload"],  # 404: session gone; a new session from the start
    ],
)
def test_fault_recovery(rig: Rig, script: list[str]) -> None:
    _small_fragments(rig)
    files = write_files(rig.source, {"a/big.bin": BIG, "b.txt": 5000})
    rig.sb.faults.script(script)
    result = rig.run()
    assert result.error is None, result.error
    assert result.moved == 2
    assert rig.sb.faults.pending_script == 0
    _assert_moved(rig, files)
    if script[0].startswith("stored503"):
        assert result.bytes_sent == sum(len(d) for d in files.values())  # nothing re-sent
    if script[0].startswith("429"):
        assert result.throttle_events >= 1


def test_416_and_rehash_when_the_server_holds_more_than_we_think(rig: Rig) -> None:
    """Another sender (our own crashed process, say) stored fragments we did not send."""
    _small_fragments(rig)
    size = 9 * FRAGMENT_UNIT + 99  # three 1 MiB fragments and a tail
    files = write_files(rig.source, {"doc.bin": size})
    data = files["doc.bin"]
    fragment = 3 * FRAGMENT_UNIT
    injected = threading.Event()

    def meddle(progress: Any) -> None:
        if injected.is_set() or progress.bytes_sent < fragment:
            return
        injected.set()
        item = rig.journal.items(rig.run_id)[0]
        assert item.session_url
        with VerifiedSession(ca_bundle=rig.sb.ca_path) as session:
            for start in (fragment, 2 * fragment):  # two more fragments behind its back
                chunk = data[start : start + fragment]
                rng = f"bytes {start}-{start + len(chunk) - 1}/{size}"
                answer = session.put(item.session_url, data=chunk, headers={"Content-Range": rng})
                assert answer.status_code == 202

    result = rig.run(progress=meddle, progress_interval_s=0)
    assert injected.is_set()
    assert result.moved == 1, result
    _assert_moved(rig, files)
    statuses = [e.get("status") for e in rig.sb.state.request_log()]
    assert 416 in statuses


def test_own_lingering_session_is_deleted_on_409(rig: Rig) -> None:
    _small_fragments(rig)
    # a journal that keeps session URLs (a keyring): a stop leaves the session open
    rig.journal.use_sealer(AesGcmSealer(bytes(range(32))))
    files = write_files(rig.source, {"x/report.docx": BIG})
    stop = threading.Event()
    rig.run(stop=stop, progress=lambda p: p.bytes_sent and stop.set(), progress_interval_s=0)
    item = rig.journal.items(rig.run_id)[0]
    assert item.state is ItemState.UPLOADING and item.session_url
    # the journal believes the session expired; OneDrive still has it open
    rig.journal.mark_uploading(
        rig.run_id, 0, session_url=item.session_url, expiry=1.0, dest_path=item.dest_path
    )
    assert len(rig.sb.state.open_sessions(UPN)) == 1
    rig.sb.reset_log()
    result = rig.run()
    assert result.moved == 1
    _assert_moved(rig, files)
    log = rig.sb.state.request_log()
    assert any(e.get("status") == 409 for e in log)
    assert any(e.get("method") == "DELETE" and "/upload/" in str(e.get("path")) for e in log)


class _ServerSays(VerifiedSession):
    """TEST-ONLY transport: answers for the server where the sandbox has no such fault."""

    rules: ClassVar[list[Any]] = []
    ca: ClassVar[str] = ""

    def request(self, method: Any, url: Any, *args: Any, **kwargs: Any) -> requests.Response:
        response = super().request(method, url, *args, **kwargs)
        for rule in list(self.rules):
            changed = rule(method, str(url), response)
            if changed is not None:
                self.rules.remove(rule)
                return changed
        return response


def _tamper_hash(method: str, url: str, response: requests.Response) -> requests.Response | None:
    if method != "PUT" or "/upload/" not in url or response.status_code not in (200, 201):
        return None
    body = response.json()
    body["file"]["hashes"]["quickXorHash"] = hash_bytes(b"something else")
    response._content = json.dumps(body).encode()
    return response


def _locked(method: str, url: str, response: requests.Response) -> requests.Response | None:
    if method != "POST" or "createUploadSession" not in url:
        return None
    # the session the sandbox opened must not linger: cancel it, then say 423
    requests.delete(response.json()["uploadUrl"], verify=_ServerSays.ca, timeout=10)
    locked = requests.Response()
    locked.status_code = 423
    locked._content = json.dumps(
        {"error": {"code": "resourceLocked", "message": "The resource is locked."}}
    ).encode()
    return locked


@pytest.fixture
def server_says(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    rules: list[Any] = []
    monkeypatch.setattr(_ServerSays, "rules", rules)
    monkeypatch.setattr(_ServerSays, "ca", str(rig.sb.ca_path))
    monkeypatch.setattr(
        rig, "session", lambda: _ServerSays(ca_bundle=rig.sb.ca_path, user_agent="T")
    )
    return rules


def test_hash_mismatch_uploads_once_more(rig: Rig, server_says: list[Any]) -> None:
    files = write_files(rig.source, {"r.docx": 5000})
    server_says.append(_tamper_hash)
    result = rig.run()
    assert result.moved == 1 and result.failed == 0
    _assert_moved(rig, files)
    assert result.bytes_sent == 2 * 5000
    notes = rig.journal.items(rig.run_id)[0].notes
    assert notes == ("OneDrive's first copy did not match what was sent; it was sent again",)


def test_hash_mismatch_twice_fails_loudly(rig: Rig, server_says: list[Any]) -> None:
    write_files(rig.source, {"r.docx": 5000})
    server_says.extend([_tamper_hash, _tamper_hash])
    result = rig.run()
    assert result.failed == 1 and result.moved == 0
    item = rig.journal.items(rig.run_id)[0]
    assert item.state is ItemState.FAILED and item.fail_code == "hash_mismatch"
    assert "NOT moved" in (item.fail_message or "")
    assert "H drive/r.docx" not in rig.sb.state.files(UPN)  # the damaged copy is gone


def test_locked_in_onedrive_is_retried_then_reported(rig: Rig, server_says: list[Any]) -> None:
    files = write_files(rig.source, {"l.docx": 3000})
    server_says.append(_locked)
    assert rig.run().moved == 1  # locked once: retried later, then moved
    _assert_moved(rig, files)


def test_locked_for_good_is_reported_with_what_to_do(rig: Rig, server_says: list[Any]) -> None:
    write_files(rig.source, {"l.docx": 3000})
    server_says.extend([_locked, _locked, _locked])
    result = rig.run()
    assert result.failed == 1
    item = rig.journal.items(rig.run_id)[0]
    assert item.fail_code == "locked_remote" and "Try again" in (item.fail_action or "")
    assert rig.sb.state.open_sessions(UPN) == []


def test_locked_on_the_h_drive(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sharing violation opening the file (Word has it open): retried, then reported.

    Simulated with a patched open(): as root on Linux no permission stops a read.
    """
    write_files(rig.source, {"open-in-word.docx": 4000})
    import builtins

    real_open = builtins.open

    def refusing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith("open-in-word.docx"):
            raise PermissionError(13, "The process cannot access the file", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    result = rig.run()
    assert result.failed == 1
    item = rig.journal.items(rig.run_id)[0]
    assert item.fail_code == "locked_local"
    assert "Close the file" in (item.fail_action or "")


def test_file_changed_during_upload_sends_the_current_version(rig: Rig) -> None:
    _small_fragments(rig)
    write_files(rig.source, {"grow.log": BIG})
    path = rig.source / "grow.log"
    changed = threading.Event()

    def edit(progress: Any) -> None:
        if progress.bytes_sent and not changed.is_set():
            changed.set()
            with path.open("ab") as handle:
                handle.write(b"one more line\n")

    result = rig.run(progress=edit, progress_interval_s=0)
    assert changed.is_set() and result.moved == 1
    final = path.read_bytes()
    entry = rig.sb.state.files(UPN)["H drive/grow.log"]
    assert entry["size"] == len(final) and entry["quickXorHash"] == hash_bytes(final)
    notes = rig.journal.items(rig.run_id)[0].notes
    assert any("changed while it was being sent" in n for n in notes)
    assert rig.sb.state.open_sessions(UPN) == []


def test_vanished_file_is_reported(rig: Rig) -> None:
    write_files(rig.source, {"gone.txt": 100, "stays.txt": 100})
    rig.start()
    (rig.source / "gone.txt").unlink()
    result = rig.run()
    assert result.moved == 1 and result.failed == 1
    gone = next(i for i in rig.journal.items(rig.run_id) if i.rel_path == "gone.txt")
    assert gone.fail_code == "vanished"


def test_already_there_same_bytes_and_different_bytes(rig: Rig, tmp_path: Path) -> None:
    files = write_files(rig.source, {"same.txt": 4000, "differs.txt": 4000, "empty.txt": b""})
    assert rig.run().moved == 3
    (rig.source / "differs.txt").write_bytes(b"new content")
    rig.start()  # a second run over the same drive
    result = rig.run()
    assert result.skipped_existing == 2 and result.moved == 1
    remote = rig.sb.state.files(UPN)
    assert remote["H drive/differs.txt"]["quickXorHash"] == hash_bytes(files["differs.txt"])
    kept = remote["H drive/differs (from H drive).txt"]
    assert kept["quickXorHash"] == hash_bytes(b"new content")
    by_path = {i.rel_path: i for i in rig.journal.items(rig.run_id)}
    assert by_path["same.txt"].state is ItemState.SKIPPED_EXISTING
    assert by_path["differs.txt"].final_path == "H drive/differs (from H drive).txt"
    # a third run recognises the kept copy: nothing is sent, nothing overwritten
    rig.start()
    result = rig.run()
    assert result.skipped_existing == 3 and result.bytes_sent == 0


def test_pause_holds_at_a_fragment_boundary(rig: Rig) -> None:
    _small_fragments(rig)
    files = write_files(rig.source, {"p.bin": BIG})
    pause = threading.Event()
    paused_at: list[int] = []

    def hold(progress: Any) -> None:
        if progress.bytes_sent and not pause.is_set() and not paused_at:
            pause.set()
            paused_at.append(progress.bytes_sent)

    engine = rig.engine(progress=hold, pause=pause, progress_interval_s=0)
    outcome: list[Any] = []
    worker = threading.Thread(target=lambda: outcome.append(engine.run()))
    worker.start()
    # wait for the pause to be reached, then check nothing more arrives at OneDrive
    for _ in range(200):
        sessions = rig.sb.state.open_sessions(UPN)
        if paused_at and sessions and sessions[0]["received"] == paused_at[0]:
            break
        threading.Event().wait(0.02)
    received = rig.sb.state.open_sessions(UPN)[0]["received"]
    assert worker.is_alive()
    assert received == 3 * FRAGMENT_UNIT  # exactly one fragment, then the pause held
    pause.clear()
    worker.join(30)
    assert outcome and outcome[0].moved == 1
    _assert_moved(rig, files)
