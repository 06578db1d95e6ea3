"""The rules engine: an `Inventory` and a `Policy` in, a `GuidanceReport` out.

It runs inside the scan's time budget (200,000 files in a fraction of a second), so the
policy is compiled first: each rule condition becomes one bit, extensions become a dict
from extension to bits, name globs one combined regex used as a cheap pre-filter,
folder globs are evaluated once per folder, and a file's bits decide the rules that match
it. Files with the same bits share one `Guidance` object. Only the few files that need
item-specific detail (a duplicate's kept copy, a new name, an unfixable folder above
them) get their own.

When several rules match, the most restrictive action wins (`Action.severity`), every
reason is kept (most restrictive first) and the guidance may be overridden only if every
reason with the winning action allows it.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Mapping
from typing import Protocol

from app.core.classify_compile import (
    DETAIL_DUPLICATE,
    DETAIL_FIXABLE,
    DETAIL_UNFIXABLE,
    FOLDER_UNFIXABLE,
    CompiledPolicy,
    combine,
    compile_policy,
)
from app.core.duplicates import Hasher, find_duplicates
from app.core.errors import CancelledError
from app.core.gc_quiet import collector_paused
from app.core.guidance import Action, Guidance, GuidanceReport
from app.core.inventory import FileEntry, Inventory
from app.core.policy import Policy

# Files per slice: between two looks at `stop`, and short enough (a few ms) that the GIL
# changes hands between slices.
_CHUNK = 16384


class NameFinding(Protocol):
    """What classify needs from a OneDrive-rules finding (`onedrive_rules.Finding`)."""

    @property
    def issues(self) -> tuple[str, ...]: ...
    @property
    def fixable(self) -> bool: ...
    @property
    def new_name(self) -> str | None: ...


class NameFindings(Protocol):
    """What classify needs from `onedrive_rules.RulesResult`."""

    @property
    def files(self) -> Mapping[int, NameFinding]: ...
    @property
    def folders(self) -> Mapping[str, NameFinding]: ...


def _issues_text(finding: NameFinding) -> str:
    return ", ".join(str(issue) for issue in finding.issues)


def classify(
    inventory: Inventory,
    policy: Policy,
    *,
    rules: NameFindings | None = None,
    now: float | None = None,
    hash_duplicates: bool = True,
    stop: threading.Event | None = None,
    progress: Callable[[int, int], None] | None = None,
    hasher: Hasher | None = None,
) -> GuidanceReport:
    """Guidance for every file, folder rename and scan problem.

    `progress(files_hashed, files_to_hash)` reports the duplicate pass, the only part
    that reads files (throttled, on the calling thread). `stop` raises `CancelledError`
    at safe points. `hasher` replaces QuickXorHash file hashing (tests); the default
    reads the file.
    """
    with collector_paused():
        return _classify(inventory, policy, rules, now, hash_duplicates, stop, progress, hasher)


def _classify(
    inventory: Inventory,
    policy: Policy,
    rules: NameFindings | None,
    now: float | None,
    hash_duplicates: bool,
    stop: threading.Event | None,
    progress: Callable[[int, int], None] | None,
    hasher: Hasher | None,
) -> GuidanceReport:
    compiled = compile_policy(policy, time.time() if now is None else now)
    if rules is not None:
        compiled.set_folder_findings(rules.folders)
    files = inventory.files
    all_bits, names = _main_pass(compiled, inventory, stop)
    for index, bits in compiled.name_hits(names).items():
        all_bits[index] |= bits
    del names

    details: dict[int, dict[str, str]] = {}  # index -> detail kind -> detail
    new_names: dict[int, str] = {}
    if compiled.has_bad_folders:
        for index, bits in enumerate(all_bits):
            if bits & FOLDER_UNFIXABLE:
                all_bits[index] = bits | compiled.unfixable_bit
                above = compiled.bad_folder_above(files[index].parent)
                details.setdefault(index, {})[DETAIL_UNFIXABLE] = above
    if rules is not None:
        for index, finding in rules.files.items():
            if finding.fixable:
                all_bits[index] |= compiled.fixable_bit
                details.setdefault(index, {})[DETAIL_FIXABLE] = finding.new_name or ""
                if finding.new_name:
                    new_names[index] = finding.new_name
            else:
                all_bits[index] |= compiled.unfixable_bit
                details.setdefault(index, {}).setdefault(DETAIL_UNFIXABLE, _issues_text(finding))

    cache = compiled.cache
    guidance_for = compiled.guidance_for
    for bits in set(all_bits).difference(cache):
        guidance_for(bits)  # fills the cache
    out = list(map(cache.__getitem__, all_bits))
    for index, detail in details.items():
        out[index] = guidance_for(all_bits[index], detail, new_names.get(index))

    if hash_duplicates and compiled.duplicates_bit:
        _mark_duplicates(
            inventory, compiled, out, all_bits, details, new_names, stop, progress, hasher
        )

    report = GuidanceReport(
        inventory=inventory,
        files=out,
        folders=_folder_guidance(compiled, rules),
        policy_name=f"{policy.name} {policy.version}".strip(),
        problems=[compiled.problem_guidance(problem.kind) for problem in inventory.problems],
    )
    _drop_slowly(details)
    inventory.forget_path_columns()  # the last pass that needs them
    return report


def _drop_slowly(table: dict[int, dict[str, str]]) -> None:
    """Empty `table` one entry at a time. Dropped at once, the ~80,000 small dicts of a
    duplicate-heavy drive are freed in one C-level cascade that holds the GIL for tens of
    milliseconds (a GUI stall); one by one, other threads get their turn in between."""
    pop = table.popitem
    for _ in range(len(table)):
        pop()


def _main_pass(
    compiled: CompiledPolicy, inventory: Inventory, stop: threading.Event | None
) -> tuple[list[int], list[str]]:
    """The hot loop: each file's bits from per-folder and per-extension lookups, and its name.

    Paths come already split (`Inventory.path_columns`, shared with the OneDrive rules
    check). Name rules are left to `CompiledPolicy.name_hits`, which looks at all names
    at once.
    """
    files = inventory.files
    columns = inventory.path_columns()
    parents, names = columns.parents, columns.names
    all_bits: list[int] = []
    add_bits = all_bits.append
    folder_bits = compiled.folder_bits
    ext_bits = compiled.ext_bits
    # The first age and size tests inline (a default policy has one of each), others looped.
    age_cutoff, age_bit = compiled.age_tests[0] if compiled.age_tests else (-math.inf, 0)
    size_limit, size_bit = compiled.size_tests[0] if compiled.size_tests else (math.inf, 0)
    more_ages = compiled.age_tests[1:]
    more_sizes = compiled.size_tests[1:]
    more = bool(more_ages or more_sizes)
    exts: dict[str, int] = {}
    last_parent: str | None = None
    last_bits = 0
    for start in range(0, len(files), _CHUNK):
        if stop is not None and stop.is_set():
            raise CancelledError("classification stopped")
        end = start + _CHUNK
        for parent, name, entry in zip(
            parents[start:end], names[start:end], files[start:end], strict=True
        ):
            # A scan lists a folder's files together, and the columns share one parent
            # string per folder: an identity test finds most files' folder bits.
            if parent is last_parent:
                bits = last_bits
            else:
                bits = last_bits = folder_bits(parent)  # memoised per folder
                last_parent = parent
            _, dot, ext = name.rpartition(".")
            if dot:
                found = exts.get(ext)
                if found is None:
                    found = exts[ext] = ext_bits.get(ext.lower(), 0)
                bits |= found
            if entry.modified < age_cutoff:
                bits |= age_bit
            if entry.size > size_limit:
                bits |= size_bit
            if more:
                bits |= _more_bits(entry, more_ages, more_sizes)
            add_bits(bits)
    return all_bits, names


def _more_bits(
    entry: FileEntry, ages: list[tuple[float, int]], sizes: list[tuple[float, int]]
) -> int:
    bits = 0
    for cutoff, bit in ages:
        if entry.modified < cutoff:
            bits |= bit
    for limit, bit in sizes:
        if entry.size > limit:
            bits |= bit
    return bits


def _mark_duplicates(
    inventory: Inventory,
    compiled: CompiledPolicy,
    out: list[Guidance],
    all_bits: list[int],
    details: dict[int, dict[str, str]],
    new_names: dict[int, str],
    stop: threading.Event | None,
    progress: Callable[[int, int], None] | None,
    hasher: Hasher | None,
) -> None:
    """Keep one copy of each group, discard the rest.

    The kept copy is the least restricted one (a copy in Temp is not the one to keep), then
    the first created (copying a file gives the copy a new creation time: the earliest is
    usually the original), then the shallowest, then by path, so the choice is stable.
    """
    files = inventory.files
    # A copy that cannot move anyway is not worth reading.
    exclude = {i for i, g in enumerate(out) if g.action is Action.CANNOT_MOVE}
    found = find_duplicates(
        inventory.root, files, exclude=exclude, stop=stop, progress=progress, hasher=hasher
    )
    for group in found.groups:
        kept = min(
            group,
            key=lambda i: (
                out[i].action.severity,
                files[i].created,
                files[i].rel_path.count("/"),
                files[i].rel_path,
            ),
        )
        for index in group:
            if index == kept:
                continue
            all_bits[index] |= compiled.duplicates_bit
            details.setdefault(index, {})[DETAIL_DUPLICATE] = files[kept].rel_path
            out[index] = compiled.guidance_for(
                all_bits[index], details[index], new_names.get(index)
            )


def _folder_guidance(compiled: CompiledPolicy, rules: NameFindings | None) -> dict[str, Guidance]:
    if rules is None:
        return {}
    result: dict[str, Guidance] = {}
    for rel_path, finding in rules.folders.items():
        if finding.fixable:
            reason = compiled.reason(DETAIL_FIXABLE, finding.new_name or "")
            result[rel_path] = Guidance(Action.MOVE, (reason,), True, finding.new_name)
        else:
            reason = compiled.reason(DETAIL_UNFIXABLE, _issues_text(finding))
            result[rel_path] = Guidance(Action.CANNOT_MOVE, (reason,), False)
    return result


__all__ = ["NameFinding", "NameFindings", "classify", "combine"]
