"""Empty files when OneDrive leaves out their hash: one rule for a fresh upload and for
the empty file found in OneDrive after a crash (size 0 + the QuickXorHash of nothing).

OneDrive may omit `file.hashes` for a 0-byte item; the sandbox always sends it, so the
answers are passed through a session that removes it (as real OneDrive would answer).
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
import requests
from upload_fixtures import UPN, Rig, module_sandbox_fixture, rig_fixture, write_files

from app.core.journal import ItemState
from app.m365.http import VerifiedSession
from app.m365.upload_outcomes import drive_path

__all__ = ["module_sandbox_fixture", "rig_fixture"]  # fixtures used by name

WHEN = 1_600_000_000


class _NoEmptyHashes(VerifiedSession):
    """Answers as OneDrive may: no hashes on a 0-byte file."""

    def request(
        self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any
    ) -> requests.Response:
        response = super().request(method, url, *args, **kwargs)
        try:
            body = response.json()
        except ValueError:
            return response
        if isinstance(body, dict) and body.get("size") == 0 and "file" in body:
            body["file"].pop("hashes", None)
            response._content = json.dumps(body).encode()
        return response


@pytest.fixture(name="hashless")
def hashless_fixture(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> Rig:
    def session() -> requests.Session:
        return _NoEmptyHashes(ca_bundle=rig.sb.ca_path, user_agent="NONISV|Test|MA/0")

    monkeypatch.setattr(rig, "session", session)
    write_files(rig.source, {"Notes/empty.txt": b"", "Notes/full.txt": b"content"})
    for rel in ("Notes/empty.txt", "Notes/full.txt"):
        os.utime(rig.source / rel, (WHEN, WHEN))
    return rig


def test_empty_file_without_a_hash_is_verified(hashless: Rig) -> None:
    result = hashless.run()
    assert (result.moved, result.failed) == (2, 0)
    entry = hashless.sb.state.files(UPN)["H drive/Notes/empty.txt"]
    assert entry["size"] == 0 and entry["lastModifiedDateTime"] == hashless.iso(WHEN)


def test_empty_file_sent_just_before_a_crash_is_recognised_on_resume(hashless: Rig) -> None:
    """The first run PUT the empty file, then died before recording it: the resume must
    take that file as ours (dates set), not keep both as 'empty (1).txt'."""
    rig = hashless
    run = rig.start()
    item = next(i for i in rig.journal.items(run) if i.rel_path == "Notes/empty.txt")
    # what the first run did before the kill: marked it, created the folder and sent it
    rig.journal.mark_sending(run, item.index, dest_path=item.dest_path)
    graph = rig.graph(None, None)
    for folder in ("H drive", "H drive/Notes"):
        parent, _, name = folder.rpartition("/")
        graph.request(
            "POST",
            drive_path(parent, "/children") if parent else "/me/drive/root/children",
            json={"name": name, "folder": {}, "@microsoft.graph.conflictBehavior": "replace"},
            expected=(200, 201),
        )
    graph.request(
        "PUT",
        drive_path(item.dest_path, "/content"),
        data=b"",
        headers={"Content-Type": "application/octet-stream"},
        expected=(200, 201),
    )

    result = rig.run()
    assert (result.moved, result.skipped_existing, result.failed) == (2, 0, 0)
    remote = rig.sb.state.files(UPN)
    assert sorted(p for p in remote if p.startswith("H drive/Notes/")) == [
        "H drive/Notes/empty.txt",
        "H drive/Notes/full.txt",
    ]
    assert remote["H drive/Notes/empty.txt"]["lastModifiedDateTime"] == rig.iso(WHEN)
    done = rig.journal.item(run, item.index)
    assert done.state is ItemState.VERIFIED and done.final_path == item.dest_path
