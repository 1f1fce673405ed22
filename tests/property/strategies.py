"""Hypothesis strategies for the property tests: generated articles, chrome, pages.

A :class:`Page` is one generated news page: an :class:`ArticleSpec` (the ground
truth: headline, byline, date, credit, standfirst, body blocks) and the chrome
(:class:`Chunk`) placed around and inside it. ``render.py`` turns a page into a
text capture (what ``innerText`` gives) or into HTML; both show the same text in
the same order.

Zones where chrome goes (``Placed.zone``), in page order:

``top``     before the headline (site header, app menu, cookie bar)
``head``    between the byline/date lines and the body (share bar, promo)
``inside``  between two body blocks, never inside a list (promo, newsletter, share)
``tail``    right after the body (like counter, disclaimer, promo, related list)
``end``     the page footer
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from hypothesis import assume
from hypothesis import strategies as st

from cleanpage import Block

from . import pools

_FULLWIDTH = {
    ",": "\uff0c",
    ":": "\uff1a",
    "?": "\uff1f",
    "!": "\uff01",
    "(": "\uff08",
    ")": "\uff09",
}
_ASCII_PUNCT = re.compile(r"[?!()]|(?<!\d)[,:]|[,:](?!\d)")
ZONES: dict[str, tuple[str, ...]] = {
    "navigation": ("top",),
    "cookie": ("top", "end"),
    "promo": ("top", "head", "inside", "tail", "end"),
    "share": ("head", "inside", "tail"),
    "widget": ("head", "tail"),
    "disclaimer": ("tail", "end"),
    "newsletter": ("inside", "tail", "end"),
    "related": ("tail", "end"),
    "footer": ("end",),
}
"""Where each kind of chrome plausibly sits on a real page."""


def fullwidth(text: str) -> str:
    """CJK punctuation as Chinese pages usually type it (times and 6,200 stay as they are)."""
    return _ASCII_PUNCT.sub(lambda m: _FULLWIDTH[m.group()], text)


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class Chunk:
    """One box of chrome: its category (a ``Removed.reason``) and its lines.

    A line is a tuple of pieces (links, spans) shown glued by ``sep``.
    """

    category: str
    lang: str
    sep: str
    lines: tuple[tuple[str, ...], ...]

    @property
    def texts(self) -> tuple[str, ...]:
        """The lines as a browser shows them."""
        return tuple(self.sep.join(line) for line in self.lines)


@dataclass(frozen=True)
class ArticleSpec:
    """A generated article: the truth a cleaner should recover, and how it is laid out."""

    lang: str
    title: str
    title_twice: bool
    summary: str | None
    authors: tuple[str, ...]
    publisher: str | None
    source: str | None
    published: datetime | None
    header: tuple[tuple[str, tuple[str, ...]], ...]
    """The lines under the headline, as (role, lines) groups in page order."""
    blocks: tuple[Block, ...]
    site: str
    title_suffix: str

    @property
    def primary_language(self) -> str:
        return self.lang.split("-")[0]


@dataclass(frozen=True)
class Placed:
    """A chunk of chrome and where it goes; ``at`` is the body index for ``inside``."""

    zone: str
    at: int
    chunk: Chunk


@dataclass(frozen=True)
class Page:
    """An article with its chrome and the text-capture layout details."""

    article: ArticleSpec
    chrome: tuple[Placed, ...] = ()
    gap: str = "\n\n"
    """What separates blocks in the text capture (one or two blank lines)."""
    newline: str = "\n"
    padded: bool = False
    """Whether text-capture lines carry stray leading/trailing spaces, as copies often do."""

    @property
    def bare(self) -> Page:
        """The same page with no chrome at all."""
        return Page(self.article, (), self.gap, self.newline, self.padded)


def encodable(text: str, encoding: str | None) -> bool:
    if encoding is None:
        return True
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@st.composite
def _filled(draw: st.DrawFn, lang: str, templates: Sequence[str]) -> str:
    template = draw(st.sampled_from(templates))
    company = draw(st.sampled_from(pools.COMPANIES[lang]))
    return template.format(co=company, n=draw(st.integers(2, 999)), pct=draw(st.integers(1, 95)))


@st.composite
def paragraphs(draw: st.DrawFn, lang: str, punct: Callable[[str], str] = _same) -> str:
    """A paragraph of 40–400 characters of prose from the language's sentence pool."""
    sep = "" if lang in pools.CJK else " "
    sentence = _filled(lang, pools.SENTENCES[lang])
    sentences: list[str] = []
    extra = draw(st.integers(0, 5))  # sentences beyond the first 40 characters
    for _ in range(40):  # bounded: while shrinking, every draw may give the same sentence
        more = draw(sentence)
        if more in sentences:
            continue
        if len(sep.join([*sentences, more])) > 400:
            break
        sentences.append(more)
        if len(sep.join(sentences)) >= 40:
            if extra == 0:
                break
            extra -= 1
    assume(len(sep.join(sentences)) >= 40)
    return punct(sep.join(sentences))


@st.composite
def bodies(draw: st.DrawFn, lang: str, punct: Callable[[str], str] = _same) -> tuple[Block, ...]:
    """3–12 paragraphs, sometimes with section headings and a list between them."""
    paras = draw(st.lists(paragraphs(lang, punct), min_size=3, max_size=12, unique=True))
    gaps = list(range(1, len(paras)))
    heading_at = draw(st.lists(st.sampled_from(gaps), max_size=3, unique=True))
    headings = draw(
        st.lists(
            st.sampled_from(pools.HEADINGS[lang]),
            min_size=len(heading_at),
            max_size=len(heading_at),
            unique=True,
        )
    )
    items = draw(st.lists(_filled(lang, pools.SENTENCES[lang]).map(punct), max_size=5, unique=True))
    items = [item for item in items if item not in paras]
    list_at = draw(st.sampled_from(gaps)) if len(items) >= 2 else -1
    blocks: list[Block] = []
    for i, para in enumerate(paras):
        if i == list_at:
            blocks.extend(Block("list_item", item) for item in items)
        if i in heading_at:
            blocks.append(Block("heading", punct(headings[heading_at.index(i)])))
        blocks.append(Block("paragraph", para))
    return tuple(blocks)


def join_names(names: Sequence[str], joiner: str) -> str:
    """ "A and B", "A, B and C": how bylines list several people."""
    if len(names) <= 2:
        return joiner.join(names)
    return ", ".join(names[:-1]) + joiner + names[-1]


@st.composite
def date_texts(draw: st.DrawFn, lang: str, when: datetime) -> str:
    """``when`` written the ways pages of ``lang`` write it (minutes precision)."""
    ymd = f"{when:%Y/%m/%d %H:%M}"
    forms = [ymd, f"{when:%Y-%m-%d %H:%M}"]
    if lang in {"zh", "zh-Hant", "ja"}:
        forms += [
            f"{when.year}年{when.month}月{when.day}日 {when:%H:%M}",
            f"{when.year}年{when.month:02}月{when.day:02}日 {when:%H:%M}",
        ]
    elif lang == "ko":
        forms += [
            f"{when:%Y.%m.%d %H:%M}",
            f"{when.year}년 {when.month}월 {when.day}일 {when:%H:%M}",
        ]
    elif lang in {"ru", "de"}:
        forms += [f"{when:%d.%m.%Y %H:%M}"]
    elif lang == "en":
        hour = when.hour % 12 or 12
        ampm = "AM" if when.hour < 12 else "PM"
        month = pools.MONTHS_EN[when.month - 1]
        forms += [
            f"{month} {when.day}, {when.year}, {hour}:{when:%M} {ampm}",
            f"{when.day} {month} {when.year} {when:%H:%M}",
        ]
    return draw(st.sampled_from(forms))


@st.composite
def _date_group(
    draw: st.DrawFn, lang: str, publisher: str | None, when: datetime, codec: str | None
) -> tuple[str, ...]:
    date = draw(date_texts(lang, when))
    if publisher is None:
        return (draw(st.sampled_from([date, f"Published {date}"])) if lang == "en" else date,)
    glues = ["{p}{d}", "{p}{p}{d}", "{p} · {d}"]
    glue = draw(st.sampled_from([g for g in glues if encodable(g, codec)]))
    lines = [glue.format(p=publisher, d=date)]
    if lang in pools.ACCOUNT_LINES and draw(st.booleans()):
        lines.append(draw(st.sampled_from(pools.ACCOUNT_LINES[lang])).format(p=publisher))
    return tuple(lines)


@st.composite
def articles(
    draw: st.DrawFn, langs: Sequence[str] = pools.LANGS, *, legacy: bool = False
) -> ArticleSpec:
    """A generated article in one of ``langs``: the truth and its header layout."""
    lang = draw(st.sampled_from(langs))
    codec = pools.LEGACY[lang] if legacy else None
    punct = fullwidth if lang in pools.CJK and draw(st.booleans()) else _same
    title = punct(draw(_filled(lang, pools.TITLES[lang])))
    summary = draw(st.none() | st.sampled_from(pools.SUMMARIES[lang]).map(punct))
    authors = tuple(draw(st.lists(st.sampled_from(pools.PEOPLE[lang]), max_size=3, unique=True)))
    publisher = draw(st.none() | st.sampled_from(pools.PUBLISHERS[lang]))
    source = draw(st.none() | st.sampled_from(pools.SOURCES[lang]))
    when = draw(st.none() | st.datetimes(datetime(2015, 1, 1), datetime(2030, 12, 31)))
    when = when.replace(second=0, microsecond=0) if when else None
    items: list[tuple[str, tuple[str, ...]]] = []
    if when is not None:
        items.append(("date", draw(_date_group(lang, publisher, when, codec))))
    else:
        publisher = None
    if authors:
        names = join_names(authors, pools.AUTHOR_JOINERS[lang])
        items.append(
            ("byline", (punct(draw(st.sampled_from(pools.BYLINES[lang])).format(a=names)),))
        )
    if source:
        items.append(
            ("credit", (punct(draw(st.sampled_from(pools.CREDITS[lang])).format(s=source)),))
        )
    header = draw(st.permutations(items)) if draw(st.booleans()) else items
    if summary:
        label = pools.SUMMARY_LABELS.get(lang)
        if label and draw(st.booleans()):
            lines: tuple[str, ...] = (punct(label.format(s=summary)),)
        else:
            lines = (summary, summary)  # lede and its repeat, as on the seed
        header.insert(draw(st.integers(0, len(header))), ("summary", lines))
    site = draw(st.sampled_from([s for s in pools.SITES if encodable(s, codec)]))
    return ArticleSpec(
        lang=lang,
        title=title,
        title_twice=draw(st.booleans()),
        summary=summary,
        authors=authors,
        publisher=publisher,
        source=source,
        published=when,
        header=tuple(header),
        blocks=draw(bodies(lang, punct)),
        site=site,
        title_suffix=draw(st.sampled_from(pools.TITLE_SUFFIXES)).format(site=site),
    )


def _static_chunks(langs: Sequence[str], encoding: str | None) -> list[Chunk]:
    chunks = [Chunk(category, lang, sep, lines) for category, lang, sep, lines in pools.CHROME]
    return [c for c in chunks if c.lang in langs and encodable("\n".join(c.texts), encoding)]


@st.composite
def _related(draw: st.DrawFn, lang: str) -> Chunk:
    """A "you may also like" list: header, then title / summary / source+date / title per item."""
    lines: list[tuple[str, ...]] = [(draw(st.sampled_from(pools.RELATED_HEADERS[lang])),)]
    for title in draw(
        st.lists(st.sampled_from(pools.RELATED_TITLES[lang]), min_size=1, max_size=4, unique=True)
    ):
        lines.append((title,))
        summary = draw(st.none() | st.sampled_from(pools.RELATED_SUMMARIES[lang]))
        if summary:
            lines.append((summary,))
        when = draw(st.datetimes(datetime(2015, 1, 1), datetime(2030, 12, 31)))
        lines.append(
            (draw(st.sampled_from(pools.RELATED_SOURCES[lang])) + draw(date_texts(lang, when)),)
        )
        if draw(st.booleans()):
            lines.append((title,))
    return Chunk("related", lang, " ", tuple(lines))


def chunks(
    langs: Sequence[str] = pools.CORE_LANGS, encoding: str | None = None
) -> st.SearchStrategy[Chunk]:
    """A box of chrome in one of ``langs`` (Chinese ones often with fullwidth punctuation)."""
    langs = [lang for lang in langs if lang in pools.RELATED_HEADERS]
    related = (
        st.sampled_from(langs)
        .flatmap(_related)
        .filter(lambda c: encodable("\n".join(c.texts), encoding))
    )
    plain = st.one_of(st.sampled_from(_static_chunks(langs, encoding)), related)
    return st.tuples(plain, st.booleans()).map(_maybe_fullwidth)


def _maybe_fullwidth(pair: tuple[Chunk, bool]) -> Chunk:
    chunk, wide = pair
    if not wide or chunk.lang not in pools.CJK:
        return chunk
    lines = tuple(tuple(fullwidth(piece) for piece in line) for line in chunk.lines)
    return Chunk(chunk.category, chunk.lang, chunk.sep, lines)


def _gaps(blocks: Sequence[Block]) -> list[int]:
    """Body indexes a box may be inserted before: between blocks, never inside a list."""
    return [
        i
        for i in range(1, len(blocks))
        if not (blocks[i - 1].kind == "list_item" and blocks[i].kind == "list_item")
    ]


@st.composite
def placed(draw: st.DrawFn, article: ArticleSpec, chunk: Chunk) -> Placed:
    zone = draw(st.sampled_from(ZONES[chunk.category]))
    at = draw(st.sampled_from(_gaps(article.blocks))) if zone == "inside" else 0
    return Placed(zone, at, chunk)


@st.composite
def pages(
    draw: st.DrawFn,
    langs: Sequence[str] = pools.LANGS,
    chrome_langs: Sequence[str] = pools.CORE_LANGS,
    *,
    min_chrome: int = 0,
    max_chrome: int = 8,
    legacy: bool = False,
) -> Page:
    """A generated page; with ``legacy``, all of it encodes in its language's legacy codec."""
    article = draw(articles(langs, legacy=legacy))
    encoding = pools.LEGACY[article.lang] if legacy else None
    boxes = draw(st.lists(chunks(chrome_langs, encoding), min_size=min_chrome, max_size=max_chrome))
    chrome = tuple(draw(placed(article, box)) for box in boxes)
    return Page(
        article,
        chrome,
        gap=draw(st.sampled_from(["\n\n", "\n\n\n"])),
        newline=draw(st.sampled_from(["\n", "\r\n"])),
        padded=draw(st.booleans()),
    )


# --- inputs for totality ---------------------------------------------------------------

_NASTY = (
    "<",
    ">",
    "</p>",
    "<p>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<![CDATA[",
    "&",
    "&#0;",
    "&#xD800;",
    "\x00",
    "\x1b[31m",
    "\ufeff",
    "\u202e",
    "\u2028",
    "\r",
    "\t",
    "\ufffd",
    "\ud800",
    "撰文:",
    "By ",
    "来源:",
    "Source: ",
    "You may also like",
    "你也可能喜欢",
    "2025/11/19 08:51",
    "免责声明:",
    "\n\n\n",
    " " * 50,
    "<html>",
    '<meta charset="gbk">',
    "\x85",
    "Ã©",
)


@st.composite
def mutated(draw: st.DrawFn, capture: str) -> str:
    """``capture`` after a few random edits: cuts, repeats, nasty insertions, truncation."""
    text = capture
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 200)))
        op = draw(st.sampled_from(["cut", "repeat", "insert", "random", "truncate", "swap"]))
        if op == "cut":
            text = text[:i] + text[j:]
        elif op == "repeat":
            text = text[:j] + text[i:j] * draw(st.integers(1, 5)) + text[j:]
        elif op == "insert":
            text = text[:i] + draw(st.sampled_from(_NASTY)) + text[i:]
        elif op == "random":
            text = text[:i] + draw(st.text(max_size=20)) + text[j:]
        elif op == "truncate":
            text = text[:i]
        else:
            text = text[j:] + text[i:j] + text[:i]
    return text
