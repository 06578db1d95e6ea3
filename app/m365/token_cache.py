"""MSAL's token cache, kept encrypted at rest with only a 32-byte key in the OS keyring.

Why not keep the cache itself in the keyring: MSAL's serialized cache is larger than
the 2,560-byte blob limit of Windows Credential Manager. So the cache is an AES-GCM
encrypted file in the user's data folder (a fresh random 12-byte nonce per write,
atomic replace, mode 0600) and the keyring holds one random key.

No keyring backend (or a keyring that refuses us): the tokens live in memory only and
`persistent` is False, so the UI can say "you will need to sign in again next time".
A token is never written in plain text anywhere. A file that cannot be decrypted (wrong
key, truncated, tampered with) is deleted with a log line; the person signs in afresh.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import getpass
import logging
import os
import threading
from pathlib import Path

import keyring
import keyring.errors
import msal
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app import paths

log = logging.getLogger(__name__)

KEYRING_SERVICE = "MigrationAssistant"
CACHE_FILE_NAME = "token-cache.bin"
KEY_BYTES = 32
NONCE_BYTES = 12
# File layout: MAGIC | nonce | AES-GCM(ciphertext + tag). The magic (with its version
# byte) is also the associated data, so a file cannot be passed off as another format.
MAGIC = b"MATC\x01"


def default_cache_path(name: str = CACHE_FILE_NAME) -> Path:
    return paths.user_data_dir() / name


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no USERNAME/LOGNAME and no password-database entry
        return "user"


def keyring_available() -> bool:
    """False when keyring has no usable backend (it would raise on every call)."""
    backend = keyring.get_keyring()
    return not backend.__class__.__module__.startswith("keyring.backends.fail")


def read_key(key_name: str) -> bytes | None:
    """The random key kept in the keyring under `key_name`, or None if there is none (a
    malformed one is deleted). Raises `keyring.errors.KeyringError` if the keyring fails.
    Shared by the token cache and the upload-URL sealer (`url_sealer.py`)."""
    stored = keyring.get_password(KEYRING_SERVICE, key_name)
    if stored is None:
        return None
    try:
        key = base64.b64decode(stored, validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        log.warning("The key %r in the keyring is malformed; it is replaced.", key_name)
        delete_key(key_name)
        return None
    return key


def create_key(key_name: str) -> bytes:
    """A new random key, stored in the keyring; raises `keyring.errors.KeyringError`."""
    key = AESGCM.generate_key(bit_length=KEY_BYTES * 8)
    keyring.set_password(KEYRING_SERVICE, key_name, base64.b64encode(key).decode())
    return key


def delete_key(key_name: str) -> None:
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(KEYRING_SERVICE, key_name)


class EncryptedTokenCache(msal.SerializableTokenCache):  # type: ignore[misc]
    """A `msal.SerializableTokenCache` that loads from and saves to an encrypted file.

    Call `save()` after each MSAL call: it writes only when MSAL changed something.
    """

    has_state_changed: bool  # maintained by MSAL; declared for the type checker

    def __init__(self, path: Path | None = None, *, key_name: str | None = None) -> None:
        super().__init__()
        self.path = path if path is not None else default_cache_path()
        # One key per person and per cache file (sandbox and real sign-ins are kept apart).
        self.key_name = key_name or f"{_current_user()}:{self.path.stem}"
        self._io_lock = threading.Lock()
        self._key: bytes | None = None
        self.persistent = keyring_available()
        if not self.persistent:
            log.warning(
                "No keyring backend is available: sign-in is kept in memory only "
                "and will be asked for again next time."
            )
        self._load()

    # -- keyring ---------------------------------------------------------------------

    def _read_key(self) -> bytes | None:
        try:
            return read_key(self.key_name)
        except keyring.errors.KeyringError as error:
            self._go_memory_only(f"the keyring could not be read ({type(error).__name__})")
            return None

    def _create_key(self) -> bytes | None:
        try:
            return create_key(self.key_name)
        except keyring.errors.KeyringError as error:
            self._go_memory_only(f"the keyring refused the key ({type(error).__name__})")
            return None

    def _delete_key(self) -> None:
        delete_key(self.key_name)

    def _go_memory_only(self, why: str) -> None:
        if self.persistent:
            log.warning("Sign-in will be kept in memory only: %s.", why)
        self.persistent = False

    # -- file ------------------------------------------------------------------------

    def _discard_file(self, why: str) -> None:
        log.warning("The saved sign-in could not be used (%s); it was deleted.", why)
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def _load(self) -> None:
        if not self.persistent:
            return
        try:
            blob = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as error:
            log.warning("The saved sign-in could not be read (%s).", type(error).__name__)
            return
        key = self._read_key()
        if key is None:
            if self.persistent:
                self._discard_file("its key is missing from the keyring")
            return
        self._key = key
        header = len(MAGIC) + NONCE_BYTES
        if len(blob) <= header or not blob.startswith(MAGIC):
            self._discard_file("unknown format or truncated")
            return
        nonce, ciphertext = blob[len(MAGIC) : header], blob[header:]
        try:
            plain = AESGCM(key).decrypt(nonce, ciphertext, MAGIC)
            self.deserialize(plain.decode("utf-8"))
        except (InvalidTag, UnicodeDecodeError, ValueError):
            self._discard_file("it does not decrypt with the current key")
            self.deserialize("{}")

    def _write(self, blob: bytes) -> None:
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = folder / f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp"
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        descriptor = os.open(temporary, flags, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(blob)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
            raise

    # -- public ----------------------------------------------------------------------

    def save(self) -> bool:
        """Write the cache if MSAL changed it; True when a file was written."""
        with self._io_lock:
            if not self.has_state_changed:
                return False
            if not self.persistent:
                self.has_state_changed = False
                return False
            key = self._key or self._read_key() or self._create_key()
            if key is None:  # the keyring just failed: memory only from now on
                self.has_state_changed = False
                return False
            self._key = key
            nonce = os.urandom(NONCE_BYTES)
            plain = self.serialize().encode("utf-8")  # resets has_state_changed
            try:
                self._write(MAGIC + nonce + AESGCM(key).encrypt(nonce, plain, MAGIC))
            except OSError as error:
                log.warning(
                    "The sign-in could not be saved (%s); it is kept in memory only.",
                    type(error).__name__,
                )
                return False
            return True

    def clear(self) -> None:
        """Forget everything: the in-memory tokens, the encrypted file and its key."""
        with self._io_lock:
            self.deserialize("{}")
            self.has_state_changed = False
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
            self._delete_key()
            self._key = None
