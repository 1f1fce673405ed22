"""Reading the metadata lines of a text capture: bylines, source credits, datelines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Final

from ._dates import find_date
from ._patterns import keys, starts
from ._rules import FieldName, FieldRule

_SENTENCE_END: Final = re.compile(r"[。.!\uff01?\uff1f;\uff1b]\s*$")
_PROSE_END: Final = re.compile(r"[。.!\uff01;\uff1b\u06d4\u0964\u061f][\"”’」』)\uff09]?\s*$")
_SENTENCE_BREAK: Final = re.compile(r"[。!\uff01;\uff1b\u06d4\u0964]|[.!?\u061f] \S")
_WIDE: Final = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)
_TRUNCATED: Final = re.compile(r"(?:\.\.\.|…)\s*$")
_LABEL_END: Final = re.compile(r"[。.,\uff0c;\uff1b:\uff1a]\s*$")
_NAMED_GROUP: Final = re.compile(r"\(\?P<\w+>")
_PREFIX_TRIM: Final = " ·|-—:\uff1a,\uff0c"


MAX_FIELD_LINE: Final = 600
"""Longest line read as a labelled field ("Summary: …" can be long)."""
MAX_DATELINE: Final = 120
"""Longest line read as a dateline."""


@dataclass(frozen=True, slots=True)
class MetaLine:
    """A line that is metadata: which field it feeds, and the value it gives."""

    field: FieldName
    value: str
    rule: str
    date: datetime | None = None


def read_meta_line(text: str, fields: Sequence[FieldRule], now: datetime | None) -> MetaLine | None:
    """What metadata ``text`` carries, if it is a byline, credit, standfirst or dateline."""
    if len(text) > MAX_FIELD_LINE:
        return None
    field = _field_line(text, fields, now)
    if field is not None or len(text) > MAX_DATELINE:
        return field
    return _dateline(text, fields, now)


def may_be_field(text: str, fields: tuple[FieldRule, ...]) -> bool:
    """Whether any field rule could match ``text``: only the rules whose matches start with
    the line's first characters are tried (most lines have none)."""
    screen = _screen(fields)
    head = keys(text[:2])
    for key in (head, head[:1]) if len(head) > 1 else (head,):
        pattern = screen.by_start.get(key)
        if pattern is not None and pattern.fullmatch(text):
            return True
    return screen.rest.fullmatch(text) is not None


@dataclass(frozen=True, slots=True)
class _Screen:
    """The field rules' patterns, joined by the keys (:func:`starts`) their matches start
    with: two characters, or one where a pattern's second cannot be told."""

    by_start: dict[str, re.Pattern[str]]
    rest: re.Pattern[str]
    """The patterns whose start cannot be told (``[가-힣]``: too many characters), joined."""


@cache
def _screen(fields: tuple[FieldRule, ...]) -> _Screen:
    by_start: dict[str, list[FieldRule]] = {}
    rest: list[FieldRule] = []
    for rule in fields:
        pattern = rule.pattern.pattern
        heads = starts(pattern, 2) or starts(pattern, 1)
        if heads is None:
            rest.append(rule)
        for head in heads or ():
            by_start.setdefault(head, []).append(rule)
    joined = {head: _joined(tuple(rules)) for head, rules in by_start.items()}
    return _Screen(joined, _joined(tuple(rest)))


def _joined(fields: tuple[FieldRule, ...]) -> re.Pattern[str]:
    patterns = (_NAMED_GROUP.sub("(?:", f.pattern.pattern) for f in fields)
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)
    except re.error:  # a pattern that cannot be joined: let every line through
        return re.compile(r"(?s:.*)")


def _field_line(text: str, fields: Sequence[FieldRule], now: datetime | None) -> MetaLine | None:
    if not may_be_field(text, tuple(fields)):
        return None
    for rule in fields:
        value = rule.value(text)
        if value is None:
            continue
        if rule.field in ("published", "updated"):
            found = find_date(value, now=now)
            if found is None:
                continue
            return MetaLine(rule.field, "", rule.id, found.value)
        return MetaLine(rule.field, value, rule.id)
    return None


def _dateline(text: str, fields: Sequence[FieldRule], now: datetime | None) -> MetaLine | None:
    """A date after a byline, or glued to the publisher: ``ForesightNews2025/11/19 08:51``."""
    found = find_date(text, now=now)
    if found is None:
        return None
    prefix = text[: found.start].strip(_PREFIX_TRIM)
    rest = text[found.end :].strip()
    if len(prefix) > 60 or len(rest) > 16 or _SENTENCE_END.search(prefix):
        return None
    if text[: found.start].rstrip().endswith((":", "\uff1a")):
        prefix = ""  # a label such as "Date:", not a publisher
    byline = _field_line(prefix, fields, now) if prefix else None
    if byline is not None and byline.date is None:
        return MetaLine(byline.field, byline.value, byline.rule, found.value)
    prefix = _undouble(prefix)
    if len(prefix) > 40:
        return None
    return MetaLine("publisher", prefix, "text.dateline", found.value)


def _undouble(name: str) -> str:
    """``ForesightNewsForesightNews`` (name and account shown side by side) → ``ForesightNews``."""
    half = len(name) // 2
    if len(name) % 2 == 0 and name[:half] == name[half:]:
        return name[:half]
    return name


def is_prose(text: str) -> bool:
    """Reads as a sentence or more, not a label, a name or a headline.

    A sentence is measured by its display width, so that ten Chinese
    characters count like twenty Latin letters (``亚马逊股价收跌1%。`` is a sentence).
    """
    if _TRUNCATED.search(text):
        return False  # a teaser cut short ("…"), as in lists of other articles
    if len(text) >= 10 and _PROSE_END.search(text) and (len(text) >= 20 or width(text) >= 20):
        return True
    return len(text) >= 130 and _SENTENCE_BREAK.search(text) is not None


def width(text: str) -> int:
    """Display width: a CJK (wide or full-width) character counts as two."""
    return len(text) + len(_WIDE.findall(text))


def headline_like(text: str) -> bool:
    """Could be a headline: short, and not ending like a sentence or a label."""
    return 2 <= len(text) <= 200 and not _LABEL_END.search(text)
