"""Scrubbing text for a support bundle: app.log's redaction plus broader rules, fast.

`Scrubber()(text)` gives the same result as `Scrubber().full(text)` (every rule over the
whole text) on any text of up to _PIECE_LINES lines, and on longer texts differs only where
a keyword and its value on the next line fall either side of a piece's end (the opaque rule
still catches a long secret there). It is faster because the costly keyword rules run only
near their keywords, and it works in pieces so that no regex call holds the GIL long.
"""

from __future__ import annotations

import bisect
import itertools
import re

from app.log import redact

__all__ = ["Scrubber"]


# Every keyword rule (app.log's and Scrubber's) needs one of these in the text it matches,
# lower-cased. A field name counts only followed by what the rules allow before its value
# (a quote, whitespace, '=' or ':', or '%3d'): "signed in" or "code=itemNotFound" (Graph's
# error code, on every Graph error line) are not keywords, so such lines cost nothing.
_FIELD_NAMES = (
    "token",  # access_token, refresh_token, id_token too
    "secret",  # client_secret
    "password",
    "assertion",
    "tempauth",
    "sig",
    "key",
    "verifier",  # code_verifier
    "_code",  # device_code, user_code
    "client_info",
    "session_state",
    "nonce",
)  # and "code" only as code%3d, ?code= or &code= (below)
_AFTER_NAME = r"(?:[=:\"'\s]|%3d)"
# One pattern per keyword, each starting with its literal text: the regex engine then
# scans for that text as fast as str.find (one alternation of them all is ~5x slower).
_TRIGGERS = (
    *(re.compile(re.escape(name) + _AFTER_NAME) for name in _FIELD_NAMES),
    *(re.compile(re.escape(t)) for t in ("code%3d", "eyj", "bearer", "authorization", "state=")),
    re.compile(r"code=(?<=[?&]code=)"),
)
# Lines per regex call: small enough that no call holds the GIL for long (the wizard's
# window stays responsive while a bundle is written on a worker).
_PIECE_LINES = 32


class Scrubber:
    """app.log's redaction plus broader rules, applied to every text entering a bundle."""

    _JWT_PART = re.compile(r"eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)*")
    _AUTH_HEADER = re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*)[^\r\n]+")
    _FIELDS = re.compile(
        r"(?i)(?<![A-Za-z0-9])((?:user_code|client_info|session_state|nonce)"
        r"[\"']?\s*[=:]\s*[\"']?|[?&]state=)[^\"'&\s,}]+"
    )
    # Opaque credentials (refresh tokens, upload session ids, "0.AXoA..." grants): long
    # runs mixing upper case, lower case and digits ('.' and '/' end a run, so a path is
    # judged word by word). Hex hashes and words are not mixed like that; a false positive
    # costs a line's detail, a false negative a credential.
    _OPAQUE = re.compile(r"(?<![A-Za-z0-9_~+-])[A-Za-z0-9_~+-]{32,}")
    # (The look-behinds of both are for speed: inside a run every position fails at once.)
    _EMAIL = re.compile(r"(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")

    def __init__(self) -> None:
        self.accounts: dict[str, str] = {}

    def _opaque(self, match: re.Match[str]) -> str:
        text = match.group(0)
        # Random base64url of this length practically always mixes cases and digits or
        # '-'/'_'; a 48-character run of letters alone is no word either.
        mixed = (
            any(c.isupper() for c in text)
            and any(c.islower() for c in text)
            and (len(text) >= 48 or any(c.isdigit() or c in "-_" for c in text))
        )
        return "[secret-like text removed]" if mixed else text

    def _account(self, match: re.Match[str]) -> str:
        key = match.group(0).casefold()
        if key not in self.accounts:
            self.accounts[key] = f"[account {len(self.accounts) + 1}]"
        return self.accounts[key]

    def _keyed_once(self, text: str) -> str:
        text = redact(text)
        text = self._AUTH_HEADER.sub(r"\1[redacted]", text)
        text = self._JWT_PART.sub("[token]", text)
        return self._FIELDS.sub(r"\1[redacted]", text)

    def _keyed(self, text: str) -> str:
        """The rules that need a keyword (see _TRIGGERS): line by line first, then across
        lines. Across lines alone, a keyword ending one line takes the next line's field
        name for its value ('access_token=' then '"refresh_token": "..."') and the secret
        after that name would be left."""
        lines = text.splitlines(keepends=True)
        return self._keyed_once("".join(self._keyed_once(line) for line in lines))

    def full(self, text: str) -> str:
        """Every rule over the whole text: the reference `__call__` must equal."""
        text = self._OPAQUE.sub(self._opaque, self._keyed(text))
        return self._EMAIL.sub(self._account, text)

    def __call__(self, text: str) -> str:
        """`full(text)`, faster, in pieces.

        The keyword rules cost ~1 s per MB over a whole log (case-insensitive alternations
        tried at every position): they run only on lines holding one of their keywords
        and on the lines after each up to the next that is not blank (a value may follow
        on the next line). The work goes in pieces of at most _PIECE_LINES lines.
        """
        lines = text.splitlines(keepends=True)
        starts = list(itertools.accumulate((len(line) for line in lines), initial=0))
        # app.log's "(?:^|[?&])code=": at the very start of the text too.
        near = {0} if text[:5].lower() == "code=" else set()
        for line in _lines_with(text.lower(), _TRIGGERS, starts):
            near.add(line)
            # "Bearer\n\nvalue": the rules' \s* crosses newlines up to the next word.
            line += 1
            while line < len(lines):
                near.add(line)
                if lines[line].strip():
                    break
                line += 1
        out: list[str] = []
        i = 0
        while i < len(lines):
            # (A keyword group longer than a piece is cut: a value split from its keyword
            # exactly at the cut is left to the opaque rule.)
            end, keyed = i + 1, i in near
            while end < len(lines) and end - i < _PIECE_LINES and (end in near) == keyed:
                end += 1
            piece = "".join(lines[i:end])
            if keyed:
                piece = self._keyed(piece)
            piece = self._OPAQUE.sub(self._opaque, piece)
            if "@" in piece:
                piece = self._EMAIL.sub(self._account, piece)
            out.append(piece)
            i = end
        return "".join(out)


def _lines_with(text: str, patterns: tuple[re.Pattern[str], ...], starts: list[int]) -> set[int]:
    """The numbers of the lines (starting at the offsets `starts`) where a pattern matches
    (a match never spans lines). Searched a window of lines at a time: one search over a
    whole log would hold the GIL for a long while."""
    found: set[int] = set()
    lines = len(starts) - 1
    step = _PIECE_LINES * 32
    for first in range(0, lines, step):
        end = starts[min(first + step, lines)]
        for pattern in patterns:
            match = pattern.search(text, starts[first], end)
            while match is not None:
                line = bisect.bisect_right(starts, match.start()) - 1
                found.add(line)
                match = pattern.search(text, starts[line + 1], end)
    return found
