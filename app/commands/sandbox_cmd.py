"""The `sandbox_cmd` command (being built; see its issue)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Placeholder registration until the command lands; replaced by its owner."""
