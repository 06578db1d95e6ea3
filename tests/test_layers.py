"""The rule between layers (see DESIGN.md), checked on every module's imports.

core: no Qt, no network, nothing from m365/sandbox/ui. m365: core only (no Qt). sandbox:
core only. The foundation modules at the top of the package (app, app.paths,
app.settings, app.log) hold no Qt and no network and may be used by every layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"
FOUNDATION = ("app", "app.paths", "app.settings", "app.log")
NETWORK = ("requests", "urllib3", "http", "socket", "ssl", "msal", "truststore", "urllib")

ALLOWED = {
    "core": ("app.core",),
    "m365": ("app.core", "app.m365"),
    "sandbox": ("app.core", "app.sandbox"),
}
FORBIDDEN_THIRD_PARTY = {
    "core": ("PySide6", *NETWORK),
    "m365": ("PySide6",),
    "sandbox": ("PySide6", "msal"),
}


def imports(source: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports(layer: str) -> None:
    offenders = []
    for source in sorted((APP / layer).rglob("*.py")):
        for name in imports(source):
            top = name.split(".")[0]
            if top == "app":
                if name in FOUNDATION or name.startswith(tuple(p + "." for p in ALLOWED[layer])):
                    continue
                if name in ALLOWED[layer]:
                    continue
                offenders.append(f"{source.relative_to(APP)}: {name}")
            elif top in FORBIDDEN_THIRD_PARTY[layer]:
                offenders.append(f"{source.relative_to(APP)}: {name}")
    assert offenders == []


def test_foundation_has_no_qt_or_network() -> None:
    for module in FOUNDATION[1:]:
        source = APP / (module.split(".")[1] + ".py")
        tops = {name.split(".")[0] for name in imports(source)}
        assert not tops & {"PySide6", *NETWORK}, module
        assert not {n for n in imports(source) if n.startswith(("app.m365", "app.ui"))}
