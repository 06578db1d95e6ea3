"""The layer rule: app/sandbox imports only app.core (never app.m365, app.ui or Qt)."""

from __future__ import annotations

import ast
from pathlib import Path

SANDBOX = Path(__file__).resolve().parents[2] / "app" / "sandbox"


def test_sandbox_imports_only_core() -> None:
    offenders = []
    for source in SANDBOX.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top == "PySide6" or (
                    top == "app" and not name.startswith(("app.core", "app.sandbox"))
                ):
                    offenders.append(f"{source.name}: {name}")
    assert offenders == []
