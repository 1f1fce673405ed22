"""The text-capture path (placeholder)."""

from __future__ import annotations

from ._options import Options
from ._rules import RuleSet
from ._segments import Label, LabelledPage, PageMeta, Segment


def extract_text(text: str, *, url: str | None, options: Options, rules: RuleSet) -> LabelledPage:
    segments = tuple(Segment(line.strip()) for line in text.splitlines() if line.strip())
    return LabelledPage(segments, tuple(Label(None, "text.placeholder") for _ in segments), PageMeta())
