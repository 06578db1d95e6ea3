"""A migration is bound to the account that started it: the same account continues it later
from the journal; another account is refused, plainly, before anything is changed or sent,
both by `migrate --resume` and in the wizard (real sandbox, real sign-in, real pages)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.cli import main
from app.core.journal import Journal
from app.sandbox.server import Sandbox

TOM = "tom.jones@sandbox.police.uk"
JANE = "jane.smith@sandbox.police.uk"


def _drive(root: Path, seed: int) -> Path:
    rng = random.Random(seed)
    for i in range(3):
        path = root / "Cases" / f"file {i}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rng.randbytes(2000 + i))
    return root


def _migrate(sandbox: Sandbox, upn: str, *extra: str) -> int:
    return main(
        ["migrate", "--sandbox-attach", str(sandbox.state_dir), "--sandbox-user", upn, *extra]
    )


def _practice_run() -> tuple[int, dict[str, int]]:
    with Journal.open_default(practice=True) as journal:
        run = journal.latest_run()
        assert run is not None
        return run.to_do, dict(run.counts)


def test_cli_resume_by_another_account_is_refused_and_the_owner_continues(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _drive(tmp_path / "H", seed=1)
    sandbox.faults.set("rate=1.0,kinds=401")  # signed out midway: the run stays unfinished
    try:
        assert _migrate(sandbox, TOM, "--source", str(source), "--accept-guidance") == 3
    finally:
        sandbox.faults.clear()
    before = _practice_run()
    assert before[0] == 3
    capsys.readouterr()

    assert _migrate(sandbox, JANE, "--resume") == 2
    err = capsys.readouterr().err
    assert "Another account's migration" in err
    assert f"belongs to {TOM}, but you are signed in as {JANE}" in err
    assert "Sign in as that account to continue it." in err
    assert _practice_run() == before  # the journal untouched
    assert not [p for p in sandbox.state.files(JANE) if p.startswith("H drive")]

    assert _migrate(sandbox, TOM, "--resume") == 0
    assert _practice_run()[0] == 0
    assert len([p for p in sandbox.state.files(TOM) if p.startswith("H drive/Cases/")]) == 3


def test_cli_try_again_by_another_account_is_refused_before_reopening(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _drive(tmp_path / "H", seed=2)
    assert _migrate(sandbox, TOM, "--source", str(source), "--accept-guidance") == 0
    with Journal.open_default(practice=True) as journal:
        run = journal.latest_run()
        assert run is not None
        journal.mark_failed(run.id, 0, code="locked_local", message="m", action="a")
    before = _practice_run()
    capsys.readouterr()
    assert _migrate(sandbox, JANE, "--resume") == 2
    assert "Another account's migration" in capsys.readouterr().err
    assert _practice_run() == before and before[1].get("failed") == 1  # not reopened


def test_wizard_refuses_another_account_and_lets_the_owner_continue(
    qtbot, make_sandbox, tmp_path: Path
) -> None:
    from app.core.classify import classify
    from app.core.plan import Choices, build_plan
    from app.core.policy import policy_from_settings
    from app.core.scan import scan
    from app.settings import Settings
    from app.ui.pages import PROGRESS, SIGN_IN
    from app.ui.session import Session
    from app.ui.wizard import MigrationWizard

    sandbox = make_sandbox()
    session = Session(Settings())
    session.sandbox = sandbox
    session.training_users = [user.upn for user in sandbox.users]
    source = _drive(tmp_path / "H", seed=3)
    report = classify(scan(source), policy_from_settings(""))
    plan = build_plan(report, None, Choices(), destination_folder="H drive")
    session.journal().start_run(plan, account=TOM, settings_digest="t")
    session.h_drive = source
    wizard = MigrationWizard(session)
    qtbot.addWidget(wizard)
    try:
        wizard.show()
        welcome = wizard.welcome
        qtbot.waitUntil(welcome.continue_button.isVisible)
        assert f"It was started by {TOM}" in welcome.resume_label.text()
        qtbot.mouseClick(welcome.continue_button, Qt.MouseButton.LeftButton)
        assert wizard.currentId() == SIGN_IN and session.resuming
        page = wizard.sign_in

        page.training_users.setCurrentText(JANE)
        qtbot.mouseClick(page.training_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Another account" in page.status.text(), timeout=30_000)
        assert f"belongs to {TOM}, but you are signed in as {JANE}" in page.status.text()
        assert session.account is None and not page.isComplete()

        page.training_users.setCurrentText(TOM)
        qtbot.mouseClick(page.training_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: session.account is not None and not page.working(), timeout=30_000)
        assert session.account.username == TOM
        assert "Another account" not in page.status.text()
        # A temporary folder's owner cannot be matched to a sandbox account: confirm it.
        assert session.owner is not None and not session.owner.matches
        qtbot.mouseClick(page.owner_confirm, Qt.MouseButton.LeftButton)
        assert page.isComplete()
        assert page.nextId() == PROGRESS  # on to continuing the run, not a new scan
    finally:
        wizard.shutdown()
        session.close()
