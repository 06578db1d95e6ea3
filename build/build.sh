#!/usr/bin/env bash
# One command: builds the one-folder application into build/dist/MigrationAssistant/.
# (On Windows, run `.venv\Scripts\python build\build.py` instead: see docs/deployment.md.)
# Extra arguments go to build/build.py (--dist DIR, --work DIR, --organisation NAME).
source "$(dirname "$0")/../scripts/_bootstrap.sh"
exec python build/build.py "$@"
