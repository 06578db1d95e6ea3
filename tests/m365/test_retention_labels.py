"""Retention labels carried into OneDrive: real uploads to the sandbox, then the label pass."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.guidance import Action, Guidance, GuidanceReport, Reason
from app.core.journal import ItemState, Journal
from app.core.plan import Choices, build_plan
from app.m365.concurrency import AdaptiveLimit
from app.m365.graph import GraphClient, RetryPolicy
from app.m365.http import VerifiedSession
from app.m365.retention_labels import LabelProgress, apply_labels
from app.m365.upload import UploadEngine
from app.sandbox.server import Sandbox
from app.settings import Upload
from tests.m365.upload_fixtures import UPN, inventory_of, write_files
from tests.sandbox_fixtures import MakeSandbox

HR = "Personnel records - 7 years"
SCOPES = ["User.Read", "Files.ReadWrite", "Files.Read.All"]


def _reason(rule_id: str, label: str) -> Reason:
    return Reason(rule_id, Action.MOVE, True, {"en": rule_id}, {"en": rule_id}, label=label)


def _graph(sb: Sandbox, scopes: list[str] = SCOPES) -> GraphClient:
    token = sb.issue_token(UPN, scopes)
    return GraphClient(
        sb.graph_url,
        lambda _force: token,
        session_factory=lambda: VerifiedSession(ca_bundle=sb.ca_path, user_agent="NONISV|T|MA/0"),
        retry=RetryPolicy(backoff_base_s=0.05, backoff_max_s=0.2),
        seed=1,
    )


@pytest.fixture
def migrated(make_sandbox: MakeSandbox, tmp_path: Path) -> Iterator[tuple[Sandbox, Journal, int]]:
    """Four files moved through the real upload engine; three with labels (one unknown)."""
    sb = make_sandbox(retention_labels=(HR, "Transitory - 1 year"))
    source = tmp_path / "h"
    write_files(source, {"hr/a.docx": 3000, "hr/b.docx": 10, "misc/c.txt": 40, "odd/d.txt": b"odd"})
    inventory = inventory_of(source)
    labels = {"hr/a.docx": HR, "hr/b.docx": HR, "odd/d.txt": "No such label"}
    report = GuidanceReport(
        inventory,
        [
            Guidance(Action.MOVE, (_reason("r", labels[f.rel_path]),))
            if f.rel_path in labels
            else Guidance(Action.MOVE)
            for f in inventory.files
        ],
    )
    plan = build_plan(report, None, Choices(), destination_folder="H drive")
    with Journal(tmp_path / "journal.sqlite3") as journal:
        run = journal.start_run(plan, account=UPN, settings_digest="t")
        graph = _graph(sb)
        result = UploadEngine(
            graph,
            journal,
            str(source),
            run_id=run,
            settings=Upload(concurrency_start=2, concurrency_max=2),
            session_factory=lambda: VerifiedSession(ca_bundle=sb.ca_path),
            limiter=AdaptiveLimit(2, 2),
        ).run()
        graph.close()
        assert result.failed == 0
        yield sb, journal, run


def test_labels_are_applied_after_verification_and_problems_listed(
    migrated: tuple[Sandbox, Journal, int],
) -> None:
    sb, journal, run = migrated
    graph = _graph(sb)
    seen: list[LabelProgress] = []
    result = apply_labels(graph, journal, run, on_progress=seen.append)
    graph.close()

    assert result.applied == 2
    assert [path for path, _ in result.problems] == ["odd/d.txt"]
    assert "does not know the retention label 'No such label'" in result.problems[0][1]
    assert seen[-1] == LabelProgress(3, 3)
    by_path = {item.rel_path: item for item in journal.items(run)}
    for path in ("hr/a.docx", "hr/b.docx"):
        item = by_path[path]
        assert item.retention_label == HR and item.label_problem is None
        assert item.item_id is not None and sb.labels.label_of(item.item_id) == HR
    odd = by_path["odd/d.txt"]
    assert odd.state is ItemState.VERIFIED  # the file stays migrated
    assert odd.retention_label is None and odd.label_problem
    assert (
        by_path["misc/c.txt"].wanted_label == "" and by_path["misc/c.txt"].retention_label is None
    )


def test_a_resumed_pass_applies_only_what_is_missing_and_honours_throttling(
    migrated: tuple[Sandbox, Journal, int],
) -> None:
    sb, journal, run = migrated
    stop = threading.Event()
    stop.set()  # stopped before anything was sent: nothing recorded
    graph = _graph(sb)
    assert journal.unfinished_run() is None  # the upload finished the run
    assert apply_labels(graph, journal, run, stop=stop).stopped
    assert len(journal.needing_label(run)) == 3
    reopened = journal.unfinished_run()  # offered for resuming: labels are still to set
    assert reopened is not None and reopened.id == run and reopened.to_do == 0

    sb.faults.script(["429:1@graph", "503:1@graph"])
    sb.reset_log()
    first = apply_labels(graph, journal, run, workers=1)
    assert first.applied == 2
    throttled = [e for e in sb.request_log() if e["status"] in (429, 503)]
    assert len(throttled) == 2  # retried after Retry-After, not failed
    sb.reset_log()
    second = apply_labels(graph, journal, run)  # only the unknown label is tried again
    graph.close()
    patches = [e for e in sb.request_log() if e["method"] == "PATCH"]
    assert second.applied == 0 and len(second.problems) == 1 and len(patches) == 1


def test_without_files_read_all_the_problem_says_so(
    migrated: tuple[Sandbox, Journal, int],
) -> None:
    sb, journal, run = migrated
    graph = _graph(sb, ["User.Read", "Files.ReadWrite"])
    result = apply_labels(graph, journal, run)
    graph.close()
    assert result.applied == 0 and len(result.problems) == 3
    assert all("not given permission" in problem for _, problem in result.problems)


@pytest.mark.parametrize("signed_out", [False, True])
def test_a_signed_out_pass_halts_and_keeps_every_label_for_the_resume(
    migrated: tuple[Sandbox, Journal, int], signed_out: bool
) -> None:
    """A 401 that a new token does not cure (or no token at all: SignInRequired) is the
    account's problem, not each file's: no label_problem on every file, no exception."""
    from app.m365.errors import AuthError, GraphError, SignInRequired

    sb, journal, run = migrated

    def token(force: bool) -> str:
        if force and signed_out:
            raise SignInRequired("refresh token revoked")
        return "not-a-valid-token"

    graph = GraphClient(
        sb.graph_url,
        token,
        session_factory=lambda: VerifiedSession(ca_bundle=sb.ca_path),
        retry=RetryPolicy(backoff_base_s=0.05, backoff_max_s=0.2),
        seed=1,
    )
    sb.reset_log()
    result = apply_labels(graph, journal, run, workers=1)
    graph.close()
    assert result.stopped and result.problems == [] and result.applied == 0
    expected = AuthError if signed_out else GraphError
    assert isinstance(result.halted_by, expected)
    assert len(journal.needing_label(run)) == 3  # all left for the resume
    assert all(item.label_problem is None for item in journal.items(run))
    assert len([e for e in sb.request_log() if e["method"] == "PATCH"]) <= 2  # one file's
    assert journal.unfinished_run() is not None
