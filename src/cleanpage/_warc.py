"""WARC input: every HTML response record of a WARC file becomes a :class:`Capture`.

Reading WARC files needs the ``warc`` extra (FastWARC), imported only when a
WARC file is actually read: ``import cleanpage`` never imports it.

A record is cleaned when it is a ``response`` with a 2xx HTTP status whose
``Content-Type`` (or, failing that, ``WARC-Identified-Payload-Type``) is HTML, or
says nothing. The record's URL, its HTTP ``Content-Type`` (for the charset) and
its WARC-Date travel with the payload. Other responses are skipped and counted.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Container, Iterator
from typing import TYPE_CHECKING

from ._batch import Capture, Key, ReadFailure, Tally

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
INSTALL_HINT = "reading WARC files needs the warc extra: pip install 'cleanpage[warc]'"


def warc_available() -> bool:
    """Whether the ``warc`` extra (FastWARC) is installed."""
    return importlib.util.find_spec("fastwarc") is not None


def warc_captures(
    path: str, *, start: int, limit: int, done: Container[Key], tally: Tally
) -> Iterator[Capture]:
    """The HTML pages in a WARC file, in file order; unreadable files yield one failure.

    ``start`` is the number of input bytes consumed before this file (for
    progress), ``limit`` the most payload bytes read per record (one past
    ``Options.max_bytes``, so that the cleaner reports the page as too large).
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType  # noqa: PLC0415 (the extra)

    last = start
    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(
                stream, record_types=WarcRecordType.response, parse_http=True, auto_decode="all"
            )
            for record in records:
                last = start + record.stream_pos
                capture = _capture(path, record, limit, last)
                if capture is None:
                    tally.skipped += 1
                elif capture.key in done:
                    tally.resumed += 1
                else:
                    yield capture
    except OSError as exc:
        message = exc.strerror or str(exc)
        yield Capture(path, failure=ReadFailure(type(exc).__name__, message), progress=last)


def _capture(path: str, record: WarcRecord, limit: int, progress: int) -> Capture | None:
    """The record as a capture, or ``None`` when it is not an HTML page."""
    http = record.http_headers
    if http is None or not 200 <= (http.status_code or 0) < 300:
        return None
    declared = record.http_content_type or record.headers.get("WARC-Identified-Payload-Type")
    if declared is not None and declared.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    return Capture(
        input=path,
        record=record.record_id,
        url=record.headers.get("WARC-Target-URI"),
        content_type=http.get("Content-Type"),
        date=record.record_date,
        data=record.reader.read(limit + 1),
        progress=progress,
    )
