"""A migration killed with SIGKILL at random (seeded) points, then resumed.

The `migrate` process is a real subprocess attached to a sandbox this test owns, so
OneDrive's state and the bytes it received can be checked after the kill. After the
resume: every chosen file is in OneDrive exactly once with our size, hash and modified
time (to the second), no upload session is left open, the H: drive is untouched, and
at most one fragment per file in flight was sent twice.
"""

from __future__ import annotations

import datetime
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.journal import ItemState, Journal
from app.core.quickxorhash import hash_file
from app.m365.upload_http import fragment_size
from app.sandbox.server import Sandbox, SandboxConfig

FRAGMENT_MIB = 1
ROOT = Path(__file__).resolve().parents[2]  # the checkout: `python -m app` runs from here
CONCURRENCY = 3


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    # Short idle expiry: a kill between OneDrive opening a session and the journal
    # recording its URL leaves a session nobody can address; it holds the name until it
    # expires, and the resumed run retries the file after that (upload_resume.worth_resuming).
    config = SandboxConfig(state_dir=tmp_path_factory.mktemp("sb"), session_idle_s=6.0)
    with Sandbox(config).start() as sb:
        yield sb


def make_drive(root: Path, seed: int, *, files: int = 24) -> None:
    rng = random.Random(seed)
    for n in range(files):
        size = rng.choice([0, 300, 20_000, 900_000, 2_500_000, 3_600_000])
        path = root / f"Folder {n % 4}" / f"file {n}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rng.randbytes(size))
        when = 1_600_000_000 + rng.randrange(10**8)
        os.utime(path, (when, when))


def snapshot(root: Path) -> dict[str, tuple[int, int, str]]:
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            st = path.stat()
            out[path.relative_to(root).as_posix()] = (
                st.st_size,
                st.st_mtime_ns,
                hash_file(path)[1],
            )
    return out


def migrate(
    sb: Sandbox, home: Path, upn: str, *args: str, fragment_mib: int = FRAGMENT_MIB
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "MIGRATION_ASSISTANT_HOME": str(home),
        # A keyring that outlives the process: the upload-URL key must survive the kill.
        "PYTHON_KEYRING_BACKEND": "file_keyring.FileKeyring",
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")) if p
        ),
        "MA_TEST_KEYRING_FILE": str(home.parent / "keyring.json"),
    }
    command = [
        sys.executable,
        "-m",
        "app",
        "--set",
        f"upload.fragment_mib={fragment_mib}",
        "--set",
        f"upload.concurrency_start={CONCURRENCY}",
        "--set",
        f"upload.concurrency_max={CONCURRENCY}",
        "migrate",
        "--sandbox-attach",
        str(sb.state_dir),
        "--sandbox-user",
        upn,
        *args,
    ]
    return subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )


def upload_puts(sb: Sandbox, upn: str) -> list[dict[str, object]]:
    return [
        e
        for e in sb.state.request_log()
        if e["method"] == "PUT" and "/upload/" in str(e["path"]) and e.get("upn") == upn
    ]


def kill_and_resume(sb: Sandbox, tmp_path: Path, upn: str, seed: int) -> None:
    rng = random.Random(seed)
    source = tmp_path / "H"
    make_drive(source, seed)
    before = snapshot(source)
    home = tmp_path / "home"
    first = migrate(sb, home, upn, "--source", str(source), "--accept-guidance")
    kill_after = rng.randrange(2, 30)  # fragments received before the plug is pulled
    deadline = time.monotonic() + 60
    while len(upload_puts(sb, upn)) < kill_after and first.poll() is None:
        assert time.monotonic() < deadline, "the migration never got going"
        time.sleep(0.01)
    first.send_signal(signal.SIGKILL)
    first.wait(30)
    assert first.returncode == -signal.SIGKILL, "finished before the kill: raise kill_after"
    journal_files = [p for p in home.rglob("*journal.sqlite3*") if not p.name.endswith(".lock")]
    assert journal_files, "the killed run left no journal"
    for path in journal_files:  # what `strings` would find: no upload URL, no credential
        raw = path.read_bytes()
        assert b"token=" not in raw and b"/upload/" not in raw, path.name

    second = migrate(sb, home, upn, "--resume")
    out, _ = second.communicate(timeout=120)
    assert second.returncode == 0, out.decode()

    # every chosen file exactly once, with our bytes and our modified time
    with Journal.open_default(practice=True) as journal:
        run = journal.latest_run()
        assert run is not None and run.finished is not None
        items = journal.items(run.id)
    remote = {p: e for p, e in sb.state.files(upn).items() if p.startswith("H drive/")}
    moved = [i for i in items if i.state is ItemState.VERIFIED]
    assert len(moved) == len(remote) == sum(1 for i in items if i.disposition.value == "move")
    for item in moved:
        entry = remote[item.final_path or item.dest_path]
        size, mtime_ns, digest = before[item.rel_path]
        assert (entry["size"], entry["quickXorHash"]) == (size, digest), item.rel_path
        stamp = datetime.datetime.fromtimestamp(mtime_ns // 10**9, tz=datetime.UTC)
        # empty files too: their dates are set with PATCH after the PUT
        assert entry["lastModifiedDateTime"] == stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert sb.state.open_sessions(upn) == []
    assert snapshot(source) == before  # nothing on the H: drive changed

    sent = sum(
        int(dict(e.get("headers") or {}).get("Content-Length", 0)) for e in upload_puts(sb, upn)
    )
    needed = sum(i.size for i in moved)
    assert sent - needed <= CONCURRENCY * fragment_size(FRAGMENT_MIB), (sent, needed)


@pytest.mark.parametrize("point", [0, 1, 2])
def test_killed_at_a_random_point_and_resumed(
    sandbox: Sandbox, tmp_path: Path, point: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    upn = sandbox.users[1 + point].upn  # a fresh OneDrive for each kill point
    monkeypatch.setenv("MIGRATION_ASSISTANT_HOME", str(tmp_path / "home"))
    kill_and_resume(sandbox, tmp_path, upn, seed=1000 + point)


def test_ctrl_c_stops_at_a_safe_point_and_resumes(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upn = sandbox.users[0].upn
    home = tmp_path / "home"
    monkeypatch.setenv("MIGRATION_ASSISTANT_HOME", str(home))
    source = tmp_path / "H"
    make_drive(source, seed=77)
    first = migrate(sandbox, home, upn, "--source", str(source), "--accept-guidance")
    deadline = time.monotonic() + 60
    while len(upload_puts(sandbox, upn)) < 3 and first.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    first.send_signal(signal.SIGINT)
    out, _ = first.communicate(timeout=60)
    assert first.returncode == 3, out.decode()
    assert b"--resume" in out
    with Journal.open_default(practice=True) as journal:
        assert journal.unfinished_run() is not None
    second = migrate(sandbox, home, upn, "--resume")
    out, _ = second.communicate(timeout=120)
    assert second.returncode == 0, out.decode()
    assert sandbox.state.open_sessions(upn) == []
