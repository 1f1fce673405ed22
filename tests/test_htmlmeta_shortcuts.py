"""The shortcuts in HTML metadata reading give what the plain computation gives.

Each one skips work whose result is known (a repeated link, text past what is
read, a case-insensitive regex on ASCII text); these tests compare the two.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from cleanpage._htmlevidence import Words, collect
from cleanpage._htmlmeta import _paragraphs, _shown_as_is
from cleanpage._htmlrelated import read_related
from cleanpage._lang import SAMPLE_CHARS
from cleanpage._people import loose_key

_ALTERNATIVES = "byline|author|site-?name|person$|date"
# Letters in both cases, separators, and characters a case-insensitive regex folds
# onto ASCII letters (long s, dotless i, dotted capital I, the Kelvin sign).
_LETTERS = "bylineauthorsPERSONDATEdate-_ \n"
_TEXT = st.text(alphabet=_LETTERS + "\u017f\u0131\u0130\u212a\u00e9", max_size=40)


@given(_TEXT)
def test_words_search_as_a_case_insensitive_regex(text: str) -> None:
    expected = re.compile(_ALTERNATIVES, re.IGNORECASE).search(text) is not None
    assert Words(_ALTERNATIVES).search(text) is expected


def test_words_search_folds_unicode_like_the_regex() -> None:
    words = Words("source|site")
    assert words.search("Article-SOURCE")
    assert words.search("\u017fource")  # long s, folded by the regex: not ASCII, so regex
    assert not words.search("sour ce")


def _page(paragraphs: list[str]) -> LexborHTMLParser:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return LexborHTMLParser(f"<html><body>{body}</body></html>")


@given(st.lists(st.text(alphabet="ab \u00e9", max_size=900), max_size=40))
def test_paragraph_sample_is_the_start_of_all_paragraphs(paragraphs: list[str]) -> None:
    tree = _page(paragraphs)
    whole = " ".join(node.text(deep=True) for node in tree.css("p")[:30])
    sample = _paragraphs(tree)
    assert sample[:SAMPLE_CHARS] == whole[:SAMPLE_CHARS]
    assert len(sample) <= len(whole)


@given(st.lists(st.integers(min_value=0, max_value=1500), min_size=1, max_size=6))
def test_header_text_is_the_start_of_the_text_around_the_headline(sizes: list[int]) -> None:
    siblings = "".join(f"<div>{'w' * size}</div>" for size in sizes)
    headline = "<div><h1>A headline of words</h1></div>"
    html = f"<html><body><main>{headline}{siblings}</main></body></html>"
    found = collect(LexborHTMLParser(html))
    whole = found.header_text(10**9)
    for limit in (0, 1, 100, 1000, 3000):
        assert found.header_text(limit) == whole[:limit]


def test_related_links_in_nested_blocks_are_read_once() -> None:
    cards = "".join(
        f'<li class="related-item"><a href="/story/{n}">Another story number {n} here</a></li>'
        for n in range(3)
    )
    block = f'<div class="related"><ul class="related-list">{cards}</ul></div>'
    html = f"<html><body>{block}</body></html>"
    found = collect(LexborHTMLParser(html))
    assert len(found.related) > 1  # the outer block and blocks inside it
    items = read_related(found.related, url="https://example.com/a", now=None)
    assert [item.url for item in items] == [f"https://example.com/story/{n}" for n in range(3)]


# ASCII, and characters normalisation composes or expands: a combining accent, Hangul
# jamo (a leading consonant and a vowel compose), Oriya vowel signs (a starter that
# composes), a ligature, long s, sharp s, a fullwidth letter.
_PIECES = st.text(
    alphabet="aB 1.\u0301\u1100\u1161\u0b47\u0b3e\ufb01\u017f\u00df\uff21", max_size=12
)


@given(_PIECES, _PIECES, _PIECES)
def test_text_shown_as_is_has_its_key_in_the_header_key(before: str, text: str, after: str) -> None:
    header = before + text + after
    if _shown_as_is(text, header):
        assert loose_key(text) in loose_key(header)


def test_text_shown_as_is_needs_ascii_edges() -> None:
    assert _shown_as_is("Jane Doe", "By Jane Doe today")
    assert not _shown_as_is("Jane Doe", "By Jane Doe\u0301")  # the accent joins the "e"
    assert not _shown_as_is("\u1161bc", "x\u1100\u1161bc")  # the jamo compose
    assert not _shown_as_is("Jane Doe", "By John Roe")
