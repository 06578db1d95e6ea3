"""Sign-in against the sandbox over HTTPS, MSAL included: browser, device code, silent,
refresh, sign-out, cancel and timeout."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from auth_browser import ScriptedBrowser, complete_device_code, registered
from keyrings import MemoryKeyring, memory_keyring_fixture, no_keyring_fixture  # noqa: F401

from app.m365.auth import SignIn
from app.m365.config import M365Config, config_for_sandbox, with_changes
from app.m365.errors import AuthError, DeviceCodeBlocked, SignInCancelled, SignInTimeout
from app.sandbox.server import Sandbox

FORM_POST_NOTE = "MSAL's loopback listener accepts response_mode=form_post replies only"


@pytest.fixture
def sandbox_fast(make_sandbox) -> Sandbox:  # type: ignore[no-untyped-def]
    return make_sandbox(device_interval_s=1)


@pytest.fixture
def config(sandbox_fast: Sandbox) -> M365Config:
    return config_for_sandbox(sandbox_fast)


def run_browser_sign_in(
    sandbox: Sandbox, sign_in: SignIn, browser: ScriptedBrowser, timeout_s: float = 15
) -> BaseException | None:
    """Sign in with the scripted browser; returns the error the sign-in ended with."""
    stop = threading.Event()
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            sign_in.sign_in_interactive(stop, timeout_s=timeout_s)
            outcome.append(None)
        except BaseException as error:
            outcome.append(error)

    with registered(browser):
        worker = threading.Thread(target=run)
        worker.start()
        assert browser.done.wait(timeout_s)
        if browser.loopback_status != 200:  # MSAL refused the reply: do not wait it out
            stop.set()
            worker.join(5)
            pytest.fail(
                f"MSAL's listener answered {browser.loopback_status} to a "
                f"{browser.redirect_kind} reply ({FORM_POST_NOTE})"
            )
        worker.join(timeout_s)
    assert browser.errors == []
    assert outcome, "sign-in did not finish"
    return outcome[0]


def sign_in_with_browser(sandbox: Sandbox, sign_in: SignIn, upn: str = "") -> ScriptedBrowser:
    browser = ScriptedBrowser(sandbox, upn)
    error = run_browser_sign_in(sandbox, sign_in, browser)
    if error is not None:
        raise error
    return browser


def sign_in_with_device_code(sandbox: Sandbox, sign_in: SignIn, upn: str = "") -> None:
    code = sign_in.start_device_code()
    results: list[int] = []
    officer = threading.Thread(
        target=lambda: results.append(
            complete_device_code(
                sandbox, code.verification_uri, code.user_code, upn or sandbox.users[0].upn
            )
        )
    )
    officer.start()
    sign_in.complete_device_code(code, timeout_s=20)
    officer.join()
    assert results == [200]


def test_browser_sign_in(
    sandbox_fast: Sandbox, config: M365Config, memory_keyring: MemoryKeyring
) -> None:
    sign_in = SignIn(config)
    upn = sandbox_fast.users[1].upn
    browser = sign_in_with_browser(sandbox_fast, sign_in, upn)
    account = sign_in.account
    assert account is not None and account.username == upn
    assert account.name == sandbox_fast.users[1].name
    assert browser.redirect_kind == "form_post"
    query = parse_qs(urlsplit(browser.opened[0]).query)
    assert query["response_mode"] == ["form_post"] and "code_challenge" in query
    scopes = set(query["scope"][0].split())
    assert {"User.Read", "Files.ReadWrite"} <= scopes and "Files.Read.All" not in scopes
    assert sign_in.cache.path.exists() and sign_in.persistent


def test_retention_labels_add_files_read_all(sandbox_fast: Sandbox, tmp_path: Path) -> None:
    from app.settings import Settings, load_settings

    organisation = tmp_path / "organisation.toml"
    organisation.write_text("[policy]\nretention_labels = true\n", encoding="utf-8")
    loaded = load_settings(organisation_file=organisation)
    assert loaded.settings.policy.retention_labels
    assert "Files.Read.All" in config_for_sandbox(sandbox_fast, loaded.settings).scopes
    assert "Files.Read.All" not in config_for_sandbox(sandbox_fast, Settings()).scopes


def test_cancel_on_the_sign_in_page(
    sandbox_fast: Sandbox, config: M365Config, memory_keyring: MemoryKeyring
) -> None:
    browser = ScriptedBrowser(sandbox_fast, behaviour="cancel")
    error = run_browser_sign_in(sandbox_fast, SignIn(config), browser)
    assert isinstance(error, AuthError)
    assert error.title == "Sign-in not completed"


def _port_of(url: str) -> int:
    redirect = parse_qs(urlsplit(url).query)["redirect_uri"][0]
    port = urlsplit(redirect).port
    assert port
    return port


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_stop_cancels_interactive_sign_in_and_closes_the_listener(
    sandbox_fast: Sandbox, config: M365Config, memory_keyring: MemoryKeyring
) -> None:
    browser = ScriptedBrowser(sandbox_fast, behaviour="ignore")
    stop = threading.Event()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            SignIn(config).sign_in_interactive(stop, timeout_s=60)
        except BaseException as error:
            outcome.append(error)

    with registered(browser):
        worker = threading.Thread(target=run)
        worker.start()
        assert browser.opened_event.wait(10)
        port = _port_of(browser.opened[0])
        assert _listening(port)
        started = time.monotonic()
        stop.set()
        worker.join(5)
    assert not worker.is_alive() and time.monotonic() - started < 2
    assert len(outcome) == 1 and isinstance(outcome[0], SignInCancelled)
    deadline = time.monotonic() + 3
    while _listening(port) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _listening(port)


def test_interactive_sign_in_times_out_clearly(
    sandbox_fast: Sandbox, config: M365Config, memory_keyring: MemoryKeyring
) -> None:
    browser = ScriptedBrowser(sandbox_fast, behaviour="ignore")
    with registered(browser), pytest.raises(SignInTimeout) as caught:
        SignIn(config).sign_in_interactive(timeout_s=1)
    assert "not completed within 1 minute" in caught.value.message


def test_device_code_sign_in_then_silent_in_a_new_object(
    sandbox_fast: Sandbox, config: M365Config, memory_keyring: MemoryKeyring
) -> None:
    first = SignIn(config)
    sign_in_with_device_code(sandbox_fast, first, sandbox_fast.users[2].upn)
    assert first.account is not None
    assert first.account.username == sandbox_fast.users[2].upn
    sandbox_fast.reset_log()
    later = SignIn(config)  # the next launch
    account = later.sign_in_silent()
    assert account == first.account
    assert later.access_token()
    token_calls = [e for e in sandbox_fast.request_log() if "/oauth2/" in str(e.get("path"))]
    assert token_calls == []  # served from the encrypted cache, no network sign-in


def test_a_new_sign_in_replaces_the_previous_account(
    sandbox_fast: Sandbox, config: M365Config, memory_keyring: MemoryKeyring
) -> None:
    sign_in = SignIn(config)
    sign_in_with_device_code(sandbox_fast, sign_in, sandbox_fast.users[0].upn)
    sign_in_with_device_code(sandbox_fast, sign_in, sandbox_fast.users[1].upn)
    later = SignIn(config)
    account = later.sign_in_silent()
    assert account is not None and account.username == sandbox_fast.users[1].upn
    assert len(later._application().get_accounts()) == 1


def test_silent_sign_in_without_a_saved_sign_in_needs_no_network(
    config: M365Config, memory_keyring: MemoryKeyring
) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    offline = with_changes(config, authority=f"https://127.0.0.1:{port}/sandbox-tenant")
    assert SignIn(offline).sign_in_silent() is None


def test_device_code_cancel_stops_polling(
    sandbox_fast: Sandbox, config: M365Config, memory_keyring: MemoryKeyring
) -> None:
    sign_in = SignIn(config)
    code = sign_in.start_device_code()
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    started = time.monotonic()
    with pytest.raises(SignInCancelled):
        sign_in.complete_device_code(code, stop)
    assert time.monotonic() - started < 3


def test_device_code_timeout(
    sandbox_fast: Sandbox, config: M365Config, memory_keyring: MemoryKeyring
) -> None:
    sign_in = SignIn(config)
    code = sign_in.start_device_code()
    with pytest.raises(SignInTimeout):
        sign_in.complete_device_code(code, timeout_s=1)


def test_device_code_turned_off_by_the_organisation(config: M365Config) -> None:
    with pytest.raises(DeviceCodeBlocked) as caught:
        SignIn(with_changes(config, allow_device_code=False)).start_device_code()
    assert "turned off" in caught.value.message


def test_refresh_when_the_access_token_expires(
    make_sandbox,
    memory_keyring: MemoryKeyring,  # type: ignore[no-untyped-def]
) -> None:
    # MSAL refreshes tokens that expire within five minutes: a 60 s lifetime means
    # every request for a token goes to the token endpoint with the refresh token.
    sandbox = make_sandbox(device_interval_s=1, token_lifetime_s=60)
    sign_in = SignIn(config_for_sandbox(sandbox))
    sign_in_with_device_code(sandbox, sign_in)
    first = sign_in.access_token()
    sandbox.reset_log()
    second = sign_in.access_token()
    assert second != first
    assert any("/oauth2/v2.0/token" in str(e.get("path")) for e in sandbox.request_log())


def test_graph_401_makes_msal_refresh_once(
    sandbox_fast: Sandbox, config: M365Config, memory_keyring: MemoryKeyring
) -> None:
    from app.m365.graph import graph_client

    sign_in = SignIn(config)
    sign_in_with_device_code(sandbox_fast, sign_in)
    graph = graph_client(config, sign_in.access_token)
    before = sign_in.access_token()
    sandbox_fast.reset_log()
    sandbox_fast.faults.script(["401@graph"])
    assert graph.me()["userPrincipalName"] == sandbox_fast.users[0].upn
    paths = [(e["path"], e["status"]) for e in sandbox_fast.request_log()]
    assert paths == [
        ("/v1.0/me", 401),
        ("/sandbox-tenant/oauth2/v2.0/token", 200),
        ("/v1.0/me", 200),
    ]
    assert sign_in.access_token() != before


def test_sign_out_removes_every_trace(
    sandbox_fast: Sandbox, config: M365Config, memory_keyring: MemoryKeyring
) -> None:
    sign_in = SignIn(config)
    sign_in_with_device_code(sandbox_fast, sign_in)
    assert sign_in.cache.path.exists() and memory_keyring.secrets
    sign_in.sign_out()
    assert not sign_in.cache.path.exists()
    assert memory_keyring.secrets == {}
    assert sign_in.account is None
    assert SignIn(config).sign_in_silent() is None


def test_tampered_cache_means_a_fresh_sign_in(
    sandbox_fast: Sandbox, config: M365Config, memory_keyring: MemoryKeyring
) -> None:
    sign_in = SignIn(config)
    sign_in_with_device_code(sandbox_fast, sign_in)
    blob = bytearray(sign_in.cache.path.read_bytes())
    blob[-1] ^= 0x80
    sign_in.cache.path.write_bytes(bytes(blob))
    again = SignIn(config)
    assert again.sign_in_silent() is None
    sign_in_with_device_code(sandbox_fast, again)
    assert SignIn(config).sign_in_silent() is not None


def test_without_keyring_tokens_stay_in_memory(
    sandbox_fast: Sandbox, config: M365Config, no_keyring: None, app_home: Path
) -> None:
    sign_in = SignIn(config)
    assert sign_in.persistent is False
    sign_in_with_device_code(sandbox_fast, sign_in)
    assert sign_in.access_token()
    assert not sign_in.cache.path.exists()
    assert SignIn(config).sign_in_silent() is None


def test_no_token_in_any_file_under_the_app_home(
    sandbox_fast: Sandbox,
    config: M365Config,
    memory_keyring: MemoryKeyring,
    app_home: Path,
    debug_log: Path,
) -> None:
    import msal

    from app.m365.graph import graph_client

    sign_in = SignIn(config)
    sign_in_with_device_code(sandbox_fast, sign_in)
    graph = graph_client(config, sign_in.access_token)
    graph.me()
    secrets = [sign_in.access_token()]
    secrets += [
        rt["secret"] for rt in sign_in.cache.search(msal.TokenCache.CredentialType.REFRESH_TOKEN)
    ]
    secrets += [t["secret"] for t in sign_in.cache.search(msal.TokenCache.CredentialType.ID_TOKEN)]
    assert all(len(s) > 20 for s in secrets) and len(secrets) == 3
    files = [p for p in app_home.rglob("*") if p.is_file()]
    assert sign_in.cache.path in files and debug_log in files
    assert "Signed in as" in debug_log.read_text("utf-8")  # the log did record the run
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in data, path
        for word in (b"refresh_token", b"access_token", b"secret"):
            assert word not in data, path
