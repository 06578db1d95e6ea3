"""Big synthetic H: drive trees for benchmarks: seeded, realistic depth and fan-out.

One seeded *plan* (folders, files with sizes and modification times) can be
- written to disk (`write_tree`, sparse files so a million of them cost inodes, not bytes),
- cached under /tmp between runs (`cached_tree`: generating a million files takes a while),
- or turned straight into an in-memory `Inventory` (`synthetic_inventory`), for benchmarks
  that need a big inventory but no files (the review page's 250,000 items, memory tests).

Shape: a few top-level folders, depth up to `max_depth`, folder sizes skewed (most folders
hold a handful of files, a few hold hundreds), office-like names and extensions, log-normal
file sizes (median ~40 KB) and modification times spread over the last 15 years.

Usable from the repository root as `from benchmarks.trees import ...`, or from a
benchmark script run as `python benchmarks/bench_x.py` (which puts the root on sys.path).
"""

from __future__ import annotations

import math
import os
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from app.core.inventory import FileEntry, FolderEntry, Inventory

try:
    import fcntl
except ImportError:  # Windows: no lock, run one benchmark at a time
    fcntl = None  # type: ignore[assignment]

GENERATOR_VERSION = 3  # bump when the plan changes, so cached trees are rebuilt
CACHE_ROOT = Path(os.environ.get("BENCH_TREE_CACHE", "/tmp/migration-assistant-bench-trees"))

_WORDS = (  # noqa: SIM905 (a paragraph reads better than 50 quoted words)
    "case statement evidence witness report incident notes draft final review custody "
    "interview schedule rota overtime training course briefing minutes meeting policy "
    "procedure exhibit photo scan letter memo invoice expenses appraisal handover team "
    "operation analysis summary plan risk assessment vehicle property intelligence "
    "community patrol duty file copy old new backup archive misc personal"
).split()
_EXTENSIONS = (
    (".docx", 30),
    (".pdf", 20),
    (".xlsx", 12),
    (".msg", 10),
    (".jpg", 10),
    (".txt", 5),
    (".doc", 4),
    (".pptx", 3),
    (".png", 3),
    (".zip", 1),
    (".mp4", 1),
    (".csv", 1),
)
_YEAR_S = 365.25 * 24 * 3600


@dataclass(frozen=True)
class TreePlan:
    """What a generated tree holds: folder paths (parents first) and files."""

    folders: list[str]  # relative, '/'-separated; "" (the root) is not listed
    files: list[tuple[str, int, float]]  # (relative path, size, modified time)
    seed: int

    @property
    def total_bytes(self) -> int:
        return sum(size for _, size, _ in self.files)


def _name(rng: random.Random, words: int) -> str:
    parts = [rng.choice(_WORDS) for _ in range(words)]
    if rng.random() < 0.4:
        parts.append(str(rng.randrange(1, 2000)))
    sep = rng.choice((" ", "_", "-", " "))
    text = sep.join(parts)
    return text.capitalize() if rng.random() < 0.5 else text


def plan_tree(
    n_files: int,
    *,
    seed: int = 1,
    files_per_folder: float = 10.0,
    max_depth: int = 8,
    now: float | None = None,
) -> TreePlan:
    """A seeded tree of `n_files` files in about n_files / files_per_folder folders."""
    rng = random.Random(seed)
    now = time.time() if now is None else now
    n_folders = max(1, round(n_files / files_per_folder))
    folders: list[str] = [""]
    depth = [0]
    taken: set[str] = {""}
    top_level = max(1, min(20, n_folders // 50 or 1))
    while len(folders) < n_folders:
        if len(folders) <= top_level:
            parent = 0
        elif rng.random() < 0.6:
            # Mostly recent folders: grows branches as real drives have...
            parent = rng.randrange(max(1, len(folders) - 30), len(folders))
        else:
            parent = rng.randrange(1, len(folders))
        # ...but each level deeper is less likely, and nothing below max_depth.
        if depth[parent] >= max_depth or rng.random() > 0.6 ** depth[parent]:
            continue
        base = folders[parent]
        name = _name(rng, rng.randint(1, 3))
        path = f"{base}/{name}" if base else name
        if path.lower() in taken:
            continue
        taken.add(path.lower())
        folders.append(path)
        depth.append(depth[parent] + 1)
    # Skewed folder weights: most folders small, a few large (a "Scans" folder of 800).
    weights = [rng.lognormvariate(0.0, 1.2) for _ in folders]
    chosen = rng.choices(range(len(folders)), weights=weights, k=n_files)
    ext_names = [ext for ext, _ in _EXTENSIONS]
    ext_weights = [weight for _, weight in _EXTENSIONS]
    files: list[tuple[str, int, float]] = []
    for folder_index in chosen:
        base = folders[folder_index]
        while True:
            name = _name(rng, rng.randint(1, 4)) + rng.choices(ext_names, ext_weights)[0]
            path = f"{base}/{name}" if base else name
            if path.lower() not in taken:
                break
        taken.add(path.lower())
        size = 0 if rng.random() < 0.01 else int(rng.lognormvariate(math.log(40_000), 1.8))
        modified = now - rng.random() ** 1.5 * 15 * _YEAR_S
        files.append((path, min(size, 4 << 30), modified))
    return TreePlan(folders=folders[1:], files=files, seed=seed)


def write_tree(root: Path, plan: TreePlan) -> Path:
    """Create the plan's folders and (sparse) files under `root`; returns `root`.

    Files are created relative to an open folder handle (dir_fd) where the platform
    allows it: resolving a deep path for every syscall made a million-file tree take
    many minutes.
    """
    root.mkdir(parents=True, exist_ok=True)
    for folder in plan.folders:
        os.mkdir(root / folder)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    use_dir_fd = os.open in os.supports_dir_fd and os.utime in os.supports_fd
    by_folder: dict[str, list[tuple[str, int, float]]] = {}
    for rel_path, size, modified in plan.files:
        parent, _, name = rel_path.rpartition("/")
        by_folder.setdefault(parent, []).append((name, size, modified))
    for parent, entries in by_folder.items():
        folder = os.path.join(str(root), parent) if parent else str(root)
        dir_fd = os.open(folder, os.O_RDONLY) if use_dir_fd else None
        try:
            for name, size, modified in entries:
                if dir_fd is not None:
                    fd = os.open(name, flags, 0o644, dir_fd=dir_fd)
                else:
                    fd = os.open(os.path.join(folder, name), flags, 0o644)
                try:
                    if size:
                        os.ftruncate(fd, size)
                    if dir_fd is not None:
                        os.utime(fd, (modified, modified))
                finally:
                    os.close(fd)
                if dir_fd is None:
                    os.utime(os.path.join(folder, name), (modified, modified))
        finally:
            if dir_fd is not None:
                os.close(dir_fd)
    return root


def cached_tree(n_files: int, *, seed: int = 1, cache_root: Path = CACHE_ROOT) -> Path:
    """The tree for (n_files, seed) on disk, generated once and reused between runs.

    A marker file written last says the tree is complete; a half-written tree (an
    interrupted run) is removed and generated again. Two benchmarks asking for the same
    tree at once take turns (a lock file, where the platform has flock).
    """
    root = cache_root / f"tree-v{GENERATOR_VERSION}-n{n_files}-s{seed}"
    marker = cache_root / f"{root.name}.complete"
    if marker.exists() and root.is_dir():
        return root
    cache_root.mkdir(parents=True, exist_ok=True)
    with open(cache_root / f"{root.name}.lock", "a+b") as lock:
        if fcntl is not None:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)  # released when the file closes
        if marker.exists() and root.is_dir():
            return root  # made by whoever held the lock before us
        if root.exists():
            shutil.rmtree(root)
        # A fixed "now" keeps the plan identical however many days the cache lives.
        write_tree(root, plan_tree(n_files, seed=seed, now=1_780_000_000.0))
        marker.write_text(f"{n_files} files, seed {seed}\n", encoding="utf-8")
    return root


def synthetic_inventory(n_files: int, *, seed: int = 1, root: str = "H:\\") -> Inventory:
    """An `Inventory` shaped like a scan of `plan_tree(n_files, seed=seed)`, without disk."""
    plan = plan_tree(n_files, seed=seed)
    inventory = Inventory(root=root, started=time.time())
    totals: dict[str, list[int]] = {"": [0, 0]}
    for folder in plan.folders:
        totals[folder] = [0, 0]
    for rel_path, size, modified in plan.files:
        inventory.files.append(FileEntry(rel_path, size, modified, modified, 0))
        parent = rel_path.rpartition("/")[0]
        while True:
            total = totals[parent]
            total[0] += 1
            total[1] += size
            if not parent:
                break
            parent = parent.rpartition("/")[0]
    inventory.folders = [
        FolderEntry(rel_path=path, file_count=count, total_bytes=size)
        for path, (count, size) in totals.items()
    ]
    inventory.finished = time.time()
    return inventory
