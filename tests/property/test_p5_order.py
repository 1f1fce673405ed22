"""Property 5, order kept: body blocks appear in capture order.

Each block's normalised text is searched in the normalised capture (visible text
for HTML) after the end of the previous block's match; the leftmost match is
taken, so the search fails only when the blocks are not a subsequence of the
capture. DESIGN's table also promises ``removed`` "in page order": the same
check holds for the removed texts, as a second test.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import given, note

from cleanpage import clean_html, clean_text

from .render import normalise, readable, render
from .strategies import Page, pages

CLEAN = {"text": clean_text, "html": clean_html}


def _out_of_order(texts: Iterable[str], capture: str) -> list[str]:
    """The texts that do not follow their predecessors in ``capture`` (empty when in order)."""
    at, late = 0, []
    for text in texts:
        needle = normalise(text)
        found = capture.find(needle, at)
        if found < 0:
            late.append(text)
        else:
            at = found + len(needle)
    return late


@pytest.mark.parametrize("kind", ["text", "html"])
@given(page=pages())
def test_body_blocks_keep_capture_order(kind: str, page: Page) -> None:
    capture = render(page, kind)
    note(capture)
    article = CLEAN[kind](capture)
    assert _out_of_order((b.text for b in article.blocks), readable(capture, kind)) == []


@pytest.mark.parametrize("kind", ["text", "html"])
@given(page=pages())
def test_removed_texts_keep_page_order(kind: str, page: Page) -> None:
    capture = render(page, kind)
    note(capture)
    article = CLEAN[kind](capture)
    assert _out_of_order((r.text for r in article.removed), readable(capture, kind)) == []
