"""The text-capture path: the lines of a rendered page's text become labelled segments.

The capture is split into lines (blank lines separate groups). Lexicon and
site rules cut what they recognise; then the page header is read: the first
metadata line (dateline, byline, source credit) anchors it, the headline is
the line just above it, lines above the headline are page chrome, and the
lines below it up to the body are metadata, a standfirst, or their repeats.
What is left is the body, where short headline-like lines before prose are
section headings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from urllib.parse import urlsplit

from ._classify import apply_rules
from ._header import MetaLine, headline_like, is_prose, read_meta_line, split_names
from ._lang import detect_language
from ._model import BlockKind, Related
from ._options import Options
from ._related import read_related
from ._rules import RuleSet, SiteProfile
from ._segments import Label, LabelledPage, PageMeta, Segment

_MARKER = re.compile(r"^(?:(?P<h>#{1,6})|(?P<li>[-*•·▪●])|(?P<q>>))\s+")
_META = "text.header"


def segment_text(text: str) -> tuple[Segment, ...]:
    """Non-blank lines, whitespace collapsed; a blank line starts a new group.

    Markdown markers (``## ``, ``- ``, ``> ``) give the kind and are dropped.
    """
    segments: list[Segment] = []
    group = 0
    blank = False
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            blank = True
            continue
        if blank and segments:
            group += 1
        blank = False
        segments.append(_segment(line, group))
    return tuple(segments)


def _segment(line: str, group: int) -> Segment:
    found = _MARKER.match(line)
    if found is None or found.end() == len(line):
        return Segment(line, "paragraph", group)
    kind: BlockKind = "heading" if found["h"] else "list_item" if found["li"] else "quote"
    return Segment(line[found.end() :], kind, group)


@dataclass(slots=True)
class _Draft:
    """The header as it is read: labels so far and the metadata found."""

    segments: Sequence[Segment]
    labels: list[Label | None]
    metas: list[MetaLine | None]
    title: str | None = None
    summary: str | None = None
    found: list[MetaLine] = field(default_factory=list)

    def cut(self, i: int, reason: str, rule: str = _META) -> None:
        self.labels[i] = Label(reason, rule)  # type: ignore[arg-type]

    def undecided(self, start: int, stop: int, step: int = 1) -> list[int]:
        return [i for i in range(start, stop, step) if self.labels[i] is None]


def extract_text(text: str, *, url: str | None, options: Options, rules: RuleSet) -> LabelledPage:
    """Label every line of a text capture and read its metadata."""
    segments = segment_text(text)
    site = _site(rules, url, segments)
    labels = apply_rules(segments, (site.rules if site else ()) + rules.rules)
    metas = [
        read_meta_line(s.text, rules.fields, options.now)
        if lab is None and len(s.text) <= 120
        else None
        for s, lab in zip(segments, labels, strict=True)
    ]
    draft = _Draft(segments, labels, metas)
    body_start = _read_header(draft)
    _read_body(draft, body_start)
    final = tuple(lab or Label(None, "text.body") for lab in draft.labels)
    meta = _page_meta(draft, final, site=site, url=url, options=options, rules=rules)
    kinds = _kinds(segments, final)
    return LabelledPage(kinds, final, meta)


def _site(rules: RuleSet, url: str | None, segments: Sequence[Segment]) -> SiteProfile | None:
    host = urlsplit(url).hostname if url else None
    by_host = rules.site_for_host(host) if host else None
    return by_host or rules.site_for_lines(s.text for s in segments[:10])


def _read_header(d: _Draft) -> int:
    """Label the headline, the chrome above it and the metadata below it.

    Returns the index where the body starts.
    """
    anchor = _anchor(d)
    title_i = _title(d, anchor) if anchor is not None else _headless_title(d)
    if title_i is None:
        return anchor if anchor is not None else 0
    for i in d.undecided(0, title_i):
        d.cut(i, "navigation", "generic.header-zone")
    return _scan_header(d, title_i + 1)


def _anchor(d: _Draft) -> int | None:
    """The first metadata line, if it comes before the article's prose starts."""
    prose = 0
    for i in d.undecided(0, len(d.segments)):
        if d.metas[i] is not None:
            return i
        prose += is_prose(d.segments[i].text)
        if prose > 1:
            return None
    return None


def _title(d: _Draft, anchor: int) -> int | None:
    """The headline just above the anchor (above its repeat, or above a standfirst)."""
    above = d.undecided(anchor - 1, -1, -1)[:2]
    texts = [d.segments[i].text for i in above]
    if len(above) == 2 and texts[0] == texts[1]:
        d.cut(above[0], "duplicate", "text.repeat")
        above = above[1:]
    elif len(above) == 2 and is_prose(texts[0]) and headline_like(texts[1]):
        d.summary = texts[0]
        d.cut(above[0], "metadata", "text.standfirst")
        above = above[1:]
    if not above or not headline_like(d.segments[above[0]].text):
        return None
    d.title = d.segments[above[0]].text
    d.cut(above[0], "metadata", "text.title")
    return above[0]


def _headless_title(d: _Draft) -> int | None:
    """With no metadata lines: the last headline-like line before the first prose line."""
    candidates = []
    for i in d.undecided(0, len(d.segments))[:12]:
        if is_prose(d.segments[i].text):
            break
        candidates.append(i)
    else:
        return None
    titled = [i for i in candidates if headline_like(d.segments[i].text)]
    if not titled:
        return None
    d.title = d.segments[titled[-1]].text
    d.cut(titled[-1], "metadata", "text.title")
    return titled[-1]


def _scan_header(d: _Draft, start: int) -> int:
    """Label repeats, metadata lines and a standfirst after the headline; return the body start."""
    rest = d.undecided(start, len(d.segments))
    for pos, i in enumerate(rest):
        text, meta = d.segments[i].text, d.metas[i]
        if text in (d.title, d.summary):
            d.cut(i, "duplicate", "text.repeat")
        elif meta is not None:
            d.found.append(meta)
            d.cut(i, "metadata", meta.rule)
        elif d.summary is None and _standfirst(d, rest[pos + 1 : pos + 3], text):
            d.summary = text
            d.cut(i, "metadata", "text.standfirst")
        else:
            return i
    return len(d.segments)


def _standfirst(d: _Draft, following: Sequence[int], text: str) -> bool:
    """A lede set apart: repeated right away, or followed by more header metadata."""
    if not following or len(text) > 500:
        return False
    return d.segments[following[0]].text == text or any(d.metas[i] for i in following)


def _read_body(d: _Draft, start: int) -> None:
    """Bylines and credits in the body are metadata; short lines after the last prose are chrome."""
    body = d.undecided(start, len(d.segments))
    for i in body:
        meta = d.metas[i]
        if meta is not None and meta.date is None:
            d.found.append(meta)
            d.cut(i, "metadata", meta.rule)
    prose = [i for i in body if d.labels[i] is None and is_prose(d.segments[i].text)]
    for i in d.undecided(prose[-1] + 1 if prose else len(d.segments), len(d.segments)):
        if d.segments[i].kind == "paragraph":
            d.cut(i, "other", "generic.tail-chrome")
    for i in d.undecided(0, start):
        d.cut(i, "navigation", "generic.header-zone")


def _kinds(segments: Sequence[Segment], labels: Sequence[Label]) -> tuple[Segment, ...]:
    """Short headline-like body lines followed by prose are section headings."""
    body = [i for i, label in enumerate(labels) if label.is_body]
    out = list(segments)
    for here, after in pairwise(body):
        segment = segments[here]
        if (
            segment.kind == "paragraph"
            and _heading(segment.text)
            and is_prose(segments[after].text)
        ):
            out[here] = Segment(segment.text, "heading", segment.group)
    return tuple(out)


def _heading(text: str) -> bool:
    return len(text) <= 60 and headline_like(text) and not is_prose(text)


def _page_meta(
    d: _Draft,
    labels: Sequence[Label],
    *,
    site: SiteProfile | None,
    url: str | None,
    options: Options,
    rules: RuleSet,
) -> PageMeta:
    publisher = next((m.value for m in d.found if m.field == "publisher" and m.value), None)
    excluded = {publisher, site.name if site else None}
    authors = dict.fromkeys(
        name
        for m in d.found
        if m.field == "authors"
        for name in split_names(m.value)
        if name not in excluded
    )
    body = "\n".join(s.text for s, label in zip(d.segments, labels, strict=True) if label.is_body)
    return PageMeta(
        title=d.title,
        summary=d.summary,
        authors=tuple(authors),
        publisher=publisher,
        source=next((m.value for m in d.found if m.field == "source"), None),
        site_name=site.name if site else None,
        published=next((m.date for m in d.found if m.field in _DATED and m.date), None),
        language=detect_language(body),
        url=url,
        related=_related(d.segments, labels, rules, options),
    )


_DATED = ("publisher", "published", "authors", "source")


def _related(
    segments: Sequence[Segment], labels: Sequence[Label], rules: RuleSet, options: Options
) -> tuple[Related, ...]:
    spans: dict[int, list[str]] = {}
    for segment, label in zip(segments, labels, strict=True):
        if label.reason == "related" and label.span >= 0:
            spans.setdefault(label.span, []).append(segment.text)
    return tuple(
        item
        for lines in spans.values()
        for item in read_related(lines[1:], rules.fields, options.now)
    )
