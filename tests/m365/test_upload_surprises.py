"""The engine meets surprises: a read error on the H: drive, answers it cannot use.

One file of five is hit each time; the run must end (a hang fails the test through a
timeout), with that file failed and explained, and every other file verified.
The surprise is real: an OSError from the file read (as when the H: share drops), or a
real sandbox answer whose body is damaged on its way back (a session subclass, like a
misbehaving proxy would do).
"""

from __future__ import annotations

import errno
import threading
from typing import Any

import pytest
import requests
from upload_fixtures import UPN, Rig, module_sandbox_fixture, rig_fixture, write_files

from app.core.journal import ItemState
from app.m365 import upload_session
from app.m365.http import VerifiedSession
from app.m365.upload import RunResult

__all__ = ["module_sandbox_fixture", "rig_fixture"]  # fixtures used by name

BAD = "bad.bin"
FILES: dict[str, bytes | int] = {f"good{n}.bin": 5_000 + n for n in range(4)} | {BAD: 7_000}


def run_with_timeout(rig: Rig, timeout: float = 60.0) -> RunResult:
    results: list[RunResult] = []
    thread = threading.Thread(target=lambda: results.append(rig.run()), daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), "the upload engine hung"
    assert results, "the engine's run() raised instead of returning a result"
    return results[0]


def assert_only_bad_failed(rig: Rig, result: RunResult, code: str) -> None:
    assert result.error is None
    assert (result.moved, result.failed, result.remaining) == (4, 1, 0)
    items = {i.rel_path: i for i in rig.journal.items(rig.run_id)}
    bad = items.pop(BAD)
    assert bad.state is ItemState.FAILED and bad.fail_code == code
    assert bad.fail_message and bad.fail_action
    assert {i.state for i in items.values()} == {ItemState.VERIFIED}
    remote = rig.sb.state.files(UPN)
    assert sorted(p for p in remote if p.startswith("H drive/good")) == sorted(
        f"H drive/{rel}" for rel in items
    )


class _FailingReads:
    """A file handle whose reads fail like a dropped network share."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def __enter__(self) -> _FailingReads:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def seek(self, offset: int) -> int:
        return int(self._handle.seek(offset))

    def read(self, _size: int = -1) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    def close(self) -> None:
        self._handle.close()


def test_read_error_on_the_h_drive_fails_that_file_only(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_files(rig.source, FILES)
    real_open = open

    def failing_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        handle = real_open(path, *args, **kwargs)
        return _FailingReads(handle) if str(path).endswith(BAD) else handle

    monkeypatch.setattr(upload_session, "open", failing_open, raising=False)
    result = run_with_timeout(rig)
    assert_only_bad_failed(rig, result, "source_unreadable")
    bad = next(i for i in rig.journal.items(rig.run_id) if i.rel_path == BAD)
    assert "H: drive could not be read" in (bad.fail_message or "")


class _DamagingSession(VerifiedSession):
    """Returns the sandbox's real answer to createUploadSession for BAD, body damaged."""

    damage: bytes = b""

    def request(
        self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any
    ) -> requests.Response:
        response = super().request(method, url, *args, **kwargs)
        if "createUploadSession" in str(url) and BAD in str(url):
            response._content = self.damage  # the damage is the point
        return response


@pytest.mark.parametrize(
    "damage",
    [b"<html>Proxy error</html>", b'{"expirationDateTime": "2030-01-01T00:00:00Z"}', b"[]"],
    ids=["not-json", "no-uploadUrl", "not-an-object"],
)
def test_unusable_answer_fails_that_file_only(
    rig: Rig, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    write_files(rig.source, FILES)

    def damaging() -> requests.Session:
        session = _DamagingSession(ca_bundle=rig.sb.ca_path, user_agent="NONISV|Test|MA/0")
        session.damage = damage
        return session

    monkeypatch.setattr(rig, "session", damaging)
    result = run_with_timeout(rig)
    assert_only_bad_failed(rig, result, "malformedResponse")


def test_unexpected_exception_fails_the_file_and_the_run_goes_on(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A defect (any exception) in one file's upload never stops the others."""
    write_files(rig.source, FILES)
    real_move = upload_session.FileUploader._move

    def buggy(self: upload_session.FileUploader, stat: Any) -> Any:
        if self.item.rel_path == BAD:
            raise ZeroDivisionError("a bug")
        return real_move(self, stat)

    monkeypatch.setattr(upload_session.FileUploader, "_move", buggy)
    result = run_with_timeout(rig)
    assert_only_bad_failed(rig, result, "unexpected")


def test_without_a_surprise_every_file_is_verified(rig: Rig) -> None:
    """Control: without a surprise all five files are verified (the helpers can fail)."""
    write_files(rig.source, FILES)
    result = run_with_timeout(rig)
    assert (result.moved, result.failed) == (5, 0)
