"""The encrypted token cache is written only when MSAL's state changed: `access_token()`
runs before every Graph request of an upload, and must not cost a disk write (an fsync
and an encryption) each time. A forced refresh does change the state: one write."""

from __future__ import annotations

import threading
from pathlib import Path

from auth_browser import complete_device_code
from keyrings import MemoryKeyring, memory_keyring_fixture  # noqa: F401

from app.m365.auth import SignIn
from app.m365.config import config_for_sandbox
from app.m365.graph import GraphClient
from app.m365.http import VerifiedSession
from app.m365.token_cache import EncryptedTokenCache
from app.sandbox.server import Sandbox


class CountingCache(EncryptedTokenCache):
    """The real cache; counts the encrypted files it writes."""

    writes = 0

    def _write(self, blob: bytes) -> None:
        self.writes += 1
        super()._write(blob)


def _signed_in(sandbox: Sandbox, cache: CountingCache) -> SignIn:
    sign_in = SignIn(config_for_sandbox(sandbox), cache=cache)
    code = sign_in.start_device_code()
    upn = sandbox.users[0].upn
    officer = threading.Thread(
        target=complete_device_code, args=(sandbox, code.verification_uri, code.user_code, upn)
    )
    officer.start()
    sign_in.complete_device_code(code, timeout_s=20)
    officer.join()
    return sign_in


def _identity(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return st.st_ino, st.st_mtime_ns, st.st_size


def test_no_write_per_token_request(
    make_sandbox: object, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    sandbox = make_sandbox(device_interval_s=1)  # type: ignore[operator]
    cache = CountingCache(tmp_path / "token-cache.bin")
    sign_in = _signed_in(sandbox, cache)
    assert cache.writes >= 1 and cache.path.exists()  # the sign-in itself is saved
    cache.writes = 0
    before = _identity(cache.path)

    for _ in range(3000):  # more than the Graph calls of a 1,000-file upload
        assert sign_in.access_token()
    graph = GraphClient(
        sandbox.graph_url,
        sign_in.access_token,
        session_factory=lambda: VerifiedSession(ca_bundle=sandbox.ca_path),
    )
    try:
        for _ in range(100):  # the way the engine asks: once per Graph request
            graph.request("GET", "/me/drive", expected=(200,))
    finally:
        graph.close()
    assert cache.writes == 0
    assert _identity(cache.path) == before

    # A refresh changes MSAL's state: that one is saved (so the counting can see writes).
    assert sign_in.access_token(force_refresh=True)
    assert cache.writes == 1
    assert _identity(cache.path) != before
