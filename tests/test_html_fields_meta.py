"""Metadata read from the visible lines around an HTML article (:mod:`cleanpage._html_fields`).

Small synthetic pages run through :func:`cleanpage.clean_html`: bylines and
datelines above the body fill or correct what the markup states.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import cleanpage

_BODY = "".join(
    f"<p>{text}</p>"
    for text in (
        "The city council approved the new budget on Tuesday after a long debate that "
        "ran well into the night, with members split over the cost of road repairs.",
        "Supporters said the plan would fix dozens of streets and add two new bus lines, "
        "while critics warned that the money would run out before the work was done.",
        "The mayor is expected to sign the budget next week, officials said, and the "
        "first repairs could start as early as the spring if the weather allows it.",
    )
)
_URL = "https://news.example.com/city/budget-vote"


def _page(head: str, header: str) -> str:
    return (
        f"<html lang='en'><head>{head}</head><body><article>"
        f"<h1>Council approves the new budget plan</h1>{header}{_BODY}</article></body></html>"
    )


def _ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_a_dateline_above_the_body_dates_a_page_whose_markup_does_not() -> None:
    article = cleanpage.clean_html(_page("", "<div>December 13, 2023</div>"), url=_URL)
    assert article.published == datetime(2023, 12, 13)


def test_an_updated_line_does_not_date_the_page() -> None:
    html = _page("", "<div>Updated: December 14, 2023</div>")
    assert cleanpage.clean_html(html, url=_URL).published is None


def test_a_posted_line_gives_the_time_and_the_byline_after_it() -> None:
    header = "<div>posted on 2023-12-19 23:30 EST by Jane Doe</div>"
    article = cleanpage.clean_html(_page("", header), url="https://news.example.com/2023-12-20/x")
    assert article.authors == ("Jane Doe",)
    est = timezone(timedelta(hours=-5))
    assert article.published == datetime(2023, 12, 19, 23, 30, tzinfo=est)


def test_a_day_from_the_markup_is_kept_against_a_far_dateline() -> None:
    head = '<meta property="article:published_time" content="2023-12-01">'
    article = cleanpage.clean_html(_page(head, "<div>Posted: May 5, 2023 10:00 AM</div>"), url=_URL)
    assert article.published == datetime(2023, 12, 1)


def test_a_byline_with_a_date_after_it() -> None:
    article = cleanpage.clean_html(
        _page("", "<div>by JaneDoeWrites, Dec 19th 2023</div>"), url=_URL
    )
    assert article.authors == ("JaneDoeWrites",)
    assert article.published == datetime(2023, 12, 19)


def test_a_stated_author_glued_to_the_date_is_not_the_publisher() -> None:
    head = _ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Tex Hollywood"}})
    article = cleanpage.clean_html(_page(head, "<div>Tex Hollywood December 21, 2023</div>"))
    assert article.authors == ("Tex Hollywood",)
    assert article.publisher != "Tex Hollywood"


def test_an_account_glued_to_the_date_is_still_the_publisher() -> None:
    article = cleanpage.clean_html(_page("", "<div>ForesightNews 2025/11/24 03:29</div>"))
    assert article.publisher == "ForesightNews"
    assert article.published == datetime(2025, 11, 24, 3, 29)


def test_a_visible_byline_replaces_an_organisation_in_the_markup() -> None:
    head = '<meta name="author" content="Example Wire News">'
    article = cleanpage.clean_html(_page(head, "<div>By Jane Doe</div>"), url=_URL)
    assert article.authors == ("Jane Doe",)


def test_the_markup_authors_stay_when_the_byline_names_a_person_among_them() -> None:
    head = '<meta name="author" content="Jane Doe, John Roe">'
    article = cleanpage.clean_html(_page(head, "<div>By Jane Doe</div>"), url=_URL)
    assert article.authors == ("Jane Doe", "John Roe")


def test_an_account_credited_as_author_on_its_own_dateline_is_the_publisher() -> None:
    header = "<div class='date'>动区动趋2015/01/01 00:00</div><div class='date'>作者:动区动趋</div>"
    article = cleanpage.clean_html(_page("", header), url=_URL)
    assert (article.publisher, article.authors) == ("动区动趋", ())


def test_a_dated_byline_of_a_stated_author_stays_an_author() -> None:
    head = _ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Tex Hollywood"}})
    article = cleanpage.clean_html(_page(head, "<div>Tex Hollywood December 21, 2023</div>"))
    assert (article.authors, article.publisher) == (("Tex Hollywood",), None)
