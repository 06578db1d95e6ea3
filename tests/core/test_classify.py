"""Classification into guidance: every default rule, precedence, overrides and shared objects."""

from __future__ import annotations

import threading

import pytest

from app.core.classify import classify
from app.core.errors import CancelledError
from app.core.guidance import Action, GuidanceReport
from app.core.inventory import FileEntry, Inventory, ProblemKind, ScanProblem
from app.core.onedrive_rules import check_inventory
from app.core.policy import Policy, load_policy, parse_policy

NOW = 1_800_000_000.0
YEAR = 365.25 * 86400
GIB = 1024**3


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy()


def entry(path: str, size: int = 1000, years: float = 1.0) -> FileEntry:
    return FileEntry(path, size, NOW - years * YEAR, NOW - years * YEAR)


def run(policy: Policy, *entries: FileEntry, **kwargs: object) -> GuidanceReport:
    inventory = Inventory(root="/h", files=list(entries))
    return classify(inventory, policy, now=NOW, hash_duplicates=False, **kwargs)  # type: ignore[arg-type]


# (file, the rule that must match it, a near miss that must not)
RULE_CASES = [
    ("temporary-files", entry("notes.tmp"), entry("notes.txt")),
    ("temporary-files", entry("a/Download.CRDOWNLOAD"), entry("a/tmp.docx")),
    ("system-files", entry("~$report.docx"), entry("a~$report.docx")),
    ("system-files", entry("x/Thumbs.db"), entry("x/Thumbs.db.docx")),
    ("temporary-folders", entry("Temp/report.docx"), entry("Temperature/report.docx")),
    ("temporary-folders", entry("a/$RECYCLE.BIN/b/c.doc"), entry("a/RECYCLE/c.doc")),
    ("shortcuts", entry("Link to share.lnk"), entry("lnk.txt")),
    ("outlook-data", entry("Mail/archive.PST"), entry("pst.docx")),
    ("programs", entry("setup.exe"), entry("exec.docx")),
    ("personal-media", entry("Holiday/beach.JPG"), entry("beach.jpg.txt")),
    ("personal-media", entry("song.mp3"), entry("mp3 list.xlsx")),
    ("not-changed-six-years", entry("old.docx", years=6.1), entry("newer.docx", years=5.9)),
    ("police-records-by-name", entry("Witness Statement 12.docx"), entry("Stationery.docx")),
    ("police-records-by-name", entry("MG11 draft.doc"), entry("IMG11.doc")),
    ("police-records-by-name", entry("op_MG5.doc"), entry("opMG5x.doc")),
    ("police-records-by-folder", entry("Case Papers/x.docx"), entry("Papers/x.docx")),
    ("police-records-by-folder", entry("Op X/Custody Records/y.pdf"), entry("Op X/y.pdf")),
    ("very-large-files", entry("film.iso.part", size=3 * GIB), entry("big.docx", size=GIB)),
]


@pytest.mark.parametrize(("rule_id", "hit", "miss"), RULE_CASES)
def test_each_default_rule_matches_and_its_near_miss_does_not(
    policy: Policy, rule_id: str, hit: FileEntry, miss: FileEntry
) -> None:
    report = run(policy, hit, miss)
    assert rule_id in report.files[0].rule_ids
    assert rule_id not in report.files[1].rule_ids
    assert report.files[0].action is policy.rule(rule_id).action or (
        report.files[0].action.severity > policy.rule(rule_id).action.severity
    )


def test_a_plain_recent_document_is_moved_without_reasons(policy: Policy) -> None:
    guidance = run(policy, entry("Rota/2025 rota.xlsx")).files[0]
    assert guidance.action is Action.MOVE and guidance.reasons == () and guidance.overridable


def test_most_restrictive_action_wins_and_every_reason_is_kept(policy: Policy) -> None:
    report = run(policy, entry("Temp/setup.exe", years=7), entry("Statements/archive.pst"))
    exe, pst = report.files
    assert exe.action is Action.DISCARD
    assert set(exe.rule_ids) == {"temporary-folders", "programs", "not-changed-six-years"}
    assert exe.reasons[-1].rule_id == "not-changed-six-years"  # most restrictive first
    assert not exe.overridable  # "programs" may not be overridden, though the folder rule may
    assert pst.action is Action.CANNOT_MOVE
    assert pst.rule_ids[0] == "outlook-data"
    assert "police-records-by-folder" in pst.rule_ids
    assert not pst.overridable


def test_overridable_follows_the_winning_rules(policy: Policy) -> None:
    tmp, exe, old = run(policy, entry("a.tmp"), entry("a.exe"), entry("a.doc", years=9)).files
    assert (tmp.action, tmp.overridable) == (Action.DISCARD, True)
    assert (exe.action, exe.overridable) == (Action.DISCARD, False)
    assert (old.action, old.overridable) == (Action.REVIEW, True)


def test_files_with_the_same_guidance_share_one_object(policy: Policy) -> None:
    report = run(policy, *(entry(f"f{i}/doc {i}.docx") for i in range(50)), entry("x.tmp"))
    assert len({id(g) for g in report.files[:50]}) == 1
    assert report.files[50] is not report.files[0]


def test_retention_labels_are_carried_into_reasons() -> None:
    policy = parse_policy(
        '[[rules]]\nid = "hr"\naction = "review"\nfolders = ["HR"]\nlabel = "HR 7 years"\n'
        'title.en = "HR"\nexplanation.en = "HR files"\n'
    )
    reason = run(policy, entry("HR/a.doc")).files[0].reasons[0]
    assert (reason.rule_id, reason.label) == ("hr", "HR 7 years")


def test_onedrive_names_give_the_new_name_or_cannot_move(policy: Policy) -> None:
    files = [
        entry("Reports/what?.docx"),
        entry("Reports/fine.docx"),
        entry("Huge/disk.vhd", size=300 * GIB),
        entry("bad: folder/inside.txt"),
    ]
    inventory = Inventory(root="/h", files=files)
    rules = check_inventory(inventory, destination_folder="H drive", user_principal_name="a@b.c")
    report = classify(inventory, policy, rules=rules, now=NOW, hash_duplicates=False)
    renamed, fine, huge, inside = report.files
    assert renamed.action is Action.MOVE and renamed.new_name
    assert "?" not in renamed.new_name
    assert renamed.reasons[0].rule_id == "onedrive-rename"
    assert renamed.reasons[0].detail == renamed.new_name
    assert fine.reasons == ()
    assert huge.action is Action.CANNOT_MOVE and "onedrive-cannot-hold" in huge.rule_ids
    assert "file_too_large" in huge.reasons[0].detail
    assert inside.action is Action.MOVE  # the folder is renamed; the file keeps its name
    folder = report.folders["bad: folder"]
    assert folder.action is Action.MOVE and folder.new_name and ":" not in folder.new_name


def test_files_below_a_folder_onedrive_cannot_hold_cannot_move(policy: Policy) -> None:
    deep = "/".join(["a very long folder name indeed"] * 14)
    files = [entry(f"{deep}/x.docx"), entry("short/y.docx")]
    inventory = Inventory(root="/h", files=files)
    rules = check_inventory(inventory, destination_folder="H drive", user_principal_name="a@b.c")
    assert any(not f.fixable for f in rules.folders.values())
    report = classify(inventory, policy, rules=rules, now=NOW, hash_duplicates=False)
    assert report.files[0].action is Action.CANNOT_MOVE
    assert report.files[0].reasons[0].rule_id == "onedrive-cannot-hold"
    assert report.files[1].action is Action.MOVE


def test_scan_problems_are_cannot_move_with_their_reasons(policy: Policy) -> None:
    inventory = Inventory(
        root="/h",
        files=[entry("a.docx")],
        problems=[
            ScanProblem("locked.docx", ProblemKind.UNREADABLE_FILE, "permission denied"),
            ScanProblem("bad\\xff.txt", ProblemKind.INVALID_NAME),
            ScanProblem("Shared", ProblemKind.LINK),
        ],
    )
    report = classify(inventory, policy, now=NOW, hash_duplicates=False)
    assert [g.action for g in report.problems] == [Action.CANNOT_MOVE] * 3
    assert [g.rule_ids for g in report.problems] == [
        ("unreadable",),
        ("unreadable-name",),
        ("links",),
    ]
    assert not any(g.overridable for g in report.problems)


def test_a_policy_without_problem_or_name_rules_still_cannot_move_them() -> None:
    policy = parse_policy(
        '[[rules]]\nid = "tmp"\naction = "discard"\nextensions = [".tmp"]\n'
        'title.en = "Temp"\nexplanation.en = "Temporary"\n'
    )
    inventory = Inventory(
        root="/h",
        files=[entry("big.bin", size=300 * GIB)],
        problems=[ScanProblem("x", ProblemKind.VANISHED)],
    )
    rules = check_inventory(inventory)
    report = classify(inventory, policy, rules=rules, now=NOW, hash_duplicates=False)
    assert report.files[0].action is Action.CANNOT_MOVE
    assert report.problems[0].action is Action.CANNOT_MOVE
    assert report.problems[0].reasons[0].title["en"]


def test_duplicates_keep_the_least_restricted_then_shallowest_copy(policy: Policy) -> None:
    files = [
        entry("Temp/copy.docx", size=500),
        entry("Projects/2024/report.docx", size=500),
        entry("report.docx", size=500),
        entry("other.docx", size=500),  # same size, different content
        entry("empty1.txt", size=0),
        entry("empty2.txt", size=0),
    ]
    contents = {f.rel_path: "same" for f in files[:3]} | {"other.docx": "different"}
    calls: list[str] = []

    def hasher(path: str, stop: threading.Event | None) -> tuple[int, str]:
        calls.append(path)
        return 500, contents[path.removeprefix("/h/")]

    inventory = Inventory(root="/h", files=files)
    report = classify(inventory, policy, now=NOW, hasher=hasher)
    temp, nested, top, other, empty1, empty2 = report.files
    assert top.action is Action.MOVE and "duplicates" not in top.rule_ids
    for copy in (temp, nested):
        assert copy.action is Action.DISCARD
        reason = next(r for r in copy.reasons if r.rule_id == "duplicates")
        assert reason.detail == "report.docx"
    assert "duplicates" not in other.rule_ids
    assert empty1.action is Action.MOVE and empty2.action is Action.MOVE
    assert len(calls) == 4  # empty files never read
    calls.clear()
    classify(inventory, policy, now=NOW, hasher=hasher, hash_duplicates=False)
    assert calls == []


def test_setting_stop_cancels_classification(policy: Policy) -> None:
    stop = threading.Event()
    stop.set()
    with pytest.raises(CancelledError):
        run(policy, entry("a.docx"), stop=stop)
