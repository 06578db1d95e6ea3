"""Shared fixtures: every test gets a fresh, private app home (no state leaks between tests)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["sandbox_fixtures"]  # the `sandbox` and `make_sandbox` fixtures


@pytest.fixture(autouse=True)
def app_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("app-home")
    monkeypatch.setenv("MIGRATION_ASSISTANT_HOME", str(home))
    monkeypatch.setenv("MIGRATION_ASSISTANT_ORG_FILE", str(home / "organisation.toml"))
    for name in list(__import__("os").environ):
        if name.startswith("MIGRATION_ASSISTANT_") and "__" in name:
            monkeypatch.delenv(name)
    yield home
