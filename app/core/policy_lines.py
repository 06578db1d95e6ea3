"""Line numbers for a policy file's rules and keys: tomllib reports none for values.

Best effort on purpose: a message that names the right rule and a nearby line is what an
IT officer fixing the file needs; exactness would need a TOML parser of our own.
"""

from __future__ import annotations

import re
import tomllib


class PolicyLines:
    """Best-effort line numbers for keys: tomllib reports none for values."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.rule_starts: list[int] = []
        self.section_starts: dict[str, int] = {}
        for number, raw in enumerate(self.lines, start=1):
            line = raw.strip()
            if re.match(r"^\[\[\s*rules\s*\]\]", line):
                self.rule_starts.append(number)
            elif line.startswith("[") and not line.startswith("[["):
                name = line.strip("[] \t").split("#")[0].strip("] ")
                self.section_starts.setdefault(name, number)

    def _block(self, start: int) -> range:
        end = len(self.lines) + 1
        for number in range(start + 1, len(self.lines) + 1):
            line = self.lines[number - 1].strip()
            if line.startswith("[") and not re.match(r"^\[\s*rules\.", line):
                end = number
                break
        return range(start, end)

    def _find_key(self, lines: range, key: str) -> int | None:
        pattern = re.compile(
            rf"^\s*(\"?{re.escape(key)}\"?\s*[=.]|\[\s*rules\.{re.escape(key)}\s*\])"
        )
        for number in lines:
            if pattern.match(self.lines[number - 1]):
                return number
        return None

    def rule_line(self, index: int, key: str | None = None) -> int | None:
        if index >= len(self.rule_starts):
            return None
        start = self.rule_starts[index]
        if key is None:
            return start
        return self._find_key(self._block(start), key) or start

    def section_line(self, section: str, key: str | None = None) -> int | None:
        start = self.section_starts.get(section)
        if start is None:
            return None if key is None else self._find_key(range(1, len(self.lines) + 1), key)
        if key is None:
            return start
        return self._find_key(self._block(start), key) or start


def toml_error_line(error: tomllib.TOMLDecodeError) -> int | None:
    match = re.search(r"line (\d+)", str(error))
    return int(match.group(1)) if match else None
