"""Pytest fixtures for the local Microsoft 365 sandbox (registered in tests/conftest.py).

`sandbox`: a started Sandbox with a fresh state directory, stopped after the test.
`make_sandbox(**config)`: a factory for tests that need faults, limits, short token
lifetimes, ...; every sandbox it makes is stopped after the test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.sandbox.server import Sandbox, SandboxConfig

MakeSandbox = Callable[..., Sandbox]


@pytest.fixture
def make_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MakeSandbox]:
    started: list[Sandbox] = []

    def make(**config: Any) -> Sandbox:
        state_dir = config.pop("state_dir", None)
        if state_dir is None:
            state_dir = tmp_path_factory.mktemp("sandbox")
        sandbox = Sandbox(SandboxConfig(state_dir=Path(state_dir), **config)).start()
        started.append(sandbox)
        return sandbox

    yield make
    for sandbox in reversed(started):
        sandbox.stop()


@pytest.fixture
def sandbox(make_sandbox: MakeSandbox) -> Sandbox:
    return make_sandbox()
