"""Context-free classification: lexicon and site rules label the segments they recognise."""

from __future__ import annotations

from collections.abc import Sequence

from ._model import Reason
from ._rules import Rule
from ._segments import Label, Segment

# Inside a "related" section, only these end it (a counter or share icon stays in the list).
_SECTION_BREAKERS: frozenset[Reason] = frozenset(
    {"related", "disclaimer", "promo", "footer", "cookie", "newsletter", "comments"}
)


def apply_rules(segments: Sequence[Segment], rules: Sequence[Rule]) -> list[Label | None]:
    """A label per segment: the first rule that recognises it, or ``None`` (undecided).

    A rule's scope widens its cut: ``group`` to the rest of the segment's group
    (a promo box), ``section`` to the following segments until another rule of
    a breaking category fires (a "related" list). Widened cuts share a span id,
    so they are reported as one removal.
    """
    labels: list[Label | None] = [None] * len(segments)
    section: Label | None = None
    for i, segment in enumerate(segments):
        if labels[i] is not None:
            continue
        rule = next((r for r in rules if r.matches(segment.text)), None)
        if section is not None and (rule is None or rule.category not in _SECTION_BREAKERS):
            labels[i] = section
            continue
        if rule is None:
            continue
        label = Label(rule.category, rule.id, span=i)
        section = label if rule.scope == "section" else None
        labels[i] = label
        if rule.scope == "group":
            for j in range(i + 1, len(segments)):
                if segments[j].group != segment.group:
                    break
                labels[j] = label
    return labels
