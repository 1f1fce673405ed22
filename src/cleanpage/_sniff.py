"""What a capture is, before anything tries to read it as a page.

* :func:`binary_kind` tells binary formats by their magic numbers (PDF, images,
  archives, media, executables);
* :func:`gunzip` inflates gzip-compressed captures, bounded by a byte limit (a
  gzip bomb stops at the limit, it is never inflated whole);
* :func:`data_format` tells data formats that are text but not pages (JSON,
  RSS/Atom feeds, other XML);
* :func:`markup_of` tells HTML from text copied off a rendered page.
"""

from __future__ import annotations

import json
import re
import zlib
from typing import Final, Literal

from ._exceptions import DecodeError, InputTooLargeError

Markup = Literal["html", "text"]

# (magic, offset, kind, what a person would call it)
_MAGIC: Final[tuple[tuple[bytes, int, str, str], ...]] = (
    (b"%PDF-", 0, "pdf", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", 0, "png", "a PNG image"),
    (b"\xff\xd8\xff", 0, "jpeg", "a JPEG image"),
    (b"GIF87a", 0, "gif", "a GIF image"),
    (b"GIF89a", 0, "gif", "a GIF image"),
    (b"WEBP", 8, "webp", "a WebP image"),
    (b"\x00\x00\x01\x00", 0, "ico", "an icon image"),
    (b"ftyp", 4, "mp4", "an MP4/QuickTime media file"),
    (b"ID3", 0, "mp3", "an MP3 audio file"),
    (b"OggS\x00", 0, "ogg", "an Ogg media file"),
    (b"\x1aE\xdf\xa3", 0, "webm", "a WebM/Matroska media file"),
    (b"PK\x03\x04", 0, "zip", "a ZIP archive (or a .docx/.xlsx/.epub, which are ZIP archives)"),
    (b"PK\x05\x06", 0, "zip", "an empty ZIP archive"),
    (b"Rar!\x1a\x07", 0, "rar", "a RAR archive"),
    (b"7z\xbc\xaf'\x1c", 0, "7z", "a 7-Zip archive"),
    (b"BZh", 0, "bzip2", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", 0, "xz", "xz-compressed data"),
    (b"(\xb5/\xfd", 0, "zstd", "zstd-compressed data"),
    (b"\x7fELF", 0, "elf", "an executable (ELF)"),
    (b"\x00asm", 0, "wasm", "a WebAssembly module"),
    (b"wOFF", 0, "font", "a web font (WOFF)"),
    (b"wOF2", 0, "font", "a web font (WOFF2)"),
    (b"SQLite format 3\x00", 0, "sqlite", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "ole", "a legacy Office document (.doc/.xls)"),
)
_GZIP: Final = b"\x1f\x8b\x08"
_INFLATE_STEP: Final = 1024 * 1024
_JSON_START: Final = re.compile(r"\s*(?:\{\s*(?:\"|\})|\[\s*(?:[\"\[{\]\-]|\d|true|false|null))")
_XML_DECL: Final = re.compile(r"\s*<\?xml\b[^>]*\?>", re.I)
_PROLOG_ITEM: Final = re.compile(r"\s*(?:<!--.*?-->|<\?.*?\?>|<!doctype[^>]*>)", re.I | re.S)
_ROOT: Final = re.compile(r"\s*<([A-Za-z][\w.:-]*)")
_FEEDS: Final = {
    "rss": ("rss", "an RSS feed"),
    "rdf:rdf": ("rss", "an RSS (RDF) feed"),
    "feed": ("atom", "an Atom feed"),
}
_HTML_DECLARED: Final = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_KNOWN_TAG: Final = re.compile(
    r"</?(?:a|abbr|article|aside|b|blockquote|body|br|button|code|dd|div|dl|dt|em|figcaption"
    r"|figure|footer|form|h[1-6]|head|header|hr|i|iframe|img|input|label|li|link|main|meta|nav"
    r"|noscript|ol|p|picture|pre|script|section|small|source|span|strong|style|sup|svg|table"
    r"|tbody|td|th|thead|time|title|tr|u|ul|video)(?:\s[^<>]{0,1000})?/?>",
    re.I,
)
_HEAD_CHARS: Final = 8_192


def binary_kind(head: bytes) -> tuple[str, str] | None:
    """``(kind, description)`` when ``head`` starts like a known binary format."""
    for magic, offset, kind, what in _MAGIC:
        if head.startswith(magic, offset):
            if kind == "bzip2" and not head[3:4].isdigit():
                continue  # "BZh" + block size digit
            if kind == "mp3" and head[3:5] not in (b"\x02\x00", b"\x03\x00", b"\x04\x00"):
                continue  # "ID3" + version: not a text that starts with "ID3"
            return kind, what
    return None


def is_gzip(data: bytes) -> bool:
    return data.startswith(_GZIP)


def gunzip(data: bytes, limit: int) -> bytes:
    """Inflate gzip ``data`` (all members), never past ``limit`` bytes of output.

    Output comes in 1 MiB steps, so a gzip bomb costs ``limit`` bytes of memory at most
    before it is refused. A truncated stream yields what it holds; a corrupt one raises
    :class:`DecodeError`.
    """
    out: list[bytes] = []
    size = 0
    while data:
        inflater = zlib.decompressobj(wbits=31)
        pending = data
        try:
            while pending and not inflater.eof:
                out.append(inflater.decompress(pending, _INFLATE_STEP))
                size += len(out[-1])
                if size > limit:
                    raise InputTooLargeError(
                        f"gzip capture inflates past {limit:,} bytes;"
                        " raise Options.max_bytes to accept it",
                        stage="decode",
                        kind="max_bytes",
                    )
                pending = inflater.unconsumed_tail
        except zlib.error as exc:
            if size:  # trailing garbage after a complete member
                break
            raise DecodeError(f"gzip data is corrupt ({exc})", stage="decode", kind="gzip") from exc
        data = inflater.unused_data if inflater.eof else b""
    return b"".join(out)


def starts_like_json(text: str) -> bool:
    """Whether ``text`` opens the way JSON data does (``{"``, ``[1``, …).

    >>> starts_like_json('  {"a": 1}'), starts_like_json("<html>")
    (True, False)
    """
    return _JSON_START.match(text) is not None


def data_format(text: str) -> tuple[str, str] | None:
    """``(kind, description)`` when ``text`` is JSON, an RSS/Atom feed or non-HTML XML."""
    if _JSON_START.match(text) and _is_json(text):
        return "json", "JSON data"
    root = _xml_root(text)
    if root is None or root == "html" or root.endswith(":html"):
        return None
    if root in _FEEDS:
        return _FEEDS[root]
    return "xml", f"an XML document (root element <{root}>)"


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        first = text.lstrip().split("\n", 1)[0].strip()
        if not first.startswith("{") or not first.endswith("}"):
            return False
        try:  # JSON lines: the first line is an object on its own
            json.loads(first)
        except ValueError:
            return False
    return True


def _xml_root(text: str) -> str | None:
    """The root element's lower-cased name when ``text`` is XML (declared, or a feed root)."""
    head = text[:_HEAD_CHARS]
    declared = _XML_DECL.match(head)
    pos = declared.end() if declared else 0
    while m := _PROLOG_ITEM.match(head, pos):
        pos = m.end()
    m = _ROOT.match(head, pos)
    if m is None:
        return None
    root = m.group(1).lower()
    return root if declared or root in _FEEDS or root in ("urlset", "sitemapindex") else None


def markup_of(text: str) -> Markup:
    """``"html"`` for markup (a doctype, ``<html>``/``<head>``/``<body>``, or a page that
    opens with a known tag or holds a dozen of them in its first 8 KB); ``"text"`` otherwise.

    >>> markup_of("<!DOCTYPE html><title>x</title>"), markup_of("I <3 BTC, and 2 < 3")
    ('html', 'text')
    """
    head = text[:_HEAD_CHARS]
    if _HTML_DECLARED.search(head) or _KNOWN_TAG.match(head.lstrip()):
        return "html"
    return "html" if len(_KNOWN_TAG.findall(head)) >= 12 else "text"
