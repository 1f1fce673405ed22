"""Collecting the metadata evidence of an HTML page in one pass over its tree.

:func:`collect` runs one combined CSS query and sorts what it finds: ``<meta>``
values by name, JSON-LD scripts, the canonical link, headings, ``<time>``
elements, microdata, and visible bylines and datelines (elements whose class
or id says so). :mod:`cleanpage._htmlmeta` weighs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._people import has_role


@dataclass(frozen=True, slots=True)
class Words:
    """Words searched for in any case, in lowercase ASCII ``alternatives`` (``a|b``, ``$``).

    Most text searched (class names, ids) is ASCII, where lowercasing it and
    searching case-sensitively is the same test, many times faster than a
    case-insensitive regex (which other text still gets).
    """

    alternatives: str
    _folded: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _anycase: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_folded", re.compile(self.alternatives))
        object.__setattr__(self, "_anycase", re.compile(self.alternatives, re.IGNORECASE))

    def search(self, text: str) -> bool:
        """True when one of the words is in ``text``, in any case."""
        if text.isascii():
            return self._folded.search(text.lower()) is not None
        return self._anycase.search(text) is not None


_MARKUP: Final = ", ".join(
    (
        "meta",
        "link:is([rel*=canonical i], [rel*=author i])",  # the only links read
        'script[type="application/ld+json" i]',
        "title",
        "h1",
        "time",
        "[itemprop]",
        "[class*=related i]",
        "[id*=related i]",
        "[class*=recommend i]",
    )
)
_RELATED: Final = Words("related|recommend")
MAX_RELATED_BLOCKS: Final = 6
_NOT_RELATED: Final = Words("tag|topic|categor|keyword")
_VISIBLE: Final = ", ".join(
    (
        "[rel~=author]",
        "[class*=byline i]",
        "[class*=author i]",
        "[class*=date i]",
        "[class*=timestamp i]",
        "[class*=posted i]",
        "a[href*='/author' i]",
        "a[href*='/writer' i]",
        "a[href*='/bios/' i]",
        "a[href*='/people/' i]",
    )
)
HEADER_LEVELS: Final = 4
STANDFIRST_LEVELS: Final = 2
STANDFIRST_SIBLINGS: Final = 4
"""How far above the headline the article header (byline, dateline) is looked for."""
_BYLINE: Final = Words("byline|author|writer|contributor")
_NOT_BYLINE: Final = Words("avatar|image|img|photo|bio|desc|about|social|follow|comment|more")
_DATELINE: Final = Words("dateline|publish|date|time|posted|timestamp")
_NOT_DATELINE: Final = Words("update|modif|comment|related|recent|reply")
_ARTICLE_ITEM: Final = Words("article|posting|webpage|report|person$")
_SCOPED: Final = frozenset({"author", "datePublished", "headline"})
MAX_LINE: Final = 200
MAX_SHOWN: Final = 8
MAX_VALUE: Final = 2000
"""Longest ``<meta>`` value read (characters)."""
MAX_KEPT: Final = 5 * MAX_SHOWN
"""How many are collected (nested bylines replace their container, so a few more)."""
"""How many bylines, datelines and ``<time>`` values are weighed."""
_BY: Final = re.compile(r"\s*(?:by|written by|von|par|por|作者)\b", re.IGNORECASE)


@dataclass(slots=True)
class Evidence:
    """What one page offers (a local, filled by :func:`collect`)."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    jsonld: list[str] = field(default_factory=list)
    canonical: str | None = None
    title: str | None = None
    """The first non-blank ``<title>``, white space collapsed."""
    first_title: str | None = None
    """The text of the first ``<title>`` as written (``None``: there is none)."""
    social_title: str | None = None
    """The ``content`` of the first ``og:title`` or ``twitter:title`` ``<meta>``
    (``""`` when it has none, ``None`` when there is no such element)."""
    h1: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    """``datetime`` values of ``<time>`` elements that are not "updated" times."""
    microdata: dict[str, list[str]] = field(default_factory=dict)
    bylines: list[str] = field(default_factory=list)
    """Texts of elements marked as bylines (an element nested in a previous one replaces it)."""
    author_links: list[str] = field(default_factory=list)
    """Texts of links to author pages (``/author/…``, ``/writer/…``)."""
    by_links: list[str] = field(default_factory=list)
    """Those of them a "By" leads ("By <a href=/writer/…>Name</a>")."""
    titled_links: list[str] = field(default_factory=list)
    """Those a job title follows too ("By <a>Name</a>, Staff Writer"): not a picture credit."""
    datelines: list[str] = field(default_factory=list)
    related: list[LexborNode] = field(default_factory=list)
    """Blocks whose class or id says they list related items (outermost first)."""
    language: str | None = None
    headline: LexborNode | None = None
    """The ``<h1>`` taken as the headline."""

    def header_text(self, limit: int) -> str:
        """The first ``limit`` characters of the text around the headline (where a standfirst
        would be): the element a couple of levels up, and the few elements after it."""
        node = self.headline
        for _ in range(STANDFIRST_LEVELS):
            if node is None or node.parent is None or node.parent.tag in {"body", "html"}:
                break
            node = node.parent
        parts: list[str] = []
        size = -1  # the length of the parts joined
        for _ in range(STANDFIRST_SIBLINGS + 1):
            if node is None or size >= limit:
                break
            if node.tag != "-text":
                parts.append(node.text(deep=True, separator=" "))
                size += len(parts[-1]) + 1
            node = node.next
        return " ".join(parts)[:limit]

    def values(self, keys: Iterable[str]) -> Iterator[str]:
        """The non-blank ``<meta>`` values under ``keys``, whitespace collapsed, in key order."""
        for key in keys:
            for value in self.meta.get(key, ()):
                text = " ".join(value[:MAX_VALUE].split())
                if text:
                    yield text


def collect(tree: LexborHTMLParser) -> Evidence:
    """Every piece of metadata evidence in ``tree``, in page order.

    Markup (``<meta>``, JSON-LD, microdata, ``<time>``) is read from the whole
    page; bylines and datelines from the article header around the headline
    first, and from the whole page only when the header shows no byline.
    """
    found = Evidence()
    root = tree.root
    if root is not None:
        found.language = root.attributes.get("lang") or root.attributes.get("xml:lang")
    headings: list[LexborNode] = []
    for node in tree.css(_MARKUP):
        tag = node.tag
        if tag == "meta":
            _meta(node, found)
        elif tag == "link":
            _link(node, found)
        elif tag == "script":
            found.jsonld.append(node.text(deep=True))
        elif tag == "title":
            found.title = found.title or _text(node)
            if found.first_title is None:
                found.first_title = node.text()
        else:
            _marked(node, tag or "", found, headings)
    found.headline = _headline(headings)
    header = _header(found.headline)
    top = header is None or header.parent is None or header.parent.tag in {"body", "html"}
    for node in (tree if top or header is None else header).css(_VISIBLE):
        _visible(node, found)
    if not top and not (found.bylines or found.author_links or _names_author(found)):
        found.datelines.clear()
        for node in tree.css(_VISIBLE):
            _visible(node, found)
    return found


def _names_author(found: Evidence) -> bool:
    """True when the markup names an author (so a byline need not be searched for)."""
    return "author" in found.meta or any('"author"' in text for text in found.jsonld)


def _headline(headings: list[LexborNode]) -> LexborNode | None:
    """The first ``<h1>`` of three words or more, else the first ``<h1>``."""
    heading = next((h for h in headings if len((h.text() or "").split()) >= 3), None)
    return heading or (headings[0] if headings else None)


def _header(node: LexborNode | None) -> LexborNode | None:
    """The element a few levels above the headline (below ``<body>``): bylines, datelines."""
    if node is None:
        return None
    for _ in range(HEADER_LEVELS):
        parent = node.parent
        if parent is None or parent.tag in {"body", "html"}:
            break
        node = parent
    return node


def _meta(node: LexborNode, found: Evidence) -> None:
    attrs = node.attributes
    content = attrs.get("content")
    social = attrs.get("property") == "og:title" or attrs.get("name") == "twitter:title"
    if social and found.social_title is None:
        found.social_title = content or ""
    if content is None:
        return
    for key in ("property", "name", "itemprop", "http-equiv"):
        name = attrs.get(key)
        if name:
            found.meta.setdefault(name.strip().lower(), []).append(content)


def _link(node: LexborNode, found: Evidence) -> None:
    attrs = node.attributes
    rel = (attrs.get("rel") or "").lower().split()
    if "canonical" in rel and attrs.get("href") and found.canonical is None:
        found.canonical = attrs.get("href")
    if "author" in rel and attrs.get("title"):
        found.bylines.append(attrs.get("title") or "")


def _marked(node: LexborNode, tag: str, found: Evidence, headings: list[LexborNode]) -> None:
    attrs = node.attributes
    if len(found.related) < MAX_RELATED_BLOCKS and tag not in {"a", "h1", "time"}:
        tokens = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if _RELATED.search(tokens) and not _NOT_RELATED.search(tokens):
            found.related.append(node)
    prop = attrs.get("itemprop")
    if prop:
        _microdata(node, prop, found)
    if tag == "h1":
        text = _text(node)
        if text:
            found.h1.append(text)
            headings.append(node)
    elif tag == "time":
        stamp = attrs.get("datetime")
        tokens = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if stamp and not _NOT_DATELINE.search(tokens):
            found.times.append(stamp)


def _visible(node: LexborNode, found: Evidence) -> None:
    attrs = node.attributes
    tokens = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if "author" in (attrs.get("rel") or "").lower().split() or _BYLINE.search(tokens):
        if not _NOT_BYLINE.search(tokens) and len(found.bylines) < MAX_KEPT:
            _byline(node, found.bylines)
    elif node.tag == "a" and attrs.get("href"):
        _author_link(node, found)
    elif _DATELINE.search(tokens) and not _NOT_DATELINE.search(tokens):
        stamped = node.tag == "time" and attrs.get("datetime")
        if not stamped and len(found.datelines) < MAX_KEPT:  # <time datetime>: read as markup
            _line(node, found.datelines)


def _author_link(node: LexborNode, found: Evidence) -> None:
    """A link to an author page; one that "By" leads (outside a picture credit) is marked."""
    size = len(found.author_links)
    if size >= MAX_KEPT:
        return
    _line(node, found.author_links)
    parent = node.parent
    if len(found.author_links) == size or parent is None or _in_figure(node):
        return
    text, name = parent.text()[:MAX_LINE], found.author_links[-1]
    if _BY.match(text[:80]):
        found.by_links.append(name)
        if has_role(text.replace(name, " ", 1)):
            found.titled_links.append(name)


def _in_figure(node: LexborNode) -> bool:
    parent = node.parent
    for _ in range(6):
        if parent is None:
            return False
        if parent.tag in {"figure", "figcaption", "picture"}:
            return True
        parent = parent.parent
    return False


def _microdata(node: LexborNode, prop: str, found: Evidence) -> None:
    attrs = node.attributes
    value = attrs.get("content") or attrs.get("datetime")
    if prop in _SCOPED and not _in_article_scope(node):
        return
    if value is None and node.tag != "meta":
        child = node.css_first("[itemprop=name]") if prop == "author" else None
        value = _text(child or node)
    if value:
        found.microdata.setdefault(prop.strip(), []).append(value)


def _byline(node: LexborNode, into: list[str]) -> None:
    """A byline; an element nested in the previous one (its text inside) replaces it."""
    size = len(into)
    _line(node, into)
    if len(into) > size > 0 and into[-1] in into[-2] and into[-1] != into[-2]:
        inner = into.pop()
        into[-1] = inner


def _in_article_scope(node: LexborNode) -> bool:
    """True unless the nearest enclosing item is something other than an article or page."""
    parent = node.parent
    for _ in range(40):
        if parent is None:
            return True
        if "itemscope" in parent.attributes:
            kind = parent.attributes.get("itemtype") or ""
            return not kind or _ARTICLE_ITEM.search(kind)
        parent = parent.parent
    return True


def _line(node: LexborNode, into: list[str]) -> None:
    text = node.text(deep=True, separator=" ", strip=True)
    if text and len(text) <= MAX_LINE:
        into.append(" ".join(text.split()))


def _text(node: LexborNode) -> str | None:
    text = " ".join(node.text(deep=True).split())
    return text or None
