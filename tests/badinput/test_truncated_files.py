"""Files the app reads back, cut short or damaged anywhere: each is refused with a
message a person can act on, or read as far as it is sound; never a crash.

Hypothesis cuts and flips real files: the default retention policy, an organisation
settings file, and a journal written by the app (with a run in it). The token cache's
damage cases are in tests/m365/test_token_cache.py; random settings text in
tests/test_settings.py; random policies in tests/core/test_policy_fuzz.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import UserFacingError
from app.core.guidance import Action, Guidance, GuidanceReport
from app.core.inventory import FileEntry, Inventory
from app.core.journal import Journal, JournalFromNewerVersion
from app.core.plan import Choices, build_plan
from app.core.policy import PolicyError, default_policy_path, load_policy
from app.settings import load_settings

FIXTURE = [HealthCheck.function_scoped_fixture]
ORG_FILE = b"""[organisation]
name = "Dyfed-Powys Police"
[identity]
tenant = "contoso.onmicrosoft.com"
client_id = "9c2b7e4a-1d3f-4c8b-a6e5-2f0d8b1c7a93"
owner_mismatch = "refuse"
[policy]
retention_labels = true
"""


def damaged(original: bytes, cut: float, flips: list[tuple[float, int]]) -> bytes:
    data = bytearray(original[: int(len(original) * cut)])
    for where, bit in flips:
        if data:
            data[int(where * (len(data) - 1))] ^= 1 << bit
    return bytes(data)


damage = st.tuples(
    st.floats(0, 1), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 7)), max_size=3)
)


@settings(max_examples=80, suppress_health_check=FIXTURE)
@given(damage)
def test_a_damaged_policy_is_refused_plainly_or_read(
    tmp_path_factory: pytest.TempPathFactory, how: tuple[float, list[tuple[float, int]]]
) -> None:
    path = tmp_path_factory.mktemp("policy") / "policy.toml"
    path.write_bytes(damaged(default_policy_path().read_bytes(), *how))
    try:
        load_policy(path)
    except PolicyError as error:
        assert error.title and error.message and error.action


@settings(max_examples=80, suppress_health_check=FIXTURE)
@given(damage)
def test_a_damaged_settings_file_never_stops_the_app(
    tmp_path_factory: pytest.TempPathFactory, how: tuple[float, list[tuple[float, int]]]
) -> None:
    path = tmp_path_factory.mktemp("org") / "organisation.toml"
    path.write_bytes(damaged(ORG_FILE, *how))
    loaded = load_settings(organisation_file=path, environ={})
    assert loaded.settings is not None
    for problem in loaded.problems:  # each names the file, so IT can find it
        assert str(path) in str(problem)


def write_journal(path: Path) -> bytes:
    files = [FileEntry(f"Case/file {n}.txt", 100 + n, 1.7e9, 1.7e9) for n in range(40)]
    inventory = Inventory("/h", files)
    report = GuidanceReport(inventory, [Guidance(Action.MOVE) for _ in files])
    plan = build_plan(report, None, Choices(), destination_folder="H drive")
    with Journal(path) as journal:
        run = journal.start_run(plan, account="tom@example.org", settings_digest="t")
        journal.mark_failed(run, 3, code="x", message="m", action="a")
    return path.read_bytes()


@settings(max_examples=60, suppress_health_check=FIXTURE)
@given(damage)
def test_a_damaged_journal_is_set_aside_plainly_or_read(
    tmp_path_factory: pytest.TempPathFactory, how: tuple[float, list[tuple[float, int]]]
) -> None:
    folder = tmp_path_factory.mktemp("journal")
    path = folder / "journal.sqlite3"
    original = write_journal(path)
    path.write_bytes(damaged(original, *how))
    try:
        with Journal(path) as journal:
            run = journal.latest_run()
            if run is not None:
                journal.items(run.id)
    except JournalFromNewerVersion as error:
        # damage that reads as a newer schema: refused, and the file left where it is
        assert error.title and error.message and error.action
        assert path.exists()
    except UserFacingError as error:
        assert error.title and error.message and error.action
        # set aside under a new name, kept for IT, never deleted
        assert any(".corrupt-" in p.name for p in folder.iterdir()), error
