"""Shared set-up for the upload engine tests: a sandbox, a signed-in Graph client, a run.

Test modules import the fixtures by their function names (`module_sandbox_fixture`,
`rig_fixture`) and use them as `module_sandbox` / `rig`.

`Rig` writes files under `source`, builds the plan and the journal run from them
(guidance: move everything) and runs the engine against the real sandbox over HTTPS.
"""

from __future__ import annotations

import datetime
import random
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from app.core.guidance import Action, Guidance, GuidanceReport
from app.core.inventory import FileEntry, Inventory
from app.core.journal import Journal
from app.core.plan import Choices, build_plan
from app.m365.concurrency import AdaptiveLimit
from app.m365.graph import GraphClient, RetryPolicy
from app.m365.http import VerifiedSession
from app.m365.upload import RunResult, UploadEngine, UploadProgress
from app.m365.upload_http import paced
from app.sandbox.server import Sandbox, SandboxConfig
from app.settings import Upload

UPN = "jane.smith@sandbox.police.uk"


def write_files(root: Path, spec: dict[str, bytes | int], seed: int = 7) -> dict[str, bytes]:
    """Create files: bytes as given, or that many seeded random bytes."""
    rng = random.Random(seed)
    out = {}
    for rel, content in spec.items():
        data = content if isinstance(content, bytes) else rng.randbytes(content)
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        out[rel] = data
    return out


def inventory_of(root: Path) -> Inventory:
    files = []
    for path in sorted(root.rglob("*")):
        if path.is_file():
            st = path.stat()
            rel = path.relative_to(root).as_posix()
            files.append(FileEntry(rel, st.st_size, st.st_mtime, st.st_mtime))
    return Inventory(str(root), files)


@dataclass
class Rig:
    sb: Sandbox
    source: Path
    journal: Journal
    upload: Upload = field(default_factory=lambda: Upload(concurrency_start=2, concurrency_max=4))
    run_id: int = 0
    graphs: list[GraphClient] = field(default_factory=list)

    def session(self) -> requests.Session:
        return VerifiedSession(ca_bundle=self.sb.ca_path, user_agent="NONISV|Test|MA/0")

    def graph(self, limiter: AdaptiveLimit | None, stop: threading.Event | None) -> GraphClient:
        token = self.sb.issue_token(UPN)
        client = GraphClient(
            self.sb.graph_url,
            lambda _force: token,
            session_factory=paced(self.session, limiter, stop or threading.Event())
            if limiter
            else self.session,
            on_throttle=limiter.throttled if limiter else None,
            retry=RetryPolicy(backoff_base_s=0.05, backoff_max_s=0.5),
            stop=stop,
            seed=1,
        )
        self.graphs.append(client)
        return client

    def start(self, destination: str = "H drive") -> int:
        inventory = inventory_of(self.source)
        report = GuidanceReport(inventory, [Guidance(Action.MOVE) for _ in inventory.files])
        plan = build_plan(report, None, Choices(), destination_folder=destination)
        self.run_id = self.journal.start_run(plan, account=UPN, settings_digest="test")
        return self.run_id

    def engine(
        self,
        *,
        progress: Callable[[UploadProgress], None] | None = None,
        stop: threading.Event | None = None,
        pause: threading.Event | None = None,
        **kwargs: Any,
    ) -> UploadEngine:
        if not self.run_id:
            self.start()
        limiter = AdaptiveLimit(self.upload.concurrency_start, self.upload.concurrency_max)
        kwargs.setdefault("retry_later_delays", (0.05, 0.1))
        return UploadEngine(
            self.graph(limiter, stop),
            self.journal,
            str(self.source),
            run_id=self.run_id,
            settings=self.upload,
            session_factory=self.session,
            progress=progress,
            stop=stop,
            pause=pause,
            limiter=limiter,
            **kwargs,
        )

    def run(self, **kwargs: Any) -> RunResult:
        return self.engine(**kwargs).run()

    @staticmethod
    def iso(ts: float) -> str:
        moment = datetime.datetime.fromtimestamp(int(ts), tz=datetime.UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture(scope="module", name="module_sandbox")
def module_sandbox_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(state_dir=tmp_path_factory.mktemp("sandbox"))).start() as sb:
        yield sb


@pytest.fixture(name="rig")
def rig_fixture(module_sandbox: Sandbox, tmp_path: Path) -> Iterator[Rig]:
    sb = module_sandbox
    sb.faults.clear()
    _wipe(sb)
    sb.reset_log()
    source = tmp_path / "h"
    source.mkdir()
    with Journal(tmp_path / "journal.sqlite3") as journal:
        rig = Rig(sb, source, journal)
        yield rig
        for client in rig.graphs:
            client.close()
    sb.faults.clear()


def _wipe(sb: Sandbox) -> None:
    """A clean drive for each test (sharing one sandbox per module keeps tests fast)."""
    sb.state.expire_sessions()
    token = sb.issue_token(UPN)
    session = VerifiedSession(ca_bundle=sb.ca_path)
    try:
        for entry in sb.state.tree(UPN):
            if "/" not in entry["path"]:
                session.delete(
                    f"{sb.graph_url}/me/drive/items/{entry['id']}",
                    headers={"Authorization": f"Bearer {token}"},
                )
    finally:
        session.close()
