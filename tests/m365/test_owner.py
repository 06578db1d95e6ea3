"""The H: drive owner check: Windows' idea of the user against the signed-in account."""

from __future__ import annotations

from pathlib import PureWindowsPath

import pytest

from app.m365.auth import Account
from app.m365.owner import check_owner, local_owner_names, normalise


def account(upn: str) -> Account:
    return Account(username=upn, name="Someone", oid="oid", tenant_id="tid")


@pytest.mark.parametrize(
    ("environ", "upn", "matches", "expected"),
    [
        ({"USERNAME": "jsmith"}, "jsmith@force.police.uk", True, "jsmith"),
        ({"USERNAME": "JSmith"}, "jsmith@force.police.uk", True, "JSmith"),
        ({"USERNAME": "FORCE\\jsmith"}, "JSMITH@force.police.uk", True, "jsmith"),
        (
            {"HOMESHARE": r"\\fs01\home$\john.smith", "USERNAME": "12345"},
            "john_smith@force.police.uk",
            True,
            "john.smith",
        ),
        (
            {"HOMESHARE": r"\\fs01\home$\jsmith", "USERNAME": "jsmith"},
            "adoe@force.police.uk",
            False,
            "jsmith",
        ),
        ({"USERNAME": "jsmith"}, "jsmith2@force.police.uk", False, "jsmith"),
        ({}, "jsmith@force.police.uk", False, ""),
        ({"HOMESHARE": r"\\fs01\home$"}, "home$@force.police.uk", False, ""),
    ],
)
def test_owner_check(environ: dict[str, str], upn: str, matches: bool, expected: str) -> None:
    result = check_owner(account(upn), "H:\\", environ)
    assert result.matches is matches
    assert result.expected == expected
    assert result.actual == upn
    assert result.owner_known is bool(expected)


def test_unc_h_drive_path_counts_as_the_home_share() -> None:
    path = PureWindowsPath(r"\\fs01\home$\adoe")
    assert local_owner_names(str(path), {}) == ["adoe"]
    assert check_owner(account("a.doe@force.police.uk"), str(path), {}).matches


def test_mismatch_reports_both_names() -> None:
    result = check_owner(
        account("colleague@force.police.uk"), "H:\\", {"HOMESHARE": r"\\fs\home$\jsmith"}
    )
    assert not result.matches
    assert (result.expected, result.actual) == ("jsmith", "colleague@force.police.uk")


def test_normalise_ignores_case_width_and_separators() -> None:
    assert normalise("Ｊohn.Smith") == normalise("john_smith") == "johnsmith"
    assert normalise("jsmith") != normalise("jsmyth")
