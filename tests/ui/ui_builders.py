"""Inventories and guidance reports built directly (seeded), for model and page tests."""

from __future__ import annotations

import random

from app.core.guidance import Action, Guidance, GuidanceReport, Reason
from app.core.inventory import FileEntry, FolderEntry, Inventory

# A policy whose one rule carries a retention label (the label tests' organisation).
LABEL = "Personnel records - 7 years"
LABELLED_POLICY = f"""
[policy]
name = "Force policy"
version = "3"

[[rules]]
id = "hr"
action = "move"
title.en = "HR"
explanation.en = "HR files"
folders = ["hr"]
label = "{LABEL}"
"""

TEMP = Reason(
    "temporary-files",
    Action.DISCARD,
    True,
    {"en": "Temporary files"},
    {"en": "Left behind by programs; nobody needs them."},
)
EXE = Reason(
    "programs",
    Action.CANNOT_MOVE,
    False,
    {"en": "Programs"},
    {"en": "Programs cannot be stored in OneDrive by force policy."},
)
OLD = Reason(
    "old-records",
    Action.REVIEW,
    True,
    {"en": "Old records"},
    {"en": "Not changed for seven years: check whether you still need them."},
)
PERSONAL = Reason(
    "personal-media",
    Action.DISCARD,
    False,
    {"en": "Personal media"},
    {"en": "Personal music and films must not be kept on force systems."},
)


def make_report(n_files: int = 200, *, seed: int = 1, depth: int = 3) -> GuidanceReport:
    rng = random.Random(seed)
    files: list[FileEntry] = []
    guidance: list[Guidance] = []
    folders = {""}
    for i in range(n_files):
        parts = [f"Folder {rng.randrange(4)}" for _ in range(rng.randrange(depth + 1))]
        folder = "/".join(parts)
        for k in range(1, len(parts) + 1):
            folders.add("/".join(parts[:k]))
        kind = rng.random()
        if kind < 0.1:
            name, reason = f"~tmp{i}.tmp", TEMP
        elif kind < 0.15:
            name, reason = f"tool{i}.exe", EXE
        elif kind < 0.3:
            name, reason = f"case {i}.docx", OLD
        elif kind < 0.35:
            name, reason = f"song {i}.mp3", PERSONAL
        else:
            name, reason = f"report {i}.docx", None
        path = f"{folder}/{name}" if folder else name
        files.append(FileEntry(path, rng.randrange(1, 5_000_000), 1.6e9, 1.6e9 + i * 1000.0))
        if reason is None:
            guidance.append(Guidance(Action.MOVE))
        else:
            guidance.append(Guidance(reason.action, (reason,), reason.overridable))
    inventory = Inventory(
        root="/tmp/H", files=files, folders=[FolderEntry(f) for f in sorted(folders)]
    )
    return GuidanceReport(inventory, guidance, policy_name="test policy")
