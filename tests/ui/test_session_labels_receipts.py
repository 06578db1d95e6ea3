"""The session's label pass and receipt publishing, against the real sandbox: labels after
a clean run only, with progress for the window; a failed pass never hides the upload's
result; receipts published one at a time, newest last."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from app.m365.errors import SignInRequired
from app.settings import Policy, Settings
from app.ui.session import LabelsProgress, Session
from tests.ui.ui_builders import LABEL
from tests.ui.ui_builders import LABELLED_POLICY as POLICY

UPN = "jane.smith@sandbox.police.uk"
SCOPES = ["User.Read", "Files.ReadWrite", "Files.Read.All"]


def _session(make_sandbox: Any, tmp_path: Path) -> tuple[Session, Any]:
    sandbox = make_sandbox(retention_labels=(LABEL,))
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text(POLICY, encoding="utf-8")
    session = Session(Settings(policy=Policy(file=str(policy_file), retention_labels=True)))
    session.sandbox = sandbox
    token = sandbox.issue_token(UPN, SCOPES)
    session._token = lambda _force: token
    drive = tmp_path / "H"
    (drive / "hr").mkdir(parents=True)
    for n in range(5):
        (drive / "hr" / f"contract {n}.docx").write_bytes(b"contract %d" % n * 40)
    session.h_drive = drive
    stop = threading.Event()
    assert session.scan_and_classify(lambda _p: None, stop) is not None
    session.build_plan()
    session.start_run()
    return session, sandbox


def test_labels_follow_a_clean_run_with_progress_for_the_window(
    make_sandbox: Any, tmp_path: Path
) -> None:
    session, sandbox = _session(make_sandbox, tmp_path)
    seen: list[Any] = []
    try:
        result = session.upload(seen.append, threading.Event(), threading.Event())
        assert result.moved == 5 and session.labels_problem is None
        labels = [p for p in seen if isinstance(p, LabelsProgress)]
        assert labels and labels[-1] == LabelsProgress(5, 5)
        assert session.journal().needing_label(session.run_id) == []
        items = session.journal().items(session.run_id)
        assert {sandbox.labels.label_of(item.item_id) for item in items} == {LABEL}
    finally:
        session.close()


def test_a_failed_label_pass_keeps_the_upload_result_and_says_why(
    make_sandbox: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.m365 import retention_labels

    def signed_out(*_args: Any, **_kwargs: Any) -> str:
        raise SignInRequired("refresh token expired")

    monkeypatch.setattr(retention_labels, "set_retention_label", signed_out)
    session, _sandbox = _session(make_sandbox, tmp_path)
    try:
        result = session.upload(lambda _p: None, threading.Event(), threading.Event())
        assert result.moved == 5 and result.error is None  # the upload's own result stands
        problem = session.labels_problem
        assert problem is not None and problem.title == "Retention labels were not set"
        assert len(session.journal().needing_label(session.run_id)) == 5  # for the resume
        assert session.journal().unfinished_run() is not None
    finally:
        session.close()


def test_no_label_pass_after_a_run_that_stopped_with_an_error(
    make_sandbox: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.errors import UserFacingError
    from app.m365 import retention_labels

    calls: list[int] = []
    monkeypatch.setattr(retention_labels, "apply_labels", lambda *a, **k: calls.append(1))
    session, _sandbox = _session(make_sandbox, tmp_path)

    def token(force: bool) -> str:
        if force:
            raise SignInRequired("signed out")
        return "expired-token"

    session._token = token
    try:
        with pytest.raises(UserFacingError):
            session.upload(lambda _p: None, threading.Event(), threading.Event())
        assert session.result is not None and session.result.error is not None
        assert calls == []
    finally:
        session.close()


def test_receipts_are_published_one_at_a_time_newest_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The "Receipt so far" still uploading when the last page publishes: the last page's
    receipt must be the one left in place, and a request overtaken is skipped."""
    from app.m365 import receipt_upload

    session = Session(Settings())
    session.run_id = 1
    first_inside = threading.Event()
    release_first = threading.Event()
    finished: list[str] = []
    lock = threading.Lock()
    inside = 0
    most_inside = 0

    def publish(_journal: Any, _run: int, *, extra: tuple[str, ...], **_kw: Any) -> str:
        nonlocal inside, most_inside
        name = extra[0]
        with lock:
            inside += 1
            most_inside = max(most_inside, inside)
        if name == "so far":
            first_inside.set()
            assert release_first.wait(10)
        with lock:
            inside -= 1
            finished.append(name)
        return name

    monkeypatch.setattr(receipt_upload, "publish_receipt", publish)
    stop = threading.Event()
    results: dict[str, Any] = {}

    def run(name: str) -> None:
        results[name] = session.publish_receipt(stop, extra=(name,))

    def requested(n: int) -> None:
        # The generation is taken before the wait for the lock: poll for it (there is
        # no signal for "blocked on a lock"), briefly.
        for _ in range(1000):
            if session._publish_requested >= n:
                return
            threading.Event().wait(0.005)
        raise AssertionError("publish was not requested")

    threads = [threading.Thread(target=run, args=("so far",))]
    threads[0].start()
    assert first_inside.wait(10)
    for n, name in enumerate(("last page", "then another"), start=2):
        threads.append(threading.Thread(target=run, args=(name,)))
        threads[-1].start()
        requested(n)
    release_first.set()
    for thread in threads:
        thread.join(10)
    try:
        assert most_inside == 1  # never two at once
        assert finished[0] == "so far" and finished[-1] == "then another"  # newest last
        if "last page" not in finished:  # overtaken while waiting: skipped, newest returned
            assert results["last page"] == "then another"
        assert results["so far"] == "so far"
    finally:
        session.close()


def test_the_progress_page_shows_and_announces_the_label_pass(qtbot: Any) -> None:
    """Not sitting silently at 100%: a line of its own, announced once as a new stage; a
    problem with the pass is shown beside the upload's result."""
    from app.m365.retention_labels import LabelsNotApplied
    from app.m365.upload import RunResult
    from app.ui.wizard import MigrationWizard

    window = MigrationWizard(Session(Settings()))
    qtbot.addWidget(window)
    try:
        page = window.progress
        window.announcer.history.clear()
        page._progress(LabelsProgress(40, 1000))
        page._progress(LabelsProgress(400, 1000))
        assert page.labels_line.text() == "Setting retention labels: 400 of 1,000"
        spoken = [text for text, _assertive in window.announcer.history]
        assert spoken == ["Setting retention labels: 40 of 1,000"]
        window.session.labels_problem = LabelsNotApplied(SignInRequired("signed out"))
        page._done(RunResult(run_id=1, moved=3))
        assert "Retention labels were not set" in page.labels_line.text()
        assert "Retention labels were not set" in window.announcer.history[-1][0]
        assert page.isComplete()  # the files have moved: on to the receipt
    finally:
        window.shutdown()
        window.session.close()
