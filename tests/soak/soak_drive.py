"""The soak test's H: drive: files of mixed sizes generated from a seed, big ones sparse.

A file over `SPARSE_FROM` bytes gets seeded random blocks at its start, its end and every
`SPARSE_STRIDE` bytes between, and holes elsewhere: a several-hundred-MB file then costs a
few MB of disk, yet every byte reads back (holes read as zeros), is sent and is hashed
like any other. Names mix folders, spaces, accents and a few names OneDrive renames.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

SPARSE_FROM = 8 * 1024 * 1024
SPARSE_STRIDE = 16 * 1024 * 1024
BLOCK = 64 * 1024
NAMES = ("report", "notes", "Statement – witness", "café rota", "scan", "Interview", "budget")
EXTS = (".docx", ".pdf", ".txt", ".xlsx", ".jpg", ".bin", "")
# Names OneDrive refuses as they are: the plan renames them; they must still arrive once.
ODD = ("Rota: week 3.txt", "what?.txt", "trailing dot.", "a<b>.txt")


@dataclass(frozen=True)
class SoakShape:
    files: int
    large: int  # files of `large_mib` MiB (sparse)
    large_mib: int
    medium_max: int  # bytes: the largest non-sparse file


REDUCED = SoakShape(files=300, large=2, large_mib=24, medium_max=3_000_000)
FULL = SoakShape(files=10_000, large=3, large_mib=300, medium_max=1_500_000)


def _size(rng: random.Random, shape: SoakShape) -> int:
    roll = rng.random()
    if roll < 0.05:
        return 0
    if roll < 0.55:
        return rng.randrange(1, 20_000)
    if roll < 0.90:
        return rng.randrange(20_000, 400_000)
    return rng.randrange(400_000, shape.medium_max)


def write_file(path: Path, size: int, rng: random.Random) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if size <= SPARSE_FROM:
        path.write_bytes(rng.randbytes(size))
        return
    with path.open("wb") as handle:
        offsets = [*range(0, size - BLOCK, SPARSE_STRIDE), size - BLOCK]
        for offset in offsets:
            handle.seek(offset)
            handle.write(rng.randbytes(BLOCK))
        handle.truncate(size)


def make_soak_drive(root: Path, seed: int, shape: SoakShape) -> dict[str, int]:
    """Write the drive under `root`; returns {relative path: size}."""
    rng = random.Random(seed)
    made: dict[str, int] = {}
    folders = [f"Folder {n}" for n in range(max(4, shape.files // 150))]
    for n in range(shape.files):
        depth = rng.randrange(0, 3)
        parts = [rng.choice(folders)] + [f"sub {rng.randrange(5)}" for _ in range(depth)]
        name = ODD[n] if n < len(ODD) else f"{rng.choice(NAMES)} {n}{rng.choice(EXTS)}"
        is_large = len(ODD) <= n < len(ODD) + shape.large
        size = shape.large_mib * 1024 * 1024 + n if is_large else _size(rng, shape)
        rel = "/".join([*parts, name])
        write_file(root / rel, size, rng)
        when = 1_500_000_000 + rng.randrange(10**8)
        os.utime(root / rel, (when, when))
        made[rel] = size
    return made
