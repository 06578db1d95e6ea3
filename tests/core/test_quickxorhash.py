"""QuickXorHash: published vectors, the reference package, chunking, files and cancel."""

from __future__ import annotations

import array
import base64
import itertools
import json
import random
import threading
from pathlib import Path
from typing import Any

import pytest
import quickxorhash as reference_package
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import CancelledError
from app.core.quickxorhash import QuickXorHash, hash_bytes, hash_file

VECTORS_FILE = Path(__file__).parent / "data" / "quickxorhash_vectors.json"
VECTORS: list[dict[str, Any]] = json.loads(VECTORS_FILE.read_text("utf-8"))["vectors"]
# rclone's TestQuickXorHashByBlock block sizes.
BLOCK_SIZES = [1, 2, 4, 7, 8, 16, 32, 64, 128, 256, 512]


def reference_b64(data: bytes) -> str:
    hasher = reference_package.quickxorhash()
    hasher.update(data)
    return base64.b64encode(hasher.digest()).decode("ascii")


def hash_in_chunks(data: bytes, sizes: list[int]) -> QuickXorHash:
    """Feed `data` in chunks cycling through `sizes` (through memoryviews, as uploads do)."""
    hasher = QuickXorHash()
    view = memoryview(data)
    pos = 0
    turn = 0
    while pos < len(data):
        size = sizes[turn % len(sizes)]
        hasher.update(view[pos : pos + size])
        pos += size
        turn += 1
    return hasher


def test_vectors_file_covers_rclone_sizes() -> None:
    sizes = [vector["size"] for vector in VECTORS]
    assert sizes == [*range(65), 111, 128, 222, 256, 333]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: f"size{v['size']}")
def test_rclone_vector_whole(vector: dict[str, Any]) -> None:
    data = base64.b64decode(vector["input_b64"], validate=True)
    assert len(data) == vector["size"]
    hasher = QuickXorHash()
    hasher.update(data)
    assert hasher.b64digest() == vector["quickxorhash_b64"]
    assert hasher.digest() == base64.b64decode(vector["quickxorhash_b64"])


@pytest.mark.parametrize("block_size", BLOCK_SIZES)
def test_rclone_vectors_by_block(block_size: int) -> None:
    for vector in VECTORS:
        data = base64.b64decode(vector["input_b64"], validate=True)
        hasher = hash_in_chunks(data, [block_size])
        assert hasher.b64digest() == vector["quickxorhash_b64"], vector["size"]


def test_empty_input_is_all_zero() -> None:
    hasher = QuickXorHash()
    assert hasher.digest() == bytes(20)
    hasher.update(b"")
    hasher.update(memoryview(b""))
    assert hasher.b64digest() == "AAAAAAAAAAAAAAAAAAAAAAAAAAA="
    assert hasher.length == 0


def test_length_is_xored_into_last_eight_bytes() -> None:
    # Zero bytes add nothing to the state, so the digest is the length alone, 64-bit
    # little-endian in bytes 12..19.
    for size in (1, 160, 161, 4096, 70_000):
        digest = QuickXorHash(bytes(size)).digest()
        assert digest[:12] == bytes(12)
        assert digest[12:] == size.to_bytes(8, "little")
    digest = QuickXorHash(b"\x01").digest()
    assert digest == b"\x01" + bytes(11) + (1).to_bytes(8, "little")


def test_bit_positions_wrap_round_160_bits() -> None:
    # Offset 14 lands at bit 154 (11 * 14): the byte straddles bit 159 and wraps to bit 0.
    data = bytes(14) + b"\xff"
    state = int.from_bytes(QuickXorHash(data).digest(), "little") ^ (15 << 96)
    assert state == ((0x3F << 154) | 0x3)
    assert QuickXorHash(data).b64digest() == reference_b64(data)


def test_large_input_with_odd_chunks_crossing_many_periods() -> None:
    rng = random.Random(20261122)
    data = rng.randbytes(3 * 1024 * 1024 + 12_345)
    expected = reference_b64(data)
    assert hash_bytes(data) == expected
    for sizes in ([159, 161, 7], [10_241, 1, 320 * 1024 + 3], [65_537], [1_000_003, 17]):
        assert hash_in_chunks(data, sizes).b64digest() == expected, sizes


def test_upload_fragment_sizes_and_unaligned_starts() -> None:
    rng = random.Random(7)
    data = rng.randbytes(2 * 320 * 1024 + 999)
    expected = reference_b64(data)
    assert hash_in_chunks(data, [320 * 1024]).b64digest() == expected
    # Starting at every alignment modulo 8 exercises the unaligned head of the wide fold.
    for start in range(9):
        assert hash_bytes(memoryview(data)[start:]) == reference_b64(data[start:]), start


def test_accepts_bytearray_memoryview_and_numpy_buffers() -> None:
    data = random.Random(3).randbytes(5000)
    expected = reference_b64(data)
    assert hash_bytes(bytearray(data)) == expected
    assert hash_bytes(memoryview(data)) == expected
    words = array.array("I")
    words.frombytes(data[: 4992 // words.itemsize * words.itemsize])
    assert hash_bytes(memoryview(words)) == reference_b64(words.tobytes())


def test_update_does_not_modify_or_keep_the_buffer() -> None:
    buffer = bytearray(random.Random(4).randbytes(50_000))
    original = bytes(buffer)
    hasher = QuickXorHash()
    hasher.update(buffer)
    assert buffer == original
    buffer[:] = bytes(len(buffer))  # reusing the buffer must not change the hash
    assert hasher.b64digest() == reference_b64(original)


def test_copy_is_independent_and_digest_does_not_finalise() -> None:
    rng = random.Random(5)
    first, second = rng.randbytes(1234), rng.randbytes(777)
    hasher = QuickXorHash(first)
    snapshot = hasher.copy()
    assert hasher.digest() == hasher.digest()
    hasher.update(second)
    assert snapshot.b64digest() == reference_b64(first)
    assert hasher.b64digest() == reference_b64(first + second)
    assert hasher.length == len(first) + len(second)


@settings(max_examples=150, deadline=None)
@given(
    data=st.binary(max_size=4000),
    cuts=st.lists(st.integers(min_value=0, max_value=4000), max_size=12),
)
def test_matches_reference_package_for_any_chunking(data: bytes, cuts: list[int]) -> None:
    bounds = sorted({0, len(data), *(cut for cut in cuts if cut <= len(data))})
    hasher = QuickXorHash()
    for start, end in itertools.pairwise(bounds):
        hasher.update(data[start:end])
    assert hasher.b64digest() == reference_b64(data)


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(min_value=0, max_value=2**32 - 1),
    size=st.integers(min_value=10_000, max_value=300_000),
    chunk=st.integers(min_value=1, max_value=70_000),
)
def test_matches_reference_package_on_larger_inputs(seed: int, size: int, chunk: int) -> None:
    data = random.Random(seed).randbytes(size)
    chunk = max(chunk, 97)  # keep the number of update calls small
    assert hash_in_chunks(data, [chunk, chunk + 1]).b64digest() == reference_b64(data)


def test_hash_file_matches_in_memory_hash(tmp_path: Path) -> None:
    data = random.Random(6).randbytes(1_000_000 + 33)
    path = tmp_path / "Statement.docx"
    path.write_bytes(data)
    for chunk_size in (4 << 20, 65_536, 1000, 161):
        assert hash_file(path, chunk_size=chunk_size) == (len(data), reference_b64(data))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert hash_file(str(empty)) == (0, "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")


def test_hash_file_stops_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    path.write_bytes(bytes(100_000))
    stop = threading.Event()
    stop.set()
    with pytest.raises(CancelledError):
        hash_file(path, stop=stop, chunk_size=4096)


def test_hash_file_stops_between_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.bin"
    path.write_bytes(bytes(100_000))
    stop = threading.Event()
    seen: list[int] = []
    original_update = QuickXorHash.update

    def update_then_stop(self: QuickXorHash, data: bytes | bytearray | memoryview) -> None:
        original_update(self, data)
        seen.append(len(memoryview(data)))
        stop.set()  # as if the user pressed Cancel while the first chunk was hashed

    monkeypatch.setattr(QuickXorHash, "update", update_then_stop)
    with pytest.raises(CancelledError):
        hash_file(path, stop=stop, chunk_size=4096)
    assert seen == [4096]


def test_hash_file_missing_file_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        hash_file(tmp_path / "gone.txt")


def test_hash_file_rejects_bad_chunk_size(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"a")
    with pytest.raises(ValueError, match="chunk_size"):
        hash_file(path, chunk_size=0)
