"""The sample H: drive: deterministic, every category present, safe to re-run."""

from __future__ import annotations

import hashlib
import os
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from app.core.errors import BadInputError
from app.core.inventory import FileEntry, FolderEntry, Inventory
from app.core.onedrive_rules import NameIssue, check_inventory
from app.core.sample_drive import make_sample_drive, plan_sample_drive

NOW = 1_790_000_000.0  # fixed, so that dates are part of what must repeat
SCALE = 0.03
YEAR = 365.25 * 86_400


def _tree(root: Path) -> dict[str, tuple[str, float]]:
    """rel_path -> (sha256 of the bytes, modification time) for every file under root."""
    found = {}
    for current, _, names in os.walk(root):
        for name in names:
            path = Path(current, name)
            rel = path.relative_to(root).as_posix()
            found[rel] = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime)
    return found


def _inventory(root: Path) -> Inventory:
    files, folders = [], [FolderEntry("")]
    for current, dirs, names in os.walk(root):
        base = Path(current).relative_to(root).as_posix()
        base = "" if base == "." else base + "/"
        folders += [FolderEntry(base + name) for name in dirs]
        for name in names:
            stat = Path(current, name).stat()
            files.append(FileEntry(base + name, stat.st_size, stat.st_mtime, stat.st_mtime))
    return Inventory(str(root), files, folders)


@pytest.fixture(scope="module")
def drive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_sample_drive(tmp_path_factory.mktemp("h") / "H", seed=1, scale=SCALE, now=NOW)


def test_same_seed_gives_the_same_drive_and_another_seed_does_not(
    drive: Path, tmp_path: Path
) -> None:
    again = make_sample_drive(tmp_path / "again", seed=1, scale=SCALE, now=NOW)
    assert _tree(again) == _tree(drive)
    other = make_sample_drive(tmp_path / "other", seed=2, scale=SCALE, now=NOW)
    assert _tree(other) != _tree(drive)


def test_every_category_is_present(drive: Path) -> None:
    tree = _tree(drive)
    names = [rel.rpartition("/")[2] for rel in tree]
    extensions = {name.rpartition(".")[2].lower() for name in names if "." in name}
    assert {"docx", "xlsx", "pptx", "pdf", "jpg", "mp3", "mp4", "pst", "lnk", "exe", "msi"} <= (
        extensions
    )
    assert {"Thumbs.db", "desktop.ini"} <= set(names)
    assert any(name.startswith("~$") and name.endswith(".docx") for name in names)
    assert any(name.endswith(".tmp") for name in names)
    lowered = [rel.lower() for rel in tree]
    for record in ("witness statement", "exhibit", "custody record", "case papers/"):
        assert any(record in rel for rel in lowered), record
    ages = [(NOW - mtime) / YEAR for _, mtime in tree.values()]
    assert any(7 <= age <= 12.5 for age in ages) and any(age < 1 for age in ages)
    assert max(len(rel) for rel in tree) > 260


def test_real_bytes_look_like_their_kind(drive: Path) -> None:
    tree = _tree(drive)

    def first(suffix: str) -> bytes:
        rel = next(rel for rel in sorted(tree) if rel.lower().endswith(suffix))
        return (drive / rel).read_bytes()

    assert first(".docx")[:2] == b"PK"
    assert first(".pdf").startswith(b"%PDF-")
    assert first(".jpg").startswith(b"\xff\xd8\xff")
    assert first(".exe").startswith(b"MZ")
    assert first(".pst").startswith(b"!BDN")


def test_exact_duplicates_in_different_folders(drive: Path) -> None:
    by_hash: defaultdict[str, set[str]] = defaultdict(set)
    for rel, (digest, _) in _tree(drive).items():
        by_hash[digest].add(rel.rpartition("/")[0])
    assert sum(1 for folders in by_hash.values() if len(folders) > 1) >= 3


def test_names_onedrive_refuses_are_there(drive: Path) -> None:
    result = check_inventory(_inventory(drive), user_principal_name="jane.smith@force.police.uk")
    found = {issue for finding in result.files.values() for issue in finding.issues}
    found |= {issue for finding in result.folders.values() for issue in finding.issues}
    expected = set(NameIssue) - {NameIssue.EMPTY, NameIssue.FILE_TOO_LARGE}
    if sys.platform == "win32":  # Windows cannot hold these names at all
        expected -= {NameIssue.INVALID_CHARACTERS, NameIssue.CASE_CLASH}
    assert expected <= found, expected - found


def test_full_size_plan_is_a_few_thousand_files_of_modest_total_size() -> None:
    planned = plan_sample_drive(seed=1, scale=1.0, now=NOW)
    total = sum(item.size for item in planned)
    assert 1_500 <= len(planned) <= 5_000
    assert 50e6 <= total <= 150e6
    assert sorted(item.size for item in planned)[-2] >= 2 * 1024 * 1024  # one or two larger
    small = sum(1 for item in planned if item.size < 100_000)
    assert small > len(planned) / 2
    bigger = plan_sample_drive(seed=1, scale=2.0, now=NOW)
    assert len(bigger) > len(planned) and max(i.size for i in bigger) > max(i.size for i in planned)


def test_rerunning_into_the_same_folder_changes_nothing(tmp_path: Path) -> None:
    root = make_sample_drive(tmp_path / "H", seed=1, scale=SCALE, now=NOW)
    before = _tree(root)
    changed = {rel: (root / rel).stat().st_ctime_ns for rel in before}  # writes, utime
    removed = sorted(before)[5]
    (root / removed).unlink()  # as if an earlier run was interrupted
    make_sample_drive(root, seed=1, scale=SCALE, now=NOW)
    assert _tree(root) == before
    unchanged = [rel for rel in before if rel != removed]
    assert all((root / rel).stat().st_ctime_ns == changed[rel] for rel in unchanged)


def test_refuses_a_folder_with_other_things_in_it(tmp_path: Path) -> None:
    real = tmp_path / "H"
    real.mkdir()
    (real / "My real notes.docx").write_bytes(b"mine")
    with pytest.raises(BadInputError) as raised:
        make_sample_drive(real, seed=1, scale=SCALE, now=NOW)
    assert "My real notes.docx" in raised.value.message
    assert sorted(os.listdir(real)) == ["My real notes.docx"]

    made = make_sample_drive(tmp_path / "other", seed=1, scale=SCALE, now=NOW)
    with pytest.raises(BadInputError):
        make_sample_drive(made, seed=2, scale=SCALE, now=NOW)

    a_file = tmp_path / "file"
    a_file.write_bytes(b"")
    with pytest.raises(BadInputError):
        make_sample_drive(a_file)


def test_the_command_line_makes_it_and_refuses_a_foreign_folder(tmp_path: Path) -> None:
    from app.cli import main

    target = tmp_path / "Training H"
    assert main(["sample-drive", str(target), "--scale", "0.01"]) == 0
    assert (target / "Case papers").is_dir()
    assert main(["sample-drive", str(target), "--scale", "0.01"]) == 0  # again: safe
    (target / "mine.txt").write_bytes(b"")
    assert main(["sample-drive", str(target), "--scale", "0.01"]) == 2
