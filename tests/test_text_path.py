"""The text-capture path on the seed's layout with other chrome and another language."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

import cleanpage

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_09f60b50350baf07.txt"
EXPECTED = json.loads(SEED.with_suffix(".expected.json").read_text(encoding="utf-8"))

ENGLISH_CHROME = {
    "Bitget App": "Bitget App",
    "快捷买币行情交易合约理财广场更多": "Buy crypto Markets Trade Futures Earn Square More",
    "免责声明:文章中的所有内容仅代表作者的观点,与本平台无关。用户不应以本文作为投资决策的参考。": (
        "Disclaimer: The content of this article solely reflects the author's opinion and does"
        " not represent the platform in any capacity. This article is not intended to serve as"
        " a reference for making investment decisions."
    ),
    "PoolX:锁仓获得新代币空投": "PoolX: Locked for new tokens. APR up to 10%+",
    "不要错过热门新币,且APR 高达 10%+": "Don't miss out on hot new tokens",
    "立即参与!": "Join now!",
    "你也可能喜欢": "You may also like",
}


def _swap_chrome(text: str) -> str:
    lines = text.splitlines()
    return "\n".join(ENGLISH_CHROME.get(line, line) for line in lines if line != "交易“智”变")


def test_seed_with_english_exchange_chrome_keeps_body_and_metadata() -> None:
    article = cleanpage.clean_text(_swap_chrome(SEED.read_text(encoding="utf-8")))
    got = article.to_dict()
    for key in ("title", "summary", "authors", "publisher", "source", "published", "blocks"):
        assert got[key] == EXPECTED[key], key
    assert got["related"] == EXPECTED["related"]
    reasons = {r.text.split("\n")[0]: r.reason for r in article.removed}
    assert reasons["Buy crypto Markets Trade Futures Earn Square More"] == "navigation"
    assert reasons[ENGLISH_CHROME["PoolX:锁仓获得新代币空投"]] == "promo"
    assert reasons["You may also like"] == "related"
    assert any(
        r.reason == "disclaimer" and r.text.startswith("Disclaimer:") for r in article.removed
    )


def test_english_article_in_exchange_chrome_comes_out_clean() -> None:
    capture = (ROOT / "tests" / "data" / "bitget_en.txt").read_text(encoding="utf-8")
    article = cleanpage.clean_text(capture)
    assert article.title == "AI's debt binge: the fuse of the next financial storm?"
    assert article.summary and article.summary.startswith("If the AI outlook wavers")
    assert article.authors == ("Jane Zhang",)
    assert (article.publisher, article.source) == ("ForesightNews", "Wallstreetcn")
    assert article.site_name == "Bitget"
    assert article.published == datetime(2025, 11, 19, 8, 51)
    assert article.language == "en"
    assert [b.kind for b in article.blocks].count("heading") == 2
    assert article.blocks[0].text.startswith("The enormous capital needs")
    assert article.blocks[-1].text.startswith("If the AI story cracks")
    body = article.text
    for chrome in (
        "Buy crypto",
        "Disclaimer",
        "PoolX",
        "Join now",
        "You may also like",
        "Trade smarter",
    ):
        assert chrome not in body
    assert [r.title for r in article.related] == [
        "Bitget VIP weekly research notes",
        "How much did the Trump family lose in the crypto crash?",
    ]
    assert article.related[1].source == "ForesightNews Express"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("## Why it matters", "heading"),
        ("- first point of the list", "list_item"),
        ("> said so", "quote"),
    ],
)
def test_markdown_markers_give_block_kinds(line: str, kind: str) -> None:
    prose = "This paragraph is plainly prose and long enough to read as a sentence of body text."
    article = cleanpage.clean_text(f"A headline here\n\n{prose}\n\n{line}\n\n{prose} Again.")
    assert [b.kind for b in article.blocks][1] == kind
    assert article.blocks[1].text == line.split(" ", 1)[1]


def test_a_short_cjk_sentence_is_prose_not_chrome() -> None:
    """Ten Chinese characters are a sentence: the body does not end before them."""
    para = "亚马逊周二表示,第三季度营收同比增长1%,高于分析师预期。"
    end = para + "央行维持基准利率不变,但官员暗示今年晚些时候可能降息。"
    lines = ["AI 狂潮下的债务杠杆", para * 2, "资本渴求催生债务依赖", para]
    tail = ["亚马逊股价在业绩公布后收跌1%。", "市场如何反应", end]
    article = cleanpage.clean_text("\n\n".join(lines + tail))
    assert [b.text for b in article.blocks][-3:] == tail
    assert all(r.reason == "metadata" for r in article.removed)


def test_a_short_last_section_of_a_sectioned_article_is_kept() -> None:
    para = "Amazon said on Tuesday that revenue rose 1% from a year earlier, beating estimates."
    tail = ["What analysts expect", "The S&P 500 has gained 1% since the start of the year."]
    lines = ["Amazon bets $2 billion on AI as debt piles up", para, "Capital spending drives debt"]
    article = cleanpage.clean_text("\n\n".join([*lines, para.replace("1%", "2%"), *tail]))
    assert [b.text for b in article.blocks][-2:] == tail


def test_a_box_cut_inside_the_last_section_does_not_end_the_body_early() -> None:
    para = "Amazon said on Tuesday that revenue rose 1% from a year earlier, beating estimates."
    box = ["订阅我们的每日简报", "每天早上把最新的加密货币新闻发送到您的邮箱。", "订阅"]
    head = ["Amazon bets $2 billion on AI as debt piles up", para, "Capital spending drives debt"]
    tail = ["Risks to the outlook", "Shares of Meta closed 44% lower after the results."]
    bare = cleanpage.clean_text("\n\n".join([*head, para, *tail]))
    dressed = cleanpage.clean_text("\n\n".join([*head, para, tail[0], "\n".join(box), tail[1]]))
    assert [b.text for b in dressed.blocks] == [b.text for b in bare.blocks]
    assert [b.text for b in bare.blocks][-2:] == tail


def test_a_short_last_section_after_a_share_bar_is_kept() -> None:
    # Found by the recovery property: the body had no subheading of its own, and the
    # share bar's cost tipped the heading and its one sentence out of the body.
    para = "Amazon во вторник сообщила, что выручка за квартал выросла на 1% в годовом выражении."
    tail = ["Реакция рынка", "Биткоин торговался около 2 тысяч долларов в азиатскую сессию."]
    lines = ["Акции Amazon упали на 1%", para, para.replace("1%", "2%")]
    article = cleanpage.clean_text("\n\n".join([*lines, "Share: X Telegram Facebook", *tail]))
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("paragraph", lines[1]),
        ("paragraph", lines[2]),
        ("heading", tail[0]),
        ("paragraph", tail[1]),
    ]
    assert [(r.reason, r.text) for r in article.removed] == [
        ("metadata", lines[0]),
        ("share", "Share: X Telegram Facebook"),
    ]


_EN_PARA = "Amazon said on Tuesday that revenue rose 1% from a year earlier, beating estimates."
_ZH_PARA = "亚马逊周二表示,本季度营收同比增长1%,高于分析师此前的预期,云业务增速明显加快。"
_LAST_SECTIONS = {
    "en": (
        ["Amazon bets $2 billion on AI as debt piles up", _EN_PARA, _EN_PARA.replace("1%", "2%")],
        ["What analysts expect", "Shares of Meta closed 4% lower on Wednesday after the results."],
    ),
    "zh": (
        ["亚马逊押注人工智能", _ZH_PARA, _ZH_PARA.replace("1%", "2%")],
        ["市场如何反应", "比特币周三在亚洲时段交投于2万美元附近,市场情绪整体仍然十分谨慎。"],
    ),
}
_BOXES = {
    "share": {
        "en": "Share this article\n\nCopy link X LinkedIn",
        "zh": "分享至: X Telegram Facebook 微信",
    },
    "promo": {
        "en": "Download the app\n\nScan to download",
        "zh": "新用户注册即送 6200 USDT 福利\n立即注册",
    },
    "newsletter": {
        "en": "Subscribe to our newsletter\n"
        "Get the latest crypto news delivered to your inbox every morning.\nSubscribe",
        "zh": "订阅我们的每日简报\n每天早上把最新的加密货币新闻发送到您的邮箱。\n订阅",
    },
}


@pytest.mark.parametrize("box", sorted(_BOXES))
@pytest.mark.parametrize("lang", sorted(_LAST_SECTIONS))
@pytest.mark.parametrize("after", ["", "Home\n\nMarkets\n\nContact"], ids=["end", "menu"])
def test_a_box_before_the_last_section_changes_nothing(box: str, lang: str, after: str) -> None:
    # The last sentence just outweighs its heading, so only the box's cost could tip it out.
    head, tail = _LAST_SECTIONS[lang]
    bare = cleanpage.clean_text("\n\n".join([*head, *tail, after]))
    boxed = cleanpage.clean_text("\n\n".join([*head, _BOXES[box][lang], *tail, after]))
    assert [b.text for b in bare.blocks] == [*head[1:], *tail]
    assert [b.text for b in boxed.blocks] == [b.text for b in bare.blocks]


def test_a_short_last_section_ending_the_capture_is_kept() -> None:
    head, _ = _LAST_SECTIONS["en"]
    tail = ["What analysts expect", "Shares of Meta closed 4% lower."]
    article = cleanpage.clean_text(
        "\n\n".join([*head, *tail, "© 2025 Bitget. All rights reserved."])
    )
    assert [(b.kind, b.text) for b in article.blocks][-2:] == [
        ("heading", tail[0]),
        ("paragraph", tail[1]),
    ]


@pytest.mark.parametrize(
    "chrome",
    [
        "Share: X Telegram Facebook\n\nHome\n\nMarkets\n\nResearch\n\nAbout us",
        "Share: X Telegram Facebook\n\nRelated articles\n\nStrategy faces a quadruple squeeze\n\n"
        "The Trump family's fortune shrank by $1 billion, and ordinary investors were the"
        " biggest losers.",
        "Share: X Telegram Facebook\n\n© 2025 Bitget. All rights reserved.\n\n"
        "Terms of Use Privacy Policy Contact us",
        "Share: X Telegram Facebook\n\nOur research desk\n\nRead our weekly notes on the market."
        "\n\nHome\n\nMarkets",
    ],
    ids=["menu", "related", "footer", "teaser-then-menu"],
)
def test_chrome_after_a_cut_box_still_ends_the_body(chrome: str) -> None:
    head, _ = _LAST_SECTIONS["en"]
    article = cleanpage.clean_text("\n\n".join([*head, chrome]))
    assert [b.text for b in article.blocks] == head[1:]
