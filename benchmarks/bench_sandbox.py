"""Benchmark: the sandbox must never be the bottleneck of the cloud-side benchmarks.

Measured against a bare HTTPS server (same TLS set-up, same threaded server class, appends
each body to a file, answers a small JSON) run the same way in the same run: each is its
own process, driven by 8 keep-alive client threads.

  small files: createUploadSession + one fragment per file (what the engine does for
               every non-empty file), 5,000 files of 1-64 KiB. Target: the sandbox
               sustains >= 0.35x the bare server's rate of request pairs.
  large file:  one upload session with 10 MiB fragments, 2 GiB. Target >= 0.5x bare.
  bandwidth:   the same large upload with --bandwidth 200 (Mbit/s). Target: the rate
               reached is within 0.90-1.05x of the cap.
  latency:     GET /me with --latency 20 against without. Target: 0.95-1.25x of 20 ms
               added.

    python benchmarks/bench_sandbox.py [--quick]    (quick: 1,000 files, 256 MiB)
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.server
import json
import os
import random
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FRAGMENT = 10 * 1024 * 1024
THREADS = 8
TARGET_SMALL = 0.35
TARGET_LARGE = 0.5
TARGET_CAP = (0.90, 1.05)
LATENCY_MS = 20.0
TARGET_LATENCY = (0.95, 1.25)  # the added time, over the asked latency


# -- the reference: a bare HTTPS server ------------------------------------------------


class _Bare(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self) -> None:
        left = int(self.headers.get("Content-Length") or 0)
        # Every byte kept on disk, as the sandbox keeps them, so that the reference
        # includes the disk writes any real store must do.
        with open(self.server.sink, "ab") as sink:  # type: ignore[attr-defined]
            while left:
                chunk = self.rfile.read(min(left, 1 << 20))
                if not chunk:
                    return
                sink.write(chunk)
                left -= len(chunk)
        body = json.dumps(
            {
                "uploadUrl": f"https://127.0.0.1:{self.server.server_address[1]}/upload/x?token=y",
                "id": "x",
                "nextExpectedRanges": ["0-"],
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer


def serve_bare(state_dir: Path) -> None:
    """Run the reference server (in its own process) with the sandbox's certificates."""
    from app.sandbox.certs import ensure_certificates
    from app.sandbox.handler import SandboxHTTPServer

    certs = ensure_certificates(state_dir)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certs.server_cert, certs.server_key)

    class Server(SandboxHTTPServer):
        def __init__(self) -> None:
            self.sandbox = None  # type: ignore[assignment]
            self.context = context
            self.connections = set()
            self.connections_lock = threading.Lock()
            self.sink = state_dir / "sink.bin"
            http.server.ThreadingHTTPServer.__init__(self, ("127.0.0.1", 0), _Bare)

    server = Server()
    (state_dir / "port").write_text(str(server.server_address[1]))
    print("ready", flush=True)
    server.serve_forever()


# -- clients ----------------------------------------------------------------------------


class Target:
    def __init__(
        self, kind: str, state_dir: Path, bandwidth: float = 0.0, latency: float = 0.0
    ) -> None:
        self.kind = kind
        self.state_dir = state_dir
        if kind == "bare":
            cmd = [sys.executable, __file__, "--bare-server", str(state_dir)]
        else:
            cmd = [
                sys.executable,
                "-m",
                "app",
                "sandbox",
                "serve",
                "--state",
                str(state_dir),
                "--bandwidth",
                str(bandwidth),
                "--session-idle",
                "3600",
                "--latency",
                str(latency),
            ]
        self.proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith(("ready", "Press Ctrl+C")):
                break
        port = (state_dir / "port").read_text().strip()
        self.base = f"https://127.0.0.1:{port}"
        self.ca = str(state_dir / "ca.pem")
        self.token = ""
        if kind == "sandbox":
            admin = json.loads((state_dir / "admin.json").read_text())
            answer = requests.post(
                admin["url"] + "/token",
                json={"upn": "jane.smith@sandbox.police.uk"},
                headers={"X-Sandbox-Admin-Key": admin["key"]},
                verify=self.ca,
                timeout=30,
            )
            self.token = answer.json()["access_token"]
        self._local = threading.local()

    def session(self) -> requests.Session:
        http_session = getattr(self._local, "http", None)
        if http_session is None:
            http_session = self._local.http = requests.Session()
        return http_session

    def upload(self, path: str, data: bytes, fragment: int = FRAGMENT, total: int = 0) -> None:
        """Upload `total` bytes (default len(data)); past its end `data` repeats."""
        http_session = self.session()
        answer = http_session.post(
            f"{self.base}/v1.0/me/drive/root:/{path}:/createUploadSession",
            json={"item": {"@microsoft.graph.conflictBehavior": "replace"}},
            headers={"Authorization": f"Bearer {self.token}"},
            verify=self.ca,
            timeout=60,
        )
        assert answer.status_code == 200, answer.text
        url = answer.json()["uploadUrl"]
        total = total or len(data)
        start = 0
        while start < total:
            offset = start % len(data)
            piece = data[offset : offset + min(fragment, total - start)]
            end = start + len(piece) - 1
            answer = http_session.put(
                url,
                data=piece,
                verify=self.ca,
                timeout=600,
                headers={"Content-Range": f"bytes {start}-{end}/{total}"},
            )
            assert answer.status_code in (200, 201, 202), answer.text
            start = end + 1

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def request_ms(target: Target, n: int = 60) -> float:
    """Median time of a small authenticated request (GET /me) on a warm connection."""
    http_session = target.session()
    headers = {"Authorization": f"Bearer {target.token}"}
    url = f"{target.base}/v1.0/me"
    http_session.get(url, headers=headers, verify=target.ca, timeout=30)
    times = []
    for _ in range(n):
        start = time.perf_counter()
        http_session.get(url, headers=headers, verify=target.ca, timeout=30)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def small_files(target: Target, files: list[bytes]) -> float:
    def one(i: int) -> None:
        target.upload(f"H drive/f{i // 100:03}/file{i:05}.bin", files[i])

    target.upload("H drive/warm.bin", b"warm")
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(one, range(len(files))))
    return len(files) / (time.perf_counter() - start)


def large_file(target: Target, data: bytes, total: int) -> float:
    start = time.perf_counter()
    target.upload("H drive/large.bin", data, total=total)
    return total / (time.perf_counter() - start) / 1e6


def measure(
    kind: str,
    files: list[bytes],
    data: bytes,
    total: int,
    bandwidth: float = 0.0,
    latency: float = 0.0,
) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        target = Target(kind, Path(folder), bandwidth, latency)
        try:
            if latency:
                return {"request_ms": request_ms(target)}
            if bandwidth:
                return {"large_mb_s": large_file(target, data, total)}
            figures = {} if kind == "bare" else {"request_ms": request_ms(target)}
            figures["files_per_s"] = small_files(target, files)
            figures["large_mb_s"] = large_file(target, data, total)
            return figures
        finally:
            target.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--bare-server", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_server:
        serve_bare(args.bare_server)
        return 0
    n_files = 1000 if args.quick else 5000
    large = (256 if args.quick else 2048) * 1024 * 1024
    capped = (64 if args.quick else 256) * 1024 * 1024
    rng = random.Random(1)
    files = [rng.randbytes(rng.randint(1024, 64 * 1024)) for _ in range(n_files)]
    data = rng.randbytes(2 * FRAGMENT)  # repeated to any size: the values do not matter

    bare = measure("bare", files, data, large)
    sandbox = measure("sandbox", files, data, large)
    cap = measure("sandbox", [], data, capped, bandwidth=200.0)
    slow = measure("sandbox", [], data, 0, latency=LATENCY_MS)
    added_ms = slow["request_ms"] - sandbox["request_ms"]
    latency_ratio = added_ms / LATENCY_MS
    cap_rate = cap["large_mb_s"] * 8  # Mbit/s
    small_ratio = sandbox["files_per_s"] / bare["files_per_s"]
    large_ratio = sandbox["large_mb_s"] / bare["large_mb_s"]
    cap_ratio = cap_rate / 200.0
    print(f"small files ({n_files:,}, session + fragment each, {THREADS} threads)")
    print(f"  bare HTTPS (reference): {bare['files_per_s']:8.0f} files/s")
    print(
        f"  sandbox:                {sandbox['files_per_s']:8.0f} files/s  "
        f"ratio {small_ratio:.2f}x  target >= {TARGET_SMALL}x"
    )
    print(f"large file ({large // 2**20} MiB, 10 MiB fragments)")
    print(f"  bare HTTPS (reference): {bare['large_mb_s']:8.1f} MB/s")
    print(
        f"  sandbox:                {sandbox['large_mb_s']:8.1f} MB/s  "
        f"ratio {large_ratio:.2f}x  target >= {TARGET_LARGE}x"
    )
    print(f"bandwidth cap 200 Mbit/s ({capped // 2**20} MiB)")
    print(
        f"  reached:                {cap_rate:8.1f} Mbit/s  ratio {cap_ratio:.3f}x the cap  "
        f"target {TARGET_CAP[0]}-{TARGET_CAP[1]}x"
    )
    print(f"added latency {LATENCY_MS:g} ms (GET /me on a warm connection)")
    print(
        f"  without: {sandbox['request_ms']:6.2f} ms   with: {slow['request_ms']:6.2f} ms   "
        f"added {added_ms:6.2f} ms  ratio {latency_ratio:.2f}x  "
        f"target {TARGET_LATENCY[0]}-{TARGET_LATENCY[1]}x"
    )
    ok = (
        TARGET_LATENCY[0] <= latency_ratio <= TARGET_LATENCY[1]
        and small_ratio >= TARGET_SMALL
        and large_ratio >= TARGET_LARGE
        and TARGET_CAP[0] <= cap_ratio <= TARGET_CAP[1]
    )
    results = {
        "quick": args.quick,
        "files": n_files,
        "threads": THREADS,
        "bare": bare,
        "sandbox": sandbox,
        "small_ratio": small_ratio,
        "large_ratio": large_ratio,
        "large_bytes": large,
        "cap_mbit": 200.0,
        "cap_reached_mbit": cap_rate,
        "cap_ratio": cap_ratio,
        "latency_ms": LATENCY_MS,
        "request_ms_with_latency": slow["request_ms"],
        "latency_ratio": latency_ratio,
        "targets": {
            "small": TARGET_SMALL,
            "large": TARGET_LARGE,
            "cap": list(TARGET_CAP),
            "latency": list(TARGET_LATENCY),
        },
        "met": ok,
        "python": sys.version.split()[0],
    }
    out = ROOT / "benchmarks" / "results" / "sandbox.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print("targets met" if ok else "TARGET MISSED", f"(results in {out})")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
