"""Context-free classification: lexicon and site rules label the segments they recognise."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from ._model import Reason
from ._rules import Rule, menu_key, top_level_bar
from ._segments import Label, Segment

GROUP_LIMIT = 8
"""A box (promo, newsletter) cut with ``group`` scope reaches at most this many lines on."""

# Inside a "related" section, only these end it (a counter or share icon stays in the list).
_SECTION_BREAKERS: frozenset[Reason] = frozenset(
    {"related", "disclaimer", "promo", "footer", "cookie", "newsletter", "comments"}
)


def match_rules(segments: Sequence[Segment], rules: tuple[Rule, ...]) -> list[Rule | None]:
    """The first rule that recognises each segment, or ``None``."""
    buckets = _buckets(rules)
    limits = [bucket.max_chars for bucket in buckets]
    found: list[Rule | None] = []
    for segment in segments:
        text = segment.text
        at = bisect_left(limits, len(text))
        bucket = buckets[at] if at < len(buckets) else None
        if bucket is None or not bucket.may_match(text):
            found.append(None)
        else:
            found.append(next((r for r in bucket.rules if r.matches(text)), None))
    return found


@dataclass(frozen=True, slots=True)
class _Bucket:
    """The rules that accept lines up to some length and over, with one joint prefilter."""

    max_chars: int
    rules: tuple[Rule, ...]
    anchored: re.Pattern[str]
    """Every pattern that can only match at the start of a line, joined (tried there only)."""
    floating: re.Pattern[str]
    """The other patterns, joined (searched)."""
    menus: tuple[Rule, ...]
    """The rules with menu ``terms``, which the prefilter does not cover."""

    def may_match(self, text: str) -> bool:
        if self.anchored.match(text) is not None or self.floating.search(text) is not None:
            return True
        if not self.menus:
            return False
        key = menu_key(text)
        return any(r.terms_pattern and r.terms_pattern.fullmatch(key) for r in self.menus)


@cache
def _buckets(rules: tuple[Rule, ...]) -> tuple[_Bucket, ...]:
    """For each distinct ``max_chars``: the rules that still apply to a line that long.

    Long lines (body paragraphs) then meet only the few rules written for long
    text, which keeps matching fast.
    """
    limits = sorted({r.max_chars for r in rules})
    buckets = []
    for limit in limits:
        applicable = tuple(r for r in rules if r.max_chars >= limit)
        menus = tuple(r for r in applicable if r.terms_pattern is not None)
        patterns = [p.pattern for r in applicable for p in r.patterns]
        anchored = _joined([p for p in patterns if _anchored(p)])
        floating = _joined([p for p in patterns if not _anchored(p)])
        buckets.append(_Bucket(limit, applicable, anchored, floating, menus))
    return tuple(buckets)


def apply_scopes(
    segments: Sequence[Segment],
    matches: Sequence[Rule | None],
    *,
    sections_from: int = 0,
    resumes: Callable[[int], bool] | None = None,
) -> list[Label | None]:
    """A label per segment from its matched rule, widened by the rule's scope.

    ``group`` widens a cut to the rest of the segment's group (a promo box, at
    most ``GROUP_LIMIT`` lines, and not past where ``resumes`` says the article
    resumes);
    ``section`` to the following segments until a breaking category fires (a
    "related" list) or until ``resumes(i)`` says the article resumes at
    segment ``i`` — for sections starting at ``sections_from`` or later;
    earlier section headers are cut alone. Widened cuts share a span id, so
    they are reported as one removal.
    """
    labels: list[Label | None] = [None] * len(segments)
    section: Label | None = None
    for i, (segment, rule) in enumerate(zip(segments, matches, strict=True)):
        if labels[i] is not None:
            continue
        if section is not None and rule is None and resumes is not None and resumes(i):
            section = None
        if section is not None and (rule is None or rule.category not in _SECTION_BREAKERS):
            labels[i] = section
            continue
        if rule is None:
            continue
        label = Label(rule.category, rule.id, span=i)
        labels[i] = label
        section = label if rule.scope == "section" and i >= sections_from else None
        if rule.scope == "group":
            for j in range(i + 1, min(i + 1 + GROUP_LIMIT, len(segments))):
                if segments[j].group != segment.group or (resumes is not None and resumes(j)):
                    break
                labels[j] = label
    return labels


def _joined(patterns: list[str]) -> re.Pattern[str]:
    """One pattern that matches wherever any of ``patterns`` does (most lines match none)."""
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)
    except re.error:  # a pattern with global inline flags cannot be joined: check each rule
        return re.compile("")


def _anchored(pattern: str) -> bool:
    """Starts with ``^`` and has no top-level ``|`` (so it can only match at position 0)."""
    return pattern.startswith("^") and not top_level_bar(pattern)
