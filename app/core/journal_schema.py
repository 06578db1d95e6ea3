"""The journal's SQLite schema, its version, and the checks that tell a journal from junk.

Kept apart from `journal.py` so the schema can be read (and reviewed) in one place.
A schema change bumps `SCHEMA_VERSION`; a journal of a version `upgrade()` knows is
brought up to date in one transaction (only columns added, so nothing is guessed) once
`PRAGMA quick_check` has found it sound; any other older journal is treated as "wrong
schema" (reported and set aside). A newer one is not ours to judge: `stored_version()`
lets the caller refuse it and leave it in place (a newer build can still continue it).
"""

from __future__ import annotations

import functools
import sqlite3

from app.core.journal_records import ItemState
from app.core.plan import Disposition

SCHEMA_VERSION = 2
SQLITE_HEADER = b"SQLite format 3\x00"

SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    source_root TEXT NOT NULL,
    destination TEXT NOT NULL,
    started REAL NOT NULL,
    finished REAL,
    policy_name TEXT NOT NULL,
    settings_digest TEXT NOT NULL
);
CREATE TABLE items (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    idx INTEGER NOT NULL,
    rel_path TEXT NOT NULL,
    dest_path TEXT NOT NULL,
    size INTEGER NOT NULL,
    created REAL NOT NULL,
    modified REAL NOT NULL,
    disposition TEXT NOT NULL,
    guidance TEXT NOT NULL,
    overridden INTEGER NOT NULL,
    renamed INTEGER NOT NULL,
    reasons TEXT NOT NULL,
    state TEXT NOT NULL,
    session_url TEXT,
    session_expiry REAL,
    session_path TEXT,
    sent_offset INTEGER NOT NULL DEFAULT 0,
    item_id TEXT,
    remote_size INTEGER,
    remote_hash TEXT,
    final_path TEXT,
    done_at REAL,
    fail_code TEXT,
    fail_message TEXT,
    fail_action TEXT,
    notes TEXT NOT NULL DEFAULT '[]',
    attempts INTEGER NOT NULL DEFAULT 0,
    wanted_label TEXT NOT NULL DEFAULT '',
    retention_label TEXT,
    label_problem TEXT,
    PRIMARY KEY (run_id, idx)
);
CREATE INDEX items_by_state ON items (run_id, state);
"""

EXPECTED_TABLES = frozenset({"meta", "runs", "items"})

# Version 2 added the Purview retention label per item: the one the policy asked for
# (`wanted_label`), the one OneDrive confirmed (`retention_label`) and, if applying it
# failed, what went wrong and what to do (`label_problem`).
LABEL_COLUMNS = (
    ("wanted_label", "TEXT NOT NULL DEFAULT ''"),
    ("retention_label", "TEXT"),
    ("label_problem", "TEXT"),
)
# Runs with an id below this `meta` value were started before labels were recorded (a
# version 1 journal upgraded): their `wanted_label` is '' because nobody worked it out.
LABELS_FROM_RUN_KEY = "labels_recorded_from_run"


def stored_version(conn: sqlite3.Connection) -> int | None:
    """The schema version the journal says it has (None: not a journal of ours, or none)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:  # no meta table: `shape_problem()` says what it is
        return None
    try:
        return int(row[0]) if row is not None else None
    except (TypeError, ValueError):
        return None


def is_version_1(conn: sqlite3.Connection) -> bool:
    """Exactly what version 1 wrote: schema_version 1 and v1's item columns."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not EXPECTED_TABLES.issubset(tables) or stored_version(conn) != 1:
        return False
    found = [str(r[1]) for r in conn.execute("PRAGMA table_info(items)")]
    return found == expected_columns()["items"][: -len(LABEL_COLUMNS)]


def upgrade(conn: sqlite3.Connection) -> bool:
    """Bring a version 1 journal (exactly v1's columns) to this version; True if done.

    Call it only on a journal `soundness()` passed. Anything else is left untouched for
    `shape_problem()` to judge. The runs already there are noted (`LABELS_FROM_RUN_KEY`)."""
    if not is_version_1(conn):
        return False
    conn.execute("BEGIN IMMEDIATE")
    try:
        for name, declaration in LABEL_COLUMNS:
            conn.execute(f"ALTER TABLE items ADD COLUMN {name} {declaration}")
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) SELECT ?, coalesce(max(id), 0) + 1 FROM runs",
            (LABELS_FROM_RUN_KEY,),
        )
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),)
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return True


def create(conn: sqlite3.Connection) -> None:
    """Create the schema in an empty database, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def read_version_1(conn: sqlite3.Connection) -> None:
    """Let a version 1 journal be read as this version without changing it: a temporary
    view (in the connection's own temp schema, which shadows `main`) adds the label
    columns, empty. For read-only diagnostics."""
    extra = ", ".join(
        f"'' AS {name}" if name == "wanted_label" else f"NULL AS {name}"
        for name, _ in LABEL_COLUMNS
    )
    conn.execute(f"CREATE TEMP VIEW items AS SELECT *, {extra} FROM main.items")  # noqa: S608


def soundness(conn: sqlite3.Connection) -> str | None:
    """SQLite's own check of the file (`PRAGMA quick_check`): None if sound. Raises
    sqlite3.DatabaseError for damage SQLite notices on the way."""
    check = conn.execute("PRAGMA quick_check").fetchone()
    if check is None or check[0] != "ok":
        return f"the database is damaged ({check[0] if check else 'no answer'})"
    return None


def shape_problem(conn: sqlite3.Connection, *, version: int = SCHEMA_VERSION) -> str | None:
    """None if this (sound) journal of `version` is one we can use; else what is wrong
    with its tables, columns or rows, in plain words. An empty database is fine (the
    caller creates the schema)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return None
    if not EXPECTED_TABLES.issubset(tables):
        return "it is not a migration journal (its tables are not ours)"
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        return "it has no schema version"
    if row[0] != str(version):
        return f"it was written by another version of the app (schema {row[0]})"
    for table, wanted in expected_columns().items():
        if version == 1 and table == "items":
            wanted = wanted[: -len(LABEL_COLUMNS)]
        found = [str(r[1]) for r in conn.execute(f"PRAGMA main.table_info({table})")]
        if found != wanted:
            return f"its {table} table does not have the expected columns"
    return damaged_rows(conn)


@functools.cache
def expected_columns() -> dict[str, list[str]]:
    """Each table's columns, in order, as `SCHEMA` creates them (read from SQLite itself)."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(SCHEMA)
        return {
            table: [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]
            for table in sorted(EXPECTED_TABLES)
        }
    finally:
        conn.close()


def damaged_rows(conn: sqlite3.Connection) -> str | None:
    """Values no version of the app writes (an unknown state, broken JSON): damage."""
    states = ", ".join(f"'{state.value}'" for state in ItemState)
    dispositions = ", ".join(f"'{d.value}'" for d in Disposition)
    checks = [
        f"state NOT IN ({states})",
        f"disposition NOT IN ({dispositions})",
        "typeof(size) != 'integer'",
        "typeof(sent_offset) != 'integer'",
        "typeof(created) NOT IN ('real', 'integer')",
        "typeof(modified) NOT IN ('real', 'integer')",
    ]
    # CASE: json_type raises on malformed JSON, and OR does not promise to short-circuit.
    json_checks = [
        f"CASE WHEN json_valid({column}) THEN json_type({column}) != 'array' ELSE 1 END"
        for column in ("reasons", "notes")
    ]
    try:
        bad = conn.execute(
            f"SELECT count(*) FROM items WHERE {' OR '.join(checks + json_checks)}"  # noqa: S608
        ).fetchone()[0]
    except sqlite3.OperationalError as error:
        if "no such function" not in str(error):  # an SQLite without JSON: the rest only
            raise
        bad = conn.execute(
            f"SELECT count(*) FROM items WHERE {' OR '.join(checks)}"  # noqa: S608
        ).fetchone()[0]
    if bad:
        return f"{bad} of its file records are damaged"
    return None
