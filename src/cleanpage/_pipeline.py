"""The public entry points: capture in, :class:`Article` out."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ._assemble import assemble
from ._decode import Markup, decode
from ._exceptions import CleanpageError
from ._html import extract_html, shows_suspects
from ._limits import Deadline, check_markup
from ._model import Article
from ._options import DEFAULT_OPTIONS, Options
from ._rules import RuleSet, load_rules
from ._segments import LabelledPage
from ._text import extract_text


def clean(
    capture: str | bytes,
    url: str | None = None,
    *,
    content_type: str | None = None,
    now: datetime | None = None,
    options: Options | None = None,
) -> Article:
    """Clean a capture, HTML or plain text (detected), into an :class:`Article`.

    ``content_type`` is the HTTP ``Content-Type`` header, if known (its charset
    is used to decode bytes). ``now`` resolves relative dates ("3 hours ago").
    Raises a :class:`cleanpage.CleanpageError` subclass when the capture cannot
    be read or holds no article.
    """
    return _run(capture, url, content_type=content_type, now=now, options=options, markup=None)


def clean_html(
    html: str | bytes,
    url: str | None = None,
    *,
    content_type: str | None = None,
    now: datetime | None = None,
    options: Options | None = None,
) -> Article:
    """Clean ``html`` as an HTML page, whatever it looks like."""
    return _run(html, url, content_type=content_type, now=now, options=options, markup="html")


def clean_text(
    text: str | bytes,
    url: str | None = None,
    *,
    content_type: str | None = None,
    now: datetime | None = None,
    options: Options | None = None,
) -> Article:
    """Clean ``text`` as the text copied off a rendered page (``innerText``)."""
    return _run(text, url, content_type=content_type, now=now, options=options, markup="text")


def _run(
    capture: str | bytes,
    url: str | None,
    *,
    content_type: str | None,
    now: datetime | None,
    options: Options | None,
    markup: Markup | None,
) -> Article:
    opts = options or DEFAULT_OPTIONS
    if now is not None:
        opts = replace(opts, now=now)
    deadline = Deadline.start(opts)
    try:
        decoded = decode(capture, content_type=content_type, options=opts)
        deadline.check("decode")
        rules = load_rules()
        if (markup or decoded.markup) == "html":
            # The parser reads UTF-8: hand it the bytes and let the decoded text go
            # (a page with one emoji is a str of 4 bytes a character).
            html = decoded.utf8()
            del decoded
            # NUL bytes can break tags apart (``<\x00/title>``): repair before parsing.
            page = None if b"\x00" in html else _extract_html(html, url, opts, rules)
            if page is None or shows_suspects(page):
                # What the page shows may hold mojibake or control characters (rare): when
                # repair changes the capture, read it again repaired, as if repaired
                # before parsing.
                again = decode(capture, content_type=content_type, options=opts)
                if page is None or again.repairs():
                    del page, html
                    html = again.repaired_utf8()
                    page = _extract_html(html, url, opts, rules)
                del again
        else:
            page = extract_text(decoded.text, url=url, options=opts, rules=rules)
        deadline.check("extract")
        return assemble(page, url)
    except CleanpageError as exc:
        if exc.url is None:
            exc.url = url
        raise


def _extract_html(html: bytes, url: str | None, options: Options, rules: RuleSet) -> LabelledPage:
    check_markup(html, options)
    return extract_html(html, url=url, options=options, rules=rules)
