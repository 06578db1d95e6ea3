"""Shared fixtures: every test gets a fresh, private app home (no state leaks between tests)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

pytest_plugins = ["sandbox_fixtures"]  # the `sandbox` and `make_sandbox` fixtures

# No per-example time limit: on a loaded 2-core CI machine a deadline fails correct code.
# Failures print the example and the seed (`--hypothesis-seed=N` replays a run).
settings.register_profile("project", deadline=None, print_blob=True)
settings.load_profile("project")


@pytest.fixture(autouse=True)
def app_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("app-home")
    monkeypatch.setenv("MIGRATION_ASSISTANT_HOME", str(home))
    monkeypatch.setenv("MIGRATION_ASSISTANT_ORG_FILE", str(home / "organisation.toml"))
    for name in list(os.environ):
        if name.startswith("MIGRATION_ASSISTANT_") and "__" in name:
            monkeypatch.delenv(name)
    # The language comes from the system when no setting names one: every test starts
    # from the same (English) system; tests of the choice set these themselves.
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    # One session code per process in the app; per test here, as if each were a launch.
    monkeypatch.setattr("app.core.support_bundle._SESSION_CODE", None)
    yield home


@pytest.fixture
def debug_log(app_home: Path) -> Iterator[Path]:
    """The app's log file at DEBUG for one test (the handlers it added are removed after)."""
    import logging

    from app.log import setup_logging

    path = setup_logging(logging.DEBUG)
    assert path is not None
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_migration_assistant", False):
            root.removeHandler(handler)
            handler.close()
