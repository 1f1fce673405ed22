"""The headline: which heading segment repeats the page's title.

The title the page declares (``og:title``, ``<title>``, or what metadata
extraction settled on) is compared with the heading segments, letters and
digits only, case-folded. The first heading before the end of the body that
equals a declared title, or is a long enough part of one (``<title>`` often
carries a `` | Site`` suffix), is the headline; a non-heading line before the
body that equals a declared title is a repeat of it. Without a declared title
the first ``h1`` before the body is taken.
"""

from __future__ import annotations

from typing import Final

from ._html_segment import Walked
from ._htmlevidence import Evidence
from ._people import alnum_only
from ._segments import Label

_MIN_SHARE: Final = 0.5


def title_candidates(found: Evidence, meta_title: str | None) -> tuple[str, ...]:
    """Normalised titles the page declares, most specific first: the metadata's title,
    the first ``og:title`` / ``twitter:title`` and the first ``<title>``."""
    declared = (meta_title, found.social_title, found.first_title)
    keys = (_key(t) for t in declared if t)
    return tuple(dict.fromkeys(k for k in keys if k))


def headline_node(walked: Walked, titles: tuple[str, ...]) -> int:
    """Skeleton element of the first heading that repeats a declared title, or -1."""
    if titles:
        for seg in walked.segments:
            if seg.kind == "heading" and _matches(_key(seg.text), titles):
                return seg.node
    return -1


def find_title(walked: Walked, labels: list[Label], titles: tuple[str, ...]) -> list[int]:
    """Indexes of the headline segment and its repeats (empty when there is none)."""
    body = [i for i, label in enumerate(labels) if label.is_body]
    last_body = body[-1] if body else -1
    first_body = body[0] if body else last_body
    found: list[int] = []
    shortest = min(map(len, titles), default=0)
    for index, seg in enumerate(walked.segments[: last_body + 1]):
        if seg.kind != "heading":
            # A line repeating the title above the body (a breadcrumb's last step).
            text = seg.text
            if index <= first_body and _longest_key(text) >= shortest and _key(text) in titles:
                found.append(index)
            continue
        if titles:
            if _matches(_key(seg.text), titles):
                found.append(index)
        elif index <= first_body and walked.skeleton.tag[seg.node] == "h1":
            return [index]
    return found


def _matches(key: str, titles: tuple[str, ...]) -> bool:
    if not key:
        return False
    for title in titles:
        if key == title:
            return True
        if len(key) >= _MIN_SHARE * len(title) and (key in title or title in key):
            return True
    return False


def _key(text: str) -> str:
    """``text`` case folded, letters and digits only."""
    return alnum_only(text.casefold())


def _longest_key(text: str) -> int:
    """The longest :func:`_key` of ``text`` can be (case folding turns a character into at
    most three: ``ß`` → ``ss``)."""
    return len(text) if text.isascii() else 3 * len(text)
