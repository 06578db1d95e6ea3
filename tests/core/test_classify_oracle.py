"""The fast rules engine against a plain, obviously-correct evaluation of the same policy.

classify() compiles the policy into bits, finds name globs in bulk and shares Guidance
objects; none of that may change an answer. Random inventories (seeded) built from
pieces that hit and nearly miss every default rule are classified both ways.
"""

from __future__ import annotations

import fnmatch
import random

import pytest

from app.core.classify import classify
from app.core.guidance import Action
from app.core.inventory import FileEntry, Inventory
from app.core.policy import Policy, Rule, load_policy, parse_policy

NOW = 1_800_000_000.0
YEAR = 365.25 * 86400

FOLDERS = [
    "Temp",
    "Temperature",
    "Case Papers",
    "case papers 2",
    "Statements",
    "Op Custody",
    "custody suite",
    "$RECYCLE.BIN",
    "Projects",
    "İstanbul trip",
    "Fotos",
    "a.b",
]
STEMS = [
    "Witness Statement",
    "statement",
    "MG11",
    "mg5 draft",
    "op_MG3",
    "IMG11",
    "~$report",
    "Thumbs",
    "desktop",
    "notes",
    "Exhibit AB/1",
    "custody record",
    "case file",
    "rota",
    "CASE PAPER",
    ".DS_Store",
    "archive",
    "İ",
    "ßtraße",
    "file.lock",
    "",
]
EXTENSIONS = [
    ".docx",
    ".tmp",
    ".TMP",
    ".lnk",
    ".pst",
    ".exe",
    ".jpg",
    ".MP3",
    ".db",
    ".ini",
    "",
    ".",
    ".lock",
    ".bak",
    ".pdf",
    ".mov",
]


def random_inventory(seed: int, count: int) -> Inventory:
    rng = random.Random(seed)
    files = []
    for index in range(count):
        depth = rng.randrange(0, 4)
        folders = [rng.choice(FOLDERS) for _ in range(depth)]
        stem = rng.choice(STEMS).replace("/", "-") or f"f{index}"
        name = (
            f"{stem} {index}{rng.choice(EXTENSIONS)}"
            if rng.random() < 0.5
            else (stem + rng.choice(EXTENSIONS))
        )
        years = rng.choice([0.1, 5.9, 6.1, 12.0])
        size = rng.choice([0, 10, 2047 * 1024 * 1024, 2049 * 1024 * 1024])
        path = "/".join([*folders, name])
        files.append(FileEntry(path, size, NOW - years * YEAR, NOW - years * YEAR))
    files.sort(key=lambda f: f.rel_path.rpartition("/")[0])  # grouped, as a scan gives them
    return Inventory(root="/h", files=files)


def plain_matches(rule: Rule, entry: FileEntry) -> bool:
    parent, _, name = entry.rel_path.rpartition("/")
    lowered = name.lower()
    checks: list[bool] = []
    if rule.extensions or rule.categories:
        checks.append("." in name and name.rpartition(".")[2].lower() in rule.extensions)
    if rule.names:
        checks.append(any(fnmatch.fnmatchcase(lowered, g.lower()) for g in rule.names))
    if rule.folders:
        parts = parent.split("/") if parent else []
        checks.append(
            any(fnmatch.fnmatchcase(p.lower(), g.lower()) for p in parts for g in rule.folders)
        )
    if rule.modified_before_years is not None:
        checks.append(entry.modified < NOW - rule.modified_before_years * YEAR)
    if rule.size_above_mib is not None:
        checks.append(entry.size > rule.size_above_mib * 1024 * 1024)
    if rule.duplicates or rule.onedrive_names or rule.scan_problems:
        checks.append(False)  # need hashes / OneDrive findings / scan problems: none here
    return bool(checks) and all(checks)


def check_against_plain(policy: Policy, inventory: Inventory) -> None:
    report = classify(inventory, policy, now=NOW, hash_duplicates=False)
    for entry, guidance in zip(inventory.files, report.files, strict=True):
        expected = [r for r in policy.rules if plain_matches(r, entry)]
        assert sorted(guidance.rule_ids) == sorted(r.id for r in expected), entry.rel_path
        action = max((r.action for r in expected), key=lambda a: a.severity, default=Action.MOVE)
        assert guidance.action is action, entry.rel_path
        assert guidance.overridable == (
            action is not Action.CANNOT_MOVE
            and all(r.overridable for r in expected if r.action is action)
        ), entry.rel_path


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_default_policy_agrees_with_plain_evaluation(seed: int) -> None:
    inventory = random_inventory(seed, 3000)
    check_against_plain(load_policy(), inventory)


def test_globs_with_classes_and_single_characters_agree() -> None:
    policy = parse_policy(
        '[[rules]]\nid = "a"\naction = "review"\nnames = ["mg[0-9][!0-9]*", "?tatement*"]\n'
        'title.en = "A"\nexplanation.en = "A"\n'
        '[[rules]]\nid = "b"\naction = "discard"\nfolders = ["[sS]tatement?"]\n'
        'extensions = [".docx"]\ntitle.en = "B"\nexplanation.en = "B"\n'
        '[[rules]]\nid = "c"\naction = "review"\nnames = ["*"]\nmodified_before_years = 6\n'
        'title.en = "C"\nexplanation.en = "C"\n'
    )
    check_against_plain(policy, random_inventory(9, 2000))


def test_unicode_whose_lower_case_is_longer_still_matches() -> None:
    # "İ".lower() is two code points: the bulk search must fall back, not misplace hits.
    inventory = Inventory(
        root="/h",
        files=[
            FileEntry("İİİ witness statement.docx", 1, NOW, NOW),
            FileEntry("plain.docx", 1, NOW, NOW),
            FileEntry("statement.docx", 1, NOW, NOW),
        ],
    )
    report = classify(inventory, load_policy(), now=NOW, hash_duplicates=False)
    assert [g.rule_ids for g in report.files] == [
        ("police-records-by-name",),
        (),
        ("police-records-by-name",),
    ]
