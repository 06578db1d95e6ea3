"""Property: whatever order fragments are tried in, only in-order bytes are kept, and the
file that completes is exactly the data, with the QuickXorHash of the data."""

from __future__ import annotations

import itertools
import random

from graph_client import FRAG, Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.quickxorhash import QuickXorHash
from app.sandbox.server import Sandbox

_names = itertools.count()


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    derandomize=True,
)
@given(
    n_fragments=st.integers(min_value=1, max_value=4),
    tail=st.integers(min_value=1, max_value=FRAG),
    attempts=st.lists(st.integers(min_value=0, max_value=4), max_size=8),
)
def test_any_attempt_order_stores_exactly_the_data(
    sandbox: Sandbox, n_fragments: int, tail: int, attempts: list[int]
) -> None:
    client = Client(sandbox)
    data = random.Random(n_fragments * 7919 + tail).randbytes((n_fragments - 1) * FRAG + tail)
    starts = list(range(0, len(data), FRAG))
    name = f"prop{next(_names)}.bin"
    url = client.session(name).json()["uploadUrl"]
    received = 0
    # Stray attempts first (repeats, gaps), each checked against the documented answer.
    for index in attempts:
        start = starts[min(index, len(starts) - 1)]
        if start == received and start + FRAG >= len(data):
            continue  # that would complete the file: leave it for the in-order pass
        r = client.fragment(url, data[start : start + FRAG], start, len(data))
        if start == received:
            assert r.status_code == 202
            received = start + FRAG
        else:
            assert r.status_code == 416
            assert r.json()["nextExpectedRanges"] == [f"{received}-"]
    last = None
    for start in starts:
        if start < received:
            continue
        last = client.fragment(url, data[start : start + FRAG], start, len(data))
    assert last is not None and last.status_code == 201
    assert last.json()["file"]["hashes"]["quickXorHash"] == QuickXorHash(data).b64digest()
    assert sandbox.state.read_file(client.upn, name) == data
