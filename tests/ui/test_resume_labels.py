"""A run an older version recorded (a version 1 journal, no labels) resumed in the wizard
with retention labels on: its files' labels are worked out from their rules before the
upload continues, so the label pass applies them. (The session, without windows.)"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.core import journal_schema
from app.core.guidance import Action, Guidance, GuidanceReport, Reason
from app.core.inventory import FileEntry, Inventory
from app.core.journal import Journal, default_path
from app.core.plan import Choices, build_plan
from app.m365.auth import Account
from app.settings import Policy, Settings
from app.ui.session import Session
from tests.ui.ui_builders import LABEL
from tests.ui.ui_builders import LABELLED_POLICY as POLICY

UPN = "jane.smith@sandbox.police.uk"


def _version_1_run(root: Path) -> int:
    (root / "hr").mkdir(parents=True)
    (root / "hr" / "contract.docx").write_bytes(b"c" * 10)
    hr = Reason("hr", Action.MOVE, True, {"en": "HR"}, {"en": "HR files"}, label=LABEL)
    inventory = Inventory(str(root), [FileEntry("hr/contract.docx", 10, 1.0, 1.0)])
    report = GuidanceReport(inventory, [Guidance(Action.MOVE, (hr,))], policy_name="Force policy 3")
    path = default_path()
    with Journal(path) as journal:
        run = journal.start_run(
            build_plan(report, None, Choices(), destination_folder="H drive"),
            account=UPN,
            settings_digest="",
        )
        journal.mark_verified(run, 0, item_id="01A", size=10, quick_xor_hash="h", final_path="p")
    conn = sqlite3.connect(path)  # as version 1 wrote it: no label columns
    for name, _ in journal_schema.LABEL_COLUMNS:
        conn.execute(f"ALTER TABLE items DROP COLUMN {name}")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    return run


def test_resuming_a_version_1_run_works_out_its_labels(tmp_path: Path) -> None:
    run = _version_1_run(tmp_path / "H")
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text(POLICY, encoding="utf-8")
    settings = Settings(policy=Policy(file=str(policy_file), retention_labels=True))
    session = Session(settings)
    try:
        assert session.journal().needing_label(run) == []  # upgraded, labels unknown
        session.resuming = True
        session.account = Account(username=UPN, name="", oid="", tenant_id="")
        assert session.resume_run() == run
        assert [item.wanted_label for item in session.journal().needing_label(run)] == [LABEL]
    finally:
        session.close()
