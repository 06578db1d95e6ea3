"""Reports: the summary's figures, and each format written and parsed back."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.core.classify import classify
from app.core.errors import BadInputError
from app.core.guidance import Action, GuidanceReport
from app.core.inventory import FileEntry, Inventory, ProblemKind, ScanProblem
from app.core.onedrive_rules import check_inventory
from app.core.policy import load_policy
from app.core.reports import human_size, summarise, write_report

NOW = 1_800_000_000.0


@pytest.fixture
def report() -> GuidanceReport:
    files = [
        FileEntry("Rota/2025.xlsx", 2000, NOW, NOW),
        FileEntry("notes.tmp", 100, NOW, NOW),
        FileEntry("setup.exe", 5000, NOW, NOW - 7 * 365.25 * 86400),
        FileEntry("Mail/old.pst", 10_000, NOW, NOW),
        FileEntry("=1+2 budget.docx", 10, NOW, NOW),
        FileEntry("Reports/what?.docx", 30, NOW, NOW),
        FileEntry("Cymraeg/adroddiad ŵyr.docx", 40, NOW, NOW),
        FileEntry("<script>alert(1).txt", 0, NOW, NOW),
    ]
    inventory = Inventory(
        root="/home/officer/H",
        files=files,
        problems=[
            ScanProblem("locked.docx", ProblemKind.UNREADABLE_FILE, "permission denied"),
            ScanProblem("Shared", ProblemKind.LINK),
        ],
    )
    rules = check_inventory(inventory)
    return classify(inventory, load_policy(), rules=rules, now=NOW, hash_duplicates=False)


def test_summary_counts_and_bytes_per_action_rule_and_problem(report: GuidanceReport) -> None:
    summary = summarise(report)
    assert summary.files == 8 and summary.bytes == 17_180
    assert list(summary.by_action) == [
        Action.CANNOT_MOVE,
        Action.REVIEW,
        Action.DISCARD,
        Action.MOVE,
    ]
    assert (
        summary.by_action[Action.CANNOT_MOVE].files,
        summary.by_action[Action.CANNOT_MOVE].bytes,
    ) == (1, 10_000)
    assert (summary.by_action[Action.DISCARD].files, summary.by_action[Action.DISCARD].bytes) == (
        2,
        5100,
    )
    assert summary.by_action[Action.MOVE].files == 5
    assert sum(t.files for t in summary.by_action.values()) == summary.files
    assert summary.by_rule["programs"].bytes == 5000
    assert summary.by_rule["not-changed-six-years"].files == 1
    assert summary.by_rule["onedrive-rename"].files == 2
    assert summary.by_rule["links"].files == 1  # problems count under their rule too
    assert summary.by_problem == {ProblemKind.UNREADABLE_FILE: 1, ProblemKind.LINK: 1}
    assert summary.rule_titles["programs"]["cy"] == "Rhaglen neu osodwr"


def test_human_sizes() -> None:
    assert human_size(0) == "0 bytes"
    assert human_size(1) == "1 byte"
    assert human_size(1536) == "1.5 KB"
    assert human_size(250 * 1024**3) == "250 GB"
    assert human_size(3 * 1024**5) == "3,072 TB"


def test_csv_parses_back_and_is_safe_in_a_spreadsheet(
    report: GuidanceReport, tmp_path: Path
) -> None:
    path = write_report(report, tmp_path / "guidance.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2 + 8  # problems, then files (no folder findings here)
    assert rows[0]["item"] == "problem:unreadable_file" and rows[0]["action"] == "cannot_move"
    by_path = {row["path"]: row for row in rows}
    exe = by_path["setup.exe"]
    assert exe["action"] == "discard" and exe["overridable"] == "no"
    assert exe["rules"] == "programs; not-changed-six-years"
    assert exe["size_bytes"] == "5000"
    renamed = by_path["Reports/what?.docx"]
    assert renamed["new_name"] and "?" not in renamed["new_name"]
    assert "onedrive-rename" in renamed["details"]
    assert "'=1+2 budget.docx" in by_path  # a formula is never a formula
    assert "Cymraeg/adroddiad ŵyr.docx" in by_path


def test_json_parses_back_with_summary_and_every_item(
    report: GuidanceReport, tmp_path: Path
) -> None:
    path = write_report(report, tmp_path / "guidance.JSON", language="cy")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "migration-assistant-guidance/1"
    assert data["language"] == "cy" and data["root"] == "/home/officer/H"
    assert data["summary"]["files"] == 8
    assert data["summary"]["by_action"]["discard"] == {"files": 2, "bytes": 5100}
    assert [p["kind"] for p in data["problems"]] == ["unreadable_file", "link"]
    files = {f["path"]: f for f in data["files"]}
    assert files["setup.exe"]["reasons"][0] == {"rule": "programs"}
    assert data["rules"]["programs"]["title"] == "Rhaglen neu osodwr"
    assert data["rules"]["programs"]["overridable"] is False
    renamed = files["Reports/what?.docx"]
    assert renamed["reasons"] == [{"rule": "onedrive-rename", "detail": renamed["new_name"]}]
    assert files["=1+2 budget.docx"]["action"] == "move"  # JSON keeps data exact


class _Outline(HTMLParser):
    """Collects what a screen reader navigates by: language, headings and table structure."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.headings: list[tuple[str, str]] = []
        self.captions: list[str] = []
        self.th_scopes: list[str | None] = []
        self.tables = 0
        self._open: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag == "table":
            self.tables += 1
        if tag == "th":
            self.th_scopes.append(dict(attrs).get("scope"))
        if tag in ("h1", "h2", "caption"):
            self._open, self._text = tag, ""

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            if tag == "caption":
                self.captions.append(self._text)
            else:
                self.headings.append((tag, self._text))
            self._open = None


def test_html_has_language_headings_captions_and_header_scopes(
    report: GuidanceReport, tmp_path: Path
) -> None:
    path = write_report(report, tmp_path / "guidance.html")
    text = path.read_text(encoding="utf-8")
    outline = _Outline()
    outline.feed(text)
    assert outline.lang == "en"
    assert [h for h in outline.headings if h[0] == "h1"] == [
        ("h1", "Retention guidance for your H: drive")
    ]
    h2 = [t for tag, t in outline.headings if tag == "h2"]
    assert h2[0] == "Summary"
    assert "Could not be read" in h2
    assert any(t.startswith("Cannot move (1 ") for t in h2)
    assert any(t.startswith("Discard (2 ") for t in h2)
    assert outline.tables == len(outline.captions) > 3
    assert all(scope in ("col", "row") for scope in outline.th_scopes)
    assert "Files by guidance" in outline.captions
    assert ">=1+2 budget.docx<" in text
    assert "<script" not in text and "&lt;script&gt;alert(1).txt" in text
    assert "Programs and installers are not kept in OneDrive" in text


def test_html_in_welsh(report: GuidanceReport, tmp_path: Path) -> None:
    outline = _Outline()
    outline.feed(write_report(report, tmp_path / "r.htm", language="cy_GB").read_text("utf-8"))
    assert outline.lang == "cy"
    assert outline.headings[0] == ("h1", "Canllawiau cadw ar gyfer eich gyriant H:")
    assert "Ffeiliau yn ôl canllaw" in outline.captions


def test_unknown_extension_is_bad_input_and_writes_nothing(
    report: GuidanceReport, tmp_path: Path
) -> None:
    with pytest.raises(BadInputError, match=r"\.html, \.csv or \.json"):
        write_report(report, tmp_path / "guidance.pdf")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_location_is_bad_input(report: GuidanceReport, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BadInputError, match="could not be saved"):
        write_report(report, blocker / "guidance.csv")
