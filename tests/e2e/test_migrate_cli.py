"""`migration-assistant migrate` end to end: scan, policy, plan, journal, upload, summary.

The command runs in this process (app.cli.main) against a sandbox it attaches to (the
test owns the sandbox, so it can look at OneDrive afterwards), or one it starts itself.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.core.journal import Journal
from app.core.quickxorhash import hash_bytes
from app.sandbox.server import Sandbox, SandboxConfig

UPN = "tom.jones@sandbox.police.uk"


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(state_dir=tmp_path_factory.mktemp("sb"))).start() as sb:
        yield sb


def _drive(root: Path, seed: int = 3) -> dict[str, bytes]:
    rng = random.Random(seed)
    files = {
        "Reports/2023/annual report.docx": rng.randbytes(40_000),
        "Reports/notes.txt": b"plain notes\n" * 100,
        "Photos/scene.jpg": rng.randbytes(700_000),
        "empty.txt": b"",
        "Rota: week 3.xlsx": rng.randbytes(5_000),  # ':' is not allowed in OneDrive
    }
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def _attach(sb: Sandbox, *extra: str) -> list[str]:
    return ["migrate", "--sandbox-attach", str(sb.state_dir), "--sandbox-user", UPN, *extra]


def test_refuses_without_accepted_guidance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate", "--source", str(tmp_path)]) == 2
    assert "--accept-guidance" in capsys.readouterr().err


def test_resume_with_nothing_to_resume(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_attach(sandbox, "--resume")) == 2
    assert "Nothing to resume" in capsys.readouterr().err


def test_whole_migration(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "H"
    files = _drive(source)
    code = main(_attach(sandbox, "--source", str(source), "--accept-guidance"))
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Moved and verified: " in out
    remote = sandbox.state.files(UPN)
    for rel, data in files.items():
        name = rel.replace(":", "_") if ":" in rel else rel
        matches = [
            p
            for p in remote
            if p.startswith("H drive/")
            and remote[p]["size"] == len(data)
            and remote[p]["quickXorHash"] == hash_bytes(data)
        ]
        assert matches, (name, sorted(remote))
    assert sandbox.state.open_sessions(UPN) == []
    with Journal.open_default(practice=True) as journal:
        assert journal.unfinished_run() is None
    # a second run over the same drive starts fresh, recognises everything, sends nothing
    sandbox.reset_log()
    assert main(_attach(sandbox, "--source", str(source), "--accept-guidance")) == 0
    again = capsys.readouterr().out
    # One set of totals: the receipt's (every run), where the first run's moves stand.
    assert again.count("Moved and verified: ") == 1
    assert "Already in OneDrive (same content): " not in again
    puts = [e for e in sandbox.state.request_log() if "/upload/" in e["path"]]
    assert puts == []


def test_signed_out_midway_stops_with_exit_3_and_resumes(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "H"
    _drive(source, seed=5)
    sandbox.faults.set("rate=1.0,kinds=401")
    try:
        code = main(_attach(sandbox, "--source", str(source), "--accept-guidance"))
    finally:
        sandbox.faults.clear()
    captured = capsys.readouterr()
    assert code == 3, captured
    assert "--resume" in captured.err
    assert main(_attach(sandbox, "--resume")) == 0
    assert sandbox.state.open_sessions(UPN) == []


def test_in_process_sandbox_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "H"
    files = _drive(source, seed=9)
    state = tmp_path / "sb-state"
    code = main(
        [
            "--sandbox",
            "migrate",
            "--source",
            str(source),
            "--accept-guidance",
            "--sandbox-state",
            str(state),
        ]
    )
    assert code == 0, capsys.readouterr()
    with Sandbox(SandboxConfig(state_dir=state)).start() as sb:
        remote = sb.state.files(sb.users[0].upn)
        assert len([p for p in remote if p.startswith("H drive/")]) == len(files)


def test_resume_tries_failed_files_again(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "H"
    _drive(source, seed=11)
    code = main(_attach(sandbox, "--source", str(source), "--accept-guidance"))
    assert code == 0
    with Journal.open_default(practice=True) as journal:
        run = journal.latest_run()
        assert run is not None
        moved = journal.items(run.id)[0]
        # as if it had failed (say, open in Word): the officer fixes it and tries again
        journal.mark_failed(run.id, moved.index, code="locked_local", message="m", action="a")
    capsys.readouterr()
    assert main(_attach(sandbox, "--resume")) == 0
    out = capsys.readouterr().out
    assert "Trying again the 1 file that needed attention." in out
    with Journal.open_default(practice=True) as journal:
        run = journal.latest_run()
        assert run is not None and run.counts.get("failed", 0) == 0


LABEL_POLICY = """
[policy]
name = "Force policy"
version = "3"

[[rules]]
id = "reports"
action = "move"
title.en = "Reports"
explanation.en = "Reports"
folders = ["Reports"]
label = "Operational - 7 years"
"""


def _labels_on(tmp_path: Path) -> list[str]:
    policy = tmp_path / "policy.toml"
    policy.write_text(LABEL_POLICY, encoding="utf-8")
    organisation = tmp_path / "organisation.toml"
    organisation.write_text(
        f"[policy]\nretention_labels = true\nfile = '{policy}'\n", encoding="utf-8"
    )
    return ["--settings", str(organisation)]


def test_no_label_pass_after_a_run_stopped_by_an_error_and_the_receipt_follows(
    sandbox: Sandbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.m365 import retention_labels

    calls: list[int] = []
    real = retention_labels.apply_labels
    monkeypatch.setattr(
        retention_labels, "apply_labels", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    source = tmp_path / "H"
    _drive(source, seed=6)
    sandbox.faults.set("rate=1.0,kinds=401")
    try:
        code = main(
            [*_labels_on(tmp_path), *_attach(sandbox, "--source", str(source), "--accept-guidance")]
        )
    finally:
        sandbox.faults.clear()
    captured = capsys.readouterr()
    assert code == 3 and calls == [], captured
    assert "Receipt saved" in captured.out  # the receipt still follows a stopped run
    assert main([*_labels_on(tmp_path), *_attach(sandbox, "--resume")]) == 0
    assert calls == [1]  # on resume, after a clean run


def test_a_failing_label_pass_never_loses_the_receipt(
    sandbox: Sandbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.m365 import retention_labels
    from app.m365.errors import SignInRequired

    def signed_out(*_args: object, **_kwargs: object) -> object:
        raise SignInRequired("refresh token revoked")

    monkeypatch.setattr(retention_labels, "apply_labels", signed_out)
    source = tmp_path / "H"
    _drive(source, seed=8)
    code = main(
        [*_labels_on(tmp_path), *_attach(sandbox, "--source", str(source), "--accept-guidance")]
    )
    captured = capsys.readouterr()
    assert code == 0, captured
    assert "Retention labels were not set" in captured.err
    assert "Receipt saved" in captured.out and "Moved and verified" in captured.out
    with Journal.open_default(practice=True) as journal:
        assert journal.unfinished_run() is not None  # open: --resume sets the labels
