"""The frozen-build tests run after every other test (`scripts/test` runs the whole suite):
building takes a minute or two, and a quick failure elsewhere should show first."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Called with the whole session's items; a stable sort keeps everyone's own order.
    items.sort(key=lambda item: item.path.parent.name == "build" and "test_frozen" in item.name)
