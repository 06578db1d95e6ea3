"""Seeded fault injection: by rate (a spec string) or by script (a queue of faults).

Spec (also `sandbox serve --faults`): comma-separated `key=value` pairs, for example
``rate=0.05,kinds=429|503|504|reset|stored503|expire|401|changed,seed=7``. A kind may
carry options after a colon: ``429:noretry`` answers 429 without Retry-After;
``429:5`` asks for a Retry-After of 5 seconds. ``corrupt`` marks the session of the
fragment it hits: the file it completes is stored with one byte changed (and OneDrive's
hash is of the changed bytes), as server-side corruption has been seen in the wild.
``signin=1`` lets faults hit the identity endpoints too (by default only Graph requests
are disturbed).

Script: a list of entries consumed in order, each ``kind[:option][@target]``; the target
(``graph``, ``upload``, ``content``, ``session``, ``signin``) says which request an entry
waits for; ``ok@upload`` lets one fragment through. Kinds that need a fragment
(``reset``, ``stored503``, ``expire``, ``corrupt``) wait for one by default.

The same seed and the same sequence of requests give the same faults, so a failing run
can be repeated.
"""

from __future__ import annotations

import random
import threading
from collections import deque
from dataclasses import dataclass

from app.core.errors import BadInputError

KINDS = ("429", "503", "504", "reset", "stored503", "expire", "401", "changed", "corrupt", "ok")
# Faults that only make sense while a fragment is being sent to an upload URL.
UPLOAD_ONLY = frozenset({"reset", "stored503", "expire", "corrupt"})
TARGETS = ("graph", "upload", "content", "session", "signin", "item")


class FaultSpecError(BadInputError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            "The fault description is not valid",
            detail,
            "Use for example: rate=0.05,kinds=429|503|reset",
        )


@dataclass(frozen=True)
class Fault:
    kind: str
    option: str = ""
    target: str = ""

    @property
    def retry_after(self) -> int | None:
        """Seconds for Retry-After; None means leave the header out."""
        if self.option == "noretry":
            return None
        if self.option.isdigit():
            return int(self.option)
        return 1

    def applies_to(self, request_kind: str) -> bool:
        if self.target not in ("", "graph"):
            return self.target == request_kind  # asked for explicitly
        if request_kind == "signin":
            return False
        if self.kind in UPLOAD_ONLY:
            return request_kind == "upload"
        if self.kind == "changed":
            return request_kind == "item"
        if self.kind == "401":  # upload URLs carry their own credential, no token
            return request_kind != "upload"
        return True


def parse_fault(text: str) -> Fault:
    text = text.strip()
    target = ""
    if "@" in text:
        text, target = text.split("@", 1)
        if target not in TARGETS:
            raise FaultSpecError(f"unknown target {target!r} (one of {', '.join(TARGETS)})")
    kind, _, option = text.partition(":")
    if kind not in KINDS:
        raise FaultSpecError(f"unknown fault kind {kind!r} (one of {', '.join(KINDS)})")
    return Fault(kind, option, target)


@dataclass(frozen=True)
class FaultSpec:
    rate: float = 0.0
    kinds: tuple[Fault, ...] = ()
    seed: int | None = None
    signin: bool = False


def parse_spec(spec: str) -> FaultSpec:
    rate = 0.0
    kinds: tuple[Fault, ...] = ()
    seed: int | None = None
    signin = False
    for part in filter(None, (p.strip() for p in spec.split(","))):
        key, sep, value = part.partition("=")
        if not sep:
            raise FaultSpecError(f"{part!r} is not key=value")
        if key == "rate":
            try:
                rate = float(value)
            except ValueError as error:
                raise FaultSpecError(f"rate {value!r} is not a number") from error
            if not 0.0 <= rate <= 1.0:
                raise FaultSpecError("rate must be between 0 and 1")
        elif key == "kinds":
            kinds = tuple(parse_fault(k) for k in value.split("|") if k)
        elif key == "seed":
            if not value.lstrip("-").isdigit():
                raise FaultSpecError(f"seed {value!r} is not a whole number")
            seed = int(value)
        elif key == "signin":
            signin = value in ("1", "true", "yes")
        else:
            raise FaultSpecError(f"unknown key {key!r} (rate, kinds, seed, signin)")
    if rate > 0 and not kinds:
        kinds = tuple(parse_fault(k) for k in ("429", "503", "504", "reset", "stored503"))
    return FaultSpec(rate, kinds, seed, signin)


class FaultInjector:
    """Decides, request by request, whether to disturb it. Thread-safe."""

    def __init__(self, seed: int = 0, spec: str = "") -> None:
        self._lock = threading.Lock()
        self._seed = seed
        self._rng = random.Random(seed)  # noqa: S311 - seeded on purpose: repeatable faults
        self._spec = FaultSpec()
        self._script: deque[Fault] = deque()
        self.injected: list[tuple[str, str]] = []  # (request kind, fault kind) in order
        if spec:
            self.set(spec)

    def set(self, spec: str) -> None:
        """Faults by rate from now on (restarts the RNG from the spec's or sandbox's seed)."""
        parsed = parse_spec(spec)
        with self._lock:
            self._spec = parsed
            seed = parsed.seed if parsed.seed is not None else self._seed
            self._rng = random.Random(seed)  # noqa: S311 - repeatable, not crypto

    def script(self, entries: list[str]) -> None:
        parsed = [parse_fault(e) for e in entries]
        with self._lock:
            self._script.extend(parsed)

    def clear(self) -> None:
        with self._lock:
            self._spec = FaultSpec()
            self._script.clear()

    @property
    def pending_script(self) -> int:
        with self._lock:
            return len(self._script)

    def decide(self, request_kind: str) -> Fault | None:
        """The fault for this request (None: serve it normally)."""
        with self._lock:
            for index, fault in enumerate(self._script):
                if fault.applies_to(request_kind):
                    del self._script[index]
                    return self._record(request_kind, fault)
            spec = self._spec
            if spec.rate <= 0 or (request_kind == "signin" and not spec.signin):
                return None
            # Draw for every eligible request so the sequence depends only on the seed
            # and the order of requests, not on which kinds happen to apply.
            draw = self._rng.random()
            pick = self._rng.randrange(1 << 30)
            if draw >= spec.rate:
                return None
            candidates = [
                f
                for f in spec.kinds
                if f.applies_to(request_kind)
                or (request_kind == "signin" and f.kind in ("429", "503", "504"))
            ]
            if not candidates:
                return None
            return self._record(request_kind, candidates[pick % len(candidates)])

    def _record(self, request_kind: str, fault: Fault) -> Fault | None:
        self.injected.append((request_kind, fault.kind))
        return None if fault.kind == "ok" else fault
