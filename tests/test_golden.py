"""The golden seed: the capture in ``seeds/`` must clean to its expected JSON exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleanpage
from cleanpage import Article

SEEDS = Path(__file__).parents[1] / "seeds"
SEED = SEEDS / "000_09f60b50350baf07.txt"
EXPECTED = SEEDS / "000_09f60b50350baf07.expected.json"


@pytest.fixture(scope="module")
def capture() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def expected() -> dict[str, object]:
    data: dict[str, object] = json.loads(EXPECTED.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def article(capture: str) -> Article:
    return cleanpage.clean_text(capture)


def test_the_seed_cleans_to_its_expected_json(
    article: Article, expected: dict[str, object]
) -> None:
    assert article.to_dict() == expected


def test_clean_detects_a_text_capture(capture: str, article: Article) -> None:
    assert cleanpage.clean(capture) == article


def test_clean_reads_the_seed_as_bytes(capture: str, article: Article) -> None:
    assert cleanpage.clean(capture.encode("utf-8")) == article


def test_to_dict_round_trips_exactly_with_rule_ids(article: Article) -> None:
    explained = article.to_dict(explain=True)
    assert Article.from_dict(explained) == article
    assert Article.from_dict(explained).to_dict(explain=True) == explained
    assert all(item["rule"] for item in explained["removed"]), "every cut names the rule behind it"


def test_to_dict_without_rules_round_trips_the_content(
    article: Article, expected: dict[str, object]
) -> None:
    assert Article.from_dict(expected).to_dict() == expected


def test_to_json_is_the_dict_as_json(article: Article) -> None:
    text = article.to_json()
    assert json.loads(text) == article.to_dict()
    assert "撰文" not in text.split('"removed"')[0], "the byline label is not part of any field"
    assert "张雅琦" in text, "CJK is kept as characters, not \\u escapes"


def test_text_is_the_body_joined_by_blank_lines(
    article: Article, expected: dict[str, object]
) -> None:
    blocks = expected["blocks"]
    assert isinstance(blocks, list)
    assert article.text == "\n\n".join(b["text"] for b in blocks)
    assert "免责声明" not in article.text and "PoolX" not in article.text


def test_markdown_has_title_meta_summary_and_headings(article: Article) -> None:
    md = article.to_markdown()
    assert md.startswith("# AI 狂潮下的债务杠杆——下一场金融风暴导火索?\n\n")
    assert "张雅琦" in md and "华尔街见闻" in md and "2025-11-19T08:51:00" in md
    assert "\n\n> 一旦 AI 前景动摇" in md
    assert "\n\n## 资本渴求催生债务依赖\n\n" in md
    assert md.endswith("退休人员。\n")
