"""Property 3, boilerplate-proof: chrome around an article changes neither body nor metadata.

Each example is one generated article cleaned twice: bare (headline, byline and
date lines, standfirst, body) and with 1–8 boxes of chrome (Chinese and English
app menus, promos, disclaimers, related lists, share bars, like counters, cookie
and newsletter boxes, footers) at random places (``strategies.ZONES``: before the
headline, under the byline, between body blocks, after the body, in the footer).

"Metadata" is every field the article's own page states: title, summary,
authors, publisher, source, published, language. Not ``site_name`` (chrome such
as "Bitget App" legitimately names the site), nor ``related`` and ``removed``
(which chrome legitimately adds to).

"None of it leaks": no chrome line is a body block, and no chrome line of 12
characters or more occurs inside one (shorter lines, such as a "0" counter, are
only checked for equality, since prose may contain them).
"""

from __future__ import annotations

import pytest
from hypothesis import given, note

from cleanpage import Article, clean_html, clean_text

from .render import normalise, render
from .strategies import Page, pages

CLEAN = {"text": clean_text, "html": clean_html}
FIELDS = ("title", "summary", "authors", "publisher", "source", "published", "language", "blocks")


def _view(article: Article) -> dict[str, object]:
    return {name: getattr(article, name) for name in FIELDS}


@pytest.mark.parametrize("kind", ["text", "html"])
@given(page=pages(min_chrome=1))
def test_chrome_changes_neither_body_nor_metadata(kind: str, page: Page) -> None:
    bare, dressed = render(page.bare, kind), render(page, kind)
    note(dressed)
    assert _view(CLEAN[kind](dressed)) == _view(CLEAN[kind](bare))


@pytest.mark.parametrize("kind", ["text", "html"])
@given(page=pages(min_chrome=1))
def test_no_chrome_leaks_into_the_body(kind: str, page: Page) -> None:
    capture = render(page, kind)
    note(capture)
    body = [normalise(b.text) for b in CLEAN[kind](capture).blocks]
    chrome = {normalise(line) for placed in page.chrome for line in placed.chunk.texts}
    leaked = [
        line
        for line in chrome
        if line in body or (len(line) >= 12 and any(line in b for b in body))
    ]
    assert leaked == []
