"""Odd H: drives through the real `migrate` command and the sandbox: each gets a clear
message, loses nothing and changes nothing on the H: drive.

- an empty H: drive;
- an apparently 300 GB file (sparse: no disk used) beside ordinary files: "cannot move"
  because OneDrive cannot hold it (250 GB limit), never read, never sent; the rest moves;
- symbolic link loops (a link to its own folder, two links to each other, a dangling
  link): the scan ends, links are listed and never followed, the files move once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.core.journal import ItemState, Journal
from app.sandbox.server import Sandbox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))  # e2e helpers
from test_kill_resume import snapshot

UPN = "tom.jones@sandbox.police.uk"


def migrate(sb: Sandbox, source: Path) -> int:
    return main(
        [
            *("migrate", "--sandbox-attach", str(sb.state_dir), "--sandbox-user", UPN),
            *("--source", str(source), "--accept-guidance"),
        ]
    )


def latest_items() -> list[object]:
    with Journal.open_default(practice=True) as journal:
        run = journal.latest_run()
        assert run is not None
        return list(journal.items(run.id))


def test_an_empty_h_drive(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "H"
    source.mkdir()
    code = migrate(sandbox, source)
    out = capsys.readouterr()
    assert code == 0, out
    assert "Found 0 files" in out.out
    assert "Traceback" not in out.out + out.err
    assert [p for p in sandbox.state.files(UPN) if p.startswith("H drive/")] == []
    assert sandbox.state.open_sessions(UPN) == []


def test_an_apparently_300_gb_file_is_cannot_move_and_never_read(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "H"
    (source / "Video").mkdir(parents=True)
    huge = source / "Video" / "interview.mp4"
    with huge.open("wb") as handle:
        handle.truncate(300 * 1000**3)  # sparse: the disk holds nothing
    (source / "notes.txt").write_bytes(b"notes\n" * 100)
    before_atime = huge.stat().st_atime_ns
    code = migrate(sandbox, source)
    out = capsys.readouterr().out
    assert code == 0, out
    items = {i.rel_path: i for i in latest_items()}  # type: ignore[attr-defined]
    assert items["notes.txt"].state is ItemState.VERIFIED
    big = items["Video/interview.mp4"]
    assert big.state is ItemState.CANNOT_MOVE
    assert "onedrive-cannot-hold" in {rule for rule, _title in big.reasons}, big.reasons
    assert "H drive/Video/interview.mp4" not in sandbox.state.files(UPN)
    sent = [e for e in sandbox.state.request_log() if "interview" in str(e["path"])]
    assert sent == []  # not even a session was asked for
    assert huge.stat().st_size == 300 * 1000**3 and huge.stat().st_atime_ns == before_atime


def test_symbolic_link_loops(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "H"
    (source / "Cases" / "deep").mkdir(parents=True)
    (source / "Cases" / "deep" / "statement.txt").write_bytes(b"statement\n" * 50)
    (source / "top.txt").write_bytes(b"top\n")
    os.symlink(source / "Cases", source / "Cases" / "deep" / "loop")  # to an ancestor
    os.symlink("ping", source / "pong")
    os.symlink("pong", source / "ping")  # two links pointing at each other
    os.symlink("nowhere", source / "dangling")
    os.symlink(".", source / "self")
    before = snapshot(source)
    code = migrate(sandbox, source)
    out = capsys.readouterr().out
    assert code == 0, out
    remote = {p for p in sandbox.state.files(UPN) if p.startswith("H drive/")}
    assert remote == {"H drive/Cases/deep/statement.txt", "H drive/top.txt"}
    assert snapshot(source) == before
    assert all(os.path.islink(source / n) for n in ("ping", "pong", "dangling", "self"))


def test_long_paths_and_names_that_are_not_unicode(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "H"
    over_260 = source / ("a" * 70) / ("b" * 70) / ("c" * 70) / ("d" * 60) / "witness.txt"
    over_400 = source / ("e" * 100) / ("f" * 100) / ("g" * 100) / ("h" * 100) / "long.txt"
    for path in (over_260, over_400):
        path.parent.mkdir(parents=True)
        path.write_bytes(path.name.encode() * 10)
    bad_name = os.fsencode(source) + b"/scan \xff\xfe.txt"  # not UTF-8: not a Unicode name
    with open(bad_name, "wb") as handle:
        handle.write(b"scanned\n")
    before = snapshot(source)
    code = migrate(sandbox, source)
    out = capsys.readouterr().out
    assert code == 0, out
    items = {i.rel_path: i for i in latest_items()}  # type: ignore[attr-defined]
    rel_260 = over_260.relative_to(source).as_posix()
    rel_400 = over_400.relative_to(source).as_posix()
    assert len(rel_260) > 260 and len(rel_400) > 400
    assert items[rel_260].state is ItemState.VERIFIED  # Windows' 260 is not OneDrive's limit
    assert items[rel_400].state is ItemState.CANNOT_MOVE and items[rel_400].reasons
    # Not a Unicode name: not in the plan, so the command says so (it stays on the H: drive).
    assert "Not included (left on the H: drive): 1 item(s)" in out
    assert "scan \\xff\\xfe.txt: invalid name" in out
    remote = {p for p in sandbox.state.files(UPN) if p.startswith("H drive/")}
    assert remote == {f"H drive/{rel_260}"}
    assert snapshot(source) == before
