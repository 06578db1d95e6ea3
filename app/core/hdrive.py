"""Finding the officer's H: drive, and the Windows long-path form used to read it.

On Windows the home share is announced by the logon environment: HOMESHARE holds its UNC
path (\\\\server\\home$\\name) and HOMEDRIVE the letter it is mapped to (usually H:).
Some forces map H: by logon script instead, so a mapped H: is looked at too. Anywhere,
a folder given on the command line (or chosen in the wizard) wins. The Windows lookups
take `environ`, `exists` and `windows` so that they are testable on any platform.

Paths on an H: drive easily pass Windows' classic 260-character limit (deep case folders
with long names). `long_path` gives the \\\\?\\ (or \\\\?\\UNC\\) form that the Win32 file
functions accept up to ~32,767 characters. It is used for every path we read, not only
long ones, because the prefix also switches off Win32 name normalisation: a file named
"notes." or "draft " (trailing dot or space, made by a Mac or a script) can only be
opened that way.
"""

from __future__ import annotations

import ntpath
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from app.core.errors import BadInputError
from app.core.texts import N_

_LONG_PREFIX = "\\\\?\\"
_UNC_LONG_PREFIX = "\\\\?\\UNC\\"
_DEVICE_PREFIX = "\\\\.\\"


class HDriveNotFound(BadInputError):
    """No H: drive where we looked; `looked_at` says where that was."""

    def __init__(self, looked_at: list[str], *, given: str | None = None) -> None:
        self.looked_at = tuple(looked_at)
        if given is not None:
            message = N_(
                "The folder you chose, {given}, does not exist or is not a folder "
                "that can be opened."
            )
            action = N_(
                "Check the spelling of the path, or choose the folder again. If it is on "
                "the network, make sure you are connected (in the office or on the VPN)."
            )
        else:
            message = N_("Your H: drive could not be found. Looked at: {looked_at}.")
            action = N_(
                "Connect to the force network (in the office or on the VPN) and try again, "
                "or choose your H: drive folder yourself (in the assistant, or with --source "
                "PATH on the command line)."
            )
        super().__init__(
            N_("H: drive not found"),
            message,
            action,
            detail="; ".join(looked_at),
            values={"given": given, "looked_at": "; ".join(looked_at)},
        )


class HDriveUnreadable(BadInputError):
    """The H: drive exists but its top folder cannot be listed."""

    def __init__(self, root: str, reason: str) -> None:
        super().__init__(
            N_("H: drive cannot be read"),
            N_("The assistant could not open {root} to see what is in it."),
            N_(
                "Check that you can open this folder in File Explorer. If you cannot, ask the "
                "service desk to check your permissions on your H: drive."
            ),
            detail=reason,
            values={"root": root},
        )


def _is_windows(windows: bool | None) -> bool:
    return sys.platform == "win32" if windows is None else windows


def find_h_drive(
    cli_path: str | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    exists: Callable[[str], bool] | None = None,
    windows: bool | None = None,
) -> Path:
    """The H: drive's top folder: `cli_path` if given, else (on Windows) from the logon.

    Windows order: the mapped HOMEDRIVE when HOMESHARE says the home is a network share
    (the H: the officer knows), then the HOMESHARE UNC path itself (works when the drive
    letter is not mapped), then a drive H: mapped some other way. HOMEDRIVE alone is not
    trusted: without HOMESHARE it is the local C: profile, not an H: drive.
    Raises HDriveNotFound naming every place looked at.
    """
    env = os.environ if environ is None else environ
    is_dir = os.path.isdir if exists is None else exists
    if cli_path:
        given = os.path.expanduser(cli_path)
        if is_dir(given):
            return Path(os.path.abspath(given) if exists is None else given)
        raise HDriveNotFound([f"{given} (not found)"], given=given)
    if not _is_windows(windows):
        raise HDriveNotFound(
            ["no folder was given, and finding the H: drive automatically works on Windows only"]
        )
    looked_at: list[str] = []
    candidates: list[tuple[str, str]] = []  # (what it is, path)
    share = env.get("HOMESHARE", "").strip()
    drive = env.get("HOMEDRIVE", "").strip().rstrip("\\")
    if share:
        if drive:
            home_path = env.get("HOMEPATH", "\\").strip() or "\\"
            candidates.append((f"HOMEDRIVE {drive}", drive + home_path))
        else:
            looked_at.append("HOMEDRIVE (not set)")
        candidates.append(("HOMESHARE", share))
    else:
        looked_at.append("HOMESHARE (not set: no network home folder announced at logon)")
    candidates.append(("drive H:", "H:\\"))
    seen: set[str] = set()
    for what, path in candidates:
        if path.lower() in seen:
            continue
        seen.add(path.lower())
        if is_dir(path):
            return Path(path)
        looked_at.append(f"{what} = {path} (not reachable)")
    raise HDriveNotFound(looked_at)


def long_path(path: str, *, windows: bool | None = None) -> str:
    """`path` in the form Windows reads without the 260-character limit; unchanged elsewhere.

    C:\\a\\b -> \\\\?\\C:\\a\\b ; \\\\server\\share\\a -> \\\\?\\UNC\\server\\share\\a ; already
    prefixed paths are left alone. The path is made absolute and normalised first
    (forward slashes, '.' and '..'), because Windows does neither after the prefix.
    """
    if not _is_windows(windows):
        return path
    if path.startswith((_LONG_PREFIX, _DEVICE_PREFIX)):
        return path
    path = path.replace("/", "\\")
    if not (path.startswith("\\\\") or (len(path) >= 3 and path[1:3] == ":\\")):
        path = ntpath.abspath(path)  # relative to the current folder (Windows only)
    # normpath collapses '.', '..' and doubled separators; it keeps trailing dots and
    # spaces in names, which is what we need.
    path = ntpath.normpath(path)
    if path.startswith("\\\\"):
        return _UNC_LONG_PREFIX + path[2:]
    return _LONG_PREFIX + path


def to_os_path(root: str, rel_path: str, *, windows: bool | None = None) -> str:
    """The real path to open for `rel_path` (an inventory path, '/'-separated) under `root`.

    On Windows, the \\\\?\\ form (see `long_path`); elsewhere a plain join.
    """
    if not _is_windows(windows):
        return os.path.join(root, rel_path) if rel_path else root
    base = root.replace("/", "\\")
    if rel_path:
        base = base.rstrip("\\") + "\\" + rel_path.replace("/", "\\")
    return long_path(base, windows=True)
