"""May this run be continued here, and from which folder? One rule for the wizard and
for `migrate --resume`.

A run is continued only by the account that started it (its files go to that account's
OneDrive), and only from the folder it scanned: the journal's `source_root`, never a
drive found at this launch, which may be another person's H: drive or a practice copy.
If that folder is gone, or the person chose a different one, we refuse and say why.

A run started by a version that did not record retention labels (its journal upgraded)
gets its files' labels worked out again on resume (`restore_wanted_labels`), or a note
on each file saying why not, which the receipt shows.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from app.core.errors import BadInputError
from app.core.journal import Journal
from app.core.journal_records import RunInfo
from app.core.plan import retention_label_from_rules
from app.core.policy import Policy
from app.core.texts import N_

__all__ = [
    "AnotherAccountsRun",
    "RunSourceProblem",
    "check_account",
    "restore_wanted_labels",
    "resume_source",
]

log = logging.getLogger(__name__)


class AnotherAccountsRun(BadInputError):
    def __init__(self, run_account: str, username: str) -> None:
        super().__init__(
            N_("Another account's migration"),
            N_(
                "The unfinished migration belongs to {run_account}, "
                "but you are signed in as {username}."
            ),
            N_("Sign in as that account to continue it."),
            values={"run_account": run_account, "username": username},
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
            N_("A different folder"),
            N_("The unfinished migration is of {source}, not of {chosen}."),
            N_("Continue it without choosing a folder, or finish it first."),
            values={"source": source, "chosen": chosen},
        )
    if not source.is_dir():
        raise RunSourceProblem(
            N_("The H: drive folder is not there"),
            N_("The unfinished migration is of {source}, which cannot be found now."),
            N_("Connect to the network (or the VPN) so that the folder is there, then try again."),
            values={"source": source},
        )
    return source


def restore_wanted_labels(journal: Journal, run: RunInfo, policy: Policy) -> int:
    """Work out the retention labels of a run recorded before labels were (version 1):
    from each file's rules, in the policy's order, as a new run would. Only under the
    very policy (name and version) the run was classified with: under another, its rules
    may mean other labels, so each file is noted instead (the receipt shows it) and no
    label is guessed. Returns how many files now have a label to apply."""
    items = journal.labels_unworked(run.id)
    if not items:
        return 0
    in_force = f"{policy.name} {policy.version}".strip()  # as `classify` records it
    if in_force != run.policy_name:
        log.warning(
            "Run %d was classified under %r, not %r: its retention labels are not worked out",
            run.id,
            run.policy_name,
            in_force,
        )
        problem = (
            "No retention label was set: this migration was started by an older version of "
            f"the assistant under the policy '{run.policy_name}', not '{in_force}'. Ask IT "
            "whether this file needs a label."
        )
        journal.set_wanted_labels(run.id, [(item.index, "", problem) for item in items])
        return 0
    labels = [
        (item.index, retention_label_from_rules((rule for rule, _ in item.reasons), policy), None)
        for item in items
    ]
    found = [value for value in labels if value[1]]
    journal.set_wanted_labels(run.id, found)
    log.info("Run %d: retention labels worked out for %d files", run.id, len(found))
    return len(found)
