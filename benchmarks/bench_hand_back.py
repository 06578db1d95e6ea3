"""Benchmark: the hand-back check and the retention label pass, against the sandbox with a
network-like delay on every request, beside references measured in the same run.

1. Hand-back check of a generated laptop folder (N files in F folders, half of them in
   OneDrive, a tenth of those with other bytes) against the naive way: one `GET` by path
   per file (measured on a sample of files, scaled to N). Targets: at most one request
   per folder (plus one per level above), and at least 5x faster than the naive way.
2. Retention labels on M migrated files: the pass with its 4 workers against one worker.
   Target: at least 2x faster (the in-process sandbox shares the GIL with the client).

Every request is delayed by 20 ms (--latency-ms), a round trip to Microsoft 365 from a
force's network. --quick: 1,000 files in 50 folders, 200 labels.

    .venv/bin/python benchmarks/bench_hand_back.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core.guidance import Action, Guidance, GuidanceReport, Reason
from app.core.hand_back import HandBackStatus, LaptopFolder, check_hand_back
from app.core.inventory import FileEntry, Inventory
from app.core.journal import Journal
from app.core.plan import Choices, build_plan
from app.m365.graph import GraphClient
from app.m365.http import VerifiedSession
from app.m365.onedrive_lookup import OneDriveFolders
from app.m365.retention_labels import apply_labels
from app.sandbox.server import Sandbox, SandboxConfig

RESULTS = Path(__file__).resolve().parent / "results" / "hand_back.json"
UPN = "jane.smith@sandbox.police.uk"
LABEL = "Personnel records - 7 years"
TARGET_CHECK_SPEEDUP = 5.0
TARGET_LABEL_SPEEDUP = 2.0  # sandbox and client share this process (and its GIL)
NAIVE_SAMPLE = 100


def graph_for(sb: Sandbox) -> GraphClient:
    token = sb.issue_token(UPN, ["User.Read", "Files.ReadWrite", "Files.Read.All"])
    return GraphClient(
        sb.graph_url,
        lambda _force: token,
        session_factory=lambda: VerifiedSession(ca_bundle=sb.ca_path, pool_size=8),
    )


def put(graph: GraphClient, path: str, data: bytes) -> dict[str, object]:
    result: dict[str, object] = graph.request(
        "PUT", graph.item_path(path) + ":/content", data=data
    ).json()
    return result


def bench_check(sb: Sandbox, root: Path, files: int, folders: int) -> dict[str, float]:
    rng = random.Random(5)
    graph = graph_for(sb)
    laptop = root / "Desktop"
    paths = [f"f{i % folders:03d}/file {i:05d}.txt" for i in range(files)]
    sb.config.latency_ms = 0.0  # setting up is not what is measured
    for i, rel in enumerate(paths):
        data = rng.randbytes(1024)
        target = laptop / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        if i % 2 == 0:
            put(graph, f"H drive/Laptop/Desktop/{rel}", data if i % 20 else rng.randbytes(1024))
    folder = LaptopFolder("Desktop", str(laptop), ("H drive/Laptop/Desktop", "Desktop"))
    sb.config.latency_ms = LATENCY_MS
    sb.reset_log()
    lookup = OneDriveFolders(graph)
    started = time.perf_counter()
    report = check_hand_back([folder], lookup)
    check_s = time.perf_counter() - started
    requests = len(sb.request_log())
    sample = paths[:NAIVE_SAMPLE]
    started = time.perf_counter()
    for rel in sample:
        graph.item_by_path(f"H drive/Laptop/Desktop/{rel}")
        graph.item_by_path(f"Desktop/{rel}")  # the Known Folder Move place too
    naive_s = (time.perf_counter() - started) * files / len(sample)
    graph.close()
    assert report.count(HandBackStatus.SAFE_IN_ONEDRIVE) == files // 2 - files // 20
    return {
        "files": files,
        "folders": folders,
        "check_s": round(check_s, 3),
        "naive_s_scaled": round(naive_s, 3),
        "speedup": round(naive_s / check_s, 2),
        "requests": requests,
        "requests_per_file": round(requests / files, 4),
    }


def bench_labels(sb: Sandbox, root: Path, count: int) -> dict[str, float]:
    rng = random.Random(9)
    graph = graph_for(sb)
    sb.config.latency_ms = 0.0
    inventory = Inventory(str(root), [FileEntry(f"l/{i}.txt", 10, 1, 1) for i in range(count)])
    reason = Reason("r", Action.MOVE, True, {"en": "r"}, {"en": "r"}, label=LABEL)
    guidance = GuidanceReport(inventory, [Guidance(Action.MOVE, (reason,))] * count)
    plan = build_plan(guidance, None, Choices(), destination_folder="H drive")
    timings: dict[int, float] = {}
    with Journal(root / "journal.sqlite3") as journal:
        runs = {}
        for workers in (1, 4):
            run = journal.start_run(plan, account=UPN, settings_digest="b")
            for item in plan.items:
                made = put(graph, f"labels-{workers}/{item.rel_path}", rng.randbytes(10))
                journal.mark_verified(
                    run,
                    item.index,
                    item_id=str(made["id"]),
                    size=10,
                    quick_xor_hash="x",
                    final_path=item.dest_path,
                )
            runs[workers] = run
        sb.config.latency_ms = LATENCY_MS
        for workers, run in runs.items():
            started = time.perf_counter()
            result = apply_labels(graph, journal, run, workers=workers)
            timings[workers] = time.perf_counter() - started
            assert result.applied == count, result
    graph.close()
    return {
        "labels": count,
        "one_worker_s": round(timings[1], 3),
        "four_workers_s": round(timings[4], 3),
        "speedup": round(timings[1] / timings[4], 2),
    }


def main() -> int:
    global LATENCY_MS
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--latency-ms", type=float, default=20.0)
    args = parser.parse_args()
    LATENCY_MS = args.latency_ms
    files, folders, labels = (1000, 50, 200) if args.quick else (10_000, 400, 1000)
    with tempfile.TemporaryDirectory(prefix="bench-hand-back-") as tmp:
        root = Path(tmp)
        with Sandbox(SandboxConfig(state_dir=root / "sb")).start() as sb:
            check = bench_check(sb, root, files, folders)
            label = bench_labels(sb, root, labels)
    ok_check = check["speedup"] >= TARGET_CHECK_SPEEDUP
    ok_requests = check["requests"] <= folders + 4
    ok_labels = label["speedup"] >= TARGET_LABEL_SPEEDUP
    print(
        f"hand-back check: {files} files in {folders} folders, {check['check_s']} s, "
        f"{check['requests']} requests; naive (GET per file, scaled): "
        f"{check['naive_s_scaled']} s; ratio {check['speedup']}x "
        f"(target >= {TARGET_CHECK_SPEEDUP}x, <= {folders + 4} requests) "
        f"{'OK' if ok_check and ok_requests else 'MISSED'}"
    )
    print(
        f"retention labels: {labels} files, 4 workers {label['four_workers_s']} s, "
        f"1 worker {label['one_worker_s']} s; ratio {label['speedup']}x "
        f"(target >= {TARGET_LABEL_SPEEDUP}x) {'OK' if ok_labels else 'MISSED'}"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {"quick": args.quick, "latency_ms": LATENCY_MS, "check": check, "labels": label},
            indent=1,
        )
        + "\n"
    )
    return 0 if ok_check and ok_requests and ok_labels else 1


LATENCY_MS = 20.0

if __name__ == "__main__":
    sys.exit(main())
