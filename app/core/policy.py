"""The organisation's retention policy: a TOML file of rules that turn files into guidance.

Each `[[rules]]` table has an id, a title and a plain-language explanation (per language,
English always present), the recommended action (move, review, discard, cannot_move),
whether the officer may override it, an optional Purview retention label name, and match
conditions. All conditions a rule names must hold; inside one list any item will do.

Conditions: `extensions`, `categories` (named extension sets from `[categories]`),
`names` (globs on the file name), `folders` (globs on any folder name above the file),
`modified_before_years`, `size_above_mib`, `duplicates` (the copies not kept),
`onedrive_names` ("fixable" or "unfixable") and `scan_problems` (what the scan could not
read; such a rule names nothing else and its action is cannot_move).

A file that does not parse, names an unknown field or holds a wrong value raises
`PolicyError` with the file, line and rule id: the app refuses to guess a policy.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import paths
from app.core.errors import BadInputError
from app.core.guidance import Action, LocalText
from app.core.inventory import ProblemKind
from app.core.policy_lines import PolicyLines, toml_error_line
from app.core.texts import N_

DEFAULT_POLICY_NAME = "retention-policy.toml"

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_LANG_RE = re.compile(r"^[a-z]{2,3}([_-][A-Za-z]{2,4})?$")
_EXT_RE = re.compile(r"^\.?[^./\\\s][^/\\]*$")
ONEDRIVE_NAME_KINDS = frozenset({"fixable", "unfixable"})
_RULE_KEYS = frozenset(
    {
        "id",
        "title",
        "explanation",
        "action",
        "overridable",
        "label",
        "extensions",
        "categories",
        "names",
        "folders",
        "modified_before_years",
        "size_above_mib",
        "duplicates",
        "onedrive_names",
        "scan_problems",
    }
)
_CONDITION_KEYS = _RULE_KEYS - {"id", "title", "explanation", "action", "overridable", "label"}


class PolicyError(BadInputError):
    """The retention policy file cannot be used as written."""

    def __init__(
        self, problem: str, *, path: str, line: int | None = None, rule_id: str | None = None
    ) -> None:
        where = path if line is None else f"{path}, line {line}"
        if rule_id:
            where += f", rule '{rule_id}'"
        super().__init__(
            N_("The retention policy cannot be used"),
            "{where}: {problem}",
            N_(
                "Ask IT to correct the retention policy file. The assistant will not guess "
                "what the policy means."
            ),
            detail=f"policy error in {path} line {line} rule {rule_id}: {problem}",
            values={"where": where, "problem": problem},
        )
        self.path = path
        self.line = line
        self.rule_id = rule_id
        self.problem = problem


@dataclass(frozen=True)
class Rule:
    id: str
    title: LocalText
    explanation: LocalText
    action: Action
    overridable: bool
    label: str = ""
    extensions: frozenset[str] = frozenset()  # lower case, no dot; categories expanded in
    categories: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # globs, case-insensitive
    folders: tuple[str, ...] = ()  # globs on folder names, case-insensitive
    modified_before_years: float | None = None
    size_above_mib: float | None = None
    duplicates: bool | None = None
    onedrive_names: str | None = None  # "fixable" / "unfixable"
    scan_problems: frozenset[ProblemKind] = frozenset()
    line: int | None = None  # where the rule starts in its file, for messages

    @property
    def for_problems(self) -> bool:
        return bool(self.scan_problems)


@dataclass(frozen=True)
class Policy:
    name: str
    version: str
    rules: tuple[Rule, ...]
    categories: Mapping[str, frozenset[str]] = field(default_factory=dict)
    languages: tuple[str, ...] = ("en",)
    source: str = ""

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def default_policy_path() -> Path:
    return paths.resources_dir() / DEFAULT_POLICY_NAME


def load_policy(path: Path | None = None) -> Policy:
    """Read and validate a policy file (None: the default policy shipped with the app)."""
    path = path or default_policy_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError("the file does not exist", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PolicyError(f"the file cannot be read ({error})", path=str(path)) from None
    return parse_policy(text, str(path))


def policy_from_settings(policy_file: str) -> Policy:
    """The policy named by the organisation's settings (`policy.file`; empty: the default)."""
    return load_policy(Path(policy_file) if policy_file else None)


_Fail = Callable[[str, int | None, str | None], PolicyError]  # problem, line, rule id


def parse_policy(text: str, source: str = "<policy>") -> Policy:
    """Validate the policy in `text` (`source` names it in messages)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PolicyError(
            f"this is not valid TOML ({error})", path=source, line=toml_error_line(error)
        ) from None
    where = PolicyLines(text)

    def fail(problem: str, line: int | None = None, rule_id: str | None = None) -> PolicyError:
        return PolicyError(problem, path=source, line=line, rule_id=rule_id)

    for key in data:
        if key not in {"policy", "categories", "rules"}:
            raise fail(f"unknown section or field '{key}'", where.section_line(key))
    header = data.get("policy", {})
    if not isinstance(header, dict):
        raise fail("[policy] must be a table", where.section_line("policy"))
    for key in header:
        if key not in {"name", "version"}:
            raise fail(f"unknown field '{key}' in [policy]", where.section_line("policy", key))
    name = header.get("name", "")
    version = header.get("version", "")
    for key, value in (("name", name), ("version", version)):
        if not isinstance(value, str):
            raise fail(f"[policy] {key} must be text", where.section_line("policy", key))
    categories = _parse_categories(data.get("categories", {}), where, fail)
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise fail("the policy has no [[rules]]")
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_rules):
        rule = _parse_rule(index, raw, categories, where, fail)
        if rule.id in seen:
            raise fail("this rule id is used twice", where.rule_line(index, "id"), rule.id)
        seen.add(rule.id)
        rules.append(rule)
    languages: list[str] = ["en"]
    for rule in rules:
        for lang in (*rule.title, *rule.explanation):
            if lang not in languages:
                languages.append(lang)
    return Policy(str(name), str(version), tuple(rules), categories, tuple(languages), source)


def _parse_categories(raw: Any, where: PolicyLines, fail: _Fail) -> dict[str, frozenset[str]]:
    if not isinstance(raw, dict):
        raise fail("[categories] must be a table", where.section_line("categories"), None)
    result: dict[str, frozenset[str]] = {}
    for name, items in raw.items():
        line = where.section_line("categories", name)
        if not _ID_RE.match(name):
            raise fail(
                f"category name '{name}' should be lower-case letters and digits", line, None
            )
        result[name] = _extensions(items, f"category '{name}'", line, None, fail)
    return result


def _extensions(
    items: Any, what: str, line: int | None, rule_id: str | None, fail: _Fail
) -> frozenset[str]:
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise fail(f'{what} must be a list of file extensions such as ".tmp"', line, rule_id)
    for item in items:
        if not _EXT_RE.match(item):
            raise fail(f"'{item}' is not a file extension", line, rule_id)
    return frozenset(item.lower().lstrip(".") for item in items)


def _texts(raw: Any, key: str, line: int | None, rule_id: str, fail: _Fail) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise fail(
            f'{key} must be a table of texts per language, e.g. {{ en = "..." }}', line, rule_id
        )
    if not isinstance(raw.get("en"), str) or not raw["en"].strip():
        raise fail(f"{key} must have an English text (en)", line, rule_id)
    texts: dict[str, str] = {}
    for lang, value in raw.items():
        if not _LANG_RE.match(lang):
            raise fail(f"'{lang}' in {key} is not a language code such as en or cy", line, rule_id)
        if not isinstance(value, str) or not value.strip():
            raise fail(f"{key}.{lang} must be a non-empty text", line, rule_id)
        texts[lang] = " ".join(value.split())
    return texts


def _globs(raw: Any, key: str, line: int | None, rule_id: str, fail: _Fail) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(item, str) for item in raw):
        raise fail(f"{key} must be a non-empty list of name patterns", line, rule_id)
    for pattern in raw:
        if not pattern or "/" in pattern or "\\" in pattern:
            raise fail(f"'{pattern}' is not a name pattern (one name, no slashes)", line, rule_id)
        if pattern.count("[") != pattern.count("]"):
            raise fail(f"'{pattern}' has an unclosed [ ] in it", line, rule_id)
        try:
            re.compile(fnmatch.translate(pattern))
        except re.error as error:
            raise fail(f"'{pattern}' is not a valid pattern ({error})", line, rule_id) from None
    return tuple(raw)


def _number(raw: Any, key: str, line: int | None, rule_id: str, fail: _Fail) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise fail(f"{key} must be a number", line, rule_id)
    if raw < 0:
        raise fail(f"{key} cannot be negative", line, rule_id)
    return float(raw)


def _parse_rule(
    index: int, raw: Any, categories: Mapping[str, frozenset[str]], where: PolicyLines, fail: _Fail
) -> Rule:
    if not isinstance(raw, dict):
        raise fail("each [[rules]] entry must be a table", where.rule_line(index), None)
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not _ID_RE.match(rule_id):
        raise fail(
            "every rule needs an id of lower-case letters, digits, '-' or '_'",
            where.rule_line(index, "id"),
            rule_id if isinstance(rule_id, str) else None,
        )

    def line(key: str | None = None) -> int | None:
        return where.rule_line(index, key)

    for key in raw:
        if key not in _RULE_KEYS:
            raise fail(f"unknown field '{key}'", line(key), rule_id)
    title = _texts(raw.get("title"), "title", line("title"), rule_id, fail)
    explanation = _texts(raw.get("explanation"), "explanation", line("explanation"), rule_id, fail)
    if "action" not in raw:
        raise fail("the rule has no action", line(), rule_id)
    try:
        action = Action(str(raw["action"]))
    except ValueError:
        choices = ", ".join(a.value for a in Action)
        raise fail(
            f"action must be one of {choices} (it is {raw.get('action')!r})",
            line("action"),
            rule_id,
        ) from None
    overridable = raw.get("overridable", action is not Action.CANNOT_MOVE)
    if not isinstance(overridable, bool):
        raise fail("overridable must be true or false", line("overridable"), rule_id)
    if overridable and action is Action.CANNOT_MOVE:
        raise fail("a cannot_move rule cannot be overridable", line("overridable"), rule_id)
    label = raw.get("label", "")
    if not isinstance(label, str):
        raise fail("label must be text (a retention label name)", line("label"), rule_id)
    if label and (not label.strip() or any(ord(c) < 32 or ord(c) == 127 for c in label)):
        # A blank or garbled name would reach OneDrive as a label nobody defined.
        raise fail(
            'label must be a retention label\'s name (or "" for no label)',
            line("label"),
            rule_id,
        )
    label = label.strip()
    if not any(key in raw for key in _CONDITION_KEYS):
        raise fail("the rule has no match conditions", line(), rule_id)

    extensions: frozenset[str] = frozenset()
    if "extensions" in raw:
        extensions = _extensions(raw["extensions"], "extensions", line("extensions"), rule_id, fail)
    names_of_categories: tuple[str, ...] = ()
    if "categories" in raw:
        cats = raw["categories"]
        if not isinstance(cats, list) or not cats or not all(isinstance(c, str) for c in cats):
            raise fail("categories must be a list of category names", line("categories"), rule_id)
        for cat in cats:
            if cat not in categories:
                raise fail(f"unknown category '{cat}'", line("categories"), rule_id)
            extensions |= categories[cat]
        names_of_categories = tuple(cats)
    names = _globs(raw["names"], "names", line("names"), rule_id, fail) if "names" in raw else ()
    folders = (
        _globs(raw["folders"], "folders", line("folders"), rule_id, fail)
        if "folders" in raw
        else ()
    )
    years = raw.get("modified_before_years")
    if years is not None:
        years = _number(
            years, "modified_before_years", line("modified_before_years"), rule_id, fail
        )
    size = raw.get("size_above_mib")
    if size is not None:
        size = _number(size, "size_above_mib", line("size_above_mib"), rule_id, fail)
    duplicates = raw.get("duplicates")
    if duplicates is not None and duplicates is not True:
        raise fail("duplicates can only be true", line("duplicates"), rule_id)
    onedrive_names = raw.get("onedrive_names")
    if onedrive_names is not None and onedrive_names not in ONEDRIVE_NAME_KINDS:
        raise fail(
            'onedrive_names must be "fixable" or "unfixable"', line("onedrive_names"), rule_id
        )
    problems: frozenset[ProblemKind] = frozenset()
    if "scan_problems" in raw:
        problems = _problems(raw, line("scan_problems"), rule_id, action, fail)
    return Rule(
        id=rule_id,
        title=title,
        explanation=explanation,
        action=action,
        overridable=overridable,
        label=label,
        extensions=extensions,
        categories=names_of_categories,
        names=names,
        folders=folders,
        modified_before_years=years,
        size_above_mib=size,
        duplicates=duplicates,
        onedrive_names=onedrive_names,
        scan_problems=problems,
        line=line(),
    )


def _problems(
    raw: Mapping[str, Any], line: int | None, rule_id: str, action: Action, fail: _Fail
) -> frozenset[ProblemKind]:
    items = raw["scan_problems"]
    kinds = ", ".join(k.value for k in ProblemKind)
    if not isinstance(items, list) or not items:
        raise fail(f"scan_problems must be a list of: {kinds}", line, rule_id)
    result: set[ProblemKind] = set()
    for item in items:
        try:
            result.add(ProblemKind(item))
        except ValueError:
            raise fail(f"unknown scan problem {item!r} (known: {kinds})", line, rule_id) from None
    others = [key for key in _CONDITION_KEYS - {"scan_problems"} if key in raw]
    if others:
        raise fail("a scan_problems rule cannot have other conditions", line, rule_id)
    if action is not Action.CANNOT_MOVE:
        raise fail('a scan_problems rule must have action = "cannot_move"', line, rule_id)
    return frozenset(result)
