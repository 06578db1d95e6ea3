"""A file OneDrive stored damaged twice fails loudly, and "Try again" (--resume reopens the
run's failed files) moves it: the officer is never stuck with it (full soak, 2026-11-22)."""

from __future__ import annotations

from upload_fixtures import UPN, Rig, module_sandbox_fixture, rig_fixture, write_files

from app.core.journal import ItemState
from app.core.quickxorhash import hash_bytes

__all__ = ["module_sandbox_fixture", "rig_fixture"]  # fixtures used by name


def test_stored_damaged_twice_then_try_again_moves_it(rig: Rig) -> None:
    files = write_files(rig.source, {"Folder 27/café rota.txt": 4000}, seed=3)
    rig.sb.faults.script(["corrupt@upload", "corrupt@upload"])  # both completions damaged
    first = rig.run()
    assert (first.moved, first.failed) == (0, 1)
    item = rig.journal.items(rig.run_id)[0]
    assert (item.state, item.fail_code) == (ItemState.FAILED, "hash_mismatch")
    assert rig.sb.faults.pending_script == 0
    assert "H drive/Folder 27/café rota.txt" not in rig.sb.state.files(UPN)

    assert rig.journal.reopen_run(rig.run_id) == 1  # what --resume does after such a run
    second = rig.run()
    assert (second.moved, second.failed) == (1, 0)
    remote = {p: e for p, e in rig.sb.state.files(UPN).items() if p.startswith("H drive/")}
    data = files["Folder 27/café rota.txt"]
    assert list(remote) == ["H drive/Folder 27/café rota.txt"]  # no damaged stray beside it
    entry = remote["H drive/Folder 27/café rota.txt"]
    assert (entry["size"], entry["quickXorHash"]) == (len(data), hash_bytes(data))
    assert rig.journal.items(rig.run_id)[0].state is ItemState.VERIFIED
    assert rig.sb.state.open_sessions(UPN) == []
