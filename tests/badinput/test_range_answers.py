"""Whatever OneDrive says about the bytes it still expects, the client either takes a
sane offset from it or fails that one file with a typed, explained error.

`nextExpectedRanges` (Graph's answer to a fragment and to "where were we?") drives where
the next fragment starts. Hypothesis feeds `next_expected` every shape of answer: well
formed ranges, open ranges, garbage strings, numbers, nested lists. The server side of
Content-Range (any order of attempts stores exactly the data) is proven in
tests/sandbox/test_upload_properties.py.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app.m365.errors import GraphError
from app.m365.upload_outcomes import next_expected

ranges = st.one_of(
    st.builds(lambda a, b: f"{a}-{b}", st.integers(0, 2**45), st.integers(0, 2**45)),
    st.builds(lambda a: f"{a}-", st.integers(0, 2**45)),
    st.text(max_size=12),
    st.integers(-(2**40), 2**40),
    st.none(),
    st.lists(st.integers(), max_size=2),
)
answers = st.one_of(
    st.fixed_dictionaries({"nextExpectedRanges": st.lists(ranges, max_size=3)}),
    st.fixed_dictionaries({"nextExpectedRanges": ranges}),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@given(answers)
def test_an_offset_or_a_typed_error(body: dict[str, Any]) -> None:
    try:
        offset = next_expected(body)
    except GraphError as error:
        assert error.title and error.message and error.action
        return
    assert offset is None or (isinstance(offset, int) and offset >= 0)


def test_well_formed_answers_are_read() -> None:
    assert next_expected({"nextExpectedRanges": ["327680-"]}) == 327680
    assert next_expected({"nextExpectedRanges": ["0-99", "200-"]}) == 0
    assert next_expected({"nextExpectedRanges": []}) is None
    assert next_expected({}) is None
