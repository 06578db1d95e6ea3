"""The retention policy file: the default policy, a custom one, and every way one can be wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import BadInputError
from app.core.guidance import Action
from app.core.inventory import ProblemKind
from app.core.policy import PolicyError, load_policy, parse_policy, policy_from_settings

GOOD = """
[policy]
name = "Test policy"
version = "7"

[categories]
docs = [".DOCX", "pdf"]

[[rules]]
id = "old-docs"
action = "review"
categories = ["docs"]
modified_before_years = 3
label = "Review after 3 years"
title = { en = "Old document", cy = "Hen ddogfen" }
explanation.en = "Check it."
explanation.cy = "Gwiriwch hi."

[[rules]]
id = "bins"
action = "cannot_move"
scan_problems = ["link"]
title.en = "Link"
explanation.en = "Links are not followed."
"""


def test_default_policy_loads_with_english_and_welsh_for_every_rule() -> None:
    policy = load_policy()
    assert policy.languages[:2] == ("en", "cy")
    assert len(policy.rules) >= 12
    for rule in policy.rules:
        for texts in (rule.title, rule.explanation):
            assert texts["en"].strip() and texts["cy"].strip(), rule.id
            assert texts["en"] != texts["cy"], rule.id
    ids = {rule.id for rule in policy.rules}
    for expected in (
        "temporary-files",
        "shortcuts",
        "outlook-data",
        "programs",
        "personal-media",
        "not-changed-six-years",
        "police-records-by-name",
        "duplicates",
        "very-large-files",
        "onedrive-rename",
        "onedrive-cannot-hold",
        "unreadable",
        "links",
    ):
        assert expected in ids
    assert policy.rule("not-changed-six-years").action is Action.REVIEW  # never auto-delete
    assert policy.rule("not-changed-six-years").modified_before_years == 6
    assert not policy.rule("outlook-data").overridable
    covered = {kind for rule in policy.rules for kind in rule.scan_problems}
    assert covered == set(ProblemKind)


def test_policy_from_settings_empty_means_default_and_a_path_is_read(tmp_path: Path) -> None:
    assert policy_from_settings("").name == load_policy().name
    path = tmp_path / "p.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert policy_from_settings(str(path)).name == "Test policy"


def test_a_good_custom_policy_parses_into_rules() -> None:
    policy = parse_policy(GOOD, "good.toml")
    assert (policy.name, policy.version, policy.source) == ("Test policy", "7", "good.toml")
    old = policy.rule("old-docs")
    assert old.extensions == frozenset({"docx", "pdf"})
    assert old.action is Action.REVIEW and old.overridable and old.label == "Review after 3 years"
    assert old.line == 9
    assert old.title["cy"] == "Hen ddogfen"
    bins = policy.rule("bins")
    assert bins.scan_problems == frozenset({ProblemKind.LINK}) and not bins.overridable
    assert policy.languages == ("en", "cy")


def _rule(body: str, rule_id: str = "r1") -> str:
    return (
        "[[rules]]\n"
        f'id = "{rule_id}"\n'
        'title = { en = "T" }\n'
        'explanation = { en = "E" }\n' + body
    )


# (policy text, the line the error must name, the rule id it must name, words in the message)
BAD = [
    ("[[rules]\nid = 1", 1, None, "not valid TOML"),
    ('[policy]\nname = "x"\ncolour = "blue"\n', 3, None, "unknown field 'colour'"),
    ("[extras]\na = 1\n", 1, None, "unknown section"),
    ('[policy]\nname = "x"\n', None, None, "no [[rules]]"),
    (_rule('action = "shred"\nextensions = [".a"]\n'), 5, "r1", "action must be one of"),
    (_rule('extensions = [".a"]\n'), 1, "r1", "has no action"),
    (_rule('action = "move"\nextensions = [".a"]\nsize = 3\n'), 7, "r1", "unknown field 'size'"),
    (
        '[[rules]]\nid = "r1"\ntitle = { cy = "T" }\nexplanation = { en = "E" }\n'
        'action = "move"\nextensions = [".a"]\n',
        3,
        "r1",
        "English text",
    ),
    (_rule('action = "move"\nnames = ["[abc"]\n'), 6, "r1", "unclosed"),
    (_rule('action = "move"\nnames = ["a/b"]\n'), 6, "r1", "no slashes"),
    (_rule('action = "review"\nmodified_before_years = -1\n'), 6, "r1", "cannot be negative"),
    (_rule('action = "review"\nsize_above_mib = "big"\n'), 6, "r1", "must be a number"),
    (
        _rule('action = "move"\nextensions = [".a"]\n')
        + _rule('action = "move"\nextensions = [".b"]\n'),
        8,
        "r1",
        "used twice",
    ),
    (_rule('action = "move"\ncategories = ["nope"]\n'), 6, "r1", "unknown category 'nope'"),
    (_rule('action = "move"\n'), 1, "r1", "no match conditions"),
    (
        _rule('action = "cannot_move"\noverridable = true\nextensions = [".a"]\n'),
        6,
        "r1",
        "cannot be overridable",
    ),
    (_rule('action = "cannot_move"\nscan_problems = ["gremlins"]\n'), 6, "r1", "gremlins"),
    (
        _rule('action = "review"\nscan_problems = ["link"]\n'),
        6,
        "r1",
        'action = "cannot_move"',
    ),
    (_rule('action = "move"\nduplicates = false\n'), 6, "r1", "can only be true"),
    (_rule('action = "move"\nonedrive_names = "maybe"\n'), 6, "r1", "fixable"),
    (_rule('action = "move"\nextensions = ["a b/c"]\n'), 6, "r1", "not a file extension"),
    ('[[rules]]\nid = "Bad Id"\n', 2, "Bad Id", "needs an id"),
]


@pytest.mark.parametrize(("text", "line", "rule_id", "words"), BAD)
def test_each_bad_policy_names_file_line_and_rule(
    tmp_path: Path, text: str, line: int | None, rule_id: str | None, words: str
) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    error = caught.value
    assert isinstance(error, BadInputError) and error.exit_code == 2
    assert error.path == str(path)
    assert error.line == line
    assert error.rule_id == rule_id
    assert words in error.message
    assert str(path) in error.message
    if line is not None:
        assert f"line {line}" in error.message
    if rule_id is not None:
        assert f"rule '{rule_id}'" in error.message


def test_a_missing_policy_file_is_a_policy_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="does not exist"):
        load_policy(tmp_path / "absent.toml")


def test_an_undecodable_policy_file_is_a_policy_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'[policy]\nname = "caf\xe9"\n')
    with pytest.raises(PolicyError, match="cannot be read"):
        load_policy(path)


def test_the_example_in_the_docs_is_a_valid_policy() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "retention-policy.md"
    example = docs.read_text(encoding="utf-8").split("```toml\n", 1)[1].split("```", 1)[0]
    policy = parse_policy(example, "docs example")
    assert policy.rule("personal-media").extensions == frozenset({"jpg", "jpeg", "heic"})
