"""Which folders the hand-back check looks at, and where their files would be in OneDrive.

Windows: the known folders (Desktop, Documents, Downloads, Pictures) where they really
are (SHGetKnownFolderPath, the only Windows API used; tests replace it), and the H:
drive's offline copy; elsewhere, or when the officer names folders, those folders. Each
folder's OneDrive places: where moving it with the assistant puts it
(`<destination>/Laptop/<folder>`) and, for Desktop, Documents and Pictures, where
OneDrive's own Known Folder Move keeps it (at the top of OneDrive).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.receipt_files import LAPTOP_FOLDER
from app.core.texts import N_

KnownFolderLookup = Callable[[str], "str | None"]  # folder id (GUID) -> path, or None

# Windows' KNOWNFOLDERID values (shlobj_core.h / KnownFolders.h). The names stay English in
# data (they are OneDrive's folder names too); the UI translates them (N_).
KNOWN_FOLDERS: tuple[tuple[str, str], ...] = (
    (N_("Desktop"), "{B4BFCC3A-DB2C-424C-B029-7FE99A87C641}"),
    (N_("Documents"), "{FDD39AD0-238F-46AF-ADB4-6C85480369C7}"),
    (N_("Downloads"), "{374DE290-123F-4565-9164-39C4925E467B}"),
    (N_("Pictures"), "{33E28130-4E1E-4676-835A-98395C3BC3BB}"),
)
# Where OneDrive's Known Folder Move keeps them, at the top of the officer's OneDrive.
KFM_NAMES = frozenset({"Desktop", "Documents", "Pictures"})
H_DRIVE_COPY_NAME = N_("H: drive (offline copy on this laptop)")


@dataclass(frozen=True)
class LaptopFolder:
    name: str  # as the officer knows it: "Desktop", "Documents", ...
    path: str  # on this laptop
    onedrive_folders: tuple[str, ...]  # where its files may be in OneDrive; [0]: "move" target
    h_drive: bool = False  # the H: drive's offline copy: the journal knows its files


def laptop_folders(
    destination_folder: str,
    given: Sequence[str] = (),
    *,
    h_drive_copy: str | None = None,
    environ: Mapping[str, str] | None = None,
    windows: bool | None = None,
    known_folder: KnownFolderLookup | None = None,
) -> list[LaptopFolder]:
    """The folders to check: `given` ones if any (command line), else this laptop's own.

    Windows: the known folders, where they really are (a folder redirected to the
    network is the H: drive's, reached through Offline Files); the H: drive's offline
    copy is `h_drive_copy`, else HOMESHARE when Offline Files is on (the CSC cache
    folder exists). Elsewhere (no known-folder API) only folders given are checked.
    Only folders that exist are returned, each once.
    """
    env = os.environ if environ is None else environ
    is_windows = sys.platform == "win32" if windows is None else windows
    found: list[LaptopFolder] = []
    if given:
        for path in given:
            name = Path(path).name or path
            found.append(LaptopFolder(name, path, _targets(destination_folder, name)))
    elif is_windows:
        lookup = known_folder or windows_known_folder
        for name, folder_id in KNOWN_FOLDERS:
            where = lookup(folder_id)
            if where:
                found.append(LaptopFolder(name, where, _targets(destination_folder, name)))
        share = env.get("HOMESHARE", "").strip()
        csc = Path(env.get("SystemRoot", r"C:\Windows")) / "CSC"
        if h_drive_copy is None and share and os.path.isdir(csc):
            h_drive_copy = share
    if h_drive_copy:
        found.append(
            LaptopFolder(H_DRIVE_COPY_NAME, h_drive_copy, (destination_folder,), h_drive=True)
        )
    unique: list[LaptopFolder] = []
    seen: set[str] = set()
    for folder in found:
        key = os.path.normcase(os.path.abspath(folder.path))
        if key not in seen and os.path.isdir(folder.path):
            seen.add(key)
            unique.append(folder)
    return unique


def _targets(destination_folder: str, name: str) -> tuple[str, ...]:
    moved = "/".join(p for p in (destination_folder, LAPTOP_FOLDER, name) if p)
    return (moved, name) if name in KFM_NAMES else (moved,)


def windows_known_folder(folder_id: str) -> str | None:  # pragma: no cover (Windows only)
    """SHGetKnownFolderPath: where Windows keeps a known folder now (after redirection)."""
    import ctypes
    import uuid
    from ctypes import wintypes

    class GUID(ctypes.Structure):
        _fields_ = [("data", ctypes.c_ubyte * 16)]

    guid = GUID()
    ctypes.memmove(guid.data, uuid.UUID(folder_id).bytes_le, 16)
    out = ctypes.c_wchar_p()
    shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
    ole32 = ctypes.windll.ole32  # type: ignore[attr-defined]
    result = shell32.SHGetKnownFolderPath(
        ctypes.byref(guid), wintypes.DWORD(0), None, ctypes.byref(out)
    )
    try:
        return str(out.value) if result == 0 and out.value else None
    finally:
        ole32.CoTaskMemFree(out)
