"""Opens the wizard (default command). Until the wizard lands: scan the sample drive."""

from __future__ import annotations

import argparse

from app.settings import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    print("The wizard is not built yet.")
    return 0
