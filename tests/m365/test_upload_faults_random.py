"""Many faults at random (seeded) over a whole run: every file still arrives, verified."""

from __future__ import annotations

import pytest
from upload_fixtures import UPN, Rig, module_sandbox_fixture, rig_fixture, write_files

from app.core.journal import ItemState
from app.core.quickxorhash import hash_bytes
from app.m365.upload_http import FRAGMENT_UNIT

__all__ = ["module_sandbox_fixture", "rig_fixture"]  # fixtures used by name


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_faults_everything_arrives_verified(rig: Rig, seed: int) -> None:
    rig.upload = rig.upload.__class__(concurrency_start=3, concurrency_max=4, fragment_mib=1)
    spec = {f"d{i % 3}/f{i}.bin": (i * 7919) % (5 * FRAGMENT_UNIT) for i in range(24)}
    files = write_files(rig.source, spec, seed=seed)
    rig.sb.faults.set(
        f"rate=0.25,kinds=429:0|503:0|504|reset|stored503|expire|401@upload|changed,seed={seed}"
    )
    try:
        result = rig.run()
    finally:
        rig.sb.faults.clear()
    assert result.error is None, result.error
    assert result.moved == len(files) and result.failed == 0
    remote = rig.sb.state.files(UPN)
    for rel, data in files.items():
        entry = remote[f"H drive/{rel}"]
        assert (entry["size"], entry["quickXorHash"]) == (len(data), hash_bytes(data))
    assert len([p for p in remote if p.startswith("H drive/")]) == len(files)
    assert rig.sb.state.open_sessions(UPN) == []
    assert {i.state for i in rig.journal.items(rig.run_id)} == {ItemState.VERIFIED}
    assert len(rig.sb.faults.injected) >= 5  # the faults really happened
