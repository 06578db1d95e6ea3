"""The window's receipt: "Receipt so far" on the progress page and the last page both save
it in Documents and put it in OneDrive (the practice sandbox), on a worker, and say where."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app import paths
from app.core.guidance import Action, Guidance, GuidanceReport
from app.core.inventory import FileEntry, Inventory
from app.core.journal import Journal
from app.core.plan import Choices, build_plan
from app.sandbox.server import Sandbox
from app.settings import Settings
from app.ui.pages.done import DonePage
from app.ui.pages.progress import ProgressPage
from app.ui.session import Session

HTML = "H drive migration receipt (practice).html"
CSV = "H drive migration receipt (practice).csv"


class _Announcer:
    def __init__(self) -> None:
        self.said: list[str] = []

    def announce(self, text: str, assertive: bool = False) -> None:
        self.said.append(text)


def _session(sandbox: Sandbox, journal: Journal, tmp_path: Path) -> Session:
    upn = sandbox.users[0].upn
    scopes = ["User.Read", "Files.ReadWrite"]
    session = Session(
        Settings(), sandbox=sandbox, _token=lambda _force: sandbox.issue_token(upn, scopes)
    )
    files = [FileEntry("a.docx", 10, 1.0, 2.0), FileEntry("b.docx", 20, 1.0, 2.0)]
    report = GuidanceReport(Inventory(str(tmp_path), files), [Guidance(Action.MOVE)] * 2)
    plan = build_plan(report, None, Choices(), destination_folder="H drive")
    session._journal = journal
    session.run_id = journal.start_run(plan, account=upn, settings_digest="")
    return session


def test_receipt_so_far_then_at_the_end(qtbot: Any, sandbox: Sandbox, tmp_path: Path) -> None:
    upn = sandbox.users[0].upn
    with Journal(tmp_path / "journal.sqlite3") as journal:
        session = _session(sandbox, journal, tmp_path)
        announcer = _Announcer()
        progress = ProgressPage(session)
        progress.wizard_ = lambda: announcer  # type: ignore[method-assign]
        progress.receipt_so_far()
        qtbot.waitUntil(lambda: progress.receipt_button.isEnabled(), timeout=20_000)
        assert "A copy is in your OneDrive: " + HTML in announcer.said[-1]
        mid_run = sandbox.state.read_file(upn, CSV).decode("utf-8")
        assert "not_yet,a.docx" in mid_run

        # a.docx moves; the last page's receipt replaces the one in OneDrive
        journal.mark_verified(
            session.run_id, 0, item_id="x", size=10, quick_xor_hash="h", final_path="H drive/a.docx"
        )
        done = DonePage(session)
        done.wizard_ = lambda: announcer  # type: ignore[method-assign]
        done.initializePage()
        qtbot.waitUntil(lambda: done.receipt is not None, timeout=20_000)
        assert str(paths.user_documents_dir()) in done.receipt_status.text()
        assert "moved,a.docx" in sandbox.state.read_file(upn, CSV).decode("utf-8")
        assert (paths.user_documents_dir() / HTML).read_bytes() == sandbox.state.read_file(
            upn, HTML
        )
        assert "<h2>Moved to OneDrive and checked (1)</h2>" in done.receipt.html()
        progress.deleteLater()
        done.deleteLater()
        session._journal = None
        session.close()


def test_saved_copy_matches_and_deleting_publishes_again(
    qtbot: Any, sandbox: Sandbox, tmp_path: Path
) -> None:
    """The "Save the receipt" as .csv is the same file as the one in Documents (the policy's
    texts included); once the discarded files are deleted, the receipts in Documents and
    OneDrive say so on their lines, with when, instead of "left on the H: drive"."""
    from app.core.guidance import Reason

    upn = sandbox.users[0].upn
    drive = tmp_path / "H"
    drive.mkdir()
    (drive / "old.tmp").write_bytes(b"t" * 5)
    stat = (drive / "old.tmp").stat()
    temp = Reason("temporary-files", Action.DISCARD, True, {"en": "Temporary"}, {"en": "x"})
    pst = Reason("outlook-data", Action.CANNOT_MOVE, False, {"en": "Outlook"}, {"en": "x"})
    files = [
        FileEntry("old.tmp", 5, stat.st_mtime, stat.st_mtime),
        FileEntry("mail.pst", 20, 1.0, 2.0),
    ]
    report = GuidanceReport(
        Inventory(str(drive), files),
        [Guidance(Action.DISCARD, (temp,)), Guidance(Action.CANNOT_MOVE, (pst,))],
    )
    with Journal(tmp_path / "journal.sqlite3") as journal:
        scopes = ["User.Read", "Files.ReadWrite"]
        session = Session(
            Settings(), sandbox=sandbox, _token=lambda _force: sandbox.issue_token(upn, scopes)
        )
        session._journal = journal
        session.run_id = journal.start_run(
            build_plan(report, None, Choices(), destination_folder="H drive"),
            account=upn,
            settings_digest="",
        )
        announcer = _Announcer()
        done = DonePage(session)
        done.wizard_ = lambda: announcer  # type: ignore[method-assign]
        done.initializePage()
        qtbot.waitUntil(lambda: done.receipt is not None, timeout=20_000)
        saved = done.save_receipt(tmp_path / "mine.csv")
        assert saved.read_bytes() == (paths.user_documents_dir() / CSV).read_bytes()

        left = session.discarded_files()
        assert [f.rel_path for f in left] == ["old.tmp"]
        first = done._receipt_task
        done.delete(left)
        # Published again once the deletion is done (a task of its own).
        qtbot.waitUntil(
            lambda: done._receipt_task is not first and not done._receipt_task.is_running(),
            timeout=20_000,
        )
        assert not (drive / "old.tmp").exists()
        uploaded = sandbox.state.read_file(upn, CSV).decode("utf-8")
        row = next(line for line in uploaded.splitlines() if "old.tmp" in line)
        assert "Deleted from the H: drive by the officer at 20" in row
        assert (paths.user_documents_dir() / CSV).read_bytes() == uploaded.encode("utf-8")
        done.deleteLater()
        session._journal = None
        session.close()
