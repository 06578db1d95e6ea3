"""Is the person signed in the owner of this H: drive? (A guard against moving someone
else's files into your own OneDrive, or yours into a colleague's shared laptop session.)

The H: drive's owner is taken from what Windows knows about the logged-on user: the
home share's last path component (HOMESHARE, e.g. \\\\server\\home$\\jsmith), the H: path
itself when it is such a share, and the Windows user name (USERNAME, without any DOMAIN\\
part). Each is compared with the signed-in account's user name before the @
(jsmith@force.police.uk -> jsmith).

Normalisation is deliberately simple and explainable: case is ignored (casefold, with
Unicode compatibility forms folded) and so are the separators ".", "_", "-" and spaces,
because the same person can be "john.smith" in one directory and "john_smith" in
another. No guessing from display names or initials: two different people can share
initials, and a wrong "match" would hide exactly the mistake this check exists to catch.
A mismatch is not an error here; the caller shows both names and either asks the person
to confirm or refuses (settings.identity.owner_mismatch == "refuse").
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from app.m365.auth import Account

_SEPARATORS = re.compile(r"[._\-\s]+")


@dataclass(frozen=True)
class OwnerCheck:
    matches: bool
    expected: str  # the H: drive owner's name as Windows has it ("" when unknown)
    actual: str  # the signed-in account's user name (UPN)
    candidates: tuple[str, ...] = ()  # every local name compared, for the log

    @property
    def owner_known(self) -> bool:
        return bool(self.candidates)


def normalise(name: str) -> str:
    """The comparable form of a user name: folded case, no separators."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", name).casefold())


def account_user_part(username: str) -> str:
    """jsmith@force.police.uk -> jsmith; DOMAIN\\jsmith -> jsmith."""
    local = username.split("@", 1)[0]
    return local.rsplit("\\", 1)[-1]


def _share_user(path: str) -> str:
    r"""The last component of a UNC share path (\\server\home$\jsmith -> jsmith)."""
    text = path.strip().replace("/", "\\").rstrip("\\")
    if not text.startswith("\\\\"):
        return ""
    parts = [part for part in PureWindowsPath(text).parts if part.strip("\\")]
    # parts[0] is the "\\server\share\" anchor: a bare share has no user component.
    return parts[-1] if len(parts) > 1 else ""


def local_owner_names(h_drive: Path | str, environ: Mapping[str, str]) -> list[str]:
    """Candidate owner names, most specific first, without duplicates or blanks."""
    names = [
        _share_user(environ.get("HOMESHARE", "")),
        _share_user(os.fspath(h_drive)),
        # USER: the same thing on macOS/Linux (training and demo machines).
        account_user_part(environ.get("USERNAME", "") or environ.get("USER", "")),
    ]
    result: list[str] = []
    for name in names:
        if name and name not in result:
            result.append(name)
    return result


def check_owner(
    account: Account, h_drive: Path | str, environ: Mapping[str, str] | None = None
) -> OwnerCheck:
    """Compare the signed-in account with the H: drive's owner (see the module notes)."""
    env = os.environ if environ is None else environ
    candidates = local_owner_names(h_drive, env)
    wanted = normalise(account_user_part(account.username))
    matched = [name for name in candidates if wanted and normalise(name) == wanted]
    matches = bool(matched)
    expected = (matched or candidates or [""])[0]
    return OwnerCheck(
        matches=matches, expected=expected, actual=account.username, candidates=tuple(candidates)
    )
