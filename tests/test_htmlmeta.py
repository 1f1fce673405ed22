"""HTML metadata: constructed pages for each kind of evidence, and real pages."""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleanpage._htmlmeta import read_meta
from cleanpage._options import Options
from cleanpage._segments import PageMeta

OPTIONS = Options()


def meta_of(
    html: str, url: str | None = "https://news.example.com/a/1", **options: Any
) -> PageMeta:
    return read_meta(LexborHTMLParser(html), url=url, options=Options(**options))


def page(head: str = "", body: str = "", lang: str = "en") -> str:
    return f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_json_ld_graph_with_references() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "#site", "name": "Example News"},
            {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
            {
                "@type": "NewsArticle",
                "headline": "Bitcoin rallies past $90,000",
                "author": [{"@id": "#jane"}, {"@type": "Person", "name": "John Roe"}],
                "publisher": {"@type": "Organization", "name": "Example News"},
                "datePublished": "2025-11-19T08:51:00+08:00",
                "dateModified": "2025-11-20T10:00:00+08:00",
                "inLanguage": "en-US",
            },
        ],
    }
    meta = meta_of(page(ld(graph) + "<title>Bitcoin rallies past $90,000 | Example News</title>"))
    assert meta.title == "Bitcoin rallies past $90,000"
    assert meta.authors == ("Jane Doe", "John Roe")
    assert meta.publisher == "Example News"
    assert meta.site_name == "Example News"
    assert meta.published == datetime(2025, 11, 19, 8, 51, tzinfo=timezone(timedelta(hours=8)))
    assert meta.language == "en"


def test_broken_json_ld_is_repaired() -> None:
    broken = """<script type="application/ld+json"><!--
    {"@type": "BlogPosting", "headline": "A post", "author": {"name": "Jane Doe"},
     "datePublished": "2024-03-01T10:00:00Z",}
    --></script>"""
    meta = meta_of(page(broken))
    assert meta.title == "A post"
    assert meta.authors == ("Jane Doe",)
    assert meta.published == datetime(2024, 3, 1, 10, tzinfo=UTC)


def test_opengraph_and_article_meta() -> None:
    head = """
    <meta property="og:title" content="Stocks fall as yields climb - MarketNews">
    <meta property="og:site_name" content="MarketNews">
    <meta property="og:url" content="/markets/stocks-fall">
    <meta property="article:published_time" content="2024-05-02T14:30:00-04:00">
    <meta property="article:modified_time" content="2024-05-03T09:00:00-04:00">
    <meta name="author" content="By Jane Doe, Senior Markets Reporter">
    <meta property="og:description" content="Treasury yields rose.">
    """
    meta = meta_of(page(head), url="https://marketnews.example/markets/stocks-fall?utm=x")
    assert meta.title == "Stocks fall as yields climb"
    assert meta.authors == ("Jane Doe",)
    assert meta.site_name == "MarketNews"
    assert meta.url == "https://marketnews.example/markets/stocks-fall"
    assert meta.published == datetime(2024, 5, 2, 14, 30, tzinfo=timezone(timedelta(hours=-4)))


def test_canonical_link_wins_over_og_url() -> None:
    head = '<link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://a.example/y">'
    assert meta_of(page(head)).url == "https://a.example/x"


def test_the_h1_is_the_headline_when_it_agrees() -> None:
    head = "<meta property='og:title' content=\"Pope's new letter on climate\"><title>x</title>"
    body = "<header><h1>Pope’s new letter on climate</h1></header>"
    assert meta_of(page(head, body)).title == "Pope’s new letter on climate"


def test_a_kicker_in_the_h1_is_left_out() -> None:
    head = ld({"@type": "Article", "headline": "What I will be praying for this Christmas"})
    body = "<h1><span>Opinion</span>What I will be praying for this Christmas</h1>"
    assert meta_of(page(head, body)).title == "What I will be praying for this Christmas"


def test_a_kicker_the_json_ld_headline_states_is_kept() -> None:
    head = ld({"@type": "Article", "headline": "Colleges: Former star keeps busy at Keene State"})
    head += "<title>Former star keeps busy at Keene State</title>"
    body = "<h1>Colleges: Former star keeps busy at Keene State</h1>"
    assert meta_of(page(head, body)).title == "Colleges: Former star keeps busy at Keene State"


def test_the_h1_wins_when_the_stated_titles_disagree() -> None:
    head = ld({"@type": "NewsArticle", "headline": "Strong earthquake kills more than 120"})
    head += "<meta property='og:title' content='Earthquake kills over 130; deadliest in 9 years'>"
    body = "<h1>Survivors endure frigid temperatures and mourn the dead</h1>"
    title = meta_of(page(head, body)).title
    assert title == "Survivors endure frigid temperatures and mourn the dead"


def test_the_stated_title_wins_when_the_stated_titles_agree() -> None:
    head = ld({"@type": "NewsArticle", "headline": "Strong earthquake kills more than 120"})
    head += "<meta property='og:title' content='Strong earthquake kills more than 120 | Wx'>"
    body = "<h1>Survivors endure frigid temperatures and mourn the dead</h1>"
    assert meta_of(page(head, body)).title == "Strong earthquake kills more than 120"


def test_a_by_link_with_a_job_title_beats_a_picture_credit() -> None:
    body = (
        "<div><h1>President was right: context matters</h1>"
        "<div><span>The professor retires this year.</span>"
        '<span>By <a href="/writer/1/Aleah_Bowie/">Aleah C. Bowie</a></span></div>'
        '<span>By <a href="/writer/2/Charles_Fried/">Charles Fried</a>, '
        "Contributing Opinion Writer</span><p>Text.</p></div>"
    )
    assert meta_of(page("", body)).authors == ("Charles Fried",)


def test_visible_byline_and_dateline_when_markup_is_silent() -> None:
    body = """
    <article><div class="article-header"><h1>Council approves the new budget plan</h1>
      <div class="byline">By <a href="/people/jane-doe">Jane Doe</a> and John Roe
        | Staff Writers</div>
      <span class="publish-date">March 5, 2024</span>
    </div><p>The council voted on Tuesday.</p></article>"""
    meta = meta_of(page("<title>Council approves the new budget plan | City Paper</title>", body))
    assert meta.title == "Council approves the new budget plan"
    assert meta.authors == ("Jane Doe", "John Roe")
    assert meta.published == datetime(2024, 3, 5)


def test_byline_widens_a_single_meta_author() -> None:
    head = '<meta name="author" content="Christy Choi">'
    body = (
        '<div class="headline"><h1>Cultural moments of the year</h1>'
        '<div class="byline__names">By Christy Choi and Oscar Holland, CNN</div></div>'
    )
    assert meta_of(page(head, body)).authors == ("Christy Choi", "Oscar Holland")


def test_byline_credits_narrow_the_meta_authors() -> None:
    head = ld(
        {
            "@type": "NewsArticle",
            "headline": "GPU mod",
            "author": [{"name": "Aaron Klotz"}, {"name": "Sarah Purewal"}],
        }
    )
    body = (
        '<div><div><h1>GPU mod</h1><div class="author-byline">'
        "By Aaron Klotz Contributions from Sarah Purewal</div></div></div>"
    )
    assert meta_of(page(head, body)).authors == ("Aaron Klotz",)


def test_organisation_author_gives_way_to_a_person() -> None:
    head = ld(
        {
            "@type": "NewsArticle",
            "headline": "Police dog injured",
            "author": {"@type": "Organization", "name": "The Daily Telegram"},
            "publisher": {"name": "The Daily Telegram"},
        }
    )
    body = (
        '<div><h1>Police dog injured</h1><a class="author-name" href="/staff/sarah">'
        "Sarah Barnacle</a></div>"
    )
    meta = meta_of(page(head, body))
    assert meta.authors == ("Sarah Barnacle",)
    assert meta.publisher == "The Daily Telegram"


def test_published_not_modified() -> None:
    head = """<meta property="article:modified_time" content="2024-02-02T10:00:00Z">
    <meta property="article:published_time" content="2023-01-01T10:00:00Z">"""
    assert meta_of(page(head)).published == datetime(2023, 1, 1, 10, tzinfo=UTC)


def test_utc_timestamp_shown_in_the_pages_own_zone() -> None:
    head = '<meta property="article:published_time" content="2023-12-23T03:22:07Z">'
    body = (
        '<h1>Headline of the story here</h1><time datetime="2023-12-22T22:22:07-0500">Dec 22</time>'
    )
    published = meta_of(page(head, body)).published
    assert published == datetime(2023, 12, 23, 3, 22, 7, tzinfo=UTC)
    assert published is not None and published.utcoffset() == timedelta(hours=-5)
    assert published.date().isoformat() == "2023-12-22"


def test_a_utc_time_element_does_not_hide_the_local_dateline() -> None:
    head = '<meta property="article:published_time" content="2023-12-22T04:00:41+00:00">'
    body = (
        '<div><h1>Headline of the story here</h1><time datetime="2023-12-22T04:00:41+00:00">'
        '</time><div class="byline">By Jane Doe Dec. 21, 2023 11:00 pm EST</div></div>'
    )
    published = meta_of(page(head, body)).published
    assert published is not None and published.date().isoformat() == "2023-12-21"
    assert published.utcoffset() == timedelta(hours=-5)


def test_utc_timestamp_in_the_zone_another_tag_states() -> None:
    head = (
        '<meta property="article:published_time" content="2023-12-24T01:06:51+00:00">'
        '<meta name="publish-date" content="2023-12-23T17:06:51">'
    )
    published = meta_of(page(head)).published
    assert published is not None and published.utcoffset() == timedelta(hours=-8)
    assert published.date().isoformat() == "2023-12-23"


def test_a_naive_copy_of_the_utc_timestamp_says_nothing_of_the_zone() -> None:
    head = ld({"@type": "NewsArticle", "datePublished": "2023-12-23T03:00:46Z"}) + (
        '<meta property="article:published_time" content="2023-12-23T03:00:46">'
    )
    body = (
        "<div><h1>Headline of the story here</h1>"
        '<div class="byline">By Jane Doe December 22, 2023 10:00 PM</div></div>'
    )
    published = meta_of(page(head, body)).published
    assert published is not None and published.date().isoformat() == "2023-12-22"


def _republished(modified: str) -> str:
    return page(
        ld(
            {
                "@type": "NewsArticle",
                "headline": "Best VPN for Mac",
                "datePublished": "2022-04-28T12:00:00+01:00",
                "dateModified": modified,
            }
        )
        + '<meta name="date" content="November 6, 2023">',
        '<div><h1>Best VPN for Mac</h1><span class="posted-on">'
        "Nov 6, 2023 8:41 am PST</span></div>",
    )


def test_a_republished_story_is_dated_as_the_page_shows_it() -> None:
    published = meta_of(_republished("2023-12-22T20:11:21-08:00")).published
    assert published == datetime(2023, 11, 6, 8, 41, tzinfo=timezone(timedelta(hours=-8)))


def test_a_shown_modified_date_never_replaces_the_published_one() -> None:
    published = meta_of(_republished("2023-11-06T08:41:00-08:00")).published
    assert published == datetime(2022, 4, 28, 12, tzinfo=timezone(timedelta(hours=1)))


def test_a_name_credited_with_another_role_is_not_an_author() -> None:
    head = ld(
        {
            "@type": "NewsArticle",
            "headline": "Holiday decorations",
            "author": [
                {"name": "Geoff Williams"},
                {"name": "Dawn Bradbury"},
                {"name": "Liisa Rajala"},
            ],
        }
    )
    body = (
        '<div><h1>Holiday decorations</h1><div class="byline">By Geoff Williams</div>'
        '<div class="byline">Reviewed by Liisa Rajala</div></div>'
    )
    assert meta_of(page(head, body)).authors == ("Geoff Williams",)


def test_date_from_the_url_when_nothing_else() -> None:
    meta = meta_of(page(), url="https://blog.example/2023/06/08/a-post/")
    assert meta.published == datetime(2023, 6, 8)


def test_relative_dateline_needs_now() -> None:
    body = (
        '<div><div><h1>Headline of the story here</h1><span class="post-date">3小时前</span>'
        "</div></div>"
    )
    html = page("", body, lang="zh")
    assert meta_of(html).published is None
    now = datetime(2025, 11, 24, 12, 0)
    assert meta_of(html, now=now).published == datetime(2025, 11, 24, 9, 0)


def test_language_without_declaration_is_detected() -> None:
    body = "<p>人工智能基础设施建设的巨大资本需求,正通过一个日益庞大的债务市场与全球金融系统。</p>"
    assert meta_of(f"<html><body>{body}</body></html>").language == "zh"


def test_template_language_gives_way_to_the_headlines_script() -> None:
    html = page("<title>比特币价格今日大涨，市场情绪回暖</title>", "<h1>比特币价格今日大涨</h1>")
    assert meta_of(html).language == "zh"  # declared "en" by the template
    assert (
        meta_of(page("<title>Bitcoin rallies past $90,000</title>", lang="zh-CN")).language == "zh"
    )


def test_deprecated_language_codes() -> None:
    assert meta_of(page(lang="in")).language == "id"
    assert meta_of(page(lang="pt_BR")).language == "pt"


def test_empty_page() -> None:
    meta = meta_of("", url=None)
    assert meta == PageMeta()


def test_related_items_with_date_and_source() -> None:
    body = """
    <article><h1>Main story headline here</h1><p>Body.</p></article>
    <aside class="related-articles"><ul>
      <li><a href="/a/2">Bitcoin ETF inflows hit a record high</a>
          <time datetime="2024-01-02T10:00:00Z">Jan 2</time>
          <span class="source">CoinDesk</span></li>
      <li><a href="https://other.example/b">Why the Fed may cut rates in March</a>
          <span class="meta">The Block · Jan 3, 2024</span></li>
      <li><a href="/tag/markets">Markets</a></li>
      <li><a href="/a/2">Bitcoin ETF inflows hit a record high</a></li>
    </ul></aside>"""
    related = meta_of(page("", body)).related
    assert [r.title for r in related] == [
        "Bitcoin ETF inflows hit a record high",
        "Why the Fed may cut rates in March",
    ]
    assert related[0].url == "https://news.example.com/a/2"
    assert related[0].published == datetime(2024, 1, 2, 10, tzinfo=UTC)
    assert related[0].source == "CoinDesk"
    assert related[1].url == "https://other.example/b"
    assert related[1].published == datetime(2024, 1, 3)


def test_summary_only_when_the_page_shows_it() -> None:
    head = '<meta property="og:description" content="Treasury yields rose to a 16-year high.">'
    shown = (
        "<div><h1>Stocks fall as yields climb</h1>"
        '<p class="dek">Treasury yields rose to a 16-year high.</p></div>'
    )
    hidden = "<div><h1>Stocks fall as yields climb</h1></div>"
    assert meta_of(page(head, shown)).summary == "Treasury yields rose to a 16-year high."
    assert meta_of(page(head, hidden)).summary is None


def test_source_is_an_outlet_other_than_the_site() -> None:
    data = {
        "@type": "NewsArticle",
        "headline": "Snowstorm closes highways",
        "publisher": {"name": "The Globe and Mail"},
        "sourceOrganization": {"name": "The Canadian Press"},
    }
    assert meta_of(page(ld(data))).source == "The Canadian Press"
    data["sourceOrganization"] = {"name": "The Globe and Mail"}
    assert meta_of(page(ld(data))).source is None


# --- real pages (news424-dev) ---------------------------------------------------------

REPO = Path(__file__).resolve().parents[1]
DATA_DIRS = (
    REPO / "benchmarks" / "data" / "news424-dev",
    REPO.parent / "shared" / "benchmarks" / "news424-dev",
)
REAL_PAGES = (
    "78b8e99f9ba349e91bbd7368a0083868",  # JSON-LD names one author, byline two; UTC → local date
    "0de6ef58bd5d689a1ecedc3597cf5e11",  # UTC timestamp, <time> in the page's zone
    "fdef82600894247f5f5a16427fa277f7",  # no JSON-LD; date inside the byline
    "88b390b95012b4c2c2f9a5b38cb1c3fe",  # no stated date; dateline and visible byline
    "0c4a14f95e829ca58f8157fded9c7017",  # visible byline only
    "fed691ece5355f4d8e3900231d69f044",  # several authors
    "3cc792ad165167859918848c606e27cb",  # byline split over two elements
    "e43d15bee3cbe7ffbd6eec01f6f7d68a",  # no published time in meta
)


@cache
def _data_dir() -> Path:
    found = next((d for d in DATA_DIRS if (d / "ground-truth.json").is_file()), None)
    if found is None:
        pytest.fail(f"news424-dev data missing: looked in {[str(d) for d in DATA_DIRS]}")
    return found


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def _names(raw: str) -> set[str]:
    return {_norm(p).casefold() for p in re.split(r"\s*,\s*|\s+and\s+", raw) if _norm(p)}


@pytest.mark.parametrize("page_id", REAL_PAGES)
def test_real_page(page_id: str) -> None:
    folder = _data_dir()
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))[page_id]
    html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
    meta = read_meta(LexborHTMLParser(html), url=truth["url"], options=OPTIONS)
    assert _norm(meta.title) == _norm(truth["title"])
    assert {_norm(a).casefold() for a in meta.authors} == _names(truth["authors"])
    assert meta.published is not None
    assert meta.published.date().isoformat() == truth["date"]
    assert meta.language == "en"
