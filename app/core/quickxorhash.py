"""QuickXorHash: the only content hash OneDrive for Business guarantees.

Used to find duplicate files on the H: drive and to verify every upload (we hash the
bytes while sending them and compare with `file.hashes.quickXorHash` from Graph).

The algorithm (Microsoft's published snippet, also in rclone): a 160-bit state; the
byte at stream offset k is XORed in at bit position (11 * k) mod 160, wrapping round the
160 bits; at the end the total length (64-bit, little-endian) is XORed into the last
8 of the 20 output bytes.

Why it is fast here: a byte's bit position depends only on its offset modulo 160, so
every byte at the same offset modulo 160 can be XORed together first, as plain bytes,
with wide numpy operations over the caller's buffer (no copy). The 160 folded bytes are
kept between `update()` calls, indexed by stream offset modulo 160, so unaligned heads
and tails need no carry buffer. Only `digest()` spreads those 160 bytes into the
rotating 160-bit state, once.
"""

from __future__ import annotations

import base64
import os
import threading

import numpy as np
import numpy.typing as npt

from app.core.errors import CancelledError

__all__ = ["DIGEST_SIZE", "QuickXorHash", "hash_bytes", "hash_file"]

DIGEST_SIZE = 20
_WIDTH_BITS = 8 * DIGEST_SIZE  # 160: also the period, in bytes, of the bit positions
_SHIFT = 11
_STATE_MASK = (1 << _WIDTH_BITS) - 1
_LENGTH_MASK = (1 << 64) - 1

# Row width of the wide fold: 64 periods (10 KiB), so the inner numpy loop runs over
# 1,280 uint64 words per row. 320 KiB upload fragments are exactly 32 such rows.
_WIDE = _WIDTH_BITS * 64
_WORD = 8  # bytes per uint64

# Bit position in the state of the byte at stream offset k (k < 160).
_POSITIONS = tuple((_SHIFT * k) % _WIDTH_BITS for k in range(_WIDTH_BITS))

_U8 = npt.NDArray[np.uint8]


def _fold_rows(block: _U8, width: int) -> _U8:
    """XOR together the `width`-byte rows of `block` (length a multiple of `width`).

    Works at any alignment; an 8-byte aligned start keeps the uint64 view on the fast path.
    """
    words = block.view(np.uint64).reshape(-1, width // _WORD)
    folded: npt.NDArray[np.uint64] = np.bitwise_xor.reduce(words, axis=0)
    return folded.view(np.uint8)


class QuickXorHash:
    """Streaming QuickXorHash; feed it chunks of any size with `update()`."""

    digest_size = DIGEST_SIZE
    name = "quickxorhash"

    __slots__ = ("_acc", "_length")

    def __init__(self, data: bytes | bytearray | memoryview | None = None) -> None:
        # _acc[i]: XOR of every byte seen so far at a stream offset congruent to i mod 160.
        self._acc: _U8 = np.zeros(_WIDTH_BITS, dtype=np.uint8)
        self._length = 0
        if data is not None:
            self.update(data)

    @property
    def length(self) -> int:
        """Number of bytes hashed so far."""
        return self._length

    def update(self, data: bytes | bytearray | memoryview) -> None:
        """Add `data` to the hash. Reads the caller's buffer in place; never copies it."""
        view = memoryview(data)
        if view.format != "B" or view.ndim != 1:
            view = view.cast("B")
        size = view.nbytes
        if size == 0:
            return
        buf: _U8 = np.frombuffer(view, dtype=np.uint8)
        phase = self._length % _WIDTH_BITS
        self._length += size
        if size < _WIDTH_BITS:
            self._xor_small(phase, buf)
            return

        # Head: up to 7 bytes so that the wide part starts 8-byte aligned in memory
        # (unaligned uint64 folds run at about half speed). Not worth it for small updates.
        head = -buf.ctypes.data % _WORD if size >= _WIDE else 0
        if head:
            self._xor_small(phase, buf[:head])
            phase = (phase + head) % _WIDTH_BITS
        pos = head

        # Wide rows, then whole 160-byte periods. Both start at the same stream phase,
        # since _WIDE is a multiple of 160; the folded period is rotated into place once.
        wide_end = pos + (size - pos) // _WIDE * _WIDE
        period_end = wide_end + (size - wide_end) // _WIDTH_BITS * _WIDTH_BITS
        if period_end > pos:
            folded: _U8 | None = None
            if wide_end > pos:
                wide = _fold_rows(buf[pos:wide_end], _WIDE)
                folded = _fold_rows(wide, _WIDTH_BITS)
            if period_end > wide_end:
                rest = _fold_rows(buf[wide_end:period_end], _WIDTH_BITS)
                folded = rest if folded is None else folded ^ rest
            assert folded is not None
            self._xor_small(phase, folded)
            pos = period_end

        # Tail: fewer than 160 bytes, same stream phase as the wide part started at.
        if pos < size:
            self._xor_small(phase, buf[pos:])

    def _xor_small(self, phase: int, part: _U8) -> None:
        """XOR at most 160 bytes that start at stream offset `phase` (mod 160) into place."""
        first = min(part.size, _WIDTH_BITS - phase)
        self._acc[phase : phase + first] ^= part[:first]
        if first < part.size:
            self._acc[: part.size - first] ^= part[first:]

    def _state(self) -> int:
        """Spread the folded bytes into the rotating 160-bit state (one pass of 160)."""
        state = 0
        for k, byte in enumerate(self._acc.tolist()):
            if byte:
                state ^= byte << _POSITIONS[k]
        # Bits pushed past bit 159 wrap round to bit 0 (a 160-bit rotation).
        return (state & _STATE_MASK) ^ (state >> _WIDTH_BITS)

    def digest(self) -> bytes:
        """The 20-byte hash of everything fed so far (the object stays usable)."""
        state = self._state() ^ ((self._length & _LENGTH_MASK) << (_WIDTH_BITS - 64))
        return state.to_bytes(DIGEST_SIZE, "little")

    def b64digest(self) -> str:
        """The hash as Graph returns it in `file.hashes.quickXorHash` (standard base64)."""
        return base64.b64encode(self.digest()).decode("ascii")

    def hexdigest(self) -> str:
        return self.digest().hex()

    def copy(self) -> QuickXorHash:
        """An independent hash with the same state (e.g. to peek mid-stream)."""
        other = QuickXorHash.__new__(QuickXorHash)
        other._acc = self._acc.copy()
        other._length = self._length
        return other


def hash_bytes(data: bytes | bytearray | memoryview) -> str:
    """Base64 QuickXorHash of a whole buffer (as Graph returns it)."""
    return QuickXorHash(data).b64digest()


def hash_file(
    path: str | os.PathLike[str],
    *,
    stop: threading.Event | None = None,
    chunk_size: int = 4 << 20,
) -> tuple[int, str]:
    """Hash a file: returns (bytes read, base64 QuickXorHash).

    Reads into one reused buffer. `stop` is checked before every read and raises
    `CancelledError` when set. OSError (missing file, no permission, ...) propagates:
    the caller knows which file it was and how to report it.
    """
    if chunk_size <= 0:
        raise ValueError("chunk_size must be positive")
    hasher = QuickXorHash()
    buffer = bytearray(chunk_size)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as file:
        while True:
            if stop is not None and stop.is_set():
                raise CancelledError(f"hashing stopped: {os.fspath(path)!r}")
            count = file.readinto(view)
            if not count:
                break
            hasher.update(view[:count])
    return hasher.length, hasher.b64digest()
