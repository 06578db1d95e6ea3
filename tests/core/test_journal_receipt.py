"""The run summary read back from the journal (what the command line prints at the end)."""

from __future__ import annotations

from pathlib import Path

from app.core.guidance import Action, Guidance, GuidanceReport, Reason
from app.core.inventory import FileEntry, Inventory
from app.core.journal import Journal
from app.core.plan import Choices, build_plan
from app.core.receipt_summary import Outcome, format_summary, summarise_run


def test_summary_tells_every_outcome(tmp_path: Path) -> None:
    files = [FileEntry(f"f{i}.txt", 1000 * (i + 1), 1.0, 2.0) for i in range(6)]
    temp = Reason("temp", Action.DISCARD, True, {"en": "Temporary file"}, {"en": "x"})
    blocked = Reason("blocked", Action.CANNOT_MOVE, False, {"en": "Blocked name"}, {"en": "x"})
    guidance = [Guidance(Action.MOVE)] * 4 + [
        Guidance(Action.DISCARD, (temp,)),
        Guidance(Action.CANNOT_MOVE, (blocked,), overridable=False),
    ]
    report = GuidanceReport(Inventory("H:\\", files), guidance, policy_name="P")
    plan = build_plan(report, None, Choices(), destination_folder="H drive")
    with Journal(tmp_path / "j.sqlite3") as journal:
        run = journal.start_run(plan, account="a", settings_digest="d")
        journal.mark_verified(
            run, 0, item_id="1", size=1000, quick_xor_hash="h", final_path="H drive/f0.txt"
        )
        journal.mark_verified(
            run,
            1,
            item_id="2",
            size=2000,
            quick_xor_hash="h",
            final_path="H drive/f1 (from H drive).txt",
        )
        journal.mark_verified(
            run,
            2,
            item_id="3",
            size=3000,
            quick_xor_hash="h",
            final_path="H drive/f2.txt",
            skipped_existing=True,
        )
        journal.mark_failed(
            run,
            3,
            code="locked_local",
            message="Open in Word.",
            action="Close it and choose Try again.",
        )
        summary = summarise_run(journal, run)
    assert summary.count(Outcome.MOVED) == 2
    assert summary.count(Outcome.ALREADY_THERE) == 1
    assert summary.count(Outcome.FAILED) == 1
    assert summary.count(Outcome.DISCARDED) == 1
    assert summary.count(Outcome.CANNOT_MOVE) == 1
    assert summary.bytes(Outcome.MOVED) == 3000
    assert [line.rel_path for line in summary.renamed] == ["f1.txt"]  # kept both
    assert summary.needs_attention
    text = format_summary(summary)
    assert "Moved and verified: 2" in text
    assert "f3.txt: Open in Word. Close it and choose Try again." in text
    assert "Cannot move f5.txt: Blocked name" in text
