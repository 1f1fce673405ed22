"""A one-line progress bar on stderr: pages done, a bar, rate and ETA.

Self-written (about sixty lines) rather than a dependency: cleanpage needs one
line redrawn a few times a second, and the bar must interleave cleanly with
error messages. The bar tracks input bytes consumed, which is what predicts the
time left for a WARC file whose page count is unknown until it is read.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from typing import TextIO

_REDRAW_SECONDS = 0.1
_BAR_WIDTH = 24


def duration(seconds: float) -> str:
    """``H:MM:SS`` for a number of seconds.

    >>> duration(3725.4)
    '1:02:05'
    """
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


class Progress:
    """A progress line on ``stream``; does nothing unless ``enabled``."""

    def __init__(
        self,
        stream: TextIO,
        *,
        total: int,
        enabled: bool,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._total = total
        self._enabled = enabled
        self._clock = clock
        self._start = clock()
        self._drawn = 0.0
        self._pages = 0
        self._done = 0
        self._width = 0

    def update(self, pages: int, done: int) -> None:
        """``pages`` cleaned (or failed) so far, ``done`` input bytes consumed."""
        self._pages, self._done = pages, done
        now = self._clock()
        if self._enabled and now - self._drawn >= _REDRAW_SECONDS:
            self._drawn = now
            self._draw(now)

    def message(self, line: str) -> None:
        """Print a line on stderr without tearing the bar."""
        self.clear()
        print(line, file=self._stream, flush=True)
        if self._enabled:
            self._draw(self._clock())

    def clear(self) -> None:
        if self._enabled and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0

    def line(self, now: float) -> str:
        """The text of the bar at time ``now``."""
        elapsed = max(now - self._start, 1e-9)
        rate = self._pages / elapsed
        head = f"{self._pages:,} pages"
        if self._total <= 0:
            return f"{head}  {rate:,.1f} pages/s  {duration(elapsed)}"
        fraction = min(self._done / self._total, 1.0)
        filled = int(fraction * _BAR_WIDTH)
        bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
        eta = duration(elapsed * (1 - fraction) / fraction) if fraction > 0 else "?"
        return f"{head} [{bar}] {fraction:4.0%}  {rate:,.1f} pages/s  ETA {eta}"

    def _draw(self, now: float) -> None:
        columns = shutil.get_terminal_size((80, 24)).columns - 1
        text = self.line(now)[:columns]
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()
        self._width = len(text)
