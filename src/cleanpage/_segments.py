"""The block model both capture paths meet in.

A capture becomes a sequence of :class:`Segment` (one visible piece of text
each, in page order); every segment gets a :class:`Label` (body, or cut with a
reason and a rule id). Metadata found along the way is a :class:`PageMeta`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from ._model import BlockKind, Reason, Related


class Segment:
    """One visible piece of a capture: a line of a text capture, a block of a page.

    Segments and labels, hundreds a page, are plain classes with read-only
    (``Final``) attributes: compiled, one is built three times as fast as a named
    tuple (whose constructor is Python code) and four times as fast as a frozen
    dataclass.
    """

    __slots__ = ("group", "kind", "text")

    def __init__(self, text: str, kind: BlockKind = "paragraph", group: int = 0) -> None:
        self.text: Final = text
        self.kind: Final = kind
        self.group: Final = group
        """Segments in one group belong together (a blank-line separated run, a container)."""

    def __repr__(self) -> str:
        return f"Segment({self.text!r}, {self.kind!r}, {self.group!r})"


class Label:
    """The verdict on one segment: body (``reason is None``) or cut, and the rule behind it."""

    __slots__ = ("reason", "rule", "span")

    def __init__(self, reason: Reason | None, rule: str, span: int = -1) -> None:
        self.reason: Final = reason
        self.rule: Final = rule
        self.span: Final = span
        """Cuts with the same non-negative span id came from one firing and are reported
        together."""

    @property
    def is_body(self) -> bool:
        return self.reason is None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Label):
            return NotImplemented
        return (self.reason, self.rule, self.span) == (other.reason, other.rule, other.span)

    def __hash__(self) -> int:
        return hash((self.reason, self.rule, self.span))

    def __repr__(self) -> str:
        return f"Label({self.reason!r}, {self.rule!r}, {self.span!r})"


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
