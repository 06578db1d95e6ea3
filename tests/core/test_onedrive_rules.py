"""OneDrive naming rules: every rule, its near misses, path lengths, clashes and sizes."""

from __future__ import annotations

import pytest

from app.core.inventory import FileEntry, FolderEntry, Inventory
from app.core.onedrive_rules import (
    MAX_FILE_SIZE,
    MAX_PATH_LENGTH,
    Finding,
    NameIssue,
    check_inventory,
    name_issues,
    personal_prefix,
    propose_name,
    server_relative_length,
)

Issue = NameIssue

BROKEN = [
    *[(f"a{c}b.txt", Issue.INVALID_CHARACTERS) for c in '"*:<>?/\\|'],
    ("tab\there", Issue.INVALID_CHARACTERS),
    ("bell\x07.txt", Issue.INVALID_CHARACTERS),
    ("del\x7f.txt", Issue.INVALID_CHARACTERS),
    (" leading.docx", Issue.LEADING_OR_TRAILING_SPACE),
    ("trailing.docx ", Issue.LEADING_OR_TRAILING_SPACE),
    ("no-break space\u00a0", Issue.LEADING_OR_TRAILING_SPACE),
    ("Minutes.", Issue.TRAILING_DOT),
    ("Minutes..", Issue.TRAILING_DOT),
    *[(name, Issue.RESERVED_NAME) for name in ("CON", "con", "Prn", "AUX", "nul", "COM0", "com9")],
    *[
        (name, Issue.RESERVED_NAME)
        for name in ("LPT1", "lpt0", "con.txt", "COM1.docx", "nul.tar.gz")
    ],
    (".lock", Issue.BLOCKED_NAME),
    (".LOCK", Issue.BLOCKED_NAME),
    ("desktop.ini", Issue.BLOCKED_NAME),
    ("Desktop.INI", Issue.BLOCKED_NAME),
    ("~$Report.docx", Issue.TEMPORARY_PREFIX),
    ("~$", Issue.TEMPORARY_PREFIX),
    ("_vti_", Issue.VTI),
    ("notes_vti_old.txt", Issue.VTI),
    ("X_VTI_.txt", Issue.VTI),
    ("", Issue.EMPTY),
]


@pytest.mark.parametrize(("name", "issue"), BROKEN)
def test_each_rule_is_detected_and_the_proposed_name_passes(name: str, issue: NameIssue) -> None:
    assert issue in name_issues(name)
    new = propose_name(name, set())
    assert new != name
    assert name_issues(new) == ()


VALID = [
    "console.txt",
    "CONS",
    "icon.png",
    "com.txt",
    "COM10",
    "LPT10.txt",
    "CON_.txt",
    "lock",
    "a.lock",
    "desktop.ini.bak",
    "my desktop.ini",
    "_vti",
    "vti_",
    "_vti-",
    "$~money.xlsx",
    "~draft.docx",
    ".profile",
    "a..b",
    "a . b",
    "#1 100% & {x} [y].docx",
    "Émigré – notes.txt",
    "报告.docx",
    "Forms.docx",
]


@pytest.mark.parametrize("name", VALID)
def test_near_misses_are_valid_and_kept(name: str) -> None:
    assert name_issues(name) == ()
    assert name_issues(name, is_folder=True, at_root=True) == ()
    assert propose_name(name, set()) == name


def test_forms_is_refused_only_as_a_folder_at_the_root() -> None:
    assert name_issues("forms", is_folder=True, at_root=True) == (Issue.FORMS_AT_ROOT,)
    assert name_issues("FORMS", is_folder=True, at_root=True) == (Issue.FORMS_AT_ROOT,)
    assert name_issues("Forms", is_folder=True, at_root=False) == ()
    assert name_issues("forms", is_folder=False, at_root=True) == ()
    assert propose_name("Forms", set(), is_folder=True, at_root=True) == "Forms_"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CON.txt", "CON_.txt"),
        ("lpt1", "lpt1_"),
        ("Case: R v Smith?.docx", "Case_ R v Smith_.docx"),
        ("  Budget 2019 . ", "Budget 2019"),
        ("~$Report.docx", "_$Report.docx"),
        ("a_vti_b", "a_vti-b"),
        ("desktop.ini", "desktop_.ini"),
        (".lock", "_.lock"),
        ("...", "_"),
        ("CON.", "CON_"),
    ],
)
def test_proposed_names(name: str, expected: str) -> None:
    assert propose_name(name, set()) == expected


def test_collisions_get_numbered_before_the_extension() -> None:
    assert propose_name("Report.docx", {"report.docx"}) == "Report (2).docx"
    taken = {"report.docx", "report (2).docx"}
    assert propose_name("Report.docx", taken) == "Report (3).docx"
    assert propose_name("Case.v2", {"case.v2"}, is_folder=True) == "Case.v2 (2)"
    assert propose_name("a?.txt", {"a_.txt"}) == "a_ (2).txt"


def test_path_length_counts_the_personal_site_and_destination() -> None:
    upn = "jane.smith@force.police.uk"
    site = "personal/jane_smith_force_police_uk/Documents/H drive/"
    assert personal_prefix(upn, "H drive") == site
    path = "Case papers/Witness statement.docx"
    expected = len(site) + len(path)
    assert server_relative_length(path, user_principal_name=upn, destination_folder="H drive") == (
        expected
    )
    assert server_relative_length("a", user_principal_name="x@y.z", destination_folder="") == len(
        "personal/x_y_z/Documents/a"
    )


def _inventory(files: list[tuple[str, int]], folders: list[str] | None = None) -> Inventory:
    entries = [FileEntry(path, size, 0.0, 0.0) for path, size in files]
    listed = [FolderEntry(path) for path in ([""] + (folders or []))]
    return Inventory(root="H:\\", files=entries, folders=listed)


UPN = "jane.smith@force.police.uk"


def _room(prefix_folder: str = "H drive") -> int:
    return MAX_PATH_LENGTH - len(personal_prefix(UPN, prefix_folder))


def test_path_of_exactly_400_passes_and_401_cannot_move() -> None:
    room = _room()
    ok = "d/" + "x" * (room - 2)
    too_long = "e/" + "y" * (room - 1)
    result = check_inventory(
        _inventory([(ok, 1), (too_long, 1)]), user_principal_name=UPN, destination_folder="H drive"
    )
    assert result.server_relative_length(ok) == MAX_PATH_LENGTH
    assert 0 not in result.files
    finding = result.files[1]
    assert finding.issues == (Issue.PATH_TOO_LONG,)
    assert not finding.fixable and finding.new_name is None
    assert result.cannot_move() == [1]


def test_a_folder_over_the_limit_is_reported_with_its_files() -> None:
    deep = "/".join(["Operation Longname folder " + str(n) for n in range(20)])
    result = check_inventory(_inventory([(deep + "/a.txt", 1)]), user_principal_name=UPN)
    assert Issue.PATH_TOO_LONG in result.folders[deep].issues
    assert result.files[0].issues == (Issue.PATH_TOO_LONG,)
    # Its shallow ancestors fit.
    assert "Operation Longname folder 0" not in result.folders


def test_a_rename_that_lengthens_a_folder_pushes_its_files_over_the_limit() -> None:
    room = _room()
    # "report" clashes with "Report" and becomes "report (2)": four characters longer.
    filler = "z" * (room - len("report/") - 2)
    inventory = _inventory([("Report/a.txt", 1), ("report/" + filler, 1)], ["Report", "report"])
    result = check_inventory(inventory, user_principal_name=UPN)
    assert result.folders["report"].issues == (Issue.CASE_CLASH,)
    assert result.destination_path("report/" + filler) == "report (2)/" + filler
    assert result.files[1].issues == (Issue.PATH_TOO_LONG,)
    assert 0 not in result.files


def test_case_clash_first_sorted_keeps_its_name() -> None:
    inventory = _inventory(
        [
            ("Cases/Report.docx", 1),
            ("Cases/report.docx", 2),
            ("Cases/REPORT.docx", 3),
            ("Cases/report (2).docx", 4),
            ("Other/report.docx", 5),
        ],
        ["Cases", "Other"],
    )
    result = check_inventory(inventory)
    assert sorted(result.files) == [0, 1]  # "REPORT.docx" sorts first and keeps its name
    assert result.files[0] == Finding((Issue.CASE_CLASH,), True, "Report (3).docx")
    assert result.files[1].new_name == "report (4).docx"
    assert result.destination_path("Cases/REPORT.docx") == "Cases/REPORT.docx"
    assert result.destination_path("Other/report.docx") == "Other/report.docx"


def test_invalid_names_do_not_take_a_valid_siblings_name() -> None:
    inventory = _inventory([("a?.txt", 1), ("a_.txt", 1), ("A_.TXT", 1)])
    result = check_inventory(inventory)
    # "A_.TXT" sorts before "a_.txt" and keeps its name; "a?.txt" sorts before "a_.txt".
    assert result.files[0].new_name == "a_ (2).txt"
    assert result.files[1].issues == (Issue.CASE_CLASH,)
    assert result.files[1].new_name == "a_ (3).txt"
    assert 2 not in result.files


def test_folder_renames_apply_to_descendants_and_folders_clash_with_files() -> None:
    inventory = _inventory(
        [
            ("Case: Smith/Statement.docx", 1),
            ("Case: Smith/Sub./x.txt", 1),
            ("Notes", 1),
            ("forms/f.pdf", 1),
            ("Old/forms/f.pdf", 1),
        ],
        ["Case: Smith", "Case: Smith/Sub.", "notes", "forms", "Old", "Old/forms"],
    )
    result = check_inventory(inventory)
    assert result.destination_path("Case: Smith/Statement.docx") == "Case_ Smith/Statement.docx"
    assert result.destination_path("Case: Smith/Sub./x.txt") == "Case_ Smith/Sub/x.txt"
    assert result.destination_path("Case: Smith/Sub.") == "Case_ Smith/Sub"
    assert result.folders["Case: Smith"].new_name == "Case_ Smith"
    assert result.folders["Case: Smith/Sub."].issues == (Issue.TRAILING_DOT,)
    assert "Case: Smith/Statement.docx" not in {inventory.files[i].rel_path for i in result.files}
    # The file "Notes" sorts before the folder "notes": the folder is renamed.
    assert result.folders["notes"] == Finding((Issue.CASE_CLASH,), True, "notes (2)")
    assert result.destination_path("forms/f.pdf") == "forms_/f.pdf"
    assert result.destination_path("Old/forms/f.pdf") == "Old/forms/f.pdf"


def test_files_over_250_gb_cannot_move() -> None:
    inventory = _inventory([("big.vhd", MAX_FILE_SIZE + 1), ("edge.vhd", MAX_FILE_SIZE)])
    result = check_inventory(inventory)
    assert result.files == {0: Finding((Issue.FILE_TOO_LARGE,), False, None)}


def test_files_without_listed_folders_still_get_folder_findings() -> None:
    result = check_inventory(_inventory([("A./b/c.txt", 1), ("a./b/C.TXT", 1)]))
    assert result.folders["A."].new_name == "A"
    assert result.folders["a."].new_name == "a (2)"  # "a" is taken by the renamed "A."
    assert result.destination_path("a./b/C.TXT") != result.destination_path("A./b/c.txt")


def test_clean_inventory_has_no_findings_and_identity_paths() -> None:
    inventory = _inventory([("Case papers/Statement.docx", 1), ("Photos/IMG_0001.jpg", 2)])
    result = check_inventory(inventory, user_principal_name=UPN)
    assert result.files == {} and result.folders == {}
    assert result.destination_path("Photos/IMG_0001.jpg") == "Photos/IMG_0001.jpg"


def test_only_descendants_of_a_renamed_folder_move() -> None:
    inventory = _inventory(
        [("Old./deep/er/a.txt", 1), ("Old. copy/b.txt", 1), ("Old.x/c.txt", 1), ("Old/d.txt", 1)],
        ["Old.", "Old./deep", "Old./deep/er", "Old. copy", "Old.x", "Old"],
    )
    result = check_inventory(inventory)
    # "Old." becomes "Old", which is taken, so "Old (2)".
    assert result.destination_path("Old./deep/er/a.txt") == "Old (2)/deep/er/a.txt"
    assert result.destination_path("Old./deep") == "Old (2)/deep"
    assert result.destination_path("Old. copy/b.txt") == "Old. copy/b.txt"
    assert result.destination_path("Old.x/c.txt") == "Old.x/c.txt"
    assert result.destination_path("Old/d.txt") == "Old/d.txt"
    assert set(result.folder_destinations) == {"Old.", "Old./deep", "Old./deep/er"}


def test_the_garbage_collector_is_left_as_it_was() -> None:
    import gc

    inventory = _inventory([("a?.txt", 1)])
    assert gc.isenabled()
    check_inventory(inventory)
    assert gc.isenabled()
    gc.disable()
    try:
        check_inventory(inventory)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_empty_inventory_and_folders_without_files() -> None:
    assert check_inventory(Inventory("H:\\")).files == {}
    result = check_inventory(_inventory([], ["Empty: folder", "Empty: folder/inner"]))
    assert result.folders["Empty: folder"].new_name == "Empty_ folder"
    assert result.destination_path("Empty: folder/inner") == "Empty_ folder/inner"
