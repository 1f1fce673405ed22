"""Beyond the seven properties: the generated article itself comes back out.

The seven properties can all hold for a cleaner that keeps the wrong blocks
(keep everything, and only "no leaks" notices). This test pins the point of the
exercise: from a generated page with chrome, ``clean_text`` / ``clean_html``
return the article that was generated — its title, standfirst, authors (people,
not the platform account), publisher, source, date, language (BCP-47 primary
tag) and exactly its body blocks with their kinds. A text capture cannot show a
list apart from short paragraphs, so there list items may come out as paragraphs.

Chinese and English (the languages the package must support) are one test;
the other six languages another, so each reports its own minimal failure.
"""

from __future__ import annotations

import pytest
from hypothesis import given, note

from cleanpage import Article, Block, clean_html, clean_text

from . import pools
from .render import render
from .strategies import ArticleSpec, Page, pages

CLEAN = {"text": clean_text, "html": clean_html}
OTHER_LANGS = tuple(lang for lang in pools.LANGS if lang not in pools.CORE_LANGS)


def _blocks(blocks: tuple[Block, ...], kind: str) -> list[tuple[str, str]]:
    loose = {"list_item": "paragraph"} if kind == "text" else {}
    return [(loose.get(b.kind, b.kind), b.text) for b in blocks]


def _truth(spec: ArticleSpec, kind: str) -> dict[str, object]:
    return {
        "title": spec.title,
        "summary": spec.summary,
        "authors": spec.authors,
        "publisher": spec.publisher,
        "source": spec.source,
        "published": spec.published,
        "language": spec.primary_language,
        "blocks": _blocks(spec.blocks, kind),
    }


def _got(article: Article, kind: str) -> dict[str, object]:
    got = {
        name: getattr(article, name)
        for name in ("title", "summary", "authors", "publisher", "source", "published", "language")
    }
    return {**got, "blocks": _blocks(article.blocks, kind)}


@pytest.mark.parametrize("kind", ["text", "html"])
@given(page=pages(langs=pools.CORE_LANGS))
def test_the_generated_article_comes_back_zh_en(kind: str, page: Page) -> None:
    capture = render(page, kind)
    note(capture)
    assert _got(CLEAN[kind](capture), kind) == _truth(page.article, kind)


@pytest.mark.parametrize("kind", ["text", "html"])
@given(page=pages(langs=OTHER_LANGS))
def test_the_generated_article_comes_back_other_languages(kind: str, page: Page) -> None:
    capture = render(page, kind)
    note(capture)
    assert _got(CLEAN[kind](capture), kind) == _truth(page.article, kind)
