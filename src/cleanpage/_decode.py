"""Stage 1: a capture (``str`` or ``bytes``) becomes clean text, and we tell HTML from text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import ftfy

from ._exceptions import DecodeError, EmptyInputError, InputTooLargeError
from ._options import Options

Markup = Literal["html", "text"]

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p|article)\b", re.I | re.S)
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False, uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """The capture as text, and whether it is markup."""

    text: str
    markup: Markup


def decode(capture: str | bytes, *, content_type: str | None, options: Options) -> Decoded:
    """Decode and repair ``capture``; raise an :class:`InputError` when it cannot be read."""
    size = len(capture) if isinstance(capture, bytes) else len(capture.encode("utf-8", "replace"))
    if size > options.max_bytes:
        raise InputTooLargeError(
            f"capture is {size:,} bytes, over the limit of {options.max_bytes:,};"
            " raise Options.max_bytes to accept it",
            stage="decode",
        )
    if isinstance(capture, bytes):
        try:
            text = capture.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"capture is not valid UTF-8: {exc}", stage="decode") from exc
    else:
        text = capture
    if not text.strip():
        raise EmptyInputError("capture is empty or only whitespace", stage="decode")
    markup: Markup = "html" if _HTML_START.match(text) else "text"
    return Decoded(repair(text), markup)


def repair(text: str) -> str:
    """Undo mojibake and stray control characters, leaving correct text as it is."""
    return ftfy.fix_text(text, _FTFY)
