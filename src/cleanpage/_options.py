"""Options: one small frozen value that travels through every stage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Options:
    """How cleanpage reads and cleans a capture. Vary with :func:`dataclasses.replace`.

    Limits protect a batch from one pathological page: a capture past any of
    them raises a :class:`cleanpage.LimitError` naming the limit to raise.
    """

    max_bytes: int = 64 * MiB
    """Largest capture accepted, in bytes (UTF-8 size for ``str``)."""
    max_depth: int = 2_000
    """Deepest HTML element nesting accepted."""
    max_nodes: int = 1_000_000
    """Most HTML nodes accepted."""
    time_budget: float | None = 30.0
    """Seconds one capture may take; ``None`` disables the check."""
    now: datetime | None = None
    """The moment relative dates ("3 hours ago", "昨天") are resolved against."""
    favor_precision: bool = False
    """Cut borderline blocks rather than keep them."""


DEFAULT_OPTIONS = Options()
