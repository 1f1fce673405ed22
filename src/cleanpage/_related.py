"""Reading the items of a "related / you may also like" list in a text capture."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ._header import MetaLine, read_meta_line
from ._model import Related
from ._rules import FieldRule


def read_related(
    lines: Sequence[str], fields: Sequence[FieldRule], now: datetime | None
) -> tuple[Related, ...]:
    """Items from the lines under a related-list header.

    An item is a title, optional summary lines, then a dateline that may carry
    the source (``BlockBeats2025/11/24 02:57``); many layouts repeat the title
    after the dateline (the card's link text), and that repeat is consumed.
    Lines with no dateline after them are items with a title only.
    """
    items: list[Related] = []
    pending: list[str] = []
    i = 0
    while i < len(lines):
        meta = read_meta_line(lines[i], fields, now)
        if meta is None or meta.date is None or not pending:
            pending.append(lines[i])
            i += 1
            continue
        repeat = lines[i + 1] if i + 1 < len(lines) else None
        title = pending[0]
        if repeat and pending[0].endswith(repeat):
            title = repeat  # the card's own title, without badges glued in front
            i += 1
        items.append(_item(title, pending[1:], meta))
        pending = []
        i += 1
    items.extend(Related(title=line) for line in pending)
    return tuple(items)


def _item(title: str, rest: Sequence[str], meta: MetaLine) -> Related:
    return Related(
        title=title,
        summary="\n".join(rest) or None,
        source=meta.value or None,
        published=meta.date,
    )
