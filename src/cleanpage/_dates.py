"""Finding and reading dates in visible text and in metadata values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a string: where it is and what it means."""

    start: int
    end: int
    value: datetime


_NUMERIC = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>[01]?\d)\s*[-/.月]\s*(?P<d>[0-3]?\d)\s*日?"
    r"(?:[T\s]+(?P<H>[0-2]?\d)[:：](?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?)?(?!\d)"
)


def find_date(text: str, *, now: datetime | None = None) -> DateMatch | None:
    """The first date written in ``text``, or ``None`` when it holds none."""
    for found in _NUMERIC.finditer(text):
        parts = {k: int(v) for k, v in found.groupdict().items() if v is not None}
        try:
            value = datetime(
                parts["y"], parts["m"], parts["d"],
                parts.get("H", 0), parts.get("M", 0), parts.get("S", 0),
            )
        except ValueError:
            continue
        return DateMatch(found.start(), found.end(), value)
    return None


def parse_date(text: str, *, now: datetime | None = None) -> datetime | None:
    """The date a metadata value (``2025-11-19T08:51:00Z``, …) denotes, or ``None``."""
    text = text.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        found = find_date(text, now=now)
        return found.value if found else None
