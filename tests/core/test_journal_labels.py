"""The journal's retention label columns: recorded per item, and older journals upgraded."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from app.core import journal_schema
from app.core.guidance import Action, Guidance, GuidanceReport, Reason
from app.core.inventory import FileEntry, Inventory
from app.core.journal import Journal
from app.core.plan import Choices, build_plan

LABEL = "Personnel records - 7 years"


def _report() -> GuidanceReport:
    inventory = Inventory(
        "/h", [FileEntry("hr/contract.docx", 10, 1.0, 1.0), FileEntry("notes.txt", 5, 1.0, 1.0)]
    )
    labelled = Reason("hr", Action.MOVE, True, {"en": "HR"}, {"en": "HR files"}, label=LABEL)
    plain = Reason("other", Action.MOVE, True, {"en": "Other"}, {"en": "x"})
    return GuidanceReport(
        inventory, [Guidance(Action.MOVE, (plain, labelled)), Guidance(Action.MOVE, (plain,))]
    )


def test_wanted_label_comes_from_the_first_labelled_rule_and_is_recorded(tmp_path: Path) -> None:
    plan = build_plan(_report(), None, Choices(), destination_folder="H drive")
    assert [item.label for item in plan.items] == [LABEL, ""]
    with Journal(tmp_path / "j.sqlite3") as journal:
        run = journal.start_run(plan, account="a@b", settings_digest="d")
        assert journal.needing_label(run) == []  # nothing is in OneDrive yet
        journal.mark_verified(run, 0, item_id="01A", size=10, quick_xor_hash="h", final_path="p")
        journal.mark_verified(run, 1, item_id="01B", size=5, quick_xor_hash="h", final_path="q")
        assert [item.index for item in journal.needing_label(run)] == [0]
        journal.mark_labels(run, [(0, None, "Throttled. Resume later.")])
        assert [item.index for item in journal.needing_label(run)] == [0]  # retried on resume
        journal.mark_labels(run, [(0, LABEL, None)])
        assert journal.needing_label(run) == []
        item = journal.item(run, 0)
        assert (item.wanted_label, item.retention_label, item.label_problem) == (LABEL, LABEL, None)


def test_a_version_1_journal_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with Journal(path) as journal:
        run = journal.start_run(
            build_plan(_report(), None, Choices(), destination_folder="H drive"),
            account="a@b",
            settings_digest="d",
        )
    # Make it what version 1 wrote: no label columns, schema_version 1.
    conn = sqlite3.connect(path)
    for name, _ in journal_schema.LABEL_COLUMNS:
        conn.execute(f"ALTER TABLE items DROP COLUMN {name}")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()

    with Journal(path) as journal:
        items = journal.items(run)
        assert [item.rel_path for item in items] == ["hr/contract.docx", "notes.txt"]
        assert all(item.wanted_label == "" and item.retention_label is None for item in items)
    conn = sqlite3.connect(path)
    version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    conn.close()
    assert version == str(journal_schema.SCHEMA_VERSION)


def test_a_journal_of_an_unknown_version_is_not_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with Journal(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    assert journal_schema.upgrade(conn) is False
    assert journal_schema.stored_version(conn) == 99
    assert journal_schema.shape_problem(conn) == (
        "it was written by another version of the app (schema 99)"
    )
    conn.close()


def test_policy_label_names_are_checked() -> None:
    import pytest

    from app.core.policy import PolicyError, parse_policy

    rule = '[[rules]]\nid = "r"\naction = "move"\ntitle.en = "T"\nexplanation.en = "E"\n'
    rule += 'extensions = [".txt"]\n'
    assert parse_policy(rule + 'label = " Personnel "\n').rules[0].label == "Personnel"
    assert parse_policy(rule + 'label = ""\n').rules[0].label == ""
    for bad in ('label = "   "\n', 'label = "a\\u0007b"\n', "label = 3\n"):
        with pytest.raises(PolicyError):
            parse_policy(rule + bad)


POLICY = """
[policy]
name = "Force policy"
version = "3"

[[rules]]
id = "other"
action = "move"
title.en = "Other"
explanation.en = "x"
extensions = ["txt", "docx"]

[[rules]]
id = "hr"
action = "move"
title.en = "HR"
explanation.en = "HR files"
folders = ["hr"]
label = "LABEL"
""".replace("LABEL", LABEL)


def _version_1_run(path: Path, policy_name: str) -> int:
    """A run as version 1 recorded it (no labels), then opened (so upgraded) by this one."""
    report = _report()
    report.policy_name = policy_name
    with Journal(path) as journal:
        run = journal.start_run(
            build_plan(report, None, Choices(), destination_folder="H drive"),
            account="a@b",
            settings_digest="d",
        )
        for index in (0, 1):
            journal.mark_verified(
                run, index, item_id=f"0{index}", size=1, quick_xor_hash="h", final_path="p"
            )
    conn = sqlite3.connect(path)
    for name, _ in journal_schema.LABEL_COLUMNS:
        conn.execute(f"ALTER TABLE items DROP COLUMN {name}")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    return run


def test_a_resumed_version_1_run_gets_its_labels_from_its_rules(tmp_path: Path) -> None:
    from app.core.policy import parse_policy
    from app.core.resume import restore_wanted_labels

    path = tmp_path / "journal.sqlite3"
    run = _version_1_run(path, "Force policy 3")
    with Journal(path) as journal:
        assert journal.needing_label(run) == []  # upgraded: nobody knows the labels yet
        info = journal.run_info(run)
        assert restore_wanted_labels(journal, info, parse_policy(POLICY)) == 1
        assert [item.index for item in journal.needing_label(run)] == [0]
        assert journal.item(run, 0).wanted_label == LABEL
        assert journal.item(run, 1).wanted_label == ""  # its rule names no label
        assert journal.item(run, 1).label_problem is None
        assert restore_wanted_labels(journal, info, parse_policy(POLICY)) == 0  # done once
        # A run this version recorded is never second-guessed, even with no label.
        later = journal.start_run(
            build_plan(_report(), None, Choices(), destination_folder="H drive"),
            account="a@b",
            settings_digest="d",
        )
        assert journal.labels_unworked(later) == []


def test_under_another_policy_a_version_1_run_is_noted_not_guessed(tmp_path: Path) -> None:
    from app.core.policy import parse_policy
    from app.core.resume import restore_wanted_labels

    path = tmp_path / "journal.sqlite3"
    run = _version_1_run(path, "Force policy 2")  # classified under an earlier version
    with Journal(path) as journal:
        assert restore_wanted_labels(journal, journal.run_info(run), parse_policy(POLICY)) == 0
        assert journal.needing_label(run) == []
        for item in journal.items(run):
            assert item.wanted_label == "" and item.retention_label is None
            assert item.label_problem is not None
            assert "older version" in item.label_problem and "Force policy 2" in item.label_problem


def test_migrate_resume_applies_the_labels_of_a_version_1_run(
    make_sandbox: Any, tmp_path: Path, capsys: Any
) -> None:
    from app.cli import main
    from app.core.journal import default_path

    upn = "tom.jones@sandbox.police.uk"
    sandbox = make_sandbox(retention_labels=(LABEL,))
    root = tmp_path / "H"
    (root / "hr").mkdir(parents=True)
    (root / "hr" / "contract.docx").write_bytes(b"c" * 10)
    (root / "notes.txt").write_bytes(b"n" * 5)
    report = _report()
    report.inventory.root, report.policy_name = str(root), "Force policy 3"
    path = default_path(practice=True)  # --sandbox-attach: the practice journal
    with Journal(path) as journal:
        run = journal.start_run(
            build_plan(report, None, Choices(), destination_folder="H drive"),
            account=upn,
            settings_digest="d",
        )
    conn = sqlite3.connect(path)  # as version 1 left it: unfinished, no label columns
    for name, _ in journal_schema.LABEL_COLUMNS:
        conn.execute(f"ALTER TABLE items DROP COLUMN {name}")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    policy = tmp_path / "policy.toml"
    policy.write_text(POLICY, encoding="utf-8")
    organisation = tmp_path / "organisation.toml"
    organisation.write_text(
        f"[policy]\nretention_labels = true\nfile = '{policy}'\n", encoding="utf-8"
    )
    attach = ["--sandbox-attach", str(sandbox.state_dir), "--sandbox-user", upn]
    args = ["--settings", str(organisation), "migrate", *attach, "--resume", "--confirm-owner"]
    assert main(args) == 0, capsys.readouterr()
    with Journal(path) as journal:
        contract, notes = journal.items(run)
    assert contract.item_id is not None and notes.item_id is not None
    assert (contract.wanted_label, contract.retention_label) == (LABEL, LABEL)
    assert sandbox.labels.label_of(contract.item_id) == LABEL
    assert notes.retention_label is None and sandbox.labels.label_of(notes.item_id) is None
