"""Metadata from an HTML page: title, people, date, outlets, language, URL.

Evidence comes from one pass over the parsed tree (:mod:`._htmlevidence`) and
from JSON-LD (:mod:`._jsonld`); each field takes the first source, in an order
of trust, that yields a usable value. Structured data (JSON-LD, OpenGraph,
``article:*``, Parse.ly, Sailthru, Dublin Core, microdata) comes before what
the page shows (``<h1>``, bylines, datelines, ``<time>``), which fills in when
the markup says nothing, and checks the title.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from ._htmlauthors import authors
from ._htmldates import published_date
from ._htmlevidence import Evidence, collect
from ._htmlrelated import read_related
from ._jsonld import LdArticle, read_jsonld
from ._lang import SAMPLE_CHARS, SCRIPT_LANGUAGES, detect_language
from ._options import Options
from ._people import TitleCleaner, loose_key
from ._segments import PageMeta

_TITLE_KEYS: Final = ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title")
_SITE_KEYS: Final = (
    "og:site_name",
    "application-name",
    "apple-mobile-web-app-title",
    "twitter:site",
)
_SUMMARY_KEYS: Final = ("og:description", "description", "twitter:description")
_SOURCE_KEYS: Final = ("original-source", "syndication-source", "article:source", "dc.source")
_DEPRECATED_TAGS: Final = {"in": "id", "iw": "he", "ji": "yi", "jw": "jv", "mo": "ro"}
MAX_HEADER_TEXT: Final = 3000
"""How much of the text around the headline is searched for a standfirst."""
_WORDS: Final = re.compile(r"\w+")


def read_meta(tree: LexborHTMLParser, *, url: str | None, options: Options) -> PageMeta:
    """Every metadata field the page's markup offers."""
    return meta_from(collect(tree), tree, url=url, options=options)


def meta_from(
    found: Evidence, tree: LexborHTMLParser, *, url: str | None, options: Options
) -> PageMeta:
    """Every metadata field in ``found``, the evidence :func:`collect` gathered from ``tree``
    (read again only to detect the language of a page that declares none)."""
    ld = read_jsonld(found.jsonld, url=url)
    page_url = _page_url(found, ld, url)
    site = _site_name(found, ld)
    names = _site_names(found, ld, page_url)
    return PageMeta(
        title=_title(found, ld, site, names),
        summary=_summary(found, ld),
        authors=authors(found, ld, names),
        publisher=ld.publisher or _first(ld.author_organisations),
        source=_source(found, ld, names),
        site_name=site,
        published=published_date(found, ld, page_url, options.now),
        language=_language(found, ld, tree),
        url=page_url,
        related=read_related(found.related, url=page_url, now=options.now, headline=found.headline),
    )


def _summary(found: Evidence, ld: LdArticle) -> str | None:
    """The declared description, when the page shows it by the headline (a standfirst)."""
    declared = dict.fromkeys(t for t in (*found.values(_SUMMARY_KEYS), ld.description or "") if t)
    keys = {text: key for text in declared if len(key := loose_key(text)[:80]) >= 20}
    if not keys:
        return None  # nothing long enough to tell (the page's text is not read)
    header = found.header_text(MAX_HEADER_TEXT)
    first = next(iter(keys))
    if _shown_as_is(first, header):
        return first  # its key is in the header's: no need to key the whole header
    shown = loose_key(header)
    return next((text for text, key in keys.items() if key in shown), None)


def _shown_as_is(text: str, header: str) -> bool:
    """True when ``header`` holds ``text`` as it is, and so ``loose_key(text)`` is in its key.

    ``text`` must start with an ASCII character and be followed by one (or
    end the header): normalisation composes no character across an ASCII
    character, so the header's key is then the keys of the three parts joined.
    """
    start = header.find(text)
    end = start + len(text)
    return start >= 0 and text[:1].isascii() and (end == len(header) or header[end].isascii())


def _source(found: Evidence, ld: LdArticle, names: tuple[str, ...]) -> str | None:
    """The outlet credited as the origin, when it is not this site itself."""
    own = {loose_key(n) for n in names}
    for value in (*found.values(_SOURCE_KEYS), ld.source or ""):
        if value and not value.startswith(("http", "/")) and loose_key(value) not in own:
            return value
    return None


def _first(*sources: Iterable[str | None]) -> str | None:
    return next((v for source in sources for v in source if v), None)


def _page_url(found: Evidence, ld: LdArticle, url: str | None) -> str | None:
    candidate = _first([found.canonical], found.values(["og:url"]), [ld.url])
    if candidate is None:
        return url
    resolved = urljoin(url, candidate) if url else candidate
    return resolved if urlsplit(resolved).scheme in {"http", "https"} else url


def _site_name(found: Evidence, ld: LdArticle) -> str | None:
    named = _first(found.values(_SITE_KEYS[:3]), [ld.site_name, ld.publisher])
    return named.removeprefix("@") if named else None


def _site_names(found: Evidence, ld: LdArticle, url: str | None) -> tuple[str, ...]:
    names = [*found.values(_SITE_KEYS), ld.site_name or "", ld.publisher or ""]
    if url:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        names += [host, host.split(".")[0]]
    return tuple(n.removeprefix("@") for n in names if n)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _title(found: Evidence, ld: LdArticle, site: str | None, names: tuple[str, ...]) -> str | None:
    """The headline as the page shows it (its ``<h1>``) when that agrees with the markup.

    The ``<h1>`` wins when it is one of the stated titles (quotes and case
    aside), a part of one, or shares most of its words with one, and when the
    JSON-LD and OpenGraph titles disagree (stale markup); otherwise the first
    stated title, without the site's name, is the title.
    """
    stated = [ld.headline, *found.values(_TITLE_KEYS), *found.microdata.get("headline", ())]
    # Titles not cut short ("…"), each once (tags often repeat one): only the first one,
    # and whether any one matches, are asked for below.
    whole = (t for t in (*stated, found.title) if t and not t.endswith(("...", "…")))
    candidates = list(dict.fromkeys(whole))
    clean = TitleCleaner(site, dict.fromkeys(names))
    headings = [(h, loose_key(h)) for h in dict.fromkeys(found.h1) if _norm(h) not in names]
    headings = [(h, key) for h, key in headings if key]
    stated_keys = [(loose_key(t), t) for t in candidates]
    for heading, key in headings:
        picked = _stated_heading(heading, key, ld, stated_keys)
        if picked is not None:
            return clean(picked)
    return _shown_or_stated(headings, [clean(t) for t in candidates], ld, found, clean)


def _stated_heading(
    heading: str, key: str, ld: LdArticle, stated_keys: list[tuple[str, str]]
) -> str | None:
    """The title an ``<h1>`` confirms: itself, or the stated title it adds a kicker to."""
    if ld.headline and key == loose_key(ld.headline):
        return heading  # the JSON-LD headline, kicker included
    inner = next((t for k, t in stated_keys if _inside(k, key)), None)
    if inner is not None:
        return inner  # the <h1> adds a kicker ("Opinion", "News") to the title
    return heading if _matches(key, (k for k, _ in stated_keys)) else None


def _shown_or_stated(
    headings: list[tuple[str, str]],
    cleaned: list[str],
    ld: LdArticle,
    found: Evidence,
    clean: TitleCleaner,
) -> str | None:
    """An ``<h1>`` like a stated title once site names are off, else the first stated title."""
    cleaned_keys = [loose_key(t) for t in cleaned]
    for heading, key in headings:
        if _matches(key, cleaned_keys) or _matches(loose_key(clean(heading)), cleaned_keys):
            return clean(heading)
    best = max((h for h, _ in headings), key=lambda h: _overlap(h, cleaned), default=None)
    if best is not None and _overlap(best, cleaned) >= 0.3 and len(best.split()) >= 3:
        return clean(best)
    if len(headings) == 1 and len(headings[0][0].split()) >= 4 and _disagree(ld, found, clean):
        return clean(headings[0][0])  # the markup is stale: the page shows the current headline
    return next(iter(cleaned), None) or (headings[0][0] if headings else None)


def _disagree(ld: LdArticle, found: Evidence, clean: TitleCleaner) -> bool:
    """True when the JSON-LD headline and the OpenGraph title name different stories."""
    og = next(found.values(_TITLE_KEYS[:1]), None)
    if not (ld.headline and og):
        return False
    first, second = loose_key(clean(ld.headline)), loose_key(clean(og))
    return first not in second and second not in first


def _matches(key: str, keys: Iterable[str]) -> bool:
    """``key`` is one of ``keys``, or (long enough to tell) a part of one."""
    return any(key == k or (len(key) >= 12 and key in k) for k in keys)


def _inside(inner: str, outer: str) -> bool:
    return len(outer) > len(inner) >= max(12, len(outer) * 0.6) and outer.endswith(inner)


def _overlap(heading: str, titles: list[str]) -> float:
    words = set(_WORDS.findall(heading.casefold()))
    if not words:
        return 0.0
    return max(
        (len(words & set(_WORDS.findall(t.casefold()))) / len(words) for t in titles), default=0.0
    )


def _language(found: Evidence, ld: LdArticle, tree: LexborHTMLParser) -> str | None:
    """The declared language, unless the headline is plainly in another script.

    ``<html lang="en">`` is a template default on many Chinese sites: when the
    title and headline are in a script the declared language does not use,
    the script decides.
    """
    declared = _first(
        [found.language, ld.language], found.values(["og:locale", "content-language", "language"])
    )
    tag = _primary_tag(declared or "")
    heading = " ".join((found.title or "", *found.h1[:1]))
    seen = _script_language(heading)
    if tag and (seen is None or tag in SCRIPT_LANGUAGES):
        return tag
    if seen is not None:
        return seen
    return detect_language(_paragraphs(tree)) or tag


def _paragraphs(tree: LexborHTMLParser) -> str:
    """The text of the first paragraphs (at most 30), as much as language detection reads."""
    parts: list[str] = []
    size = -1  # the length of the parts joined
    for node in tree.css("p")[:30]:
        if size >= SAMPLE_CHARS:
            break
        parts.append(node.text(deep=True))
        size += len(parts[-1]) + 1
    return " ".join(parts)


def _script_language(text: str) -> str | None:
    """The language of a text written (almost) wholly in a script few languages share."""
    if text.isascii():
        return None  # Latin letters only (or none): no script of its own
    letters = sum(map(str.isalpha, text))
    latin = sum(map(str.isalpha, text.encode("ascii", "ignore").decode("ascii")))
    if letters < 4 or latin * 5 > letters:
        return None
    seen = detect_language(text)
    return seen if seen in SCRIPT_LANGUAGES else None


def _primary_tag(declared: str) -> str | None:
    tag = declared.replace("_", "-").split("-")[0].strip().lower()
    if not (2 <= len(tag) <= 3 and tag.isalpha()):
        return None
    return _DEPRECATED_TAGS.get(tag, tag)
