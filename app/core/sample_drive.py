"""The sample H: drive: a realistic, fictional officer's network folder made from a recipe.

Used by --sandbox practice mode, by floor-walker training and by the tests. The recipe
(resources/sample-drive.toml) lists folders, generated series and copies; this module turns
it into a plan (paths, sizes, dates, which files share bytes) and writes it. The same seed,
scale and `now` always give the same tree, bytes and modification times.

What a platform cannot hold is left out rather than faked: names with characters Windows
refuses (':', '?', '"'...) on Windows, and the second of two names that differ only in case
on a case-insensitive file system. Re-running into the same folder is safe: files already
there with the planned size and date are kept, the rest rewritten. A folder holding anything
the plan does not is refused, so the generator never mixes with someone's real files.
"""

from __future__ import annotations

import itertools
import logging
import os
import random
import string
import sys
import time
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app import paths
from app.core.errors import BadInputError
from app.core.sample_content import default_size, make_content

_log = logging.getLogger(__name__)

_DAY = 86_400.0
_YEAR = 365.25 * _DAY
_AGES = {
    "recent": (_DAY, 330 * _DAY),
    "mid": (1.2 * _YEAR, 6 * _YEAR),
    "old": (7 * _YEAR, 12 * _YEAR),
}
_MIN_SCALED_BYTES = 64 * 1024
_WINDOWS_INVALID = set('<>:"|?*') | {chr(code) for code in range(32)}


@dataclass(frozen=True)
class SampleFile:
    """One planned file. Files with the same content_key have the same bytes."""

    rel_path: str
    size: int
    modified: float
    content_key: str


def load_recipe(path: Path | None = None) -> dict[str, Any]:
    recipe_path = path or paths.resources_dir() / "sample-drive.toml"
    try:
        with recipe_path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise BadInputError(
            "The sample H: drive recipe cannot be read",
            f"{recipe_path} is missing or not valid TOML.",
            "Reinstall the app, or point to a valid recipe file.",
            detail=str(error),
        ) from error


class _Planner:
    def __init__(self, recipe: Mapping[str, Any], seed: int, scale: float, now: float) -> None:
        self.recipe = recipe
        self.seed = seed
        self.scale = scale
        self.now = now
        self.this_year = datetime.fromtimestamp(now, UTC).year
        self.words: dict[str, list[str]] = {k: list(v) for k, v in recipe.get("words", {}).items()}
        self.files: dict[str, SampleFile] = {}

    def _rng(self, *parts: object) -> random.Random:
        # Seeding with a string hashes it with SHA-512: stable across runs and platforms.
        return random.Random("|".join(map(str, (self.seed, *parts))))  # noqa: S311 (no secrets)

    def _modified(self, rel_path: str, age: str, year: int | None) -> float:
        rng = self._rng("when", rel_path)
        if age == "year" and year is not None:
            start = datetime(year, 1, 1, tzinfo=UTC).timestamp()
            end = min(datetime(year, 12, 31, tzinfo=UTC).timestamp(), self.now - _DAY)
            return float(int(min(rng.uniform(start, max(start, end)), self.now - _DAY)))
        low, high = _AGES.get(age, _AGES["mid"])
        return float(int(self.now - rng.uniform(low, high)))

    def _size(self, rel_path: str, entry: Mapping[str, Any]) -> int:
        rng = self._rng("size", rel_path)
        if "size_mb" in entry:
            return max(_MIN_SCALED_BYTES, int(float(entry["size_mb"]) * 1024 * 1024 * self.scale))
        if "size" in entry:
            size = entry["size"]
            return rng.randint(size[0], size[1]) if isinstance(size, list) else int(size)
        return default_size(rel_path.rpartition(".")[2].lower(), rng)

    def add(self, rel_path: str, entry: Mapping[str, Any], age: str, year: int | None) -> None:
        if rel_path in self.files:
            return  # a generated name repeated itself: keep the first
        self.files[rel_path] = SampleFile(
            rel_path,
            self._size(rel_path, entry),
            self._modified(rel_path, entry.get("age", age), year),
            str(entry.get("copy_of", rel_path)),
        )

    def folders(self) -> None:
        for folder in self.recipe.get("folder", []):
            for item in folder.get("files", []):
                entry = {"name": item} if isinstance(item, str) else item
                rel_path = f"{folder['path']}/{entry['name']}"
                self.add(rel_path, entry, folder.get("age", "mid"), None)

    def _expansions(self, pattern: str, series: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
        fields = [name for _, name, _, _ in string.Formatter().parse(pattern) if name]
        choices: list[list[tuple[str, Any]]] = []
        for name in dict.fromkeys(fields):
            if name == "year":
                years = [self.this_year - ago for ago in series.get("years_ago", [0])]
                choices.append([("year", year) for year in years])
            else:
                choices.append([(name, value) for value in self.words[name]])
        for combination in itertools.product(*choices):
            yield dict(combination)

    def series(self) -> None:
        for index, series in enumerate(self.recipe.get("series", [])):
            count = max(1, round(series["count"] * self.scale))
            for fixed in self._expansions(series["folder"], series):
                folder = series["folder"].format(**fixed)
                rng = self._rng("series", index, folder)
                seen: set[str] = set()
                for number in range(1, count + 1):
                    fields: dict[str, Any] = {k: rng.choice(v) for k, v in self.words.items()}
                    fields.update(fixed, n=number)
                    name = series["name"].format(**fields)
                    if name.lower() not in seen:
                        seen.add(name.lower())
                        self.add(
                            f"{folder}/{name}", series, series.get("age", "mid"), fixed.get("year")
                        )
                for extra in series.get("extras", []):
                    self.add(f"{folder}/{extra}", {}, series.get("age", "mid"), fixed.get("year"))

    def copies(self) -> None:
        for copy in self.recipe.get("copy", []):
            year = self.this_year - int(copy.get("years_ago", 0))
            source = copy["from"].format(year=year) + "/"
            for rel_path, original in sorted(self.files.items()):
                if rel_path.startswith(source):
                    target = f"{copy['to']}/{rel_path[len(source) :]}"
                    self.files[target] = replace(original, rel_path=target)

    def resolve_duplicates(self) -> None:
        """Files declared copy_of another take its size, date and bytes."""
        for rel_path, planned in list(self.files.items()):
            original = self.files.get(planned.content_key)
            if planned.content_key != rel_path and original is not None:
                self.files[rel_path] = replace(original, rel_path=rel_path)


def plan_sample_drive(
    *,
    seed: int = 1,
    scale: float = 1.0,
    now: float | None = None,
    recipe: Mapping[str, Any] | None = None,
) -> list[SampleFile]:
    """Every file of the sample drive, sorted by path, without touching the disk."""
    if not scale > 0:
        raise BadInputError("Sample drive size is not valid", f"The scale {scale} is not above 0.")
    planner = _Planner(recipe or load_recipe(), seed, scale, time.time() if now is None else now)
    planner.folders()
    planner.resolve_duplicates()
    planner.series()
    planner.copies()
    return sorted(planner.files.values(), key=lambda planned: planned.rel_path)


def _os_path(root: Path, rel_path: str) -> str:
    if sys.platform == "win32":
        # \\?\ allows long paths and keeps trailing dots and spaces the Win32 layer strips.
        return "\\\\?\\" + str(root.resolve()) + "\\" + rel_path.replace("/", "\\")
    return os.path.join(root, rel_path)


def _case_sensitive(root: Path) -> bool:
    probe = root / f".sample-drive-probe-{os.getpid()}"
    probe.write_bytes(b"")
    try:
        return not (root / probe.name.upper()).exists()
    finally:
        probe.unlink()


def _representable(planned: Sequence[SampleFile], case_sensitive: bool) -> list[SampleFile]:
    kept: list[SampleFile] = []
    seen: set[str] = set()
    for item in planned:
        if sys.platform == "win32" and _WINDOWS_INVALID & set(item.rel_path):
            _log.debug("sample drive: %s cannot be made on Windows", item.rel_path)
            continue
        key = item.rel_path if case_sensitive else item.rel_path.lower()
        if key in seen:
            _log.debug("sample drive: %s clashes in case on this file system", item.rel_path)
            continue
        seen.add(key)
        kept.append(item)
    return kept


def _refuse_foreign_content(root: Path, planned: Sequence[SampleFile]) -> None:
    files = {item.rel_path for item in planned}
    folders = {item.rel_path.rpartition("/")[0] for item in planned}
    for folder in list(folders):
        while folder:
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    top = _os_path(root, "")  # the long-path form on Windows, so deep folders are seen
    for current, dirnames, filenames in os.walk(top):
        base = os.path.relpath(current, top).replace(os.sep, "/")
        base = "" if base == "." else base + "/"
        for name, expected in [(d, folders) for d in dirnames] + [(f, files) for f in filenames]:
            if base + name not in expected:
                raise BadInputError(
                    "This folder is not empty",
                    f"{root} already holds other things, such as {base + name}. The sample "
                    "H: drive is only made in an empty folder or over an earlier sample drive "
                    "made with the same seed and size.",
                    "Choose an empty folder, or remove this one first.",
                )


def make_sample_drive(
    root: Path, *, seed: int = 1, scale: float = 1.0, now: float | None = None
) -> Path:
    """Write the sample H: drive into `root` (created if needed) and return `root`."""
    root = Path(root)
    if root.exists() and not root.is_dir():
        raise BadInputError("Not a folder", f"{root} is a file.", "Choose a folder.")
    recipe = load_recipe()
    planned = plan_sample_drive(seed=seed, scale=scale, now=now, recipe=recipe)
    root.mkdir(parents=True, exist_ok=True)
    planned = _representable(planned, _case_sensitive(root))
    _refuse_foreign_content(root, planned)
    templates = recipe.get("text", {}).get("sentences", ["Notes."])
    words = recipe.get("words", {})
    folder_times: dict[str, float] = {}
    for item in planned:
        target = _os_path(root, item.rel_path)
        rng = random.Random(f"{seed}|content|{item.content_key}")  # noqa: S311 (no secrets)
        name = item.content_key.rpartition("/")[2]
        data = make_content(name, item.size, rng, templates, words)
        try:
            existing = os.stat(target)
            unchanged = existing.st_size == len(data) and existing.st_mtime == item.modified
        except FileNotFoundError:
            unchanged = False
        if not unchanged:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(data)
            os.utime(target, (item.modified, item.modified))
        folder = item.rel_path.rpartition("/")[0]
        while folder:
            folder_times[folder] = max(folder_times.get(folder, 0.0), item.modified)
            folder = folder.rpartition("/")[0]
    # Folders look as old as their newest file, deepest first so parents are not disturbed.
    for folder in sorted(folder_times, key=lambda path: path.count("/"), reverse=True):
        os.utime(_os_path(root, folder), (folder_times[folder], folder_times[folder]))
    return root
