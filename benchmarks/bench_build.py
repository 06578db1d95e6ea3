"""Benchmark: the built one-folder application. Each figure beside a reference measured in
the same run, as a ratio, and against its target.

1. size   - the built folder on disk (target < 150 MB); reference: the installed runtime
            packages the app runs on from source (its dependencies' files, site-packages).
1w. size_windows_projected - a PROJECTION of the Windows folder (benchmarks/windows_size.py:
            the Windows wheels with the build's own decisions, the Python runtime estimated),
            when --wheels holds the Windows wheels; reference: this build's size.
2. start  - process start to the wizard's first paint, the built program (target <= 1.5 s,
            as benchmarks/bench_ui.py's start figure); reference: the same from source
            (`python -m app`). Both through `self-test --first-paint`, offscreen, median;
            beside them bench_ui's bare PySide6 window, the machine's floor at its load.

    .venv/bin/python benchmarks/bench_build.py [--quick] [--app build/dist/MigrationAssistant]
        [--wheels /tmp/winwheels]

Builds into a temporary folder unless --app names a built one (build/build.sh makes it).
--quick: one start-up each instead of five. Writes benchmarks/results/build.json; exits 1
when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_ui import CHILD_BARE, figure  # noqa: E402 (after the path it lives on)
from bench_ui import first_paint as bare_first_paint  # noqa: E402
from windows_size import DEFAULT_WHEELS, project  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "build.json"
CONSOLE_PROGRAM = "migration-assistant.exe" if sys.platform == "win32" else "migration-assistant"
MB = 1024 * 1024


def folder_bytes(folder: Path) -> int:
    """The files' bytes; a symbolic link (PyInstaller links Qt's libraries on Linux) is
    counted as a link, not as a second copy of its target."""
    return sum(
        path.lstat().st_size for path in folder.rglob("*") if path.is_symlink() or path.is_file()
    )


def largest_files(folder: Path, count: int = 8) -> list[tuple[str, float]]:
    """What the size is made of: the biggest files, in MB."""
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    files.sort(key=lambda path: path.stat().st_size, reverse=True)
    return [(path.name, path.stat().st_size / MB) for path in files[:count]]


def runtime_dependency_bytes() -> int:
    """The installed files of the app's runtime dependencies, recursively (no extras)."""
    seen: set[str] = set()
    todo = ["h-drive-migration-assistant"]
    total = 0
    while todo:
        name = re.split(r"[\s;<>=!~\[(]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if name != "h-drive-migration-assistant":  # the app itself is an editable checkout
            for file in dist.files or []:
                path = Path(str(dist.locate_file(file)))
                if path.is_file():
                    total += path.stat().st_size
        todo += [req for req in dist.requires or [] if "extra ==" not in req]
    return total


def first_paint(command: list[str], home: Path) -> float:
    """Seconds from starting the process to the wizard's first paint."""
    env = {**os.environ, "MIGRATION_ASSISTANT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    out = subprocess.run(
        [*command, "self-test", "--first-paint"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=ROOT,
        timeout=120,
    )
    return float(out.stdout.strip().splitlines()[-1]) - started


def build(tmp: Path) -> Path:
    out = subprocess.run(
        [sys.executable, str(ROOT / "build" / "build.py"), "--dist", str(tmp / "dist"),
         "--work", str(tmp / "work")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return Path(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--app", type=Path, help="a built application folder to measure")
    parser.add_argument("--wheels", type=Path, default=DEFAULT_WHEELS, help="Windows wheels")
    args = parser.parse_args()
    runs = 1 if args.quick else 5
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = args.app.resolve() if args.app else build(tmp)
        size = folder_bytes(folder)
        largest = largest_files(folder)
        source_size = runtime_dependency_bytes()
        windows = project(args.wheels, folder) if list(args.wheels.glob("*.whl")) else None
        frozen_cmd = [str(folder / CONSOLE_PROGRAM)]
        source_cmd = [sys.executable, "-m", "app"]
        first_paint(frozen_cmd, tmp / "warm")  # the first start reads the files from disk
        first_paint(source_cmd, tmp / "warm")
        frozen = [first_paint(frozen_cmd, tmp / f"f{n}") for n in range(runs)]
        source = [first_paint(source_cmd, tmp / f"s{n}") for n in range(runs)]
        # bench_ui's floor: a bare PySide6 window, how fast this machine starts Qt at all
        # under its current load (a shared box's load moves every start-up figure).
        bare = [bare_first_paint(CHILD_BARE, tmp / f"b{n}") for n in range(runs)]
    results: list[dict[str, Any]] = [
        figure(
            "size",
            size / MB,
            source_size / MB,
            150,
            "MB",
            "built folder vs the runtime packages installed for the source",
        ),
        *(
            [
                figure(
                    "size_windows_projected",
                    windows.total / MB,
                    size / MB,
                    150,
                    "MB",
                    "PROJECTED Windows folder (not measured) vs this build",
                )
            ]
            if windows is not None
            else []
        ),
        figure(
            "start",
            statistics.median(frozen) * 1000,
            statistics.median(source) * 1000,
            1500,
            "ms",
            f"built vs source, process start to first paint, median of {runs}",
        ),
    ]
    print(f"bare PySide6 window (bench_ui's floor): {statistics.median(bare) * 1000:.0f} ms")
    if windows is None:
        print(f"Windows size not projected: no wheels in {args.wheels} (see windows_size.py)")
    print("largest files: " + ", ".join(f"{name} {mb:.0f} MB" for name, mb in largest))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "quick": args.quick,
                "platform": sys.platform,
                "app": str(folder) if args.app else "(built in a temporary folder)",
                "load_average": os.getloadavg(),
                "start_runs_s": {"built": frozen, "source": source, "bare_pyside6": bare},
                "largest_files_mb": largest,
                "windows_projection_parts_mb": (
                    {what: size / MB for what, size in windows.parts.items()} if windows else None
                ),
                "figures": results,
            },
            indent=2,
        )
    )
    return 0 if all(r["passed"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
