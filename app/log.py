"""Logging to a rotating file in the user's log folder, with secrets redacted.

Every record passes through `redact()` before it is written anywhere, so a token that
slips into a message (an exception text quoting a URL, a response body) never reaches
the disk. The redaction is deliberately broad: a false positive costs a log line's
detail, a false negative costs a credential.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from app import paths

LOG_FILE_NAME = "migration-assistant.log"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # JWTs (access and id tokens): three base64url parts, the first starting eyJ
    (re.compile(r"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"), "[token]"),
    # Authorization headers
    (re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"), r"\1[token]"),
    # OAuth fields in bodies, JSON and query strings (whole words only: "monkey" is fine).
    # The value may be on the next line (pretty-printed JSON), unless that line starts
    # another field: then taking its name as the value would leave its secret in place.
    (
        re.compile(
            r"(?i)(?<![A-Za-z0-9])((?:access_token|refresh_token|id_token|client_secret|"
            r"code_verifier|device_code|assertion|password|tempauth|sig|secret|token|key)"
            r"[\"']?[ \t]*[=:][ \t]*(?:\r?\n[ \t]*(?![\"']?[A-Za-z_]+[\"']?[ \t]*[=:]))?[\"']?)"
            r"[^\"'&\s,}]+"
        ),
        r"\1[redacted]",
    ),
    # An authorization code travels as ?code= or &code= (Graph's error "code" is not secret)
    (re.compile(r"(?i)((?:^|[?&])code=)[^&\s]+"), r"\1[redacted]"),
    # The same, percent-encoded inside another URL
    (re.compile(r"(?i)((?:token|tempauth|code|sig|key)%3D)[^&%\s]+"), r"\1[redacted]"),
]


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_file() -> Path:
    return paths.user_log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO, *, console: bool = False) -> Path | None:
    """Configure the root logger once; returns the log file's path (None if unwritable).

    A log folder that cannot be written (full disk, read-only profile) must not stop
    the app: it then logs to stderr only and says so.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_migration_assistant", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    formatter = RedactingFormatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    path: Path | None = log_file()
    handlers: list[logging.Handler] = []
    try:
        assert path is not None
        # The log names H: drive paths (case names, people): only the officer reads it.
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.touch(mode=0o600, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                path, maxBytes=5 * 1024 * 1024, backupCount=3, encoding="utf-8"
            )
        )
    except OSError:
        path = None
    if console or path is None:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING if path is not None else level)
        handlers.append(stream)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler._migration_assistant = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    # urllib3 logs full URLs at DEBUG, including upload URLs that carry a credential.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    logging.getLogger("msal").setLevel(logging.WARNING)
    if path is None:
        logging.getLogger(__name__).warning(
            "The log folder %s cannot be written; logging to the console only.",
            paths.user_log_dir(),
        )
    return path
