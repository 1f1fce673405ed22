"""Main-content selection: which block elements hold the article.

On the skeleton built by segmentation:

1. each element gets its chrome reason from its tag and class/id tokens
   (``rules/html.toml``) or from a lexicon header that is its first line
   ("You may also like"; see ``_html_label.headed_boxes``);
2. each segment gets a prose score (readability's: long enough, few links,
   a paragraph rather than a heading, list item or a form's option);
3. chrome marks that are layout names are dropped: a mark on an element, or
   a class shared by many elements, holding most of the page's prose;
4. the roots are found from the scores (:mod:`._html_roots`);
5. a chrome mark on an element that holds half of the roots' prose or more
   was a layout name too (``<form>`` around an ASP.NET page, ``meta-details``
   on the body wrapper): it is dropped and the roots are found again.
   Comment sections and cookie notices keep their mark however long they are.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from itertools import compress
from typing import Final

from ._html_hints import HtmlHints
from ._html_roots import ancestors, container_of, find_roots, prose_mass, sum_up
from ._html_segment import RawSegment, Skeleton, Walked
from ._model import Reason

__all__ = ["Region", "container_of", "prose_score", "select_region"]

_MIN_PROSE: Final = 25
_LONG_HEADING: Final = 120
_COMMAS: Final = (",", "，", "、", "。", "；", ";")
_UNSCORED: Final = frozenset({"heading", "list_item", "caption", "table"})
_CHOICES: Final = frozenset({"option", "legend"})
_WRAPPER_SHARE: Final = 0.5
_PAGE_SHARE: Final = 0.6
_NEVER_WRAPPERS: Final[frozenset[Reason]] = frozenset({"comments", "cookie"})


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


def prose_score(seg: RawSegment) -> float:
    """Readability's paragraph score, zero for short or link-heavy text.

    Short is under 25 characters, or under 25 UTF-8 bytes for non-ASCII text:
    a line of ten CJK characters says as much as a 30-letter English one.
    Headings, list items, captions and table rows score nothing, except a
    heading of 120 characters or more: that is a paragraph set in heading type.
    """
    size = len(seg.text)
    if seg.link_chars * 2 > size:
        return 0.0
    if seg.kind in _UNSCORED and not (seg.kind == "heading" and size >= _LONG_HEADING):
        return 0.0
    if size < _MIN_PROSE and (seg.text.isascii() or len(seg.text.encode()) < _MIN_PROSE):
        return 0.0
    commas = sum(map(seg.text.count, _COMMAS))
    return 1.0 + commas + min(size / 100, 3.0)


_LISTS: Final[frozenset[Reason]] = frozenset({"related", "comments"})
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
    # A form's choices (a country list) are not prose, however they read.
    prose = [0.0 if sk.tag[s.node] in _CHOICES else prose_score(s) for s in walked.segments]
    _drop_page_wrappers(walked, prose, reasons, hints.tag_reasons.keys())
    marks = _list_marks(walked, marks, headline)
    for node, reason in marks.items():
        reasons[node] = reason
    for _ in range(3):
        chrome = _nearest_chrome(sk.parent, reasons)
        roots = find_roots(walked, prose, chrome, headline)
        inside = _inside(sk.parent, roots)
        if not _drop_wrapper_marks(walked, prose, roots, inside, reasons, marks=marks):
            break
    marked = compress(range(len(reasons)), reasons)
    by_tag = frozenset(n for n in marked if sk.tag[n] in hints.tag_reasons)
    return Region(roots, tuple(inside), tuple(chrome), tuple(reasons), by_tag)


def _list_marks(walked: Walked, marks: Mapping[int, Reason], headline: int) -> dict[int, Reason]:
    """The marks that make a box a list of other articles whatever its size.

    A box headed "You may also like" is such a list, unless it holds the
    page's headline (then the header is inside the article) or text comes
    before the header (then the header ends the box, it does not head it).
    """
    lists = {node: r for node, r in marks.items() if r in _LISTS}
    if not lists:
        return lists
    parent = walked.skeleton.parent
    first = _first_segments(walked, lists.keys())
    return {
        node: r
        for node, r in lists.items()
        if container_of(walked, first[node]) == node
        and not (headline >= 0 and ancestors(parent, headline, node))
    }


def _first_segments(walked: Walked, boxes: Collection[int]) -> dict[int, int]:
    """For each of ``boxes``, the owner element of the first segment in its subtree."""
    parent = walked.skeleton.parent
    first: dict[int, int] = {}
    wanted = set(boxes)
    done: set[int] = set()
    for seg in walked.segments:
        node = seg.node
        while node >= 0 and node not in done:
            done.add(node)
            if node in wanted:
                first[node] = seg.node
            node = parent[node]
    return first


def _reasons(walked: Walked, hints: HtmlHints) -> list[Reason | None]:
    """Each element's own chrome reason (one lookup per distinct set of tokens).

    Beside a chrome tag, or a tag kept whatever its tokens, the reason
    depends on the tokens alone, and on none that names no reason.
    """
    by_tag = dict(hints.tag_reasons)
    keep = hints.keep_tags
    names = frozenset(hints.token_reasons)
    seen: dict[frozenset[str], Reason | None] = {}
    out: list[Reason | None] = []
    for tag, tokens in zip(walked.skeleton.tag, walked.skeleton.tokens, strict=True):
        if tag in by_tag:
            out.append(by_tag[tag])
        elif tag in keep or tokens.isdisjoint(names):
            out.append(None)
        elif tokens in seen:
            out.append(seen[tokens])
        else:
            out.append(seen.setdefault(tokens, hints.reason_for(tag, tokens)))
    return out


def _inside(parent: tuple[int, ...], roots: frozenset[int]) -> list[bool]:
    """Whether each element lies in (or is) one of ``roots``."""
    inside = [False] * len(parent)
    for root in roots:
        inside[root] = True
    for node, up in enumerate(parent):
        if up >= 0 and inside[up]:
            inside[node] = True
    return inside


def _nearest_chrome(parent: tuple[int, ...], reasons: list[Reason | None]) -> list[int]:
    chrome = [-1] * len(parent)
    for node, up in enumerate(parent):
        chrome[node] = node if reasons[node] is not None else (chrome[up] if up >= 0 else -1)
    return chrome


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
    around = set()
    for root in roots:
        node = sk.parent[root]
        while node >= 0:
            around.add(node)
            node = sk.parent[node]
    wrappers = [
        node
        for node in compress(range(len(reasons)), reasons)
        if reasons[node] not in _NEVER_WRAPPERS
        and node not in marks
        and (inside[node] or node in around)
    ]
    if not wrappers:
        return False
    mass = prose_mass(walked, prose)
    region = sum(mass[r] for r in roots)
    dropped = False
    for node in wrappers:
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
    """Chrome tokens on elements holding most of the page's prose are layout names.

    That is one element (the page's wrapper) or a class repeated on many
    (``gallery-item-deck`` on every paragraph block of a listicle). Chrome
    *tags* (``nav``, ``footer``, ``aside``) keep their mark: a footer full
    of teasers is still a footer.
    """
    sk = walked.skeleton
    marked = [
        node
        for node, reason in enumerate(reasons)
        if reason is not None and reason not in _NEVER_WRAPPERS and sk.tag[node] not in chrome_tags
    ]
    if not marked:
        return
    # Prose in a comment section or a cookie box is never the article's: it does not count.
    never = [r if r in _NEVER_WRAPPERS else None for r in reasons]
    kept = _nearest_chrome(sk.parent, never) if any(never) else None
    mass = [0.0] * len(sk.tag)
    for seg, value in zip(walked.segments, prose, strict=True):
        if kept is None or kept[seg.node] < 0:
            mass[seg.node] += value
    sum_up(sk.parent, mass)
    _drop_shared(sk, reasons, [n for n in marked if mass[n]], mass)


def _drop_shared(
    sk: Skeleton, reasons: list[Reason | None], marked: list[int], mass: list[float]
) -> None:
    """Unmark ``marked`` elements whose tag and tokens hold most of the page's prose."""
    group: dict[tuple[str, frozenset[str]], float] = {}
    for node in marked:
        key = (sk.tag[node], sk.tokens[node])
        group[key] = group.get(key, 0.0) + mass[node]
    for node in marked:
        if group[sk.tag[node], sk.tokens[node]] >= _PAGE_SHARE * mass[0]:
            reasons[node] = None
