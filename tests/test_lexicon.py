"""The shared lexicon matcher: its prefilter never changes which rule matches a line."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanpage._lexicon import build_lexicon
from cleanpage._patterns import fold, key, needs, starts
from cleanpage._rules import Rule, load_rules

RULES = load_rules().rules
EXAMPLES = [example for rule in RULES for example in rule.examples]


def naive(rules: tuple[Rule, ...], line: str) -> Rule | None:
    return next((rule for rule in rules if rule.matches(line)), None)


def test_every_packaged_example_gets_the_rule_a_full_scan_gets() -> None:
    lexicon = build_lexicon(RULES)
    for line in EXAMPLES + [c for rule in RULES for c in rule.counterexamples]:
        assert lexicon.first_match(line) is naive(RULES, line), line


def _recase(draw: st.DrawFn, text: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.swapcase() if flip else c for c, flip in zip(text, flips, strict=True))


@st.composite
def lines(draw: st.DrawFn) -> str:
    """Rule examples cut, re-cased, padded and glued to other text, or arbitrary text."""
    if draw(st.booleans()):
        return draw(st.text(max_size=60))
    example = draw(st.sampled_from(EXAMPLES))
    start = draw(st.integers(0, max(0, len(example) - 1)))
    piece = example[start:] if draw(st.booleans()) else example
    pad = st.text(st.sampled_from("aZ 9%:|·İıſK\u3000中"), max_size=6)
    return draw(pad) + _recase(draw, piece) + draw(pad)


@settings(max_examples=400, deadline=None)
@given(lines())
def test_the_prefilter_never_hides_a_match(line: str) -> None:
    assert build_lexicon(RULES).first_match(line) is naive(RULES, line)


PATTERNS = [
    r"^(?:Join|Sign up) now$",
    r"^(?:the )?views expressed\b",
    r"^.{0,12}APR up to \d+%",
    r"^\d+ comments?$",
    r"not financial advice",
    r"^[A-Z]{2,5}/USDT [\d.]+$",
    r"^.{0,80}tüm hakları saklıdır\.?$",
    r"^(?:in|on) \S+$",
    r"^Σ\s*ſum",
]


@settings(deadline=None)  # compiling the prefilter is slow on a busy machine
@given(st.sampled_from(PATTERNS), st.text(max_size=40), st.sampled_from(["", "x", "Join now"]))
def test_prefilter_is_a_superset_of_each_rule(pattern: str, text: str, prefix: str) -> None:
    rule = Rule(id="t", category="promo", patterns=(re.compile(pattern, re.IGNORECASE),))
    line = prefix + text
    if rule.matches(line):
        # ``==``, not ``is``: build_lexicon is cached, and an earlier example with an
        # equal rule (a frozen value) may have built the lexicon this call gets.
        assert build_lexicon((rule,)).first_match(line) == rule


@st.composite
def matches(draw: st.DrawFn) -> tuple[str, str]:
    """A pattern and a line it matches (generated from the pattern itself)."""
    pattern = draw(st.sampled_from(PATTERNS))
    return pattern, draw(st.from_regex(re.compile(pattern, re.IGNORECASE)))


@settings(deadline=None)
@given(matches())
def test_starts_and_needs_hold_for_every_match(case: tuple[str, str]) -> None:
    pattern, line = case
    found = re.compile(pattern, re.IGNORECASE).search(line)
    assert found is not None
    literals = needs(pattern)
    if literals is not None:
        assert any(literal in fold(found.group()) for literal in literals)
    for size in (1, 2):
        heads = starts(pattern, size)
        if heads is not None and len(found.group()) >= size:
            assert "".join(map(key, found.group()[:size])) in heads
    rule = Rule(id="t", category="promo", patterns=(re.compile(pattern, re.IGNORECASE),))
    assert build_lexicon((rule,)).first_match(line) == (rule if rule.matches(line) else None)


def test_starts_reads_the_first_two_characters() -> None:
    assert starts(r"^(?:Join|sign up)", 2) == {"jo", "si", "sı", "ſi", "ſı"}
    assert starts(r"^\d+ comments?$", 2) == {"00", "0 "}
    assert starts(r"^.{0,12}APR", 1) is None


def test_fold_equates_what_ignorecase_equates() -> None:
    for upper, lower in [("İ", "i"), ("I", "ı"), ("ſ", "S"), ("Σ", "ς"), ("K", "k")]:
        assert re.fullmatch(lower, upper, re.IGNORECASE)
        assert fold(upper) == fold(lower)


PACKAGED = sorted({p.pattern for rule in RULES for p in rule.patterns})


@st.composite
def packaged_matches(draw: st.DrawFn) -> str:
    """A line generated from one of the packaged patterns, maybe with text around it."""
    pattern = re.compile(draw(st.sampled_from(PACKAGED)), re.IGNORECASE)
    around = st.text(st.sampled_from("ab 1|İ中"), max_size=4)
    return draw(around) + draw(st.from_regex(pattern)) + draw(around)


@settings(max_examples=600, deadline=None)
@given(packaged_matches())
def test_lines_made_from_packaged_patterns_get_the_full_scan_rule(line: str) -> None:
    assert build_lexicon(RULES).first_match(line) is naive(RULES, line)
