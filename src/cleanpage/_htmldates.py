"""The published date of an HTML page, as the page means it.

The first stated date (JSON-LD ``datePublished``, ``article:published_time``
and its kin, microdata) is the date, unless the page shows not it but another
stated publication date (a republished story; never the modified date). A
UTC timestamp is moved into the page's own zone when the page shows the same
moment in it (a ``<time>`` with an offset, a dateline) or states it in local
time in another tag. Without a stated date: the date in the URL, checked
against what the page shows; then the first date shown; then the modified
date as a last resort. (A dateline above the body, found later by
:mod:`._html_fields`, fills in when all of these say nothing.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from typing import Final

from ._dates import find_date, month_names, parse_date
from ._htmlevidence import MAX_SHOWN, Evidence
from ._jsonld import LdArticle

_DATE_KEYS: Final = (
    "article:published_time", "og:article:published_time", "datepublished",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created",
    "dc.date", "dcterms.date", "pubdate", "publishdate", "publish-date", "publish_date",
    "date", "article.published", "cxenseparse:recs:publishtime", "citation_publication_date",
)  # fmt: skip
_MODIFIED_KEYS: Final = ("article:modified_time", "og:updated_time")
_MINUTE: Final = timedelta(minutes=1)
_QUARTER: Final = timedelta(minutes=15)
_DAY_SPAN: Final = timedelta(hours=14)
_THREE_DAYS: Final = timedelta(days=3)
_WEST: Final = timedelta(hours=12)
_EAST: Final = timedelta(hours=14)
_MIDNIGHT: Final = time(0, 0)
_URL_DATE: Final = re.compile(
    r"/((?:19|20)\d\d)[/-]([01]?\d|[a-z]{3,9})(?:[/-]([0-3]?\d))?(?=[/-]|$)", re.IGNORECASE
)


def published_date(
    found: Evidence, ld: LdArticle, url: str | None, now: datetime | None
) -> datetime | None:
    stated = [d for v in _stated_dates(found, ld) if v and (d := parse_date(v, now=now))]
    if stated:
        # What the page shows only matters against another stated date or a UTC timestamp.
        needed = len(stated) >= 2 or _in_utc(stated[0])
        return _checked(stated, _shown_dates(found, now) if needed else [], found, ld, now)
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
    return _first_date(_modified(found, ld), now)


def _checked(
    stated: list[datetime],
    shown: list[datetime],
    found: Evidence,
    ld: LdArticle,
    now: datetime | None,
) -> datetime:
    """The first stated date, as the page shows it (or another stated date it shows instead)."""
    first = stated[0]
    confirmed = _confirmed(stated, shown, found, ld, now)
    if confirmed is not None:
        return confirmed
    if first.utcoffset():
        return first  # a local time: as the page means it
    instant = first.replace(tzinfo=None)
    # The stated times without a zone: the page's local clock (unless they are the UTC time).
    local = [d for d in stated if d.tzinfo is None and d.time() != _MIDNIGHT and d != instant]
    return _as_shown(first, [*shown, *local])


def _confirmed(
    stated: list[datetime],
    shown: list[datetime],
    found: Evidence,
    ld: LdArticle,
    now: datetime | None,
) -> datetime | None:
    """The date the page shows when the first stated date is not shown but another one is.

    A republished story keeps its first ``datePublished`` in one tag while
    another (``<meta name=date>``) and the dateline give the day it was
    published again; a day that is the modified date does not count.
    """
    days = {d.date() for d in shown}
    if not days or stated[0].date() in days or len(stated) < 2:
        return None
    modified = {d.date() for v in _modified(found, ld) if (d := parse_date(v, now=now))}
    for other in stated[1:]:
        if other.date() in days - modified:
            return next(d for d in shown if d.date() == other.date())
    return None


def _modified(found: Evidence, ld: LdArticle) -> Iterator[str]:
    if ld.modified:
        yield ld.modified
    yield from found.values(_MODIFIED_KEYS)
    yield from found.microdata.get("dateModified", ())


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
    lines = (*found.datelines[:MAX_SHOWN], *found.bylines[:MAX_SHOWN])
    # Markup often repeats a line (nested or doubly marked elements): each is read once.
    matches = {line: find_date(line, now=now) for line in dict.fromkeys(lines)}
    shown += [match.value for line in lines if (match := matches[line]) is not None]
    return shown


def _as_shown(stated: datetime, shown: list[datetime]) -> datetime:
    """``stated`` in the page's own time zone when the page shows it so.

    A UTC timestamp of 01:00 on the 20th for a page that shows "8:00 PM EST,
    December 19" (or states "2023-12-19T20:00" in another tag) is the 19th
    where it was published. A shown time in UTC only repeats the timestamp.
    """
    if stated.tzinfo is None or any(d.date() == stated.date() for d in shown if not _in_utc(d)):
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


def _in_utc(value: datetime) -> bool:
    return value.tzinfo is not None and not value.utcoffset()


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
