"""The receipt of a real `migrate` run against the sandbox, checked against what OneDrive
holds item by item; uploaded beside the files; a second run adds to it; an upload that
fails is reported and the receipt is still saved."""

from __future__ import annotations

import csv
import io
import random
import threading
from pathlib import Path

import pytest

from app import paths
from app.cli import main
from app.core.journal import Journal
from app.core.receipt_files import receipt_documents
from app.m365.graph import GraphClient, RetryPolicy
from app.m365.http import VerifiedSession
from app.m365.receipt_upload import publish_receipt
from app.sandbox.server import Sandbox

UPN = "tom.jones@sandbox.police.uk"
HTML = "H drive migration receipt (practice).html"
CSV = "H drive migration receipt (practice).csv"


def _drive(root: Path) -> None:
    rng = random.Random(21)
    files = {
        "Reports/2023/annual report.docx": rng.randbytes(30_000),
        "notes.txt": b"notes\n" * 50,
        "Rota: week 3.xlsx": rng.randbytes(4_000),  # renamed: ':' is not allowed
        "Thumbs.db": rng.randbytes(500),  # discarded (system file)
        "Mail/old.pst": rng.randbytes(2_000),  # cannot move (Outlook data)
    }
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _migrate(sb: Sandbox, source: Path) -> int:
    return main(
        [
            "migrate",
            "--sandbox-attach",
            str(sb.state_dir),
            "--sandbox-user",
            UPN,
            "--source",
            str(source),
            "--accept-guidance",
        ]
    )


def _rows(data: bytes) -> dict[str, dict[str, str]]:
    text = data.decode("utf-8").removeprefix("\ufeff")
    return {row["source_path"]: row for row in csv.DictReader(io.StringIO(text))}


def test_receipt_matches_onedrive_is_uploaded_and_a_second_run_adds_to_it(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "H"
    _drive(source)
    assert _migrate(sandbox, source) == 0
    out = capsys.readouterr().out
    documents = paths.user_documents_dir()
    local_csv = (documents / CSV).read_bytes()
    rows = _rows(local_csv)
    remote = sandbox.state.files(UPN)

    # every file OneDrive holds in the destination is a "moved" row with its hash and size
    moved = {r["onedrive_path"]: r for r in rows.values() if r["outcome"] == "moved"}
    in_destination = {p: e for p, e in remote.items() if p.startswith("H drive/")}
    assert set(moved) == set(in_destination)
    for path, entry in in_destination.items():
        assert moved[path]["quickxorhash"] == entry["quickXorHash"], path
        assert int(moved[path]["size_bytes"]) == entry["size"], path
    assert rows["Rota: week 3.xlsx"]["new_name"] not in ("", "Rota: week 3.xlsx")
    assert rows["Thumbs.db"]["outcome"] == "discarded"
    assert "system-files" in rows["Thumbs.db"]["reasons"]
    assert rows["Mail/old.pst"]["outcome"] == "cannot_move"

    # uploaded beside the destination folder, byte for byte what was saved
    assert sandbox.state.read_file(UPN, CSV) == local_csv
    assert sandbox.state.read_file(UPN, HTML) == (documents / HTML).read_bytes()
    assert f"Receipt in OneDrive: {HTML}, {CSV}" in out

    # a second run (a file added since) adds to the same receipt and replaces the upload
    (source / "later.txt").write_bytes(b"written after the first run\n")
    assert _migrate(sandbox, source) == 0
    second = (documents / CSV).read_bytes()
    rows = _rows(second)
    assert rows["later.txt"]["outcome"] == "moved" and rows["later.txt"]["run"] == "2"
    notes = rows["notes.txt"]
    assert notes["outcome"] == "moved" and notes["history"] == "1:moved; 2:already_there"
    assert sandbox.state.read_file(UPN, CSV) == second
    names = [p for p in sandbox.state.files(UPN) if "receipt" in p]
    assert sorted(names) == sorted([CSV, HTML])  # replaced, not a copy beside it
    page = (documents / HTML).read_text(encoding="utf-8")
    assert '<th scope="row">Run 1</th>' in page and '<th scope="row">Run 2</th>' in page


def test_an_upload_failure_is_reported_and_the_receipt_still_saved(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    source = tmp_path / "H"
    _drive(source)
    assert _migrate(sandbox, source) == 0
    (documents := paths.user_documents_dir() / "again").mkdir()
    scopes = ["User.Read", "Files.ReadWrite"]
    graph = GraphClient(
        sandbox.graph_url,
        lambda _force: sandbox.issue_token(UPN, scopes),
        session_factory=lambda: VerifiedSession(ca_bundle=sandbox.ca_path),
        retry=RetryPolicy(max_attempts=1),
    )
    sandbox.faults.script(["503@content"])
    try:
        with Journal.open_default(practice=True) as journal:
            run = journal.latest_run()
            assert run is not None
            published = publish_receipt(
                journal,
                run.id,
                folder=documents,
                graph=graph,
                practice=True,
                stop=threading.Event(),
            )
    finally:
        graph.close()
        sandbox.faults.clear()
    assert [u.ok for u in published.uploads] == [False, True]  # the HTML met the 503
    assert "was not put in OneDrive" in " ".join(published.report())
    assert sorted(p.name for p in published.saved) == sorted([CSV, HTML])
    assert (documents / HTML).read_bytes() == receipt_documents(published.receipt)[0].content
    assert sandbox.state.read_file(UPN, CSV) == (documents / CSV).read_bytes()
