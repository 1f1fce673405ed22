"""Where the article is: the root elements, found from prose scores.

Given each segment's prose score and each element's nearest chrome mark (see
:mod:`._html_select`):

1. every prose segment outside chrome scores its container and, decaying, the
   container's ancestors — the readability score; each element's score is
   discounted by the link density of its subtree, and the best element is the
   first guess at the root;
2. the root climbs to an ancestor while that adds several times more prose
   than anything else (short lines, links): an article whose paragraphs each
   sit in a wrapper of their own, or that is split into columns with an ad
   slot between them, is found whole. Headings and list items under the
   element holding the headline are the article's own (a listicle's item
   titles, a spec list), not junk;
3. when the root holds several ``h1`` (an endless-scroll page), it narrows to
   the headline's article;
4. siblings of the root that score well, or are prose paragraphs, join it.
"""

from __future__ import annotations

from itertools import accumulate
from typing import Final

from ._html_segment import Walked

LEAF_TAGS: Final = frozenset((
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote",
    "figcaption", "caption", "tr",
))  # fmt: skip
_DECAY: Final = (1.0, 0.5, 1 / 6, 1 / 9, 1 / 12)
_EXPAND_RATIO: Final = 4.0
_LINK_JUNK: Final = 1.0
_PLAIN_JUNK: Final = 1.0
_OWN_KINDS: Final = frozenset({"heading", "list_item"})
_NARROW_SHARE: Final = 0.1
_SIBLING_SHARE: Final = 0.2
_SIBLING_PROSE: Final = 2.5


def container_of(walked: Walked, node: int) -> int:
    """The element a segment's owner sits in: the owner itself unless it is a leaf block."""
    skeleton = walked.skeleton
    if skeleton.tag[node] in LEAF_TAGS and skeleton.parent[node] >= 0:
        return skeleton.parent[node]
    return node


def sum_up(parent: tuple[int, ...], values: list[float]) -> list[float]:
    """Per-element values summed over each element's subtree (in place)."""
    for node in range(len(parent) - 1, 0, -1):
        values[parent[node]] += values[node]
    return values


def prose_mass(walked: Walked, prose: list[float]) -> list[float]:
    """Per element, the characters of the prose segments in its subtree."""
    mass = [0.0] * len(walked.skeleton.tag)
    for seg, value in zip(walked.segments, prose, strict=True):
        mass[seg.node] += len(seg.text) if value else 0.0
    return sum_up(walked.skeleton.parent, mass)


def ancestors(parent: tuple[int, ...], node: int, stop: int) -> list[int]:
    """``node`` and its ancestors below ``stop``; empty when ``stop`` is not above it."""
    chain: list[int] = []
    while node >= 0 and node != stop:
        chain.append(node)
        node = parent[node]
    return chain if node == stop else []


def find_roots(
    walked: Walked, prose: list[float], chrome: list[int], headline: int
) -> frozenset[int]:
    """The article's root elements: the best-scoring one, climbed, narrowed, with siblings."""
    scores = _score(walked, prose, chrome)
    if not scores:
        return frozenset({0})
    best = max(scores, key=lambda n: (scores[n], -n))
    best = _expand(walked, prose, chrome, best, headline)
    best = _narrow(walked, prose, best, headline)
    return _with_siblings(walked, prose, scores, chrome, best)


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
    sum_up(sk.parent, text)
    sum_up(sk.parent, links)
    return {n: s * (1 - links[n] / text[n]) if text[n] else s for n, s in raw.items()}


def _expand(walked: Walked, prose: list[float], chrome: list[int], best: int, headline: int) -> int:
    """Climb from ``best`` to ancestors that add much more prose than other text.

    Headings (but the headline) and list items count as other text only
    above the smallest element that holds both the headline and ``best``:
    below it they are the article's own (a listicle's item titles, a spec
    list), above it other stories' titles. Their link text is always junk.
    """
    parent = walked.skeleton.parent
    chain = [best]  # ``best`` and its ancestors, each one's sums over its subtree
    while parent[chain[-1]] >= 0:
        chain.append(parent[chain[-1]])
    sums = _chain_sums(walked, prose, chrome, chain, headline)
    gain, junk, heads = (dict(zip(chain, values, strict=True)) for values in sums)
    own = _common(parent, headline, best) if headline >= 0 else -1
    below = own >= 0
    for up in chain[1:]:
        below = below and up != parent[own]
        titles = 0.0 if below else heads[up] - heads[best]
        more, worse = gain[up] - gain[best], junk[up] - junk[best] + titles
        if more > 0 and more >= _EXPAND_RATIO * worse:
            best = up
    return best


def _chain_sums(
    walked: Walked, prose: list[float], chrome: list[int], chain: list[int], headline: int
) -> list[list[float]]:
    """Prose gain, junk and heading text in each subtree along ``chain`` (an element and its
    ancestors), by the lowest chain element each segment lies under (sums of whole numbers:
    the same in any order)."""
    parent = walked.skeleton.parent
    at = {node: step for step, node in enumerate(chain)}
    level = [0] * len(parent)
    for node, up in enumerate(parent):
        level[node] = at.get(node, level[up])  # the root (-1 above it) is on every chain
    gain, junk, heads = ([0.0] * len(chain) for _ in range(3))
    for seg, value in zip(walked.segments, prose, strict=True):
        if chrome[seg.node] >= 0:
            continue
        step = level[seg.node]
        plain = len(seg.text) - seg.link_chars
        junk[step] += _LINK_JUNK * seg.link_chars
        if value:
            gain[step] += plain
        elif seg.kind in _OWN_KINDS and seg.node != headline:
            heads[step] += plain
        else:
            junk[step] += _PLAIN_JUNK * plain
    return [list(accumulate(values)) for values in (gain, junk, heads)]


def _common(parent: tuple[int, ...], one: int, two: int) -> int:
    """The smallest element holding both ``one`` and ``two``."""
    seen: set[int] = set()
    while one >= 0:
        seen.add(one)
        one = parent[one]
    while two >= 0 and two not in seen:
        two = parent[two]
    return two


def _narrow(walked: Walked, prose: list[float], best: int, headline: int) -> int:
    """Several articles under ``best`` (an endless-scroll page): keep the headline's.

    When ``best`` holds more than one ``h1``, the root moves down to the
    highest element around the headline that holds no other ``h1`` — if that
    element carries a fair share of the prose.
    """
    sk = walked.skeleton
    path = ancestors(sk.parent, headline, best) if headline >= 0 else []
    if not path:
        return best
    others = {s.node for s in walked.segments if sk.tag[s.node] == "h1" and s.node != headline}
    others = {h for h in others if ancestors(sk.parent, h, best)}
    if not others:
        return best
    mass = prose_mass(walked, prose)
    for node in reversed(path):
        if not any(ancestors(sk.parent, h, node) for h in others):
            return node if mass[node] >= _NARROW_SHARE * mass[best] else best
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
