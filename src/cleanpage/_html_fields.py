"""Metadata lines in the page's visible text: bylines, source credits, standfirsts.

Lines near the article (a few before its first solid paragraph, and short
lines inside it) are tried against the lexicons' field rules
(``rules.fields``, e.g. ``撰文:张三`` or ``Source: Reuters``). A line that
matches is metadata, not body: its label names the field rule, and its value
fills the matching :class:`PageMeta` field when the page's markup left it empty.
"""

from __future__ import annotations

from dataclasses import replace

from ._header import MetaLine, may_be_field, read_meta_line
from ._html_label import is_solid
from ._html_segment import Walked
from ._model import Reason
from ._people import clean_authors
from ._rules import FieldRule
from ._segments import Label, PageMeta

_BEFORE = 15
_AFTER = 3
_MAX_CHARS = 160
_MIN_STANDFIRST = 40
"""Shortest repeated line read as a standfirst, in UTF-8 bytes (a CJK character is three)."""
_TEXT_DATELINE = "text.dateline"
_LEAD: frozenset[Reason | None] = frozenset({None, "metadata", "duplicate"})


def read_fields(
    walked: Walked, labels: list[Label], fields: tuple[FieldRule, ...], meta: PageMeta
) -> PageMeta:
    """Relabel metadata lines around the body (in place) and fill empty ``meta`` fields."""
    body = [i for i, label in enumerate(labels) if label.is_body]
    if not fields or not body:
        return meta
    found: dict[str, str] = {}
    start, stop = max(0, body[0] - _BEFORE), min(len(labels), body[-1] + _AFTER + 1)
    lead = next((i for i in body if is_solid(walked.segments[i])), body[0])
    for index in range(start, stop):
        seg = walked.segments[index]
        if len(seg.text) > _MAX_CHARS or (labels[index].is_body and is_solid(seg)):
            continue
        line = _field_line(seg.text, fields, dated=index < lead)
        if line is not None:
            labels[index] = Label("metadata", line.rule)
            if line.value:
                found.setdefault(line.field, line.value)
    return _fill(meta, found)


def _field_line(text: str, fields: tuple[FieldRule, ...], *, dated: bool) -> MetaLine | None:
    """A field rule's match; above the body also a date line (``CoinDesk2015/01/01 00:00``)."""
    for rule in fields if may_be_field(text, fields) else ():
        value = rule.value(text)
        if value:
            return MetaLine(rule.field, value, rule.id)
    if not dated:
        return None
    line = read_meta_line(text, fields, None)
    if line is None or line.rule != _TEXT_DATELINE:
        return None
    return MetaLine(line.field, line.value, "html.dateline", line.date)


def _fill(meta: PageMeta, found: dict[str, str]) -> PageMeta:
    if "authors" in found:
        read = clean_authors(found["authors"])
        if not meta.authors or _label_left_on(meta.authors, read):
            meta = replace(meta, authors=read)
    if "source" in found and meta.source is None:
        meta = replace(meta, source=found["source"])
    if "publisher" in found and meta.publisher is None:
        meta = replace(meta, publisher=found["publisher"])
    if "summary" in found and meta.summary is None:
        meta = replace(meta, summary=found["summary"])
    # The platform account credited as author is the publisher, not a person.
    accounts = {meta.publisher, meta.site_name} - {None}
    if accounts & set(meta.authors):
        meta = replace(meta, authors=tuple(a for a in meta.authors if a not in accounts))
    return meta


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
    copies = [i for i, seg in enumerate(segments) if _key(seg.text) == key]
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
