"""Fuzzing ``cleanpage.clean``: only ``CleanpageError`` escapes, and every call ends quickly.

Arbitrary ``str`` and ``bytes``, tag soup, mutated real pages (truncation, byte
flips, cut and repeated regions, inserted fragments, NUL and lone surrogates,
gzip), and the pathological cases: nesting 100,000 deep, a single 5 MB line,
50,000 links. The 100,000-case run with timing and outcome counts is
``benchmarks/stress.py``; these tests keep to a few seconds.
"""

from __future__ import annotations

import gzip
import time
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanpage import Article, CleanpageError, TooDeepError, clean, clean_html, clean_text

BOUND = 20.0  # seconds; loose on purpose (shared CI machine); speed is measured in benchmarks
AEB = ("benchmarks/data/aeb/html", "../shared/benchmarks/aeb/html")
REPO = Path(__file__).resolve().parent.parent


@cache
def real_pages() -> tuple[bytes, ...]:
    """Three real pages of the article-extraction benchmark (smallest first)."""
    for rel in AEB:
        folder = REPO / rel
        if folder.is_dir():
            files = sorted(folder.glob("*.html.gz"), key=lambda p: p.stat().st_size)
            return tuple(gzip.decompress(p.read_bytes()) for p in files[: len(files) : 60])
    pytest.skip("benchmark pages not found (benchmarks/data/aeb or ../shared/benchmarks/aeb)")


def total(capture: str | bytes, *entries: object) -> Article | None:
    """Clean ``capture`` with each entry point; only a CleanpageError may escape, in time."""
    result = None
    for entry in entries or (clean,):
        started = time.perf_counter()
        try:
            result = entry(capture)  # type: ignore[operator]
        except CleanpageError:
            result = None
        else:
            assert isinstance(result, Article)
            result.to_json()
        assert time.perf_counter() - started < BOUND, entry
    return result


@settings(max_examples=150)
@given(st.text())
def test_any_str(capture: str) -> None:
    total(capture, clean, clean_html, clean_text)


@settings(max_examples=150)
@given(st.binary())
def test_any_bytes(capture: bytes) -> None:
    total(capture, clean, clean_html, clean_text)


TAGS = ["div", "p", "span", "a href='/x'", "b", "li", "ul", "table", "td", "h1", "script", "!--"]
soup_piece = st.one_of(
    st.sampled_from([f"<{t}>" for t in TAGS] + [f"</{t.split()[0]}>" for t in TAGS]),
    st.sampled_from(["<", ">", "&amp;", "&#0;", "&#xD800;", "<!DOCTYPE html>", "<?xml?>", "\x00"]),
    st.text(max_size=40),
)


@given(st.lists(soup_piece, max_size=60).map("".join))
def test_tag_soup(capture: str) -> None:
    total(capture, clean, clean_html)
    total(capture.encode("utf-8", "surrogatepass"))


@st.composite
def mutated_page(draw: st.DrawFn) -> bytes:
    page = draw(st.sampled_from(real_pages()))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(page)))
        span = draw(st.integers(0, 5000))
        op = draw(st.sampled_from(["truncate", "flip", "cut", "repeat", "insert", "nul"]))
        if op == "truncate":
            page = page[:at]
        elif op == "flip":
            page = page[:at] + bytes([draw(st.integers(0, 255))]) + page[at + 1 :]
        elif op == "cut":
            page = page[:at] + page[at + span :]
        elif op == "repeat":
            page = page[:at] + page[at : at + span] * 3 + page[at:]
        elif op == "insert":
            fragment = draw(st.lists(soup_piece, max_size=10).map("".join))
            page = page[:at] + fragment.encode("utf-8", "surrogatepass") + page[at:]
        else:
            page = page[:at] + b"\x00" * draw(st.integers(1, 50)) + page[at:]
    return page


@settings(max_examples=20)
@given(mutated_page(), st.booleans())
def test_mutated_real_pages(page: bytes, compress: bool) -> None:
    total(gzip.compress(page, compresslevel=1) if compress else page)
    total(page.decode("utf-8", "surrogateescape"), clean_html)  # lone surrogates in a str


def test_real_pages_decode_whole() -> None:
    for page in real_pages():
        assert total(page) is not None


@pytest.mark.parametrize("tag", ["div", "span", "li", "table", "a", "p"])
def test_nesting_100000_deep(tag: str) -> None:
    started = time.perf_counter()
    deep = "<html><body>" + f"<{tag}>" * 100_000 + "deep text" + f"</{tag}>" * 100_000
    try:
        clean(deep)
    except TooDeepError as exc:
        assert exc.kind == "max_depth"
    except CleanpageError:
        assert tag in ("p", "a")  # flat elements parse fine; no article is a fine outcome
    assert time.perf_counter() - started < BOUND


def test_single_5mb_line() -> None:
    sentence = "Bitcoin rose above $90,000 on Tuesday as softer inflation data lifted hopes. "
    line = "<html><body><article><h1>Title</h1><p>" + sentence * 65_000 + "</p></article>"
    assert len(line) > 5_000_000
    article = total(line)
    assert article is not None and len(article.text) > 4_000_000


def test_huge_paragraph_whitespace_is_collapsed_as_in_a_small_one() -> None:
    words = ["Bitcoin", "rose\u3000above", "$90,000\xa0on", "Tuesday.\n\n", "\t", "深度", "  "]
    text = "".join(words[i % len(words)] + " " * (i % 3) for i in range(60_000))
    assert len(text) > 300_000  # collapsed a chunk at a time
    article = clean_html(f"<html><body><article><h1>Title</h1><p>{text}</p></article></body>")
    assert article.blocks[-1].text == " ".join(text.split())


def test_50000_links() -> None:
    links = "".join(f"<li><a href='/n/{i}'>Headline number {i}</a></li>" for i in range(50_000))
    total(f"<html><body><ul>{links}</ul><article><p>{'Body text. ' * 40}</p></article></body>")


def test_nul_and_surrogate_floods() -> None:
    total("\x00" * 1_000_000)
    total(b"\x00" * 1_000_000)
    total("\ud800" * 100_000)
    total("<p>" + "a\ud800\x00" * 100_000 + "</p>")
