"""A folder chosen on the scan page after sign-in gets the owner check again (the sign-in
checked only the drive found at launch); and a second wizard on a journal in use is
refused before any page opens."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from app.cli import build_parser
from app.commands import wizard as wizard_command
from app.core.journal import Journal
from app.m365.auth import Account
from app.settings import Identity, Settings
from app.ui.session import Session
from app.ui.wizard import MigrationWizard

UPN = "jane.smith@sandbox.police.uk"


def _folder(root: Path) -> Path:
    (root / "Cases").mkdir(parents=True)
    (root / "Cases" / "statement.docx").write_bytes(b"s" * 1000)
    return root


def _logged_on_as(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    for variable in ("HOMESHARE", "USERNAME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("USER", name)


def _scan_page(qtbot, settings: Settings, drive: Path):
    session = Session(settings)
    session.h_drive = drive
    session.account = Account(username=UPN, name="Jane", oid="", tenant_id="")
    window = MigrationWizard(session)
    qtbot.addWidget(window)
    return window, window.scan


@pytest.mark.parametrize("policy", ["warn", "refuse"])
def test_choosing_a_folder_checks_its_owner_again(qtbot, tmp_path, monkeypatch, policy):
    settings = dataclasses.replace(Settings(), identity=Identity(owner_mismatch=policy))
    _logged_on_as(monkeypatch, "jane.smith")
    window, page = _scan_page(qtbot, settings, _folder(tmp_path / "H"))
    try:
        page.choose_folder(_folder(tmp_path / "mine"))
        qtbot.waitUntil(lambda: page.done, timeout=30_000)
        assert page.owner_text.isHidden() and page.isComplete()
        # Someone else is logged on to this PC now: the folder they pick is theirs, not
        # the signed-in officer's, and the check made at sign-in no longer holds.
        _logged_on_as(monkeypatch, "mary.brown")
        page.choose_folder(_folder(tmp_path / "theirs"))
        qtbot.waitUntil(lambda: page.done, timeout=30_000)
        assert not page.owner_text.isHidden()
        assert "mary.brown" in page.owner_text.text()
        assert not page.isComplete()
        if policy == "warn":
            assert not page.owner_confirm.isHidden()
            page.owner_confirm.setChecked(True)
            assert page.isComplete()
        else:
            assert page.owner_confirm.isHidden()
            assert "does not allow" in page.owner_text.text()
    finally:
        window.shutdown()
        window.session.close()


def test_a_second_wizard_is_refused_while_the_journal_is_in_use(
    monkeypatch, capsys, tmp_path
) -> None:
    monkeypatch.setattr(wizard_command, "no_display", lambda: True)
    monkeypatch.setattr(wizard_command, "sample_drive", lambda scale: _folder(tmp_path / "H"))
    with Journal.open_default(practice=True):
        code = wizard_command.run(build_parser().parse_args(["--sandbox"]), Settings())
    assert code == 2
    assert "The assistant is already running" in capsys.readouterr().err
