# Sourced by scripts/run and scripts/test: makes .venv with the project installed.
# Re-installs only when pyproject.toml changes (a stamp holds its hash).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
pick_python() {
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    echo "Python 3.11 or newer is needed and was not found on PATH." >&2
    return 1
}
STAMP="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$STAMP" ]; then
    PY="$(pick_python)"
    echo "Setting up the environment in .venv (first run, or pyproject.toml changed)..." >&2
    [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
    "$VENV/bin/python" -m pip install --quiet -e ".[test,dev]"
    rm -f "$VENV"/.installed-*
    touch "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
# Compiled translations (.qm) are build outputs: make them when missing or older than
# their .ts (the app would otherwise compile them into the user data folder itself).
for ts in translations/*.ts; do
    if [ ! -f "${ts%.ts}.qm" ] || [ "$ts" -nt "${ts%.ts}.qm" ]; then
        "$VENV/bin/python" -m app.ui.translations_tool build >/dev/null ||
            echo "Could not compile the translations; the app will try again." >&2
        break
    fi
done
