"""The ``cleanpage`` command: clean captures, folders of captures and WARC files."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, BinaryIO, TextIO, get_args

from ._batch import Capture, Format, Key, Outcome, Render, Tally, expand, is_warc, read_done
from ._options import DEFAULT_OPTIONS
from ._parallel import CHUNK_PAGES, clean_ordered
from ._progress import Progress, duration
from ._version import __version__
from ._warc import INSTALL_HINT, warc_available, warc_captures

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

_EPILOG = """\
inputs:
  A PATH is a capture file (HTML or copied page text, optionally .gz), a WARC
  file (.warc, .warc.gz; needs: pip install 'cleanpage[warc]'), a directory
  (every .html/.htm/.txt/.md[.gz] and .warc[.gz] file in it, recursively, in
  sorted order), or - for standard input.

output:
  One capture (not a WARC): by default the article as pretty JSON, exactly
  Article.to_dict(). Several captures or a WARC file: by default JSON Lines,
  one record per capture in input order, whatever the number of workers:
    {"input": PATH, ...article fields...}                      a file
    {"input": PATH, "record": WARC-Record-ID, ...article...}  a WARC record
    {"input": PATH, ["record": ID, "url": URL,] "error": {"type": ..., "message": ...}}
  A capture that fails becomes an error record (json, jsonl) and a line on
  stderr; every other capture is still cleaned. --format json with several
  captures writes one JSON array of records; markdown and text put a header
  line before each article. Records are written as they are produced.

resuming:
  cleanpage DIR --output out.jsonl --resume   skips the captures (and WARC
  records) already in out.jsonl, drops a torn last line, and appends the rest.

exit status:
  0 every capture cleaned (skipped non-HTML WARC records do not count),
  1 some captures failed (see the error records), 2 usage error,
  130 interrupted (what was written is complete records: use --resume).
"""


@dataclass(frozen=True, slots=True)
class Config:
    """What to clean and how, from the command line."""

    sources: tuple[str, ...]
    render: Render
    output: str | None
    resume: bool
    workers: int
    quiet: bool

    @property
    def many(self) -> bool:
        return len(self.sources) > 1 or any(is_warc(s) for s in self.sources)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanpage",
        description="Clean scraped news pages (HTML or copied text) into articles.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("paths", nargs="+", metavar="PATH", help="capture file, WARC file, directory, or -")
    add("-f", "--format", choices=get_args(Format), help="output format (default: see below)")
    add("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    add("--resume", action="store_true", help="append to --output FILE, skipping what it has")
    add(
        "-w",
        "--workers",
        type=int,
        metavar="N",
        help="worker processes (default: all cores; 1 for up to 16 files)",
    )
    add("--explain", action="store_true", help="name the rule behind every cut (json, jsonl)")
    add("-q", "--quiet", action="store_true", help="no progress bar, error lines or summary")
    add("--version", action="version", version=f"cleanpage {__version__}")
    return parser


def cpu_count() -> int:
    """The cores this process may use."""
    counter = getattr(os, "process_cpu_count", None)
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _default_workers(sources: Sequence[str]) -> int:
    """All cores, unless there are too few files to be worth starting worker processes."""
    if any(is_warc(s) for s in sources) or len(sources) > 2 * CHUNK_PAGES:
        return cpu_count()
    return 1


def _config(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Config:
    sources = tuple(expand(args.paths))
    many = len(sources) > 1 or any(is_warc(s) for s in sources)
    fmt: Format = args.format or ("jsonl" if many or args.resume else "json")
    if args.resume and (args.output is None or fmt != "jsonl"):
        parser.error("--resume needs --output FILE and jsonl output")
    if args.explain and fmt not in ("json", "jsonl"):
        parser.error("--explain applies to json and jsonl output")
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    if any(is_warc(s) for s in sources) and not warc_available():
        parser.error(INSTALL_HINT)
    tagged = many or fmt == "jsonl"
    workers = args.workers or _default_workers(sources)
    return Config(
        sources,
        Render(fmt, args.explain, tagged),
        args.output,
        args.resume,
        max(workers, 1),
        args.quiet,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    config = _config(parser.parse_args(argv), parser)
    if not config.sources:
        print("cleanpage: no captures found", file=sys.stderr)
        return EXIT_OK
    previous = signal.signal(signal.SIGTERM, _interrupt)  # a batch scheduler's stop
    try:
        return run(config, sys.stdin.buffer, sys.stdout, sys.stderr)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM stops a run like Ctrl-C: complete records kept, ready for --resume."""
    raise KeyboardInterrupt


def run(config: Config, stdin: BinaryIO, stdout: IO[str], stderr: TextIO) -> int:
    """Clean every source of ``config``, writing records to the output as they come."""
    done = read_done(config.output) if config.resume and config.output else frozenset()
    tally = Tally()
    total = sum(_size(s) for s in config.sources)
    progress = Progress(stderr, total=total, enabled=config.many and _shows_bar(config, stderr))
    start = time.monotonic()
    out = _open_output(config, stdout)
    sink = _Sink(out, config.render)
    interrupted = False
    try:
        captures = _captures(config.sources, done, tally, stdin)
        for outcome in clean_ordered(captures, config.render, config.workers):
            _record(outcome, tally, sink, progress, config.quiet)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        sink.close()
        progress.clear()
        if out is not stdout:
            out.close()
    if config.many and not config.quiet:
        print(_summary(tally, time.monotonic() - start), file=stderr)
    return _exit_status(tally, interrupted, stderr)


def _record(outcome: Outcome, tally: Tally, sink: _Sink, progress: Progress, quiet: bool) -> None:
    sink.write(outcome)
    if outcome.error is None:
        tally.cleaned += 1
    else:
        tally.failed += 1
        if not quiet:
            progress.message(f"cleanpage: {outcome.error}")
    progress.update(tally.cleaned + tally.failed, outcome.progress)


def _exit_status(tally: Tally, interrupted: bool, stderr: TextIO) -> int:
    if interrupted:
        print(
            "cleanpage: interrupted; every record written is complete:"
            " run again with --output FILE --resume to finish",
            file=stderr,
        )
        return EXIT_INTERRUPTED
    return EXIT_FAILED if tally.failed else EXIT_OK


def _shows_bar(config: Config, stderr: TextIO) -> bool:
    return not config.quiet and stderr.isatty()


def _size(source: str) -> int:
    try:
        return 0 if source == "-" else os.path.getsize(source)
    except OSError:
        return 0


def _open_output(config: Config, stdout: IO[str]) -> IO[str]:
    if config.output is None:
        return stdout
    mode = "a" if config.resume else "w"
    return open(config.output, mode, encoding="utf-8", newline="\n")


def _captures(
    sources: Sequence[str], done: frozenset[Key], tally: Tally, stdin: BinaryIO
) -> Iterator[Capture]:
    """Every capture of every source, in order; what ``done`` holds is skipped."""
    limit = DEFAULT_OPTIONS.max_bytes
    consumed = 0
    for source in sources:
        size = _size(source)
        if is_warc(source):
            yield from warc_captures(source, start=consumed, limit=limit, done=done, tally=tally)
        elif (source, None) in done:
            tally.resumed += 1
        else:
            data = stdin.read(limit + 1) if source == "-" else None
            yield Capture(source, data=data, progress=consumed + size)
        consumed += size


class _Sink:
    """Writes rendered outcomes, adding what the format needs between and around them."""

    def __init__(self, stream: IO[str], render: Render) -> None:
        self._stream = stream
        self._render = render
        self._count = 0

    def write(self, outcome: Outcome) -> None:
        if not outcome.output:
            return
        fmt = self._render.format
        if fmt == "json" and self._render.tagged:
            self._stream.write(("[\n" if self._count == 0 else ",\n") + outcome.output)
        elif fmt in ("json", "jsonl"):
            self._stream.write(outcome.output + "\n")
        else:
            self._stream.write(("\n" if self._count else "") + outcome.output)
        self._count += 1
        self._stream.flush()

    def close(self) -> None:
        if self._render.format == "json" and self._render.tagged:
            self._stream.write("\n]\n" if self._count else "[]\n")
        self._stream.flush()


def _summary(tally: Tally, seconds: float) -> str:
    pages = tally.cleaned + tally.failed
    rate = pages / seconds if seconds > 0 else 0.0
    parts = [f"{tally.cleaned:,} cleaned", f"{tally.failed:,} failed"]
    if tally.skipped:
        parts.append(f"{tally.skipped:,} skipped (not HTML pages)")
    if tally.resumed:
        parts.append(f"{tally.resumed:,} already done")
    took = f"{seconds:.1f} s" if seconds < 60 else duration(seconds)
    return f"cleanpage: {', '.join(parts)} in {took} ({rate:,.1f} pages/s)"
