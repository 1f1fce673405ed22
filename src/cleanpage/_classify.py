"""Context-free classification: lexicon and site rules label the segments they recognise."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from ._lexicon import build_lexicon
from ._model import Reason
from ._rules import Rule
from ._segments import Label, Segment

GROUP_LIMIT: Final = 8
"""A box (promo, newsletter) cut with ``group`` scope reaches at most this many lines on."""

# Inside a "related" section, only these end it (a counter or share icon stays in the list).
_SECTION_BREAKERS: Final[frozenset[Reason]] = frozenset(
    {"related", "disclaimer", "promo", "footer", "cookie", "newsletter", "comments"}
)


def match_rules(
    segments: Sequence[Segment], rules: tuple[Rule, ...], site_rules: tuple[Rule, ...] = ()
) -> list[Rule | None]:
    """The first rule that recognises each segment, or ``None``; a site's own rules go first."""
    lexicon = build_lexicon(rules)
    return [
        next((r for r in site_rules if r.matches(s.text)), None) or lexicon.first_match(s.text)
        for s in segments
    ]


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
