"""Where the app keeps things: per-user data, logs, settings, and its bundled resources.

Every location can be moved with MIGRATION_ASSISTANT_HOME (tests give each test its own
home so that no state leaks between them).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from app import APP_NAME

_APP_AUTHOR = "MigrationAssistant"


def _home_override() -> Path | None:
    value = os.environ.get("MIGRATION_ASSISTANT_HOME")
    return Path(value) if value else None


def user_data_dir() -> Path:
    """Journal, encrypted token cache, sandbox state."""
    home = _home_override()
    if home is not None:
        return home / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, _APP_AUTHOR))


def user_log_dir() -> Path:
    home = _home_override()
    if home is not None:
        return home / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, _APP_AUTHOR))


def user_config_file() -> Path:
    home = _home_override()
    if home is not None:
        return home / "config" / "settings.toml"
    return Path(platformdirs.user_config_dir(APP_NAME, _APP_AUTHOR)) / "settings.toml"


def user_documents_dir() -> Path:
    """Where receipts are written for the officer to find."""
    home = _home_override()
    if home is not None:
        return home / "Documents"
    return Path(platformdirs.user_documents_dir())


def organisation_config_file() -> Path:
    """The machine-wide file IT deploys (MIGRATION_ASSISTANT_ORG_FILE overrides it)."""
    override = os.environ.get("MIGRATION_ASSISTANT_ORG_FILE")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("PROGRAMDATA", r"C:\ProgramData")
        return Path(base) / APP_NAME / "organisation.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support") / APP_NAME / "organisation.toml"
    return Path("/etc/migration-assistant/organisation.toml")


def resources_dir() -> Path:
    """Bundled resources: beside the package in a checkout, in _MEIPASS when frozen."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def translations_dir() -> Path:
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "translations"
    return Path(__file__).resolve().parent.parent / "translations"
