"""Seals upload session URLs for the journal: AES-GCM with a random key in the OS keyring.

An upload URL is a credential (anyone holding it can write to that upload for days), so
the journal stores it only sealed. The key handling is the token cache's own
(`token_cache.read_key` / `create_key`), under a separate keyring entry.

No keyring backend, or a keyring that refuses us: `keyring_sealer()` returns None and the
journal keeps URLs in memory only (a resume then starts those files afresh). A sealed
URL that no longer opens (key deleted, file copied to another account) unseals to None:
a new session is opened and the old one simply expires.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import threading

import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.m365.token_cache import (
    KEY_BYTES,
    NONCE_BYTES,
    _current_user,
    create_key,
    keyring_available,
    read_key,
)

log = logging.getLogger(__name__)

PREFIX = "sealed1:"
# Associated data: a sealed token-cache blob can never be passed off as a URL, or back.
AAD = b"MAUS\x01"
KEY_SUFFIX = "upload-sessions"

_warned = threading.Event()  # "not saved" is said once per process, not per journal


class AesGcmSealer:
    """`UrlSealer` (app.core.journal_records) with one 32-byte key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("the sealing key must be 32 bytes")
        self._aead = AESGCM(key)

    def seal(self, text: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = nonce + self._aead.encrypt(nonce, text.encode("utf-8"), AAD)
        return PREFIX + base64.urlsafe_b64encode(sealed).decode("ascii")

    def unseal(self, text: str) -> str | None:
        if not text.startswith(PREFIX):
            return None  # not ours (for example a plain URL from an older journal)
        try:
            blob = base64.urlsafe_b64decode(text[len(PREFIX) :].encode("ascii"))
            if len(blob) <= NONCE_BYTES:
                return None
            plain = self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], AAD)
            return plain.decode("utf-8")
        except (binascii.Error, ValueError, InvalidTag, UnicodeError):
            return None


def default_key_name() -> str:
    return f"{_current_user()}:{KEY_SUFFIX}"


def keyring_sealer(key_name: str | None = None) -> AesGcmSealer | None:
    """The sealer for this person's journal, or None when there is no usable keyring."""
    name = key_name or default_key_name()
    if not keyring_available():
        _say_not_saved("no keyring backend is available")
        return None
    try:
        key = read_key(name) or create_key(name)
    except keyring.errors.KeyringError as error:
        _say_not_saved(f"the keyring refused us ({type(error).__name__})")
        return None
    return AesGcmSealer(key)


def _say_not_saved(why: str) -> None:
    if not _warned.is_set():
        _warned.set()
        log.warning(
            "Upload sessions will not be saved for resuming (%s): after a restart, "
            "unfinished files start again from the beginning.",
            why,
        )
