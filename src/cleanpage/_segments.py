"""The block model both capture paths meet in.

A capture becomes a sequence of :class:`Segment` (one visible piece of text
each, in page order); every segment gets a :class:`Label` (body, or cut with a
reason and a rule id). Metadata found along the way is a :class:`PageMeta`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from ._model import BlockKind, Reason, Related


class Segment(NamedTuple):
    """One visible piece of a capture: a line of a text capture, a block of a page.

    Segments and labels, hundreds a page, are named tuples: as immutable as a frozen
    dataclass, and built about twice as fast.
    """

    text: str
    kind: BlockKind = "paragraph"
    group: int = 0
    """Segments in one group belong together (a blank-line separated run, a container)."""


class Label(NamedTuple):
    """The verdict on one segment: body (``reason is None``) or cut, and the rule behind it."""

    reason: Reason | None
    rule: str
    span: int = -1
    """Cuts with the same non-negative span id came from one firing and are reported together."""

    @property
    def is_body(self) -> bool:
        return self.reason is None


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Metadata evidence from one source (HTML meta tags, a text header, …)."""

    title: str | None = None
    summary: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    source: str | None = None
    site_name: str | None = None
    published: datetime | None = None
    language: str | None = None
    url: str | None = None
    related: tuple[Related, ...] = ()


@dataclass(frozen=True, slots=True)
class LabelledPage:
    """What a capture path hands to assembly: segments, their labels, and metadata."""

    segments: tuple[Segment, ...]
    labels: tuple[Label, ...]
    meta: PageMeta
