"""Dates in text and metadata: examples, and generated renderings read back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanpage._dates import find_date, find_dates, parse_date

NOW = datetime(2025, 11, 24, 12, 0)
CST = timezone(timedelta(hours=8))
EST = timezone(timedelta(hours=-5))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-11-19T08:51:00Z", datetime(2025, 11, 19, 8, 51, tzinfo=UTC)),
        ("2025-11-19T08:51:00.000+0800", datetime(2025, 11, 19, 8, 51, tzinfo=CST)),
        ("2025-11-19", datetime(2025, 11, 19)),
        ("Wed, 19 Nov 2025 08:51:00 GMT", datetime(2025, 11, 19, 8, 51, tzinfo=UTC)),
        ("Wed, 19 Nov 2025 08:51:00 -0500", datetime(2025, 11, 19, 8, 51, tzinfo=EST)),
        ("2025/11/19 08:51", datetime(2025, 11, 19, 8, 51)),
        ("2025年11月19日 08:51", datetime(2025, 11, 19, 8, 51)),
        ("2025年11月19日", datetime(2025, 11, 19)),
        ("2025.11.19", datetime(2025, 11, 19)),
        ("2025년 11월 19일 오후 3:05", datetime(2025, 11, 19, 15, 5)),
        ("Nov 19, 2025, 8:51 AM EST", datetime(2025, 11, 19, 8, 51, tzinfo=EST)),
        ("November 19th, 2025 8:51 p.m.", datetime(2025, 11, 19, 20, 51)),
        ("19 November 2025", datetime(2025, 11, 19)),
        ("19. November 2025", datetime(2025, 11, 19)),
        ("19 de noviembre de 2025", datetime(2025, 11, 19)),
        ("19 ноября 2025", datetime(2025, 11, 19)),
        ("19.11.2025 08:51 UTC+8", datetime(2025, 11, 19, 8, 51, tzinfo=CST)),
        ("2025-11-19 08:51 GMT+8", datetime(2025, 11, 19, 8, 51, tzinfo=CST)),
        ("北京时间 2025年11月19日 08:51", datetime(2025, 11, 19, 8, 51, tzinfo=CST)),
        ("11/19/2025", datetime(2025, 11, 19)),
        ("1763542260", datetime(2025, 11, 19, 8, 51, tzinfo=UTC)),
    ],
)
def test_parse_date_examples(text: str, expected: datetime) -> None:
    value = parse_date(text)
    assert value == expected
    assert (value is not None and value.tzinfo is not None) == (expected.tzinfo is not None)


def test_zone_by_name_follows_daylight_saving() -> None:
    summer = parse_date("July 4, 2025 8:00 AM ET")
    winter = parse_date("December 4, 2025 8:00 AM ET")
    assert summer is not None and winter is not None
    assert summer.utcoffset() == timedelta(hours=-4)
    assert winter.utcoffset() == timedelta(hours=-5)
    assert summer.tzinfo == ZoneInfo("America/New_York")


def test_lowercase_short_word_is_not_a_zone() -> None:
    # "et" in French running text is "and", not Eastern Time.
    found = find_date("le 19 novembre 2025 et le lendemain")
    assert found is not None
    assert found.value == datetime(2025, 11, 19)
    assert found.value.tzinfo is None


def test_find_date_splits_a_publisher_glued_to_its_date() -> None:
    line = "ForesightNewsForesightNews2025/11/19 08:51"
    found = find_date(line)
    assert found is not None
    assert line[: found.start] == "ForesightNewsForesightNews"
    assert found.value == datetime(2025, 11, 19, 8, 51)
    assert found.end == len(line)


def test_find_dates_in_order() -> None:
    found = find_dates("Published Dec. 21, 2023 · Updated 2023-12-22 10:00")
    assert [m.value.date().isoformat() for m in found] == ["2023-12-21", "2023-12-22"]


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("Updated 3 hours ago", timedelta(hours=3)),
        ("an hour ago", timedelta(hours=1)),
        ("5 mins ago", timedelta(minutes=5)),
        ("3小时前", timedelta(hours=3)),
        ("12 分钟前", timedelta(minutes=12)),
        ("3 時間前", timedelta(hours=3)),
        ("3시간 전", timedelta(hours=3)),
        ("2 days ago", timedelta(days=2)),
        ("2天前", timedelta(days=2)),
    ],
)
def test_relative_dates_resolve_against_now(text: str, delta: timedelta) -> None:
    assert parse_date(text, now=NOW) == NOW - delta
    assert parse_date(text) is None  # never the wall clock


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("昨天 08:51", datetime(2025, 11, 23, 8, 51)),
        ("yesterday", datetime(2025, 11, 23, 12, 0)),
        ("어제", datetime(2025, 11, 23, 12, 0)),
        ("前天 23:05", datetime(2025, 11, 22, 23, 5)),
    ],
)
def test_day_words(text: str, expected: datetime) -> None:
    assert parse_date(text, now=NOW) == expected
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text", ["", "2008 危机", "version 2.11.19", "today's market", "31/31/2025"]
)
def test_no_date(text: str) -> None:
    assert parse_date(text) is None


# --- generated: render a moment in a format and zone, read it back -------------------

_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M",
    "%Y年%m月%d日 %H:%M",
    "%Y년 %m월 %d일 %H:%M",
    "%Y.%m.%d %H:%M",
    "%b %d, %Y, %I:%M %p",
    "%B %d, %Y %H:%M",
    "%d %B %Y %H:%M",
    "%a, %d %b %Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
)
_ZONES: tuple[tuple[str, timedelta], ...] = (
    ("EST", timedelta(hours=-5)),
    ("PDT", timedelta(hours=-7)),
    ("UTC", timedelta(0)),
    ("GMT", timedelta(0)),
    ("JST", timedelta(hours=9)),
    ("UTC+8", timedelta(hours=8)),
    ("GMT+8", timedelta(hours=8)),
    ("GMT-03:30", timedelta(hours=-3, minutes=-30)),
    ("+0530", timedelta(hours=5, minutes=30)),
)
_moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2099, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0)
)


@given(_moments, st.sampled_from(_FORMATS), st.text(alphabet="AbcZ新闻 |·", max_size=12))
def test_rendered_naive_dates_read_back(moment: datetime, fmt: str, prefix: str) -> None:
    text = moment.strftime(fmt)
    found = find_date(prefix + " " + text)
    assert found is not None
    assert found.value == moment
    assert found.value.tzinfo is None
    assert found.start == len(prefix) + 1


@given(_moments, st.sampled_from(_FORMATS), st.sampled_from(_ZONES))
def test_rendered_zoned_dates_read_back(
    moment: datetime, fmt: str, zone: tuple[str, timedelta]
) -> None:
    name, offset = zone
    value = parse_date(f"{moment.strftime(fmt)} {name}")
    assert value == moment.replace(tzinfo=timezone(offset))
    assert value is not None and value.utcoffset() == offset


@given(_moments.map(lambda d: d.replace(tzinfo=UTC)), st.integers(-14 * 4, 14 * 4))
def test_iso_round_trip(moment: datetime, quarters: int) -> None:
    local = moment.astimezone(timezone(timedelta(minutes=15 * quarters)))
    assert parse_date(local.isoformat()) == local


@given(
    st.integers(1, 59),
    st.sampled_from(
        [
            ("{n} minutes ago", 60),
            ("{n}分钟前", 60),
            ("{n}分前", 60),
            ("{n}분 전", 60),
            ("{n} hours ago", 3600),
            ("{n}小时前", 3600),
            ("{n}時間前", 3600),
            ("{n}시간 전", 3600),
            ("{n} days ago", 86400),
        ]
    ),
)
def test_generated_relative_dates(n: int, form: tuple[str, int]) -> None:
    template, unit = form
    assert parse_date(template.format(n=n), now=NOW) == NOW - timedelta(seconds=n * unit)


@given(st.text(max_size=200))
def test_any_text_is_safe(text: str) -> None:
    value = parse_date(text, now=NOW)
    assert value is None or isinstance(value, datetime)
    for found in find_dates(text, now=NOW):
        assert 0 <= found.start < found.end <= len(text)
