"""The steps behind `migrate`: connect (sandbox or Microsoft 365), prepare the run, print.

Kept apart from the command module so that `migrate.py` reads as the journey it runs.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import requests

from app import paths
from app.core.errors import BadInputError
from app.core.journal import Journal
from app.m365.concurrency import AdaptiveLimit
from app.m365.config import M365Config
from app.m365.graph import GraphClient
from app.m365.http import VerifiedSession
from app.m365.upload import UploadProgress
from app.m365.upload_http import paced
from app.settings import Settings


@dataclass
class Connection:
    graph: GraphClient
    session_factory: Callable[[], requests.Session]
    username: str
    closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        for close in reversed(self.closers):
            close()


def connect(
    args: argparse.Namespace, settings: Settings, limiter: AdaptiveLimit, stop: threading.Event
) -> Connection:
    from app.m365.config import config_for_sandbox, config_from_settings

    closers: list[Callable[[], None]] = []
    token: Callable[[bool], str]
    if getattr(args, "sandbox_attach", None):
        config, username, token = _attach(Path(args.sandbox_attach), args, settings)
    elif getattr(args, "sandbox", False):
        from app.sandbox.server import Sandbox, SandboxConfig

        state = args.sandbox_state or paths.user_data_dir() / "sandbox"
        sb = Sandbox(SandboxConfig(state_dir=Path(state), faults=args.sandbox_faults)).start()
        closers.append(sb.stop)
        config = config_for_sandbox(sb, settings)
        username = args.sandbox_user or sb.users[0].upn
        scopes = list(config.scopes)

        # SANDBOX ONLY: the sandbox issues tokens to itself for automation. Microsoft 365
        # has no such door; there the saved sign-in or a device code is used.
        def token(_force: bool) -> str:
            return sb.issue_token(username, scopes)

    else:
        from app.m365.auth import SignIn

        config = config_from_settings(settings)
        sign_in = SignIn(config)
        account = sign_in.sign_in_silent()
        if account is None:
            code = sign_in.start_device_code()
            print(code.message or f"Go to {code.verification_uri}, code {code.user_code}")
            account = sign_in.complete_device_code(code, stop)
        username = account.username
        token = sign_in.access_token
    pool = max(4, settings.upload.concurrency_max)

    def session_factory() -> requests.Session:
        return VerifiedSession(
            ca_bundle=config.ca_bundle, user_agent=config.user_agent, pool_size=pool
        )

    graph = GraphClient(
        config.graph_url,
        token,
        session_factory=paced(session_factory, limiter, stop),
        on_throttle=limiter.throttled,
        stop=stop,
    )
    closers.append(graph.close)
    return Connection(graph, session_factory, username, closers)


@dataclass(frozen=True)
class _Endpoints:
    authority: str
    graph_url: str
    ca_path: Path
    client_id: str


def _attach(
    state_dir: Path, args: argparse.Namespace, settings: Settings
) -> tuple[M365Config, str, Callable[[bool], str]]:
    """SANDBOX ONLY: use a sandbox already running from `state_dir` (another process).

    Its admin file (owner-only) gives the address, the CA and a key with which the
    sandbox issues tokens for automation; tests and benchmarks use it to watch OneDrive
    from outside a `migrate` process they may kill.
    """
    from app.m365.config import config_for_sandbox
    from app.sandbox.admin import KEY_HEADER
    from app.sandbox.server import read_admin_file
    from app.sandbox.users import DEFAULT_CLIENT_ID, default_users

    admin = read_admin_file(state_dir)
    base = admin["url"].removesuffix("/_admin")
    ca_path = Path(admin["ca_path"])
    endpoints = _Endpoints(f"{base}/sandbox-tenant", f"{base}/v1.0", ca_path, DEFAULT_CLIENT_ID)
    config = config_for_sandbox(endpoints, settings)
    username: str = args.sandbox_user or default_users()[0].upn
    scopes = list(config.scopes)
    admin_session = VerifiedSession(ca_bundle=ca_path)

    def token(_force: bool) -> str:
        answer = admin_session.post(
            f"{admin['url']}/token",
            json={"upn": username, "scopes": scopes},
            headers={KEY_HEADER: admin["key"]},
        )
        answer.raise_for_status()
        value: str = answer.json()["access_token"]
        return value

    return config, username, token


def prepare_run(
    args: argparse.Namespace,
    settings: Settings,
    journal: Journal,
    connection: Connection,
    printer: Printer,
) -> tuple[int, str]:
    """The run to work on: the unfinished one (--resume) or a new one from a fresh scan."""
    from app.commands.migrate import settings_digest
    from app.m365.url_sealer import keyring_sealer

    journal.use_sealer(keyring_sealer())  # upload URLs are credentials: stored sealed only

    unfinished = journal.unfinished_run()
    if args.resume and unfinished is None:
        latest = journal.latest_run()
        if latest is not None and latest.counts.get("failed", 0):
            from app.core.resume import check_account

            check_account(latest, connection.username)  # before the journal is changed
            # "Try again": the files that needed attention get another go.
            retried = journal.reopen_run(latest.id)
            plural = "s" if retried != 1 else ""
            printer.line(f"Trying again the {retried} file{plural} that needed attention.")
            unfinished = journal.unfinished_run()
    if args.resume:
        if unfinished is None:
            raise BadInputError(
                "Nothing to resume",
                "There is no unfinished migration in the journal.",
                "Start one with --source PATH --accept-guidance.",
            )
        from app.core.resume import check_account, resume_source

        check_account(unfinished, connection.username)
        # The run's own folder (a --source given must be that folder).
        source = resume_source(unfinished, args.source or None)
        check_drive_owner(args, settings, connection.username, source, printer)
        if settings.policy.retention_labels:  # a run an older version started has none
            from app.core.policy import policy_from_settings
            from app.core.resume import restore_wanted_labels

            policy = policy_from_settings(str(args.policy or settings.policy.file))
            restore_wanted_labels(journal, unfinished, policy)
        printer.line(
            f"Resuming the migration of {unfinished.source_root} ({unfinished.to_do} files to go)."
        )
        return unfinished.id, str(source)
    if unfinished is not None:
        raise BadInputError(
            "A migration is unfinished",
            f"The migration of {unfinished.source_root} started earlier has not finished.",
            "Add --resume to continue it (nothing already moved is sent again).",
        )
    from app.core.classify import classify
    from app.core.hdrive import find_h_drive
    from app.core.onedrive_rules import check_inventory
    from app.core.plan import Choices, build_plan
    from app.core.policy import load_policy, policy_from_settings
    from app.core.scan import scan

    root = find_h_drive(args.source)
    check_drive_owner(args, settings, connection.username, root, printer)
    policy = load_policy(args.policy) if args.policy else policy_from_settings(settings.policy.file)
    printer.line(f"Scanning {root} ...")
    inventory = scan(root)
    destination = settings.onedrive.destination_folder
    rules = check_inventory(
        inventory, destination_folder=destination, user_principal_name=connection.username
    )
    printer.line(f"Found {len(inventory.files)} files. Applying the retention policy ...")
    if inventory.problems:  # not in the plan, so not in the receipt: said here, not lost
        printer.line(
            f"Not included (left on the H: drive): {len(inventory.problems)} item(s) "
            "the scan could not read or does not follow:"
        )
        for problem in inventory.problems[:50]:
            detail = f" ({problem.detail})" if problem.detail else ""
            printer.line(f"  {problem.rel_path}: {problem.kind.value.replace('_', ' ')}{detail}")
    report = classify(inventory, policy, rules=rules)
    plan = build_plan(report, rules, Choices.accept_guidance(), destination_folder=destination)
    run_id = journal.start_run(
        plan, account=connection.username, settings_digest=settings_digest(settings)
    )
    printer.line(
        f"Moving {len(plan.to_move())} files ({plan.bytes_to_move / 1e6:.1f} MB) "
        f"to OneDrive/{plan.destination_folder}."
    )
    return run_id, str(root)


def practice_mode(args: argparse.Namespace) -> bool:
    """Sandbox mode (in-process or attached): practice runs keep their own journal."""
    return bool(getattr(args, "sandbox", False) or getattr(args, "sandbox_attach", None))


def check_drive_owner(
    args: argparse.Namespace, settings: Settings, username: str, root: Path, printer: Printer
) -> None:
    """The owner check (app.m365.owner), as `migrate --help` describes: a mismatch is
    refused when the organisation says "refuse"; otherwise it needs --confirm-owner, except
    in practice mode, where it is only printed (nothing leaves this computer)."""
    from app.m365.auth import Account
    from app.m365.owner import check_owner

    owner = check_owner(Account(username=username, name="", oid="", tenant_id=""), root)
    if owner.matches:
        return
    whose = (
        f"seems to belong to {owner.expected}"
        if owner.expected
        else "has an owner the assistant could not check"
    )
    text = f"The H: drive {root} {whose}, but you are signed in as {username}."
    if settings.identity.owner_mismatch == "refuse":
        raise BadInputError(
            "Not your H: drive",
            text,
            "Your organisation does not allow moving someone else's H: drive. Sign in with "
            "the right account, or ask the service desk.",
        )
    if practice_mode(args):
        printer.line(f"Practice mode: {text} Going on (nothing leaves this computer).")
        return
    if not getattr(args, "confirm_owner", False):
        raise BadInputError(
            "Is this H: drive yours?",
            text,
            "If it is yours to move to this account's OneDrive, run the same command "
            "again with --confirm-owner.",
        )
    printer.line(f"Warning: {text} Going on because --confirm-owner was given.")


class Printer:
    """A progress line a few times a second on a terminal; milestones otherwise."""

    def __init__(self, out: TextIO = sys.stdout, interval_s: float = 0.25) -> None:
        self.out = out
        self.tty = bool(getattr(out, "isatty", lambda: False)())
        self.interval = interval_s if self.tty else 10.0
        self._last = 0.0
        self._last_tenth = -1
        self._lock = threading.Lock()
        self._dirty = False

    def line(self, text: str) -> None:
        with self._lock:
            if self._dirty:
                self.out.write("\n")
                self._dirty = False
            self.out.write(text + "\n")
            self.out.flush()

    def upload(self, p: UploadProgress) -> None:
        now = time.monotonic()
        tenth = int(10 * p.bytes_done / p.bytes_total) if p.bytes_total else 10
        with self._lock:
            milestone = not self.tty and tenth != self._last_tenth
            if not milestone and now - self._last < self.interval:
                return
            self._last, self._last_tenth = now, tenth
            eta = f", about {_duration(p.eta_s)} left" if p.eta_s else ""
            text = (
                f"{p.files_done}/{p.files_total} files, "
                f"{p.bytes_done / 1e6:.1f}/{p.bytes_total / 1e6:.1f} MB, "
                f"{p.rate_bps * 8 / 1e6:.1f} Mbit/s{eta}"
            )
            if p.failed:
                text += f", {p.failed} need attention"
            if self.tty:
                self.out.write("\r" + text.ljust(79))
                self._dirty = True
            else:
                self.out.write(text + "\n")
            self.out.flush()

    def done(self) -> None:
        with self._lock:
            if self._dirty:
                self.out.write("\n")
                self._dirty = False
            self.out.flush()


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{int(seconds)} s"
    if seconds < 5400:
        return f"{int(seconds // 60)} min"
    return f"{seconds / 3600:.1f} h"


__all__ = [
    "Connection",
    "Printer",
    "check_drive_owner",
    "connect",
    "practice_mode",
    "prepare_run",
]
