"""Stage 1: a capture (``str`` or ``bytes``) becomes text, and we tell HTML from text.

Bad input stops here with the error that says what it is: too large
(:class:`InputTooLargeError`), empty, binary (named by ``kind``: ``pdf``,
``png``, ``zip`` …), undecodable, or a data format rather than a page
(``json``, ``rss``, ``atom``, ``xml``). gzip-compressed captures are inflated,
bounded by ``Options.max_bytes``, and read like any other bytes.

Repair (:func:`repair`) is not done here: the text path reads
:attr:`Decoded.text`, repaired; the HTML path parses :meth:`Decoded.utf8` as it
is and reads :meth:`Decoded.repaired_utf8` only when what it shows needs repair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from ._charset import Decoding, decode_bytes
from ._exceptions import (
    BinaryInputError,
    CaptureTypeError,
    DecodeError,
    EmptyInputError,
    InputTooLargeError,
    UnsupportedFormatError,
)
from ._options import Options
from ._repair import control_share, needs_repair, plan_repair, repair, scrub
from ._repaired import Repaired
from ._sniff import Markup, binary_kind, data_format, gunzip, is_gzip, markup_of, starts_like_json

__all__ = ["Decoded", "Markup", "decode", "needs_repair", "repair"]

_SAMPLE: Final = 65_536
_SNIFF: Final = 16_384
"""Characters read to tell HTML, text, XML and feeds apart (twice what the sniffers read,
so that control characters dropped from it cannot leave them short)."""
_VISIBLE: Final = re.compile(r"\S")
_MAX_CONTROL_SHARE: Final = 0.10


@dataclass(frozen=True, slots=True)
class Decoded:
    """The capture as text (not yet repaired), whether it is markup, and its encoding."""

    raw: str
    """The decoded capture, before :func:`repair`."""
    markup: Markup
    encoding: str | None = None
    """The codec bytes were decoded with (``None`` for a ``str`` capture)."""
    utf8_capture: bytes | None = None
    """The captured bytes, when they are exactly the UTF-8 form of :attr:`raw`."""

    @property
    def text(self) -> str:
        """The decoded, repaired text (the text path reads this)."""
        return plan_repair(self.raw).text()

    def utf8(self) -> bytes:
        """:attr:`raw` as UTF-8, not repaired: the captured bytes themselves when they are
        that. Lone surrogates, which UTF-8 cannot hold, are paired or replaced first.

        The HTML path parses this and repairs only when what it read needs it
        (:func:`needs_repair`): scanning the few kilobytes of text a page shows costs a
        fraction of scanning its markup, scripts and styles.
        """
        if self.utf8_capture is not None:
            return self.utf8_capture
        try:
            return Repaired(self.raw).utf8("strict")
        except UnicodeEncodeError:
            return Repaired(scrub(self.raw)).utf8()

    def repaired_utf8(self) -> bytes:
        """:attr:`text` as UTF-8, encoded without building :attr:`text` whole."""
        repaired = plan_repair(self.raw)
        if repaired.base is self.raw and not repaired.fixes:
            return self.utf8()
        return repaired.utf8()

    def repairs(self) -> bool:
        """Whether :func:`repair` changes the capture at all.

        The gate of :func:`needs_repair` only finds suspects: ``é’`` in "Beyoncé’s"
        looks like the start of mojibake and is correct text.
        """
        repaired = plan_repair(self.raw)
        return repaired.base is not self.raw or bool(repaired.fixes)


def decode(capture: object, *, content_type: str | None, options: Options) -> Decoded:
    """Decode and repair ``capture``; raise an :class:`InputError` or :class:`LimitError`
    subclass naming what is wrong with it (:class:`CaptureTypeError` for neither text nor
    bytes: callers pass on whatever they were given)."""
    encoding: str | None = None
    exact: bytes | None = None  # bytes that are exactly the UTF-8 form of ``text``
    if isinstance(capture, bytearray | memoryview):
        capture = bytes(capture)
    if isinstance(capture, bytes):
        decoding, data = _from_bytes(capture, content_type, options, nested=False)
        text, encoding = decoding.text, decoding.encoding
        exact = data if decoding.how in ("utf-8", "ascii") else None
    elif isinstance(capture, str):
        _check_str_size(capture, options)
        text = capture.removeprefix("\ufeff")  # a BOM left by a UTF-8-sig reader
        _reject_binary(text[:32].encode("latin-1", "replace"))
    else:
        raise CaptureTypeError(
            f"a capture must be str or bytes, not {type(capture).__name__}", stage="decode"
        )
    _check_text(text)
    if _is_blank(text):
        raise EmptyInputError(
            "capture holds only whitespace and control characters", stage="decode"
        )
    head = scrub(text[:_SNIFF])  # what format and markup sniffing read, as repaired
    found = data_format(scrub(text) if starts_like_json(head) else head)
    if found is not None:
        kind, what = found
        raise UnsupportedFormatError(
            f"capture is {what}, not a web page or page text", stage="decode", kind=kind
        )
    return Decoded(text, markup_of(head), encoding, exact)


def _is_blank(text: str) -> bool:
    """Whether ``text`` is only whitespace and control characters (read past its first
    visible character only when that is a control character)."""
    first = _VISIBLE.search(text)
    return first is None or (not first.group().isprintable() and not scrub(text).strip())


def _from_bytes(
    data: bytes, content_type: str | None, options: Options, *, nested: bool
) -> tuple[Decoding, bytes]:
    """The decoding of ``data`` (inflated when gzip) and the bytes it was decoded from."""
    if len(data) > options.max_bytes:
        raise InputTooLargeError(
            f"capture is {len(data):,} bytes, over the limit of {options.max_bytes:,};"
            " raise Options.max_bytes to accept it",
            stage="decode",
            kind="max_bytes",
        )
    if not data or data.isspace():
        raise EmptyInputError("capture is empty or only whitespace", stage="decode")
    if is_gzip(data):
        if nested:
            raise BinaryInputError(
                "capture is gzip inside gzip; decompress it first", stage="decode", kind="gzip"
            )
        return _from_bytes(gunzip(data, options.max_bytes), content_type, options, nested=True)
    _reject_binary(data[:32])
    try:
        decoding = decode_bytes(data, content_type=content_type)
    except DecodeError:
        _check_text(data[:_SAMPLE].decode("latin-1"))  # NUL-heavy: binary, not undecodable
        raise
    return decoding, data


def _reject_binary(head: bytes) -> None:
    found = binary_kind(head)
    if found is not None:
        kind, what = found
        raise BinaryInputError(
            f"capture is {what}, not a web page; extract its text with a tool for that format",
            stage="decode",
            kind=kind,
        )


def _check_str_size(text: str, options: Options) -> None:
    if len(text) * 4 <= options.max_bytes:
        return
    size = (
        len(text) if len(text) > options.max_bytes else len(text.encode("utf-8", "surrogatepass"))
    )
    if size > options.max_bytes:
        raise InputTooLargeError(
            f"capture is {size:,} bytes as UTF-8, over the limit of {options.max_bytes:,};"
            " raise Options.max_bytes to accept it",
            stage="decode",
            kind="max_bytes",
        )


def _check_text(text: str) -> None:
    """Reject empty text and binary data that decoded "successfully" (NUL-heavy)."""
    if not text or text.isspace():
        raise EmptyInputError("capture is empty or only whitespace", stage="decode")
    if text.find("\x00", 0, _SAMPLE) < 0:
        return
    sample = text[:_SAMPLE]
    share = control_share(sample)
    if share > _MAX_CONTROL_SHARE:
        if not scrub(sample).strip():
            raise EmptyInputError("capture holds only NUL bytes and whitespace", stage="decode")
        raise BinaryInputError(
            f"capture looks like binary data: {share:.0%} of its first characters are NUL or"
            " other control characters",
            stage="decode",
            kind="binary",
        )
