"""Finding the H: drive (Windows logon environment, command line) and the \\\\?\\ long-path form.

The Windows lookups run here through `environ`, `exists` and `windows=True`: only the
existence of Windows paths is simulated, the decision logic is the real one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import BadInputError
from app.core.hdrive import HDriveNotFound, find_h_drive, long_path, to_os_path

SHARE = r"\\fs01\home$\pc1234"


def only(*existing: str):  # type: ignore[no-untyped-def]
    lowered = {path.lower() for path in existing}
    return lambda path: path.lower() in lowered


def test_command_line_path_wins(tmp_path: Path) -> None:
    env = {"HOMESHARE": SHARE, "HOMEDRIVE": "H:"}
    assert find_h_drive(str(tmp_path), env, windows=True) == tmp_path


def test_command_line_path_that_does_not_exist_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(HDriveNotFound) as caught:
        find_h_drive(str(missing), {"HOMESHARE": SHARE}, windows=True, exists=only(SHARE))
    error = caught.value
    assert isinstance(error, BadInputError) and error.exit_code == 2
    assert str(missing) in error.message
    assert error.title and error.action
    assert error.looked_at == (f"{missing} (not found)",)


def test_mapped_home_drive_preferred_when_home_is_a_share() -> None:
    env = {"HOMESHARE": SHARE, "HOMEDRIVE": "H:", "HOMEPATH": "\\"}
    assert str(find_h_drive(None, env, windows=True, exists=only("H:\\", SHARE))) == "H:\\"


def test_unc_share_used_when_the_letter_is_not_mapped() -> None:
    env = {"HOMESHARE": SHARE, "HOMEDRIVE": "H:", "HOMEPATH": "\\"}
    assert str(find_h_drive(None, env, windows=True, exists=only(SHARE))) == SHARE


def test_h_mapped_by_logon_script_without_homeshare() -> None:
    env = {"HOMEDRIVE": "C:", "HOMEPATH": "\\Users\\pc1234"}
    assert str(find_h_drive(None, env, windows=True, exists=only("H:\\", "C:\\"))) == "H:\\"


def test_local_profile_is_never_taken_for_the_h_drive() -> None:
    env = {"HOMEDRIVE": "C:", "HOMEPATH": "\\Users\\pc1234"}
    with pytest.raises(HDriveNotFound) as caught:
        find_h_drive(None, env, windows=True, exists=only("C:\\Users\\pc1234", "C:\\"))
    looked_at = " ".join(caught.value.looked_at)
    assert "HOMESHARE (not set" in looked_at
    assert "H:\\ (not reachable)" in looked_at
    assert "C:" not in looked_at


def test_not_found_message_says_everything_looked_at() -> None:
    env = {"HOMESHARE": SHARE, "HOMEDRIVE": "H:", "HOMEPATH": "\\"}
    with pytest.raises(HDriveNotFound) as caught:
        find_h_drive(None, env, windows=True, exists=only())
    error = caught.value
    assert error.looked_at == (
        "HOMEDRIVE H: = H:\\ (not reachable)",
        f"HOMESHARE = {SHARE} (not reachable)",
    )
    assert SHARE in error.message
    assert "VPN" in error.action and "--source" in error.action
    assert error.for_terminal().startswith("H: drive not found")


def test_without_windows_a_path_must_be_given() -> None:
    with pytest.raises(HDriveNotFound) as caught:
        find_h_drive(None, {"HOMESHARE": SHARE}, windows=False, exists=only(SHARE))
    assert "Windows only" in caught.value.message


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("C:\\a\\b", "\\\\?\\C:\\a\\b"),
        ("H:\\", "\\\\?\\H:\\"),
        ("\\\\fs01\\home$\\pc1\\x", "\\\\?\\UNC\\fs01\\home$\\pc1\\x"),
        ("\\\\?\\C:\\x", "\\\\?\\C:\\x"),
        ("\\\\?\\UNC\\fs01\\s\\x", "\\\\?\\UNC\\fs01\\s\\x"),
        ("C:/a/./b/../c", "\\\\?\\C:\\a\\c"),
        ("\\\\fs01\\s\\\\a", "\\\\?\\UNC\\fs01\\s\\a"),
        # Names Win32 would silently change (trailing dot or space) survive.
        ("H:\\notes.\\draft ", "\\\\?\\H:\\notes.\\draft "),
    ],
)
def test_long_path_form_on_windows(given: str, expected: str) -> None:
    assert long_path(given, windows=True) == expected


def test_long_path_leaves_other_platforms_alone() -> None:
    assert long_path("/home/pc/H/a", windows=False) == "/home/pc/H/a"


def test_to_os_path_beyond_260_characters() -> None:
    parts = [f"Case folder {n:02d} with a long descriptive name" for n in range(8)]
    rel = "/".join([*parts, "statement.docx"])
    path = to_os_path(SHARE, rel, windows=True)
    assert len(path) > 260
    assert path == "\\\\?\\UNC\\fs01\\home$\\pc1234\\" + rel.replace("/", "\\")
    assert to_os_path("H:\\", "a/b.txt", windows=True) == "\\\\?\\H:\\a\\b.txt"
    assert to_os_path("H:\\", "", windows=True) == "\\\\?\\H:\\"


def test_to_os_path_posix(tmp_path: Path) -> None:
    assert to_os_path(str(tmp_path), "a/b.txt", windows=False) == str(tmp_path / "a" / "b.txt")
    assert to_os_path(str(tmp_path), "", windows=False) == str(tmp_path)
