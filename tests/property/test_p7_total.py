"""Property 7, total: no input raises anything but a ``CleanpageError``, in bounded time.

Inputs stay small here (a separate fuzzing suite covers huge and deeply nested
ones): arbitrary ``str`` and ``bytes``; and generated pages (text and HTML)
after a few random edits — cuts, repeats, truncation, rotation, insertions of
markup fragments, control characters, lone surrogates, BOMs, byline / date /
related-header fragments — cleaned as ``str`` and as (possibly invalid) UTF-8
bytes. Each call goes through ``clean``, ``clean_text`` and ``clean_html``; a
returned article must serialise (``to_json``), and each call must finish within
``BOUND`` seconds, a deliberately loose bound for small inputs on a shared CI
machine (speed itself is measured in the benchmarks, not here).
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanpage import Article, CleanpageError, clean, clean_html, clean_text

from .render import render
from .strategies import Page, mutated, pages

BOUND = 10.0


def _total(capture: str | bytes) -> None:
    for entry in (clean, clean_text, clean_html):
        started = time.perf_counter()
        try:
            article = entry(capture)
        except CleanpageError:
            pass
        else:
            assert isinstance(article, Article)
            article.to_json()
        assert time.perf_counter() - started < BOUND, entry.__name__


@given(capture=st.text(max_size=300))
def test_any_text_is_handled(capture: str) -> None:
    _total(capture)


@given(capture=st.binary(max_size=300))
def test_any_bytes_are_handled(capture: bytes) -> None:
    _total(capture)


@pytest.mark.parametrize("kind", ["text", "html"])
@given(data=st.data(), page=pages(max_chrome=3))
def test_mutated_captures_are_handled(kind: str, data: st.DataObject, page: Page) -> None:
    capture = data.draw(mutated(render(page, kind)), label="mutated")
    _total(capture)
    _total(capture.encode("utf-8", "surrogatepass"))
