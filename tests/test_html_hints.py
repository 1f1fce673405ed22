"""The structural hints file (rules/html.toml) and the lexicon prefilter."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanpage._html_hints import hints_from_data, load_hints, split_tokens
from cleanpage._html_lexicon import build_lexicon
from cleanpage._rules import Rule, RuleDataError, load_rules


def test_packaged_hints_load() -> None:
    hints = load_hints()
    assert hints.reason_for("div", split_tokens("social-share")) == "share"
    assert hints.reason_for("div", split_tokens("cookie-banner")) == "cookie"
    assert hints.reason_for("nav", frozenset()) == "navigation"
    assert hints.reason_for("div", split_tokens("article-body share")) is None
    assert hints.reason_for("body", split_tokens("has-sidebar")) is None


def test_split_tokens() -> None:
    assert split_tokens("relatedPosts  post_meta\tID-12") == {
        "related",
        "posts",
        "post",
        "meta",
        "id",
        "12",
    }


@pytest.mark.parametrize(
    "data",
    [
        {"reasons": {"chrome": ["x"]}},
        {"reasons": {"share": ["social-share"]}},
        {"tag_reasons": {"nav": "menu"}},
    ],
)
def test_bad_hints_are_rejected(data: dict[str, object]) -> None:
    with pytest.raises(RuleDataError):
        hints_from_data(data)


def test_prefilter_never_hides_a_packaged_rule_example() -> None:
    rules = load_rules().rules
    lexicon = build_lexicon(rules)
    for rule in rules:
        for example in rule.examples:
            if rule.matches(example):
                assert lexicon.first_match(example) is not None, (rule.id, example)


PATTERNS = [
    r"^(?:Join|Sign up) now$",
    r"^(?:the )?views expressed\b",
    r"^.{0,12}APR up to \d+%",
    r"^\d+ comments?$",
    r"not financial advice",
    r"^[A-Z]{2,5}/USDT [\d.]+$",
]


@settings(deadline=None)  # compiling the prefilter is slow on a busy machine
@given(st.sampled_from(PATTERNS), st.text(max_size=40), st.sampled_from(["", "x", "Join now"]))
def test_prefilter_is_a_superset_of_the_rules(pattern: str, text: str, prefix: str) -> None:
    rule = Rule(id="t", category="promo", patterns=(re.compile(pattern, re.IGNORECASE),))
    lexicon = build_lexicon((rule,))
    line = prefix + text
    if rule.matches(line):
        # ``==``, not ``is``: build_lexicon is cached, and an earlier example with an
        # equal rule (a frozen value) may have built the lexicon this call gets.
        assert lexicon.first_match(line) == rule
