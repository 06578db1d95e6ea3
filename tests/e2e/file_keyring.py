"""A keyring backend for subprocess tests: secrets in a JSON file (test use only).

The `migrate` subprocesses of the end-to-end tests need a keyring that outlives one
process (the upload-URL key must survive the kill for the resume to use it), and the
test machines have no secret service. Installed only through the environment:
`PYTHON_KEYRING_BACKEND=file_keyring.FileKeyring`, with this folder on `PYTHONPATH` and
`MA_TEST_KEYRING_FILE` naming the file. Never picked by keyring on its own.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend
import keyring.errors

ENV = "MA_TEST_KEYRING_FILE"


class FileKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]  # only ever chosen by PYTHON_KEYRING_BACKEND

    @staticmethod
    def _path() -> Path:
        return Path(os.environ[ENV])

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._path().read_text()))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        secrets = self._load()
        secrets[f"{service}\n{username}"] = password
        self._path().write_text(json.dumps(secrets))

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._load()
        if secrets.pop(f"{service}\n{username}", None) is None:
            raise keyring.errors.PasswordDeleteError("no such secret")
        self._path().write_text(json.dumps(secrets))
