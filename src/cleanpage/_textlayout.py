"""Where things are in a text capture: the body, the headline and the header around it.

The body is the densest run of prose lines (a maximum-sum run, where prose
lines gain their width and short lines or metadata lines cost a little, so a
heading between paragraphs stays in while a menu of thirty links does not).
Walking up from the body's first line, past bylines, datelines and a
standfirst, the first headline-like line is the title; everything above it is
page chrome. Lines after the body are chrome too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Final

from ._classify import apply_scopes
from ._header import MetaLine, headline_like, is_prose, width
from ._model import Reason
from ._rules import Rule
from ._segments import Label, Segment

SHORT_COST: Final = 60
"""What a short, non-prose line costs the body run (in characters of prose)."""
META_COST: Final = 60
"""What a byline or dateline costs the body run: the header usually sits just above it."""
HEADER_BONUS: Final = 300
"""Extra weight for the first prose line under a byline or dateline (the article's opening)."""
WALK_LIMIT: Final = 12
"""How many lines above the body the headline is looked for."""
OUTSIDE_COST: Final = 100
"""What a line cut as footer, comments or related costs: they come after the body."""
CUT_COST: Final = 5
"""What any other cut line costs (a share bar or promo inside the body costs little)."""
_OUTSIDE: Final[frozenset[Reason]] = frozenset({"footer", "comments", "related"})


@dataclass(slots=True)
class Draft:
    """A capture as it is being read: a label per line so far, and the metadata found."""

    segments: Sequence[Segment]
    matches: Sequence[Rule | None]
    labels: list[Label | None]
    metas: list[MetaLine | None]
    title: str | None = None
    summary: str | None = None
    found: list[MetaLine] = field(default_factory=list)

    def cut(self, i: int, reason: Reason, rule: str) -> None:
        self.labels[i] = Label(reason, rule)

    def undecided(self, start: int, stop: int, step: int = 1) -> list[int]:
        return [i for i in range(start, stop, step) if self.labels[i] is None]

    def text(self, i: int) -> str:
        return self.segments[i].text


def read_layout(d: Draft) -> None:
    """Label the headline, header, chrome and metadata lines; what stays undecided is body."""
    core = _body_core(d)
    if core is None:
        return
    first, last = core
    resumes = _resumes(d.segments, d.matches)
    d.labels[:] = apply_scopes(d.segments, d.matches, sections_from=first, resumes=resumes)
    title = _find_title(d, first)
    start = first
    if title is not None:
        d.title = d.text(title)
        d.cut(title, "metadata", "text.title")
        start = max(first, _scan_header(d, title + 1))
        above = title
    else:
        above = first
    _consume_metadata(d, range(0, len(d.segments)))
    start = _heading_before(d, start, above)
    for i in d.undecided(0, start):
        d.cut(i, "navigation", "generic.header-zone")
    for i in d.undecided(last + 1, len(d.segments)):
        d.cut(i, "other", "generic.tail-chrome")


def section_labels(
    segments: Sequence[Segment], matches: Sequence[Rule | None]
) -> list[Label | None]:
    """Rule labels with every section ("related" list) widened until the article resumes."""
    return apply_scopes(segments, matches, resumes=_resumes(segments, matches))


def _resumes(segments: Sequence[Segment], matches: Sequence[Rule | None]) -> Callable[[int], bool]:
    """Whether the article resumes at a line: it and the next unmatched line are prose.

    A "related" list alternates titles, teasers and datelines; two prose lines in
    a row mean the list was a widget inside the article, which goes on.
    """

    def resumes(i: int) -> bool:
        if not is_prose(segments[i].text):
            return False
        after = next((j for j in range(i + 1, len(segments)) if matches[j] is None), None)
        return after is not None and is_prose(segments[after].text)

    return resumes


def _weight(d: Draft, i: int) -> int:
    label = d.labels[i]
    if label is not None:
        if label.span >= 0 and label.span != i:
            return 0  # a box costs once, at its first line
        return -OUTSIDE_COST if label.reason in _OUTSIDE else -CUT_COST
    if d.metas[i] is not None:
        return -META_COST
    segment = d.segments[i]
    if is_prose(segment.text):
        return width(segment.text)
    if segment.kind in ("list_item", "quote") and len(segment.text) >= 15:
        return width(segment.text) // 2
    return -SHORT_COST


def _body_core(d: Draft) -> tuple[int, int] | None:
    """First and last line of the maximum-weight run of lines (Kadane's algorithm)."""
    weights = [_weight(d, i) for i in range(len(d.segments))]
    opening = _opening(d, weights)
    if opening is not None:
        weights[opening] += HEADER_BONUS
    best, best_span = 0, None
    run, run_start = 0, 0
    for i, weight in enumerate(weights):
        run += weight
        if run <= 0:
            run, run_start = 0, i + 1
        elif run > best:
            best, best_span = run, (run_start, i)
    if best_span is None:
        undecided = d.undecided(0, len(d.segments))
        return (undecided[0], undecided[-1]) if undecided else None
    first, last = best_span
    while d.labels[first] is not None or weights[first] <= 0:
        first += 1
    return first, _more_sections(d, weights, first, last)


def _more_sections(d: Draft, weights: Sequence[int], first: int, last: int) -> int:
    """The end of the body, taken on through the short sections after it (a subheading and
    prose, which cost more than they weigh in the maximum-sum run). Lines cut by a rule (a
    share bar, a newsletter box) may sit in between and cost nothing here. The sections
    are the article's when the body has subheadings of its own, when nothing but cut
    lines and metadata lines follows them (the capture ends with them), or when they
    weigh more than they cost once the cut lines are left out."""
    end, gain = last, 0
    at = _next_kept(d, last)
    while at is not None and _subheading(d, weights, at):
        gain += weights[at]
        at = _next_kept(d, at)
        while at is not None and weights[at] > 0:
            gain += weights[at]
            end, at = at, _next_kept(d, at)
    if end == last:
        return last
    if (
        gain > 0
        or _nothing_after(d, end)
        or any(_subheading(d, weights, i) for i in range(first, last))
    ):
        return end
    return last


def _nothing_after(d: Draft, i: int) -> bool:
    """Whether every line after ``i`` was cut by a rule or is a metadata line."""
    return all(
        d.labels[j] is not None or d.metas[j] is not None for j in range(i + 1, len(d.segments))
    )


def _subheading(d: Draft, weights: Sequence[int], i: int) -> bool:
    """A short, headline-like line right above prose (rule-cut lines aside)."""
    if weights[i] >= 0 or d.labels[i] is not None or d.metas[i] is not None:
        return False
    after = _next_kept(d, i)
    return (
        headline_like(d.text(i))
        and after is not None
        and d.metas[after] is None
        and is_prose(d.text(after))
    )


def _next_kept(d: Draft, i: int) -> int | None:
    """The next line after ``i`` that no rule cut, unless a footer, comments or related
    list comes first (the article is over)."""
    for j in range(i + 1, len(d.segments)):
        label = d.labels[j]
        if label is None:
            return j
        if label.reason in _OUTSIDE:
            return None
    return None


def _opening(d: Draft, weights: Sequence[int]) -> int | None:
    """The first prose line right under a byline or dateline: where an article starts."""
    undecided = d.undecided(0, len(d.segments))
    for before, here in pairwise(undecided):
        if d.metas[before] is not None and weights[here] > 0:
            return here
    return None


def _find_title(d: Draft, first: int) -> int | None:
    """The headline, walking up from the body past at most two prose lines (a standfirst).

    Above a byline or dateline, the first headline-like line is the title;
    with no metadata lines, the widest of the headline-like lines met.
    """
    candidates: list[int] = []
    metas_seen = False
    prose_seen = 0
    for i in d.undecided(first - 1, -1, -1)[:WALK_LIMIT]:
        if d.metas[i] is not None:
            metas_seen = True
        elif is_prose(d.text(i)):
            prose_seen += 1
            if prose_seen > 2 or (candidates and not metas_seen):
                break
        elif headline_like(d.text(i)):
            if metas_seen:
                return _first_of_repeat(d, i)
            candidates.append(i)
    if not candidates:
        return None
    return _first_of_repeat(d, max(candidates, key=lambda i: (width(d.text(i)), -i)))


def _first_of_repeat(d: Draft, i: int) -> int:
    """A headline shown twice in a row: the first is the title, the second its repeat."""
    above = d.undecided(i - 1, -1, -1)[:1]
    if above and d.text(above[0]) == d.text(i):
        d.cut(i, "duplicate", "text.repeat")
        return above[0]
    return i


def _scan_header(d: Draft, start: int) -> int:
    """Label repeats, metadata lines and a standfirst after the headline; return the body start."""
    rest = d.undecided(start, len(d.segments))
    for pos, i in enumerate(rest):
        text, meta = d.text(i), d.metas[i]
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


def _standfirst(d: Draft, following: Sequence[int], text: str) -> bool:
    """A lede set apart: repeated right away, or followed by more header metadata."""
    if not following or len(text) > 500:
        return False
    return d.text(following[0]) == text or any(d.metas[i] for i in following)


def _consume_metadata(d: Draft, lines: range) -> None:
    """Bylines, credits and datelines outside the header are metadata too."""
    for i in lines:
        meta = d.metas[i]
        if meta is not None and d.labels[i] is None:
            d.found.append(meta)
            d.cut(i, "metadata", meta.rule)


def _heading_before(d: Draft, start: int, above: int) -> int:
    """Move the body start up over a heading just above its first paragraph."""
    before = d.undecided(start - 1, above, -1)[:1]
    if before and headline_like(d.text(before[0])) and not d.undecided(before[0] + 1, start):
        return before[0]
    return start
