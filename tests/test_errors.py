"""Bad input gets the right ``CleanpageError`` subclass, with a message a person can act on."""

from __future__ import annotations

import gzip
import io
import time
import zipfile
from dataclasses import replace

import pytest

import cleanpage
import cleanpage._limits as limits
from cleanpage import (
    BinaryInputError,
    CleanpageError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    LimitError,
    Options,
    TimeBudgetError,
    TooDeepError,
    UnsupportedFormatError,
    clean,
    clean_html,
    clean_text,
)
from cleanpage._exceptions import CaptureTypeError
from cleanpage._limits import PARSE_SAFE_TAGS, Deadline, MarkupShape, measure_markup
from cleanpage._noarticle import kinds, no_article_kind, no_article_message

ARTICLE = (
    "<html><head><title>Bitcoin climbs</title></head><body><article><h1>Bitcoin climbs</h1>"
    + "".join(
        f"<p>Bitcoin rose above ${90 + i},000 on day {i} as softer inflation data lifted hopes.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


def _raises(capture: object, error: type[CleanpageError], **kw: object) -> CleanpageError:
    with pytest.raises(error) as info:
        clean(capture, **kw)  # type: ignore[arg-type]
    return info.value


@pytest.mark.parametrize("capture", ["", "   \n\t ", b"", b" \r\n ", "\x00\x00\n", b"\x00" * 100])
def test_empty(capture: str | bytes) -> None:
    err = _raises(capture, EmptyInputError)
    assert isinstance(err, InputError | ValueError)
    assert err.stage == "decode"


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("page.html", ARTICLE)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("capture", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
        ("%PDF-1.4 read as text", "pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "jpeg"),
        (b"GIF89a\x01\x00\x01\x00", "gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"),
        (_zip(), "zip"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 50, "elf"),
        (gzip.compress(gzip.compress(ARTICLE.encode())), "gzip"),
        (gzip.compress(b"%PDF-1.5 inside gzip"), "pdf"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_binary(capture: bytes, kind: str) -> None:
    err = _raises(capture, BinaryInputError)
    assert err.kind == kind
    assert "not a web page" in err.message or "binary" in err.message or "gzip" in err.message


def test_nul_heavy_text_is_binary_but_scattered_nuls_are_dropped() -> None:
    _raises("<html>" + "\x00\x01x" * 1000, BinaryInputError)
    article = clean(ARTICLE.replace("on day 2", "on d\x00ay 2"))
    assert "on day 2" in article.text


@pytest.mark.parametrize(
    ("capture", "kind"),
    [
        ('{"title": "Bitcoin", "body": "<p>text</p>"}', "json"),
        ("[1, 2, 3]", "json"),
        ('{"a": 1}\n{"a": 2}\n', "json"),
        (b'\xef\xbb\xbf[{"id": 1}]', "json"),
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
            "rss",
        ),
        ('<rss version="2.0"><channel></channel></rss>', "rss"),
        ('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="x"></rdf:RDF>', "rss"),
        (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">',
            "atom",
        ),
        ('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>', "xml"),
        ('<?xml version="1.0"?>\n<!-- c -->\n<note><to>x</to></note>', "xml"),
    ],
)
def test_data_formats(capture: str | bytes, kind: str) -> None:
    err = _raises(capture, UnsupportedFormatError)
    assert err.kind == kind
    assert "not a web page" in err.message


@pytest.mark.parametrize(
    "capture",
    [
        "[Breaking] Bitcoin hits a record\n\n" + "Bitcoin rose above $90,000 on Tuesday. " * 8,
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        + ARTICLE.replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">'),
    ],
)
def test_lookalikes_of_data_formats_are_pages(capture: str) -> None:
    assert clean(capture).blocks


def test_gzip_html_is_inflated_and_cleaned() -> None:
    assert clean(gzip.compress(ARTICLE.encode("utf-8"))) == clean(ARTICLE)
    members = gzip.compress(ARTICLE[:100].encode()) + gzip.compress(ARTICLE[100:].encode())
    assert clean(members) == clean(ARTICLE)


def test_truncated_gzip_yields_what_it_holds() -> None:
    data = gzip.compress(ARTICLE.encode())
    assert clean(data[: len(data) - 30]).blocks[:3] == clean(ARTICLE).blocks[:3]


def test_corrupt_gzip() -> None:
    err = _raises(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage-not-deflate", DecodeError)
    assert err.kind == "gzip"


def test_gzip_bomb_stops_at_max_bytes() -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 50_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    started = time.perf_counter()
    err = _raises(bomb, InputTooLargeError, options=Options(max_bytes=1_000_000))
    assert time.perf_counter() - started < 5
    assert err.kind == "max_bytes"
    assert "Options.max_bytes" in err.message


@pytest.mark.parametrize("capture", ["x" * 1001, "€" * 400, b"x" * 1001])
def test_too_large(capture: str | bytes) -> None:
    err = _raises(capture, InputTooLargeError, options=Options(max_bytes=1000))
    assert isinstance(err, LimitError)
    assert "raise Options.max_bytes" in str(err)


def test_undecodable_bytes() -> None:
    junk = bytes(range(0x80, 0x100)) * 40 + b"<p>x</p>"
    err = _raises(junk, DecodeError)
    assert "content_type=" in err.message


def test_declared_charset_we_cannot_score_is_trusted() -> None:
    thai = "ราคาบิตคอยน์ปรับตัวสูงขึ้นในวันอังคาร นักวิเคราะห์ระบุว่าข้อมูลเงินเฟ้อของสหรัฐฯ"
    html = ARTICLE.replace("Bitcoin climbs</h1>", f"Bitcoin climbs</h1><p>{thai}</p>")
    data = html.replace("<head>", '<head><meta charset="tis-620">').encode("cp874")
    assert thai in clean(data).text
    _raises(html.encode("cp874"), DecodeError)  # undeclared: no reading is plausible


def test_capture_of_the_wrong_type() -> None:
    err = _raises(12345, CaptureTypeError)
    assert isinstance(err, TypeError)
    assert isinstance(clean(bytearray(ARTICLE.encode())), cleanpage.Article)


def test_lone_surrogates_are_replaced() -> None:
    article = clean(ARTICLE.replace("on day 2", "on d\ud800ay 2"))
    assert "on d\ufffday 2" in article.text


def test_truncated_html_still_yields_the_article() -> None:
    cut = ARTICLE[: ARTICLE.rindex("<p>") + 20]
    assert len(clean(cut).blocks) >= 5
    assert len(clean_html(cut.replace("</p>", "")).blocks) >= 1


# Limits ------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["div", "span", "b", "ul><li", "dl><dt", "table><tr><td><div"])
def test_deep_nesting_is_refused_quickly(tag: str) -> None:
    deep = "<html><body>" + f"<{tag}>" * 100_000 + "text"
    started = time.perf_counter()
    err = _raises(deep, TooDeepError)
    assert time.perf_counter() - started < 5
    assert err.kind == "max_depth"
    assert "raise Options.max_depth" in str(err)


@pytest.mark.parametrize("tag", ["div", "span", "ul><li"])
def test_deep_nesting_in_a_small_page_is_refused_by_the_walk(tag: str) -> None:
    deep = "<html><body>" + f"<{tag}>" * 3_000 + "text"  # too few tags to be scanned first
    assert deep.count("<") <= PARSE_SAFE_TAGS
    err = _raises(deep, TooDeepError)
    assert (err.kind, err.stage) == ("max_depth", "segment")
    assert "raise Options.max_depth" in str(err)


def test_nesting_within_the_limit_is_parsed() -> None:
    deep = ARTICLE.replace("<article>", "<div>" * 500 + "<article>").replace(
        "</article>", "</article>" + "</div>" * 500
    )
    assert clean(deep).blocks == clean(ARTICLE).blocks
    _raises(deep, TooDeepError, options=Options(max_depth=400))


def test_too_many_tags() -> None:
    flat = "<html><body>" + "<span>x</span>" * 5_000 + "</body></html>"
    err = _raises(flat, TooDeepError, options=Options(max_nodes=9_000))
    assert err.kind == "max_nodes"
    assert "raise Options.max_nodes" in str(err)


def test_text_captures_are_not_measured_as_markup() -> None:
    text = "Headline here\n\n" + "If a < b then <b is less. " * 5_000
    assert clean_text(text).blocks


@pytest.mark.parametrize(
    ("html", "depth"),
    [
        ("", 0),
        ("<p>a<p>b<p>c", 0),
        ("<div><div></div><div><span>x</span></div></div>", 3),
        ("</div></div><div><div>", 2),  # stray end tags never drive the depth below zero
        ("<div><br><img src=x><input><hr></div>", 1),
        ("<svg><path d='M0'/><circle r=1/></svg>", 1),
        ("<script>for (i=0;i<n;i++) if (a<b) x=y<z;</script>", 1),
        ("<DIV><Div><div>", 3),
    ],
)
def test_measure_markup(html: str, depth: int) -> None:
    assert measure_markup(html).depth == depth
    assert measure_markup(html.encode()) == measure_markup(html)  # UTF-8 bytes, read as Latin-1


def test_measure_markup_of_bytes_counts_non_ascii_tag_names() -> None:
    html = "<div><x-日本>" * 3 + "<p>é 🚀 ü</p>" + "</x-日本></div>" * 3
    assert measure_markup(html.encode()) == measure_markup(html) == MarkupShape(6, 14)


def test_deadline() -> None:
    Deadline.start(Options(time_budget=None)).check("decode")
    Deadline.start(Options()).check("decode")
    spent = Deadline(budget=0.5, started=time.perf_counter() - 1.0)
    with pytest.raises(TimeBudgetError) as info:
        spent.check("segment")
    err = info.value
    assert isinstance(err, TimeoutError)
    assert (err.stage, err.kind) == ("segment", "time_budget")
    assert "raise Options.time_budget" in str(err)
    assert spent.remaining() is not None and spent.remaining() < 0  # type: ignore[operator]


def test_deadline_measures_from_its_start(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([1000.0, 1020.0, 1040.0])  # start, then two checks 20 s apart
    monkeypatch.setattr(limits.time, "perf_counter", lambda: next(clock))
    deadline = Deadline.start(replace(Options(), time_budget=30.0))
    deadline.check("decode")  # 20 s in: within budget
    with pytest.raises(TimeBudgetError) as info:
        deadline.check("extract")  # 40 s in
    assert "40.00 s" in info.value.message


# Pages without an article --------------------------------------------------------


def test_no_article_kind_examples_are_data() -> None:
    for kind in kinds():
        assert kind.examples, kind.name
        for example in kind.examples:
            assert no_article_kind(example) == kind.name, example
        for counter in kind.counterexamples:
            assert no_article_kind(counter) is None, counter
        assert no_article_message(kind.name).endswith(kind.message)


def _listing(n: int = 12) -> str:
    heads = [f"Bitcoin price analysis part {i}: what traders expect next week" for i in range(n)]
    return "Home\nMarkets\nNews\n" + "\n".join(f"{h}\n2 hours ago" for h in heads)


def test_listing_and_home_pages() -> None:
    assert no_article_kind(_listing()) == "listing"
    assert no_article_kind(_listing(), "https://news.example.com/") == "home"
    assert no_article_kind(_listing(), "https://news.example.com/tag/bitcoin") == "listing"
    assert no_article_kind(_listing(3)) is None
    article = "Headline\n" + "\n".join(["Bitcoin rose above $90,000 on Tuesday. " * 6] * 4)
    assert no_article_kind(article + "\n" + _listing()) is None
    assert "listing" in no_article_message("listing")
    assert no_article_message(None) == "no article body found in the capture"
