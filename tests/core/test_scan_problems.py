"""What the scan records instead of crashing: links, unreadable folders, undecodable
names, entries that vanish mid-scan, partial listings, a root that cannot be read."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.hdrive import HDriveNotFound, HDriveUnreadable
from app.core.inventory import Inventory, ProblemKind
from app.core.scan import scan

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file system behaviour")


def problems(inventory: Inventory) -> dict[str, ProblemKind]:
    return {p.rel_path: p.kind for p in inventory.problems}


def file_paths(inventory: Inventory) -> set[str]:
    return {f.rel_path for f in inventory.files}


@posix_only
def test_links_are_recorded_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not on the H: drive")
    root = tmp_path / "H"
    (root / "Cases").mkdir(parents=True)
    (root / "Cases" / "a.txt").write_text("a")
    os.symlink(root, root / "Cases" / "loop")  # a loop back to the top
    os.symlink("..", root / "Cases" / "up")  # a relative loop
    os.symlink(outside, root / "outside folder")
    os.symlink(outside / "secret.txt", root / "file link.txt")
    os.symlink(tmp_path / "gone", root / "dangling")
    inventory = scan(root)
    assert file_paths(inventory) == {"Cases/a.txt"}
    assert problems(inventory) == {
        "Cases/loop": ProblemKind.LINK,
        "Cases/up": ProblemKind.LINK,
        "outside folder": ProblemKind.LINK,
        "file link.txt": ProblemKind.LINK,
        "dangling": ProblemKind.LINK,
    }
    details = {p.rel_path: p.detail for p in inventory.problems}
    assert details["outside folder"] == f"a link to {outside}"
    assert {f.rel_path for f in inventory.folders} == {"", "Cases"}


@posix_only
def test_names_that_are_not_unicode(tmp_path: Path) -> None:
    root = tmp_path / "H"
    root.mkdir()
    base = os.fsencode(root)
    os.close(os.open(base + b"/caf\xe9.txt", os.O_CREAT | os.O_WRONLY, 0o644))
    os.mkdir(base + b"/dossier \xff")
    os.close(os.open(base + b"/dossier \xff/inside.txt", os.O_CREAT | os.O_WRONLY, 0o644))
    (root / "café ok.txt").write_text("fine")  # valid UTF-8, not ASCII
    inventory = scan(root)
    assert file_paths(inventory) == {"café ok.txt"}
    assert problems(inventory) == {
        "caf\\xe9.txt": ProblemKind.INVALID_NAME,
        "dossier \\xff": ProblemKind.INVALID_NAME,
    }
    details = {p.rel_path: p.detail for p in inventory.problems}
    assert "inside the folder was not scanned" in details["dossier \\xff"]
    assert "inside the folder" not in details["caf\\xe9.txt"]


def test_file_vanishing_between_listing_and_stat(tmp_path: Path) -> None:
    root = tmp_path / "H"
    (root / "sub").mkdir(parents=True)
    for name in ("keep.txt", "gone.txt"):
        (root / name).write_text(name)
    (root / "sub" / "x.txt").write_text("x")

    def lister(path: str) -> Iterator[os.DirEntry[str]]:
        entries = list(os.scandir(path))
        if Path(path) == root:
            (root / "gone.txt").unlink()  # deleted by someone else after our listing
            shutil.rmtree(root / "sub")
        return iter(entries)

    inventory = scan(root, workers=1, lister=lister)
    assert file_paths(inventory) == {"keep.txt"}
    assert problems(inventory) == {"gone.txt": ProblemKind.VANISHED, "sub": ProblemKind.VANISHED}
    assert {f.rel_path for f in inventory.folders} == {""}
    assert inventory.complete


def test_unreadable_folder_reported_by_the_lister(tmp_path: Path) -> None:
    """Portable variant (also where permissions cannot be tested for real)."""
    root = tmp_path / "H"
    (root / "Private").mkdir(parents=True)
    (root / "Private" / "p.txt").write_text("p")
    (root / "ok.txt").write_text("ok")

    def lister(path: str) -> Iterator[os.DirEntry[str]]:
        if path.endswith("Private"):
            raise PermissionError(13, "Permission denied", path)
        return os.scandir(path)

    inventory = scan(root, lister=lister)
    assert file_paths(inventory) == {"ok.txt"}
    assert problems(inventory) == {"Private": ProblemKind.UNREADABLE_FOLDER}
    assert "permission" in inventory.problems[0].detail
    assert {f.rel_path for f in inventory.folders} == {""}


def test_listing_that_breaks_part_way_keeps_what_it_read(tmp_path: Path) -> None:
    root = tmp_path / "H"
    (root / "Big").mkdir(parents=True)
    for n in range(10):
        (root / "Big" / f"{n}.txt").write_text("12345")

    def lister(path: str) -> Iterator[os.DirEntry[str]]:
        if not path.endswith("Big"):
            yield from os.scandir(path)
            return
        entries = sorted(os.scandir(path), key=lambda e: e.name)
        yield from entries[:4]
        raise OSError(64, "The specified network name is no longer available")

    inventory = scan(root, lister=lister)
    assert file_paths(inventory) == {f"Big/{n}.txt" for n in range(4)}
    [problem] = inventory.problems
    assert (problem.rel_path, problem.kind) == ("Big", ProblemKind.UNREADABLE_FOLDER)
    assert problem.detail.startswith("only part of this folder")
    assert {f.rel_path: f.file_count for f in inventory.folders} == {"": 4, "Big": 4}


def test_missing_root_is_h_drive_not_found(tmp_path: Path) -> None:
    with pytest.raises(HDriveNotFound) as caught:
        scan(tmp_path / "no such drive")
    assert str(tmp_path / "no such drive") in caught.value.message


def test_a_file_is_not_an_h_drive(tmp_path: Path) -> None:
    (tmp_path / "h.txt").write_text("not a folder")
    with pytest.raises(HDriveNotFound):
        scan(tmp_path / "h.txt")


def test_unreadable_root(tmp_path: Path) -> None:
    def lister(path: str) -> Iterator[os.DirEntry[str]]:
        raise PermissionError(13, "Permission denied", path)

    with pytest.raises(HDriveUnreadable) as caught:
        scan(tmp_path, lister=lister)
    assert caught.value.exit_code == 2 and caught.value.action


def _scan_as_nobody(root: Path) -> dict[str, object]:
    """Run the scan in a forked child that has dropped root: real kernel permission checks."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        status = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            inventory = scan(root, workers=1)
            result = {
                "files": sorted(file_paths(inventory)),
                "problems": {p.rel_path: str(p.kind) for p in inventory.problems},
                "folders": sorted(f.rel_path for f in inventory.folders),
            }
            os.write(write_end, json.dumps(result).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return dict(json.loads(data))


@posix_only
def test_unreadable_folder_for_real() -> None:
    """chmod 000 means nothing to root (these tests run as root here), so the scan then
    runs in a child process that has given up root; as a normal user, directly."""
    # Not tmp_path: pytest's base temp folder is private to root (0700).
    base = Path(tempfile.mkdtemp(prefix="scan-perm-"))
    try:
        os.chmod(base, 0o755)
        root = base / "H"
        (root / "Private" / "deeper").mkdir(parents=True)
        (root / "Private" / "p.txt").write_text("p")
        (root / "Open").mkdir()
        (root / "Open" / "o.txt").write_text("o")
        (root / "Open" / "no-read.txt").write_text("x")
        os.chmod(root / "Open" / "no-read.txt", 0o000)  # listed and sized all the same
        for folder in (base, root, root / "Open"):
            os.chmod(folder, 0o755)
        os.chmod(root / "Private", 0o000)
        if os.geteuid() == 0:
            result = _scan_as_nobody(root)
        else:
            inventory = scan(root, workers=1)
            result = {
                "files": sorted(file_paths(inventory)),
                "problems": {p.rel_path: str(p.kind) for p in inventory.problems},
                "folders": sorted(f.rel_path for f in inventory.folders),
            }
        assert result == {
            "files": ["Open/no-read.txt", "Open/o.txt"],
            "problems": {"Private": "unreadable_folder"},
            "folders": ["", "Open"],
        }
    finally:
        os.chmod(base / "H" / "Private", 0o755)
        shutil.rmtree(base)


@posix_only
def test_special_files_are_not_read(tmp_path: Path) -> None:
    root = tmp_path / "H"
    root.mkdir()
    os.mkfifo(root / "pipe")
    (root / "a.txt").write_text("a")
    inventory = scan(root)
    assert file_paths(inventory) == {"a.txt"}
    assert problems(inventory) == {"pipe": ProblemKind.UNREADABLE_FILE}
    assert "not a regular file" in inventory.problems[0].detail
