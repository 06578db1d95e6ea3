"""The encrypted token cache: AES-GCM at rest, only a 32-byte key in the keyring."""

from __future__ import annotations

import base64
import json
import logging
import os
import stat
import sys
from pathlib import Path

import msal
import pytest
from keyrings import MemoryKeyring, memory_keyring_fixture, no_keyring_fixture  # noqa: F401

from app.m365.token_cache import KEYRING_SERVICE, MAGIC, EncryptedTokenCache

ACCESS = "eyJhbGciOiJub25lIn0.access-token-value-0123456789.sig"
REFRESH = "refresh-token-value-ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def add_tokens(cache: msal.SerializableTokenCache, suffix: str = "") -> None:
    """A token response added through MSAL's own cache API (what acquire_token_* does)."""
    claims = {
        "oid": "oid-1",
        "tid": "tid-1",
        "preferred_username": "jane@example.test",
        "name": "Jane",
        "sub": "s",
        "iss": "https://issuer",
        "aud": "client",
        "exp": 0,
    }
    cache.add(
        {
            "client_id": "client",
            "scope": ["Files.ReadWrite"],
            "token_endpoint": "https://login.example.test/tenant/oauth2/v2.0/token",
            "response": {
                "access_token": ACCESS + suffix,
                "refresh_token": REFRESH + suffix,
                "token_type": "Bearer",
                "expires_in": 3600,
                "id_token": f"{_b64({'alg': 'none'})}.{_b64(claims)}.",
                "client_info": _b64({"uid": "oid-1", "utid": "tid-1"}),
            },
        }
    )


def refresh_tokens(cache: msal.SerializableTokenCache) -> list[str]:
    return [rt["secret"] for rt in cache.search(msal.TokenCache.CredentialType.REFRESH_TOKEN)]


def test_saved_encrypted_and_loaded_again(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "token-cache.bin"
    cache = EncryptedTokenCache(path)
    assert cache.persistent
    add_tokens(cache)
    assert cache.save() is True
    blob = path.read_bytes()
    assert blob.startswith(MAGIC)
    for text in (ACCESS, REFRESH, "refresh_token", "secret", "access_token", "jane"):
        assert text.encode() not in blob
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = EncryptedTokenCache(path)
    assert refresh_tokens(again) == [REFRESH]


def test_only_a_32_byte_key_in_the_keyring(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    cache = EncryptedTokenCache(tmp_path / "token-cache.bin")
    add_tokens(cache)
    cache.save()
    assert len(memory_keyring.secrets) == 1
    (service, _name), stored = next(iter(memory_keyring.secrets.items()))
    assert service == KEYRING_SERVICE
    assert len(base64.b64decode(stored)) == 32
    # Windows Credential Manager stores the secret as UTF-16: 2,560 bytes at most.
    assert len(stored.encode("utf-16-le")) <= 2560


def test_written_only_when_changed_and_fresh_nonce_each_time(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "token-cache.bin"
    cache = EncryptedTokenCache(path)
    add_tokens(cache)
    assert cache.save() is True
    first = path.read_bytes()
    stamp = path.stat().st_mtime_ns
    assert cache.save() is False
    assert path.stat().st_mtime_ns == stamp
    add_tokens(cache, suffix="-2")
    assert cache.save() is True
    second = path.read_bytes()
    header = len(MAGIC) + 12
    assert first[len(MAGIC) : header] != second[len(MAGIC) : header]


@pytest.mark.parametrize("damage", ["tamper", "truncate", "wrong_key", "lost_key", "garbage"])
def test_undecryptable_cache_is_discarded(
    tmp_path: Path, memory_keyring: MemoryKeyring, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "token-cache.bin"
    cache = EncryptedTokenCache(path)
    add_tokens(cache)
    cache.save()
    blob = bytearray(path.read_bytes())
    key_id = next(iter(memory_keyring.secrets))
    if damage == "tamper":
        blob[-5] ^= 0x01
        path.write_bytes(bytes(blob))
    elif damage == "truncate":
        path.write_bytes(bytes(blob[: len(MAGIC) + 8]))
    elif damage == "wrong_key":
        memory_keyring.secrets[key_id] = base64.b64encode(os.urandom(32)).decode()
    elif damage == "lost_key":
        del memory_keyring.secrets[key_id]
    else:
        path.write_bytes(b'{"RefreshToken": {}}')
    with caplog.at_level(logging.WARNING, logger="app.m365.token_cache"):
        reloaded = EncryptedTokenCache(path)
    assert refresh_tokens(reloaded) == []
    assert not path.exists()
    assert "could not be used" in caplog.text
    # ... and the next sign-in is saved and readable again.
    add_tokens(reloaded, suffix="-new")
    assert reloaded.save()
    assert refresh_tokens(EncryptedTokenCache(path)) == [REFRESH + "-new"]


def test_no_keyring_backend_means_memory_only(tmp_path: Path, no_keyring: None) -> None:
    path = tmp_path / "token-cache.bin"
    cache = EncryptedTokenCache(path)
    assert cache.persistent is False
    add_tokens(cache)
    assert cache.save() is False
    assert not path.exists()
    assert refresh_tokens(cache) == [REFRESH]  # still usable for this session


def test_keyring_refusing_the_key_falls_back_to_memory(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "token-cache.bin"
    cache = EncryptedTokenCache(path)
    memory_keyring.locked = True
    add_tokens(cache)
    assert cache.save() is False
    assert cache.persistent is False
    assert not path.exists()


def test_clear_removes_file_key_and_memory(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "token-cache.bin"
    cache = EncryptedTokenCache(path)
    add_tokens(cache)
    cache.save()
    cache.clear()
    assert not path.exists()
    assert memory_keyring.secrets == {}
    assert refresh_tokens(cache) == []
    assert refresh_tokens(EncryptedTokenCache(path)) == []


def test_separate_caches_use_separate_keys(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    one = EncryptedTokenCache(tmp_path / "token-cache.bin")
    two = EncryptedTokenCache(tmp_path / "token-cache-sandbox.bin")
    for cache in (one, two):
        add_tokens(cache)
        cache.save()
    assert len(memory_keyring.secrets) == 2
    two.clear()
    assert refresh_tokens(EncryptedTokenCache(tmp_path / "token-cache.bin")) == [REFRESH]
