"""The migration receipt from the journal: runs merged into one story, CSV and HTML."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

from app.core.guidance import Action, Guidance, GuidanceReport, Reason
from app.core.inventory import FileEntry, Inventory
from app.core.journal import Journal
from app.core.plan import Choices, Plan, build_plan
from app.core.policy import load_policy
from app.core.receipt import build_receipt
from app.core.receipt_files import CSV_COLUMNS, receipt_csv, receipt_documents, save_receipt_file
from app.core.receipt_html import receipt_html, rule_texts
from app.core.receipt_summary import Outcome

TEMP = Reason("temp", Action.DISCARD, True, {"en": "Temporary file"}, {"en": "x"})
BLOCKED = Reason("blocked", Action.CANNOT_MOVE, False, {"en": "Blocked type"}, {"en": "x"})


def _plan(root: str = "H:\\", names: tuple[str, ...] = ()) -> Plan:
    files = [FileEntry(name, 100 * (i + 1), 1.0, 2.0) for i, name in enumerate(names)]
    guidance = []
    for name in names:
        if name.endswith(".tmp"):
            guidance.append(Guidance(Action.DISCARD, (TEMP,)))
        elif name.endswith(".exe"):
            guidance.append(Guidance(Action.CANNOT_MOVE, (BLOCKED,), overridable=False))
        else:
            guidance.append(Guidance(Action.MOVE))
    report = GuidanceReport(Inventory(root, files), guidance, policy_name="P")
    return build_plan(report, None, Choices(), destination_folder="H drive")


NAMES = ("a.docx", "=b.xlsx", "c.txt", "d.tmp", "e.exe")


def _first_run(journal: Journal) -> int:
    run = journal.start_run(_plan(names=NAMES), account="Tom@x.uk", settings_digest="")
    journal.mark_verified(
        run, 0, item_id="1", size=100, quick_xor_hash="h0", final_path="H drive/a.docx"
    )
    journal.mark_verified(
        run, 1, item_id="2", size=200, quick_xor_hash="h1", final_path="H drive/=b (1).xlsx"
    )
    journal.mark_failed(run, 2, code="locked_local", message="Open in Word.", action="Close it.")
    journal.finish_run(run)
    return run


def test_a_second_run_adds_to_the_same_receipt(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite3") as journal:
        first = _first_run(journal)
        other = journal.start_run(
            _plan(names=("x.txt",)), account="someone@else", settings_digest=""
        )
        # The officer fixed c.txt; the second run (same account, case aside) moves it and
        # stops before a.docx, which the first run moved: that move still stands.
        second = journal.start_run(_plan(names=NAMES), account="tom@x.uk", settings_digest="")
        journal.mark_verified(
            second, 2, item_id="3", size=300, quick_xor_hash="h2", final_path="H drive/c.txt"
        )
        receipt = build_receipt(journal, second, now=0.0)
        assert [run.id for run in receipt.runs] == [first, second]  # not the other account's
        by_path = {line.rel_path: line for line in receipt.lines}
        assert [line.rel_path for line in receipt.lines] == list(NAMES)
        assert by_path["c.txt"].outcome is Outcome.MOVED
        assert by_path["c.txt"].history == ((first, Outcome.FAILED), (second, Outcome.MOVED))
        assert by_path["c.txt"].run_id == second
        assert by_path["a.docx"].outcome is Outcome.MOVED  # not "not yet"
        assert by_path["a.docx"].history == ((first, Outcome.MOVED), (second, Outcome.NOT_YET))
        assert by_path["=b.xlsx"].destination == "H drive/=b (1).xlsx"
        assert by_path["d.tmp"].outcome is Outcome.DISCARDED
        assert build_receipt(journal, other).lines[0].rel_path == "x.txt"


def test_csv_lists_every_file_with_its_outcome_and_is_spreadsheet_safe(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite3") as journal:
        receipt = build_receipt(journal, _first_run(journal))
    text = receipt_csv(receipt)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    by_path = {row["source_path"]: row for row in rows}
    assert set(by_path) == {"a.docx", "'=b.xlsx", "c.txt", "d.tmp", "e.exe"}
    assert by_path["a.docx"]["outcome"] == "moved"
    assert by_path["a.docx"]["quickxorhash"] == "h0"
    assert by_path["a.docx"]["onedrive_path"] == "H drive/a.docx"
    assert by_path["'=b.xlsx"]["new_name"] == "'=b (1).xlsx"  # renamed (kept both)
    assert by_path["c.txt"]["problem"] == "Open in Word."
    assert by_path["c.txt"]["action"] == "Close it."
    assert by_path["d.tmp"]["outcome"] == "discarded"
    assert by_path["d.tmp"]["reasons"] == "temp: Temporary file"
    assert by_path["d.tmp"]["overridden"] == "no"
    assert by_path["e.exe"]["outcome"] == "cannot_move"
    assert rows[0]["outcome"] == "failed"  # what needs a person comes first


class _Outline(HTMLParser):
    """Headings, table captions and header cells, and the page language."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.headings: list[str] = []
        self.captions = 0
        self.tables = 0
        self.th_without_scope = 0
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag in ("h1", "h2"):
            self._in = tag
            self.headings.append("")
        if tag == "caption":
            self.captions += 1
        if tag == "table":
            self.tables += 1
        if tag == "th" and "scope" not in dict(attrs):
            self.th_without_scope += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.headings[-1] += data


def test_html_is_structured_for_screen_readers_and_can_be_shortened(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite3") as journal:
        receipt = build_receipt(journal, _first_run(journal), practice=True)
    page = receipt_html(receipt, "cy_GB")
    outline = _Outline()
    outline.feed(page)
    assert outline.lang == "cy"
    assert outline.headings[0] == "Derbynneb mudo gyriant H:"
    assert outline.tables == outline.captions > 0
    assert outline.th_without_scope == 0
    assert "Methu ei symud: angen sylw (1)" in outline.headings
    english = receipt_html(receipt, "xx", max_rows=0)
    assert "Could not be moved: needs attention (1)" in english
    assert "1 more are listed in the full receipt." in english
    assert "c.txt" not in english  # shortened away
    assert "Practice run" in english


def test_documents_are_named_for_practice_and_written_whole(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite3") as journal:
        run = _first_run(journal)
        real = receipt_documents(build_receipt(journal, run))
        practice = receipt_documents(build_receipt(journal, run, practice=True))
    assert [d.name for d in real] == [
        "H drive migration receipt.html",
        "H drive migration receipt.csv",
    ]
    assert [d.name for d in practice] == [
        "H drive migration receipt (practice).html",
        "H drive migration receipt (practice).csv",
    ]
    target = save_receipt_file(tmp_path / "out" / real[0].name, real[0].content)
    assert target.read_bytes() == real[0].content
    assert [p.name for p in target.parent.iterdir()] == [real[0].name]  # no temporary left


def test_retention_labels_and_their_problems_are_on_the_receipt(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite3") as journal:
        run = _first_run(journal)
        journal.mark_labels(
            run, [(0, "Operational - 7 years", None), (1, None, "Label not found. Ask IT.")]
        )
        receipt = build_receipt(journal, run)
    rows = {
        row["source_path"]: row for row in csv.DictReader(io.StringIO(receipt_csv(receipt)[1:]))
    }
    assert rows["a.docx"]["retention_label"] == "Operational - 7 years"
    assert rows["'=b.xlsx"]["label_problem"] == "Label not found. Ask IT."
    page = receipt_html(receipt)
    assert '<th scope="col">Retention label</th>' in page
    assert "<td>Operational - 7 years</td>" in page and "<td>Label not found. Ask IT.</td>" in page
    # without any label the column is left out
    with Journal(tmp_path / "k.sqlite3") as journal:
        assert "Retention label" not in receipt_html(build_receipt(journal, _first_run(journal)))


def test_with_the_policy_the_page_speaks_its_language_and_says_what_to_do(tmp_path: Path) -> None:
    policy = load_policy(None)  # the default policy shipped with the app
    pst = Reason(
        "outlook-data", Action.CANNOT_MOVE, False, {"en": "Outlook data file"}, {"en": "x"}
    )
    files = [FileEntry("old.pst", 10, 1.0, 2.0)]
    report = GuidanceReport(
        Inventory("H:\\", files), [Guidance(Action.CANNOT_MOVE, (pst,), overridable=False)]
    )
    plan = build_plan(report, None, Choices(), destination_folder="H drive")
    with Journal(tmp_path / "j.sqlite3") as journal:
        receipt = build_receipt(journal, journal.start_run(plan, account="a", settings_digest=""))
    rules = rule_texts(policy)
    welsh = receipt_html(receipt, "cy", rules=rules)
    assert "<td>Ffeil ddata Outlook</td>" in welsh
    assert "archif eich blwch post" in welsh  # what to do, in Welsh
    row = next(csv.DictReader(io.StringIO(receipt_csv(receipt, rules)[1:])))
    assert row["reasons"] == "outlook-data: Outlook data file"  # the record stays English
    assert "mailbox archive" in row["action"]
    assert "<td>Outlook data file</td>" in receipt_html(receipt)  # without: the journal's title


def test_receipts_are_named_per_migration_and_never_saved_on_the_h_drive(tmp_path: Path) -> None:
    from app import paths
    from app.core.receipt_files import receipt_base_name, receipt_folder

    assert receipt_base_name("H drive") == "H drive migration receipt"
    assert receipt_base_name("Archive/Old H") == "H drive migration receipt"
    laptop = receipt_base_name("H drive/Laptop/Desktop", practice=True)
    assert laptop == "H drive migration receipt (Laptop - Desktop) (practice)"

    share = tmp_path / "share" / "jsmith"
    redirected = share / "Documents"  # Documents redirected to the home share
    local = tmp_path / "C" / "Documents"
    kept = paths.user_data_dir() / "Receipts"
    assert receipt_folder(local, str(share), environ={}) == local
    assert receipt_folder(redirected, str(share), environ={}) == kept  # under the source
    other_source = str(tmp_path / "elsewhere")
    assert receipt_folder(redirected, other_source, environ={"HOMESHARE": str(share)}) == kept
    assert receipt_folder(local, other_source, environ={"HOMESHARE": str(share)}) == local
    # A sibling whose name only starts the same is not inside.
    assert receipt_folder(tmp_path / "share" / "jsmith2", str(share), environ={}) != kept


def test_a_later_failure_does_not_hide_an_earlier_move_and_the_newest_label_wins(
    tmp_path: Path,
) -> None:
    with Journal(tmp_path / "j.sqlite3") as journal:
        first = _first_run(journal)
        journal.mark_labels(first, [(0, None, "Label not found. Ask IT.")])
        second = journal.start_run(_plan(names=NAMES), account="tom@x.uk", settings_digest="")
        # a.docx: found in OneDrive this time, and its label now confirmed.
        journal.mark_verified(
            second,
            0,
            item_id="1",
            size=100,
            quick_xor_hash="h0",
            final_path="H drive/a.docx",
            skipped_existing=True,
        )
        journal.mark_labels(second, [(0, "Operational - 7 years", None)])
        # =b.xlsx: moved by the first run, failed in the second (say, locked).
        journal.mark_failed(second, 1, code="locked", message="In use.", action="Close it.")
        receipt = build_receipt(journal, second)
    by_path = {line.rel_path: line for line in receipt.lines}
    moved = by_path["=b.xlsx"]
    assert moved.outcome is Outcome.MOVED and moved.destination == "H drive/=b (1).xlsx"
    assert moved.history == ((first, Outcome.MOVED), (second, Outcome.FAILED))
    assert any(f"Run {second} failed: In use." in note for note in moved.notes)
    labelled = by_path["a.docx"]
    assert labelled.outcome is Outcome.MOVED and labelled.run_id == first
    assert (labelled.retention_label, labelled.label_problem) == ("Operational - 7 years", "")
