"""A real, in-memory keyring backend for the sign-in tests (keyring's own backend API).

Import the fixtures into a test module to use them:
`from keyrings import memory_keyring_fixture, no_keyring_fixture`.

Its `priority` raises, so keyring never picks it by itself: only `keyring.set_keyring`
(through the `memory_keyring` fixture) installs it, and the fixture restores the
previous backend afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail
from keyring.compat import properties


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Stores secrets in a dict; `locked=True` makes every call fail like a locked keyring."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("test backend: install it explicitly with keyring.set_keyring")

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}
        self.locked = False

    def _check(self) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("the test keyring is locked")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        if self.secrets.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("no such secret")


@pytest.fixture(name="memory_keyring")
def memory_keyring_fixture() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(name="no_keyring")
def no_keyring_fixture() -> Iterator[None]:
    """No usable backend at all (what a machine without a secret store has)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)
