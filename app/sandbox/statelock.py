"""One sandbox per state folder: a second one would fork the in-memory indexes.

An exclusive, non-blocking lock on state_dir/lock, held while the sandbox runs and
released by the operating system if the process dies (so a killed sandbox never leaves
a stale lock behind).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from app.core.errors import BadInputError

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
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        handle = open(self.state_dir / LOCK_FILE, "a+b")  # noqa: SIM115 - held while running
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            handle.close()
            raise StateInUse(self.state_dir) from error
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            # Closing the file releases the lock on every platform.
            self._handle.close()
            self._handle = None
