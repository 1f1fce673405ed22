"""Finding and reading dates in visible text and in metadata values.

Two entry points: :func:`find_date` finds the first date written somewhere in
a line of text ("ForesightNews2025/11/19 08:51", "Nov 19, 2025, 8:51 AM EST",
"3小时前") and says where it is; :func:`parse_date` reads a metadata value
(ISO 8601 through :meth:`datetime.fromisoformat`, epoch seconds, or any form
:func:`find_date` knows, RFC 2822 included).

A date with a stated zone (``EST``, ``UTC+8``, ``北京时间``, ``+08:00``) is
tz-aware; without one it is naive. Relative dates ("3 hours ago", "昨天")
resolve against ``now`` and are not recognised without it: the wall clock is
never read. The vocabulary (month names, zones, relative units) is data, in
``rules/meta/dates.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Final
from zoneinfo import ZoneInfo


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a string: where it is and what it means."""

    start: int
    end: int
    value: datetime


@dataclass(frozen=True, slots=True)
class _Grammar:
    months: Mapping[str, int]
    zones: Mapping[str, str]
    units: Mapping[str, int]
    days: Mapping[str, int]
    dates: tuple[re.Pattern[str], ...]
    relative: re.Pattern[str]
    clock: re.Pattern[str]
    zone: re.Pattern[str]
    zone_before: re.Pattern[str]
    weekday_before: re.Pattern[str]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_YEAR: Final = r"(?P<y>(?:19|20)\d\d)"
_ANY_YEAR: Final = re.compile(r"(?:19|20)\d\d")
"""Every calendar date names a year: text without one is not searched further."""
_DAY: Final = r"(?P<d>[0-3]?\d)"
_MONTH: Final = r"(?P<m>[01]?\d)"


@cache
def _grammar() -> _Grammar:
    path = resources.files("cleanpage") / "rules" / "meta" / "dates.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    months = {w.casefold(): int(n) for n, words in data["months"].items() for w in words}
    zones = {k.casefold(): v for k, v in data["zones"].items()}
    units = {k.casefold(): int(v) for k, v in data["units"].items()}
    days = {k.casefold(): int(v) for k, v in data["days"].items()}
    return _Grammar(
        months=MappingProxyType(months),
        zones=MappingProxyType(zones),
        units=MappingProxyType(units),
        days=MappingProxyType(days),
        dates=_CALENDAR,
        relative=_relative_pattern(units, days, data["relative"]["ago"]),
        clock=_CLOCK,
        zone=re.compile(
            rf"\s*+\(?(?:(?P<name>{_alternation(zones)})(?!\w)\s*+)?"
            r"(?:(?P<sign>[+\-−])(?P<oh>\d{1,2})(?::?(?P<om>\d\d))?)?\)?",
            re.IGNORECASE,
        ),
        zone_before=re.compile(
            rf"(?P<name>{_alternation(n for n in zones if len(n) > 3)})[\s:：(]*$", re.IGNORECASE
        ),
        weekday_before=re.compile(
            rf"(?<![^\W\d_])(?:{_alternation(data['weekdays']['names'])})\.?,?\s*$", re.IGNORECASE
        ),
    )


def _relative_pattern(
    units: Iterable[str], days: Iterable[str], ago: Iterable[str]
) -> re.Pattern[str]:
    """ "3 hours ago", "3小时前", "3시간 전", or a day word ("yesterday", "昨天")."""
    return re.compile(
        r"(?=[\w\u3040-\u9fff\uac00-\ud7af])"
        rf"(?:(?<![A-Za-z0-9])(?P<n>\d+|an?|one)\s*(?P<unit>{_alternation(units)})"
        rf"\s*(?:{_alternation(ago)})(?!\w)|(?P<day>{_alternation(days)}))",
        re.IGNORECASE,
    )


# A month name is any word here; the word is looked up afterwards (much faster
# than an alternation of every month name in every language).
# It may be glued to a name before it ("CoinDeskJan 1, 2015"): it then starts at
# the capital after a lower-case letter and holds no other capital.
_WORD_MONTH: Final = (
    r"(?:(?<![^\W\d_])|(?<=[a-z])(?=[A-Z]))"
    r"(?P<mon>[A-Z]{3,9}|[^\W\d_][^\W\d_A-Z]{2,11})(?![^\W\d_])\.?"
)
_CALENDAR: Final = (
    # 2025-11-19, 2025/11/19, 2025.11.19, 2025年11月19日, 2025년 11월 19일
    re.compile(rf"(?<!\d){_YEAR}\s*[-/.年년]\s*{_MONTH}\s*[-/.月월]\s*{_DAY}(?:\s*[日일])?(?!\d)"),
    # 19.11.2025, 19-11-2025, 11/19/2025
    re.compile(rf"(?<![\d.]){_DAY}(?P<sep>[./-]){_MONTH}(?P=sep){_YEAR}(?!\d)"),
    # Nov 19, 2025 / November 19th 2025
    re.compile(rf"{_WORD_MONTH}\s*{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)"),
    # 19 November 2025 / 19. November 2025 / 19 de noviembre de 2025
    re.compile(
        rf"(?<!\d){_DAY}(?:st|nd|rd|th)?\.?\s*(?:de\s+)?{_WORD_MONTH},?\s+(?:de\s+)?{_YEAR}(?!\d)"
    ),
)
_CLOCK: Final = re.compile(
    r"\s*+(?:(?:,|at|à|um|às|a las|T|-|\||·)\s*+)?"
    r"(?:(?P<pre>上午|下午|午前|午後|오전|오후)\s*+)?(?P<H>[0-2]?\d)[:：h](?P<M>[0-5]\d)"
    r"(?::(?P<S>[0-5]\d)(?:\.\d+)?)?(?!\d)\s*+(?P<ampm>[ap]\.?\s?m\.?(?!\w))?",
    re.IGNORECASE,
)


def find_date(text: str, *, now: datetime | None = None) -> DateMatch | None:
    """The first date written in ``text``, or ``None`` when it holds none.

    >>> find_date("ForesightNews2025/11/19 08:51").start
    13
    """
    best: DateMatch | None = None
    for found in _all_dates(text, now):
        if best is None or (found.start, -found.end) < (best.start, -best.end):
            best = found
    return best


def find_dates(text: str, *, now: datetime | None = None) -> tuple[DateMatch, ...]:
    """Every date written in ``text``, in order of position."""
    return tuple(sorted(_all_dates(text, now), key=lambda m: (m.start, -m.end)))


def _all_dates(text: str, now: datetime | None) -> Iterator[DateMatch]:
    grammar = _grammar()
    calendar = grammar.dates if _ANY_YEAR.search(text) else ()
    for index, pattern in enumerate(calendar):
        for found in pattern.finditer(text):
            day = _calendar_day(found, index, grammar)
            if day is not None:
                yield _with_time(
                    text, _weekday_start(text, found.start(), grammar), found.end(), day, grammar
                )
    if now is not None:
        yield from _relative_dates(text, now, grammar)


def _weekday_start(text: str, start: int, grammar: _Grammar) -> int:
    """Where the date starts when a weekday leads it ("Wed, 19 Nov 2025")."""
    found = grammar.weekday_before.search(text, max(0, start - 14), start)
    return found.start() if found else start


def _calendar_day(found: re.Match[str], index: int, grammar: _Grammar) -> datetime | None:
    parts = found.groupdict()
    year, day = int(parts["y"]), int(parts["d"])
    month = grammar.months.get(parts["mon"].casefold(), 0) if parts.get("mon") else int(parts["m"])
    if index == 1 and parts["sep"] == "/" and day <= 12:
        month, day = day, month  # 11/19/2025 and 03/04/2025 are month first
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _with_time(text: str, start: int, end: int, day: datetime, grammar: _Grammar) -> DateMatch:
    clock = grammar.clock.match(text, end)
    value = day
    if clock is not None:
        hour = _hour(int(clock["H"]), clock["pre"] or clock["ampm"] or "")
        if hour < 24:
            value = day.replace(hour=hour, minute=int(clock["M"]), second=int(clock["S"] or 0))
            end = clock.end()
    zone = _zone_after(text, end, grammar, allow_offset=clock is not None)
    if zone is not None:
        return DateMatch(start, zone.end, value.replace(tzinfo=zone.value))
    before = _zone_before(text, start, grammar)
    return DateMatch(start, end, value.replace(tzinfo=before) if before else value)


def _hour(hour: int, marker: str) -> int:
    marker = marker.casefold().replace(".", "").replace(" ", "")
    if marker in {"pm", "下午", "午後", "오후"} and hour < 12:
        return hour + 12
    if marker in {"am", "上午", "午前", "오전"} and hour == 12:
        return 0
    return hour


@dataclass(frozen=True, slots=True)
class _Zone:
    end: int
    value: tzinfo


def _zone_after(text: str, end: int, grammar: _Grammar, *, allow_offset: bool) -> _Zone | None:
    found = grammar.zone.match(text, end)
    if found is None or not (found["name"] or (found["sign"] and allow_offset)):
        return None
    if found["name"] and _lowercase_abbreviation(found["name"]):
        return None
    base = _named_zone(grammar, found["name"]) if found["name"] else UTC
    if found["sign"]:
        if found["name"] and found["name"].casefold() not in {"utc", "gmt"}:
            return _Zone(found.start("sign"), base)
        hours, minutes = int(found["oh"]), int(found["om"] or 0)
        if hours > 14 or minutes >= 60:
            return None
        sign = -1 if found["sign"] in "-−" else 1
        base = timezone(sign * timedelta(hours=hours, minutes=minutes))
    return _Zone(found.end(), base)


def _lowercase_abbreviation(name: str) -> bool:
    """ "et" or "pt" in running text is a word, not a zone: short zones must be upper case."""
    return name.isascii() and len(name) <= 4 and not name.isupper()


def _zone_before(text: str, start: int, grammar: _Grammar) -> tzinfo | None:
    """A zone named just before a date: "北京时间 2025年11月19日"."""
    found = grammar.zone_before.search(text, max(0, start - 24), start)
    return _named_zone(grammar, found["name"]) if found else None


def _named_zone(grammar: _Grammar, name: str) -> tzinfo:
    return _zone_value(grammar.zones[name.casefold()])


@cache
def _zone_value(spec: str) -> tzinfo:
    if spec[0] in "+-":
        sign = -1 if spec[0] == "-" else 1
        return timezone(sign * timedelta(hours=int(spec[1:3]), minutes=int(spec[4:6])))
    return ZoneInfo(spec)


def _relative_dates(text: str, now: datetime, grammar: _Grammar) -> Iterator[DateMatch]:
    for found in grammar.relative.finditer(text):
        if found["day"]:
            if _inside_word(text, found.start(), found.end()):
                continue
            day = now - timedelta(days=grammar.days[found["day"].casefold()])
            clock = grammar.clock.match(text, found.end())
            if clock is not None and int(clock["H"]) < 24:
                hour = _hour(int(clock["H"]), clock["pre"] or clock["ampm"] or "")
                value = day.replace(hour=hour % 24, minute=int(clock["M"]), second=0, microsecond=0)
                yield DateMatch(found.start(), clock.end(), value)
            else:
                yield DateMatch(found.start(), found.end(), day)
            continue
        amount = int(found["n"]) if found["n"].isdigit() else 1
        seconds = grammar.units[found["unit"].casefold()] * amount
        yield DateMatch(found.start(), found.end(), now - timedelta(seconds=seconds))


def _inside_word(text: str, start: int, end: int) -> bool:
    """True when an ASCII word like "today" is part of a longer word."""
    if not text[start:end].isascii():
        return False
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before.isalnum() or after.isalnum()


_EPOCH: Final = re.compile(r"\d{10}(?:\d{3})?")


_PLAUSIBLE_YEARS: Final = (1800, 2200)


def parse_date(text: str, *, now: datetime | None = None) -> datetime | None:
    """The date a metadata value (``2025-11-19T08:51:00Z``, …) denotes, or ``None``.

    >>> parse_date("Wed, 19 Nov 2025 08:51:00 +0800").isoformat()
    '2025-11-19T08:51:00+08:00'
    """
    text = text.strip()
    if not text or len(text) > 200:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:  # "0001-01-01T00:00:00Z" is a placeholder, not a date
        return value if _PLAUSIBLE_YEARS[0] <= value.year <= _PLAUSIBLE_YEARS[1] else None
    if _EPOCH.fullmatch(text):
        seconds = int(text[:10])
        return datetime.fromtimestamp(seconds, UTC) if seconds > 631_152_000 else None
    found = find_date(text, now=now)
    return found.value if found else None


def zone_names() -> tuple[str, ...]:
    """The zone names and abbreviations the parser knows (for tests and docs)."""
    return tuple(_grammar().zones)


def month_names() -> Mapping[str, int]:
    """Month names and abbreviations, lower-cased, to month numbers."""
    return _grammar().months
