"""The text-capture path: the lines of a rendered page's text become labelled segments.

The capture is split into lines (blank lines separate groups). Lexicon and
site rules cut what they recognise; the layout stage (``_textlayout``) finds
the body, the headline and the header around it; what is left is the body,
where short headline-like lines before prose are section headings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Final
from urllib.parse import urlsplit

from ._classify import match_rules
from ._header import headline_like, is_prose, read_meta_line
from ._lang import detect_language
from ._model import BlockKind, Related
from ._options import Options
from ._people import clean_authors
from ._related import read_related
from ._rules import RuleSet, SiteProfile
from ._segments import Label, LabelledPage, PageMeta, Segment
from ._textlayout import Draft, read_layout, section_labels

_MARKER: Final = re.compile(r"^(?:(?P<h>#{1,6})|(?P<li>[-*•·▪●])|(?P<q>>))\s+")


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


def extract_text(text: str, *, url: str | None, options: Options, rules: RuleSet) -> LabelledPage:
    """Label every line of a text capture and read its metadata."""
    segments = segment_text(text)
    site = _site(rules, url, segments)
    matches = match_rules(segments, rules.rules, site.rules if site else ())
    labels = section_labels(segments, matches)
    metas = [
        read_meta_line(s.text, rules.fields, options.now) if rule is None else None
        for s, rule in zip(segments, matches, strict=True)
    ]
    draft = Draft(segments, matches, labels, metas)
    read_layout(draft)
    final = tuple(lab or Label(None, "text.body") for lab in draft.labels)
    meta = _page_meta(draft, final, site=site, url=url, options=options, rules=rules)
    kinds = _kinds(segments, final)
    return LabelledPage(kinds, final, meta)


def _site(rules: RuleSet, url: str | None, segments: Sequence[Segment]) -> SiteProfile | None:
    host = urlsplit(url).hostname if url else None
    by_host = rules.site_for_host(host) if host else None
    return by_host or rules.site_for_lines(s.text for s in segments[:10])


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
    d: Draft,
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
        for name in clean_authors(m.value)
        if name not in excluded
    )
    body = "\n".join(s.text for s, label in zip(d.segments, labels, strict=True) if label.is_body)
    return PageMeta(
        title=d.title,
        summary=d.summary or next((m.value for m in d.found if m.field == "summary"), None),
        authors=tuple(authors),
        publisher=publisher,
        source=next((m.value for m in d.found if m.field == "source"), None),
        site_name=site.name if site else None,
        published=next((m.date for m in d.found if m.field in _DATED and m.date), None),
        language=detect_language(body),
        url=url,
        related=_related(d.segments, labels, rules, options),
    )


_DATED: Final = ("publisher", "published", "authors", "source")


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
