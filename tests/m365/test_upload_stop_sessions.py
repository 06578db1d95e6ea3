"""Stopping a run: what happens to open upload sessions, with and without a sealer.

With a sealer (a keyring) the journal keeps each session, sealed, and the resume
continues it. Without one the URL cannot be kept, so a clean stop deletes the session:
otherwise it would hold the file's name in OneDrive until it expires, and the next
launch could not move that file.
"""

from __future__ import annotations

import threading

from upload_fixtures import UPN, Rig, module_sandbox_fixture, rig_fixture, write_files

from app.core.journal import ItemState
from app.m365.upload import UploadProgress
from app.m365.upload_http import FRAGMENT_UNIT
from app.m365.url_sealer import AesGcmSealer

__all__ = ["module_sandbox_fixture", "rig_fixture"]  # fixtures used by name

FILES: dict[str, bytes | int] = {f"f{n}.bin": 4 * 3 * FRAGMENT_UNIT + n for n in range(4)}


def _stop_mid_run(rig: Rig) -> None:
    rig.upload = rig.upload.__class__(concurrency_start=2, concurrency_max=2, fragment_mib=1)
    stop = threading.Event()

    def progress(p: UploadProgress) -> None:
        if p.bytes_sent > 0:
            stop.set()

    result = rig.run(stop=stop, progress=progress, progress_interval_s=0.0)
    assert result.cancelled and result.remaining > 0 and result.failed == 0


def _resume_completes(rig: Rig) -> None:
    result = rig.run()
    assert (result.failed, result.remaining) == (0, 0)
    assert {i.state for i in rig.journal.items(rig.run_id)} == {ItemState.VERIFIED}
    assert rig.sb.state.open_sessions(UPN) == []


def test_without_a_sealer_a_stop_deletes_the_sessions(rig: Rig) -> None:
    write_files(rig.source, FILES)
    assert not rig.journal.keeps_session_urls
    _stop_mid_run(rig)
    assert rig.sb.state.open_sessions(UPN) == []
    assert all(i.session_url is None for i in rig.journal.items(rig.run_id))
    _resume_completes(rig)


def test_with_a_sealer_a_stop_keeps_the_sessions_for_the_resume(rig: Rig) -> None:
    write_files(rig.source, FILES)
    rig.journal.use_sealer(AesGcmSealer(bytes(range(32))))
    _stop_mid_run(rig)
    kept = [i for i in rig.journal.items(rig.run_id) if i.session_url]
    assert kept and len(rig.sb.state.open_sessions(UPN)) == len(kept)
    to_do = rig.journal.items(rig.run_id, [ItemState.PENDING, ItemState.UPLOADING])
    fresh = [i for i in to_do if not i.session_url]
    rig.sb.reset_log()
    _resume_completes(rig)
    # the kept sessions were continued, not opened again
    creates = [e for e in rig.sb.state.request_log() if "createUploadSession" in str(e["path"])]
    assert len(creates) == len(fresh)
