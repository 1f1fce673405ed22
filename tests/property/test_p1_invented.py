"""Property 1, nothing invented: every body block's text occurs in the (normalised) capture.

"Normalised" is :func:`render.normalise`: NFC, whitespace runs collapsed to one
space. For a text capture the whole capture is normalised, so a block may join
lines (a hard-wrapped paragraph) but not change a character of them. For HTML it
is the page's visible text (see ``render.py``), where element boundaries count
as whitespace. The generated pages carry chrome in Chinese and English around
articles in eight languages (``strategies.pages``).
"""

from __future__ import annotations

import html

import pytest
from hypothesis import given, note

from cleanpage import clean_html, clean_text

from .render import normalise, readable, render
from .strategies import Page, pages

CLEAN = {"text": clean_text, "html": clean_html}


@pytest.mark.parametrize("kind", ["text", "html"])
@given(page=pages())
def test_every_body_block_occurs_in_the_capture(kind: str, page: Page) -> None:
    capture = render(page, kind)
    note(capture)
    article = CLEAN[kind](capture)
    haystack = readable(capture, kind)
    invented = [b.text for b in article.blocks if normalise(b.text) not in haystack]
    assert invented == []


@pytest.mark.parametrize("kind", ["text", "html"])
@given(page=pages())
def test_metadata_values_occur_in_the_capture(kind: str, page: Page) -> None:
    """Title, standfirst, people and outlets come from the page too (for HTML: from its source,
    where ``<title>`` and ``<meta>`` content count, character references resolved)."""
    capture = render(page, kind)
    note(capture)
    article = CLEAN[kind](capture)
    haystack = normalise(html.unescape(capture) if kind == "html" else capture)
    values = [article.title, article.summary, article.publisher, article.source, *article.authors]
    invented = [v for v in values if v is not None and normalise(v) not in haystack]
    assert invented == []
