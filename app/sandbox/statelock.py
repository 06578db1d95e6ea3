"""One sandbox per state folder: a second one would fork the in-memory indexes.

An exclusive, non-blocking lock on state_dir/lock (app.core.filelock, the same mechanism
as the journal's), held while the sandbox runs and released by the operating system if
the process dies, so a killed sandbox never leaves a stale lock behind.
"""

from __future__ import annotations

from pathlib import Path

from app.core.errors import BadInputError
from app.core.filelock import FileLock, LockHeld

LOCK_FILE = "lock"


class StateInUse(BadInputError):
    def __init__(self, state_dir: Path) -> None:
        super().__init__(
            "The sandbox is already running",
            f"Another sandbox is using the folder {state_dir}.",
            "Stop the other sandbox (or the app using it), or choose another state folder.",
        )


class StateLock:
    def __init__(self, state_dir: Path) -> None:
        self.state_dir = state_dir
        self._lock = FileLock(state_dir / LOCK_FILE)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except LockHeld as error:
            raise StateInUse(self.state_dir) from error

    def release(self) -> None:
        self._lock.release()
