"""Command-line commands, one module each: `register(subparsers)` and a `run(args, settings)`.

This package sits above every layer (like the UI) and may import core, m365, sandbox and ui.
"""
