"""Repaired text as the original plus the windows that replace parts of it.

A huge page with a few mojibake lines is then never held twice in full:
:mod:`._repair` plans the fixes, and the decoded page is read from this
value piece by piece (UTF-8 for the parser, its head for format sniffing).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

_NON_SPACE: Final = re.compile(r"\S")
CHUNK = 1 << 20
"""Characters handled at a time on huge text."""


@dataclass(frozen=True, slots=True)
class Fix:
    """One repaired window: ``text`` replaces ``base[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Repaired:
    """Repaired text, kept as the scrubbed text plus the windows that replace parts of it.

    A huge page with a few mojibake lines is then never held twice: :meth:`utf8`
    encodes it piece by piece, and :meth:`head` / :meth:`is_blank` read it
    without building it. :meth:`text` builds the whole string.
    """

    base: str
    fixes: tuple[Fix, ...] = ()

    def text(self) -> str:
        return "".join(self._pieces(CHUNK)) if self.fixes else self.base

    def utf8(self, errors: str = "replace") -> bytes:
        """The repaired text as UTF-8, encoded a million characters at a time (encoding a
        4-byte-a-character ``str`` whole reserves 4 bytes a character)."""
        if not self.fixes and len(self.base) <= CHUNK:
            return self.base.encode("utf-8", errors)  # one piece: no buffer to copy it into
        out = io.BytesIO()  # getvalue() hands over its buffer: no second copy
        for piece in self._pieces(CHUNK):
            out.write(piece.encode("utf-8", errors))
        return out.getvalue()

    def head(self, size: int) -> str:
        """The first ``size`` characters of the repaired text."""
        if not self.fixes or size <= 0:
            return self.base[: max(size, 0)]
        out: list[str] = []
        left = size
        for piece in self._pieces(size):
            out.append(piece[:left])
            left -= len(out[-1])
            if left <= 0:
                break
        return "".join(out)

    def is_blank(self) -> bool:
        """Whether the repaired text is empty or only whitespace."""
        pos = 0
        for fix in self.fixes:
            if _NON_SPACE.search(self.base, pos, fix.start) or _NON_SPACE.search(fix.text):
                return False
            pos = fix.end
        return _NON_SPACE.search(self.base, pos) is None

    def _pieces(self, chunk: int) -> Iterator[str]:
        """The repaired text in order: slices of ``base`` (at most ``chunk`` long) and fixes."""
        pos = 0
        end = Fix(len(self.base), len(self.base), "")
        for fix in (*self.fixes, end):
            for at in range(pos, fix.start, chunk):
                yield self.base[at : min(at + chunk, fix.start)]
            if fix.text:
                yield fix.text
            pos = fix.end
