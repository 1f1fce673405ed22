"""Property 2, nothing lost: body blocks and ``removed`` account for all visible text, once.

Text captures: the multiset of the capture's non-blank lines (normalised) equals
the multiset of lines of the body blocks and removed texts (a removal may join
several lines with ``"\\n"``). Every line is accounted for exactly once: none
missing, none reported twice, none made up.

HTML: a block of the page need not be one line, so the unit is the character:
the multiset of non-whitespace characters of the page's visible text (text nodes
outside ``<head>``, ``<script>``, ``<style>``, ``<noscript>``, ``<template>``;
see ``render.py``) equals that of body blocks plus removed texts; and each of
those pieces, whitespace dropped, occurs in the visible text.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, note

from cleanpage import Article, clean_html, clean_text

from .render import capture_lines, normalise, render_html, render_text, visible_text
from .strategies import Page, pages


def _pieces(article: Article) -> list[str]:
    return [b.text for b in article.blocks] + [r.text for r in article.removed]


@given(page=pages())
def test_text_capture_lines_are_each_accounted_for_once(page: Page) -> None:
    capture = render_text(page)
    note(capture)
    article = clean_text(capture)
    given_lines = Counter(capture_lines(capture))
    accounted = Counter(
        n for text in _pieces(article) for line in text.split("\n") if (n := normalise(line))
    )
    assert {"lost": given_lines - accounted, "extra": accounted - given_lines} == {
        "lost": Counter(),
        "extra": Counter(),
    }


def _dense(text: str) -> str:
    return "".join(normalise(text).split())


@given(page=pages())
def test_html_visible_text_is_accounted_for_once(page: Page) -> None:
    capture = render_html(page)
    note(capture)
    article = clean_html(capture)
    visible = _dense(visible_text(capture))
    pieces = [_dense(p) for p in _pieces(article)]
    shown, accounted = Counter(visible), Counter("".join(pieces))
    assert {"lost": shown - accounted, "extra": accounted - shown} == {
        "lost": Counter(),
        "extra": Counter(),
    }
    assert [p for p in pieces if p not in visible] == []
