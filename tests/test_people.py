"""Bylines to names, and titles without the site's name."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cleanpage._people import (
    clean_authors,
    clean_title,
    credits_others,
    has_byline_prefix,
    is_organisation,
    looks_like_person,
)


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("By Jane Doe", ("Jane Doe",)),
        ("By: Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("Written by Jane Doe, Senior Reporter", ("Jane Doe",)),
        ("Reporting by Jane Doe; Editing by John Roe", ("Jane Doe",)),
        ("By Jane Doe | Email the author", ("Jane Doe",)),
        ("Jane Doe jane.doe@example.com @janedoe", ("Jane Doe",)),
        ("By Kevin Stankiewicz, CNBC", ("Kevin Stankiewicz",)),
        ("By Jane Doe and John Roe, Associated Press", ("Jane Doe", "John Roe")),
        ("By JANE DOE", ("Jane Doe",)),
        ("Robert E. Moffit, Ph.D.", ("Robert E. Moffit",)),
        ("Lauren Manaker MS, RDN, LD", ("Lauren Manaker",)),
        ("John Garcia Jr.", ("John Garcia Jr.",)),
        ("James O'Neil", ("James O'Neil",)),
        ("Courtney Carr Courtney Carr", ("Courtney Carr",)),
        ("By Aaron Klotz Contributions from Sarah Jacobsson Purewal", ("Aaron Klotz",)),
        ("By Shamira Ibrahim Photography by Whitney Hayes", ("Shamira Ibrahim",)),
        ("Juan Pérez y María López", ("Juan Pérez", "María López")),
        ("撰文:张雅琦", ("张雅琦",)),
        ("作者:张三、李四", ("张三", "李四")),
        ("文/李四", ("李四",)),
        ("记者 王五", ("王五",)),
        ("홍길동 기자", ("홍길동",)),
        ("Reuters", ("Reuters",)),
        ("", ()),
        ("By", ()),
        ("Staff Writer", ()),
        ("fiona-leishman", ()),
        ("Amie Mock as told to Heather Eastman", ("Heather Eastman",)),
        ("As told to Jane Doe", ("Jane Doe",)),
    ],
)
def test_clean_authors(raw: str, names: tuple[str, ...]) -> None:
    assert clean_authors(raw) == names


def test_organisations_only_when_nobody_is_named() -> None:
    assert clean_authors("The Associated Press") == ("The Associated Press",)
    assert clean_authors("Jane Doe, The Associated Press") == ("Jane Doe",)
    assert is_organisation("Bleacher Report")
    assert not is_organisation("Jane Doe")


def test_person_shape() -> None:
    assert looks_like_person("Cam E. Kettles")
    assert looks_like_person("张雅琦")
    assert not looks_like_person("Profiles")
    assert not looks_like_person("Daily News Egypt")
    assert credits_others("By A Contributions from B")
    assert not credits_others("By Jane Doe")


def test_byline_prefix() -> None:
    assert has_byline_prefix("by Jane Doe")
    assert has_byline_prefix("Written by: Jane Doe")
    assert not has_byline_prefix("Byzantium falls")
    assert not has_byline_prefix("Jane Doe")


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Bitcoin rallies past $90,000 - CoinDesk", "CoinDesk", "Bitcoin rallies past $90,000"),
        ("Bitcoin rallies | CoinDesk", "CoinDesk", "Bitcoin rallies"),
        ("CoinDesk: Bitcoin rallies", "CoinDesk", "Bitcoin rallies"),
        ("Bitcoin rallies — The Block", "The Block", "Bitcoin rallies"),
        ("AI 狂潮下的债务杠杆_华尔街见闻", "华尔街见闻", "AI 狂潮下的债务杠杆"),
        (
            "Stocks fall as bond yields climb | Markets | Reuters",
            None,
            "Stocks fall as bond yields climb",
        ),
        ("Stocks fall | Markets", None, "Stocks fall | Markets"),
        ("Breaking: stocks fall", None, "Breaking: stocks fall"),
        ("COVID-19 - Bitcoin - and more", "CoinDesk", "COVID-19 - Bitcoin - and more"),
        # A tail that only mentions the site is part of the headline.
        (
            "Kennedy's campaign: PolitiFact's 2023 Lie of the Year",
            "PolitiFact",
            "Kennedy's campaign: PolitiFact's 2023 Lie of the Year",
        ),
    ],
)
def test_clean_title(title: str, site: str | None, expected: str) -> None:
    assert clean_title(title, site) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Dan + Shay Bring 'Bigger Houses' to Show Finale [Watch]",
            "Dan + Shay Bring 'Bigger Houses' to Show Finale",
        ),
        ("NASA beams a cat video to Earth (video) | Space", "NASA beams a cat video to Earth"),
        ("WATCH: Dan + Shay bring the house down", "Dan + Shay bring the house down"),
        ("Why (video) games still matter", "Why (video) games still matter"),
        ("Watch this space for the launch", "Watch this space for the launch"),
    ],
)
def test_media_labels_leave_the_title(title: str, expected: str) -> None:
    assert clean_title(title, "Space") == expected


def test_a_sentences_full_stop_leaves_the_name() -> None:
    assert clean_authors("Reporting by The Associated Press.") == ("The Associated Press",)
    assert clean_authors("By John Smith Jr.") == ("John Smith Jr.",)
    assert clean_authors("By Jane Q.") == ("Jane Q.",)


def test_clean_title_with_other_names_of_the_site() -> None:
    assert clean_title("Stocks fall - cnbc.com", "CNBC", also=["www.cnbc.com"]) == "Stocks fall"


# --- generated bylines ----------------------------------------------------------------

_given = st.sampled_from(
    ["Jane", "John", "Ana", "Émile", "Siobhán", "Kwame", "Li", "Olga", "Mary-Kate"]
)
_family = st.sampled_from(
    ["Doe", "Roe", "García", "O'Brien", "Nakamura", "Okafor", "Smith-Jones", "Müller"]
)
_person = st.builds(lambda g, f: f"{g} {f}", _given, _family)
_cjk_person = st.text(alphabet="张王李赵陈刘杨黄雅琦明华伟芳", min_size=2, max_size=3)
_prefix = st.sampled_from(["", "By ", "by ", "BY: ", "Written by ", "Reporting by ", "Author: "])
_suffix = st.sampled_from(
    [
        "",
        ", Senior Reporter",
        " | Email the author",
        " jane@example.com",
        ", Staff Writer",
        " @handle",
    ]
)
_joiner = st.sampled_from([", ", " and ", " & ", "; ", " | "])


@given(st.lists(_person, min_size=1, max_size=3, unique=True), _prefix, _suffix, _joiner)
def test_generated_latin_bylines(names: list[str], prefix: str, suffix: str, joiner: str) -> None:
    raw = prefix + joiner.join(names) + suffix
    assert clean_authors(raw) == tuple(names)


@given(
    st.lists(_cjk_person, min_size=1, max_size=3, unique=True),
    st.sampled_from(["作者:", "撰文:", "作者：", "文/", "撰文 | ", ""]),
    st.sampled_from(["、", ",", "，", " "]),
)
def test_generated_cjk_bylines(names: list[str], prefix: str, joiner: str) -> None:
    assume(joiner != " " or len(names) == 1)
    assert clean_authors(prefix + joiner.join(names)) == tuple(names)


@given(st.text(max_size=300))
def test_any_byline_is_safe(raw: str) -> None:
    for name in clean_authors(raw):
        assert name and name == name.strip()


_headline = st.lists(
    st.sampled_from(
        ["Bitcoin", "rallies", "as", "ETF", "inflows", "jump", "stocks", "fall", "2025"]
    ),
    min_size=3,
    max_size=10,
).map(" ".join)
_site = st.sampled_from(
    ["CoinDesk", "The Block", "Reuters", "Bitget", "华尔街见闻", "Yahoo Finance"]
)
_separator = st.sampled_from([" - ", " | ", " — ", " – ", " :: ", " · "])


@given(_headline, _site, _separator, st.booleans())
def test_generated_titles(headline: str, site: str, separator: str, before: bool) -> None:
    title = f"{site}{separator}{headline}" if before else f"{headline}{separator}{site}"
    assert clean_title(title, site) == headline
    assert clean_title(headline, site) == headline
