"""The authors of an HTML page: stated people, checked against the visible byline.

People come from the most trusted source that names any (JSON-LD, author
meta tags, microdata, the byline in the article header, a "By" link to an
author page); an organisation only when nobody is named. The visible byline
then adjusts the stated list: one naming the same people and more widens it,
one crediting the others with other roles (on its line or another) narrows it,
and names are spelt as the page shows them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from typing import Final

from ._htmlevidence import MAX_SHOWN, Evidence
from ._jsonld import LdArticle
from ._people import (
    clean_authors,
    credits_others,
    is_newsroom,
    is_organisation,
    looks_like_person,
)

_AUTHOR_KEYS: Final = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
    "dcterms.creator", "byl", "citation_author", "cxenseparse:author", "article.author",
)  # fmt: skip
_STATED: Final = 3
"""How many of the sources state authors in markup (JSON-LD, meta tags, microdata)."""


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def authors(found: Evidence, ld: LdArticle, names: tuple[str, ...]) -> tuple[str, ...]:
    """People from the most trusted source that names any; an organisation only as a last resort.

    The visible byline adjusts the stated list: one that names the same people
    and more widens it (meta often keeps only the first author); one that
    credits the others with other roles ("Contributions from …") narrows it.
    """
    site = {_norm(n) for n in names}
    lines = _joined(found.bylines[:MAX_SHOWN])
    # Markup often repeats a byline (nested or doubly marked elements): each is read once.
    by_line = {line: _names([line], site) for line in dict.fromkeys(lines)}
    shown = [tuple(filter(_person_or_newsroom, by_line[line])) for line in lines]
    byline = next((n for n in shown if n), ())
    fallback: tuple[str, ...] = ()
    for index, named in enumerate(_sources(found, ld, site, byline)):
        if named and not all(map(is_organisation, named)):
            break
        if index < _STATED + 1:
            fallback = fallback or named
    else:
        return fallback  # nobody named: the first organisation stated or shown
    people = tuple(p for p in named if not is_organisation(p))
    credited = next((i for i, n in enumerate(shown) if n), None)
    if credited is not None and credits_others(lines[credited]) and _covers(people, byline):
        return byline
    if byline and _covers(people, byline) and _credited_elsewhere(people, byline, lines):
        return byline
    wider = next((n for n in shown if len(n) > len(people) and _covers(n, people)), people)
    return _as_displayed(wider, [n for line in shown for n in line])


def _sources(
    found: Evidence, ld: LdArticle, site: set[str], byline: tuple[str, ...]
) -> Iterator[tuple[str, ...]]:
    """The names each source gives, most trusted first (read only as far as needed)."""
    yield _names(ld.authors, site)
    stated = (v for v in found.values(_AUTHOR_KEYS) if not v.startswith(("http", "/")))
    yield _names(stated, site)
    yield _names(found.microdata.get("author", ())[:MAX_SHOWN], site)
    yield byline
    yield _names(_linked_author(found), site)


def _credited_elsewhere(people: tuple[str, ...], byline: tuple[str, ...], lines: list[str]) -> bool:
    """A stated name the byline leaves out is shown with another role ("Reviewed by …")."""
    others = {_norm(p) for p in people} - {_norm(n) for n in byline}
    return any(credits_others(line) and any(o in _norm(line) for o in others) for line in lines)


def _as_displayed(people: tuple[str, ...], displayed: list[str]) -> tuple[str, ...]:
    """Names spelt as the byline shows them ("Solcyré" where the markup says "Solcyre")."""
    shown = {_folded(n): n for n in displayed}
    return tuple(shown.get(_folded(p), p) for p in people)


def _folded(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _person_or_newsroom(name: str) -> bool:
    return looks_like_person(name) or is_newsroom(name)


def _linked_author(found: Evidence) -> list[str]:
    """The author a link names: one "By" leads (a job title after it first), else the one
    linked most often (first on ties)."""
    led = [n for n in (*found.titled_links, *found.by_links) if looks_like_person(n)]
    if led:
        return led[:1]
    linked = [n for n in found.author_links if looks_like_person(n)]
    return [max(linked, key=linked.count)] if linked else []


def _joined(lines: list[str]) -> list[str]:
    """Byline pieces that end in "and" or a comma, joined to the piece after them."""
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].endswith((" and", ",", "&")):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _names(raws: Iterable[str], site: set[str]) -> tuple[str, ...]:
    people: list[str] = []
    seen: set[str] = set()
    for raw in raws:
        if _norm(raw) in site:
            continue
        for person in clean_authors(raw):
            key = _norm(person)
            if key not in seen and key not in site:
                seen.add(key)
                people.append(person)
    return tuple(people)


def _covers(wide: tuple[str, ...], narrow: tuple[str, ...]) -> bool:
    return {_norm(n) for n in narrow} <= {_norm(n) for n in wide}
