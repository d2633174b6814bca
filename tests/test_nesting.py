"""ktcn's own bound on flow nesting, measured on the text before any parser sees it.

The bound must give KTCN011 at the same place whatever PyYAML is installed:
libyaml 0.2.5 has no limit of its own, the libyaml of PyYAML 6.0.4 stops at
1,000 levels with an English message, and the pure-Python parser recurses.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from ktcn.records import yamlsource
from ktcn.records.nesting import flow_too_deep

LIMIT = 100


def nested(depth: int, open_: str = "[", close: str = "]") -> str:
    return open_ * depth + close * depth


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("title: " + nested(101), (1, 108)),
        ("a: 1\ntitle: " + nested(5000), (2, 108)),
        ("tasks:\n  - " + nested(150, "{a: ", "}"), (2, 5 + 4 * 100)),
        ("x: &anchor !!seq " + nested(101), (1, 118)),
        ("- " + nested(101), (1, 103)),
        ("x:\n  " + "[\n" * 101 + "]" * 101, (102, 1)),
        ("x: [\"]]]]]]]]]]\", " + nested(101) + "]", (1, 18 + 100)),
        ("x: [# ]]]]]]]]]]]\n" + nested(101) + "]", (2, 101)),
        ("note: |\ntitle: " + nested(101), (2, 108)),
        ("- note: >-\n  title: " + nested(101), (2, 110)),
        ("- |\n  [[[\n- " + nested(101), (3, 103)),
    ],
    ids=["flow", "far-past-libyaml-limit", "flow-mappings", "after-properties", "sequence-entry",
         "across-lines", "closers-in-quotes-do-not-hide", "closers-in-comments-do-not-hide",
         "after-an-empty-block-scalar", "after-an-empty-block-scalar-in-a-list", "after-a-block-scalar-entry"],
)
def test_too_deep_flow_is_found_at_the_opening_bracket(text, where):
    assert flow_too_deep(text, LIMIT) == where


@pytest.mark.parametrize(
    "text",
    [
        "title: " + nested(100),
        "lead: [a, b]\n" * 500,
        "title: \"" + "[" * 300 + "\"\n",
        "title: '" + "[" * 300 + "'\n",
        "# " + "[" * 300 + "\n",
        "title: Mục [1] và [2]\n" * 300,
        "x: [don't" + ", [a]" * 200 + "]\n",
        "note: |\n  " + "[" * 300 + "\n",
    ],
    ids=["exactly-the-limit", "many-shallow-lists", "brackets-in-double-quotes", "brackets-in-single-quotes",
         "brackets-in-a-comment", "balanced-brackets-in-plain-text", "apostrophe-in-flow-plain-scalar",
         "brackets-in-a-block-scalar"],
)
def test_shallow_text_is_not_flagged(text):
    assert flow_too_deep(text, LIMIT) is None


@given(
    st.lists(st.sampled_from(["[", "{a: ", "[b, ", "{c: [d], e: "]), min_size=1, max_size=250),
    st.sampled_from(["x", "[x]", "{x: y}", "'x]'", '"}"']),
)
def test_the_measure_agrees_with_the_parser(openers, innermost):
    """Under libyaml's own limit, the parser's deepest collection decides whether the text is too deep."""
    closers = "".join("]" if opener.startswith("[") else "}" for opener in reversed(openers))
    text = "title: " + "".join(openers) + innermost + closers
    parser_depth = deepest = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            parser_depth += 1
            deepest = max(deepest, parser_depth)
        elif isinstance(event, yaml.CollectionEndEvent):
            parser_depth -= 1
    flow_depth = deepest - 1  # the root mapping is block
    assert (flow_too_deep(text, LIMIT) is not None) == (flow_depth > LIMIT)


def test_the_bound_holds_before_the_parser_runs(monkeypatch):
    """A parser with a smaller limit of its own (as libyaml grew one) never gets to speak first."""

    def parser_that_refuses(*_args, **_kwargs):
        raise AssertionError("the parser saw a text ktcn had to refuse")

    monkeypatch.setattr(yaml, "parse", parser_that_refuses)
    monkeypatch.setattr(yamlsource, "_Loader", parser_that_refuses)
    root, problems = yamlsource.compose_text("id: x\ntitle: " + nested(10_000), "p.yaml")
    assert root is None
    assert [(d.code, d.line) for d in problems] == [("KTCN011", 2)]


def _bracket_depth_walked(text: str) -> int:
    """Every bracket character counted, as the event-scan trigger always counted them."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


@given(st.text(alphabet="[]{}a\n'\"#", max_size=80), st.integers(1, 12))
def test_the_bracket_depth_shortcut_answers_as_the_walk(text, limit):
    # Dropping the innermost pairs first must never say 'not that deep' where the walk would say it is.
    assert yamlsource._brackets_reach(text, limit) == (_bracket_depth_walked(text) >= limit)
