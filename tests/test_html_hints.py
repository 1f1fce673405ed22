"""The structural hints file (rules/html.toml)."""

from __future__ import annotations

import pytest

from cleanpage._html_hints import hints_from_data, load_hints, split_tokens
from cleanpage._rules import RuleDataError


def test_packaged_hints_load() -> None:
    hints = load_hints()
    assert hints.reason_for("div", split_tokens("social-share")) == "share"
    assert hints.reason_for("div", split_tokens("cookie-banner")) == "cookie"
    assert hints.reason_for("nav", frozenset()) == "navigation"
    assert hints.reason_for("div", split_tokens("article-body share")) is None
    assert hints.reason_for("body", split_tokens("has-sidebar")) is None


def test_split_tokens() -> None:
    assert split_tokens("relatedPosts  post_meta\tID-12") == {
        "related",
        "posts",
        "post",
        "meta",
        "id",
        "12",
    }


@pytest.mark.parametrize(
    "data",
    [
        {"reasons": {"chrome": ["x"]}},
        {"reasons": {"share": ["social-share"]}},
        {"tag_reasons": {"nav": "menu"}},
    ],
)
def test_bad_hints_are_rejected(data: dict[str, object]) -> None:
    with pytest.raises(RuleDataError):
        hints_from_data(data)
