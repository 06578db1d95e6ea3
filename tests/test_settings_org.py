"""Organisation settings for IT: the published schema and example, `settings --check` and
`--show`, and that values in an organisation file really change what the app does."""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path

import pytest

from app import paths
from app.cli import main
from app.commands.settings_cmd import DESCRIPTIONS, SCHEMA_END, SCHEMA_START, schema_markdown
from app.core.guidance import Action, Guidance, GuidanceReport, Reason
from app.core.inventory import FileEntry, Inventory
from app.core.journal import Journal
from app.core.plan import Choices, build_plan
from app.m365.bandwidth import BandwidthLimiter
from app.m365.config import RETENTION_LABEL_SCOPE, config_from_settings
from app.sandbox.server import Sandbox
from app.settings import FIELDS, load_settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "resources" / "organisation.example.toml"
UPN = "tom.jones@sandbox.police.uk"


def _org(tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "organisation.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("MIGRATION_ASSISTANT_ORG_FILE", str(path))
    return path


def test_the_published_schema_is_the_generated_one() -> None:
    doc = (ROOT / "docs" / "organisation-settings.md").read_text(encoding="utf-8")
    start, end = doc.index(SCHEMA_START), doc.index(SCHEMA_END) + len(SCHEMA_END)
    assert doc[start:end] == schema_markdown(), "run: migration-assistant settings --schema"
    assert set(DESCRIPTIONS) == set(FIELDS)
    for dotted in FIELDS:
        assert f"| `{dotted}` |" in doc


def test_the_example_file_sets_every_key_with_no_problems(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert {f"{section}.{key}" for section, table in data.items() for key in table} == set(FIELDS)
    loaded = load_settings(organisation_file=EXAMPLE, environ={})
    assert loaded.problems == []
    assert loaded.settings.organisation.name == "Example Constabulary"
    assert loaded.origins["identity.client_id"] == str(EXAMPLE)
    assert main(["settings", "--check", str(EXAMPLE)]) == 0
    assert "no problems" in capsys.readouterr().out


def test_check_reports_each_problem_with_key_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "org.toml"
    bad.write_text(
        "[identity]\n"
        'client_id = "not-a-guid"\n'
        'owner_mismatch = "sometimes"\n'
        "[upload]\n"
        'full_bandwidth_hours = "25:00-07:00"\n'
        "concurrency_max = 99\n"
        "[policy]\n"
        f'file = "{(tmp_path / "missing-policy.toml").as_posix()}"\n',
        encoding="utf-8",
    )
    assert main(["settings", "--check", str(bad)]) == 2
    out = capsys.readouterr().out
    assert f"{bad}, line 2: identity.client_id: must be the app registration's" in out
    assert "line 3: identity.owner_mismatch: must be one of refuse, warn; the default" in out
    assert "line 5: upload.full_bandwidth_hours: must look like 18:00-07:00" in out
    assert "line 6: upload.concurrency_max: must be between 1 and 32; the default is used" in out
    assert "policy.file:" in out  # the policy it names cannot be loaded
    assert "identity.client_id: not set" in out  # the bad one fell back to the default ""


def test_show_prints_each_value_in_force_with_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    org = _org(tmp_path, '[onedrive]\ndestination_folder = "Old H"\n', monkeypatch)
    assert main(["--set", "upload.concurrency_max=3", "settings", "--show"]) == 0
    out = capsys.readouterr().out
    assert f'onedrive.destination_folder = "Old H"  ({org})' in out
    assert "upload.concurrency_max = 3  (command line)" in out
    assert 'ui.announcements = "milestones"  (default)' in out


def test_identity_and_labels_from_the_organisation_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _org(
        tmp_path,
        '[organisation]\nname = "Example Constabulary"\n'
        '[identity]\ntenant = "example.onmicrosoft.com"\n'
        'client_id = "11111111-2222-3333-4444-555555555555"\n'
        "[policy]\nretention_labels = true\n",
        monkeypatch,
    )
    config = config_from_settings(load_settings().settings)
    assert config.authority == "https://login.microsoftonline.com/example.onmicrosoft.com"
    assert config.client_id == "11111111-2222-3333-4444-555555555555"
    assert RETENTION_LABEL_SCOPE in config.scopes
    assert config.user_agent.startswith("NONISV|Example Constabulary|MigrationAssistant/")


def test_full_bandwidth_hours_lift_the_cap_only_in_those_hours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _org(
        tmp_path,
        '[upload]\nbandwidth_mbit = 8\nfull_bandwidth_hours = "18:00-07:00"\n',
        monkeypatch,
    )
    upload = load_settings().settings.upload
    evening = datetime.datetime(2026, 11, 22, 19, 30)
    noon = datetime.datetime(2026, 11, 22, 12, 0)

    def limiter(now: datetime.datetime) -> BandwidthLimiter:
        # as the upload engine builds it from settings.upload
        return BandwidthLimiter(
            upload.bandwidth_mbit, full_bandwidth_hours=upload.full_bandwidth_hours, now=lambda: now
        )

    assert limiter(noon).capped and not limiter(evening).capped


def test_destination_and_organisation_name_change_a_real_migration(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _org(
        tmp_path,
        '[organisation]\nname = "Example Constabulary"\n'
        '[onedrive]\ndestination_folder = "Archive/Old H"\n',
        monkeypatch,
    )
    source = tmp_path / "H"
    source.mkdir()
    (source / "letter.docx").write_bytes(b"dear sir\n" * 300)
    code = main(
        [
            "migrate",
            "--sandbox-attach",
            str(sandbox.state_dir),
            "--sandbox-user",
            UPN,
            "--source",
            str(source),
            "--accept-guidance",
        ]
    )
    assert code == 0
    remote = sandbox.state.files(UPN)
    assert "Archive/Old H/letter.docx" in remote
    assert "Archive/H drive migration receipt (practice).html" in remote  # beside the folder
    agents = {e.get("headers", {}).get("User-Agent", "") for e in sandbox.state.request_log()}
    graph_agents = {a for a in agents if a.startswith("NONISV|")}
    assert graph_agents and all(a.startswith("NONISV|Example Constabulary|") for a in graph_agents)


def test_offer_to_delete_discarded_files_follows_the_organisation(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.pages.done import DonePage
    from app.ui.session import Session

    temp = Reason("temp", Action.DISCARD, True, {"en": "Temporary file"}, {"en": "x"})
    files = [FileEntry("keep.docx", 10, 1.0, 2.0), FileEntry("junk.tmp", 20, 1.0, 2.0)]
    report = GuidanceReport(
        Inventory(str(tmp_path), files), [Guidance(Action.MOVE), Guidance(Action.DISCARD, (temp,))]
    )
    plan = build_plan(report, None, Choices(), destination_folder="H drive")
    shown: dict[str, bool] = {}
    for offer in ("true", "false"):
        _org(tmp_path, f"[receipt]\noffer_delete_discarded = {offer}\n", monkeypatch)
        session = Session(load_settings().settings)
        with Journal(tmp_path / f"journal-{offer}.sqlite3") as journal:
            session._journal = journal
            session.run_id = journal.start_run(plan, account="", settings_digest="")
            page = DonePage(session)
            page.wizard_ = lambda: _Announcer()  # type: ignore[method-assign]
            page.initializePage()
            qtbot.waitUntil(lambda page=page: page.receipt is not None, timeout=10_000)  # type: ignore[attr-defined]
            shown[offer] = not page.delete_button.isHidden()
            page.deleteLater()
            session._journal = None
    assert shown == {"true": True, "false": False}
    assert (paths.user_documents_dir() / "H drive migration receipt.csv").is_file()


class _Announcer:
    def announce(self, text: str, assertive: bool = False) -> None:
        self.said = (text, assertive)
