"""The article a page describes in JSON-LD (schema.org), read tolerantly.

:func:`read_jsonld` takes the texts of a page's ``<script
type="application/ld+json">`` elements and finds the object that describes
the article (``NewsArticle``, ``Article``, ``BlogPosting``, …), walking lists,
``@graph`` and nested entities and resolving ``@id`` references. Broken JSON
(trailing commas, raw newlines, HTML comments) is repaired where it can be.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

_ARTICLE: Final = re.compile(r"(?:Article|BlogPosting|Report|LiveBlogPosting|Review)$")
_PAGE: Final = re.compile(r"(?:WebPage|ItemPage|ProfilePage)$")
_ORGANISATION: Final = re.compile("Organization$")
_WEBSITE: Final = re.compile("^WebSite$")
_TRAILING_COMMA: Final = re.compile(r",\s*([}\]])")
_COMMENT: Final = re.compile(r"<!--|-->|<!\[CDATA\[|\]\]>|^\s*//.*$", re.MULTILINE)
MAX_NODES: Final = 2000
_DECODER: Final = json.JSONDecoder(strict=False)
"""What ``json.loads(text, strict=False)`` builds on every call (it keeps no state)."""


@dataclass(frozen=True, slots=True)
class LdArticle:
    """What the page's JSON-LD says about its article (empty when it says nothing)."""

    headline: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    """Names of the ``Person`` authors (or of untyped ones), as written."""
    author_organisations: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None
    modified: str | None = None
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    source: str | None = None
    """The outlet the article comes from (``sourceOrganization``, ``isBasedOn``)."""
    is_article: bool = False
    """True when an article-typed object was found (not only a web page)."""


def read_jsonld(scripts: Iterable[str], *, url: str | None = None) -> LdArticle:
    """The article described by the JSON-LD ``scripts`` of a page."""
    nodes = [node for text in scripts for node in _walk(_load(text), 0)]
    if not nodes:
        return LdArticle()
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    articles = [n for n in nodes if _has_type(n, _ARTICLE)]
    node = _pick(articles, url) or _pick([n for n in nodes if _has_type(n, _PAGE)], url)
    if node is None:
        return LdArticle(site_name=_site_name(nodes))
    return _article(node, by_id, nodes, is_article=bool(articles))


def _load(text: str) -> Any:
    text = text.strip()
    for attempt in range(3):
        try:
            return _DECODER.decode(text)
        except RecursionError:
            return None  # nested deeper than any real description
        except ValueError:
            if attempt == 0:
                text = _COMMENT.sub("", text).strip().rstrip(";")
            else:
                text = _TRAILING_COMMA.sub(r"\1", text)
    return None


def _walk(value: Any, depth: int) -> Iterator[dict[str, Any]]:
    """Every object with a ``@type`` (or in a ``@graph``), depth first, bounded."""
    if depth > 6:
        return
    if isinstance(value, list):
        for item in value[:MAX_NODES]:
            yield from _walk(item, depth + 1)
    elif isinstance(value, dict):
        if "@type" in value:
            yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement"):
            if key in value and isinstance(value[key], list | dict):
                yield from _walk(value[key], depth + 1)


def _has_type(node: dict[str, Any], pattern: re.Pattern[str]) -> bool:
    types = node.get("@type")
    names = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and pattern.search(t) for t in names)


def _pick(nodes: list[dict[str, Any]], url: str | None) -> dict[str, Any] | None:
    """The node for this page: the one whose url is the page's, else the fullest."""
    if not nodes:
        return None
    if url:
        own = [n for n in nodes if _same_url(_text(n.get("url")) or _text(n.get("@id")), url)]
        if own:
            return own[0]
    return max(nodes, key=lambda n: ("headline" in n) + ("datePublished" in n) + ("author" in n))


def _same_url(value: str | None, url: str) -> bool:
    if not value:
        return False
    strip = "/ "
    return value.split("#")[0].rstrip(strip) == url.split("#", maxsplit=1)[0].rstrip(strip)


def _article(
    node: dict[str, Any], by_id: dict[str, Any], nodes: list[dict[str, Any]], *, is_article: bool
) -> LdArticle:
    people: list[str] = []
    organisations: list[str] = []
    for author in _entities(node.get("author") or node.get("creator"), by_id):
        name = _text(author.get("name"))
        if name:
            target = organisations if _has_type(author, _ORGANISATION) else people
            target.append(name)
    publisher = next(iter(_entities(node.get("publisher"), by_id)), {})
    return LdArticle(
        headline=_text(node.get("headline")) or _text(node.get("name")),
        description=_text(node.get("description")),
        authors=tuple(people),
        author_organisations=tuple(organisations),
        publisher=_text(publisher.get("name")),
        published=_text(node.get("datePublished")) or _text(node.get("dateCreated")),
        modified=_text(node.get("dateModified")),
        language=_text(node.get("inLanguage")),
        url=_text(node.get("url")),
        site_name=_site_name(nodes),
        source=_text(node.get("sourceOrganization")) or _text(node.get("isBasedOn")),
        is_article=is_article,
    )


def _entities(value: Any, by_id: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """People or organisations named by a value: a string, an object, a list, an ``@id``."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.strip():
            yield by_id.get(item, {"name": item})
        elif isinstance(item, dict):
            ref = item.get("@id")
            yield by_id[ref] if "name" not in item and ref in by_id else item


def _site_name(nodes: list[dict[str, Any]]) -> str | None:
    site = next((n for n in nodes if _has_type(n, _WEBSITE)), None)
    return _text(site.get("name")) if site else None


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | dict)), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name") or value.get("@id")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = " ".join(html.unescape(str(value)).split())
        return text or None
    return None
