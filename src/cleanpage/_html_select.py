"""Main-content selection: which block elements hold the article.

On the skeleton built by segmentation:

1. every prose segment (long enough, few links, a paragraph rather than a
   heading or list item, not inside chrome marked by tag or class/id tokens)
   scores its container and, decaying, the container's ancestors — the
   readability score; each element's score is discounted by the link density
   of its subtree, and the best element is the first guess at the root;
2. the root climbs to an ancestor while that adds several times more prose
   than anything else (short lines, links): an article whose paragraphs each
   sit in a wrapper of their own, or that is split into columns with an ad
   slot between them, is found whole;
3. siblings of the root that score well, or are prose paragraphs, join it;
4. a chrome mark on an element that holds half of the region's prose or more
   was a layout name (``<form>`` around an ASP.NET page, ``meta-details`` on
   the body wrapper): it is dropped and the selection runs again. Comment
   sections and cookie notices keep their mark however long they are.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from ._html_hints import HtmlHints
from ._html_segment import RawSegment, Walked
from ._model import Reason

LEAF_TAGS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "pre",
        "blockquote",
        "figcaption",
        "caption",
        "tr",
    ]
)
_MIN_PROSE = 25
_COMMAS = (",", "，", "、", "。", "；", ";")
_DECAY = (1.0, 0.5, 1 / 6, 1 / 9, 1 / 12)
_UNSCORED = frozenset({"heading", "list_item", "caption", "table"})
_EXPAND_RATIO = 4.0
_EXPAND_SLACK = 0
_LINK_JUNK = 1.0
_PLAIN_JUNK = 1.0
_NARROW_SHARE = 0.1
_WRAPPER_SHARE = 0.5
_PAGE_SHARE = 0.6
_NEVER_WRAPPERS: frozenset[Reason] = frozenset({"comments", "cookie"})
_SIBLING_SHARE = 0.2
_SIBLING_PROSE = 2.5


@dataclass(frozen=True, slots=True)
class Region:
    """Where the article is, and where the chrome is, per skeleton element."""

    roots: frozenset[int]
    inside: tuple[bool, ...]
    """Element lies in (or is) one of the roots."""
    chrome: tuple[int, ...]
    """The nearest element at or above this one marked as chrome, or -1."""
    reasons: tuple[Reason | None, ...]
    """Each element's own chrome reason (``None`` for none)."""
    by_tag: frozenset[int]
    """Elements that are chrome by their tag alone (``nav``, ``footer``, …)."""


def container_of(walked: Walked, node: int) -> int:
    """The element a segment's owner sits in: the owner itself unless it is a leaf block."""
    skeleton = walked.skeleton
    if skeleton.tag[node] in LEAF_TAGS and skeleton.parent[node] >= 0:
        return skeleton.parent[node]
    return node


def prose_score(seg: RawSegment) -> float:
    """Readability's paragraph score, zero for short or link-heavy text."""
    size = len(seg.text)
    if size < _MIN_PROSE or seg.kind in _UNSCORED or seg.link_chars * 2 > size:
        return 0.0
    commas = sum(map(seg.text.count, _COMMAS))
    return 1.0 + commas + min(size / 100, 3.0)


_LISTS: frozenset[Reason] = frozenset({"related", "comments"})
"""Marks read from a box header that stay even when the box holds much prose."""


def select_region(
    walked: Walked, hints: HtmlHints, headline: int = -1, marks: Mapping[int, Reason] | None = None
) -> Region:
    """Find the article's root elements in ``walked``.

    ``headline`` is the skeleton element of the page's headline (-1 if unknown);
    ``marks`` are chrome reasons found in the text (see ``_html_label.headed_boxes``),
    taken as if the elements' class names said so.
    """
    sk = walked.skeleton
    reasons = _reasons(walked, hints)
    marks = marks or {}
    for node, reason in marks.items():
        reasons[node] = reasons[node] or reason
    prose = [prose_score(seg) for seg in walked.segments]
    _drop_page_wrappers(walked, prose, reasons, hints.tag_reasons.keys())
    # A box headed "You may also like" is a list of other articles whatever its
    # size, unless it holds the page's headline (then the header is inside the article).
    marks = {
        node: r
        for node, r in marks.items()
        if r in _LISTS and not (headline >= 0 and _ancestors(sk.parent, headline, node))
    }
    for node, reason in marks.items():
        reasons[node] = reason
    for _ in range(3):
        chrome = _nearest_chrome(sk.parent, reasons)
        roots = _roots(walked, prose, chrome, headline)
        inside = [False] * len(sk.tag)
        for node, parent in enumerate(sk.parent):
            inside[node] = node in roots or (parent >= 0 and inside[parent])
        if not _drop_wrapper_marks(walked, prose, roots, inside, reasons, marks=marks):
            break
    by_tag = frozenset(n for n, r in enumerate(reasons) if r and sk.tag[n] in hints.tag_reasons)
    return Region(roots, tuple(inside), tuple(chrome), tuple(reasons), by_tag)


def _reasons(walked: Walked, hints: HtmlHints) -> list[Reason | None]:
    """Each element's own chrome reason (one lookup per distinct tag and tokens)."""
    seen: dict[tuple[str, frozenset[str]], Reason | None] = {}
    out: list[Reason | None] = []
    for key in zip(walked.skeleton.tag, walked.skeleton.tokens, strict=True):
        if key not in seen:
            seen[key] = hints.reason_for(*key)
        out.append(seen[key])
    return out


def _roots(walked: Walked, prose: list[float], chrome: list[int], headline: int) -> frozenset[int]:
    scores = _score(walked, prose, chrome)
    if not scores:
        return frozenset({0})
    best = max(scores, key=lambda n: (scores[n], -n))
    best = _expand(walked, prose, chrome, best)
    best = _narrow(walked, prose, best, headline)
    return _with_siblings(walked, prose, scores, chrome, best)


def _ancestors(parent: tuple[int, ...], node: int, stop: int) -> list[int]:
    """``node`` and its ancestors below ``stop``; empty when ``stop`` is not above it."""
    chain: list[int] = []
    while node >= 0 and node != stop:
        chain.append(node)
        node = parent[node]
    return chain if node == stop else []


def _narrow(walked: Walked, prose: list[float], best: int, headline: int) -> int:
    """Several articles under ``best`` (an endless-scroll page): keep the headline's.

    When ``best`` holds more than one ``h1``, the root moves down to the
    highest element around the headline that holds no other ``h1`` — if that
    element carries a fair share of the prose.
    """
    sk = walked.skeleton
    path = _ancestors(sk.parent, headline, best) if headline >= 0 else []
    if not path:
        return best
    others = {s.node for s in walked.segments if sk.tag[s.node] == "h1" and s.node != headline}
    others = {h for h in others if _ancestors(sk.parent, h, best)}
    if not others:
        return best
    mass = [0.0] * len(sk.tag)
    for seg, value in zip(walked.segments, prose, strict=True):
        mass[seg.node] += len(seg.text) if value else 0.0
    _sum_up(sk.parent, mass)
    for node in reversed(path):
        if not any(_ancestors(sk.parent, h, node) for h in others):
            return node if mass[node] >= _NARROW_SHARE * mass[best] else best
    return best


def _nearest_chrome(parent: tuple[int, ...], reasons: list[Reason | None]) -> list[int]:
    chrome = [-1] * len(parent)
    for node, up in enumerate(parent):
        chrome[node] = node if reasons[node] is not None else (chrome[up] if up >= 0 else -1)
    return chrome


def _sum_up(parent: tuple[int, ...], values: list[float]) -> list[float]:
    """Per-element values summed over each element's subtree (in place)."""
    for node in range(len(parent) - 1, 0, -1):
        values[parent[node]] += values[node]
    return values


def _drop_wrapper_marks(
    walked: Walked,
    prose: list[float],
    roots: frozenset[int],
    inside: list[bool],
    reasons: list[Reason | None],
    *,
    marks: Mapping[int, Reason],
) -> bool:
    """Unmark chrome elements in or around the region holding much of its prose.

    A mark read from the box's own text (``marks``: a "You may also like"
    header) is evidence, not a layout name, and stays.
    """
    sk = walked.skeleton
    mass = [0.0] * len(sk.tag)
    for seg, value in zip(walked.segments, prose, strict=True):
        mass[seg.node] += len(seg.text) if value else 0.0
    _sum_up(sk.parent, mass)
    region = sum(mass[r] for r in roots)
    around = set()
    for root in roots:
        node = sk.parent[root]
        while node >= 0:
            around.add(node)
            node = sk.parent[node]
    dropped = False
    for node, reason in enumerate(reasons):
        if reason is None or reason in _NEVER_WRAPPERS or node in marks:
            continue
        if not (inside[node] or node in around):
            continue
        if mass[node] > 0 and mass[node] >= _WRAPPER_SHARE * region:
            reasons[node] = None
            dropped = True
    return dropped


def _drop_page_wrappers(
    walked: Walked,
    prose: list[float],
    reasons: list[Reason | None],
    chrome_tags: Collection[str],
) -> None:
    """Chrome tokens on an element holding most of the page's prose are layout names.

    Chrome *tags* (``nav``, ``footer``, ``aside``) keep their mark: a footer
    full of teasers is still a footer.
    """
    sk = walked.skeleton
    mass = [0.0] * len(sk.tag)
    for seg, value in zip(walked.segments, prose, strict=True):
        mass[seg.node] += value
    _sum_up(sk.parent, mass)
    for node, reason in enumerate(reasons):
        if reason is None or reason in _NEVER_WRAPPERS or sk.tag[node] in chrome_tags:
            continue
        if mass[node] >= _PAGE_SHARE * mass[0]:
            reasons[node] = None


def _score(walked: Walked, prose: list[float], chrome: list[int]) -> dict[int, float]:
    sk = walked.skeleton
    raw: dict[int, float] = {}
    text = [0.0] * len(sk.tag)
    links = [0.0] * len(sk.tag)
    for seg, value in zip(walked.segments, prose, strict=True):
        text[seg.node] += len(seg.text)
        links[seg.node] += seg.link_chars
        if not value or chrome[seg.node] >= 0:
            continue
        node = container_of(walked, seg.node)
        for factor in _DECAY:
            raw[node] = raw.get(node, 0.0) + value * factor
            node = sk.parent[node]
            if node < 0:
                break
    _sum_up(sk.parent, text)
    _sum_up(sk.parent, links)
    return {n: s * (1 - links[n] / text[n]) if text[n] else s for n, s in raw.items()}


def _expand(walked: Walked, prose: list[float], chrome: list[int], best: int) -> int:
    """Climb from ``best`` to ancestors that add much more prose than other text."""
    sk = walked.skeleton
    gain = [0.0] * len(sk.tag)
    junk = [0.0] * len(sk.tag)
    for seg, value in zip(walked.segments, prose, strict=True):
        if chrome[seg.node] >= 0:
            continue
        if value:
            gain[seg.node] += len(seg.text) - seg.link_chars
            junk[seg.node] += _LINK_JUNK * seg.link_chars
        else:
            plain = len(seg.text) - seg.link_chars
            junk[seg.node] += _LINK_JUNK * seg.link_chars + _PLAIN_JUNK * plain
    _sum_up(sk.parent, gain)
    _sum_up(sk.parent, junk)
    up = sk.parent[best]
    while up >= 0:
        more, worse = gain[up] - gain[best], junk[up] - junk[best]
        if more > 0 and more >= _EXPAND_RATIO * (worse - _EXPAND_SLACK):
            best = up
        up = sk.parent[up]
    return best


def _with_siblings(
    walked: Walked, prose: list[float], scores: dict[int, float], chrome: list[int], best: int
) -> frozenset[int]:
    sk = walked.skeleton
    up = sk.parent[best]
    if up < 0:
        return frozenset({best})
    threshold = max(10.0, max(scores.values()) * _SIBLING_SHARE)
    own: dict[int, float] = {}
    for seg, value in zip(walked.segments, prose, strict=True):
        if sk.parent[seg.node] == up and sk.tag[seg.node] == "p":
            own[seg.node] = own.get(seg.node, 0.0) + value
    roots = {best}
    for node in range(up + 1, len(sk.tag)):
        if sk.parent[node] != up or chrome[node] >= 0 or node == best:
            continue
        if scores.get(node, 0.0) >= threshold or own.get(node, 0.0) >= _SIBLING_PROSE:
            roots.add(node)
    return frozenset(roots)
