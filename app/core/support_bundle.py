"""The support bundle: one zip a floor-walker or the service desk can ask for.

It holds the (redacted) log, the receipts, the settings in force with anything secret
removed, the versions of the app and its libraries, the environment (with proxy
credentials removed and only the *names* of environment variables whose values could be
secret) and the journal's state, plus the session code the officer quoted on the phone.

It never holds a token, a file's contents or personal data beyond paths. The log is
already redacted when written (app.log); every text is scrubbed *again* on its way into
the zip with broader rules (`scrub`), so even a log line written by an older version, or
a bug that bypassed the formatter, cannot leak a credential. Account names (e-mail
addresses) become "[account 1]", "[account 2]", ... consistently within one bundle, so
"signed in as one account, the run belongs to another" is still visible.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import locale
import logging
import os
import platform
import re
import secrets
import sys
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from app import APP_DISPLAY_NAME, __version__, paths
from app.core.atomic_file import open_atomically
from app.core.journal import Journal
from app.core.support_scrub import Scrubber
from app.log import LOG_FILE_NAME
from app.settings import Settings, settings_as_dict

__all__ = [
    "SESSION_CODE_ALPHABET",
    "Scrubber",
    "default_bundle_path",
    "environment_info",
    "journal_state",
    "latest_run_summary",
    "new_session_code",
    "saved_receipts",
    "session_code",
    "settings_without_secrets",
    "versions",
    "write_support_bundle",
]

log = logging.getLogger(__name__)

# Read aloud over a phone without confusion: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
SESSION_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
_SESSION_CODE: str | None = None

# Library versions worth knowing when something goes wrong (distribution names).
_LIBRARIES = ("PySide6", "msal", "requests", "keyring", "cryptography", "truststore", "numpy")
# Environment values shown as they are (nothing secret in them); every other variable
# is listed by name only.
_SHOWN_VALUES = re.compile(
    r"^(LANG|LANGUAGE|LC_[A-Z]+|QT_QPA_PLATFORM|QT_SCALE_FACTOR|QT_ACCESSIBILITY|"
    r"QT_LINUX_ACCESSIBILITY_ALWAYS_ON|GTK_MODULES|XDG_SESSION_TYPE|XDG_CURRENT_DESKTOP|"
    r"DESKTOP_SESSION|ACCESSIBILITY_ENABLED|NO_PROXY|no_proxy)$"
)
_PROXY_VARS = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")
_SECRET_KEY = re.compile(r"(?i)(secret|password|passwd|token|credential|api_?key|private)")


def new_session_code() -> str:
    """A fresh code such as "KMP-37Q": 6 characters from an unambiguous alphabet."""
    chars = "".join(secrets.choice(SESSION_CODE_ALPHABET) for _ in range(6))
    return f"{chars[:3]}-{chars[3:]}"


def session_code() -> str:
    """This launch's code (made on first use and written to the log, so the service desk
    can match what the officer reads out with the log and the bundle)."""
    global _SESSION_CODE
    if _SESSION_CODE is None:
        _SESSION_CODE = new_session_code()
        log.info("Session code: %s", _SESSION_CODE)
    return _SESSION_CODE


# scheme://user:password@host... (core has no network, and so no urllib: a pattern will do)
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^@/?#]*@")


def _without_credentials(url: str) -> str:
    """A proxy URL without its user name and password."""
    return _USERINFO.sub(r"\1[credentials removed]@", url)


def settings_without_secrets(settings: Settings) -> dict[str, dict[str, Any]]:
    """The settings in force; a value under a secret-sounding key is removed, URLs lose
    any credentials (the settings hold none today: this keeps it so)."""
    cleaned: dict[str, dict[str, Any]] = {}
    for section, values in settings_as_dict(settings).items():
        cleaned[section] = {}
        for key, value in values.items():
            if _SECRET_KEY.search(key):
                value = "[removed]"
            elif isinstance(value, str) and "://" in value:
                value = _without_credentials(value)
            cleaned[section][key] = value
    return cleaned


def versions() -> dict[str, str]:
    found = {
        "app": __version__,
        "python": sys.version.split()[0],
        "os": platform.platform(),
    }
    for name in _LIBRARIES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def environment_info(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    env = dict(os.environ if environ is None else environ)
    lang, encoding = locale.getlocale()
    return {
        "os": platform.system(),
        "os_release": platform.release(),
        "machine": platform.machine(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "locale": f"{lang or ''}.{encoding or ''}".strip("."),
        "values": {k: v for k, v in sorted(env.items()) if _SHOWN_VALUES.match(k)},
        "proxies": {k: _without_credentials(env[k]) for k in _PROXY_VARS if env.get(k)},
        # Names only: values of the rest may be secret (or simply personal).
        "variable_names": sorted(env),
    }


def journal_state(journal: Journal) -> dict[str, Any]:
    """Counts per state, the current (unfinished) run and bytes: for the assisted view
    and the bundle. No account name and no file names."""
    state: dict[str, Any] = {"journal": journal.path.name}
    current = journal.unfinished_run()
    latest = journal.latest_run()
    state["current_run"] = current.id if current is not None else None
    run = current or latest
    if run is not None:
        state["run"] = {
            "id": run.id,
            "started": dt.datetime.fromtimestamp(run.started, dt.UTC).isoformat(),
            "finished": (
                dt.datetime.fromtimestamp(run.finished, dt.UTC).isoformat()
                if run.finished
                else None
            ),
            "policy": run.policy_name,
            "counts": dict(run.counts),
            "to_do": run.to_do,
            "bytes_to_move": run.bytes_to_move,
            "bytes_done": run.bytes_done,
        }
    return state


def latest_run_summary(journal: Journal) -> str | None:
    """The latest run's receipt summary as the command line prints it (None: no run)."""
    from app.core.receipt_summary import format_summary, summarise_run

    run = journal.latest_run()
    return None if run is None else format_summary(summarise_run(journal, run.id))


def saved_receipts(documents: Path | None = None) -> list[Path]:
    """Receipts the app saved: in Documents and, where Documents is on the H: drive, in the
    assistant's own Receipts folder (see receipt_files.receipt_folder); every destination's
    receipt (the H: drive's, each laptop folder's, practice ones) and the wizard's "Save"."""
    from app.core.receipt_files import RECEIPT_NAME, is_receipt_name

    folder = documents or paths.user_documents_dir()
    found: set[Path] = set()
    for place in (folder, paths.user_data_dir() / "Receipts"):
        if not place.is_dir():
            continue
        for path in place.glob(f"{RECEIPT_NAME}*"):
            if path.is_file() and (is_receipt_name(path.name) or path.suffix == ".txt"):
                found.add(path)
    practice = folder / "practice-run" / "receipt.html"
    if practice.is_file():
        found.add(practice)
    return sorted(found)


def _log_files(log_dir: Path) -> list[Path]:
    # The rotating handler's files: name, name.1, name.2, ...
    return sorted(p for p in log_dir.glob(LOG_FILE_NAME + "*") if p.is_file())


def _read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _json(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str) + "\n"


def write_support_bundle(
    path: Path,
    *,
    log_dir: Path,
    receipt_paths: Iterable[Path] = (),
    settings: Settings,
    code: str,
    journal: Mapping[str, Any] | None = None,
    texts: Mapping[str, str] | None = None,
    notes: Sequence[str] = (),
    environ: Mapping[str, str] | None = None,
) -> Path:
    """Write the zip at `path` (created readable by its owner only) and return it.

    `journal`: `journal_state(...)`, if the journal could be read; `texts`: further
    texts by member name (e.g. "receipts/latest-run.txt"); `notes`: what could not be
    included, and why. Every text member is scrubbed on the way in.
    """
    scrub = Scrubber()
    members: dict[str, str] = {}
    for log_path in _log_files(log_dir):
        members[f"logs/{log_path.name}"] = scrub(_read_text(log_path))
    for receipt in receipt_paths:
        name = f"receipts/{receipt.name}"
        if name not in members:
            members[name] = scrub(_read_text(receipt))
    for name, text in (texts or {}).items():
        members[name] = scrub(text)
    members["settings.json"] = scrub(_json(settings_without_secrets(settings)))
    members["versions.json"] = _json(versions())
    members["environment.json"] = scrub(_json(environment_info(environ)))
    members["journal.json"] = scrub(_json(journal if journal is not None else {}))
    created = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    about = [
        f"{APP_DISPLAY_NAME} {__version__}: support bundle",
        f"Session code: {code}",
        f"Created: {created}",
        "",
        "Tokens, codes and account names are removed; no file contents are included.",
        "Paths on the H: drive may appear in the log and the receipts.",
        *(f"Note: {note}" for note in notes),
        "",
        "Members:",
        *(f"  {name}" for name in sorted(members)),
    ]
    members["README.txt"] = "\n".join(about) + "\n"
    path = Path(path)
    # Written beside the target, then renamed: a half-written bundle never has its name.
    with (
        open_atomically(path, 0o600) as handle,
        zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        for name in sorted(members):
            archive.writestr(name, members[name].encode("utf-8"))
    log.info("Support bundle written: %s (session code %s)", path, code)
    return path


def default_bundle_path(code: str) -> Path:
    """In Documents, unless Documents is on the H: drive (never written): then beside the
    receipts in the assistant's own folder."""
    from app.core.receipt_files import receipt_folder

    stamp = dt.datetime.now().strftime("%Y-%m-%d %H%M")
    folder = receipt_folder(paths.user_documents_dir(), "")
    return folder / f"H drive migration support {stamp} {code}.zip"
