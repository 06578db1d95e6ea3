"""`migrate` guards: the owner check, continuing only the run's own account and folder,
practice runs in their own journal, and one assistant per journal."""

from __future__ import annotations

import argparse
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.commands.migrate_steps import Printer, check_drive_owner
from app.core.errors import BadInputError
from app.core.guidance import Action, Guidance, GuidanceReport
from app.core.journal import Journal
from app.core.plan import Choices, build_plan
from app.core.scan import scan
from app.sandbox.server import Sandbox, SandboxConfig
from app.settings import Settings

UPN = "tom.jones@sandbox.police.uk"
OWNER_ENV = ("HOMESHARE", "USERNAME", "USER")


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(state_dir=tmp_path_factory.mktemp("sb"))).start() as sb:
        yield sb


@pytest.fixture
def logged_on_as(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Who Windows (here: USER) says is logged on, as the owner check reads it."""

    def set_user(name: str) -> None:
        for variable in OWNER_ENV:
            monkeypatch.delenv(variable, raising=False)
        monkeypatch.setenv("USER", name)

    yield set_user


def _drive(root: Path) -> Path:
    for rel, content in {"Cases/statement.docx": b"s" * 4000, "notes.txt": b"n" * 300}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root


def _attach(sb: Sandbox, *extra: str, upn: str = UPN) -> list[str]:
    return ["migrate", "--sandbox-attach", str(sb.state_dir), "--sandbox-user", upn, *extra]


def test_owner_mismatch_refused_when_the_organisation_says_so(
    sandbox: Sandbox,
    tmp_path: Path,
    logged_on_as: object,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # An organisation setting (IT's file), not the officer's.
    organisation = tmp_path / "organisation.toml"
    organisation.write_text('[identity]\nowner_mismatch = "refuse"\n', encoding="utf-8")
    monkeypatch.setenv("MIGRATION_ASSISTANT_ORG_FILE", str(organisation))
    logged_on_as("mary.brown")  # type: ignore[operator]
    source = _drive(tmp_path / "H")
    assert main(_attach(sandbox, "--source", str(source), "--accept-guidance")) == 2
    err = capsys.readouterr().err
    assert "Not your H: drive" in err and "mary.brown" in err
    assert [p for p in sandbox.state.files(UPN) if p.startswith("H drive/")] == []
    with Journal.open_default(practice=True) as journal:
        assert journal.latest_run() is None  # refused before any run was recorded
    logged_on_as("tom_jones")  # type: ignore[operator]
    assert main(_attach(sandbox, "--source", str(source), "--accept-guidance")) == 0
    # A practice run is recorded in the practice journal only.
    with Journal.open_default() as real:
        assert real.latest_run() is None
    with Journal.open_default(practice=True) as practice:
        assert practice.latest_run() is not None


def test_owner_mismatch_outside_practice_needs_confirm_owner(
    tmp_path: Path, logged_on_as: object
) -> None:
    logged_on_as("mary.brown")  # type: ignore[operator]
    out = io.StringIO()
    args = argparse.Namespace(sandbox=False, sandbox_attach=None, confirm_owner=False)
    with pytest.raises(BadInputError, match="Is this H: drive yours") as caught:
        check_drive_owner(args, Settings(), UPN, tmp_path, Printer(out))
    assert "--confirm-owner" in caught.value.action
    args.confirm_owner = True
    check_drive_owner(args, Settings(), UPN, tmp_path, Printer(out))
    assert "Warning:" in out.getvalue() and "mary.brown" in out.getvalue()


def _unfinished_practice_run(root: Path, account: str) -> None:
    inventory = scan(root)
    guidance = [Guidance(Action.MOVE) for _ in inventory.files]
    plan = build_plan(
        GuidanceReport(inventory, guidance, policy_name="P"),
        None,
        Choices(),
        destination_folder="H drive",
    )
    with Journal.open_default(practice=True) as journal:
        journal.start_run(plan, account=account, settings_digest="t")


def test_resume_only_the_runs_own_account_and_folder(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _drive(tmp_path / "H")
    other = _drive(tmp_path / "other")
    _unfinished_practice_run(source, UPN)
    assert main(_attach(sandbox, "--resume", upn=sandbox.users[2].upn)) == 2
    assert "Another account's migration" in capsys.readouterr().err
    assert main(_attach(sandbox, "--resume", "--source", str(other))) == 2
    assert "different folder" in capsys.readouterr().err
    source.rename(tmp_path / "gone")
    assert main(_attach(sandbox, "--resume")) == 2
    assert "not there" in capsys.readouterr().err
    with Journal.open_default(practice=True) as journal:
        run = journal.unfinished_run()
        assert run is not None and run.counts == {"pending": 2}  # nothing was touched


def test_a_second_assistant_on_the_same_journal_is_refused(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _drive(tmp_path / "H")
    with Journal.open_default(practice=True):
        code = main(_attach(sandbox, "--source", str(source), "--accept-guidance"))
    assert code == 2
    assert "already running" in capsys.readouterr().err
    assert os.path.exists(source / "notes.txt")


def test_try_again_of_another_accounts_run_is_refused_before_reopening(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _unfinished_practice_run(_drive(tmp_path / "H"), UPN)
    with Journal.open_default(practice=True) as journal:
        run = journal.unfinished_run()
        assert run is not None
        journal.mark_failed(run.id, 0, code="x", message="failed", action="try again")
        journal.finish_run(run.id)
    assert main(_attach(sandbox, "--resume", upn=sandbox.users[2].upn)) == 2
    assert "Another account's migration" in capsys.readouterr().err
    with Journal.open_default(practice=True) as journal:
        assert journal.unfinished_run() is None  # still finished: not reopened
