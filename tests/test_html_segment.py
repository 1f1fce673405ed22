"""HTML segmentation: block kinds, invisible text, tables, and nothing lost."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleanpage._exceptions import TooDeepError
from cleanpage._html import extract_html
from cleanpage._html_segment import Walked, segment_tree
from cleanpage._html_visible import drop_hidden
from cleanpage._options import Options
from cleanpage._rules import RuleSet

NO_RULES = RuleSet((), (), ())


def walk(html: str, options: Options | None = None) -> Walked:
    tree = LexborHTMLParser(html)
    drop_hidden(tree)
    assert tree.body is not None
    return segment_tree(tree.body, options or Options())


def texts(html: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in walk(html).segments]


def test_block_kinds() -> None:
    html = (
        "<body><h2>Sub head</h2><p>Para <b>bold</b> text.</p><ul><li>one</li><li>two</li></ul>"
        "<blockquote><p>Quoted words.</p></blockquote><pre>a = 1\n  b = 2</pre>"
        "<figure><img src=x><figcaption>A caption</figcaption></figure></body>"
    )
    assert texts(html) == [
        ("heading", "Sub head"),
        ("paragraph", "Para bold text."),
        ("list_item", "one"),
        ("list_item", "two"),
        ("quote", "Quoted words."),
        ("code", "a = 1\nb = 2"),
        ("caption", "A caption"),
    ]


def test_inline_text_joined_and_whitespace_collapsed() -> None:
    html = "<body><p>  Foo<i>bar</i>   baz\n\n<a href=x>link</a>  </p></body>"
    assert texts(html) == [("paragraph", "Foobar baz link")]


def test_text_around_a_nested_block_is_split_in_reading_order() -> None:
    html = "<body><div>before <div>inside</div> after<br>next line</div></body>"
    assert [t for _, t in texts(html)] == ["before", "inside", "after", "next line"]


@pytest.mark.parametrize(
    "hidden",
    [
        "<script>var x = 'code';</script>",
        "<style>p { color: red }</style>",
        "<noscript>enable js</noscript>",
        "<template><p>later</p></template>",
        "<div hidden>hidden attr</div>",
        '<div aria-hidden="true">aria hidden</div>',
        '<div style="display: none">inline none</div>',
        '<p style="color:red;DISPLAY:NONE">upper case</p>',
        '<div id="slug" style="display : none">spaced out, as CSS allows</div>',
        "<svg><title>icon</title><text>label</text></svg>",
    ],
)
def test_invisible_content_is_no_segment(hidden: str) -> None:
    assert [t for _, t in texts(f"<body><p>Seen.</p>{hidden}<p>Also seen.</p></body>")] == [
        "Seen.",
        "Also seen.",
    ]


def test_data_table_gives_one_segment_per_row() -> None:
    html = (
        "<body><table><caption>Prices</caption><thead><tr><th>Coin</th><th>Price</th></tr>"
        "</thead><tbody><tr><td>BTC</td><td> 90,000 </td></tr><tr><td>ETH</td><td></td></tr>"
        "</tbody></table></body>"
    )
    assert texts(html) == [
        ("caption", "Prices"),
        ("table", "Coin\tPrice"),
        ("table", "BTC\t90,000"),
        ("table", "ETH"),
    ]


def test_layout_table_cells_are_containers() -> None:
    html = (
        "<body><table><tr><td><p>First paragraph.</p><p>Second one.</p></td>"
        "<td><ul><li>menu</li></ul></td></tr></table></body>"
    )
    assert texts(html) == [
        ("paragraph", "First paragraph."),
        ("paragraph", "Second one."),
        ("list_item", "menu"),
    ]


def test_link_characters_are_counted() -> None:
    (seg,) = walk('<body><p>abcd <a href="#">efgh</a></p></body>').segments
    assert seg.text == "abcd efgh"
    assert seg.link_chars == 4


def test_deep_nesting_is_walked_without_recursion() -> None:
    depth = 5_000
    html = "<body>" + "<div>" * depth + "deep text" + "</div>" * depth + "</body>"
    walked = walk(html, Options(max_depth=100_000))
    assert [s.text for s in walked.segments] == ["deep text"]


def test_nesting_past_max_depth_is_a_limit_error() -> None:
    html = "<body>" + "<span>" * 300 + "x" + "</span>" * 300 + "</body>"
    with pytest.raises(TooDeepError):
        walk(html, Options(max_depth=100))


def test_more_nodes_than_max_nodes_is_a_limit_error() -> None:
    with pytest.raises(TooDeepError):
        walk("<body>" + "<p>x</p>" * 50 + "</body>", Options(max_nodes=20))


def test_every_visible_text_gets_exactly_one_label() -> None:
    html = (
        "<html><head><title>T</title></head><body><nav><a href=/>Home</a><a href=/n>News</a></nav>"
        "<article><h1>T</h1><p>" + "Body sentence, with words. " * 6 + "</p>"
        "<p>Second paragraph of the body text, long enough to count as prose.</p></article>"
        "<footer>© 2024 Example</footer></body></html>"
    )
    page = extract_html(html, url=None, options=Options(), rules=NO_RULES)
    assert len(page.labels) == len(page.segments)
    visible = " ".join(LexborHTMLParser(html).body.text(separator=" ").split())
    accounted = " ".join(s.text for s in page.segments)
    assert accounted.replace(" ", "") == visible.replace(" ", "")
    assert all(label.is_body or label.reason is not None for label in page.labels)


def test_paragraphs_hidden_beside_a_visible_preview_are_kept() -> None:
    html = (
        "<body><div id='article-body'><div class='preview'><p>The visible first paragraph.</p>"
        "</div><div class='subscriber-only' style='display:none'><p>The hidden second one.</p>"
        "</div><div hidden><p>Hidden by attribute.</p></div></div>"
        "<div class='login' style='display: none'><p>Sign in to keep reading.</p></div></body>"
    )
    assert [text for _, text in texts(html)] == [
        "The visible first paragraph.",
        "The hidden second one.",
    ]
