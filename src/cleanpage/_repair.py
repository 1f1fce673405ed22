"""Repairing text that was decoded wrongly before it reached us (mojibake), and nothing else.

Correct text must come out unchanged, in any language, so the repair is
gated and checked:

1. A cheap scan finds *suspects*: a UTF-8 lead byte read as Latin-1/cp1252
   followed by a continuation byte read the same way (``Ã©``, ``â€™``,
   ``å¸‚``); two characters in a row of the kind UTF-8 bytes become when read
   as GBK (``鍙戝竷``); or an ideograph that a UTF-8 Latin letter becomes in
   GBK, between Latin letters (``J眉rgen``). Text without suspects (almost all
   text) is returned as it is after that single regex pass, which also finds
   control characters and lone surrogates.
2. Around each suspect, the enclosing line (or, on a long line, the enclosing
   run between tags or spaces) is handed to ftfy's encoding fixer alone (no
   quote uncurling, width folding, line-break or normalisation changes, so a
   repaired piece differs from the original text only where it was mojibake).
   ftfy only re-decodes when its own badness measure says the text is mojibake.
3. UTF-8 read as GBK, which ftfy does not handle, is undone run by run (a run
   is a stretch of non-ASCII characters) only when the run re-encodes as
   GB18030 and decodes as *strict* UTF-8 into ordinary letters and punctuation
   (:func:`cleanpage._detect.readable_share`), and only in a piece where such
   runs make up most of the non-ASCII text.
"""

from __future__ import annotations

import contextlib
import re
from functools import cache
from typing import Final

import ftfy
import ftfy.bad_codecs  # registers sloppy-windows-1252
import ftfy.badness

from ._detect import cjk_share, readable_share
from ._repaired import CHUNK, Fix, Repaired

_FTFY: Final = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
)
_CP1252_HIGH: Final = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\x81\x8d\x8f\x90\x9d"
_CONTINUATION: Final = f"[\x80-\xbf{_CP1252_HIGH}]"
_CONTROL_CLASS: Final = r"\x00-\x08\x0b\x0e-\x1f\x7f"
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES: Final = bytes((*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F))
"""The bytes of :data:`_CONTROL`."""
_WINDOW: Final = 2_000
_NON_ASCII_RUN: Final = re.compile(r"[^\x00-\x7f]+")


def repair(text: str) -> str:
    """Undo mojibake, lone surrogates and stray control characters; leave correct text as it is.

    >>> repair("cafÃ© â€œquotedâ€\x9d")
    'café “quoted”'
    >>> repair("交易“智”变")
    '交易“智”变'
    """
    return plan_repair(text).text()


def plan_repair(text: str) -> Repaired:
    """What :func:`repair` does to ``text``, with the mojibake windows not yet applied."""
    if not needs_repair(text):
        return Repaired(text)
    text = scrub(text)
    if _suspects().search(text) is None:
        return Repaired(text)
    whole = _round_trip(text)
    return Repaired(whole) if whole != text else Repaired(text, _fix_suspects(text))


def needs_repair(text: str) -> bool:
    """Whether :func:`repair` could change ``text`` (it holds a mojibake suspect, a control
    character or a lone surrogate).

    >>> needs_repair("café"), needs_repair("cafÃ©")
    (False, True)
    """
    if text.isascii():
        return _scrubbable(text)  # mojibake is never ASCII: only a control character can be
    return _gate().search(text) is not None


def scrub(text: str) -> str:
    """Pair or replace lone surrogates and drop C0 control characters other than whitespace."""
    if not _scrubbable(text):
        return text
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return text


def _scrubbable(text: str) -> bool:
    """Whether ``text`` holds what :func:`scrub` takes out.

    Its UTF-8 bytes are searched, :data:`CHUNK` characters at a time (a control
    character is one byte, and a lone surrogate cannot be encoded): ``bytes.translate``
    deletes the controls several times faster than a regex finds one.
    """
    for start in range(0, len(text), CHUNK):
        try:
            data = text[start : start + CHUNK].encode("utf-8")
        except UnicodeEncodeError:
            return True
        if len(data.translate(None, _CONTROL_BYTES)) < len(data):
            return True
    return False


def control_share(text: str) -> float:
    """The share of C0 control characters (NUL and the like) in ``text``."""
    return len(_CONTROL.findall(text)) / len(text) if text else 0.0


@cache
def _gate() -> re.Pattern[str]:
    """One pass that finds controls, surrogates and mojibake suspects (a single leading class
    lets the regex engine skip everything else at C speed)."""
    return _suspect_pattern(f"{_CONTROL_CLASS}\\ud800-\\udfff")


@cache
def _suspects() -> re.Pattern[str]:
    return _suspect_pattern("")


def _suspect_pattern(also: str) -> re.Pattern[str]:
    gbk = _char_class(_gbk_mojibake_chars())
    latin = _char_class(_gbk_latin_chars())
    accept_also = f"(?<=[{also}])|" if also else ""
    return re.compile(
        f"[{also}\xc2-\xf4{gbk}{latin}]"
        f"(?:{accept_also}(?<=[\xc2-\xf4])(?={_CONTINUATION})|(?<=[{gbk}])(?=[{gbk}])"
        f"|(?<=[A-Za-z][{latin}])(?=[a-z]))"
    )


def _char_class(chars: frozenset[str]) -> str:
    """The inside of a regex character class matching ``chars``, as ranges (compiles fast)."""
    points = sorted(map(ord, chars))
    parts: list[str] = []
    start = prev = points[0]
    for point in [*points[1:], -1]:
        if point != prev + 1:
            lo, hi = re.escape(chr(start)), re.escape(chr(prev))
            parts.append(lo if start == prev else f"{lo}-{hi}")
            start = point
        prev = point
    return "".join(parts)


@cache
def _gbk_latin_chars() -> frozenset[str]:
    """Ideographs that a 2-byte UTF-8 letter (``é``, ``ü``, ``ş``) becomes when read as GBK."""
    chars = set()
    for a in range(0xC2, 0xE0):
        for b in range(0x80, 0xC0):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((a, b)).decode("gbk"))
    return frozenset(c for c in chars if _is_ideograph(c))


@cache
def _gbk_mojibake_chars() -> frozenset[str]:
    """Characters that UTF-8 byte pairs become when read as GBK, minus common CJK characters."""
    lead_bytes = range(0xC2, 0xF5)
    cont_bytes = range(0x80, 0xC0)
    pairs = [(a, b) for a in lead_bytes for b in cont_bytes]
    pairs += [(a, b) for a in cont_bytes for b in (*range(0x40, 0x7F), *cont_bytes, *lead_bytes)]
    chars = set()
    for a, b in pairs:
        try:
            chars.add(bytes((a, b)).decode("gbk"))
        except UnicodeDecodeError:
            continue
    return frozenset(c for c in chars if _is_ideograph(c) and cjk_share(c) == 0.0)


def _is_ideograph(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def _fix_suspects(text: str) -> tuple[Fix, ...]:
    fixes = []
    for start, end in _windows(text):
        piece = text[start:end]
        fixed = _fix_piece(piece)
        if fixed != piece:
            fixes.append(Fix(start, end, fixed))
    return tuple(fixes)


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged spans around every suspect: its line, or a bounded run on a long line."""
    spans: list[tuple[int, int]] = []
    suspects = _suspects()
    m = suspects.search(text)
    while m is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if end - start > _WINDOW:
            start, end = _run_around(text, m.start(), m.end())
        spans.append((start, end))
        # The next suspect past this window (a lookbehind still sees the text before it).
        m = suspects.search(text, end)
    return spans


def _run_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The run around ``[start, end)`` bounded by tags, whitespace or ``_WINDOW // 2`` chars."""
    lo = max(0, start - _WINDOW // 2)
    hi = min(len(text), end + _WINDOW // 2)
    left = max(text.rfind(c, lo, start) for c in "<> \t")
    right = [i for c in "<> \t" if (i := text.find(c, end, hi)) >= 0]
    return (left + 1 if left >= 0 else lo), (min(right) if right else hi)


def _round_trip(text: str) -> str:
    """``text`` re-read as the UTF-8 it was, when all of it is mojibake (checked by ftfy's
    badness measure, or for GBK by the result being ordinary letters); else ``text``.

    One encode and one strict decode per chunk: fast on a page that is mojibake from
    end to end. A short first chunk makes a page that is not wholly mojibake cost
    little, and chunks keep a huge page from being encoded whole to learn that.
    """
    for codec in ("sloppy-windows-1252", "latin-1", "gb18030"):
        fixed = _reread(text, codec)
        if fixed is None:
            continue
        if codec == "gb18030":
            letters = "".join(c for c in fixed[: _WINDOW * 4] if not c.isascii())
            plausible = readable_share(letters) >= 0.9
        else:
            plausible = ftfy.badness.is_bad(text)
        if fixed != text and plausible:
            return fixed
    return text


def _reread(text: str, codec: str) -> str | None:
    """``text`` encoded in ``codec`` and decoded as strict UTF-8, or ``None`` when either fails.

    Chunks end after a space, a character boundary in any of these readings.
    """
    pieces: list[str] = []
    pos, size = 0, _WINDOW * 8
    while pos < len(text):
        cut = text.find(" ", pos + size) + 1 or len(text)
        try:
            pieces.append(text[pos:cut].encode(codec).decode("utf-8"))
        except (UnicodeEncodeError, UnicodeDecodeError):
            return None
        pos, size = cut, CHUNK
    return "".join(pieces)


def _fix_piece(piece: str) -> str:
    quick = _round_trip(piece)
    if quick != piece:
        return quick
    fixed = ftfy.fix_encoding(piece, _FTFY)
    return fixed if fixed != piece else _undo_gbk(piece)


def _undo_gbk(piece: str) -> str:
    """``piece`` with UTF-8-read-as-GBK undone, when most of its non-ASCII runs are that.

    A run is undone when it re-encodes as GB18030 and decodes as strict UTF-8 into
    ordinary letters; correct CJK text almost never does (GB byte pairs are rarely valid
    UTF-8), and the piece is left alone unless such runs make up most of it.
    """
    runs = list(_NON_ASCII_RUN.finditer(piece))
    fixes = [_utf8_behind_gbk(m.group()) for m in runs]
    undone = sum(len(m.group()) for m, fix in zip(runs, fixes, strict=True) if fix != m.group())
    if undone * 2 < sum(len(m.group()) for m in runs):
        return piece
    out: list[str] = []
    pos = 0
    for m, fix in zip(runs, fixes, strict=True):
        out += [piece[pos : m.start()], fix]
        pos = m.end()
    return "".join([*out, piece[pos:]])


def _utf8_behind_gbk(run: str) -> str:
    """The UTF-8 text ``run`` was before it was read as GBK, or ``run`` itself."""
    try:
        fixed = run.encode("gb18030").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run
    return fixed if readable_share(fixed) >= 0.9 else run
