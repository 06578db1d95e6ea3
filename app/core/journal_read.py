"""The journal's queries: runs, items, labels still to set. `Journal` (app.core.journal)
adds the writes on top; a journal opened with `Journal.open_read_only` uses only these.

Kept apart from the writes so each file reads in one sitting. Every query takes the
connection's lock: the upload workers share one connection.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Self

from app.core import journal_schema
from app.core.filelock import FileLock
from app.core.journal_errors import JournalUnreadable
from app.core.journal_open import set_aside
from app.core.journal_records import (
    ITEM_COLUMNS,
    ItemState,
    JournalItem,
    RunInfo,
    SessionUrls,
    item_from_row,
)

__all__ = ["JournalReader"]

log = logging.getLogger(__name__)


class JournalReader:
    """Reading one open journal file (see `Journal`, which opens it and writes)."""

    path: Path
    read_only: bool  # opened for diagnostics: a damaged row is reported, never set aside
    _conn: sqlite3.Connection
    _lock: threading.Lock
    _urls: SessionUrls
    _file_lock: FileLock | None  # None when read only: no lock is taken to read

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            if self._file_lock is not None:
                self._file_lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def unfinished_run(self) -> RunInfo | None:
        """The latest run that did not finish (offered for resuming), if any."""
        with self._lock:
            row = self._conn.execute(
                "SELECT id FROM runs WHERE finished IS NULL ORDER BY id DESC LIMIT 1"
            ).fetchone()
        return self.run_info(int(row[0])) if row else None

    def latest_run(self) -> RunInfo | None:
        with self._lock:
            row = self._conn.execute("SELECT max(id) FROM runs").fetchone()
        return self.run_info(int(row[0])) if row and row[0] is not None else None

    def run_info(self, run_id: int) -> RunInfo:
        with self._lock:
            row = self._conn.execute(
                "SELECT id, account, source_root, destination, started, finished, policy_name, "
                "settings_digest FROM runs WHERE id = ?",
                (run_id,),
            ).fetchone()
            if row is None:
                raise KeyError(run_id)
            counts = {
                str(state): int(n)
                for state, n in self._conn.execute(
                    "SELECT state, count(*) FROM items WHERE run_id = ? GROUP BY state", (run_id,)
                )
            }
            to_move, done = self._conn.execute(
                "SELECT coalesce(sum(size), 0), coalesce(sum(CASE WHEN state IN "
                "('verified', 'skipped_existing') THEN size ELSE 0 END), 0) "
                "FROM items WHERE run_id = ? AND disposition = 'move'",
                (run_id,),
            ).fetchone()
        return RunInfo(
            id=int(row[0]),
            account=str(row[1]),
            source_root=str(row[2]),
            destination=str(row[3]),
            started=float(row[4]),
            finished=None if row[5] is None else float(row[5]),
            policy_name=str(row[6]),
            settings_digest=str(row[7]),
            counts=counts,
            bytes_to_move=int(to_move),
            bytes_done=int(done),
        )

    def items(self, run_id: int, states: Iterable[ItemState] | None = None) -> list[JournalItem]:
        sql = f"SELECT {ITEM_COLUMNS} FROM items WHERE run_id = ?"  # noqa: S608 (constant)
        params: list[object] = [run_id]
        if states is not None:
            wanted = [state.value for state in states]
            sql += f" AND state IN ({', '.join('?' for _ in wanted)})"
            params.extend(wanted)
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY idx", params).fetchall()
        return [self._item(row) for row in rows]

    def item(self, run_id: int, index: int) -> JournalItem:
        with self._lock:
            row = self._conn.execute(
                f"SELECT {ITEM_COLUMNS} FROM items WHERE run_id = ? AND idx = ?",  # noqa: S608
                (run_id, index),
            ).fetchone()
        if row is None:
            raise KeyError((run_id, index))
        return self._item(row)

    def _item(self, row: object) -> JournalItem:
        try:
            item = item_from_row(row)
        except (ValueError, TypeError) as error:  # damaged after it was opened and checked
            log.error("Journal row unreadable: %s", type(error).__name__)
            why = f"a file's record is damaged ({type(error).__name__})"
            if self.read_only:  # diagnostics never move the officer's journal
                raise JournalUnreadable(self.path, why) from error
            with self._lock:
                self._conn.close()
            set_aside(self.path, why)
        return self._urls.resolve(item)

    def needing_label(self, run_id: int) -> list[JournalItem]:
        """Files in OneDrive whose policy label is not confirmed yet (a resume retries
        earlier problems too: most are passing, such as throttling or a lost network)."""
        sql = (
            f"SELECT {ITEM_COLUMNS} FROM items WHERE run_id = ? "  # noqa: S608 (constant)
            "AND state IN ('verified', 'skipped_existing') AND item_id IS NOT NULL "
            "AND wanted_label != '' AND retention_label IS NULL "
            "ORDER BY idx"
        )
        with self._lock:
            rows = self._conn.execute(sql, (run_id,)).fetchall()
        return [self._item(row) for row in rows]

    def labels_unworked(self, run_id: int) -> list[JournalItem]:
        """Files to move of a run started before the journal recorded labels (a version 1
        journal upgraded), whose wanted label nobody has worked out yet: `wanted_label` is
        '' there for want of knowing, not because the policy names none."""
        with self._lock:
            row = self._conn.execute(
                "SELECT value FROM meta WHERE key = ?", (journal_schema.LABELS_FROM_RUN_KEY,)
            ).fetchone()
            if row is None or run_id >= int(row[0]):
                return []
            rows = self._conn.execute(
                f"SELECT {ITEM_COLUMNS} FROM items WHERE run_id = ? "  # noqa: S608 (constant)
                "AND disposition = 'move' AND wanted_label = '' AND label_problem IS NULL "
                "ORDER BY idx",
                (run_id,),
            ).fetchall()
        return [self._item(row) for row in rows]
