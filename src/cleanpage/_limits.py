"""Limits that keep one pathological capture from stalling a batch.

* :func:`check_markup` bounds HTML nesting depth and tag count *before* the
  parser sees the page. lexbor's tree builder is linear for most input, but
  quadratic for deeply nested block elements (it walks the stack of open
  elements for every ``<div>``, ``<li>``, ``<dt>``, ``<form>``): 10,000 nested
  ``<div>`` take 0.06 s to parse, 100,000 take 20 s. The scan is a single regex
  pass plus running sums in C, run only on pages of more than
  :data:`PARSE_SAFE_TAGS` tags (the segmentation walk enforces the limits on
  smaller ones).
* :class:`Deadline` carries the time budget through the pipeline; stages call
  :meth:`Deadline.check` between steps.
"""

from __future__ import annotations

import operator
import re
import time
from dataclasses import dataclass
from itertools import accumulate, islice
from typing import Final

from ._exceptions import TimeBudgetError, TooDeepError
from ._options import Options

_TAG: Final = re.compile(r"</?[A-Za-z][\w:-]*(?=[\s/>])")
# The same on UTF-8 bytes read as Latin-1 (one character a byte): any byte of a
# multi-byte character may be part of a tag name.
_TAG_BYTES: Final = re.compile(r"</?[A-Za-z][\w:\x80-\xff-]*(?=[\s/>])")
# Elements that never nest: void elements, elements whose end tag is implied by
# the next sibling, and SVG leaves (usually self-closed, ``<path …/>``).
_FLAT: Final = (
    "area",
    "base",
    "basefont",
    "bgsound",
    "br",
    "col",
    "embed",
    "frame",
    "hr",
    "image",
    "img",
    "input",
    "keygen",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
    "p",
    "li",
    "dt",
    "dd",
    "option",
    "optgroup",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "colgroup",
    "caption",
    "rb",
    "rt",
    "rp",
    "path",
    "circle",
    "rect",
    "line",
    "polyline",
    "polygon",
    "ellipse",
    "use",
    "stop",
    "animate",
    "set",
)


PARSE_SAFE_TAGS: Final = 10_000
"""Up to this many tags, even fully nested markup parses in well under a second."""


@dataclass(frozen=True, slots=True)
class MarkupShape:
    """What the pre-parse scan saw: estimated nesting depth and number of tags."""

    depth: int
    tags: int


class _Deltas(dict[str, int]):
    """Tag token -> change in nesting depth (+1 open, -1 close, 0 for flat elements)."""

    def __missing__(self, token: str) -> int:
        delta = self[token.lower()] if not token.islower() else (-1 if token[1] == "/" else 1)
        self[token] = delta
        return delta


def _base_deltas() -> dict[str, int]:
    return {f"<{sep}{name}": 0 for name in _FLAT for sep in ("", "/")}


def measure_markup(html: str | bytes) -> MarkupShape:
    """Estimate the nesting depth and tag count of ``html`` without parsing it.

    Start tags open a level and end tags close one (never below zero); void
    elements, elements with implied end tags and SVG leaves do not nest. The
    estimate errs high on sloppy markup, never low on deep nesting.

    UTF-8 ``bytes`` are scanned as Latin-1 text: tags are ASCII, and one byte per
    character keeps the scan small however wide the decoded text would be.

    >>> measure_markup("<div><p>a<p>b<br><span>c</span></div>")
    MarkupShape(depth=2, tags=7)
    >>> measure_markup("<div><aé>x</aé></div>".encode())
    MarkupShape(depth=2, tags=4)
    """
    if isinstance(html, bytes):
        tokens = _TAG_BYTES.findall(html.decode("latin-1"))
    else:
        tokens = _TAG.findall(html)
    if not tokens:
        return MarkupShape(0, 0)
    prefix = list(accumulate(map(_Deltas(_base_deltas()).__getitem__, tokens)))
    floor = islice(accumulate(prefix, min, initial=0), 1, None)
    return MarkupShape(max(map(operator.sub, prefix, floor)), len(tokens))


def check_markup(html: str | bytes, options: Options) -> MarkupShape | None:
    """Raise :class:`TooDeepError` when ``html`` nests deeper than ``options.max_depth``
    or holds more than ``options.max_nodes`` tags; return what was measured, if anything.

    A page of at most :data:`PARSE_SAFE_TAGS` tags is not scanned: it parses fast
    whatever its nesting, and segmentation enforces both limits on the tree.
    """
    brackets = html.count("<") if isinstance(html, str) else html.count(b"<")
    if brackets <= max(PARSE_SAFE_TAGS, min(options.max_depth, options.max_nodes)):
        return None  # parsed fast, or cannot exceed either limit
    shape = measure_markup(html)
    if shape.depth > options.max_depth:
        raise TooDeepError(
            f"HTML nests about {shape.depth:,} elements deep, over the limit of"
            f" {options.max_depth:,}; raise Options.max_depth to accept it",
            stage="parse",
            kind="max_depth",
        )
    if shape.tags > options.max_nodes:
        raise TooDeepError(
            f"HTML holds about {shape.tags:,} tags, over the limit of"
            f" {options.max_nodes:,}; raise Options.max_nodes to accept it",
            stage="parse",
            kind="max_nodes",
        )
    return shape


@dataclass(frozen=True, slots=True)
class Deadline:
    """When cleaning one capture must be done; :meth:`check` raises past it.

    >>> Deadline.start(Options(time_budget=None)).check("parse")  # no budget: never raises
    """

    budget: float | None
    started: float

    @classmethod
    def start(cls, options: Options) -> Deadline:
        return cls(options.time_budget, time.perf_counter())

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def remaining(self) -> float | None:
        """Seconds left, or ``None`` without a budget."""
        return None if self.budget is None else self.budget - self.elapsed()

    def check(self, stage: str) -> None:
        """Raise :class:`TimeBudgetError` when the budget is spent (called between stages)."""
        if self.budget is None:
            return
        elapsed = self.elapsed()
        if elapsed > self.budget:
            raise TimeBudgetError(
                f"cleaning took {elapsed:.2f} s by the end of stage {stage!r}, over the time"
                f" budget of {self.budget:g} s; raise Options.time_budget (or set it to None)",
                stage=stage,
                kind="time_budget",
            )
