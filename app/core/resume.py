"""May this run be continued here, and from which folder? One rule for the wizard and
for `migrate --resume`.

A run is continued only by the account that started it (its files go to that account's
OneDrive), and only from the folder it scanned: the journal's `source_root`, never a
drive found at this launch, which may be another person's H: drive or a practice copy.
If that folder is gone, or the person chose a different one, we refuse and say why.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.core.errors import BadInputError
from app.core.journal_records import RunInfo

__all__ = ["AnotherAccountsRun", "RunSourceProblem", "check_account", "resume_source"]


class AnotherAccountsRun(BadInputError):
    def __init__(self, run_account: str, username: str) -> None:
        super().__init__(
            "Another account's migration",
            f"The unfinished migration belongs to {run_account}, "
            f"but you are signed in as {username}.",
            "Sign in as that account to continue it.",
        )


class RunSourceProblem(BadInputError):
    """The run's H: drive folder is missing, or is not the folder the person chose."""


def check_account(run: RunInfo, username: str) -> None:
    if run.account.casefold() != username.casefold():
        raise AnotherAccountsRun(run.account, username)


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def resume_source(run: RunInfo, chosen: Path | str | None = None) -> Path:
    """The folder to read (and only ever delete from) when continuing `run`.

    `chosen` is a folder the person named for this launch (--source, or "Choose folder"),
    if any: it must be the run's own folder.
    """
    source = Path(run.source_root)
    if chosen is not None and not _same_folder(Path(chosen), source):
        raise RunSourceProblem(
            "A different folder",
            f"The unfinished migration is of {source}, not of {chosen}.",
            "Continue it without choosing a folder, or finish it first.",
        )
    if not source.is_dir():
        raise RunSourceProblem(
            "The H: drive folder is not there",
            f"The unfinished migration is of {source}, which cannot be found now.",
            "Connect to the network (or the VPN) so that the folder is there, then try again.",
        )
    return source
