"""Cleaning in worker processes, with outcomes coming back in input order.

Captures travel in chunks (a few pages each) to a process pool; at most a few
chunks per worker are in flight, so memory stays bounded however large the
input, and outcomes are handed back strictly in input order, so the output is
the same whatever the number of workers. A worker that dies (out of memory, a
crash in a native library) loses nothing: its chunk is cleaned again one page
at a time, and a page that kills a worker twice becomes an error record.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ._batch import Capture, Outcome, ReadFailure, Render, clean_capture, clean_chunk, failed

Chunk = tuple[Capture, ...]
CHUNK_PAGES = 8
CHUNK_BYTES = 2 * 1024 * 1024
_CRASH = ReadFailure(
    "WorkerCrashError",
    "the worker process died while cleaning this capture (out of memory, or a native crash)",
)


def chunked(captures: Iterable[Capture]) -> Iterator[Chunk]:
    """Group captures into chunks of at most CHUNK_PAGES pages or about CHUNK_BYTES bytes."""
    chunk: list[Capture] = []
    size = 0
    for capture in captures:
        chunk.append(capture)
        size += len(capture.data or b"")
        if len(chunk) >= CHUNK_PAGES or size >= CHUNK_BYTES:
            yield tuple(chunk)
            chunk, size = [], 0
    if chunk:
        yield tuple(chunk)


def clean_ordered(captures: Iterable[Capture], render: Render, workers: int) -> Iterator[Outcome]:
    """Clean every capture, in ``workers`` processes (in this one when 1), in input order.

    The first capture is cleaned here: that loads the rules and warms every cache
    once, and workers forked afterwards inherit them instead of each paying again.
    """
    remaining = iter(captures)
    for first in remaining:
        yield clean_capture(first, render)
        break
    if workers <= 1:
        for capture in remaining:
            yield clean_capture(capture, render)
        return
    pool = _OrderedPool(workers, render)
    try:
        yield from pool.run(chunked(remaining))
    finally:
        pool.close()


def _start_method() -> str:
    """``fork`` where it is safe (POSIX, no other thread running): the fastest start, and
    workers are children whose CPU time is accounted to this process; else a fresh start."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops the run and keeps what is written."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _OrderedPool:
    """A process pool fed a bounded window of chunks, drained in submission order."""

    def __init__(self, workers: int, render: Render) -> None:
        self._workers = workers
        self._render = render
        self._pending: deque[tuple[Chunk, Future[list[Outcome]]]] = deque()
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context(_start_method())
        return ProcessPoolExecutor(self._workers, mp_context=context, initializer=_ignore_sigint)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def run(self, chunks: Iterable[Chunk]) -> Iterator[Outcome]:
        window = 4 * self._workers
        for chunk in chunks:
            self._pending.append((chunk, self._submit(chunk)))
            while self._pending and (len(self._pending) > window or self._pending[0][1].done()):
                yield from self._next()
        while self._pending:
            yield from self._next()

    def _submit(self, chunk: Chunk) -> Future[list[Outcome]]:
        """Send a chunk to the pool; if the pool is already broken, the future says so."""
        try:
            return self._executor.submit(clean_chunk, chunk, self._render)
        except BrokenProcessPool as exc:
            future: Future[list[Outcome]] = Future()
            future.set_exception(exc)
            return future

    def _next(self) -> list[Outcome]:
        chunk, future = self._pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart()
            outcomes = [self._alone(capture) for capture in chunk]
            self._resubmit()
            return outcomes

    def _restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()

    def _alone(self, capture: Capture) -> Outcome:
        """Clean one capture by itself; if it kills its worker too, it is the culprit."""
        try:
            return self._submit((capture,)).result()[0]
        except BrokenProcessPool:
            self._restart()
            return failed(capture, _CRASH, self._render)

    def _resubmit(self) -> None:
        """Send again the chunks whose results the broken pool lost."""
        kept: deque[tuple[Chunk, Future[list[Outcome]]]] = deque()
        for chunk, old in self._pending:
            lost = not old.done() or old.cancelled() or old.exception() is not None
            new = self._submit(chunk) if lost else old
            kept.append((chunk, new))
        self._pending = kept
