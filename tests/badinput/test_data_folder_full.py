"""The officer's data folder full: said plainly, nothing lost, the migration continues
once there is room.

A real `migrate` subprocess runs with a file-size limit (RLIMIT_FSIZE, SIGXFSZ ignored),
so every write past the limit fails with EFBIG as on a full disk. (As root, permissions
do not make a folder read-only, and a full disk cannot be made without mounting one:
the limit reaches the same code paths, SQLite's "cannot write" errors.) Two cases: the
journal cannot even be created, and it fills up mid-run. Afterwards, without the limit,
the migration finishes: every file in OneDrive once, verified; the journal was never
set aside as "damaged"; the H: drive unchanged.
"""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.sandbox.server import Sandbox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))  # e2e helpers
from test_kill_resume import snapshot

UPN = "tom.jones@sandbox.police.uk"
ROOT = Path(__file__).resolve().parents[2]  # `python -m app` runs from the checkout


def migrate(
    sb: Sandbox, home: Path, *args: str, limit: int | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "migrate", "--sandbox-attach", str(sb.state_dir), *args],
        env={**os.environ, "MIGRATION_ASSISTANT_HOME": str(home)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=None if limit is None else lambda: limit_file_size(limit),
    )


def limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("limit", [30_000, 120_000], ids=["at-open", "mid-run"])
def test_data_folder_full(sandbox: Sandbox, tmp_path: Path, limit: int) -> None:
    source = tmp_path / "H"
    rng = random.Random(limit)
    for i in range(30):
        path = source / f"Folder {i % 3}" / f"file {i}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rng.randbytes(5_000 + i))
    before = snapshot(source)
    home = tmp_path / "home"

    full = migrate(
        sandbox,
        home,
        "--sandbox-user",
        UPN,
        "--source",
        str(source),
        "--accept-guidance",
        limit=limit,
    )
    assert full.returncode in (2, 3), full.stdout + full.stderr
    assert "The migration journal cannot be written" in full.stderr, full.stderr
    assert "Traceback" not in full.stdout + full.stderr
    assert not list(home.rglob("*.corrupt-*")), "a sound journal was set aside as damaged"

    # Room again: --resume (when the run had started) or the same command finishes.
    if full.returncode == 3:
        second = migrate(sandbox, home, "--sandbox-user", UPN, "--resume")
    else:
        second = migrate(
            sandbox, home, "--sandbox-user", UPN, "--source", str(source), "--accept-guidance"
        )
    assert second.returncode == 0, second.stdout + second.stderr
    remote = {p: e for p, e in sandbox.state.files(UPN).items() if p.startswith("H drive/")}
    assert len(remote) == len(before)
    for rel, (size, _mtime, digest) in before.items():
        entry = remote[f"H drive/{rel}"]
        assert (entry["size"], entry["quickXorHash"]) == (size, digest), rel
    assert sandbox.state.open_sessions(UPN) == []
    assert snapshot(source) == before
