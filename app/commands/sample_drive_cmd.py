"""The `sample-drive` command: make the fictional sample H: drive in a folder.

`migration-assistant sample-drive FOLDER [--seed N] [--scale X]` writes the same drive the
--sandbox practice mode uses (resources/sample-drive.toml), for floor-walker training and
demonstrations: a few thousand files, about 130 MB at scale 1. Running it again into the
same folder with the same seed and scale is safe; a folder holding anything else is refused.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.core.errors import BadInputError
from app.settings import Settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sample-drive",
        help="make the fictional sample H: drive in a folder (training and demos)",
        description="Make the fictional sample H: drive used by --sandbox practice mode.",
    )
    parser.add_argument("folder", type=Path, help="an empty (or new) folder to make it in")
    parser.add_argument("--seed", type=int, default=1, help="another seed, another drive")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="how big: 1.0 is a few thousand files"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.core.sample_drive import make_sample_drive

    if not args.scale > 0:
        raise BadInputError("Scale is not valid", f"--scale {args.scale} must be above 0.")
    root = make_sample_drive(args.folder, seed=args.seed, scale=args.scale)
    print(f"Sample H: drive ready in {root} (seed {args.seed}, scale {args.scale}).")
    return 0
