"""Any policy text is either a valid policy or a PolicyError naming where: never a crash."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.policy import PolicyError, parse_policy

KEYS = [
    "id",
    "title",
    "explanation",
    "action",
    "overridable",
    "label",
    "extensions",
    "categories",
    "names",
    "folders",
    "modified_before_years",
    "size_above_mib",
    "duplicates",
    "onedrive_names",
    "scan_problems",
    "colour",
]
scalars = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "move",
            "review",
            "discard",
            "cannot_move",
            "fixable",
            "link",
            ".tmp",
            "*statement*",
            "[abc",
            "a/b",
            "r1",
            "docs",
        ]
    ),
    st.integers(-5, 10),
    st.floats(-5, 1e6, allow_nan=False, allow_infinity=False),
    st.booleans(),
)
values = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(st.sampled_from(["en", "cy", "xx-YY", "bad code"]), scalars, max_size=2),
)
rules = st.dictionaries(st.sampled_from(KEYS), values, max_size=8)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, int) else f"{value:.6e}"
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{ " + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + " }"


def policy_text(rule_list: list[dict[str, Any]]) -> str:
    parts = ['[categories]\ndocs = [".docx"]\n']
    for rule in rule_list:
        parts.append("[[rules]]\n")
        parts.extend(f"{key} = {toml_value(value)}\n" for key, value in rule.items())
    return "".join(parts)


@settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(rules, min_size=1, max_size=3))
def test_random_policies_parse_or_raise_policy_error(rule_list: list[dict[str, Any]]) -> None:
    text = policy_text(rule_list)
    try:
        policy = parse_policy(text, "fuzz.toml")
    except PolicyError as error:
        assert error.path == "fuzz.toml"
        assert error.message.startswith("fuzz.toml")
        return
    for rule in policy.rules:  # what was accepted is complete
        assert rule.title["en"] and rule.explanation["en"]
        assert not (rule.overridable and rule.action.value == "cannot_move")
