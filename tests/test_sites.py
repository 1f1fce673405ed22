"""Site fixtures: one folder per site page in ``tests/cases/<case>/``.

Each folder holds ``page.html`` (the page, with the site's real structure and
chrome, made-up article text), ``capture.txt`` (its text capture, what
``innerText`` gives) and ``expected.json`` (the article, ``Article.to_dict()``
schema). Both captures must clean to the essentials of the expected article:
title, body block texts in order, published, authors, and no line of chrome
(anything in ``removed``) inside the body.

Cases that do not pass yet are listed in ``cases/known_failures.toml`` and
marked ``xfail(strict=True)``: when a case starts passing, the run fails until
its entry is removed. ``python tests/cases/regenerate.py <case>`` shows what
the pipeline gives today.
"""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

import cleanpage
from cleanpage import Article
from cleanpage._rules import load_rules

CASES_DIR = Path(__file__).parent / "cases"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if (p / "expected.json").is_file())
PATHS = ("text", "html")
SHORT_LINE = 20
"""Chrome lines shorter than this leak only when a body block is exactly that line."""


def _known_failures() -> dict[str, str]:
    data = tomllib.loads((CASES_DIR / "known_failures.toml").read_text(encoding="utf-8"))
    return {f"{entry['case']}/{entry['path']}": entry["reason"] for entry in data.get("case", [])}


KNOWN = _known_failures()


def _expected(case: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (CASES_DIR / case / "expected.json").read_text(encoding="utf-8")
    )
    return data


def _capture(case: str, path: str) -> str:
    name = "capture.txt" if path == "text" else "page.html"
    return (CASES_DIR / case / name).read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _chrome_lines(expected: dict[str, Any]) -> list[str]:
    return [line for item in expected["removed"] for line in _lines(item["text"])]


def _essentials(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": data["title"],
        "published": data["published"],
        "authors": list(data["authors"]),
        "blocks": [block["text"] for block in data["blocks"]],
    }


def _leaks(blocks: list[str], chrome: list[str]) -> list[str]:
    """Chrome lines found in the body: whole blocks for short lines, substrings for long ones."""
    return [
        line
        for line in dict.fromkeys(chrome)
        if any(line == block or (len(line) >= SHORT_LINE and line in block) for block in blocks)
    ]


def _params() -> list[Any]:
    params = []
    for case in CASES:
        for path in PATHS:
            key = f"{case}/{path}"
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN[key])] if key in KNOWN else []
            params.append(pytest.param(case, path, id=key, marks=marks))
    return params


@pytest.mark.parametrize(("case", "path"), _params())
def test_case_cleans_to_its_essentials(case: str, path: str) -> None:
    expected = _expected(case)
    clean = cleanpage.clean_text if path == "text" else cleanpage.clean_html
    article = clean(_capture(case, path), url=expected["url"]).to_dict()
    got = {
        **_essentials(article),
        "leaks": _leaks(_essentials(article)["blocks"], _chrome_lines(expected)),
    }
    assert got == {**_essentials(expected), "leaks": []}


def test_known_failures_name_real_cases() -> None:
    real = {f"{case}/{path}" for case in CASES for path in PATHS}
    assert sorted(set(KNOWN) - real) == []


# ----------------------------------------------------------------- the fixtures themselves


@pytest.mark.parametrize("case", CASES)
def test_expected_json_round_trips(case: str) -> None:
    expected = _expected(case)
    assert Article.from_dict(expected).to_dict() == expected


@pytest.mark.parametrize("case", CASES)
def test_capture_is_fully_accounted_for(case: str) -> None:
    """Every non-blank capture line is a body block or part of a removal, exactly once."""
    expected = _expected(case)
    accounted = [block["text"] for block in expected["blocks"]] + _chrome_lines(expected)
    assert Counter(_lines(_capture(case, "text"))) == Counter(accounted)


@pytest.mark.parametrize("case", CASES)
def test_body_is_on_the_page_and_apart_from_chrome(case: str) -> None:
    expected = _expected(case)
    tree = LexborHTMLParser(_capture(case, "html"))
    body = tree.body
    assert body is not None
    visible = " ".join(body.text(separator=" ").split())
    blocks = [block["text"] for block in expected["blocks"]]
    assert [b for b in blocks if " ".join(b.split()) not in visible] == []
    assert set(blocks).isdisjoint(_chrome_lines(expected))


@pytest.mark.parametrize("case", CASES)
def test_site_is_recognised_by_host_and_by_fingerprint(case: str) -> None:
    expected = _expected(case)
    rules = load_rules()
    site = next(s for s in rules.sites if s.name == expected["site_name"])
    assert rules.site_for_host(urlsplit(expected["url"]).hostname or "") == site
    assert rules.site_for_lines(_lines(_capture(case, "text"))[:40]) == site
    assert any(tree_matches(_capture(case, "html"), selector) for selector in site.root_selectors)


def tree_matches(html: str, selector: str) -> bool:
    return LexborHTMLParser(html).css_first(selector) is not None


@pytest.mark.parametrize("case", CASES)
def test_no_rule_cuts_a_body_line_of_the_case(case: str) -> None:
    """Precision guard on realistic prose: lexicons and the site's rules leave the body alone."""
    expected = _expected(case)
    rules = load_rules()
    site = next(s for s in rules.sites if s.name == expected["site_name"])
    blocks = [block["text"] for block in expected["blocks"]]
    cut = [(r.id, b) for r in (*rules.rules, *site.rules) for b in blocks if r.matches(b)]
    assert cut == []


def test_every_site_profile_has_a_case() -> None:
    sites = {s.id for s in load_rules().sites}
    covered = {case.split(".")[0] for case in CASES}
    assert sorted(sites - covered) == []
