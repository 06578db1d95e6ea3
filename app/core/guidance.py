"""Retention guidance: what to do with each file (move, review, discard, cannot move) and why.

`classify()` (in app.core.classify) produces a `GuidanceReport`: one `Guidance` per file,
index-aligned with `Inventory.files`, plus folder-level guidance (folder renames that
OneDrive needs, links that cannot move). Texts are per language (English always present).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.core.inventory import Inventory

LocalText = Mapping[str, str]  # language code ("en", "cy", ...) -> text


def text_for(texts: LocalText, language: str) -> str:
    """The text in `language` ("cy" or "cy_GB"), falling back to English."""
    for key in (language, language.split("_")[0].split("-")[0], "en"):
        if key in texts:
            return texts[key]
    return next(iter(texts.values()), "")


class Action(enum.StrEnum):
    MOVE = "move"
    REVIEW = "review"
    DISCARD = "discard"
    CANNOT_MOVE = "cannot_move"

    @property
    def severity(self) -> int:
        """Most restrictive wins when several rules match."""
        return _SEVERITY[self]


_SEVERITY = {Action.MOVE: 0, Action.REVIEW: 1, Action.DISCARD: 2, Action.CANNOT_MOVE: 3}


@dataclass(frozen=True, slots=True)
class Reason:
    rule_id: str
    action: Action
    overridable: bool
    title: LocalText
    explanation: LocalText
    detail: str = ""  # item-specific data, not prose: a new name, the duplicate's path
    label: str = ""  # Purview retention label mapped to the rule, if any


@dataclass(frozen=True, slots=True)
class Guidance:
    action: Action
    reasons: tuple[Reason, ...] = ()
    overridable: bool = True
    new_name: str | None = None  # the name OneDrive needs, when the current one is not allowed

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(reason.rule_id for reason in self.reasons)


MOVE_PLAIN = Guidance(Action.MOVE)


@dataclass
class GuidanceReport:
    inventory: Inventory
    files: list[Guidance]  # aligned with inventory.files
    folders: dict[str, Guidance] = field(default_factory=dict)  # by folder rel_path
    policy_name: str = ""
    # aligned with inventory.problems: what the scan could not read is cannot_move too
    problems: list[Guidance] = field(default_factory=list)
