"""The systems compared: cleanpage and its peers, behind one small adapter.

Each :class:`System` has an ``extract(html, url)`` call (the only thing timed),
a ``body(result)`` that turns its result into plain text, and for systems that
report metadata a ``meta(html, url, result)`` giving a :class:`Meta` (never
timed). Peers are imported lazily, so only the systems asked for need to be
installed (``benchmarks/README.md`` says how).
"""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

Extract = Callable[[str, str], Any]


@dataclass(frozen=True, slots=True)
class Meta:
    """Metadata a system reported: title, author names, published date (YYYY-MM-DD)."""

    title: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""


@dataclass(frozen=True, slots=True)
class System:
    """One system under test."""

    name: str
    package: str
    extract: Extract
    body: Callable[[Any], str]
    meta: Callable[[str, str, Any], Meta] | None = None
    slow: bool = False
    note: str = ""

    @property
    def version(self) -> str:
        return importlib.metadata.version(self.package)


def _day(value: date | datetime | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return str(value)[:10]


# --- cleanpage ---------------------------------------------------------------


def _cleanpage() -> System:
    import cleanpage  # noqa: PLC0415 - peers load lazily

    def extract(html: str, url: str) -> Any:
        try:
            return cleanpage.clean_html(html, url=url or None)
        except cleanpage.CleanpageError:
            return None  # counted as empty output

    def body(result: Any) -> str:
        return "" if result is None else str(result.text)

    def meta(_html: str, _url: str, result: Any) -> Meta:
        if result is None:
            return Meta()
        return Meta(result.title or "", tuple(result.authors), _day(result.published))

    return System(
        "cleanpage", "cleanpage", extract, body, meta, note=f"clean_html(html, url=url); {build()}"
    )


def build() -> str:
    """Which build of cleanpage is installed: the mypyc-compiled wheel or pure Python."""
    import cleanpage._html  # noqa: PLC0415 - peers load lazily

    compiled = not cleanpage._html.__file__.endswith(".py")
    return "mypyc-compiled wheel" if compiled else "pure Python"


# --- trafilatura -------------------------------------------------------------


def _trafilatura(favor_precision: bool) -> System:
    import trafilatura  # noqa: PLC0415 - peers load lazily

    def extract(html: str, url: str) -> Any:
        return trafilatura.extract(html, url=url or None, favor_precision=favor_precision)

    def meta(html: str, url: str, _result: Any) -> Meta:
        doc: Any = trafilatura.bare_extraction(html, url=url or None, with_metadata=True)
        if doc is None:
            return Meta()
        authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
        return Meta(doc.title or "", authors, _day(doc.date))

    name = "trafilatura (favor_precision)" if favor_precision else "trafilatura"
    note = "extract(html, url=url" + (", favor_precision=True)" if favor_precision else ")")
    return System(
        name,
        "trafilatura",
        extract,
        lambda r: r or "",
        None if favor_precision else meta,
        note=note + ("" if favor_precision else "; metadata: bare_extraction(with_metadata=True)"),
    )


# --- readability-lxml --------------------------------------------------------

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
    | {"table", "tr", "td", "th", "section", "article", "figure", "figcaption", "header"}
    | {"footer", "dd", "dt"}
)


def _html_to_text(fragment: str) -> str:
    import lxml.html  # type: ignore[import-untyped]  # noqa: PLC0415

    if not fragment.strip():
        return ""
    tree = lxml.html.fromstring(fragment)
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return str(tree.text_content())


def _readability() -> System:
    from readability import Document  # type: ignore[import-untyped]  # noqa: PLC0415

    def extract(html: str, url: str) -> Any:
        return Document(html, url=url or None).summary(html_partial=True)

    return System(
        "readability-lxml",
        "readability-lxml",
        extract,
        _html_to_text,
        note="Document(html, url=url).summary(html_partial=True); HTML to text untimed",
    )


# --- resiliparse -------------------------------------------------------------


def _resiliparse() -> System:
    from resiliparse.extract.html2text import (  # noqa: PLC0415 - peers load lazily
        extract_plain_text,
    )

    def extract(html: str, _url: str) -> Any:
        return extract_plain_text(html, main_content=True)

    return System(
        "resiliparse",
        "resiliparse",
        extract,
        lambda r: r or "",
        note="extract_plain_text(html, main_content=True)",
    )


# --- jusText -----------------------------------------------------------------

_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.IGNORECASE)


def _justext() -> System:
    import justext  # type: ignore[import-untyped]  # noqa: PLC0415

    names = {name.lower(): name for name in justext.get_stoplists()}
    codes = _JUSTEXT_CODES

    def extract(html: str, _url: str) -> Any:
        match = _LANG.search(html, 0, 20000)
        name = names.get(codes.get(match.group(1).lower(), "") if match else "english")
        if name is None:  # no stoplist for the page's language: language-independent mode
            return justext.justext(html, frozenset(), stopwords_low=0, stopwords_high=0)
        return justext.justext(html, justext.get_stoplist(name))

    def body(result: Any) -> str:
        return "\n".join(p.text for p in result if not p.is_boilerplate)

    return System(
        "jusText",
        "jusText",
        extract,
        body,
        note="justext(html, stoplist of <html lang>, English if none; "
        "language-independent mode when no stoplist exists)",
    )


_JUSTEXT_CODES = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "ru": "russian",
    "pl": "polish",
    "tr": "turkish",
    "id": "indonesian",
    "ar": "arabic",
    "fa": "persian",
    "ur": "urdu",
    "hi": "hindi",
    "nl": "dutch",
    "sv": "swedish",
    "ko": "korean",
    "ja": "japanese",
    "zh": "chinese",
    "uk": "ukrainian",
}


# --- newspaper4k -------------------------------------------------------------


def _newspaper() -> System:
    import newspaper  # type: ignore[import-untyped]  # noqa: PLC0415
    from tldextract import tldextract  # noqa: PLC0415 - peers load lazily

    # Use the bundled public-suffix snapshot: no network fetch on first use.
    tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())

    def extract(html: str, url: str) -> Any:
        article = newspaper.Article(url or "http://example.invalid/", fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return article

    def meta(_html: str, _url: str, article: Any) -> Meta:
        return Meta(article.title or "", tuple(article.authors or ()), _day(article.publish_date))

    return System(
        "newspaper4k",
        "newspaper4k",
        extract,
        lambda a: a.text or "",
        meta,
        slow=True,
        note="Article(url, fetch_images=False).download(input_html=html); parse(); "
        "with jieba + tinysegmenter (extras zh, ja); Korean pages raise (nltk data needed)",
    )


FACTORIES: dict[str, Callable[[], System]] = {
    "cleanpage": _cleanpage,
    "trafilatura": lambda: _trafilatura(False),
    "trafilatura-precision": lambda: _trafilatura(True),
    "readability": _readability,
    "resiliparse": _resiliparse,
    "justext": _justext,
    "newspaper4k": _newspaper,
}


def make(key: str) -> System:
    """Build the system registered under ``key`` (imports its package)."""
    if key not in FACTORIES:
        raise ValueError(f"unknown system {key!r}; expected one of {list(FACTORIES)}")
    return FACTORIES[key]()
