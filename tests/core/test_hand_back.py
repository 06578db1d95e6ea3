"""The hand-back check on a generated laptop profile against the real sandbox OneDrive."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.guidance import Action, Guidance, GuidanceReport
from app.core.hand_back import (
    H_DRIVE_COPY_NAME,
    KNOWN_FOLDERS,
    HandBackStatus,
    LaptopFolder,
    check_hand_back,
    journal_copies,
    laptop_folders,
)
from app.core.inventory import FileEntry, Inventory
from app.core.journal import Journal
from app.core.plan import Choices, build_plan
from app.m365.graph import GraphClient, RetryPolicy
from app.m365.http import VerifiedSession
from app.m365.onedrive_lookup import OneDriveFolders
from app.sandbox.server import Sandbox
from tests.sandbox_fixtures import MakeSandbox

UPN = "jane.smith@sandbox.police.uk"
DEST = "H drive"


def _graph(sb: Sandbox) -> GraphClient:
    token = sb.issue_token(UPN)
    return GraphClient(
        sb.graph_url,
        lambda _force: token,
        session_factory=lambda: VerifiedSession(ca_bundle=sb.ca_path),
        retry=RetryPolicy(backoff_base_s=0.05, backoff_max_s=0.2),
    )


def _put(graph: GraphClient, path: str, data: bytes) -> dict[str, object]:
    result: dict[str, object] = graph.request(
        "PUT", graph.item_path(path) + ":/content", data=data
    ).json()
    return result


@pytest.fixture
def onedrive(make_sandbox: MakeSandbox) -> Iterator[tuple[Sandbox, GraphClient]]:
    sb = make_sandbox()
    graph = _graph(sb)
    yield sb, graph
    graph.close()


def _write(path: Path, data: bytes) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def test_laptop_profile_is_checked_file_by_file(
    onedrive: tuple[Sandbox, GraphClient], tmp_path: Path
) -> None:
    sb, graph = onedrive
    rng = random.Random(11)
    laptop = tmp_path / "laptop"
    desktop = _write(laptop / "Desktop/handover.docx", rng.randbytes(2000))
    _put(graph, f"{DEST}/Laptop/Desktop/handover.docx", desktop)  # moved with the wizard
    kfm = _write(laptop / "Documents/Cases/statement.pdf", rng.randbytes(5000))
    _put(graph, "Documents/Cases/statement.pdf", kfm)  # OneDrive's Known Folder Move
    edited = _write(laptop / "Documents/rota.xlsx", rng.randbytes(700))
    _put(graph, "Documents/rota.xlsx", rng.randbytes(700))  # same size, other bytes
    _write(laptop / "Pictures/scene.jpg", rng.randbytes(900))
    _put(graph, "Pictures/scene.jpg", rng.randbytes(100))  # other size
    _write(laptop / "Downloads/only-here.zip", rng.randbytes(300))
    hcopy = laptop / "Offline H"
    moved = _write(hcopy / "Reports/2023/annual.docx", rng.randbytes(4000))
    _write(hcopy / "new since.txt", b"written offline")
    os.mkdir(laptop / "Music")  # not a folder the check looks at
    (laptop / "Desktop" / os.fsdecode(b"bad\xff.txt")).write_bytes(b"?")  # not valid Unicode

    # Our migration moved the H: drive file; the journal knows where and with which hash.
    item = _put(graph, f"{DEST}/Reports/2023/annual.docx", moved)
    inventory = Inventory(str(hcopy), [FileEntry("Reports/2023/annual.docx", len(moved), 1, 1)])
    plan = build_plan(
        GuidanceReport(inventory, [Guidance(Action.MOVE)]), None, Choices(), destination_folder=DEST
    )
    with Journal(tmp_path / "journal.sqlite3") as journal:
        run = journal.start_run(plan, account=UPN, settings_digest="t")
        qxh = item["file"]["hashes"]["quickXorHash"]  # type: ignore[index]
        journal.mark_verified(
            run,
            0,
            item_id=str(item["id"]),
            size=len(moved),
            quick_xor_hash=qxh,
            final_path=f"{DEST}/Reports/2023/annual.docx",
        )
        copies = journal_copies(journal)

    folders = [
        LaptopFolder(name, str(laptop / name), tuple(targets))
        for name, targets in (
            ("Desktop", [f"{DEST}/Laptop/Desktop"]),
            ("Documents", [f"{DEST}/Laptop/Documents", "Documents"]),
            ("Downloads", [f"{DEST}/Laptop/Downloads"]),
            ("Pictures", [f"{DEST}/Laptop/Pictures", "Pictures"]),
        )
    ] + [LaptopFolder(H_DRIVE_COPY_NAME, str(hcopy), (DEST,), h_drive=True)]
    lookup = OneDriveFolders(graph)
    sb.reset_log()
    report = check_hand_back(folders, lookup, copies)

    status = {(i.folder, i.rel_path): i for i in report.items}
    assert status[("Desktop", "handover.docx")].status is HandBackStatus.SAFE_IN_ONEDRIVE
    assert status[("Desktop", "handover.docx")].onedrive_path == (
        f"{DEST}/Laptop/Desktop/handover.docx"
    )
    safe = status[("Documents", "Cases/statement.pdf")]
    assert (safe.status, safe.onedrive_path) == (
        HandBackStatus.SAFE_IN_ONEDRIVE,
        "Documents/Cases/statement.pdf",
    )
    rota = status[("Documents", "rota.xlsx")]
    assert rota.status is HandBackStatus.DIFFERENT_IN_ONEDRIVE and rota.size == len(edited)
    assert "different contents" in rota.detail
    scene = status[("Pictures", "scene.jpg")]
    assert scene.status is HandBackStatus.DIFFERENT_IN_ONEDRIVE and "100 bytes" in scene.detail
    assert status[("Downloads", "only-here.zip")].status is HandBackStatus.NOT_IN_ONEDRIVE
    annual = status[(H_DRIVE_COPY_NAME, "Reports/2023/annual.docx")]
    assert annual.status is HandBackStatus.SAFE_IN_ONEDRIVE
    assert status[(H_DRIVE_COPY_NAME, "new since.txt")].status is HandBackStatus.NOT_IN_ONEDRIVE
    unreadable = [i for i in report.items if i.status is HandBackStatus.UNREADABLE]
    assert [i.folder for i in unreadable] == ["Desktop"]
    assert report.complete and not report.safe_to_hand_back
    assert report.count(HandBackStatus.SAFE_IN_ONEDRIVE) == 3
    assert len(report.not_safe) == 5

    # One listing per folder asked about, never one request per file (the journal's file
    # is looked for where it was put: OneDrive may have lost it since).
    gets = [e["path"] for e in sb.request_log() if e["method"] == "GET"]
    assert len(gets) == lookup.folders_listed
    assert lookup.folders_listed <= 12

    # Deleted in OneDrive after the migration: the journal's record no longer vouches.
    graph.request("DELETE", graph.item_path(f"{DEST}/Reports/2023/annual.docx"))
    again = check_hand_back(folders[-1:], OneDriveFolders(graph), copies)
    gone = {i.rel_path: i for i in again.items}["Reports/2023/annual.docx"]
    assert gone.status is HandBackStatus.NOT_IN_ONEDRIVE


def test_nothing_left_means_safe_to_hand_back(
    onedrive: tuple[Sandbox, GraphClient], tmp_path: Path
) -> None:
    _, graph = onedrive
    data = _write(tmp_path / "Desktop/a.txt", b"abc" * 100)
    _put(graph, "Desktop/a.txt", data)
    folders = [
        LaptopFolder("Desktop", str(tmp_path / "Desktop"), ("H drive/Laptop/Desktop", "Desktop"))
    ]
    report = check_hand_back(folders, OneDriveFolders(graph))
    assert report.safe_to_hand_back and len(report.items) == 1


def test_a_stopped_check_says_it_is_incomplete(
    onedrive: tuple[Sandbox, GraphClient], tmp_path: Path
) -> None:
    import threading

    _, graph = onedrive
    _write(tmp_path / "Desktop/a.txt", b"abc")
    stop = threading.Event()
    stop.set()
    folders = [LaptopFolder("Desktop", str(tmp_path / "Desktop"), ("Desktop",))]
    report = check_hand_back(folders, OneDriveFolders(graph), stop=stop)
    assert not report.complete and not report.safe_to_hand_back


def test_folder_list_on_windows_comes_from_known_folders(tmp_path: Path) -> None:
    paths = {}
    for name, folder_id in KNOWN_FOLDERS:
        if name != "Downloads":  # one known folder that does not exist on this laptop
            (tmp_path / name).mkdir()
        paths[folder_id] = str(tmp_path / name)
    share = tmp_path / "homeshare"
    share.mkdir()
    (tmp_path / "Windows" / "CSC").mkdir(parents=True)  # Offline Files is on
    env = {"HOMESHARE": str(share), "SystemRoot": str(tmp_path / "Windows")}
    asked: list[str] = []

    def known(folder_id: str) -> str | None:
        asked.append(folder_id)
        return paths[folder_id]

    folders = laptop_folders(DEST, environ=env, windows=True, known_folder=known)
    assert asked == [folder_id for _, folder_id in KNOWN_FOLDERS]
    assert [f.name for f in folders] == ["Desktop", "Documents", "Pictures", H_DRIVE_COPY_NAME]
    assert folders[0].onedrive_folders == (f"{DEST}/Laptop/Desktop", "Desktop")
    assert folders[-1].h_drive and folders[-1].path == str(share)

    # Offline Files off: no H: drive copy; folders given on the command line win.
    env["SystemRoot"] = str(tmp_path / "nowhere")
    assert H_DRIVE_COPY_NAME not in [
        f.name for f in laptop_folders(DEST, environ=env, windows=True, known_folder=known)
    ]
    given = laptop_folders(DEST, [str(tmp_path / "Pictures")], windows=False)
    assert [(f.name, f.onedrive_folders) for f in given] == [
        ("Pictures", (f"{DEST}/Laptop/Pictures", "Pictures"))
    ]
    assert laptop_folders(DEST, windows=False) == []  # elsewhere: only folders given


def test_command_checks_moves_and_checks_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main
    from app.commands.hand_back_cmd import report_path
    from app.core.hand_back import load_report

    desktop = tmp_path / "Desktop"
    _write(desktop / "a.txt", b"only here")
    _write(desktop / "sub/b.txt", b"and here")
    state = tmp_path / "sb-state"
    base = ["--sandbox", "hand-back-check", str(desktop), "--sandbox-state", str(state)]

    assert main([*base, "--json", str(tmp_path / "r.json")]) == 3
    out = capsys.readouterr().out
    assert "Not in OneDrive (only on this laptop): 2" in out and "--move" in out
    saved = load_report(tmp_path / "r.json")
    assert saved is not None and saved.count(HandBackStatus.NOT_IN_ONEDRIVE) == 2

    assert main([*base, "--move"]) == 0, capsys.readouterr()
    assert "it can be handed back" in capsys.readouterr().out
    latest = load_report(report_path())
    assert latest is not None and latest.safe_to_hand_back
    assert {i.onedrive_path for i in latest.items} == {
        f"{DEST}/Laptop/Desktop/a.txt",
        f"{DEST}/Laptop/Desktop/sub/b.txt",
    }


def test_online_only_placeholders_are_safe_and_never_read(
    onedrive: tuple[Sandbox, GraphClient], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Known Folder Move's Files On-Demand placeholders (Windows attributes, mocked as the
    scan's Windows tests do): hashing one would download it."""
    from app.core import hand_back
    from app.core.inventory import Attr

    _, graph = onedrive
    documents = tmp_path / "Documents"
    _write(documents / "cloud.docx", b"x" * 50)  # on Windows: a placeholder
    _write(documents / "local.txt", b"only here")
    real_scan = hand_back.scan

    def scan_with_attributes(path: str, **kwargs: object) -> Inventory:
        inventory = real_scan(path, **kwargs)  # type: ignore[arg-type]
        for entry in inventory.files:
            if entry.rel_path == "cloud.docx":
                entry.attributes = int(Attr.OFFLINE)
        return inventory

    read: list[str] = []
    real_hash = hand_back.hash_file

    def hash_spy(path: str) -> tuple[int, str]:
        read.append(os.path.basename(path))
        return real_hash(path)

    monkeypatch.setattr(hand_back, "scan", scan_with_attributes)
    monkeypatch.setattr(hand_back, "hash_file", hash_spy)
    _put(graph, "Documents/local.txt", b"only here")  # hashed: same size in OneDrive
    folders = [LaptopFolder("Documents", str(documents), (f"{DEST}/Laptop/Documents", "Documents"))]
    report = check_hand_back(folders, OneDriveFolders(graph))
    items = {i.rel_path: i for i in report.items}
    cloud = items["cloud.docx"]
    assert cloud.status is HandBackStatus.SAFE_IN_ONEDRIVE
    assert cloud.onedrive_path == "Documents/cloud.docx" and "placeholder" in cloud.detail
    assert items["local.txt"].status is HandBackStatus.SAFE_IN_ONEDRIVE
    assert read == ["local.txt"]  # the placeholder was never opened


def test_a_report_that_cannot_be_saved_says_which_file(tmp_path: Path) -> None:
    from app.core.errors import UserFacingError
    from app.core.hand_back import HandBackReport, save_report

    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    with pytest.raises(UserFacingError) as raised:
        save_report(HandBackReport([]), blocker / "check.json")
    assert str(blocker / "check.json") in raised.value.message


def test_moving_laptop_folders_keeps_each_receipt_and_the_check_can_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Documents (where receipts are saved) checked with Desktop, both moved: each move
    has its own receipt, and the receipts themselves do not stop the laptop passing."""
    from app import paths
    from app.cli import main

    documents = paths.user_documents_dir()
    _write(documents / "notes.txt", b"my notes")
    h_receipt = _write(documents / "H drive migration receipt (practice).html", b"<html>H</html>")
    desktop = tmp_path / "Desktop"
    _write(desktop / "a.txt", b"only here")
    state = tmp_path / "sb-state"
    base = ["--sandbox", "hand-back-check", str(desktop), str(documents)]
    code = main([*base, "--sandbox-state", str(state), "--move"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "it can be handed back" in out
    names = sorted(p.name for p in documents.iterdir() if "receipt" in p.name)
    assert "H drive migration receipt (Laptop - Desktop) (practice).html" in names
    # Moving Documents itself: its receipt is not written into the folder it moved.
    assert "Laptop - Documents" not in " ".join(names)
    kept = paths.user_data_dir() / "Receipts"
    assert (kept / "H drive migration receipt (Laptop - Documents) (practice).csv").is_file()
    assert f"saved in the assistant's folder on this computer: {kept}" in out
    # The H: drive's receipt was not replaced by a laptop folder's.
    assert (documents / "H drive migration receipt (practice).html").read_bytes() == h_receipt


def test_a_bad_json_path_is_named_not_an_unexpected_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    desktop = tmp_path / "Desktop"
    _write(desktop / "a.txt", b"x")
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file")
    args = ["--sandbox", "hand-back-check", str(desktop)]
    args += ["--sandbox-state", str(tmp_path / "sb"), "--json", str(blocker / "r.json")]
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2, err  # not 1, "Something unexpected went wrong"
    assert "The hand-back check could not be saved" in err and str(blocker / "r.json") in err
