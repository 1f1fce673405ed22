"""The lexicon's cheap prefilters (menu line ends, literal screens, start keys) hide no match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanpage._lexicon import build_header_lexicon, build_lexicon
from cleanpage._patterns import key, keys
from cleanpage._rules import Rule, load_rules, menu_key

RULES = load_rules().rules
MENUS = [rule for rule in RULES if rule.terms]
SEPARATORS = st.sampled_from(["", " ", " | ", "·", "\u3000", " / ", ":", "\t"])
ENDS = st.sampled_from(["", ".", "。", " ", "|", "!", "x", "1", "İ", "ß", "ſ"])


def naive(rules: tuple[Rule, ...], line: str) -> Rule | None:
    return next((rule for rule in rules if rule.matches(line)), None)


def _recase(draw: st.DrawFn, text: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.upper() if flip else c for c, flip in zip(text, flips, strict=True))


@st.composite
def menu_lines(draw: st.DrawFn) -> str:
    """A menu rule's terms, joined by separators, re-cased, maybe with text at either end."""
    rule = draw(st.sampled_from(MENUS))
    terms = draw(st.lists(st.sampled_from(rule.terms), min_size=1, max_size=6))
    parts = [_recase(draw, term) + draw(SEPARATORS) for term in terms]
    return draw(ENDS) + "".join(parts) + draw(ENDS)


@settings(max_examples=400, deadline=None)
@given(menu_lines())
def test_menu_lines_get_the_full_scan_rule(line: str) -> None:
    assert build_lexicon(RULES).first_match(line) is naive(RULES, line)


def test_packaged_menu_examples_end_and_start_with_a_term() -> None:
    lexicon = build_lexicon(RULES)
    for rule in MENUS:
        for line in rule.examples:
            assert lexicon.first_match(line) is naive(RULES, line), line


def test_a_sentence_is_no_menu_line_even_when_its_words_are_terms() -> None:
    terms = ("home", "news", "sport")
    pattern = re.compile("(?>home|news|sport){3,}+")
    rule = Rule(id="t.menu", category="navigation", terms=terms, terms_pattern=pattern)
    lexicon = build_lexicon((rule,))
    assert lexicon.first_match("Home | News | Sport") is rule
    assert lexicon.first_match("Home News Sport.") is None
    assert lexicon.first_match("| Home · News · Sport |") is rule


@given(st.text(max_size=8))
def test_keys_are_the_key_of_each_character(text: str) -> None:
    assert keys(text) == "".join(map(key, text))


@given(st.text(min_size=1, max_size=12), st.text(max_size=12))
def test_the_key_of_a_line_starts_and_ends_as_its_ends_do(head: str, tail: str) -> None:
    # What the menu prefilter relies on: ``menu_key`` maps a line piece by piece.
    assert menu_key(head + tail).startswith(menu_key(head))
    assert menu_key(head + tail).endswith(menu_key(tail))
    for char in head[:1]:
        if char.isalnum():
            assert menu_key(char) == char.casefold()


@st.composite
def screened_lines(draw: st.DrawFn) -> str:
    """Text around a literal that screens a floating pattern (re-cased), or around an example."""
    pool = [example for rule in RULES for example in rule.examples if len(example) > 60]
    piece = draw(st.sampled_from(pool))
    start = draw(st.integers(0, len(piece) - 1))
    pad = st.text(st.sampled_from("ab İıſK中 .,"), max_size=80)
    return draw(pad) + _recase(draw, piece[start:]) + draw(pad)


@settings(max_examples=300, deadline=None)
@given(screened_lines())
def test_long_lines_get_the_full_scan_rule(line: str) -> None:
    assert build_lexicon(RULES).first_match(line) is naive(RULES, line)


def _rule(rule_id: str, pattern: str) -> Rule:
    return Rule(id=rule_id, category="legal", patterns=(re.compile(pattern, re.IGNORECASE),))


def test_a_pattern_is_screened_by_a_shorter_literal_its_own_holds() -> None:
    # "rights" is the only literal kept: "all rights reserved" must be filed under it.
    whole, part = _rule("t.whole", "all rights reserved"), _rule("t.part", r"\brights\b")
    lexicon = build_lexicon((whole, part))
    assert lexicon.first_match("© 2024 ACME. All Rights Reserved.") is whole
    assert lexicon.first_match("Know your rights") is part


def test_every_literal_found_is_followed_not_only_the_first() -> None:
    # "newsletter" sorts before "sign up here": stopping at it would answer the later rule.
    first, second = _rule("t.first", "sign up here"), _rule("t.second", "newsletter")
    lexicon = build_lexicon((first, second))
    assert lexicon.first_match("Our newsletter: sign up here") is first
    assert lexicon.first_match("Our newsletter") is second


HEADS = tuple(rule for rule in RULES if rule.scope != "line")


@settings(max_examples=300, deadline=None)
@given(st.one_of(menu_lines(), screened_lines()))
def test_the_box_header_lexicon_is_the_full_scan_of_its_rules(line: str) -> None:
    # ``headed_boxes`` asks the whole lexicon only when this one matches.
    assert build_header_lexicon(RULES).first_match(line) is naive(HEADS, line)


def test_every_box_header_example_passes_the_box_header_lexicon() -> None:
    heads = build_header_lexicon(RULES)
    for rule in HEADS:
        for example in rule.examples:
            assert heads.first_match(example) is not None, (rule.id, example)
