"""Property 6, encoding-proof: the same page in any encoding yields the same article.

Each generated page (text capture or HTML; articles in Chinese, traditional
Chinese, Japanese, Korean, Russian, English, Spanish, German, with chrome that
encodes in the same legacy codec) is cleaned with ``cleanpage.clean`` as a
``str`` (the reference) and as:

- UTF-8 bytes, with and without a byte-order mark;
- bytes in its language's legacy encoding (GBK, Big5, Shift_JIS, EUC-KR,
  cp1251, cp1252) with no declaration at all; for HTML also with the charset
  declared in ``<meta charset>``, and with it given as ``content_type``;
- mojibake: the UTF-8 bytes read as Latin-1, and as Windows-1252 (the way
  browsers read it, undefined bytes kept: ftfy's ``sloppy-windows-1252``).

Every variant must give exactly the reference's ``to_dict()``.
"""

from __future__ import annotations

from collections.abc import Callable

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)
import pytest
from hypothesis import given, note

from cleanpage import CleanpageError, clean

from . import pools
from .render import render_html, render_text
from .strategies import Page, pages

WHATWG = {
    "gbk": "gbk",
    "big5": "big5",
    "shift_jis": "shift_jis",
    "euc-kr": "euc-kr",
    "cp1251": "windows-1251",
    "cp1252": "windows-1252",
}


def _result(call: Callable[[], object]) -> object:
    try:
        return call().to_dict()  # type: ignore[attr-defined]
    except CleanpageError as exc:
        return f"{type(exc).__name__}: {exc}"


def _variants(page: Page, kind: str) -> dict[str, Callable[[], object]]:
    legacy = pools.LEGACY[page.article.lang]
    text = render_text(page) if kind == "text" else render_html(page)
    raw = text.encode("utf-8")
    variants: dict[str, Callable[[], object]] = {
        "utf-8": lambda: clean(raw),
        "utf-8 with BOM": lambda: clean(b"\xef\xbb\xbf" + raw),
        f"{legacy}, undeclared": lambda: clean(
            (render_text(page) if kind == "text" else render_html(page, None)).encode(legacy)
        ),
        "mojibake (latin-1)": lambda: clean(raw.decode("latin-1")),
        "mojibake (windows-1252)": lambda: clean(raw.decode("sloppy-windows-1252")),
    }
    if kind == "html":
        declared = render_html(page, WHATWG[legacy]).encode(legacy)
        variants[f"{legacy}, <meta charset>"] = lambda: clean(declared)
        variants[f"{legacy}, content_type"] = lambda: clean(
            render_html(page, None).encode(legacy),
            content_type=f"text/html; charset={WHATWG[legacy]}",
        )
    return variants


@pytest.mark.parametrize("kind", ["text", "html"])
@given(page=pages(legacy=True))
def test_every_encoding_of_a_page_gives_the_same_article(kind: str, page: Page) -> None:
    reference_page = render_text(page) if kind == "text" else render_html(page, None)
    note(reference_page)
    reference = _result(lambda: clean(reference_page))
    differ = {
        name: got
        for name, call in _variants(page, kind).items()
        if (got := _result(call)) != reference
    }
    assert differ == {}, f"reference: {reference}"
