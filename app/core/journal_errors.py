"""Why a journal cannot be opened or written, said to a person (`app.core.journal` re-exports
these). Kept apart from the journal's database code so each file reads in one sitting.

`JournalCorrupt` (a file that is not a usable journal, set aside) lives in
`journal_records`; here are the cases where the file is left exactly where it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core.errors import BadInputError
from app.core.texts import N_

__all__ = [
    "STORAGE_ERRORS",
    "JournalFromNewerVersion",
    "JournalInUse",
    "JournalNotWritable",
    "JournalUnreadable",
    "is_storage_error",
    "writable",
]


class JournalInUse(BadInputError):
    """Another assistant (another window, or `migrate`) has this journal open (exit 2)."""

    def __init__(self, path: Path, holder: str) -> None:
        message = (
            N_(
                "Another window of the H: drive migration assistant, or a command-line "
                "migration, is already working on your migration (process {holder})."
            )
            if holder
            else N_(
                "Another window of the H: drive migration assistant, or a command-line "
                "migration, is already working on your migration."
            )
        )
        super().__init__(
            N_("The assistant is already running"),
            message,
            N_("Finish or close the other one first, then start the assistant again."),
            detail=f"journal lock held: {path}",
            values={"holder": holder},
        )


class JournalNotWritable(BadInputError):
    """The journal's disk is full, read-only or failing: said as such, the file kept as it
    is (it is not damaged, and setting it aside would lose the migration's progress)."""

    def __init__(self, path: Path, error: sqlite3.Error) -> None:
        super().__init__(
            N_("The migration journal cannot be written"),
            N_("{path} cannot be written: the disk may be full, or the folder read-only."),
            N_(
                "Free some space on this computer (or ask IT to), then start again: "
                "nothing is lost, and the migration continues where it stopped."
            ),
            detail=f"SQLite reports: {error} ({getattr(error, 'sqlite_errorname', '')})",
            values={"path": path},
        )


class JournalFromNewerVersion(BadInputError):
    """The journal was written by a newer version of the assistant (its schema is newer
    than this build knows). Refused, and the file left in place: setting it aside would
    lose the migration's progress the newer version can still continue."""

    def __init__(self, path: Path, version: int, known: int) -> None:
        super().__init__(
            N_("The migration journal is from a newer version of the assistant"),
            N_(
                "{path} was written by a newer version of the H: drive migration assistant "
                "than this one, which cannot read it. The file has been left as it is."
            ),
            N_(
                "Use the newer version of the assistant (the one that started this "
                "migration) to continue, or ask the service desk for it."
            ),
            detail=f"journal {path}: schema {version}, this build knows up to {known}",
            values={"path": path},
        )
        self.path = path
        self.version = version


class JournalUnreadable(BadInputError):
    """A journal opened only to be read (diagnostics) cannot be read; nothing was changed."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(
            N_("The migration journal could not be read"),
            N_("{path} cannot be read: {why}. It has been left as it is."),
            N_("Send the support bundle to the service desk; the file is not changed."),
            detail=f"journal {path} (read only): {why}",
            values={"path": path, "why": why},
        )
        self.path = path


# SQLite's names for storage that cannot be written (not for a damaged file).
STORAGE_ERRORS = ("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN")


def is_storage_error(error: sqlite3.Error) -> bool:
    return str(getattr(error, "sqlite_errorname", "")).startswith(STORAGE_ERRORS)


@contextmanager
def writable(path: Path) -> Iterator[None]:
    """A write that fails for want of space (or a read-only disk) is said as such."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if is_storage_error(error):
            raise JournalNotWritable(path, error) from error
        raise
