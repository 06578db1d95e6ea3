"""The pseudo-locale: every translated text accented, bracketed and 40% longer.

Run the app in it (`./scripts/run --set ui.language=pseudo`) or build a page in it in a
test: a text without the brackets did not go through tr(), and a label that is cut off
will be cut off in Welsh too (Welsh runs roughly a third longer than English).
Placeholders ({name}, %n, %1), mnemonics (&x), tags and escapes are left untouched so
the texts still format and the shortcuts still work.
"""

from __future__ import annotations

import math
import re

OPEN = "⟦"
CLOSE = "⟧"
GROWTH = 0.4
_ACCENTS = str.maketrans(
    "AaBbCcDdEeGgHhIiKkLlNnOoRrSsTtUuWwYyZz",
    "ÅåƁƀÇçĐđÉéĜĝĤĥÎîĶķĻļÑñÖöŘřŠšŢţÛûŴŵÝýŽž",
)
# Left as they are: {placeholders}, %n / %Ln / %1, &x mnemonics, <tags>, &entities;,
# file-dialog filters like (*.html).
_KEEP = re.compile(r"\{[^{}]*\}|%L?n|%\d+|&(?:[a-z]+;|&|.)|<[^>]*>|\(\*[^)]*\)", re.S)


def transform(text: str) -> str:
    if not text:
        return text
    pieces = []
    last = 0
    for match in _KEEP.finditer(text):
        pieces.append(text[last : match.start()].translate(_ACCENTS))
        pieces.append(match.group())
        last = match.end()
    pieces.append(text[last:].translate(_ACCENTS))
    padding = "·" * max(1, math.ceil(len(text) * GROWTH) - 2)
    return f"{OPEN}{''.join(pieces)}{padding}{CLOSE}"


def is_pseudo(text: str) -> bool:
    """Whether a shown text went through a pseudo translation (wholly or in part)."""
    return OPEN in text
