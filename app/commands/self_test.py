"""`migration-assistant --self-test` (or `self-test`): is this installation whole and working?

IT runs it after deploying the built application (and CI runs it on the frozen build),
so it checks what freezing can break: the Python and Qt libraries, the translations (the
app's and Qt's own), QuickXorHash (numpy), the certificate stores (truststore, certifi's
bundle), keyring's backends (found through package metadata), and then a complete
practice migration without a window: the local
sandbox over HTTPS with its own CA, MSAL's device-code sign-in, the real wizard pages on
Qt's offscreen platform, upload, and verification of every file's QuickXorHash.

Everything happens in a temporary home, with keys kept in this process only: the
officer's journal, settings folder and Credential Manager are not touched. Exit 0 only
when every check passed and every planned file was verified in OneDrive (the journal).

`--first-paint` (for benchmarks/bench_build.py) instead opens the wizard, prints the
monotonic clock at its first paint and exits: start-up measured the same way for the
built application and for the source.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import io
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from app import __version__
from app.settings import Settings

# Small: a few dozen files of every kind in the sample recipe, a few seconds to move.
SELF_TEST_SCALE = 0.05
# rclone's 333-byte QuickXorHash vector (tests/core/data/quickxorhash_vectors.json).
_VECTOR_INPUT = (
    "w0LGhqU1WXFbdavqDE4kAjEzWLGGzmTNikzqnsiXHx2KRReKVTxkv27u3UcEz9+lbMvYl4xFf2Z4aE1xRBBNd1Ke"
    "5C0zToSaYw5o4B/7X99nKK2/XaUX1byLow2aju2XJl2OpKpJg+tSJ2fmjIJTkfuYUz574dFX6/VXxSxwGH/xQEAK"
    "S5TCsBK3CwnuG1p5SAsQq3gGVozDWyjEBcWDMdy8/AIFrj/y03Lfc/RNRCQTAfZbnf2QwV7sluw4fH3XJr07UoD0"
    "YqN+7XZzidtrwqMY26fpLZnyZjnBEt1FAZWO7RnKG5asg8xRk9YaDdedXdQSJAOy6bWEWlABj+tVAigBxavaluUH"
    "8LOj+yfCFldJjNLdi90fVHkUD/m4Mr5OtmupNMXPwuG3EQlqWUVpQoYpUYKLsk7a5Mvg6UFkiH596y5IbJEVCI1K"
    "b3D1"
)
_VECTOR_HASH = "e3+wo77iKcILiZegnzyUNcjCdoQ="


class CheckFailed(Exception):
    """One check did not pass; the message says what was wrong."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "self-test",
        help="check this installation: libraries, certificates, keyring, a practice migration",
        description="Check this installation, ending with a practice migration (no window).",
    )
    parser.add_argument(
        "--scale", type=float, default=SELF_TEST_SCALE, help="size of the practice drive"
    )
    parser.add_argument("--first-paint", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if getattr(args, "first_paint", False):
        return first_paint(settings)
    scale = float(getattr(args, "scale", SELF_TEST_SCALE))
    frozen = "built application" if getattr(sys, "frozen", False) else "from source"
    print(f"Self-test of the H: Drive Migration Assistant {__version__} ({frozen})")
    checks: list[tuple[str, Callable[[], str]]] = [
        ("Libraries", check_libraries),
        ("Translations", check_translations),
        ("QuickXorHash", check_hashing),
        ("Certificates", check_certificates),
        ("Keyring", check_keyring),
        ("Practice migration", lambda: check_migration(settings, scale)),
    ]
    failures = 0
    for name, check in checks:
        started = time.monotonic()
        try:
            detail = check()
        except Exception as error:  # every failure is reported; the next check still runs
            failures += 1
            print(f"  FAIL  {name}: {_describe(error)}", flush=True)
            continue
        print(f"  ok    {name}: {detail} ({time.monotonic() - started:.1f} s)", flush=True)
    if failures:
        print(f"Self-test FAILED: {failures} of {len(checks)} checks did not pass.")
        return 1
    print(f"Self-test passed: all {len(checks)} checks.")
    return 0


def _describe(error: Exception) -> str:
    """Our own failures in full; anything else by its type and its last line (numpy's
    import error, for one, is twenty lines of advice ending with the actual cause)."""
    if isinstance(error, CheckFailed):
        return str(error)
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return f"{type(error).__name__}: {lines[-1] if lines else '(no message)'}"


def check_libraries() -> str:
    import cryptography
    import msal
    import numpy
    import PySide6
    import requests

    broker = ""
    if sys.platform == "win32":
        # MSAL imports the broker's runtime only when the app is created; a build without
        # it fails at the first real sign-in, so look now.
        import pymsalruntime  # type: ignore[import-not-found, unused-ignore]

        broker = f", sign-in broker {getattr(pymsalruntime, '__version__', 'present')}"
    return (
        f"Python {platform.python_version()}, Qt {PySide6.__version__}, MSAL {msal.__version__}, "
        f"requests {requests.__version__}, cryptography {cryptography.__version__}, "
        f"numpy {numpy.__version__}{broker}"
    )


def check_translations() -> str:
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from app import paths

    # Built: the compiled .qm files; from source: the .ts files they are compiled from.
    kind = ".qm" if getattr(sys, "frozen", False) else ".ts"
    ours = sorted(path.stem for path in paths.translations_dir().glob(f"*{kind}"))
    if "migration_assistant_en" not in ours:
        raise CheckFailed(f"the English plural forms are missing from {paths.translations_dir()}")
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # The catalogue the app loads for English (Qt has no Welsh one): the build ships only
    # the catalogues of the app's own languages.
    if not QTranslator().load(QLocale("en_GB"), "qtbase", "_", qt_folder):
        raise CheckFailed(f"Qt's own translations (qtbase_*.qm) are missing from {qt_folder}")
    languages = ", ".join(name.rsplit("_", 1)[-1] for name in ours)
    return f"the app's ({languages}) and Qt's own"


def check_hashing() -> str:
    from app.core.quickxorhash import QuickXorHash

    data = base64.b64decode(_VECTOR_INPUT)
    whole = QuickXorHash(data).b64digest()
    pieces = QuickXorHash()
    for start in range(0, len(data), 7):  # the streaming path too, in odd-sized pieces
        pieces.update(data[start : start + 7])
    if whole != _VECTOR_HASH or pieces.b64digest() != _VECTOR_HASH:
        raise CheckFailed(f"a known test vector hashed to {whole}, not {_VECTOR_HASH}")
    return "the reference vector matches"


def check_certificates() -> str:
    import ssl

    import certifi
    import truststore

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if not context.check_hostname or context.verify_mode != ssl.CERT_REQUIRED:
        raise CheckFailed("the system certificate store's context does not verify")
    bundle = Path(certifi.where())
    if not bundle.is_file() or b"BEGIN CERTIFICATE" not in bundle.read_bytes()[:4096]:
        raise CheckFailed(f"certifi's bundle is missing at {bundle}")
    return f"system store (truststore {truststore.__version__}) and certifi's bundle"


def check_keyring() -> str:
    from importlib.metadata import entry_points

    import keyring

    # keyring finds its backends through its entry points; a build without keyring's
    # metadata would silently fall back to "no keyring" and keep tokens in memory only.
    found = {entry.name for entry in entry_points(group="keyring.backends")}
    platform_backend = {"win32": "Windows", "darwin": "macOS"}.get(sys.platform, "SecretService")
    if platform_backend not in found:
        raise CheckFailed(f"keyring's {platform_backend} backend is not registered ({found})")
    __import__(f"keyring.backends.{platform_backend}")
    chosen = type(keyring.get_keyring())
    return f"{platform_backend} backend present; in use here: {chosen.__module__}"


@contextlib.contextmanager
def _keys_in_this_process() -> Iterator[None]:
    """The practice run's keys live in this process only, never in the officer's store."""
    import keyring
    import keyring.backend

    values: dict[tuple[str, str], str] = {}

    class ProcessKeyring(keyring.backend.KeyringBackend):
        priority = 1

        def get_password(self, service: str, username: str) -> str | None:
            return values.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            values[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            values.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(ProcessKeyring())  # type: ignore[no-untyped-call]
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@contextlib.contextmanager
def _private_home() -> Iterator[Path]:
    previous = os.environ.get("MIGRATION_ASSISTANT_HOME")
    # A file Windows still holds (an antivirus scan, say) must not fail a passed test.
    with tempfile.TemporaryDirectory(
        prefix="migration-self-test-", ignore_cleanup_errors=True
    ) as home:
        os.environ["MIGRATION_ASSISTANT_HOME"] = home
        try:
            yield Path(home)
        finally:
            if previous is None:
                os.environ.pop("MIGRATION_ASSISTANT_HOME", None)
            else:
                os.environ["MIGRATION_ASSISTANT_HOME"] = previous


def check_migration(settings: Settings, scale: float) -> str:
    # Before Qt starts: this check never opens a window, on any platform.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    transcript = io.StringIO()
    with _private_home() as home, _keys_in_this_process():
        try:
            with contextlib.redirect_stdout(transcript):
                code, journal_counts = _practice_run(settings, scale, home)
        except Exception as error:
            raise CheckFailed(f"{error}\n{_tail(transcript.getvalue())}") from error
    if code != 0:
        raise CheckFailed(f"the practice journey did not finish\n{_tail(transcript.getvalue())}")
    verified = journal_counts.get("verified", 0)
    not_moved = {state: n for state, n in journal_counts.items() if state in _NOT_MOVED and n}
    movable = sum(n for state, n in journal_counts.items() if state not in _NOT_MOVED)
    if verified == 0 or verified != movable:
        raise CheckFailed(f"not every file was verified in OneDrive: {journal_counts}")
    others = f" (not to be moved, by the plan: {not_moved})" if not_moved else ""
    return f"{verified} files moved and verified by QuickXorHash{others}"


# Files the plan does not move (the officer's choice or OneDrive's rules): not failures.
_NOT_MOVED = frozenset({"discarded", "cannot_move"})


def _tail(text: str, lines: int = 12) -> str:
    return "\n".join("        " + line for line in text.strip().splitlines()[-lines:])


def _practice_run(settings: Settings, scale: float, home: Path) -> tuple[int, dict[str, int]]:
    from app.commands.wizard import sample_drive, start_sandbox
    from app.ui.app import create_application
    from app.ui.headless import quiet_qt_messages, run_unattended
    from app.ui.session import Session
    from app.ui.wizard import MigrationWizard

    quiet_qt_messages()
    create_application(language=settings.ui.language)
    session = Session(settings, language=settings.ui.language or "en")
    sandbox = start_sandbox()
    try:
        session.sandbox = sandbox
        session.training_users = [user.upn for user in sandbox.users]
        session.h_drive = sample_drive(scale)
        wizard = MigrationWizard(session)
        code = run_unattended(wizard, out_dir=home / "practice-run")
        run_info = session.journal().latest_run()
        counts = dict(run_info.counts) if run_info is not None else {}
    finally:
        session.close()
        sandbox.stop()
    return code, counts


def first_paint(settings: Settings) -> int:
    """The wizard's first paint, as benchmarks/bench_ui.py's start figure measures it."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    from app.ui.app import create_application
    from app.ui.session import Session
    from app.ui.wizard import MigrationWizard

    app = create_application(language=settings.ui.language)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(time.monotonic(), flush=True)
                QCoreApplication.exit(0)
            return False

    wizard = MigrationWizard(Session(settings))
    watcher = FirstPaint()
    wizard.installEventFilter(watcher)
    wizard.show()
    return int(app.exec())
