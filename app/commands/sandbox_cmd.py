"""The `sandbox` command: run the local Microsoft 365 stand-in for training and tests.

    migration-assistant sandbox serve [--port N] [--faults SPEC] [--latency MS]
        [--bandwidth MBIT] [--limits [--limit-requests N] [--limit-window S]
        [--limit-ingress-gb GB]] [--state DIR] [--token-lifetime S] [--session-idle S]
        [--seed N]

Prints the authority URL, Graph URL, CA path, client id, tenant, users and the admin
file, then serves until Ctrl+C. State (files, sessions, CA) is kept in --state (default:
the user data folder's `sandbox`), so a restart carries on where it stopped.
"""

from __future__ import annotations

import argparse
import signal
import threading
from pathlib import Path
from types import FrameType

from app.settings import Settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sandbox", help="run the local Microsoft 365 sandbox (training, demos, tests)"
    )
    actions = parser.add_subparsers(dest="sandbox_action", metavar="ACTION", required=True)
    serve = actions.add_parser("serve", help="serve the sandbox until Ctrl+C")
    serve.add_argument(
        "--port",
        type=int,
        default=0,
        help="port (default: the one this state folder used last, else a free one)",
    )
    serve.add_argument(
        "--faults",
        default="",
        metavar="SPEC",
        help="fault injection, e.g. rate=0.05,kinds=429|503|reset",
    )
    serve.add_argument(
        "--latency", type=float, default=0.0, metavar="MS", help="added latency per request"
    )
    serve.add_argument(
        "--bandwidth",
        type=float,
        default=0.0,
        metavar="MBIT",
        help="upload bandwidth cap in Mbit/s (0: none)",
    )
    serve.add_argument(
        "--limits", action="store_true", help="Microsoft-like per-user request and ingress limits"
    )
    serve.add_argument(
        "--limit-requests",
        type=int,
        default=3000,
        metavar="N",
        help="with --limits: requests per user per window (Microsoft: 3,000 per 5 minutes)",
    )
    serve.add_argument(
        "--limit-window", type=float, default=300.0, metavar="S", help="with --limits: window"
    )
    serve.add_argument(
        "--limit-ingress-gb",
        type=float,
        default=50.0,
        metavar="GB",
        help="with --limits: upload volume per user per hour (Microsoft: 50 GB)",
    )
    serve.add_argument(
        "--state",
        type=Path,
        metavar="DIR",
        help="state folder (default: 'sandbox' in the user data folder)",
    )
    serve.add_argument(
        "--token-lifetime",
        type=int,
        default=3600,
        metavar="S",
        help="access token lifetime in seconds",
    )
    serve.add_argument(
        "--session-idle",
        type=float,
        default=900.0,
        metavar="S",
        help="upload sessions expire after this idle time",
    )
    serve.add_argument("--seed", type=int, default=0, help="seed for fault injection")
    serve.set_defaults(func=run)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app import paths
    from app.core.errors import BadInputError
    from app.sandbox.faults import parse_spec
    from app.sandbox.limits import LimitConfig
    from app.sandbox.server import Sandbox, SandboxConfig

    parse_spec(args.faults)  # a bad spec is the user's to fix: exit code 2, said plainly
    state = args.state or paths.user_data_dir() / "sandbox"
    config = SandboxConfig(
        state_dir=Path(state),
        port=args.port,
        faults=args.faults,
        latency_ms=args.latency,
        bandwidth_mbit=args.bandwidth,
        limits=args.limits,
        limit_config=LimitConfig(
            requests_per_window=args.limit_requests,
            window_s=args.limit_window,
            ingress_bytes_per_hour=int(args.limit_ingress_gb * 1000**3),
        ),
        token_lifetime_s=args.token_lifetime,
        session_idle_s=args.session_idle,
        seed=args.seed,
    )
    try:
        sandbox = Sandbox(config).start()
    except OSError as error:
        raise BadInputError(
            "The sandbox could not start",
            f"Port {args.port} cannot be used: {error.strerror or error}.",
            "Choose another port with --port, or leave it out to use a free one.",
            detail=repr(error),
        ) from error
    if threading.current_thread() is threading.main_thread():
        # A test or a service manager stops us with SIGTERM: stop as cleanly as on Ctrl+C.
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        print(f"Sandbox running (state: {config.state_dir})")
        print(f"  authority:  {sandbox.authority}")
        print(f"  graph:      {sandbox.graph_url}")
        print(f"  CA:         {sandbox.ca_path}")
        print(f"  sign-in pages (for a browser): {sandbox.page_url}")
        print(f"  client id:  {sandbox.client_id}")
        print(f"  tenant:     {sandbox.tenant}")
        print(f"  admin file: {config.state_dir / 'admin.json'}")
        if config.limits:
            lc = config.limit_config
            print(
                f"  limits:     {lc.requests_per_window} requests per {lc.window_s:g} s, "
                f"{lc.ingress_bytes_per_hour / 1000**3:g} GB per hour, per user"
            )
        if config.faults:
            print(f"  faults:     {config.faults} (seed {config.seed})")
        print("  users:")
        for user in sandbox.users:
            print(f"    {user.upn}  ({user.name})")
        print("Press Ctrl+C to stop.", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        print("Stopping the sandbox.")
    finally:
        sandbox.stop()
    return 0
