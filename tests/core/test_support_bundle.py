"""The support bundle holds what the service desk needs and nothing it must not see: after a
real migration against the sandbox, no issued token, no upload URL secret, no byte of the
H: drive's files, no account name, only the expected members; the settings without secrets;
proxies without credentials; a readable session code."""

from __future__ import annotations

import json
import logging
import random
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import paths
from app.cli import main
from app.core.journal import Journal
from app.core.receipt_files import PRACTICE_RECEIPT_NAME
from app.core.support_bundle import (
    SESSION_CODE_ALPHABET,
    Scrubber,
    default_bundle_path,
    environment_info,
    new_session_code,
    saved_receipts,
    settings_without_secrets,
    write_support_bundle,
)
from app.sandbox.server import Sandbox
from app.settings import Identity, Settings

UPN = "tom.jones@sandbox.police.uk"


def _members(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _record_secrets(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every access token and upload-URL secret the sandbox hands out from now on."""
    issued: list[str] = []
    access_token = sandbox.identity.access_token
    upload_url = sandbox.uploads.upload_url

    def recording_token(*args: Any, **kwargs: Any) -> str:
        issued.append(access_token(*args, **kwargs))
        return issued[-1]

    def recording_url(base: str, session: Any) -> str:
        issued.append(session.secret)
        return upload_url(base, session)

    monkeypatch.setattr(sandbox.identity, "access_token", recording_token)
    monkeypatch.setattr(sandbox.uploads, "upload_url", recording_url)
    return issued


def _drive(root: Path) -> list[bytes]:
    rng = random.Random(20261122)
    contents = []
    for i in range(4):
        # Recognisable: a marker, then random bytes (as text too, should a reader decode it).
        data = f"H-DRIVE-CONTENT-{i}-".encode() + rng.randbytes(3000).hex().encode()
        path = root / "Cases" / f"case {i}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        contents.append(data)
    return contents


def test_bundle_after_a_real_migration_leaks_nothing(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    issued = _record_secrets(sandbox, monkeypatch)
    contents = _drive(tmp_path / "H")
    attach = ["--sandbox-attach", str(sandbox.state_dir), "--sandbox-user", UPN]
    args = ["migrate", *attach, "--source", str(tmp_path / "H"), "--accept-guidance"]
    assert main(args) == 0, capsys.readouterr()
    # A refresh token the sandbox really issued, and bad lines a bug could write: the
    # bundle's own scrubbing must catch what the log's formatter did not.
    reply = sandbox.identity._token_response(UPN, ["Files.ReadWrite"], "c", sandbox.base_url)
    body = json.loads(reply.body)
    issued += [body["access_token"], body["refresh_token"], body["id_token"]]
    logging.getLogger("test").warning("odd reply from the server: %s", body["refresh_token"])
    logging.getLogger("test").info("Signed in as %s.", UPN)  # as app.m365.auth does
    log_path = paths.user_log_dir() / "migration-assistant.log"
    with log_path.open("a", encoding="utf-8") as handle:  # past the redacting formatter
        handle.write(f"raw Authorization: Bearer {issued[0]}\n{json.dumps(body)}\n")
    assert len(issued) >= 5 and all(len(secret) >= 32 for secret in issued)
    saved = paths.user_documents_dir() / "H drive migration receipt.html"
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text("<p>Moved: Cases/case 0.txt</p>", "utf-8")

    assert main(["--sandbox", "support-bundle", "--out", str(tmp_path / "b.zip")]) == 0
    out = capsys.readouterr().out
    code = re.search(r"Session code: (\w{3}-\w{3})", out)
    assert code is not None
    members = _members(tmp_path / "b.zip")
    assert set(members) == {
        "README.txt",
        "environment.json",
        "journal.json",
        "logs/migration-assistant.log",
        "receipts/H drive migration receipt.html",
        f"receipts/{PRACTICE_RECEIPT_NAME}.csv",
        f"receipts/{PRACTICE_RECEIPT_NAME}.html",
        "receipts/latest run (practice-journal).txt",
        "settings.json",
        "versions.json",
    }
    everything = b"\n".join(members.values())
    for secret in issued:
        assert secret.encode() not in everything
        assert secret[:24].encode() not in everything  # nor a recognisable part of one
    for data in contents:
        assert data[:40] not in everything
        assert data[-40:] not in everything
    assert b"H-DRIVE-CONTENT" not in everything
    assert UPN.encode() not in everything.lower()
    assert b"[account 1]" in members["logs/migration-assistant.log"]
    assert b"case 0.txt" in members["receipts/H drive migration receipt.html"]  # paths stay
    assert code.group(1).encode() in members["README.txt"]
    assert code.group(1).encode() in members["logs/migration-assistant.log"]
    state = json.loads(members["journal.json"])["practice-journal.sqlite3"]
    assert state["current_run"] is None
    assert state["run"]["counts"] == {"verified": 4}
    assert state["run"]["bytes_done"] == sum(map(len, contents))


def test_a_journal_in_use_is_still_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Read only (Journal.open_read_only): the running assistant's journal is read, not skipped.
    with Journal.open_default():
        assert main(["support-bundle", "--out", str(tmp_path / "b.zip")]) == 0
    assert "Not included" not in capsys.readouterr().out
    state = json.loads(_members(tmp_path / "b.zip")["journal.json"])["journal.sqlite3"]
    assert state["current_run"] is None


def test_settings_lose_secrets_and_url_credentials() -> None:
    settings = Settings(identity=Identity(authority_host="https://u:p4ss@login.example"))
    cleaned = settings_without_secrets(settings)
    assert cleaned["identity"]["authority_host"] == "https://[credentials removed]@login.example"
    assert "p4ss" not in json.dumps(cleaned)
    assert cleaned["upload"]["concurrency_max"] == 8  # the rest as in force


def test_environment_names_only_and_proxies_without_credentials() -> None:
    env = {
        "HTTPS_PROXY": "http://officer:hunter2@proxy.police.uk:8080",
        "LANG": "cy_GB.UTF-8",
        "MY_SECRET": "hunter2",
    }
    info = environment_info(env)
    assert info["proxies"] == {"HTTPS_PROXY": "http://[credentials removed]@proxy.police.uk:8080"}
    assert info["values"] == {"LANG": "cy_GB.UTF-8"}
    assert info["variable_names"] == sorted(env)
    assert "hunter2" not in json.dumps(info)


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("PUT /upload/ab12?token=Zx9_QwErTy", "/upload/ab12?token=[redacted]"),
        ("Authorization: Bearer abc.def", "Authorization: [redacted]"),
        ('{"user_code": "ABCD-1234"}', '"user_code": "[redacted]"'),
        ("grant 0.AXoAbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_ab", "grant 0.[secret-like"),
        (
            "H:/Cases/2023/Statement of J Smith v2.docx",
            "H:/Cases/2023/Statement of J Smith v2.docx",
        ),
        ("hash AAAAAAAAAAAAAAAAAAAAAAAAAAA=", "hash AAAAAAAAAAAAAAAAAAAAAAAAAAA="),
        ("sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "sha 9f86d0"),
    ],
)
def test_scrubber(line: str, kept: str) -> None:
    assert kept in Scrubber()(line)


def test_accounts_become_numbered_consistently() -> None:
    scrub = Scrubber()
    text = scrub("signed in as Jane.Smith@x.uk; run of tom@x.uk; again jane.smith@x.uk")
    assert text == "signed in as [account 1]; run of [account 2]; again [account 1]"


def test_session_code_is_short_and_unambiguous() -> None:
    codes = {new_session_code() for _ in range(200)}
    assert len(codes) > 190
    for code in codes:
        assert re.fullmatch(f"[{SESSION_CODE_ALPHABET}]{{3}}-[{SESSION_CODE_ALPHABET}]{{3}}", code)
    assert not set("01ILOSZ25B8") & set(SESSION_CODE_ALPHABET)


def test_bundle_is_private_and_never_half_written(tmp_path: Path) -> None:
    target = tmp_path / "out" / "b.zip"
    write_support_bundle(target, log_dir=tmp_path / "no logs", settings=Settings(), code="AAA-AAA")
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["b.zip"]


_SECRETS = [
    "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
    "0.AXoAbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_ab",
    "S3cr3tC0de",
    "St4teVal",
    "At0kenValue",
    "tom.jones@sandbox.police.uk",
    "Jane.Smith@x.uk",
    "Us3rC0de",
]
_FRAGMENTS = [
    "2026-11-22 08:40:41,123 INFO upload-1 app.m365.upload:",
    "Verified Cases/2023/notes.docx",
    "Signed in as",
    "Graph error: HTTP 404 code=itemNotFound",
    "Bearer",
    _SECRETS[0],
    "access_token=",
    '"refresh_token":',
    _SECRETS[1],
    f"?code={_SECRETS[2]}&state={_SECRETS[3]}",
    f"access_token={_SECRETS[4]}",
    "Authorization:",
    _SECRETS[5],
    _SECRETS[6],
    f'"user_code": "{_SECRETS[7]}"',
    "%3Dtoken%3Dabc",
    "monkey key: value",
    "H:/Cases/Statement of J Smith v2.docx",
    "x" * 40,
    "",
    "",
]
_LINES = st.lists(st.sampled_from(_FRAGMENTS), max_size=6).map(" | ".join)


@given(st.lists(_LINES, max_size=32))  # one piece's worth: exactly the same result
def test_scrubbing_in_pieces_equals_scrubbing_whole(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert Scrubber()(text) == Scrubber().full(text)


@given(st.lists(_LINES, max_size=400))  # many pieces: no secret survives
def test_no_secret_survives_scrubbing_in_pieces(lines: list[str]) -> None:
    scrubbed = Scrubber()("\n".join(lines))
    assert not [secret for secret in _SECRETS if secret in scrubbed]


def test_a_code_at_the_very_start_is_caught() -> None:
    assert Scrubber()("code=S3cr3tC0de\nok") == "code=[redacted]\nok"


def test_a_secret_on_the_line_after_its_keyword_is_caught() -> None:
    text = 'ok\n{"refresh_token":\n "abc.def"}\nok\n'
    assert "abc.def" not in Scrubber()(text)


def test_every_saved_receipt_is_found_wherever_it_was_saved(tmp_path: Path) -> None:
    documents = tmp_path / "Documents"
    own = paths.user_data_dir() / "Receipts"  # where receipts go when Documents is on H:
    for folder, name in [
        (documents, "H drive migration receipt.html"),
        (documents, "H drive migration receipt (Laptop - Desktop).csv"),
        (documents, "H drive migration receipt (practice).csv"),
        (documents, "notes.html"),
        (own, "H drive migration receipt.csv"),
    ]:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x")
    found = {(p.parent.name, p.name) for p in saved_receipts(documents)}
    assert found == {
        ("Documents", "H drive migration receipt.html"),
        ("Documents", "H drive migration receipt (Laptop - Desktop).csv"),
        ("Documents", "H drive migration receipt (practice).csv"),
        ("Receipts", "H drive migration receipt.csv"),
    }


def test_a_bundle_is_not_saved_on_the_h_drive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    monkeypatch.setattr(paths, "user_documents_dir", lambda: share / "Documents")
    monkeypatch.setenv("HOMESHARE", str(share))
    assert default_bundle_path("ABC-123").parent == paths.user_data_dir() / "Receipts"
    monkeypatch.delenv("HOMESHARE")
    assert default_bundle_path("ABC-123").parent == share / "Documents"
