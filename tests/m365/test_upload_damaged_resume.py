"""A damaged copy left by an interruption is replaced on resume, never kept beside ours.

OneDrive stores a file with other bytes than we sent (the sandbox's `corrupt` fault);
`_verify` sees it and deletes that copy, but the run is stopped (a kill, in the soak at
seed 20261122) between the finding and the DELETE. The resume must delete our damaged
copy and put the file where it belongs, once: it used to keep the damaged file and add
ours as "(from H drive)", a stray corrupted file in the officer's OneDrive.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from upload_fixtures import UPN, Rig, module_sandbox_fixture, rig_fixture, write_files

from app.core.journal import ItemState
from app.core.quickxorhash import hash_bytes
from app.m365.url_sealer import AesGcmSealer

__all__ = ["module_sandbox_fixture", "rig_fixture"]  # fixtures used by name


@pytest.mark.parametrize("expired", [False, True], ids=["session-asked", "session-409"])
def test_damaged_copy_from_before_a_stop_is_replaced_not_kept(rig: Rig, expired: bool) -> None:
    rig.journal.use_sealer(AesGcmSealer(bytes(range(32))))  # session URLs kept (keyring)
    files = write_files(rig.source, {"x/report.docx": 5000})  # one fragment
    rig.sb.faults.script(["corrupt@upload"])
    stop = threading.Event()

    def stop_once_sent(progress: Any) -> None:
        if progress.bytes_sent:  # the last fragment is in: stop before its DELETE
            stop.set()

    rig.run(stop=stop, progress=stop_once_sent, progress_interval_s=0)
    assert rig.sb.faults.pending_script == 0
    item = rig.journal.items(rig.run_id)[0]
    assert item.state is ItemState.UPLOADING and item.session_url, "not the crash state"
    stored = rig.sb.state.files(UPN)
    assert stored["H drive/x/report.docx"]["quickXorHash"] != hash_bytes(files["x/report.docx"])
    if expired:  # the resume then skips asking the session: createUploadSession says 409
        rig.journal.mark_uploading(
            rig.run_id, 0, session_url=item.session_url, expiry=1.0, dest_path=item.dest_path
        )

    result = rig.run()

    assert result.moved == 1 and result.error is None
    remote = {p: e for p, e in rig.sb.state.files(UPN).items() if p.startswith("H drive/")}
    assert list(remote) == ["H drive/x/report.docx"], "a copy was kept beside ours"
    assert remote["H drive/x/report.docx"]["quickXorHash"] == hash_bytes(files["x/report.docx"])
    done = rig.journal.items(rig.run_id)[0]
    assert done.state is ItemState.VERIFIED
    assert (done.final_path or done.dest_path) == "H drive/x/report.docx"
    assert rig.sb.state.open_sessions(UPN) == []
