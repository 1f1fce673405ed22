"""cleanpage as a datatrove pipeline step (needs ``pip install 'cleanpage[datatrove]'``).

:class:`CleanpageExtractor` takes documents whose text is a page's HTML — as
datatrove's ``WarcReader`` yields them — and passes on the cleaned article: the
body as ``Document.text`` and cleanpage's metadata in ``Document.metadata``
(``title``, ``summary``, ``authors``, ``publisher``, ``source``, ``site_name``,
``published`` as ISO 8601, ``language``, ``url``; with ``full=True`` also
``blocks``, ``related`` and ``removed``). The reader's ``date`` (WARC-Date)
resolves relative dates, its ``url`` is the page URL. Pages that cannot be
cleaned are dropped and counted in the step's stats under their error type
(``NoArticleError``, …); pass an ``exclusion_writer`` to keep them, with a
``cleanpage_error`` entry in their metadata.

Because it is an ordinary pipeline step, the same pipeline runs unchanged on
``LocalPipelineExecutor``, ``SlurmPipelineExecutor`` and ``RayPipelineExecutor``::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleanpage.datatrove import CleanpageExtractor

    LocalPipelineExecutor(
        pipeline=[WarcReader("crawl/"), CleanpageExtractor(), JsonlWriter("clean/")],
        tasks=8,
    ).run()

Importing this module needs datatrove; ``import cleanpage`` never imports it.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.extractors.base import BaseExtractor
    from datatrove.pipeline.writers.disk_base import DiskWriter
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "cleanpage.datatrove needs datatrove: pip install 'cleanpage[datatrove]'"
    ) from exc

from ._exceptions import CleanpageError
from ._model import Article
from ._options import Options
from ._pipeline import clean

__all__ = ["METADATA_FIELDS", "CleanpageExtractor"]

METADATA_FIELDS = (
    "title",
    "summary",
    "authors",
    "publisher",
    "source",
    "site_name",
    "published",
    "language",
    "url",
)
"""The article fields put in ``Document.metadata`` (all of ``to_dict()`` with ``full=True``)."""


class CleanpageExtractor(BaseExtractor):  # type: ignore[misc]
    """A datatrove step: HTML documents in, cleaned articles with their metadata out."""

    name = "🧹 cleanpage"

    def __init__(
        self,
        *,
        full: bool = False,
        explain: bool = False,
        options: Options | None = None,
        exclusion_writer: DiskWriter | None = None,
    ) -> None:
        """``full`` keeps blocks, related items and removals; ``explain`` adds rule ids."""
        budget = options.time_budget if options is not None else None
        super().__init__(timeout=budget or Options().time_budget or 0.0)
        self.full = full
        self.explain = explain
        self.options = options
        self.exclusion_writer = exclusion_writer

    def extract(self, text: str) -> str:
        """The article body of one page, as plain text."""
        return clean(text, options=self.options).text

    def clean_document(self, doc: Document) -> Article:
        """Clean one document's HTML, with its URL and capture date from the reader."""
        url = doc.metadata.get("url")
        return clean(
            doc.text,
            url if isinstance(url, str) else None,
            now=_date(doc.metadata.get("date")),
            options=self.options,
        )

    def article_metadata(self, article: Article) -> dict[str, Any]:
        """What goes into ``Document.metadata`` for a cleaned article."""
        data = article.to_dict(explain=self.explain)
        return data if self.full else {key: data[key] for key in METADATA_FIELDS}

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Clean every document; pass on the articles, count (and optionally keep) the rest."""
        writer_context = self.exclusion_writer or contextlib.nullcontext()
        with writer_context as writer:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    cleaned = self._clean(doc, writer, rank)
                if cleaned:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc

    def _clean(self, doc: Document, writer: DiskWriter | None, rank: int) -> bool:
        try:
            article = self.clean_document(doc)
        except CleanpageError as exc:
            self._drop(doc, exc, writer, rank)
            return False
        except Exception as exc:  # a bug in cleanpage must not stop a crawl: count it
            self.stat_update("internal_error")
            self._drop(doc, exc, writer, rank)
            return False
        doc.text = article.text
        doc.metadata.update(self.article_metadata(article))
        return True

    def _drop(self, doc: Document, exc: Exception, writer: DiskWriter | None, rank: int) -> None:
        self.stat_update(StatHints.dropped, type(exc).__name__)
        if writer is not None:
            doc.metadata["cleanpage_error"] = {"type": type(exc).__name__, "message": str(exc)}
            writer.write(doc, rank)


def _date(value: object) -> datetime | None:
    """The reader's capture date (WARC-Date, ISO 8601), or None when absent or unreadable."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
