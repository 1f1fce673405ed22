"""Related items of an HTML page: the cards of "related" / "recommended" blocks.

:func:`read_related` takes the block elements :mod:`._htmlevidence` found
(class or id saying ``related``, ``recommended``, …) and reads each link that
looks like a headline into a :class:`Related`: its title and URL, and the date
and source its card shows, when it shows them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Final
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from ._dates import find_date, parse_date
from ._htmlevidence import Words
from ._model import Related

MAX_ITEMS: Final = 20
MAX_LINKS: Final = 80
"""Links looked at per block."""
MAX_CARD: Final = 400
"""Longest card text (characters) searched for a date and a source."""
_SOURCE: Final = Words("source|publisher|outlet|provider|brand|site-?name|author")


def read_related(
    blocks: Iterable[LexborNode],
    *,
    url: str | None,
    now: datetime | None,
    headline: LexborNode | None = None,
) -> tuple[Related, ...]:
    """One item per distinct headline link in ``blocks``, in page order.

    A block around the ``headline`` is the page itself (a wrapper whose class
    happens to say "related"), not a list of other articles, and is skipped.
    """
    items: list[Related] = []
    seen = {url} if url else set()
    read: set[int] = set()  # links already weighed: a block nested in another repeats them
    around = _ancestors(headline)
    for block in blocks:
        if block.mem_id in around:
            continue
        for link in block.css("a[href]")[:MAX_LINKS]:
            if link.mem_id in read:
                continue  # taken or turned down before, and the same again
            read.add(link.mem_id)
            title = " ".join((link.text(deep=True) or "").split())
            if not _headline(title):
                continue  # checked first: resolving the link costs more
            href = link.attributes.get("href")
            href = urljoin(url, href or "") if url else href
            if not href or href in seen or href.startswith("javascript:"):
                continue
            seen.add(href)
            items.append(_item(link, title, href, now))
            if len(items) >= MAX_ITEMS:
                return tuple(items)
    return tuple(items)


def _ancestors(node: LexborNode | None) -> frozenset[int]:
    ids: set[int] = set()
    while node is not None:
        ids.add(node.mem_id)
        node = node.parent
    return frozenset(ids)


def _absolute(href: str, base: str | None) -> str:
    if base is None or href.startswith(("https://", "http://")):
        return href
    return urljoin(base, href)


def _headline(text: str) -> bool:
    words = text.split()
    return 15 <= len(text) <= 300 and (len(words) >= 4 or not text.isascii())


def _item(link: LexborNode, title: str, href: str, now: datetime | None) -> Related:
    card = _card(link)
    return Related(title=title, url=href, published=_date(card, now), source=_source(card, title))


def _card(link: LexborNode) -> LexborNode:
    """The smallest element around ``link`` that holds more than the link (its card)."""
    node = link
    for _ in range(3):
        parent = node.parent
        if parent is None or len(parent.text(deep=True) or "") > MAX_CARD:
            break
        node = parent
        if node.tag in {"li", "article"}:
            break
    return node


def _date(card: LexborNode, now: datetime | None) -> datetime | None:
    stamp = card.css_first("time[datetime]")
    if stamp is not None:
        value = parse_date(stamp.attributes.get("datetime") or "", now=now)
        if value is not None:
            return value
    text = " ".join((card.text(deep=True, separator=" ") or "").split())
    found = find_date(text[:MAX_CARD], now=now)
    return found.value if found else None


def _source(card: LexborNode, title: str) -> str | None:
    for node in card.css("[class]"):
        if _SOURCE.search(node.attributes.get("class") or ""):
            text = " ".join((node.text(deep=True) or "").split())
            dated = find_date(text)
            text = (text[: dated.start] if dated else text).strip(" ·|-•,")
            if text and text != title and len(text) <= 60:
                return text
    return None
