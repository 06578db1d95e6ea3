"""The journal: the durable record of a migration run and of every file's state.

SQLite in WAL mode with `synchronous=FULL`: WAL alone is crash-safe (a kill never
corrupts it) but with NORMAL a power cut or a closed lid may lose the last commits; we
want "the session URL is on disk before the first byte is sent" to be true, so every
commit is durable. Each state change is one statement or one transaction, so a kill
leaves every item in exactly one state.

Upload session URLs carry a credential. They are stored here only sealed (encrypted by
the `UrlSealer` the caller gives; without one they are kept in memory only, see
`SessionUrls`), never logged (`JournalItem.__repr__` hides them), and `secure_delete`
overwrites cleared ones instead of leaving them in free pages.

A file that is not a journal (not SQLite, truncated, another schema) is set aside
(renamed with a timestamp, never deleted or silently replaced) and `JournalCorrupt`
says where it went and what to do; one from a newer build is refused and left in place
(`app.core.journal_open`). Diagnostics open it with `Journal.open_read_only`, which
never changes the file.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from app import paths
from app.core.filelock import FileLock, LockHeld
from app.core.journal_errors import (
    JournalFromNewerVersion,
    JournalInUse,
    JournalNotWritable,
    JournalUnreadable,
    writable,
)
from app.core.journal_open import open_connection, open_read_only
from app.core.journal_read import JournalReader
from app.core.journal_records import (
    DONE_STATES,
    TO_DO_STATES,
    ItemState,
    JournalCorrupt,
    JournalItem,
    RunInfo,
    SessionUrls,
    UrlSealer,
    initial_state,
)
from app.core.plan import Plan

__all__ = [
    "DONE_STATES",
    "TO_DO_STATES",
    "ItemState",
    "Journal",
    "JournalCorrupt",
    "JournalFromNewerVersion",
    "JournalInUse",
    "JournalItem",
    "JournalNotWritable",
    "JournalUnreadable",
    "RunInfo",
    "default_path",
]

log = logging.getLogger(__name__)

JOURNAL_FILE_NAME = "journal.sqlite3"
# Practice (sandbox) runs keep their own journal: a practice run must never be offered
# for resuming against Microsoft 365, nor steer the deletion of real files.
PRACTICE_JOURNAL_FILE_NAME = "practice-journal.sqlite3"


class Journal(JournalReader):
    """One journal file. Thread-safe: the upload workers share it (one connection, a lock).

    While open it holds an exclusive operating-system lock (`<journal>.lock`), so a second
    process cannot resume the same run or delete this one's live upload sessions.
    """

    def __init__(self, path: Path, *, sealer: UrlSealer | None = None) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._urls = SessionUrls(sealer)
        self.read_only = False
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._file_lock = FileLock(self.path.with_name(self.path.name + ".lock"))
        try:
            self._file_lock.acquire()
        except LockHeld as held:
            raise JournalInUse(self.path, held.holder) from held
        try:
            self._conn = open_connection(self.path)
        except BaseException:
            self._file_lock.release()
            raise

    @classmethod
    def open_read_only(cls, path: Path) -> Journal:
        """The journal for diagnostics (support bundle, hand-back check):
        read only, without the journal's lock (readable while an assistant runs), never
        upgraded or set aside; a version 1 journal reads with its label fields empty.
        Raises `JournalUnreadable` or `JournalFromNewerVersion`, the file left as it is."""
        journal = cls.__new__(cls)
        journal.path = Path(path)
        journal._lock = threading.Lock()
        journal._urls = SessionUrls(None)  # no sealer: session URLs read as None, never shown
        journal.read_only = True
        journal._file_lock = None
        journal._conn = open_read_only(journal.path)
        return journal

    @classmethod
    def open_default(cls, *, practice: bool = False) -> Journal:
        """The user's journal; `practice=True` for sandbox (practice) mode's own."""
        return cls(default_path(practice=practice))

    def use_sealer(self, sealer: UrlSealer | None) -> None:
        """Seal session URLs from now on (sealed ones already in the file become readable)."""
        self._urls.sealer = sealer

    @property
    def keeps_session_urls(self) -> bool:
        """False: upload session URLs live in memory only (no sealer) and die with us."""
        return self._urls.sealer is not None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, writable(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:  # SQLite may have rolled back already
                    self._conn.execute("ROLLBACK")
                raise

    def _execute(self, sql: str, params: Iterable[object] = ()) -> int:
        with self._lock, writable(self.path):
            return self._conn.execute(sql, tuple(params)).rowcount

    # -- runs ----------------------------------------------------------------------------

    def start_run(self, plan: Plan, *, account: str, settings_digest: str) -> int:
        """Record a new run and its whole plan, all or nothing."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO runs (account, source_root, destination, started, policy_name, "
                "settings_digest) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    account,
                    plan.source_root,
                    plan.destination_folder,
                    time.time(),
                    plan.policy_name,
                    settings_digest,
                ),
            )
            run_id = int(cursor.lastrowid or 0)
            conn.executemany(
                "INSERT INTO items (run_id, idx, rel_path, dest_path, size, created, modified, "
                "disposition, guidance, overridden, renamed, reasons, state, wanted_label) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        run_id,
                        item.index,
                        item.rel_path,
                        item.dest_path,
                        item.size,
                        item.created,
                        item.modified,
                        item.disposition.value,
                        item.guidance.value,
                        int(item.overridden),
                        int(item.renamed),
                        json.dumps([[r.rule_id, r.title] for r in item.reasons]),
                        initial_state(item.disposition).value,
                        item.label,
                    )
                    for item in plan.items
                ),
            )
        return run_id

    def finish_run(self, run_id: int) -> None:
        self._execute("UPDATE runs SET finished = ? WHERE id = ?", (time.time(), run_id))

    def reopen_run(self, run_id: int, *, retry_failed: bool = True) -> int:
        """Make a finished run resumable again ("Try again"); returns items set to pending."""
        with self._transaction() as conn:
            conn.execute("UPDATE runs SET finished = NULL WHERE id = ?", (run_id,))
            if not retry_failed:
                return 0
            return conn.execute(
                "UPDATE items SET state = 'pending', fail_code = NULL, fail_message = NULL, "
                "fail_action = NULL WHERE run_id = ? AND state = 'failed'",
                (run_id,),
            ).rowcount

    # -- items ---------------------------------------------------------------------------

    def _update(self, run_id: int, index: int, **values: object) -> None:
        columns = ", ".join(f"{name} = ?" for name in values)
        changed = self._execute(
            f"UPDATE items SET {columns} WHERE run_id = ? AND idx = ?",  # noqa: S608 (names ours)
            [*values.values(), run_id, index],
        )
        if changed != 1:
            raise KeyError((run_id, index))

    def mark_uploading(
        self, run_id: int, index: int, *, session_url: str, expiry: float | None, dest_path: str
    ) -> None:
        """Record the upload session before its first byte (the URL is a credential)."""
        with self._transaction() as conn:
            conn.execute(
                "UPDATE items SET state = 'uploading', session_url = ?, session_expiry = ?, "
                "session_path = ?, sent_offset = 0, attempts = attempts + 1 "
                "WHERE run_id = ? AND idx = ?",
                (self._urls.for_file(run_id, index, session_url), expiry, dest_path, run_id, index),
            )

    def mark_sending(self, run_id: int, index: int, *, dest_path: str) -> None:
        """About to send without a session (an empty file): a resume then knows a file
        found at `dest_path` is ours, moved just before a crash, not something older."""
        self._urls.forget(run_id, index)
        self._update(
            run_id, index, state=ItemState.UPLOADING.value, session_url=None, session_path=dest_path
        )

    def record_offset(
        self, run_id: int, index: int, offset: int, *, expiry: float | None = None
    ) -> None:
        """How far the server has acknowledged (a hint; the server is the truth), and the
        session's new expiry (each fragment extends it)."""
        if expiry is None:
            self._update(run_id, index, sent_offset=offset)
        else:
            self._update(run_id, index, sent_offset=offset, session_expiry=expiry)

    def clear_session(self, run_id: int, index: int) -> None:
        """The session is gone (expired, deleted, finished elsewhere): back to pending."""
        self._urls.forget(run_id, index)
        self._update(
            run_id,
            index,
            state=ItemState.PENDING.value,
            session_url=None,
            session_expiry=None,
            session_path=None,
            sent_offset=0,
        )

    def mark_verified(
        self,
        run_id: int,
        index: int,
        *,
        item_id: str,
        size: int,
        quick_xor_hash: str,
        final_path: str,
        skipped_existing: bool = False,
    ) -> None:
        state = ItemState.SKIPPED_EXISTING if skipped_existing else ItemState.VERIFIED
        self._urls.forget(run_id, index)
        self._update(
            run_id,
            index,
            state=state.value,
            item_id=item_id,
            remote_size=size,
            remote_hash=quick_xor_hash,
            final_path=final_path,
            done_at=time.time(),
            session_url=None,
            session_expiry=None,
            sent_offset=size,
            fail_code=None,
            fail_message=None,
            fail_action=None,
        )

    def mark_failed(self, run_id: int, index: int, *, code: str, message: str, action: str) -> None:
        self._urls.forget(run_id, index)
        self._update(
            run_id,
            index,
            state=ItemState.FAILED.value,
            fail_code=code,
            fail_message=message,
            fail_action=action,
            session_url=None,
            session_expiry=None,
            done_at=time.time(),
        )

    def mark_labels(
        self, run_id: int, outcomes: Iterable[tuple[int, str | None, str | None]]
    ) -> None:
        """(index, the label OneDrive confirmed or None, why not or None) for several files
        in one transaction: one durable commit per batch, not per file (setting a label
        again is harmless, so a batch lost to a crash is only sent again)."""
        with self._transaction() as conn:
            conn.executemany(
                "UPDATE items SET retention_label = ?, label_problem = ? "
                "WHERE run_id = ? AND idx = ?",
                [(applied, problem, run_id, index) for index, applied, problem in outcomes],
            )

    def set_wanted_labels(self, run_id: int, values: Iterable[tuple[int, str, str | None]]) -> None:
        """(index, the label the policy maps the file to, why none could be worked out or
        None), in one transaction."""
        with self._transaction() as conn:
            conn.executemany(
                "UPDATE items SET wanted_label = ?, label_problem = ? WHERE run_id = ? AND idx = ?",
                [(label, problem, run_id, index) for index, label, problem in values],
            )

    def add_note(self, run_id: int, index: int, note: str) -> None:
        """Something the officer should know about this file (changed since the scan, ...)."""
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT notes FROM items WHERE run_id = ? AND idx = ?", (run_id, index)
            ).fetchone()
            if row is None:
                raise KeyError((run_id, index))
            notes = list(json.loads(row[0]))
            if note not in notes:
                notes.append(note)
            conn.execute(
                "UPDATE items SET notes = ? WHERE run_id = ? AND idx = ?",
                (json.dumps(notes), run_id, index),
            )


def default_path(*, practice: bool = False) -> Path:
    name = PRACTICE_JOURNAL_FILE_NAME if practice else JOURNAL_FILE_NAME
    return paths.user_data_dir() / name
