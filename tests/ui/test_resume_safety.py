"""Whose run, whose drive: a practice run never steers a real one; a run is continued only
by its own account and from its own folder; deleting left-behind files touches only the
run's folder and only files still as scanned. (The session, without windows.)"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from app.core.guidance import Action, Guidance, GuidanceReport, Reason
from app.core.journal import Journal, default_path
from app.core.plan import Choices, build_plan
from app.core.resume import AnotherAccountsRun, RunSourceProblem
from app.core.scan import scan
from app.m365.auth import Account
from app.settings import Settings
from app.ui.session import Session

UPN = "jane.smith@sandbox.police.uk"


def _drive(root: Path) -> Path:
    for rel, content in {
        "Cases/statement.docx": b"s" * 400,
        "Temp/a.tmp": b"a" * 30,
        "Temp/b.tmp": b"b" * 40,
    }.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        os.utime(path, (1.7e9, 1.7e9))
    return root


def _start_run(journal: Journal, root: Path, account: str = UPN) -> int:
    """A run whose plan moves the statement and leaves the .tmp files behind."""
    inventory = scan(root)
    temp = Reason("temp", Action.DISCARD, True, {"en": "Temporary file"}, {"en": "x"})
    guidance = [
        Guidance(Action.DISCARD, (temp,))
        if entry.rel_path.endswith(".tmp")
        else Guidance(Action.MOVE)
        for entry in inventory.files
    ]
    report = GuidanceReport(inventory, guidance, policy_name="P")
    plan = build_plan(report, None, Choices(), destination_folder="H drive")
    return journal.start_run(plan, account=account, settings_digest="t")


def _account(upn: str) -> Account:
    return Account(username=upn, name="", oid="", tenant_id="")


def test_practice_runs_have_their_own_journal(make_sandbox, tmp_path: Path) -> None:
    practice = Session(Settings())
    practice.sandbox = make_sandbox()
    try:
        assert practice.journal().path == default_path(practice=True)
        _start_run(practice.journal(), _drive(tmp_path / "sample"))
        real = Session(Settings())
        try:
            # A real launch is not offered the practice run (nor its files to delete).
            assert real.unfinished_run() is None
            assert real.journal().path == default_path()
        finally:
            real.close()
    finally:
        practice.close()


def test_resuming_another_accounts_run_is_refused_before_sign_in_completes(
    tmp_path: Path,
) -> None:
    session = Session(Settings())
    try:
        _start_run(session.journal(), _drive(tmp_path / "H"), account="tom.jones@x.uk")
        session.resuming = True
        with pytest.raises(AnotherAccountsRun):
            session.after_sign_in(_account(UPN))
        assert session.account is None  # the sign-in page does not let them on
        session.account = _account(UPN)
        with pytest.raises(AnotherAccountsRun):
            session.resume_run()  # checked again on the progress worker
        assert session.run_id is None
    finally:
        session.close()


def test_resume_reads_the_runs_own_folder_not_the_drive_found_now(tmp_path: Path) -> None:
    session = Session(Settings())
    try:
        run_drive = _drive(tmp_path / "H")
        run_id = _start_run(session.journal(), run_drive)
        session.h_drive = _drive(tmp_path / "someone else")  # found at this launch
        session.resuming, session.account = True, _account(UPN)
        assert session.resume_run() == run_id
        assert session.h_drive == run_drive
        # A folder the officer chose that is not the run's own: refused, said plainly.
        session.h_drive, session.h_drive_chosen = tmp_path / "someone else", True
        with pytest.raises(RunSourceProblem, match="different folder"):
            session.resume_run()
        # The run's folder gone (network down, drive unmapped): refused too.
        session.h_drive_chosen = False
        run_drive.rename(tmp_path / "moved")
        with pytest.raises(RunSourceProblem, match="not there"):
            session.resume_run()
    finally:
        session.close()


def test_delete_touches_only_the_runs_folder_and_unchanged_files(tmp_path: Path) -> None:
    session = Session(Settings())
    try:
        run_drive = _drive(tmp_path / "H")
        decoy = _drive(tmp_path / "other H")
        session.run_id = _start_run(session.journal(), run_drive)
        session.h_drive = decoy  # what the app found at this launch: must not matter
        files = session.discarded_files()
        assert sorted(item.rel_path for item in files) == ["Temp/a.tmp", "Temp/b.tmp"]
        (run_drive / "Temp/b.tmp").write_bytes(b"edited since the scan")
        steps: list[object] = []
        result = session.delete_discarded(files, steps.append, threading.Event())
        assert (result.deleted, result.deleted_bytes) == (1, 30)
        assert result.skipped == [("Temp/b.tmp", "it has changed since the scan")]
        assert not (run_drive / "Temp/a.tmp").exists()
        assert (run_drive / "Temp/b.tmp").exists()
        assert (decoy / "Temp/a.tmp").exists() and (decoy / "Temp/b.tmp").exists()
        assert steps[-1] == (2, 2)
    finally:
        session.close()
