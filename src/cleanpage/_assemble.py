"""Last stage: labelled segments and metadata become an :class:`Article`."""

from __future__ import annotations

from ._exceptions import NoArticleError
from ._model import Article, Block, Removed
from ._noarticle import no_article_kind, no_article_message
from ._segments import Label, LabelledPage, Segment


def assemble(page: LabelledPage, url: str | None) -> Article:
    """Build the article; raise :class:`NoArticleError` when no body is left."""
    pairs = list(zip(page.segments, page.labels, strict=True))
    blocks = tuple([Block(s.kind, s.text) for s, label in pairs if label.is_body])
    if not blocks:
        kind = no_article_kind("\n".join(s.text for s in page.segments), url)
        raise NoArticleError(no_article_message(kind), stage="select", url=url, kind=kind)
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
    runs: list[tuple[Label, list[str]]] = []
    last_span = -1
    for segment, label in pairs:
        if label.reason is None:
            last_span = -1
            continue
        if label.span >= 0 and label.span == last_span:
            runs[-1][1].append(segment.text)
        else:
            runs.append((label, [segment.text]))
        last_span = label.span
    return tuple(
        [
            Removed(label.reason, "\n".join(texts), label.rule)
            for label, texts in runs
            if label.reason
        ]
    )
