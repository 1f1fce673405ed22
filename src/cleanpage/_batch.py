"""Batch cleaning without loss: captures in, one rendered outcome per capture out.

A :class:`Capture` names one page to clean: a file (read by the worker that
cleans it), stdin's bytes, or a WARC record's payload. :func:`clean_chunk` is
what a worker process runs; it never raises for a bad capture — every failure,
typed or not, becomes an error :class:`Outcome` that the caller writes out as an
error record. :func:`read_done` reads the records of an earlier, interrupted run
so that ``--resume`` neither redoes nor duplicates work.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from ._exceptions import CleanpageError, DecodeError
from ._model import Article
from ._options import DEFAULT_OPTIONS
from ._pipeline import clean

Format = Literal["json", "jsonl", "markdown", "text"]
Key = tuple[str, str | None]
"""What identifies a capture across runs: its input path and WARC record id."""

CAPTURE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".md")
WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.zst", ".warc.lz4")
_GZIP_SUFFIX = ".gz"


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A capture that could not even be read (the file is missing, a WARC is corrupt, …)."""

    type: str
    message: str


@dataclass(frozen=True, slots=True)
class Capture:
    """One page to clean, and where it came from."""

    input: str
    """The input path as given (``-`` for stdin)."""
    record: str | None = None
    """The WARC-Record-ID, for a page read from a WARC file."""
    url: str | None = None
    content_type: str | None = None
    """The HTTP ``Content-Type`` header, whose charset decodes the bytes."""
    date: datetime | None = None
    """When the page was captured (WARC-Date); relative dates resolve against it."""
    data: bytes | None = None
    """The capture's bytes; ``None`` means: read the file ``input``."""
    failure: ReadFailure | None = None
    progress: int = 0
    """Input bytes consumed, over the whole run, once this capture is done."""

    @property
    def key(self) -> Key:
        return (self.input, self.record)


@dataclass(frozen=True, slots=True)
class Render:
    """How outcomes are written: the format, rule ids or not, tagged with the input or not."""

    format: Format
    explain: bool = False
    tagged: bool = True
    """Whether each record names its input (always, unless one capture is cleaned)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What cleaning one capture gave: output text to write, and an error line or None."""

    input: str
    record: str | None
    output: str
    """The rendered record ("" when the format has nothing to show for a failure)."""
    error: str | None
    """A one-line account of the failure for stderr; ``None`` when the page was cleaned."""
    progress: int


@dataclass(slots=True)
class Tally:
    """What a run did, counted as it goes (one per run, owned by the caller)."""

    cleaned: int = 0
    failed: int = 0
    skipped: int = 0
    """WARC responses that are not HTML pages (images, PDFs, redirects, errors, …)."""
    resumed: int = 0
    """Captures already in the output of an earlier run."""


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def is_capture_file(name: str) -> bool:
    lower = name.lower().removesuffix(_GZIP_SUFFIX)
    return lower.endswith(CAPTURE_SUFFIXES) or is_warc(name)


def expand(paths: Iterable[str]) -> list[str]:
    """The inputs to clean: files as given, directories walked for captures, sorted."""
    found: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found.extend(_walk(path))
        else:
            found.append(path)
    return found


def _walk(root: str) -> Iterator[str]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and is_capture_file(name):
                yield os.path.join(folder, name)


def read_capture(path: str, limit: int) -> bytes:
    """A capture file's bytes (gunzipped for ``.gz``), reading at most one byte past ``limit``."""
    with open(path, "rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit or not path.lower().endswith(_GZIP_SUFFIX):
        return data  # past the limit, the cleaner reports it as too large
    return gunzip(data, limit, path)


def gunzip(data: bytes, limit: int, name: str) -> bytes:
    """Decompress gzip data, stopping one byte past ``limit`` (a gzip bomb stays small)."""
    try:
        return zlib.decompressobj(wbits=31).decompress(data, limit + 1)
    except zlib.error as exc:
        raise DecodeError(f"{name} is not valid gzip data: {exc}", stage="read") from exc


def clean_chunk(chunk: Sequence[Capture], render: Render) -> list[Outcome]:
    """Clean each capture of a chunk (what a worker process runs); never raises for a capture."""
    return [clean_capture(capture, render) for capture in chunk]


def clean_capture(capture: Capture, render: Render) -> Outcome:
    if capture.failure is not None:
        return failed(capture, capture.failure, render)
    try:
        data = capture.data
        if data is None:
            data = read_capture(capture.input, DEFAULT_OPTIONS.max_bytes)
        article = clean(data, capture.url, content_type=capture.content_type, now=capture.date)
    except Exception as exc:  # nothing lost: any failure becomes an error record
        return failed(capture, _failure(exc), render)
    return Outcome(
        capture.input, capture.record, _render(article, capture, render), None, capture.progress
    )


def _failure(exc: Exception) -> ReadFailure:
    if isinstance(exc, CleanpageError):
        return ReadFailure(type(exc).__name__, str(exc))
    if isinstance(exc, OSError):
        return ReadFailure(type(exc).__name__, exc.strerror or str(exc))
    return ReadFailure(type(exc).__name__, f"{exc} (an internal error: please report it)")


def failed(capture: Capture, failure: ReadFailure, render: Render) -> Outcome:
    """The error outcome: an error record (JSON formats) and a one-line message."""
    where = f"{capture.input} {capture.record}" if capture.record else capture.input
    line = f"{where}: {failure.type}: {failure.message}"
    output = ""
    if render.format in ("json", "jsonl"):
        record = _tags(capture)
        if capture.record is not None:
            record["url"] = capture.url
        record["error"] = {"type": failure.type, "message": failure.message}
        output = _dump(record, render)
    return Outcome(capture.input, capture.record, output, line, capture.progress)


def _tags(capture: Capture) -> dict[str, Any]:
    tags: dict[str, Any] = {"input": capture.input}
    if capture.record is not None:
        tags["record"] = capture.record
    return tags


def _render(article: Article, capture: Capture, render: Render) -> str:
    if render.format in ("json", "jsonl"):
        data = article.to_dict(explain=render.explain)
        return _dump(_tags(capture) | data if render.tagged else data, render)
    body = article.to_markdown() if render.format == "markdown" else article.text + "\n"
    if not render.tagged:
        return body
    where = f"{capture.input} {capture.record}" if capture.record else capture.input
    if render.format == "markdown":
        return f"<!-- cleanpage input: {where} -->\n\n{body}"
    return f"==> {where} <==\n{body}"


def _dump(record: dict[str, Any], render: Render) -> str:
    if render.format == "jsonl":
        return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(record, ensure_ascii=False, indent=2)


def read_done(path: str) -> frozenset[Key]:
    """The captures already in a JSONL output file; a torn last line is cut off the file."""
    try:
        with open(path, "r+b") as stream:
            content = stream.read()
            end = content.rfind(b"\n") + 1
            if end < len(content):
                stream.truncate(end)
    except FileNotFoundError:
        return frozenset()
    done: set[Key] = set()
    for line in content[:end].splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("input"), str):
            done.add((record["input"], record.get("record")))
    return frozenset(done)
