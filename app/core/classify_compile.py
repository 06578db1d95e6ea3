"""A `Policy` compiled for speed: condition bits, lookup tables and shared `Guidance` objects.

Every rule condition gets one bit; a rule matches a file when all of its bits are set.
`classify` computes each file's bits from cheap lookups and asks `guidance_for(bits)`,
which is cached, so files with the same bits share one `Guidance`. Item-specific details
(a new name, the kept copy of a duplicate, an unfixable folder) come in a `details`
mapping keyed by the condition kind (`DETAIL_*`) and bypass the cache.

Built-in rules stand in when a policy has no rule for OneDrive names or a scan problem:
what OneDrive cannot hold is a fact, not a matter of policy, and must never be "moved".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from app.core.guidance import Action, Guidance, Reason
from app.core.inventory import ProblemKind
from app.core.policy import Policy, Rule, parse_policy

FOLDER_UNFIXABLE = 1  # not a condition: marks files under a folder OneDrive cannot hold
DETAIL_DUPLICATE = "duplicates"
DETAIL_FIXABLE = "fixable"
DETAIL_UNFIXABLE = "unfixable"

SECONDS_PER_YEAR = 365.25 * 86400

BUILTIN_TOML = """
[[rules]]
id = "onedrive-rename"
action = "move"
onedrive_names = "fixable"
title = { en = "New name for OneDrive", cy = "Enw newydd ar gyfer OneDrive" }
explanation.en = "OneDrive does not allow this name, so it is moved with a new name."
explanation.cy = "Nid yw OneDrive yn caniatáu'r enw hwn, felly caiff ei symud gydag enw newydd."

[[rules]]
id = "onedrive-cannot-hold"
action = "cannot_move"
onedrive_names = "unfixable"
title = { en = "OneDrive cannot hold this", cy = "Ni all OneDrive ddal hwn" }
explanation.en = "It is too large for OneDrive, or its path is too long. Ask the service desk."
explanation.cy = "Mae'n rhy fawr i OneDrive, neu mae ei lwybr yn rhy hir. Holwch y ddesg gymorth."

[[rules]]
id = "scan-problem"
action = "cannot_move"
scan_problems = ["unreadable_file", "unreadable_folder", "invalid_name", "vanished", "link"]
title = { en = "Could not be read", cy = "Methu â'i ddarllen" }
explanation.en = "The assistant could not read this, so it cannot be moved."
explanation.cy = "Nid oedd y cynorthwyydd yn gallu darllen hwn, felly ni ellir ei symud."
"""
_BUILTIN = parse_policy(BUILTIN_TOML, "<built-in rules>")


def glob_to_regex(pattern: str) -> str:
    """A glob (*, ?, [abc], [!abc]) as a regex for a whole name; case is the caller's flag."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        end = -1
        if char == "[":
            first = i + 2 if pattern[i + 1 : i + 2] in ("!", "]") else i + 1
            end = pattern.find("]", first)
        if char == "*":
            out.append(".*")
        elif char == "?":
            out.append(".")
        elif end > 0:
            body = pattern[i + 1 : end]
            negate = body.startswith("!")
            body = body[1:] if negate else body
            out.append("[" + ("^" if negate else "") + body.replace("\\", "\\\\") + "]")
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def combine(reasons: tuple[Reason, ...], new_name: str | None = None) -> Guidance:
    """Most restrictive action wins; every reason kept, most restrictive first.

    Overridable only if every reason with the winning action allows it, and never for
    cannot_move (OneDrive would refuse the file whatever the officer chose).
    """
    if not reasons:
        return Guidance(Action.MOVE, (), True, new_name)
    ordered = tuple(sorted(reasons, key=lambda r: -r.action.severity))
    action = ordered[0].action
    overridable = action is not Action.CANNOT_MOVE and all(
        r.overridable for r in ordered if r.action is action
    )
    return Guidance(action, ordered, overridable, new_name)


def _literal(glob: str) -> str:
    """The longest run of plain characters in a glob (lower case), if 2 or more long."""
    runs = re.split(r"\*|\?|\[[^\]]*\]", glob)
    longest = max(runs, key=len)
    return longest.lower() if len(longest) >= 2 else ""


def _positions(text: str, literal: str) -> np.ndarray:
    """Positions of `literal` in `text`, overlapping ones aside (a hit inside another hit
    is in the same name). One split at C speed, not a find per hit."""
    pieces = text.split(literal)
    lengths = np.fromiter(map(len, pieces[:-1]), dtype=np.int64, count=len(pieces) - 1)
    starts: np.ndarray = np.cumsum(lengths + len(literal)) - len(literal)
    return starts


def _any_of(globs: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        "(?:" + "|".join(glob_to_regex(g) for g in globs) + r")\Z", re.IGNORECASE | re.DOTALL
    )


class CompiledPolicy:
    """One policy compiled against one `now`; its caches live as long as one classify run."""

    def __init__(self, policy: Policy, now: float) -> None:
        self.policy = policy
        self.rules: list[Rule] = [r for r in policy.rules if not r.for_problems]
        self._next_bit = FOLDER_UNFIXABLE << 1
        self.need: list[int] = []
        self.ext_bits: dict[str, int] = {}
        self.age_tests: list[tuple[float, int]] = []
        self.size_tests: list[tuple[float, int]] = []
        # (literal every match contains, whole-name regex on the lower-cased name or None
        # when containing the literal is enough ("*statement*"), bit)
        self._name_tests: list[tuple[str, re.Pattern[str] | None, int]] = []
        self._folder_tests: list[tuple[re.Pattern[str], int]] = []
        self.duplicates_bit = 0
        self.fixable_bit = 0
        self.unfixable_bit = 0
        self._add_builtins(policy)
        for rule in self.rules:
            self.need.append(self._compile_rule(rule, now))
        # Name globs are found in bulk: each glob's longest literal is searched in all
        # names at once (C speed), and only the names it hits are matched in full.
        all_names = [g for r in self.rules for g in r.names]
        self._literals = sorted({lit for g in all_names if (lit := _literal(g))})
        self.cache: dict[int, Guidance] = {}
        self._problem_cache: dict[ProblemKind, Guidance] = {}
        self._reasons: dict[tuple[str, str], Reason] = {}
        self._folder_memo: dict[str, int] = {"": 0}
        self._bad_folders: set[str] = set()  # folder rel_paths OneDrive cannot hold
        self.has_bad_folders = False

    def _add_builtins(self, policy: Policy) -> None:
        kinds = {r.onedrive_names for r in self.rules}
        covered = {kind for r in policy.rules for kind in r.scan_problems}
        for rule in _BUILTIN.rules:
            if rule.onedrive_names and rule.onedrive_names not in kinds:
                self.rules.append(rule)
        builtin_problem = _BUILTIN.rule("scan-problem")
        self.problem_rules: dict[ProblemKind, list[Rule]] = {
            kind: [r for r in policy.rules if kind in r.scan_problems]
            or ([builtin_problem] if kind not in covered else [])
            for kind in ProblemKind
        }

    @property
    def bit_count(self) -> int:
        """How many bits the conditions use (FOLDER_UNFIXABLE included)."""
        return self._next_bit.bit_length() - 1

    def _bit(self) -> int:
        bit = self._next_bit
        self._next_bit <<= 1
        return bit

    def _compile_rule(self, rule: Rule, now: float) -> int:
        need = 0
        if rule.extensions or rule.categories:  # empty categories: a bit never set
            bit = self._bit()
            need |= bit
            for ext in rule.extensions:
                self.ext_bits[ext] = self.ext_bits.get(ext, 0) | bit
        if rule.names:
            bit = self._bit()
            need |= bit
            for glob in rule.names:
                lowered = glob.lower()
                literal = _literal(glob)
                contains = literal and lowered == f"*{literal}*"
                regex = None if contains else re.compile(glob_to_regex(lowered) + r"\Z", re.S)
                self._name_tests.append((literal, regex, bit))
        if rule.folders:
            bit = self._bit()
            need |= bit
            self._folder_tests.append((_any_of(rule.folders), bit))
        if rule.modified_before_years is not None:
            bit = self._bit()
            need |= bit
            self.age_tests.append((now - rule.modified_before_years * SECONDS_PER_YEAR, bit))
        if rule.size_above_mib is not None:
            bit = self._bit()
            need |= bit
            self.size_tests.append((rule.size_above_mib * 1024 * 1024, bit))
        if rule.duplicates:
            self.duplicates_bit = self.duplicates_bit or self._bit()
            need |= self.duplicates_bit
        if rule.onedrive_names == DETAIL_FIXABLE:
            self.fixable_bit = self.fixable_bit or self._bit()
            need |= self.fixable_bit
        elif rule.onedrive_names == DETAIL_UNFIXABLE:
            self.unfixable_bit = self.unfixable_bit or self._bit()
            need |= self.unfixable_bit
        return need

    # --- per-file bits -------------------------------------------------------------

    def name_hits(self, names: list[str]) -> dict[int, int]:
        """Index -> name-rule bits, for the (few) names that match any name rule.

        Each glob is tried only on the names that contain its literal; the literals are
        found in one lower-cased text of all names, at C speed.
        """
        if not self._name_tests:
            return {}
        everyone = range(len(names))
        blob = "/".join(names)  # "/" is the one character no name (nor literal) contains
        lowered = blob.lower()
        with_literal: dict[str, Iterable[int]] = {"": everyone}  # "": globs without one
        exact: set[str] = set()  # literals whose lists hold exactly the names containing them
        if len(lowered) != len(blob):  # lower() changed lengths (rare scripts): try all
            with_literal.update((literal, everyone) for literal in self._literals)
        elif self._literals:
            lengths = np.fromiter(map(len, names), dtype=np.int64, count=len(names))
            starts = np.concatenate(([0], np.cumsum(lengths + 1)))
            for literal in self._literals:
                found = _positions(lowered, literal)
                lines = np.searchsorted(starts, found, side="right")
                with_literal[literal] = np.unique(lines - 1).tolist()
                exact.add(literal)
        hits: dict[int, int] = {}
        for literal, pattern, bit in self._name_tests:
            if pattern is None and literal in exact:  # "*statement*": containing it is all
                for index in with_literal[literal]:
                    hits[index] = hits.get(index, 0) | bit
                continue
            for index in with_literal[literal]:
                name = names[index].lower()
                if literal in name and (pattern is None or pattern.match(name)):
                    hits[index] = hits.get(index, 0) | bit
        return hits

    def folder_bits(self, parent: str) -> int:
        """Bits of every folder-name rule matching any folder from the root to `parent`."""
        memo = self._folder_memo
        bits = memo.get(parent)
        if bits is not None:
            return bits
        above, _, name = parent.rpartition("/")
        bits = self.folder_bits(above)
        for pattern, bit in self._folder_tests:
            if pattern.match(name):
                bits |= bit
        if parent in self._bad_folders:
            bits |= FOLDER_UNFIXABLE
        memo[parent] = bits
        return bits

    # --- OneDrive folder findings ------------------------------------------------

    def set_folder_findings(self, folders: Mapping[str, Any]) -> None:
        """Folders OneDrive cannot hold make every file below them cannot_move."""
        for rel_path, finding in folders.items():
            if not finding.fixable:
                self._bad_folders.add(rel_path)
        # Never without a rule to explain it: _add_builtins supplies one if the policy has not.
        self.has_bad_folders = bool(self._bad_folders)

    def bad_folder_above(self, parent: str) -> str:
        """The highest folder at or above `parent` that OneDrive cannot hold."""
        parts = parent.split("/")
        for depth in range(1, len(parts) + 1):
            candidate = "/".join(parts[:depth])
            if candidate in self._bad_folders:
                return candidate
        return parent

    # --- guidance ----------------------------------------------------------------

    def _detail_kind(self, rule: Rule) -> str:
        if rule.duplicates:
            return DETAIL_DUPLICATE
        return rule.onedrive_names or ""

    def reason(self, kind_or_rule: str | Rule, detail: str = "") -> Reason:
        """The (shared) reason for a rule, or for the first rule of a detail kind."""
        if isinstance(kind_or_rule, Rule):
            rule = kind_or_rule
        else:
            rule = next(r for r in self.rules if self._detail_kind(r) == kind_or_rule)
        key = (rule.id, detail)
        reason = self._reasons.get(key)
        if reason is None:
            reason = Reason(
                rule.id,
                rule.action,
                rule.overridable,
                rule.title,
                rule.explanation,
                detail,
                rule.label,
            )
            self._reasons[key] = reason
        return reason

    def guidance_for(
        self,
        bits: int,
        details: Mapping[str, str] | None = None,
        new_name: str | None = None,
    ) -> Guidance:
        matched = [
            rule for rule, need in zip(self.rules, self.need, strict=True) if bits & need == need
        ]
        reasons = tuple(
            self.reason(rule, (details or {}).get(self._detail_kind(rule), "")) for rule in matched
        )
        guidance = combine(reasons, new_name)
        if details is None and new_name is None:
            self.cache[bits] = guidance
        return guidance

    def problem_guidance(self, kind: ProblemKind) -> Guidance:
        guidance = self._problem_cache.get(kind)
        if guidance is None:
            guidance = combine(tuple(self.reason(r) for r in self.problem_rules[kind]))
            self._problem_cache[kind] = guidance
        return guidance


def compile_policy(policy: Policy, now: float) -> CompiledPolicy:
    return CompiledPolicy(policy, now)
