"""bench_ui's stall-upload figure: the GUI thread's longest stall while the progress page
uploads a drive to a sandbox in its own (niced) process, as OneDrive is remote. Run
through benchmarks/bench_ui.py (`--only stall-upload`).
"""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from benchmarks.ui_heartbeat import Heartbeat, figure, idle_beat, make_wizard


def bench_stall_upload(
    quick: bool, tmp: Path, sandbox_nice: int, runs: int = 3
) -> list[dict[str, Any]]:
    """`runs` uploads of the same drive, each to a fresh sandbox with its own idle reference
    just before: the figure is the longest stall of any run (the target's own terms), with
    every run's max and p99 (upload and idle) printed and kept, so noise is visible."""
    n_up = 500 if quick else 5000
    drive = tmp / "upload-drive"
    for i in range(n_up):
        path = drive / f"Folder {i % 50}" / f"note {i}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f"note {i}\n".encode() * 40)
    each = [_upload_run(drive, tmp / f"sandbox-state-{run}", sandbox_nice) for run in range(runs)]
    for number, run in enumerate(each, 1):
        print(
            f"  stall-upload run {number}: max {run['max_ms']:.1f} ms, p99 {run['p99_ms']:.1f} ms"
            f" | idle max {run['idle_max_ms']:.1f} ms, p99 {run['idle_p99_ms']:.1f} ms"
            f" | {run['moved']:,}/{run['to_move']:,} files in {run['seconds']:.1f} s;"
            f" {run['cpu_wait_ms']:.1f} ms of the worst stall waiting for a CPU,"
            f" worst net of CPU waits {run['net_ms']:.1f} ms"
        )
    worst = max(each, key=lambda run: run["max_ms"])
    result = figure(
        "stall-upload",
        worst["max_ms"],
        max(run["idle_max_ms"] for run in each),
        50,
        "ms",
        f"worst of {runs} runs uploading {n_up:,} files (max per run "
        + ", ".join(f"{run['max_ms']:.1f}" for run in each)
        + "; p99 per run "
        + ", ".join(f"{run['p99_ms']:.1f}" for run in each)
        + f" ms); reference: the worst idle heartbeat; sandbox nice {sandbox_nice}",
    )
    result.update(
        {
            "runs": each,
            "p99_ms_max": max(run["p99_ms"] for run in each),
            "idle_p99_ms_max": max(run["idle_p99_ms"] for run in each),
            "cpu_wait_ms": worst["cpu_wait_ms"],
            "net_of_cpu_wait_ms": worst["net_ms"],
            "sandbox_nice": sandbox_nice,
        }
    )
    return [result]


def _upload_run(drive: Path, state: Path, sandbox_nice: int) -> dict[str, Any]:
    """One upload of `drive` through the wizard's progress page, heartbeat running."""
    from app.m365.graph import GraphClient
    from app.m365.http import VerifiedSession
    from app.settings import Settings
    from app.ui.session import Session
    from benchmarks.bench_upload import Remote

    remote = Remote(state, nice=sandbox_nice)
    try:
        settings = Settings()
        session = Session(settings)
        session.sandbox = SimpleNamespace(
            authority=remote.admin,
            graph_url=remote.graph_url,
            ca_path=Path(remote.ca),
            client_id="bench",
            users=[],
        )
        session.h_drive = drive
        token = remote.token()
        session._token = lambda _force: token
        session._graph = GraphClient(
            remote.graph_url,
            lambda _force: token,
            session_factory=lambda: VerifiedSession(ca_bundle=remote.ca, pool_size=12),
        )
        session.account = SimpleNamespace(username="jane.smith@sandbox.police.uk")
        wizard = make_wizard(session)
        wizard.scan.start_scan()
        Heartbeat().run_until(wizard.scan.isComplete, 600)
        to_move = len(session.build_plan().to_move())
        idle = idle_beat()
        beat = Heartbeat()
        started = time.monotonic()
        wizard.progress.initializePage()
        beat.run_until(lambda: wizard.progress.isComplete() or not wizard.progress.running(), 1800)
        took = time.monotonic() - started
        moved = session.result.moved if session.result is not None else 0
        wizard.shutdown()
        wizard.close()
        session.close()
    finally:
        remote.close()
    return {
        "max_ms": beat.max_gap * 1000,
        "p99_ms": beat.p99_ms(),
        "idle_max_ms": idle.max_gap * 1000,
        "idle_p99_ms": idle.p99_ms(),
        "cpu_wait_ms": beat.max_gap_cpu_wait * 1000,
        "net_ms": beat.max_net * 1000,
        "moved": moved,
        "to_move": to_move,
        "seconds": took,
    }
