"""What a capture without an article is: a captcha, login wall, paywall, error page,
home page or listing — so :class:`cleanpage.NoArticleError` can say which.

Phrase signals are data (``rules/meta/noarticle.toml``); the shape signal is
code: a page made of many headline-like lines and few paragraphs is a listing,
or the home page when its URL is the site's root.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final
from urllib.parse import urlsplit

_SCAN_CHARS: Final = 20_000
_PARAGRAPH_CHARS: Final = 200
_PARAGRAPH_CJK: Final = 80
_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")
_SENTENCE_END: Final = re.compile(r"[.!?。！？]$")
_ROOT_PATHS: Final = ("", "/", "/index.html", "/index.htm", "/index.php", "/home")
_SHAPE_MESSAGES: Final = {
    "home": "a site's home page; pass the URL of one article",
    "listing": "a listing of articles (a section, tag, search or archive page);"
    " pass the URL of one article",
}


@dataclass(frozen=True, slots=True)
class NoArticleKind:
    """One kind of page without an article, recognised by phrases."""

    name: str
    message: str
    patterns: tuple[re.Pattern[str], ...]
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]


@cache
def kinds() -> tuple[NoArticleKind, ...]:
    """The phrase-recognised kinds, in the order they are tried (loaded once)."""
    path = resources.files("cleanpage") / "rules" / "meta" / "noarticle.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        NoArticleKind(
            name=entry["name"],
            message=entry["message"],
            patterns=tuple(re.compile(p, re.I) for p in entry["patterns"]),
            examples=tuple(entry.get("examples", ())),
            counterexamples=tuple(entry.get("counterexamples", ())),
        )
        for entry in data["kind"]
    )


def no_article_kind(text: str, url: str | None = None) -> str | None:
    """Which kind of page ``text`` (the visible text of a capture) is, when it can tell.

    Returns ``"captcha"``, ``"login"``, ``"paywall"``, ``"error"``, ``"home"``,
    ``"listing"``, or ``None`` when nothing points anywhere.

    >>> no_article_kind("Just a moment...\\nVerify you are human")
    'captcha'
    """
    head = text[:_SCAN_CHARS]
    for kind in kinds():
        if any(p.search(head) for p in kind.patterns):
            return kind.name
    return _shape_kind(head, url)


def no_article_message(kind: str | None) -> str:
    """The sentence for :class:`cleanpage.NoArticleError` for a page of ``kind``."""
    if kind is None:
        return "no article body found in the capture"
    what = _SHAPE_MESSAGES.get(kind) or next(k.message for k in kinds() if k.name == kind)
    return f"no article in the capture: it looks like {what}"


def _shape_kind(text: str, url: str | None) -> str | None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    paragraphs = sum(1 for line in lines if _is_paragraph(line))
    headlines = sum(1 for line in lines if _is_headline(line))
    if paragraphs >= 3 or headlines < 8 or headlines < 0.3 * len(lines):
        return None
    path = urlsplit(url).path if url else None
    return "home" if path is not None and path.lower() in _ROOT_PATHS else "listing"


def _is_paragraph(line: str) -> bool:
    return len(line) >= _PARAGRAPH_CHARS or len(_CJK.findall(line)) >= _PARAGRAPH_CJK


def _is_headline(line: str) -> bool:
    """A line that reads like a headline: a few words, no closing full stop."""
    cjk = len(_CJK.findall(line))
    words = len(line.split())
    long_enough = cjk >= 8 or (words >= 4 and len(line) >= 20)
    return long_enough and len(line) <= 160 and not _SENTENCE_END.search(line)
