"""The plan: what will happen to each file, after the guidance and the user's choices.

`build_plan()` turns a `GuidanceReport` (one `Guidance` per inventory file), the OneDrive
naming rules' renames and the user's `Choices` into a `Plan`: for every file either a
destination path under the OneDrive folder (`MOVE`), or the reason it stays behind
(`DISCARD`, `CANNOT_MOVE`), and whether the user went against the guidance.

Choices sit on top of guidance and are checked here, not in the UI, so that no path
(wizard, command line, a resumed run) can move a file the policy forbids: `cannot_move`
is never selectable and a non-overridable decision cannot be flipped
(`ChoiceNotAllowed`). Guidance "review" means the officer should look at the file; until
they decide, it is moved (moving loses nothing: the H: drive keeps its copy).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from app.core.errors import BadInputError
from app.core.guidance import Action, Guidance, GuidanceReport, text_for
from app.core.inventory import FileEntry
from app.core.onedrive_names import name_issues
from app.core.policy import Policy
from app.core.texts import N_


class Disposition(enum.StrEnum):
    MOVE = "move"
    DISCARD = "discard"
    CANNOT_MOVE = "cannot_move"


class Renamer(Protocol):
    """What the plan needs from the OneDrive rules (`RulesResult` satisfies it)."""

    def destination_path(self, rel_path: str) -> str: ...


class ChoiceNotAllowed(BadInputError):
    """The user asked for something the retention policy does not allow."""

    def __init__(self, rel_path: str, why: str) -> None:
        super().__init__(
            N_("That choice is not allowed"),
            "{rel_path}: {why}",
            N_("Keep the guidance for this file, or ask your records manager."),
            detail=f"choice refused for {rel_path!r}: {why}",
            values={"rel_path": rel_path, "why": why},
        )
        self.rel_path = rel_path


@dataclass(frozen=True)
class Choices:
    """The user's decisions on top of the guidance.

    Per file (index into `inventory.files`) or per rule group (every file whose guidance
    names that rule id). A per-file choice beats a group choice. A group choice skips
    files it may not change (non-overridable or cannot-move for another reason); a
    per-file choice that is not allowed raises `ChoiceNotAllowed`.
    """

    move: frozenset[int] = frozenset()
    discard: frozenset[int] = frozenset()
    move_rules: frozenset[str] = frozenset()
    discard_rules: frozenset[str] = frozenset()

    @classmethod
    def accept_guidance(cls) -> Choices:
        return cls()


@dataclass(frozen=True, slots=True)
class PlanReason:
    rule_id: str
    title: str  # English: the journal and receipts are the record, kept in one language


@dataclass(frozen=True, slots=True)
class PlanItem:
    index: int  # into inventory.files
    rel_path: str  # on the H: drive, '/'-separated
    dest_path: str  # in OneDrive, relative to the drive root ("" unless MOVE)
    size: int
    created: float
    modified: float
    disposition: Disposition
    guidance: Action
    overridden: bool  # the user went against the guidance
    reasons: tuple[PlanReason, ...] = ()
    renamed: bool = False  # OneDrive needs another name for the file or one of its folders
    label: str = ""  # the Purview retention label the policy maps it to ("" none)


@dataclass
class Plan:
    source_root: str
    destination_folder: str
    policy_name: str
    items: list[PlanItem] = field(default_factory=list)

    def to_move(self) -> list[PlanItem]:
        return [item for item in self.items if item.disposition is Disposition.MOVE]

    @property
    def bytes_to_move(self) -> int:
        return sum(item.size for item in self.items if item.disposition is Disposition.MOVE)

    def count(self, disposition: Disposition) -> int:
        return sum(1 for item in self.items if item.disposition is disposition)


class BadDestination(BadInputError):
    """The configured OneDrive folder is not a name OneDrive (or we) can use."""


def _clean_folder(destination_folder: str) -> str:
    """The destination as 'a/b'; refuses '.', '..' and names OneDrive would reject, so no
    configuration can send files outside (or beside) the folder the officer was shown."""
    parts = [part for part in destination_folder.replace("\\", "/").split("/") if part]
    for position, part in enumerate(parts):
        if part in {".", ".."} or name_issues(part, is_folder=True, at_root=position == 0):
            raise BadDestination(
                N_("The OneDrive folder cannot be used"),
                N_('The destination folder "{folder}" has a part OneDrive cannot use ("{part}").'),
                N_("Ask IT to correct onedrive.destination_folder in the settings."),
                values={"folder": destination_folder, "part": part},
            )
    return "/".join(parts)


def join_destination(destination_folder: str, rel_path: str) -> str:
    """'H drive' + 'a/b.txt' -> 'H drive/a/b.txt' (an empty folder means the drive root)."""
    folder = _clean_folder(destination_folder)
    # Scanned names come from real folder entries, which are never '.' or '..'.
    if any(part in {"", ".", ".."} for part in rel_path.split("/")):
        raise ValueError(f"not a relative path inside the drive: {rel_path!r}")
    return f"{folder}/{rel_path}" if folder else rel_path


def _group_choice(guidance: Guidance, rules: frozenset[str]) -> bool:
    return any(rule_id in rules for rule_id in guidance.rule_ids)


def _decide(entry: FileEntry, guidance: Guidance, index: int, choices: Choices) -> Disposition:
    natural = Disposition.DISCARD if guidance.action is Action.DISCARD else Disposition.MOVE
    if guidance.action is Action.CANNOT_MOVE:
        if index in choices.move or index in choices.discard:
            raise ChoiceNotAllowed(
                entry.rel_path, "OneDrive cannot hold this file, so it cannot be chosen."
            )
        return Disposition.CANNOT_MOVE
    if index in choices.move and index in choices.discard:
        raise ChoiceNotAllowed(entry.rel_path, "it was chosen both to move and to discard.")
    wanted: Disposition | None = None
    explicit = False
    if index in choices.move:
        wanted, explicit = Disposition.MOVE, True
    elif index in choices.discard:
        wanted, explicit = Disposition.DISCARD, True
    elif _group_choice(guidance, choices.discard_rules):
        wanted = Disposition.DISCARD
    elif _group_choice(guidance, choices.move_rules):
        wanted = Disposition.MOVE
    if wanted is None or wanted is natural:
        return natural
    if not guidance.overridable:
        if explicit:
            raise ChoiceNotAllowed(
                entry.rel_path, "the retention policy's guidance for it cannot be changed."
            )
        return natural
    return wanted


def _check_group_rules(report: GuidanceReport, choices: Choices) -> None:
    """A group choice naming a rule whose guidance may never change is refused outright."""
    named = choices.move_rules | choices.discard_rules
    if not named:
        return
    for guidance in report.files:
        for reason in guidance.reasons:
            if reason.rule_id in named and not reason.overridable:
                raise ChoiceNotAllowed(
                    f"rule {reason.rule_id}",
                    "the retention policy says files under this rule cannot be changed.",
                )


def build_plan(
    report: GuidanceReport,
    rules: Renamer | None,
    choices: Choices,
    *,
    destination_folder: str,
) -> Plan:
    """Apply `choices` to the guidance; MOVE items get their OneDrive path (renames applied)."""
    inventory = report.inventory
    if len(report.files) != len(inventory.files):
        raise ValueError("guidance is not aligned with the inventory")
    for index in choices.move | choices.discard:
        if not 0 <= index < len(inventory.files):
            raise ValueError(f"choice names file {index}, which is not in the inventory")
    _check_group_rules(report, choices)
    plan = Plan(
        source_root=inventory.root,
        destination_folder=_clean_folder(destination_folder),
        policy_name=report.policy_name,
    )
    for index, (entry, guidance) in enumerate(zip(inventory.files, report.files, strict=True)):
        disposition = _decide(entry, guidance, index, choices)
        natural = (
            Disposition.CANNOT_MOVE
            if guidance.action is Action.CANNOT_MOVE
            else Disposition.DISCARD
            if guidance.action is Action.DISCARD
            else Disposition.MOVE
        )
        dest, renamed = "", False
        if disposition is Disposition.MOVE:
            new_rel = rules.destination_path(entry.rel_path) if rules else entry.rel_path
            dest, renamed = join_destination(destination_folder, new_rel), new_rel != entry.rel_path
        plan.items.append(
            PlanItem(
                index=index,
                rel_path=entry.rel_path,
                dest_path=dest,
                size=entry.size,
                created=entry.created,
                modified=entry.modified,
                disposition=disposition,
                guidance=guidance.action,
                overridden=disposition is not natural,
                reasons=_reasons(guidance),
                renamed=renamed,
                label=retention_label(guidance),
            )
        )
    return plan


def _reasons(guidance: Guidance) -> tuple[PlanReason, ...]:
    return tuple(PlanReason(r.rule_id, text_for(r.title, "en")) for r in guidance.reasons)


def retention_label(guidance: Guidance) -> str:
    """The label of the first reason that names one: the rules are listed in the policy's
    order, so IT decides which label wins by the order of its rules."""
    return next((reason.label for reason in guidance.reasons if reason.label), "")


def retention_label_from_rules(rule_ids: Iterable[str], policy: Policy) -> str:
    """`retention_label` for a file known only by its rules' ids (a run recorded before
    labels were): the label of the first of them, in the policy's order, that names one."""
    matched = set(rule_ids)
    return next((rule.label for rule in policy.rules if rule.id in matched and rule.label), "")


def destination_folders(items: Iterable[PlanItem]) -> list[str]:
    """Every folder the MOVE items need, parents before children (for creating them once)."""
    folders: set[str] = set()
    for item in items:
        if item.disposition is not Disposition.MOVE:
            continue
        parts = item.dest_path.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folders.add("/".join(parts[:depth]))
    return sorted(folders, key=lambda path: (path.count("/"), path))
