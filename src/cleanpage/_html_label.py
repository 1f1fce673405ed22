"""Labelling HTML segments: body, or cut with a reason and the rule behind it.

Inside the article region a segment is cut when it lies in a chrome element
below the region's root (``html.tokens.<reason>`` / ``html.tag.<tag>``), when a
lexicon rule matches it (the rule's id and category; ``group``/``section``
rules also cut what follows in the same container), or when it is mostly
links (``html.link-density``). Outside the region every segment is cut: for
the chrome element it lies in, for a lexicon rule, or as ``html.boundary``.

Span ids make one element's cuts one ``Removed`` entry: cuts for a chrome
element use ``2 * element``, boundary cuts ``2 * container + 1``, and
section cuts one id per firing above both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from ._header import is_prose
from ._html_roots import LEAF_TAGS
from ._html_segment import RawSegment, Walked
from ._html_select import Region, container_of
from ._model import Reason
from ._rules import Rule
from ._segments import Label

Match = Callable[[str], Rule | None]
"""The first lexicon rule a line matches (:meth:`Lexicon.first_match`, memoised per page)."""
_LINK_CUT: Final = 0.5
_LONG: Final = 40
_URL_STARTS: Final = ("http://", "https://", "www.")
_SOLID_BYTES: Final = 60
_EDGE_MAX: Final = 6
_STRUCTURED: Final = frozenset({"list_item", "table", "code"})
_BODY: Final = Label(None, "html.body")


def subtree_ends(parent: tuple[int, ...]) -> list[int]:
    """For each element, one past the index of its last descendant (document order)."""
    ends = list(range(1, len(parent) + 1))
    for node in range(len(parent) - 1, 0, -1):
        up = parent[node]
        if ends[node] > ends[up]:  # noqa: PLR1730 - max() is three times slower here
            ends[up] = ends[node]
    return ends


def label_segments(walked: Walked, region: Region, match: Match) -> list[Label]:
    """One label per segment of ``walked``, in order."""
    labels = _first_pass(walked, region, match)
    _trim_edges(walked, labels)
    return labels


def headed_boxes(walked: Walked, match: Match, heads: Match) -> dict[int, Reason]:
    """Boxes whose first line is a lexicon header ("You may also like"): box -> reason.

    Only ``group``/``section`` rules count, and only on a box's first leaf
    line; the selection then treats the box as chrome, so that its teasers
    cannot outweigh the article's paragraphs. ``heads`` matches those rules
    alone: a line none of them matches heads no box, and a lexicon of them is
    about half as dear to ask as the whole (``match``, which then says whether
    such a rule is the line's first).
    """
    found: dict[int, Reason] = {}
    seen: set[int] = set()
    tags, parent = walked.skeleton.tag, walked.skeleton.parent
    for seg in walked.segments:
        box = parent[seg.node]  # the container, for a leaf block (see ``container_of``)
        if box in seen or box < 0 or tags[seg.node] not in LEAF_TAGS:
            continue
        seen.add(box)
        if heads(seg.text) is None:
            continue
        rule = match(seg.text)
        if rule is not None and rule.scope != "line":
            found[box] = rule.category
    return found


def is_solid(seg: RawSegment) -> bool:
    """Body text that stands on its own: a sentence or more, few links.

    Length is counted in UTF-8 bytes, so that a CJK sentence (three bytes a
    character) weighs like an English one of the same content.
    """
    size = len(seg.text)
    if seg.kind == "heading" or seg.link_chars * 2 > size:
        return False
    return size >= _SOLID_BYTES or len(seg.text.encode("utf-8")) >= _SOLID_BYTES


def _trim_edges(walked: Walked, labels: list[Label]) -> None:
    """A few short body lines before the first or after the last solid paragraph are cut.

    What frames an article inside its container — kicker, byline, date line,
    "Tell us what you think", "Advert" — is a handful of short lines; what is
    between two solid paragraphs (subheadings, short lines) is kept (jusText's
    revision by neighbours, at the region's edges only). Lists, tables and
    code are never trimmed, nor a paragraph that reads as a sentence (a short
    first paragraph), nor a long run of short lines (a calendar, a poem):
    that is content of its own.
    """
    body = [i for i, label in enumerate(labels) if label.reason is None]  # is_body
    if not any(is_solid(walked.segments[i]) for i in body):
        return
    first = next(i for i in body if _content(walked.segments[i]))
    last = next(i for i in reversed(body) if _content(walked.segments[i]))
    lead = [i for i in body if i < first]
    tail = [i for i in body if i > last]
    for run, label in ((lead, Label("metadata", "html.lead")), (tail, Label("other", "html.tail"))):
        if len(run) <= _EDGE_MAX:
            for index in run:
                labels[index] = label


def _content(seg: RawSegment) -> bool:
    """Never trimmed: a solid paragraph, a sentence, a list, table or code block."""
    if seg.kind in _STRUCTURED:
        return True
    return is_solid(seg) or (seg.kind == "paragraph" and is_prose(seg.text))


def _first_pass(walked: Walked, region: Region, match: Match) -> list[Label]:
    labels: list[Label] = []
    inside, chrome = region.inside, region.chrome
    ends: list[int] = []  # subtree ends, read once a section is cut
    section = -1
    section_label = Label(None, "")
    seen: set[str] = set()
    known: dict[int, Label] = {}  # chrome labels by element, boundary labels by ``~owner``
    for index, seg in enumerate(walked.segments):
        # Repeats of a long text (a caption shown twice, a pull quote) are
        # duplicates; short lines legitimately recur in lists and recipes.
        repeated = False
        if len(seg.text) >= _LONG:
            repeated = seg.text in seen
            seen.add(seg.text)
        node = seg.node
        if section >= 0 and section <= node < ends[section] and seg.kind != "heading":
            labels.append(section_label)
            continue
        section = -1
        if not inside[node]:
            key = chrome[node] if chrome[node] >= 0 else ~node
            labels.append(known.get(key) or _outside(walked, region, node, known))
            continue
        label, rule = _inside(walked, region, match, seg, known)
        if label.is_body and repeated:
            label = Label("duplicate", "html.duplicate")
        if rule is not None and rule.scope != "line":
            ends = ends or subtree_ends(walked.skeleton.parent)
            section = container_of(walked, node)
            label = Label(rule.category, rule.id, 2 * len(ends) + index)
            section_label = label
        labels.append(label)
    return labels


def _in_chrome(region: Region, node: int) -> bool:
    chrome = region.chrome[node]
    return chrome >= 0 and chrome not in region.roots and region.inside[chrome]


def _chrome_label(walked: Walked, region: Region, node: int, known: dict[int, Label]) -> Label:
    """The label of what lies in chrome element ``node`` (kept in ``known`` by ``node``)."""
    label = known.get(node)
    if label is None:
        reason = region.reasons[node] or "other"
        tag = walked.skeleton.tag[node]
        rule = f"html.tag.{tag}" if node in region.by_tag else f"html.tokens.{reason}"
        label = known[node] = Label(reason, rule, 2 * node)
    return label


def _inside(
    walked: Walked, region: Region, match: Match, seg: RawSegment, known: dict[int, Label]
) -> tuple[Label, Rule | None]:
    """Label for a segment in the region.

    Every line meets the lexicon whatever its place or length: each rule's own
    ``max_chars`` says how long a line it may cut (a disclaimer paragraph is
    long), and the lexicon's prefilter keeps that cheap.
    """
    if _in_chrome(region, seg.node):
        return _chrome_label(walked, region, region.chrome[seg.node], known), None
    if seg.link_chars > _LINK_CUT * len(seg.text) and seg.kind != "heading" and not _bare_url(seg):
        span = 2 * container_of(walked, seg.node) + 1
        return Label("related", "html.link-density", span), None
    rule = match(seg.text)
    if rule is not None:
        return Label(rule.category, rule.id), rule
    return _BODY, None


def _bare_url(seg: RawSegment) -> bool:
    """A link shown as its own address is a reference the author printed, not navigation."""
    return seg.text.startswith(_URL_STARTS) and " " not in seg.text


def _outside(walked: Walked, region: Region, node: int, known: dict[int, Label]) -> Label:
    """The label of what element ``node`` owns outside the region (a boundary label is kept
    in ``known`` by ``~node``)."""
    chrome = region.chrome[node]
    if chrome >= 0:
        return _chrome_label(walked, region, chrome, known)
    label = known[~node] = Label("other", "html.boundary", 2 * container_of(walked, node) + 1)
    return label
