"""The published date of an HTML page, as the page means it.

The first stated date (JSON-LD ``datePublished``, ``article:published_time``
and its kin, microdata) is the date. A UTC timestamp is moved into the
page's own zone when the page shows the same moment in it (a ``<time>`` with
an offset, a dateline). Without a stated date: the date in the URL, checked
against what the page shows; then the first date shown; then the modified
date as a last resort.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from ._dates import find_date, month_names, parse_date
from ._htmlevidence import MAX_SHOWN, Evidence
from ._jsonld import LdArticle

_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created",
    "dc.date", "dcterms.date", "pubdate", "publishdate", "publish-date", "publish_date",
    "date", "article.published", "cxenseparse:recs:publishtime", "citation_publication_date",
)  # fmt: skip
_MINUTE = timedelta(minutes=1)
_QUARTER = timedelta(minutes=15)
_DAY_SPAN = timedelta(hours=14)
_THREE_DAYS = timedelta(days=3)
_WEST = timedelta(hours=12)
_EAST = timedelta(hours=14)
_MIDNIGHT = time(0, 0)
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-]([01]?\d|[a-z]{3,9})(?:[/-]([0-3]?\d))?(?=[/-]|$)", re.IGNORECASE
)


def published_date(
    found: Evidence, ld: LdArticle, url: str | None, now: datetime | None
) -> datetime | None:
    stated = _first_date(_stated_dates(found, ld), now)
    if stated is not None:
        if stated.utcoffset():
            return stated  # a local time: as the page means it
        return _as_shown(stated, _shown_dates(found, now))
    shown = _shown_dates(found, now)
    dated = _url_date(url)
    if dated is not None:
        near = [d for d in shown if dated.near(d)]
        if dated.has_day:
            fallback = near[0] if near else dated.value
            return next((d for d in near if d.date() == dated.value.date()), fallback)
        shown = near
    if shown:
        return shown[0]
    modified = (ld.modified, *found.values(["article:modified_time", "og:updated_time"]))
    return _first_date(modified, now)


@dataclass(frozen=True, slots=True)
class _UrlDate:
    """A date in a URL path: ``/2023/12/21/``, ``/2023/dec/21/``, or only ``/2023/12/``."""

    value: datetime
    has_day: bool

    def near(self, other: datetime) -> bool:
        if self.has_day:
            return abs(other.replace(tzinfo=None) - self.value) < _THREE_DAYS
        return (other.year, other.month) == (self.value.year, self.value.month)


def _url_date(url: str | None) -> _UrlDate | None:
    found = _URL_DATE.search(url or "")
    if found is None:
        return None
    month_text = found[2].casefold()
    month = int(month_text) if month_text.isdigit() else month_names().get(month_text)
    try:
        value = datetime(int(found[1]), month or 0, int(found[3] or 1))
    except ValueError:
        return None
    return _UrlDate(value, found[3] is not None)


def _first_date(values: Iterable[str | None], now: datetime | None) -> datetime | None:
    return next((d for v in values if v and (d := parse_date(v, now=now))), None)


def _stated_dates(found: Evidence, ld: LdArticle) -> Iterator[str | None]:
    yield ld.published
    yield from found.values(_DATE_KEYS)
    yield from found.microdata.get("datePublished", ())


def _shown_dates(found: Evidence, now: datetime | None) -> list[datetime]:
    """Dates the page shows: ``<time>`` values, then datelines and bylines with a date."""
    shown = [d for v in found.times[:MAX_SHOWN] if (d := parse_date(v, now=now))]
    for line in (*found.datelines[:MAX_SHOWN], *found.bylines[:MAX_SHOWN]):
        match = find_date(line, now=now)
        if match is not None:
            shown.append(match.value)
    return shown


def _as_shown(stated: datetime, shown: list[datetime]) -> datetime:
    """``stated`` in the page's own time zone when the page shows it so.

    A UTC timestamp of 01:00 on the 20th for a page that shows "8:00 PM EST,
    December 19" is the 19th where it was published.
    """
    if stated.tzinfo is None or any(d.date() == stated.date() for d in shown):
        return stated
    instant = stated.replace(tzinfo=None)
    for seen in shown:
        if seen.tzinfo is not None:
            if seen.utcoffset() and abs(seen - stated) <= _MINUTE:
                return seen
            continue
        delta = seen - instant
        zone = round(delta / _QUARTER) * _QUARTER
        if seen.time() != _MIDNIGHT and abs(zone) <= _DAY_SPAN and abs(delta - zone) < _MINUTE:
            return _in_zone(stated, zone)
        if seen.time() == _MIDNIGHT and _local_day(instant, seen):
            return seen
    return stated


def _in_zone(stated: datetime, zone: timedelta) -> datetime:
    try:
        return stated.astimezone(timezone(zone))
    except OverflowError:  # an instant at the edge of the calendar (year 1 or 9999)
        return stated


def _local_day(instant: datetime, day: datetime) -> bool:
    """True when ``day`` is the date of the UTC ``instant`` somewhere (UTC-12 to UTC+14)."""
    try:
        return (instant - _WEST).date() <= day.date() <= (instant + _EAST).date()
    except OverflowError:  # an instant at the edge of the calendar (year 1 or 9999)
        return False
