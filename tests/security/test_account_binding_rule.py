"""The rule that binds a run to its account cannot be fooled by a look-alike name.

`check_account` (app/core/resume.py) is the one rule both `migrate --resume` and the
wizard apply (their refusals, end to end, are in tests/e2e/test_account_binding.py).
Here, over generated account names: the same account in other letter case is the same
account; anything else, including Unicode look-alikes (Cyrillic 'о', full-width
letters, zero-width characters, spaces), is refused with a message saying whose run it is.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.core.journal_records import RunInfo
from app.core.resume import AnotherAccountsRun, check_account

local = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._-", min_size=1, max_size=12)
upns = st.builds(lambda a, b: f"{a}@{b}.police.uk", local, local)
LOOKALIKES = {"o": "\u043e", "a": "\u0430", "e": "\u0435", ".": "\u2024", "l": "\u04cf"}
TRICKS = [
    lambda u: u + " ",
    lambda u: " " + u,
    lambda u: u.replace("@", "\u200b@"),
    lambda u: u.replace("@", "\uff20"),
    lambda u: "".join(LOOKALIKES.get(c, c) for c in u),
    lambda u: u.upper().replace("I", "\u0130"),
]


def run_of(account: str) -> RunInfo:
    return RunInfo(1, account, "/h", "H drive", 0.0, None, "default", "t")


@given(upns, st.lists(st.booleans(), min_size=40, max_size=40))
def test_the_same_account_in_any_case_may_continue(upn: str, upper: list[bool]) -> None:
    mixed = "".join(c.upper() if up else c for c, up in zip(upn, upper * 3, strict=False))
    check_account(run_of(upn), mixed)


@given(upns, upns)
def test_another_account_is_refused(owner: str, other: str) -> None:
    assume(owner.lower() != other.lower())
    with pytest.raises(AnotherAccountsRun) as refused:
        check_account(run_of(owner), other)
    assert owner in refused.value.message and other in refused.value.message


@given(upns, st.sampled_from(range(len(TRICKS))))
def test_look_alike_names_are_refused(owner: str, trick: int) -> None:
    forged = TRICKS[trick](owner)
    assume(forged.lower() != owner.lower() and forged != owner)
    with pytest.raises(AnotherAccountsRun):
        check_account(run_of(owner), forged)
