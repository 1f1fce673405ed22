"""Boilerplate-proof (DESIGN property 3), driven by the lexicons themselves.

A clean article is generated in any lexicon language: a title, a date line,
maybe a byline, and body paragraphs drawn from that language's ``[guard]``
pool (ordinary finance prose that mentions airdrops, APR, risk, downloads…).
Chrome lines are drawn from the examples of EVERY language's lexicon rules
(menus, promos, disclaimers, related headers, share bars, cookie and
newsletter boxes, widgets) and injected before the title, between the byline
and the body, and after the body. Cleaning the injected capture must give the
same body and metadata as cleaning the bare one, and no injected line may end
up in the body.

Related headers cut to the end of the page (scope ``section``), so they are
only injected after the body. Lines that are a site fingerprint are left out:
they legitimately change ``site_name``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleanpage
from cleanpage import Article
from cleanpage._rules import load_rules

CATEGORIES = frozenset(
    {"navigation", "promo", "disclaimer", "related", "share", "cookie", "newsletter", "widget"}
)
ZONES = ("top", "head", "tail")
DATES = ("2025-11-19 08:51", "2025/11/19 08:51", "2025-11-19T08:51:00")
SHORT_LINE = 20
METADATA = (
    "title",
    "summary",
    "authors",
    "publisher",
    "source",
    "site_name",
    "published",
    "language",
    "url",
)


@dataclass(frozen=True)
class Chrome:
    category: str
    section: bool
    """True for rules that cut to the end of the page: injected after the body only."""
    line: str


@dataclass(frozen=True)
class Pools:
    titles: tuple[str, ...]
    body: tuple[str, ...]
    bylines: tuple[str, ...]


def _language(file_name: str) -> str:
    stem = file_name.removesuffix(".toml")
    return stem if "-" not in stem or stem.startswith("zh-Hant") else stem.split("-")[0]


@cache
def _pools() -> dict[str, Pools]:
    root = resources.files("cleanpage") / "rules" / "lexicon"
    raw: dict[str, dict[str, list[str]]] = {}
    for item in sorted(root.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".toml"):
            continue
        data: dict[str, Any] = tomllib.loads(item.read_text(encoding="utf-8"))
        pool = raw.setdefault(_language(item.name), {"titles": [], "body": [], "bylines": []})
        pool["titles"] += data.get("guard", {}).get("titles", [])
        pool["body"] += data.get("guard", {}).get("body", [])
        pool["bylines"] += [
            e for f in data.get("field", []) if f["field"] == "authors" for e in f["examples"]
        ]
    return {
        lang: Pools(tuple(p["titles"]), tuple(p["body"]), tuple(p["bylines"]))
        for lang, p in raw.items()
        if p["titles"] and len(p["body"]) >= 3
    }


@cache
def _chrome() -> tuple[Chrome, ...]:
    rules = load_rules()
    fingerprints = {f for site in rules.sites for f in site.fingerprints}
    return tuple(
        Chrome(rule.category, rule.scope == "section", example)
        for rule in rules.rules
        if rule.category in CATEGORIES
        for example in rule.examples
        if example not in fingerprints and "\n" not in example
    )


LANGUAGES = sorted(_pools())


@dataclass(frozen=True)
class Case:
    bare: str
    injected: str
    chrome: tuple[str, ...]


def _render(
    top: list[str], header: list[str], head: list[str], body: list[str], tail: list[str]
) -> str:
    parts = [*top, header[0], "\n".join(header[1:]), *head, *body, *tail]
    return "\n\n".join(parts) + "\n"


@st.composite
def cases(draw: st.DrawFn, lang: str) -> Case:
    pools = _pools()[lang]
    header = [draw(st.sampled_from(pools.titles)), draw(st.sampled_from(DATES))]
    with_byline: bool = draw(st.booleans())
    if pools.bylines and with_byline:
        header.append(draw(st.sampled_from(pools.bylines)))
    body = draw(st.lists(st.sampled_from(pools.body), min_size=3, max_size=5, unique=True))
    placed = draw(
        st.lists(
            st.tuples(st.sampled_from(ZONES), st.sampled_from(_chrome())), min_size=1, max_size=6
        )
    )
    zones: dict[str, list[str]] = {zone: [] for zone in ZONES}
    for zone, chrome in placed:
        if not chrome.section:
            zones[zone].append(chrome.line)
    sections = [chrome.line for _, chrome in placed if chrome.section]
    return Case(
        bare=_render([], header, [], body, []),
        injected=_render(zones["top"], header, zones["head"], body, zones["tail"] + sections),
        chrome=tuple(chrome.line for _, chrome in placed),
    )


def _view(article: Article) -> dict[str, Any]:
    data = article.to_dict()
    return {"blocks": data["blocks"], **{key: data[key] for key in METADATA}}


def _leaks(article: Article, chrome: tuple[str, ...]) -> list[str]:
    blocks = [block.text for block in article.blocks]
    return [
        line
        for line in dict.fromkeys(chrome)
        if any(line == text or (len(line) >= SHORT_LINE and line in text) for text in blocks)
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=30)
@given(data=st.data())
def test_injected_chrome_changes_nothing_and_never_leaks(lang: str, data: st.DataObject) -> None:
    case = data.draw(cases(lang))
    bare = cleanpage.clean_text(case.bare)
    injected = cleanpage.clean_text(case.injected)
    assert _leaks(injected, case.chrome) == []
    assert _view(injected) == _view(bare)


def test_every_lexicon_language_takes_part() -> None:
    expected = {"en", "zh", "zh-Hant", "ja", "ko", "vi", "ru", "es", "pt", "tr", "de", "fr", "id"}
    assert expected <= set(LANGUAGES)


def test_chrome_pool_covers_every_category_in_many_languages() -> None:
    languages: dict[str, set[str]] = {}
    for rule in load_rules().rules:
        if rule.category in CATEGORIES and rule.examples:
            languages.setdefault(rule.category, set()).add(rule.id.split(".")[0])
    assert {category: len(langs) >= 10 for category, langs in languages.items()} == dict.fromkeys(
        CATEGORIES, True
    )
