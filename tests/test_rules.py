"""The rule data: every lexicon and site file loads, validates, and does what its examples say.

Each ``[[rule]]`` must match all of its ``examples`` and none of its
``counterexamples``; each ``[[field]]`` must pull a value out of its examples
and nothing out of its counterexamples. Every lexicon file may also carry a
``[guard]`` table of ordinary article lines (titles, body sentences that talk
about airdrops, APR, risk…): no rule of any file may cut them. That is the
precision guard: a finance article is allowed to talk about finance.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser, SelectolaxError

from cleanpage._rules import FieldRule, Rule, load_rules

# Languages the lexicons must cover (issue 5) and the sites that must have profiles.
LANGUAGES = ("en", "zh", "zh-Hant", "ja", "ko", "vi", "ru", "es", "pt", "tr", "de", "fr", "id")
CATEGORIES = (
    "navigation", "promo", "disclaimer", "related", "share", "cookie",
    "newsletter", "comments", "footer", "widget", "other",
)  # fmt: skip
SITES = (
    "bitget", "binance-square", "okx", "gate", "bybit", "kucoin", "htx",
    "coindesk", "cointelegraph", "theblock", "decrypt", "blockworks",
    "foresightnews", "blockbeats", "panews", "odaily", "chaincatcher", "jinse",
    "wallstreetcn", "eastmoney", "sina-finance", "caixin", "36kr", "jin10",
    "yahoo-finance", "reuters", "cnbc", "marketwatch", "bloomberg", "investing-com",
)  # fmt: skip
MAX_CHARS_CEILING = 800  # no rule may reach into long body paragraphs


@cache
def _raw(folder: str) -> tuple[tuple[str, dict[str, Any]], ...]:
    """(file name, parsed TOML) for every data file in ``rules/<folder>``."""
    root = resources.files("cleanpage") / "rules" / folder
    files = sorted((p for p in root.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)
    return tuple((p.name, tomllib.loads(p.read_text(encoding="utf-8"))) for p in files)


def _language(file_name: str) -> str:
    """``en-finance.toml`` -> ``en``; ``zh-Hant.toml`` -> ``zh-Hant``."""
    stem = file_name.removesuffix(".toml")
    return stem if stem in LANGUAGES else stem.rsplit("-", 1)[0]


def _all_rules() -> Iterator[Rule]:
    rules = load_rules()
    yield from rules.rules
    for site in rules.sites:
        yield from site.rules


def _guard_lines() -> list[str]:
    lines: list[str] = []
    for _, data in _raw("lexicon"):
        guard = data.get("guard", {})
        lines += guard.get("titles", []) + guard.get("body", [])
    return lines


RULES = list(_all_rules())
FIELDS = list(load_rules().fields)


def test_rules_load_and_validate() -> None:
    rules = load_rules()
    assert rules.rules and rules.fields and rules.sites


def test_ids_are_unique_across_all_files() -> None:
    ids = [r.id for r in RULES] + [f.id for f in FIELDS] + [s.id for s in load_rules().sites]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples(rule: Rule) -> None:
    assert rule.examples, "every rule needs examples that must match"
    assert rule.counterexamples, "every rule needs counterexamples that must not match"
    assert [e for e in rule.examples if not rule.matches(e)] == []
    assert [c for c in rule.counterexamples if rule.matches(c)] == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_reach_is_bounded(rule: Rule) -> None:
    assert 0 < rule.max_chars <= MAX_CHARS_CEILING


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.id)
def test_field_examples(field: FieldRule) -> None:
    assert field.examples and field.counterexamples
    assert [e for e in field.examples if not field.value(e)] == []
    assert [c for c in field.counterexamples if field.value(c) is not None] == []


@pytest.mark.parametrize("line", _guard_lines())
def test_guard_lines_are_never_cut(line: str) -> None:
    assert [r.id for r in RULES if r.matches(line)] == []
    assert [f.id for f in FIELDS if f.value(line) is not None] == []


def test_guards_exist_for_every_language() -> None:
    guarded = {
        _language(name) for name, data in _raw("lexicon") if data.get("guard", {}).get("body")
    }
    assert set(LANGUAGES) <= guarded


@pytest.mark.parametrize(
    ("name", "data"), _raw("lexicon"), ids=lambda v: v if isinstance(v, str) else ""
)
def test_lexicon_ids_carry_the_file_language(name: str, data: dict[str, Any]) -> None:
    prefix = _language(name) + "."
    entries = data.get("rule", []) + data.get("field", [])
    assert [e["id"] for e in entries if not e["id"].startswith(prefix)] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_covers_every_category_and_byline(language: str) -> None:
    files = [data for name, data in _raw("lexicon") if _language(name) == language]
    categories = {r["category"] for data in files for r in data.get("rule", [])}
    fields = {f["field"] for data in files for f in data.get("field", [])}
    assert sorted(set(CATEGORIES) - categories) == []
    assert {"authors", "source"} <= fields


def test_every_required_site_has_a_profile() -> None:
    assert sorted(set(SITES) - {s.id for s in load_rules().sites}) == []


@pytest.mark.parametrize(
    ("name", "data"), _raw("sites"), ids=lambda v: v if isinstance(v, str) else ""
)
def test_site_profile_shape(name: str, data: dict[str, Any]) -> None:
    assert name == data["id"] + ".toml"
    assert data["name"] and data["hosts"] and data["fingerprints"]
    for host in data["hosts"]:
        assert host == host.lower() and "/" not in host and not host.startswith("www.")
    assert [r["id"] for r in data.get("rule", []) if not r["id"].startswith(data["id"] + ".")] == []


@pytest.mark.parametrize(
    ("name", "data"), _raw("sites"), ids=lambda v: v if isinstance(v, str) else ""
)
def test_site_selectors_parse(name: str, data: dict[str, Any]) -> None:
    tree = LexborHTMLParser("<html><body><p>x</p></body></html>")
    bad = []
    for selector in data.get("root_selectors", []) + data.get("chrome_selectors", []):
        try:
            tree.css(selector)
        except SelectolaxError:
            bad.append(selector)
    assert bad == []


def test_fingerprints_and_hosts_identify_one_site_each() -> None:
    sites = load_rules().sites
    fingerprints = Counter(f for s in sites for f in s.fingerprints)
    hosts = Counter(h for s in sites for h in s.hosts)
    assert [f for f, n in fingerprints.items() if n > 1] == []
    assert [h for h, n in hosts.items() if n > 1] == []
    for site in sites:
        assert load_rules().site_for_host("www." + site.hosts[0]) == site
        assert load_rules().site_for_lines(["Noise", site.fingerprints[0]]) == site


def test_terms_need_the_whole_line() -> None:
    menu = next(r for r in RULES if r.id == "en.fin.nav.exchange-menu")
    assert menu.matches("Buy crypto Markets Trade Futures Earn Square More")
    assert not menu.matches("Buy crypto Markets Trade Futures Earn Square More today")
