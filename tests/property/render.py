"""Rendering generated pages, and the reference readings of a capture the properties use.

``render_text`` gives what a browser's ``innerText`` gives for the page that
``render_html`` writes: the same lines in the same order, blocks separated by
blank lines, the lines of one box (a menu, a promo, a list) by single newlines.

``visible_text`` is the reference reading of an HTML capture, written with the
standard library's parser (deliberately not the package's): a page's visible
text is its text nodes, character references resolved, except those inside
``<head>`` (so ``<title>`` and ``<meta>`` content do not count), ``<script>``,
``<style>``, ``<noscript>``, ``<template>`` and comments. Block-level element
boundaries count as whitespace. CSS (``display: none``) and the ``hidden``
attribute are not evaluated; generated pages use neither.
"""

from __future__ import annotations

import html
import unicodedata
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser

from cleanpage import Article

from . import pools
from .strategies import Chunk, Page, join_names

_CLASSES = {
    "navigation": "site-nav",
    "promo": "promo-banner",
    "disclaimer": "article-disclaimer",
    "share": "share-bar",
    "widget": "like-count",
    "cookie": "cookie-consent",
    "newsletter": "newsletter-signup",
    "related": "related-articles",
    "footer": "footer-links",
}
_TAGS = {"navigation": "nav", "related": "section", "newsletter": "form", "cookie": "div"}
_HIDDEN = frozenset({"head", "script", "style", "noscript", "template", "title"})
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "button",
    }
)


def normalise(text: str) -> str:
    """NFC, whitespace runs collapsed to one space, stripped: how texts are compared."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# --- text captures -------------------------------------------------------------------------


def _zone(page: Page, zone: str, at: int = 0) -> list[Chunk]:
    return [p.chunk for p in page.chrome if p.zone == zone and (zone != "inside" or p.at == at)]


def _text_groups(page: Page) -> Iterator[list[str]]:
    """The page as groups of lines (a group is one block or box)."""
    art = page.article
    yield from ([*c.texts] for c in _zone(page, "top"))
    yield from ([art.title] for _ in range(2 if art.title_twice else 1))
    for role, lines in art.header:
        yield from ([list(lines)] if role == "date" else ([line] for line in lines))
    yield from ([*c.texts] for c in _zone(page, "head"))
    run: list[str] = []
    for i, block in enumerate(art.blocks):
        chrome = _zone(page, "inside", i)
        if run and (block.kind != "list_item" or chrome):
            yield run
            run = []
        yield from ([*c.texts] for c in chrome)
        if block.kind == "list_item":
            run.append(block.text)
        else:
            yield [block.text]
    if run:
        yield run
    yield from ([*c.texts] for c in _zone(page, "tail"))
    yield from ([*c.texts] for c in _zone(page, "end"))


def render_text(page: Page) -> str:
    """The page as a text capture (``innerText``-like)."""
    pad = (lambda line: f"  {line} \t") if page.padded else (lambda line: line)
    groups = ["\n".join(pad(line) for line in group) for group in _text_groups(page)]
    return page.gap.join(groups).replace("\n", page.newline) + page.newline


def capture_lines(capture: str) -> list[str]:
    """A text capture's non-blank lines, normalised."""
    return [n for line in capture.splitlines() if (n := normalise(line))]


# --- HTML ---------------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _chunk_html(chunk: Chunk, opaque: bool) -> str:
    tag = _TAGS.get(chunk.category, "div")
    cls = (
        f"css-{zlib.crc32(chunk.sep.join(chunk.texts).encode()):x}"
        if opaque
        else _CLASSES[chunk.category]
    )
    lines = []
    for line in chunk.lines:
        if len(line) == 1:
            lines.append(f"<p>{_e(line[0])}</p>")
        else:
            inner = _e(chunk.sep).join(
                f'<a href="/go/{n}">{_e(piece)}</a>' for n, piece in enumerate(line)
            )
            lines.append(f"<div>{inner}</div>")
    return f'<{tag} class="{cls}">{"".join(lines)}</{tag}>'


def _chrome_html(page: Page, zone: str, at: int = 0) -> str:
    return "\n".join(
        _chunk_html(p.chunk, opaque=n % 2 == 1)
        for n, p in enumerate(page.chrome)
        if p.zone == zone and (zone != "inside" or p.at == at)
    )


def _header_html(page: Page) -> str:
    parts = []
    for role, lines in page.article.header:
        tag = "p" if role == "summary" else "div"
        parts.extend(f'<{tag} class="{role}">{_e(line)}</{tag}>' for line in lines)
    return "\n".join(parts)


def _body_html(page: Page) -> str:
    parts: list[str] = []
    in_list = False
    for i, block in enumerate(page.article.blocks):
        chrome = _chrome_html(page, "inside", i)
        if in_list and (block.kind != "list_item" or chrome):
            parts.append("</ul>")
            in_list = False
        parts.append(chrome)
        if block.kind == "list_item":
            parts.append(("" if in_list else "<ul>") + f"<li>{_e(block.text)}</li>")
            in_list = True
        else:
            tag = "h2" if block.kind == "heading" else "p"
            parts.append(f"<{tag}>{_e(block.text)}</{tag}>")
    parts.append("</ul>" if in_list else "")
    return "\n".join(p for p in parts if p)


def render_html(page: Page, charset: str | None = "utf-8") -> str:
    """The page as HTML; ``charset`` goes in ``<meta charset>`` (``None``: undeclared)."""
    art = page.article
    meta = f'<meta charset="{charset}">' if charset else ""
    desc = f'<meta name="description" content="{_e(art.summary)}">' if art.summary else ""
    crumb = f'<div class="crumb">{_e(art.title)}</div>\n' if art.title_twice else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{art.lang}"><head>{meta}'
        f"<title>{_e(art.title + art.title_suffix)}</title>{desc}</head>\n<body>\n"
        f"<header>{_chrome_html(page, 'top')}</header>\n<main><article>\n{crumb}"
        f"<h1>{_e(art.title)}</h1>\n{_header_html(page)}\n{_chrome_html(page, 'head')}\n"
        f"{_body_html(page)}\n{_chrome_html(page, 'tail')}\n</article></main>\n"
        f"<footer>{_chrome_html(page, 'end')}</footer>\n</body></html>\n"
    )


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(document: str) -> str:
    """The page's visible text (see the module docstring), block boundaries as newlines."""
    parser = _Visible()
    parser.feed(document)
    parser.close()
    return "".join(parser.parts)


# --- the text rendering of a clean article (idempotence) ----------------------------------


def render_clean(article: Article) -> str:
    """What a page showing only ``article`` gives as a text capture.

    Headline; the byline, credit and date lines, written the way pages in the
    article's language write them; then ``article.text``. The standfirst is
    left out: in plain text, without the page's layout, a lone standfirst
    cannot be told from a first paragraph.
    """
    lang = article.language or "en"
    lines = [article.title or ""]
    if article.authors:
        joiner = pools.AUTHOR_JOINERS.get(lang, " and ")
        lines.append(
            pools.BYLINES.get(lang, ("By {a}",))[0].format(a=join_names(article.authors, joiner))
        )
    if article.source:
        lines.append(pools.CREDITS.get(lang, ("Source: {s}",))[0].format(s=article.source))
    if article.published:
        lines.append(article.published.isoformat(sep=" ", timespec="minutes"))
    return "\n\n".join(line for line in lines if line) + "\n\n" + article.text + "\n"


def render(page: Page, kind: str) -> str:
    """The page as a ``"text"`` capture or as ``"html"``."""
    return render_text(page) if kind == "text" else render_html(page)


def readable(capture: str, kind: str) -> str:
    """The capture's visible text, normalised: what body and removals must come from."""
    return normalise(visible_text(capture) if kind == "html" else capture)
