"""Opening a journal file: checked, upgraded, or set aside; or only read, for diagnostics.

`open_connection` is the migration's own open (read-write, under the journal's lock): a
file that is not a usable journal is set aside (renamed with a timestamp, never deleted)
and `JournalCorrupt` says where it went; a sound version 1 journal is upgraded; a journal
from a newer build is refused and left in place (`JournalFromNewerVersion`).

`open_read_only` is for diagnostics (support bundle, hand-back check): SQLite's
`mode=ro`, so it never upgrades, never sets aside and never writes the journal (to read a
WAL journal SQLite may leave an empty -wal/-shm beside it); WAL lets it read while a
running assistant writes. A version 1 journal reads with its label fields empty.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import NoReturn

from app.core import journal_schema
from app.core.journal_errors import (
    JournalFromNewerVersion,
    JournalNotWritable,
    JournalUnreadable,
    is_storage_error,
)
from app.core.journal_records import JournalCorrupt

__all__ = ["open_connection", "open_read_only", "set_aside"]

log = logging.getLogger(__name__)


def open_connection(path: Path) -> sqlite3.Connection:
    """The journal at `path`, ready for the migration (created if missing)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    why = _header_problem(path)
    if why is not None:
        set_aside(path, why)
    if not path.exists():
        # Created 0600 before SQLite touches it; SQLite gives -wal/-shm the same mode.
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        # Checked before anything is written: a file we set aside (or refuse) stays as we
        # found it, and an upgrade only ever adds columns to a sound journal.
        why = journal_schema.soundness(conn)
        if why is None:
            _refuse_newer(path, conn)
            if journal_schema.upgrade(conn):
                log.info("Journal %s upgraded to schema %d", path, journal_schema.SCHEMA_VERSION)
            why = journal_schema.shape_problem(conn)
        if why is None:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA secure_delete=ON")  # cleared session URLs overwritten
            if not _has_tables(conn):
                journal_schema.create(conn)
    except sqlite3.DatabaseError as error:
        if is_storage_error(error):
            if conn is not None:
                conn.close()
            raise JournalNotWritable(path, error) from error
        why = f"SQLite reports: {error}"
    if why is not None:
        if conn is not None:
            conn.close()
        set_aside(path, why)
    assert conn is not None
    return conn


def open_read_only(path: Path) -> sqlite3.Connection:
    """The journal at `path`, for reading only; nothing on disk is created or changed.

    A missing file reads as an empty journal (an in-memory one: there is nothing to
    read, and diagnostics must not create the officer's journal). Anything that cannot
    be read raises `JournalUnreadable` (or `JournalFromNewerVersion`), the file in place.
    """
    if not path.exists():
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        journal_schema.create(conn)
        return conn
    why = _header_problem(path)
    if why is not None:
        raise JournalUnreadable(path, why)
    uri = path.resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        why = journal_schema.soundness(conn)
        if why is None:
            _refuse_newer(path, conn)
            if journal_schema.is_version_1(conn):
                why = journal_schema.shape_problem(conn, version=1)
                if why is None:
                    journal_schema.read_version_1(conn)
            elif _has_tables(conn):
                why = journal_schema.shape_problem(conn)
            else:
                why = "it is empty"
    except sqlite3.DatabaseError as error:
        conn.close()
        raise JournalUnreadable(path, f"SQLite reports: {error}") from error
    except BaseException:
        conn.close()
        raise
    if why is not None:
        conn.close()
        raise JournalUnreadable(path, why)
    return conn


def _refuse_newer(path: Path, conn: sqlite3.Connection) -> None:
    version = journal_schema.stored_version(conn)
    if version is not None and version > journal_schema.SCHEMA_VERSION:
        conn.close()
        log.warning("Journal %s is schema %d, newer than this build: left in place", path, version)
        raise JournalFromNewerVersion(path, version, journal_schema.SCHEMA_VERSION)


def _header_problem(path: Path) -> str | None:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if path.is_dir():
        return "it is a folder, not a journal file"
    if size == 0:
        return None
    with open(path, "rb") as handle:
        header = handle.read(len(journal_schema.SQLITE_HEADER))
    if header != journal_schema.SQLITE_HEADER:
        return "it is not a journal file (not an SQLite database)"
    return None


def _has_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return bool(row and row[0])


def set_aside(path: Path, why: str) -> NoReturn:
    """Rename the file (and its -wal/-shm) out of the way and raise `JournalCorrupt`."""
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    moved_to = path.with_name(f"{path.name}.corrupt-{stamp}")
    suffix = 1
    while moved_to.exists():
        suffix += 1
        moved_to = path.with_name(f"{path.name}.corrupt-{stamp}-{suffix}")
    try:
        os.replace(path, moved_to)
        for extra in ("-wal", "-shm"):
            side = path.with_name(path.name + extra)
            if side.exists():
                os.replace(side, moved_to.with_name(moved_to.name + extra))
    except OSError as error:
        log.error("Could not set the journal aside: %s", error)
        raise JournalCorrupt(path, None, why) from error
    log.warning("Journal %s set aside as %s: %s", path, moved_to, why)
    raise JournalCorrupt(path, moved_to, why)
