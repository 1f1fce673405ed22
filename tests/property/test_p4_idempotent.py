"""Property 4, idempotent: cleaning the text rendering of a clean article gives it back.

The rendering (``render.render_clean``) is what a page showing only the clean
article yields as a text capture: the headline, the byline / credit / date lines
in the article's language's usual form, then ``article.text`` (blocks separated
by blank lines). That is the meaningful round trip for users who store
``article.text`` with its headline and clean it again later. ``to_markdown`` is
not used: Markdown syntax (``#``, ``-``) is not what captures contain.

Compared: title, body blocks (kind and text), authors, source, published. A
plain-text rendering cannot show that a block was a list item (``article.text``
carries no markers), so ``list_item`` and ``paragraph`` compare equal, as in
``test_recovery``. The standfirst is not rendered (in plain text a lone
standfirst is indistinguishable from a first paragraph), so the body must not
swallow or lose a block either.
The clean article comes from a generated page (text or HTML) with chrome.
"""

from __future__ import annotations

import pytest
from hypothesis import given, note

from cleanpage import Article, clean_html, clean_text

from .render import render, render_clean
from .strategies import Page, pages

CLEAN = {"text": clean_text, "html": clean_html}
FIELDS = ("title", "authors", "source", "published")


def _view(article: Article) -> dict[str, object]:
    blocks = [("paragraph" if b.kind == "list_item" else b.kind, b.text) for b in article.blocks]
    return {**{f: getattr(article, f) for f in FIELDS}, "blocks": blocks}


@pytest.mark.parametrize("kind", ["text", "html"])
@given(page=pages())
def test_cleaning_a_clean_article_gives_it_back(kind: str, page: Page) -> None:
    first = CLEAN[kind](render(page, kind))
    rendering = render_clean(first)
    note(rendering)
    again = clean_text(rendering)
    assert _view(again) == _view(first)
