"""After a real run, no token or upload credential is in any file the app wrote.

A real sign-in (MSAL's device code flow against the sandbox, the encrypted token cache
on disk, its key in a keyring), a real migration through the upload engine (Graph
rejecting the token twice, so MSAL refreshes), the receipt saved in Documents and
uploaded, the debug log on, and a support bundle. Every secret the app was handed on
the wire (see wire_recorder.py) is then searched for in every file under the app home
(Documents, logs, journal, token cache, receipts), the H: drive and the test's own
folder, inside zip members too.
"""

from __future__ import annotations

import io
import random
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

from app import paths
from app.cli import main
from app.core.classify import classify
from app.core.journal import ItemState, Journal
from app.core.onedrive_rules import check_inventory
from app.core.plan import Choices, build_plan
from app.core.policy import policy_from_settings
from app.core.scan import scan
from app.m365.auth import SignIn
from app.m365.config import config_for_sandbox
from app.m365.graph import graph_client
from app.m365.http import VerifiedSession
from app.m365.receipt_upload import publish_receipt
from app.m365.upload import UploadEngine
from app.m365.url_sealer import keyring_sealer
from app.sandbox.server import Sandbox
from app.settings import Upload

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "m365"))  # sign-in helpers
from keyrings import MemoryKeyring, memory_keyring_fixture
from test_auth_sandbox import sign_in_with_device_code
from wire_recorder import Wire, wire

__all__ = ["memory_keyring_fixture", "wire"]  # fixtures used by name


def written_blobs(*roots: Path) -> Iterator[tuple[str, bytes]]:
    """Every file under the roots, and every member of every zip among them."""
    for root in roots:
        for path in sorted(root.rglob("*")):
            if not path.is_file():
                continue
            data = path.read_bytes()
            yield str(path), data
            if zipfile.is_zipfile(io.BytesIO(data)):
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    for name in archive.namelist():
                        yield f"{path}!{name}", archive.read(name)


def migrate(sign_in: SignIn, sb: Sandbox, source: Path) -> None:
    config = sign_in.config
    inventory = scan(source)
    account = sign_in.account
    assert account is not None
    rules = check_inventory(
        inventory, destination_folder="H drive", user_principal_name=account.username
    )
    report = classify(inventory, policy_from_settings(""), rules=rules)
    plan = build_plan(report, rules, Choices.accept_guidance(), destination_folder="H drive")
    graph = graph_client(config, lambda force: sign_in.access_token(force))
    with Journal.open_default(practice=True) as journal:
        journal.use_sealer(keyring_sealer())
        run_id = journal.start_run(plan, account=account.username, settings_digest="t")
        engine = UploadEngine(
            graph,
            journal,
            str(source),
            run_id=run_id,
            settings=Upload(concurrency_start=2, concurrency_max=2, fragment_mib=1),
            session_factory=lambda: VerifiedSession(ca_bundle=config.ca_bundle),
            stop=threading.Event(),
        )
        result = engine.run()
        assert result.error is None and result.failed == 0
        published = publish_receipt(
            journal, run_id, folder=paths.user_documents_dir(), graph=graph, practice=True
        )
        assert published.saved and not published.save_problem
        assert {i.state for i in journal.items(run_id)} <= {
            ItemState.VERIFIED,
            ItemState.DISCARDED,
            ItemState.CANNOT_MOVE,
        }
    graph.close()


def test_no_secret_in_any_file_after_a_real_run(
    make_sandbox,  # type: ignore[no-untyped-def]
    memory_keyring: MemoryKeyring,
    wire: Wire,
    debug_log: Path,
    app_home: Path,
    tmp_path: Path,
) -> None:
    sb: Sandbox = make_sandbox(device_interval_s=1)
    sign_in = SignIn(config_for_sandbox(sb))
    sign_in_with_device_code(sb, sign_in)
    source = tmp_path / "H"
    rng = random.Random(5)
    for n in range(12):
        path = source / f"Folder {n % 3}" / f"file {n}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rng.randbytes(rng.choice([0, 900, 1_500_000])))
    sb.faults.script(["401", "ok", "ok", "401"])  # Graph says "token not valid": MSAL refreshes
    migrate(sign_in, sb, source)
    assert main(["support-bundle"]) == 0

    assert len(wire.access_tokens) >= 2, "MSAL never refreshed: the test would see too little"
    assert sign_in.cache.path.exists() and memory_keyring.secrets  # a cache was written
    needles = wire.needles()
    searched = []
    for name, data in written_blobs(app_home, source, tmp_path):
        searched.append(name)
        for needle in needles:
            assert needle not in data, f"a secret ({needle[:6]!r}...) is in {name}"
    documents = paths.user_documents_dir()
    assert any(documents.name in n and n.endswith(".zip") for n in searched), searched
    assert any(n.endswith(".csv") for n in searched) and str(debug_log) in searched
    assert any(str(sign_in.cache.path) == n for n in searched)
