"""Settings in layers: defaults < organisation file < user file < environment < command line.

Files are TOML. A file that cannot be read or parsed, or a value of the wrong kind, is
reported as a `SettingsProblem` (file, line where known, what to do) and the app goes on
with the other layers. Policy-critical values (tenant, client id, authority, retention
policy, ...) are taken from the organisation file only: a user file that sets them is
reported and ignored, so an officer cannot point the app at another tenant or policy.

Environment: MIGRATION_ASSISTANT_<SECTION>__<KEY>=value (for example
MIGRATION_ASSISTANT_UPLOAD__CONCURRENCY_MAX=4). Command line: --set section.key=value.
Neither may set the organisation-only values either: those come from a settings *file*
IT controls (the machine-wide organisation file, or one named with --settings or
MIGRATION_ASSISTANT_ORG_FILE for trials and scripted runs). The addresses that receive a
token (authority, Graph) must be https.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import paths

ENV_PREFIX = "MIGRATION_ASSISTANT_"


@dataclass(frozen=True)
class SettingsProblem:
    """Something wrong with one settings source; the app goes on without that value."""

    source: str  # a file path, "environment" or "command line"
    message: str
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}, line {self.line}"
        what = f"{self.key}: " if self.key else ""
        return f"{where}: {what}{self.message}"


@dataclass(frozen=True)
class Organisation:
    name: str = "Police Service"  # goes into the User-Agent: NONISV|<name>|MigrationAssistant/<v>


@dataclass(frozen=True)
class Identity:
    authority_host: str = "https://login.microsoftonline.com"
    tenant: str = "organizations"
    client_id: str = ""
    allow_device_code: bool = True
    owner_mismatch: str = "warn"  # "warn" (must be confirmed) or "refuse"


@dataclass(frozen=True)
class OneDrive:
    graph_url: str = "https://graph.microsoft.com/v1.0"
    destination_folder: str = "H drive"


@dataclass(frozen=True)
class Policy:
    file: str = ""  # empty: the default policy in resources/
    retention_labels: bool = False  # needs Files.Read.All; see docs/deployment.md


@dataclass(frozen=True)
class Upload:
    concurrency_start: int = 2
    concurrency_max: int = 8
    fragment_mib: int = 10
    bandwidth_mbit: float = 0.0  # 0: no cap
    full_bandwidth_hours: str = ""  # e.g. "18:00-07:00"; outside them the cap applies


@dataclass(frozen=True)
class Ui:
    language: str = ""  # empty: the system language
    announcements: str = "milestones"  # "every_step", "milestones" or "end_only"


@dataclass(frozen=True)
class Receipt:
    offer_delete_discarded: bool = True


@dataclass(frozen=True)
class Settings:
    organisation: Organisation = field(default_factory=Organisation)
    identity: Identity = field(default_factory=Identity)
    onedrive: OneDrive = field(default_factory=OneDrive)
    policy: Policy = field(default_factory=Policy)
    upload: Upload = field(default_factory=Upload)
    ui: Ui = field(default_factory=Ui)
    receipt: Receipt = field(default_factory=Receipt)


# Only IT decides these: a user file that sets them is reported and ignored.
ORGANISATION_ONLY: frozenset[str] = frozenset(
    {
        "organisation.name",
        "identity.authority_host",
        "identity.tenant",
        "identity.client_id",
        "identity.allow_device_code",
        "identity.owner_mismatch",
        "onedrive.graph_url",
        "policy.file",
        "policy.retention_labels",
        "receipt.offer_delete_discarded",
    }
)

_CHOICES: dict[str, frozenset[str]] = {
    "identity.owner_mismatch": frozenset({"warn", "refuse"}),
    "ui.announcements": frozenset({"every_step", "milestones", "end_only"}),
}
# Text that must have a shape: (pattern, what the message says it should look like).
_PATTERNS: dict[str, tuple[re.Pattern[str], str]] = {
    "upload.full_bandwidth_hours": (
        re.compile(r"^\s*((?:[01]?\d|2[0-3]):[0-5]\d\s*-\s*(?:[01]?\d|2[0-3]):[0-5]\d)?\s*$"),
        "must look like 18:00-07:00 (24-hour clock), or be empty",
    ),
    "identity.client_id": (
        re.compile(r"^\s*([0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})?\s*$"),
        "must be the app registration's Application (client) ID, like "
        "00000000-0000-0000-0000-000000000000",
    ),
}
# A token is sent to these: never over plain http.
_HTTPS_ONLY: frozenset[str] = frozenset({"identity.authority_host", "onedrive.graph_url"})
_RANGES: dict[str, tuple[float, float]] = {
    "upload.concurrency_start": (1, 32),
    "upload.concurrency_max": (1, 32),
    "upload.fragment_mib": (1, 60),  # Graph: at most 60 MiB per fragment
    "upload.bandwidth_mbit": (0, 100_000),
}


@dataclass
class LoadedSettings:
    settings: Settings
    problems: list[SettingsProblem]
    sources: list[str]  # the files that were read, lowest layer first
    origins: dict[str, str] = field(default_factory=dict)  # "section.key" -> where it was set


def _fields() -> dict[str, type]:
    """'section.key' -> the default value's type, from the dataclasses above."""
    result: dict[str, type] = {}
    defaults = Settings()
    for section in dataclasses.fields(defaults):
        section_default = getattr(defaults, section.name)
        for item in dataclasses.fields(section_default):
            result[f"{section.name}.{item.name}"] = type(getattr(section_default, item.name))
    return result


FIELDS = _fields()


def _toml_line(error: tomllib.TOMLDecodeError) -> int | None:
    match = re.search(r"line (\d+)", str(error))
    return int(match.group(1)) if match else None


def _key_line(text: str, section: str, key: str) -> int | None:
    """Best-effort line of `key` inside `[section]`, for messages about values."""
    current = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line.strip("[]").strip()
        elif current == section and re.match(rf"{re.escape(key)}\s*=", line):
            return number
    return None


def _coerce(dotted: str, value: Any) -> Any:
    """Check and convert one value; raise ValueError with a plain message."""
    wanted = FIELDS[dotted]
    if wanted is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in {"true", "false", "1", "0", "yes", "no"}:
            return value.lower() in {"true", "1", "yes"}
        raise ValueError("must be true or false")
    if wanted is int:
        if isinstance(value, bool):
            raise ValueError("must be a whole number")
        try:
            number: float = int(value)
        except (TypeError, ValueError):
            raise ValueError("must be a whole number") from None
    elif wanted is float:
        if isinstance(value, bool):
            raise ValueError("must be a number")
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError("must be a number") from None
    else:
        if not isinstance(value, str):
            raise ValueError("must be text")
        if dotted in _CHOICES and value not in _CHOICES[dotted]:
            raise ValueError("must be one of " + ", ".join(sorted(_CHOICES[dotted])))
        if dotted in _HTTPS_ONLY and not value.lower().startswith("https://"):
            raise ValueError("must be an https:// address")
        if dotted in _PATTERNS and not _PATTERNS[dotted][0].match(value):
            raise ValueError(_PATTERNS[dotted][1])
        return value
    if dotted in _RANGES:
        low, high = _RANGES[dotted]
        if not low <= number <= high:
            raise ValueError(f"must be between {low:g} and {high:g}")
    return number


def _apply(
    values: dict[str, Any],
    flat: Iterable[tuple[str, Any, int | None]],
    source: str,
    problems: list[SettingsProblem],
    *,
    user_layer: bool,
    origins: dict[str, str] | None = None,
) -> None:
    for dotted, raw, line in flat:
        if dotted not in FIELDS:
            problems.append(SettingsProblem(source, "unknown setting, ignored", line, dotted))
            continue
        if user_layer and dotted in ORGANISATION_ONLY:
            problems.append(
                SettingsProblem(
                    source,
                    "only the organisation's settings file may set this; ignored",
                    line,
                    dotted,
                )
            )
            continue
        try:
            values[dotted] = _coerce(dotted, raw)
            if origins is not None:
                origins[dotted] = source
        except ValueError as error:
            problems.append(SettingsProblem(source, f"{error}; the default is used", line, dotted))


def _flatten_file(path: Path, problems: list[SettingsProblem]) -> list[tuple[str, Any, int | None]]:
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        problems.append(SettingsProblem(source, f"cannot be read ({error}); it is ignored"))
        return []
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problems.append(
            SettingsProblem(
                source,
                f"is not valid TOML ({error}); it is ignored. Fix or delete the file.",
                _toml_line(error),
            )
        )
        return []
    flat: list[tuple[str, Any, int | None]] = []
    for section, table in data.items():
        if not isinstance(table, Mapping):
            line = _key_line(text, "", section)
            problems.append(SettingsProblem(source, "expected a [section]", line, section))
            continue
        for key, value in table.items():
            flat.append((f"{section}.{key}", value, _key_line(text, section, key)))
    return flat


def _flatten_env(environ: Mapping[str, str]) -> list[tuple[str, Any, int | None]]:
    flat: list[tuple[str, Any, int | None]] = []
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX) :].lower().partition("__")
        flat.append((f"{section}.{key}", value, None))
    return flat


def _flatten_overrides(
    overrides: Iterable[str], problems: list[SettingsProblem]
) -> list[tuple[str, Any, int | None]]:
    flat: list[tuple[str, Any, int | None]] = []
    for item in overrides:
        dotted, sep, value = item.partition("=")
        if not sep or "." not in dotted:
            problems.append(
                SettingsProblem("command line", f"'{item}' should look like section.key=value")
            )
            continue
        flat.append((dotted.strip(), value.strip(), None))
    return flat


def _build(values: Mapping[str, Any]) -> Settings:
    sections: dict[str, dict[str, Any]] = {}
    for dotted, value in values.items():
        section_name, key = dotted.split(".", 1)
        sections.setdefault(section_name, {})[key] = value
    kwargs: dict[str, Any] = {}
    defaults = Settings()
    for section in dataclasses.fields(defaults):
        default = getattr(defaults, section.name)
        kwargs[section.name] = dataclasses.replace(default, **sections.get(section.name, {}))
    return Settings(**kwargs)


def load_settings(
    *,
    organisation_file: Path | None = None,
    user_file: Path | None = None,
    extra_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Iterable[str] = (),
) -> LoadedSettings:
    """Read every layer. Never raises for bad input: problems are returned instead.

    `extra_file` (from --settings) is read as an organisation-level file: it is how IT
    and the tests try a configuration without installing it machine-wide.
    """
    org_path = organisation_file or paths.organisation_config_file()
    user_path = user_file or paths.user_config_file()
    env = os.environ if environ is None else environ
    problems: list[SettingsProblem] = []
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    sources: list[str] = []
    for path, user_layer in ((org_path, False), (extra_file, False), (user_path, True)):
        if path is None:
            continue
        flat = _flatten_file(path, problems)
        if path.exists():
            sources.append(str(path))
        _apply(values, flat, str(path), problems, user_layer=user_layer, origins=origins)
    _apply(values, _flatten_env(env), "environment", problems, user_layer=True, origins=origins)
    _apply(
        values,
        _flatten_overrides(overrides, problems),
        "command line",
        problems,
        user_layer=True,
        origins=origins,
    )
    return LoadedSettings(_build(values), problems, sources, origins)


def settings_as_dict(settings: Settings) -> dict[str, dict[str, Any]]:
    """The settings in force, for support bundles and `--show-settings` (nothing secret here)."""
    return dataclasses.asdict(settings)
