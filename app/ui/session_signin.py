"""The wizard session's Microsoft 365 side: sign-in, tokens, Graph clients, the account's
OneDrive, the owner check and resuming a run (checked against the run's account and
folder). A mixin of `app.ui.session.Session`, which holds the state it reads and sets;
nothing here is Qt, and every call that reaches the network runs on a worker.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import UserFacingError
from app.settings import Settings


@dataclass
class DriveInfo:
    total: int | None
    remaining: int | None
    web_url: str


class SignInMixin:
    """Session's sign-in and Graph methods (the fields are Session's)."""

    settings: Settings
    sandbox: Any
    sign_in: Any
    account: Any
    owner: Any
    drive: DriveInfo | None
    h_drive: Path | None
    h_drive_chosen: bool
    h_drive_problem: UserFacingError | None
    run_id: int | None
    resuming: bool
    window_handle: int | None
    _graph: Any
    _token: Callable[[bool], str] | None
    # Session's own methods, used here.
    m365_config: Callable[[], Any]
    journal: Callable[[], Any]
    _run_source: Callable[[Any], Path]

    def make_sign_in(self) -> Any:
        from app.m365.auth import SignIn

        if self.sign_in is None:
            self.sign_in = SignIn(self.m365_config())
        return self.sign_in

    def session_factory(self) -> Callable[[], Any]:
        from app.m365.http import VerifiedSession

        config = self.m365_config()
        pool = max(10, self.settings.upload.concurrency_max + 2)

        def factory() -> Any:
            return VerifiedSession(
                ca_bundle=config.ca_bundle, user_agent=config.user_agent, pool_size=pool
            )

        return factory

    def token_provider(self) -> Callable[[bool], str]:
        if self._token is not None:
            return self._token
        token: Callable[[bool], str] = self.make_sign_in().access_token
        return token

    def graph(self) -> Any:
        """The Graph client for calls outside an upload run (drive, folder address)."""
        if self._graph is None:
            from app.m365.graph import GraphClient

            self._graph = GraphClient(
                self.m365_config().graph_url,
                self.token_provider(),
                session_factory=self.session_factory(),
            )
        return self._graph

    def run_graph(self, limiter: Any, stop: threading.Event) -> Any:
        """The Graph client for one upload run, as the engine expects it: every request
        waits its turn in the run's request budget (`paced`), and a 429/503 on a Graph
        call slows the engine's workers too (`on_throttle`), as in the migrate command."""
        from app.m365.graph import GraphClient
        from app.m365.upload_http import paced

        return GraphClient(
            self.m365_config().graph_url,
            self.token_provider(),
            session_factory=paced(self.session_factory(), limiter, stop),
            on_throttle=limiter.throttled,
            stop=stop,
        )

    def sign_in_interactive(
        self, stop: threading.Event, show_url: Callable[[str], None] | None = None
    ) -> Any:
        """show_url: called with the sign-in address when no browser could be opened."""
        sign_in = self.make_sign_in()
        # Read on the worker at call time: the window exists by then (see the wizard).
        sign_in.parent_window_handle = self.window_handle
        return sign_in.sign_in_interactive(stop, 300, show_url=show_url)

    def start_device_code(self) -> Any:
        return self.make_sign_in().start_device_code()

    def complete_device_code(self, flow: Any, stop: threading.Event) -> Any:
        return self.make_sign_in().complete_device_code(flow, stop)

    def sign_in_training(self, upn: str, stop: threading.Event) -> Any:
        """Sandbox only: sign in as a training officer. Uses the sign-in-with-a-code flow,
        with the sandbox approving the code for that officer (what a person would do on
        their phone), so no browser is needed."""
        assert self.sandbox is not None, "training sign-in exists only in sandbox mode"
        sign_in = self.make_sign_in()
        code = sign_in.start_device_code()
        if not self.sandbox.approve_device_code(code.user_code, upn):
            from app.m365.errors import AuthError

            raise AuthError(
                "Training sign-in failed",
                f"The practice sandbox does not know the training account {upn}.",
                "Choose another training account.",
            )
        return sign_in.complete_device_code(code, stop, timeout_s=60)

    def after_sign_in(self, account: Any) -> DriveInfo:
        """Runs on a worker: the account's OneDrive and the owner check."""
        from app.m365.owner import check_owner

        owner_folder = self.h_drive
        if self.resuming:
            owner_folder = self._check_resumable(account)
        self.account = account
        drive = self.graph().drive()
        quota = drive.get("quota") or {}
        self.drive = DriveInfo(
            total=quota.get("total"),
            remaining=quota.get("remaining"),
            web_url=drive.get("webUrl", ""),
        )
        if owner_folder is not None:
            self.owner = check_owner(account, owner_folder, dict(os.environ))
        return self.drive

    def check_owner_again(self) -> Any:
        """The folder changed after sign-in ("Choose folder"): check its owner again."""
        from app.m365.owner import check_owner

        if self.account is not None and self.h_drive is not None:
            self.owner = check_owner(self.account, self.h_drive, dict(os.environ))
        return self.owner

    def _check_resumable(self, account: Any) -> Path:
        """The unfinished run may be continued by `account`, from its own folder (the same
        rule as `migrate --resume`); returns that folder. Raises a UserFacingError."""
        from app.core.resume import check_account, resume_source

        run = self.journal().unfinished_run()
        if run is None:
            raise UserFacingError(
                "Nothing to continue",
                "There is no unfinished migration any more.",
                "Go back to the start to begin a new one.",
            )
        check_account(run, account.username)
        return resume_source(run, self.h_drive if self.h_drive_chosen else None)

    def resume_run(self) -> int:
        """On the progress worker: continue the unfinished run, checked again (the sign-in
        may be old by now), reading from the run's own folder."""
        assert self.account is not None
        self.h_drive = self._check_resumable(self.account)
        run = self.journal().unfinished_run()
        assert run is not None
        if self.settings.policy.retention_labels:  # a run an older version started has none
            from app.core.policy import policy_from_settings
            from app.core.resume import restore_wanted_labels

            policy = policy_from_settings(self.settings.policy.file)
            restore_wanted_labels(self.journal(), run, policy)
        self.run_id = run.id
        return self.run_id
