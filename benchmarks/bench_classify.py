"""Benchmark: retention classification (and reports) of a big inventory, beside `find`.

The scan benchmark's target is scan + classify of 200,000 files in at most twice the
time `find` takes to list them. Classification's share is measured here on its own:
`classify()` of the scan's 200,000 inventory entries (no duplicate hashing: that reads files and is
measured by the scan's and QuickXorHash's benchmarks), against `find -printf` over the
same tree on disk, in the same run. Target: classify at most 0.5x find, which leaves the
scan itself 1.5x. Reports are timed for information (no target).

    python benchmarks/bench_classify.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core.classify import classify
from app.core.onedrive_rules import check_inventory
from app.core.policy import load_policy
from app.core.reports import summarise, write_report
from app.core.scan import scan
from benchmarks.trees import cached_tree

TARGET_RATIO = 0.5  # classify / find


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def time_find(root: Path, runs: int) -> float:
    def work() -> None:
        subprocess.run(
            ["find", str(root), "-printf", "%s %T@ %p\n"],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    work()  # warm the cache: both sides then work from memory
    return best_of(runs, work)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20,000 files instead of 200,000")
    args = parser.parse_args()
    n_files = 20_000 if args.quick else 200_000
    runs = 5
    tree = cached_tree(n_files)
    # classify's real input: the scan's inventory of the same tree (files come grouped by
    # folder, as the hot loop expects).
    inventory = scan(tree)
    policy = load_policy()
    rules = check_inventory(inventory)

    find_s = time_find(tree, runs)
    classify_s = best_of(
        runs, lambda: classify(inventory, policy, rules=rules, hash_duplicates=False)
    )
    report = classify(inventory, policy, rules=rules, hash_duplicates=False)
    distinct = len({id(g) for g in report.files})
    summarise_s = best_of(runs, lambda: summarise(report))
    report_s: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for suffix in ("csv", "json", "html"):
            path = Path(folder) / f"report.{suffix}"
            report_s[suffix] = best_of(1, lambda p=path: write_report(report, p))

    ratio = classify_s / find_s
    per_file_us = classify_s / n_files * 1e6
    print(f"files: {n_files:,}  distinct Guidance objects: {distinct}")
    print(f"find -printf (reference):     {find_s * 1000:8.1f} ms")
    print(
        f"classify:                     {classify_s * 1000:8.1f} ms  "
        f"({per_file_us:.2f} us/file)  ratio {ratio:.2f}x find  target <= {TARGET_RATIO}x"
    )
    print(
        f"summarise:                    {summarise_s * 1000:8.1f} ms  "
        f"ratio {summarise_s / find_s:.2f}x find  (no target)"
    )
    for suffix, seconds in report_s.items():
        print(
            f"write_report .{suffix:<5}             {seconds * 1000:8.1f} ms  "
            f"ratio {seconds / find_s:.2f}x find  (no target)"
        )
    ok = ratio <= TARGET_RATIO
    results = {
        "files": n_files,
        "quick": args.quick,
        "find_s": find_s,
        "classify_s": classify_s,
        "classify_us_per_file": per_file_us,
        "classify_ratio_to_find": ratio,
        "target_ratio": TARGET_RATIO,
        "summarise_s": summarise_s,
        "write_report_s": report_s,
        "distinct_guidance": distinct,
        "runs": runs,
        "statistic": "best of runs",
        "met": ok,
        "python": sys.version.split()[0],
    }
    out = Path(__file__).resolve().parent / "results" / "classify.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print("target met" if ok else "TARGET MISSED", f"(results in {out})")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
