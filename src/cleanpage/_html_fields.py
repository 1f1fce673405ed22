"""Metadata lines in the page's visible text: bylines, source credits, standfirsts.

Lines near the article (a few before its first solid paragraph, and short
lines inside it) are tried against the lexicons' field rules
(``rules.fields``, e.g. ``撰文:张三`` or ``Source: Reuters``). A line that
matches is metadata, not body: its label names the field rule, and its value
fills the matching :class:`PageMeta` field when the page's markup left it empty.
The first dated line (a dateline, "Posted on …", a byline with its date; never
"Updated …") dates the page when the markup gave no date, or only a day.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import Final

from ._dates import find_date
from ._header import MetaLine, may_be_field, read_meta_line
from ._html_label import is_solid
from ._html_segment import Walked
from ._model import Reason
from ._people import clean_authors, has_byline_prefix, is_organisation, looks_like_person
from ._rules import FieldRule
from ._segments import Label, PageMeta

_BEFORE: Final = 15
_AFTER: Final = 3
_MAX_CHARS: Final = 160
_MIN_STANDFIRST: Final = 40
"""Shortest repeated line read as a standfirst, in UTF-8 bytes (a CJK character is three)."""
_TEXT_DATELINE: Final = "text.dateline"
_HTML_DATELINE: Final = "html.dateline"
_MIDNIGHT: Final = time(0, 0)
_ONE_DAY: Final = timedelta(days=1)
_LEAD: Final[frozenset[Reason | None]] = frozenset({None, "metadata", "duplicate"})


def read_fields(
    walked: Walked, labels: list[Label], fields: tuple[FieldRule, ...], meta: PageMeta
) -> PageMeta:
    """Relabel metadata lines around the body (in place) and fill empty ``meta`` fields."""
    body = [i for i, label in enumerate(labels) if label.reason is None]  # is_body
    if not fields or not body:
        return meta
    found: dict[str, str] = {}
    dated: list[datetime] = []
    start, stop = max(0, body[0] - _BEFORE), min(len(labels), body[-1] + _AFTER + 1)
    lead = next((i for i in body if is_solid(walked.segments[i])), body[0])
    for index in range(start, stop):
        seg = walked.segments[index]
        if len(seg.text) > _MAX_CHARS or (labels[index].is_body and is_solid(seg)):
            continue
        line = _field_line(seg.text, fields, dated=index < lead)
        if line is not None:
            labels[index] = Label("metadata", line.rule)
            _take(line, found, dated)
    return _dated(_fill(meta, found), dated[:1])


def _take(line: MetaLine, found: dict[str, str], dated: list[datetime]) -> None:
    """Keep a line's value; a publication line gives its date, and the byline after it."""
    if line.field == "published":
        match = find_date(line.value)
        if match is not None:
            dated.append(match.value)
            rest = line.value[match.end :].strip()
            if has_byline_prefix(rest):
                found.setdefault("authors", rest)  # "posted on May 5, 2023 by Jane Doe"
        elif line.date is not None:
            dated.append(line.date)
        return
    if line.field == "updated":
        return
    if line.date is not None:
        dated.append(line.date)
    if line.value:
        found.setdefault(line.field, line.value)


def _dated(meta: PageMeta, shown: list[datetime]) -> PageMeta:
    """The date a publication line shows, when the markup gave none or only a day.

    A day alone (from the URL or a date-only tag) yields to a shown date and
    time within a day of it: the page says when on which day, in its own zone.
    """
    if not shown:
        return meta
    seen, stated = shown[0], meta.published
    if stated is None:
        return replace(meta, published=seen)
    if stated.tzinfo is not None or stated.time() != _MIDNIGHT or seen.time() == _MIDNIGHT:
        return meta
    near = abs(seen.replace(tzinfo=None) - stated) <= _ONE_DAY
    return replace(meta, published=seen) if near else meta


def _field_line(text: str, fields: tuple[FieldRule, ...], *, dated: bool) -> MetaLine | None:
    """A field rule's match; above the body also a date line (``CoinDesk2015/01/01 00:00``)."""
    for rule in fields if may_be_field(text, fields) else ():
        value = rule.value(text)
        if value:
            return MetaLine(rule.field, value, rule.id)
    if not dated:
        return None
    line = read_meta_line(text, fields, None)
    if line is None or line.date is None:
        return None
    if line.rule != _TEXT_DATELINE:
        return line  # a byline with its date ("By Jane Doe, May 5, 2023")
    return MetaLine(line.field, line.value, _HTML_DATELINE, line.date)


def _fill(meta: PageMeta, found: dict[str, str]) -> PageMeta:
    stated = meta.authors  # by the markup, before a visible byline adds its names
    if "authors" in found:
        read = clean_authors(found["authors"])
        if not meta.authors or _label_left_on(meta.authors, read) or _names_people(meta, read):
            meta = replace(meta, authors=read)
    if "source" in found and meta.source is None:
        meta = replace(meta, source=found["source"])
    if "publisher" in found and meta.publisher is None and not _signs(found["publisher"], stated):
        meta = replace(meta, publisher=found["publisher"])
    if "summary" in found and meta.summary is None:
        meta = replace(meta, summary=found["summary"])
    # The platform account credited as author is the publisher, not a person.
    accounts = {meta.publisher, meta.site_name} - {None}
    if accounts & set(meta.authors):
        meta = replace(meta, authors=tuple(a for a in meta.authors if a not in accounts))
    return meta


def _names_people(meta: PageMeta, read: tuple[str, ...]) -> bool:
    """The markup credits only an organisation where the visible byline names a person."""
    return all(map(is_organisation, meta.authors)) and any(map(looks_like_person, read))


def _signs(name: str, stated: tuple[str, ...]) -> bool:
    """The name glued to a date line is an author the markup states: a dated byline, not an
    account (a visible ``作者:`` line naming the same account does not make it a person)."""
    key = name.casefold()
    return looks_like_person(name) and any(a.casefold() == key for a in stated)


def _label_left_on(stated: tuple[str, ...], read: tuple[str, ...]) -> bool:
    """The stated names are the byline rule's names with a label before them (``Автор: …``)."""
    if len(stated) != len(read) or stated == read:
        return False
    return all(s.endswith(r) for s, r in zip(stated, read, strict=True))


def mark_standfirst(walked: Walked, labels: list[Label], meta: PageMeta) -> PageMeta:
    """A standfirst above the body becomes the summary; its repeats are duplicates.

    The standfirst is the text of ``meta.summary`` or, without one, a line
    repeated right after itself. Its copies above the first other solid
    paragraph are taken when the page shows it twice or already marks it as
    chrome; a lone body copy of the page's description is its
    first paragraph and stays. As on the text path: the first copy is
    ``metadata``, the others ``duplicate``.
    """
    segments = walked.segments
    text = meta.summary or _repeated_line(walked, labels)
    if not text:
        return meta
    key = _key(text)
    head = key[:1]  # a copy's first character, case folded, starts its key
    copies = [
        i
        for i, seg in enumerate(segments)
        if seg.text.lstrip()[:1].casefold()[:1] == head and _key(seg.text) == key
    ]
    solid = (i for i, lab in enumerate(labels) if lab.is_body and is_solid(segments[i]))
    start = next((i for i in solid if i not in copies), len(labels))
    copies = [i for i in copies if i < start and segments[i].kind != "heading"]
    if not copies or (len(copies) < 2 and labels[copies[0]].is_body):
        return meta
    labels[copies[0]] = Label("metadata", "html.standfirst")
    for index in copies[1:]:
        labels[index] = Label("duplicate", "html.duplicate")
    return meta if meta.summary else replace(meta, summary=segments[copies[0]].text)


def _repeated_line(walked: Walked, labels: list[Label]) -> str | None:
    """A line shown twice in a row above the first solid paragraph, as body or metadata."""
    segments = walked.segments
    for index in range(1, len(segments)):
        seg, prev = segments[index], segments[index - 1]
        if labels[index].is_body and is_solid(seg) and seg.text != prev.text:
            return None
        if (
            seg.kind == "heading"
            or seg.text != prev.text
            or len(seg.text.encode("utf-8")) < _MIN_STANDFIRST
        ):
            continue
        if labels[index].reason in _LEAD and labels[index - 1].reason in _LEAD:
            return seg.text
    return None


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()
