"""Benchmark: what the Graph client and sign-in cost, against the sandbox over HTTPS.

Figures, each beside a reference measured in the same run:
- GraphClient.request (retries, typed errors, per-thread session, token callback) against
  the same GET done with a bare VerifiedSession, alternating one request of each: the
  wrapper's overhead. Target: at least 0.85 of the bare session's rate (medians).
- Saving the encrypted token cache (AES-GCM, fsync, atomic replace) against writing the
  same bytes in plain text with the same fsync and replace. Target: under 50 ms a save.
- Silent sign-in at a later launch (new SignIn object: MSAL's authority metadata fetch,
  decrypting the cache, a token from the cache) against one Graph GET. Target: under 1 s.

    .venv/bin/python benchmarks/bench_graph_client.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backend
from keyring.compat import properties

from app.m365.auth import SignIn
from app.m365.config import config_for_sandbox
from app.m365.graph import graph_client
from app.m365.http import VerifiedSession
from app.sandbox.server import Sandbox, SandboxConfig

RESULTS = Path(__file__).resolve().parent / "results" / "graph_client.json"
TARGET_REQUEST_RATIO = 0.85
TARGET_SAVE_MS = 50.0
TARGET_SILENT_S = 1.0


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The benchmark machine has no secret store; keep the key in memory for the run."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("install explicitly")

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def median_seconds(work: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2]


def device_code_sign_in(sandbox: Sandbox, sign_in: SignIn) -> None:
    code = sign_in.start_device_code()
    approver = threading.Thread(
        target=sandbox.approve_device_code, args=(code.user_code, sandbox.users[0].upn)
    )
    approver.start()
    sign_in.complete_device_code(code, timeout_s=30)
    approver.join()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    count, repeats = (100, 3) if args.quick else (400, 5)
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as home:
        os.environ["MIGRATION_ASSISTANT_HOME"] = home
        state = Path(home) / "sandbox"
        with Sandbox(SandboxConfig(state_dir=state, device_interval_s=1)).start() as sandbox:
            config = config_for_sandbox(sandbox)
            sign_in = SignIn(config)
            device_code_sign_in(sandbox, sign_in)
            token = sign_in.access_token()

            bare = VerifiedSession(ca_bundle=config.ca_bundle, user_agent=config.user_agent)
            headers = {"Authorization": f"Bearer {token}"}
            url = f"{config.graph_url}/me"

            def bare_get() -> None:
                bare.get(url, headers=headers).raise_for_status()

            graph = graph_client(config, sign_in.access_token)

            def client_get() -> None:
                graph.request("GET", "me")

            bare_get(), client_get()  # warm both connections
            # Alternate one request of each: the box is shared and its load comes and goes,
            # so both see the same conditions. The median of each is compared.
            bare_times: list[float] = []
            client_times: list[float] = []
            for _ in range(count * repeats):
                for work, times in ((bare_get, bare_times), (client_get, client_times)):
                    start = time.perf_counter()
                    work()
                    times.append(time.perf_counter() - start)
            bare_rate = 1 / sorted(bare_times)[len(bare_times) // 2]
            client_rate = 1 / sorted(client_times)[len(client_times) // 2]

            cache = sign_in.cache
            plain_path = cache.path.with_name("plain-reference.bin")
            plain_bytes = cache.serialize().encode()

            def encrypted_save() -> None:
                cache.has_state_changed = True
                assert cache.save()

            def plain_save() -> None:
                temporary = plain_path.with_suffix(".tmp")
                with open(temporary, "wb") as handle:
                    handle.write(plain_bytes)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(temporary, plain_path)

            save_s = median_seconds(encrypted_save, repeats * 4)
            plain_s = median_seconds(plain_save, repeats * 4)
            plain_path.unlink()

            def later_launch() -> None:
                assert SignIn(config).sign_in_silent() is not None

            silent_s = median_seconds(later_launch, repeats)
            one_get_s = median_seconds(client_get, repeats * 4)
    figures = {
        "graph_request_per_s": round(client_rate, 1),
        "bare_session_request_per_s": round(bare_rate, 1),
        "request_ratio": round(client_rate / bare_rate, 3),
        "cache_save_ms": round(save_s * 1000, 2),
        "plain_save_ms": round(plain_s * 1000, 2),
        "cache_bytes": len(plain_bytes),
        "silent_sign_in_s": round(silent_s, 3),
        "one_graph_get_s": round(one_get_s, 4),
    }
    checks = {
        "request_ratio": figures["request_ratio"] >= TARGET_REQUEST_RATIO,
        "cache_save_ms": figures["cache_save_ms"] <= TARGET_SAVE_MS,
        "silent_sign_in_s": figures["silent_sign_in_s"] <= TARGET_SILENT_S,
    }
    print(
        f"GraphClient GET /me   {client_rate:8.1f}/s   bare session {bare_rate:8.1f}/s   "
        f"ratio {client_rate / bare_rate:.2f} (target >= {TARGET_REQUEST_RATIO})"
    )
    print(
        f"encrypted cache save  {save_s * 1000:8.2f} ms  plain save {plain_s * 1000:8.2f} ms  "
        f"ratio {save_s / plain_s:.2f} ({len(plain_bytes)} bytes; target <= "
        f"{TARGET_SAVE_MS:.0f} ms)"
    )
    print(
        f"silent sign-in        {silent_s * 1000:8.1f} ms  one Graph GET {one_get_s * 1000:.1f} ms"
        f"  ratio {silent_s / one_get_s:.1f} (target <= {TARGET_SILENT_S * 1000:.0f} ms)"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "benchmark": "graph_client",
                "quick": args.quick,
                "count": count,
                "repeats": repeats,
                "python": sys.version.split()[0],
                "machine": platform.machine(),
                "figures": figures,
                "targets": {
                    "request_ratio": TARGET_REQUEST_RATIO,
                    "cache_save_ms": TARGET_SAVE_MS,
                    "silent_sign_in_s": TARGET_SILENT_S,
                },
                "passed": checks,
            },
            indent=2,
        )
        + "\n"
    )
    missed = [name for name, ok in checks.items() if not ok]
    if missed:
        print("MISSED:", ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
