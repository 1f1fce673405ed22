"""Last stage: labelled segments and metadata become an :class:`Article`."""

from __future__ import annotations

from ._exceptions import NoArticleError
from ._model import Article, Block, Removed
from ._segments import Label, LabelledPage, Segment


def assemble(page: LabelledPage, url: str | None) -> Article:
    """Build the article; raise :class:`NoArticleError` when no body is left."""
    pairs = list(zip(page.segments, page.labels, strict=True))
    blocks = tuple(Block(s.kind, s.text) for s, label in pairs if label.is_body)
    if not blocks:
        raise NoArticleError("no article body found in the capture", stage="select", url=url)
    meta = page.meta
    return Article(
        title=meta.title,
        summary=meta.summary,
        authors=meta.authors,
        publisher=meta.publisher,
        source=meta.source,
        site_name=meta.site_name,
        published=meta.published,
        language=meta.language,
        url=meta.url or url,
        blocks=blocks,
        related=meta.related,
        removed=_removals(pairs),
    )


def _removals(pairs: list[tuple[Segment, Label]]) -> tuple[Removed, ...]:
    """Cuts in page order; consecutive cuts from one rule firing (same span) become one."""
    removed: list[Removed] = []
    last_span = -1
    for segment, label in pairs:
        if label.reason is None:
            last_span = -1
            continue
        if label.span >= 0 and label.span == last_span:
            prev = removed[-1]
            removed[-1] = Removed(prev.reason, prev.text + "\n" + segment.text, prev.rule)
        else:
            removed.append(Removed(label.reason, segment.text, label.rule))
        last_span = label.span
    return tuple(removed)
