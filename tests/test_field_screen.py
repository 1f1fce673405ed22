"""The field-line screen: trying only the field rules a line's first characters can start
never changes whether some field rule matches it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanpage._header import may_be_field
from cleanpage._rules import FieldRule, load_rules

FIELDS = load_rules().fields
LINES = [line for rule in FIELDS for line in (*rule.examples, *rule.counterexamples)]
PATTERNS = sorted({rule.pattern.pattern for rule in FIELDS})


def any_rule(fields: tuple[FieldRule, ...], line: str) -> bool:
    """The full scan: each rule's own pattern, ignoring case (as the screen does)."""
    return any(re.fullmatch(rule.pattern.pattern, line, re.IGNORECASE) for rule in fields)


def test_every_example_and_counterexample_gets_the_full_scan_answer() -> None:
    assert any(may_be_field(line, FIELDS) for line in LINES)
    for line in LINES:
        assert may_be_field(line, FIELDS) == any_rule(FIELDS, line), line


@st.composite
def field_lines(draw: st.DrawFn) -> str:
    """A line generated from a packaged field pattern, re-cased, or any text."""
    if draw(st.booleans()):
        return draw(st.text(st.sampled_from("aZ 9:|·İıſK中기자By"), max_size=20))
    line = draw(st.from_regex(draw(st.sampled_from(PATTERNS)), fullmatch=True))
    return line.swapcase() if draw(st.booleans()) else line


@settings(max_examples=500, deadline=None)
@given(field_lines())
def test_the_screen_never_hides_a_match(line: str) -> None:
    assert may_be_field(line, FIELDS) == any_rule(FIELDS, line)


def test_a_rule_whose_start_cannot_be_told_is_still_tried() -> None:
    wide = FieldRule("test.wide", "authors", re.compile(r"(?P<value>[가-힣]{2,4}) 기자"))
    plain = FieldRule("test.plain", "source", re.compile(r"Source: (?P<value>.+)"))
    assert may_be_field("홍길동 기자", (plain, wide))
    assert may_be_field("source: Reuters", (plain, wide))
    assert not may_be_field("Sources say", (plain, wide))
