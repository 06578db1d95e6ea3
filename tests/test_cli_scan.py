"""`migration-assistant scan`: exit codes, messages, the summary and the report, end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

REPO = Path(__file__).resolve().parent.parent
OLD = 1_500_000_000  # 2017: more than six years before any run of these tests


@pytest.fixture
def h_drive(tmp_path: Path) -> Path:
    root = tmp_path / "H"
    files = {
        "Rota/2025 rota.xlsx": b"rota" * 100,
        "Rota/copy of 2025 rota.xlsx": b"rota" * 100,
        "notes.tmp": b"scratch",
        "Tools/setup.exe": b"MZ" + bytes(500),
        "Old/2016 plan.docx": b"plan" * 50,
        "Reports/what?.docx": b"question",
    }
    for index, (rel_path, data) in enumerate(files.items()):
        path = root / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        os.utime(path, (OLD + index, OLD + index))
    os.utime(root / "Rota/2025 rota.xlsx", None)  # recent
    os.utime(root / "Rota/copy of 2025 rota.xlsx", None)
    (root / "Shortcut to Rota").symlink_to(root / "Rota")
    return root


def test_scan_prints_the_summary_and_writes_a_json_report(
    h_drive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "out" / "guidance.json"
    assert main(["scan", str(h_drive), "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert f"Scanned {h_drive}: 6 files" in out
    assert "Guidance:" in out and "Cannot move" in out and "Discard" in out
    assert "Program or installer" in out
    assert "Duplicate copy" in out
    assert "Link or junction (not followed)" in out
    assert f"Report written to {report}" in out
    data = json.loads(report.read_text(encoding="utf-8"))
    files = {f["path"]: f for f in data["files"]}
    assert files["Tools/setup.exe"]["action"] == "discard"
    assert files["Old/2016 plan.docx"]["action"] == "review"
    assert files["Reports/what?.docx"]["new_name"]
    copies = [files[p]["action"] for p in ("Rota/2025 rota.xlsx", "Rota/copy of 2025 rota.xlsx")]
    assert sorted(copies) == ["discard", "move"]
    assert [p["kind"] for p in data["problems"]] == ["link"]


def test_no_duplicates_flag_reads_no_contents(
    h_drive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", str(h_drive), "--no-duplicates"]) == 0
    assert "Duplicate copy" not in capsys.readouterr().out


def test_unknown_report_type_is_refused_before_scanning(
    h_drive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", str(h_drive), "--report", str(tmp_path / "r.pdf")]) == 2
    captured = capsys.readouterr()
    assert "That report type is not known" in captured.err
    assert "Scanned" not in captured.out


def test_missing_folder_is_exit_code_2_with_what_was_looked_at(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    assert main(["scan", str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err


def test_a_broken_policy_is_exit_code_2_naming_file_line_and_rule(
    h_drive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text(
        '[[rules]]\nid = "x"\naction = "burn"\nextensions = [".a"]\n'
        'title.en = "X"\nexplanation.en = "X"\n',
        encoding="utf-8",
    )
    assert main(["scan", str(h_drive), "--policy", str(policy)]) == 2
    err = capsys.readouterr().err
    assert "The retention policy cannot be used" in err
    assert f"{policy}, line 3, rule 'x'" in err


def test_python_dash_m_app_scan_in_a_subprocess(h_drive: Path, tmp_path: Path) -> None:
    report = tmp_path / "guidance.html"
    env = dict(os.environ)
    result = subprocess.run(
        [sys.executable, "-m", "app", "scan", str(h_drive), "--report", str(report)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Guidance:" in result.stdout
    assert "\r" not in result.stderr  # no progress line when stderr is not a terminal
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
