"""Metadata lines in the page's visible text: bylines, source credits, standfirsts.

Lines near the article (a few before its first solid paragraph, and short
lines inside it) are tried against the lexicons' field rules
(``rules.fields``, e.g. ``撰文:张三`` or ``Source: Reuters``). A line that
matches is metadata, not body: its label names the field rule, and its value
fills the matching :class:`PageMeta` field when the page's markup left it empty.
"""

from __future__ import annotations

from dataclasses import replace

from ._html_label import is_solid
from ._html_segment import Walked
from ._people import clean_authors
from ._rules import FieldRule
from ._segments import Label, PageMeta

_BEFORE = 15
_AFTER = 3
_MAX_CHARS = 160


def read_fields(
    walked: Walked, labels: list[Label], fields: tuple[FieldRule, ...], meta: PageMeta
) -> PageMeta:
    """Relabel metadata lines around the body (in place) and fill empty ``meta`` fields."""
    body = [i for i, label in enumerate(labels) if label.is_body]
    if not fields or not body:
        return meta
    found: dict[str, str] = {}
    start, stop = max(0, body[0] - _BEFORE), min(len(labels), body[-1] + _AFTER + 1)
    for index in range(start, stop):
        seg = walked.segments[index]
        if len(seg.text) > _MAX_CHARS or (labels[index].is_body and is_solid(seg)):
            continue
        for rule in fields:
            value = rule.value(seg.text)
            if value:
                labels[index] = Label("metadata", rule.id)
                found.setdefault(rule.field, value)
                break
    return _fill(meta, found)


def _fill(meta: PageMeta, found: dict[str, str]) -> PageMeta:
    if "authors" in found and not meta.authors:
        meta = replace(meta, authors=clean_authors(found["authors"]))
    if "source" in found and meta.source is None:
        meta = replace(meta, source=found["source"])
    if "publisher" in found and meta.publisher is None:
        meta = replace(meta, publisher=found["publisher"])
    if "summary" in found and meta.summary is None:
        meta = replace(meta, summary=found["summary"])
    return meta
