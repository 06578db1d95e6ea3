"""The journal's records: item states, a run's summary, one item's row, and the error
for a journal that cannot be used. Kept apart from `journal.py` (the database and its
transitions) so each reads in one sitting; `app.core.journal` re-exports them.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from app.core.errors import BadInputError
from app.core.plan import Disposition
from app.core.texts import N_

log = logging.getLogger(__name__)


class ItemState(StrEnum):
    PENDING = "pending"
    UPLOADING = "uploading"
    VERIFIED = "verified"
    FAILED = "failed"
    SKIPPED_EXISTING = "skipped_existing"  # OneDrive already held the same bytes
    DISCARDED = "discarded"
    CANNOT_MOVE = "cannot_move"


DONE_STATES = frozenset(
    {ItemState.VERIFIED, ItemState.SKIPPED_EXISTING, ItemState.DISCARDED, ItemState.CANNOT_MOVE}
)
TO_DO_STATES = frozenset({ItemState.PENDING, ItemState.UPLOADING})


class JournalCorrupt(BadInputError):
    """The journal file cannot be used; it has been moved aside."""

    def __init__(self, path: Path, moved_to: Path | None, why: str) -> None:
        super().__init__(
            N_("The migration journal could not be read"),
            N_("{path} cannot be used: {why}. It was kept as {moved_to}.")
            if moved_to
            else N_("{path} cannot be used: {why}."),
            N_(
                "Start the migration again: files already in OneDrive are recognised and "
                "not sent twice. Keep the old file if IT asks for it."
            ),
            detail=f"journal {path}: {why}; moved to {moved_to}",
            values={"path": path, "why": why, "moved_to": moved_to},
        )
        self.path = path
        self.moved_to = moved_to


@dataclass(frozen=True)
class RunInfo:
    id: int
    account: str
    source_root: str
    destination: str
    started: float
    finished: float | None
    policy_name: str
    settings_digest: str
    counts: dict[str, int] = field(default_factory=dict)  # ItemState value -> items
    bytes_to_move: int = 0
    bytes_done: int = 0  # verified + skipped_existing

    @property
    def to_do(self) -> int:
        return sum(self.counts.get(state, 0) for state in TO_DO_STATES)


@dataclass(frozen=True)
class JournalItem:
    run_id: int
    index: int
    rel_path: str
    dest_path: str
    size: int
    created: float
    modified: float
    disposition: Disposition
    guidance: str
    overridden: bool
    renamed: bool
    reasons: tuple[tuple[str, str], ...]  # (rule id, title)
    state: ItemState
    session_url: str | None = field(default=None, repr=False)  # a credential: never shown
    session_expiry: float | None = None
    session_path: str | None = None
    sent_offset: int = 0
    item_id: str | None = None
    remote_size: int | None = None
    remote_hash: str | None = None
    final_path: str | None = None
    done_at: float | None = None
    fail_code: str | None = None
    fail_message: str | None = None
    fail_action: str | None = None
    notes: tuple[str, ...] = ()
    attempts: int = 0
    wanted_label: str = ""  # the Purview retention label the policy maps this file to
    retention_label: str | None = None  # the label OneDrive confirmed it applied
    label_problem: str | None = None  # why the wanted label is not applied, and what to do


ITEM_COLUMNS = (
    "run_id, idx, rel_path, dest_path, size, created, modified, disposition, guidance, "
    "overridden, renamed, reasons, state, session_url, session_expiry, session_path, "
    "sent_offset, item_id, remote_size, remote_hash, final_path, done_at, fail_code, "
    "fail_message, fail_action, notes, attempts, wanted_label, retention_label, label_problem"
)


def item_from_row(row: Any) -> JournalItem:
    values: list[Any] = list(row)
    reasons = tuple((str(a), str(b)) for a, b in json.loads(str(values[11])))
    return JournalItem(
        run_id=int(values[0]),
        index=int(values[1]),
        rel_path=str(values[2]),
        dest_path=str(values[3]),
        size=int(values[4]),
        created=float(values[5]),
        modified=float(values[6]),
        disposition=Disposition(values[7]),
        guidance=str(values[8]),
        overridden=bool(values[9]),
        renamed=bool(values[10]),
        reasons=reasons,
        state=ItemState(values[12]),
        session_url=values[13],
        session_expiry=values[14],
        session_path=values[15],
        sent_offset=int(values[16]),
        item_id=values[17],
        remote_size=values[18],
        remote_hash=values[19],
        final_path=values[20],
        done_at=values[21],
        fail_code=values[22],
        fail_message=values[23],
        fail_action=values[24],
        notes=tuple(json.loads(str(values[25]))),
        attempts=int(values[26]),
        wanted_label=str(values[27]),
        retention_label=values[28],
        label_problem=values[29],
    )


class UrlSealer(Protocol):
    """Encrypts upload session URLs (they carry a credential) for the journal file.

    The journal has no crypto policy of its own; `app.m365.url_sealer` provides one.
    `unseal` returns None for anything it cannot open (key gone, damaged, foreign)."""

    def seal(self, text: str) -> str: ...

    def unseal(self, text: str) -> str | None: ...


class SessionUrls:
    """Where the journal keeps session URLs: sealed in the file, plain only in memory.

    Without a sealer nothing is written (a resume then opens a new session: slower, and
    safe). The URLs this process recorded are kept in memory, so a run that is still
    going never loses its own sessions.
    """

    def __init__(self, sealer: UrlSealer | None) -> None:
        self.sealer = sealer
        self._known: dict[tuple[int, int], str] = {}
        self._lock = threading.Lock()
        self._warned = False

    def for_file(self, run_id: int, index: int, url: str) -> str | None:
        """Remember `url`; what to store in the file (sealed, or None)."""
        with self._lock:
            self._known[(run_id, index)] = url
            if self.sealer is None:
                if not self._warned:
                    self._warned = True
                    # info: whoever chose no sealer (url_sealer: no keyring) warned already
                    log.info(
                        "Upload sessions are not saved in the journal (no sealer); after a "
                        "restart unfinished files start again from the beginning."
                    )
                return None
        return self.sealer.seal(url)

    def forget(self, run_id: int, index: int) -> None:
        with self._lock:
            self._known.pop((run_id, index), None)

    def resolve(self, item: JournalItem) -> JournalItem:
        """The item with its plain URL: ours from memory, or unsealed from the file."""
        with self._lock:
            known = self._known.get((item.run_id, item.index))
        url = known
        if url is None and item.session_url is not None and self.sealer is not None:
            url = self.sealer.unseal(item.session_url)
        return item if url == item.session_url else replace(item, session_url=url)


def initial_state(disposition: Disposition) -> ItemState:
    if disposition is Disposition.DISCARD:
        return ItemState.DISCARDED
    if disposition is Disposition.CANNOT_MOVE:
        return ItemState.CANNOT_MOVE
    return ItemState.PENDING
