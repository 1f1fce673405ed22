"""Bytes to text: which encoding a capture is in, and how we decide.

The order of evidence, strongest first:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. UTF-16/32 without a BOM, told by where the NUL bytes fall;
3. strict UTF-8: bytes that decode as UTF-8 are UTF-8, whatever the page
   declares (a legacy label on UTF-8 bytes is the most common mislabel);
4. the declared charset (``content_type=``, then ``<meta charset>`` /
   ``http-equiv`` / ``<?xml encoding?>`` in the first 8 KB), read through the
   WHATWG label table (``latin1``/``ascii`` mean cp1252, ``gb2312``/``gbk``
   mean GB18030, ``big5`` means Big5-HKSCS, ``shift_jis`` means cp932 …) and
   kept when it decodes cleanly into plausible text;
5. otherwise detection (:mod:`cleanpage._detect`): every candidate encoding
   decodes a sample and the most plausible reading wins; when no reading is
   plausible (correct readings of the test samples score >= 0.88, bytes of an
   unsupported script or junk <= 0.72) and none stands out from the rest, with
   enough text to tell, :class:`DecodeError` asks for the charset.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Final, Literal

from ._detect import Candidate, detect, plausibility
from ._exceptions import DecodeError

How = Literal["bom", "nul-pattern", "utf-8", "declared", "detected", "ascii"]

_BOMS: Final[tuple[tuple[bytes, str], ...]] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PRESCAN_BYTES: Final = 8192
_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:\-]{1,40})""",
    re.I,
)
_CONTROLS: Final = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_HEADER_CHARSET: Final = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,40})""", re.I)

# WHATWG Encoding Standard labels (the ones seen in the wild), mapped to the
# Python codec that decodes what browsers decode for them.
_WHATWG: Final[dict[str, str]] = {
    "utf-8": "utf-8 utf8 unicode-1-1-utf-8 unicode11utf8 unicode20utf8 x-unicode20utf8",
    "cp1252": "windows-1252 cp1252 x-cp1252 latin1 latin-1 l1 iso-8859-1 iso8859-1 iso88591"
    " iso_8859-1 iso_8859-1:1987 iso-ir-100 cp819 ibm819 csisolatin1 ascii us-ascii"
    " ansi_x3.4-1968 iso-8859-15 iso8859-15 latin-9 latin9",
    "gb18030": "gb18030 gbk gb2312 gb_2312 gb_2312-80 chinese csgb2312 csiso58gb231280"
    " iso-ir-58 x-gbk cp936 ms936 windows-936 euc-cn euccn x-euc-cn",
    "big5hkscs": "big5 big5-hkscs cn-big5 csbig5 x-x-big5 cp950 x-big5",
    "cp932": "shift_jis shift-jis sjis x-sjis ms932 ms_kanji windows-31j csshiftjis"
    " cswindows31j cp932",
    "euc_jp": "euc-jp eucjp cseucpkdfmtjapanese x-euc-jp",
    "iso2022_jp": "iso-2022-jp csiso2022jp",
    "cp949": "euc-kr euckr cseuckr korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601"
    " iso-ir-149 csksc56011987 windows-949 cp949 uhc",
    "koi8_r": "koi8-r koi8_r koi8 koi cskoi8r",
    "koi8_u": "koi8-u koi8-ru",
    "cp1251": "windows-1251 cp1251 x-cp1251",
    "cp1250": "windows-1250 cp1250 x-cp1250",
    "cp1253": "windows-1253 cp1253 x-cp1253",
    "cp1254": "windows-1254 cp1254 x-cp1254 iso-8859-9 iso8859-9 latin5 l5",
    "cp1255": "windows-1255 cp1255 x-cp1255",
    "cp1256": "windows-1256 cp1256 x-cp1256",
    "cp1257": "windows-1257 cp1257 x-cp1257",
    "cp1258": "windows-1258 cp1258 x-cp1258",
    "cp874": "windows-874 tis-620 iso-8859-11 iso8859-11 dos-874",
    "utf-16-le": "utf-16 utf-16le utf-16-le ucs-2 unicode csunicode",
    "utf-16-be": "utf-16be utf-16-be unicodefffe",
}
_LABELS: Final[dict[str, str]] = {
    label: codec for codec, labels in _WHATWG.items() for label in labels.split()
}
_SELF_EVIDENT: Final = ("iso2022_jp", "utf-16-le", "utf-16-be")


@dataclass(frozen=True, slots=True)
class Decoding:
    """Text decoded from bytes, with the encoding used and what decided it."""

    text: str
    encoding: str
    how: How


def codec_for_label(label: str) -> str | None:
    """The Python codec for a charset label (WHATWG names first), or None when unknown.

    >>> codec_for_label("GB2312"), codec_for_label("latin1"), codec_for_label("Big5")
    ('gb18030', 'cp1252', 'big5hkscs')
    """
    key = label.strip().strip("\"'").lower()
    if key in _LABELS:
        return _LABELS[key]
    try:
        info = codecs.lookup(key)
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def declared_charset(data: bytes, content_type: str | None) -> str | None:
    """The codec the capture declares: the HTTP header first, then the document head."""
    if content_type and (header := _HEADER_CHARSET.search(content_type)):
        codec = codec_for_label(header.group(1))
        if codec:
            return codec
    meta = _META_CHARSET.search(data, 0, _PRESCAN_BYTES)
    if meta is None:
        return None
    codec = codec_for_label((meta.group(1) or meta.group(2)).decode("ascii"))
    # A UTF-16 label readable as ASCII is wrong by construction (WHATWG rule).
    return "utf-8" if codec and codec.startswith("utf-16") else codec


def decode_bytes(data: bytes, *, content_type: str | None = None) -> Decoding:
    """Decode ``data`` to text following the order of evidence in the module docstring."""
    declared = declared_charset(data, content_type)
    found = _by_structure(data, declared)
    if found is not None:
        return found
    if declared and declared != "utf-8" and (kept := _keep_declared(data, declared)) is not None:
        return kept
    guess = detect(data, declared)
    if guess.doubtful and guess.candidate.family != "utf-8":
        raise DecodeError(
            f"no supported encoding reads these bytes as text (the best guess,"
            f" {guess.candidate.codec}, scores {guess.score:.2f} of 1); pass the page's charset"
            " as content_type= if you know it",
            stage="decode",
            kind="charset",
        )
    codec = guess.candidate.codec
    return Decoding(data.decode(codec, "replace"), codec, "detected")


def _by_structure(data: bytes, declared: str | None) -> Decoding | None:
    """A decoding the bytes prove by themselves (BOM, NUL pattern, escapes, valid UTF-8)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoding(data[len(bom) :].decode(codec, "replace"), codec, "bom")
    wide = _wide_unicode(data)
    if wide:
        return Decoding(data.decode(wide, "replace"), wide, "nul-pattern")
    if declared in _SELF_EVIDENT and (text := _strict(data, declared)) is not None:
        return Decoding(text, declared, "declared")
    if data.isascii():
        if b"\x1b$B" in data or b"\x1b$@" in data:
            return Decoding(data.decode("iso2022_jp", "replace"), "iso2022_jp", "detected")
        return Decoding(data.decode("ascii"), "ascii", "ascii")
    text = _strict(data, "utf-8")
    return None if text is None else Decoding(text, "utf-8", "utf-8")


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _keep_declared(data: bytes, codec: str) -> Decoding | None:
    """The declared decoding, when it is clean and reads as plausible text."""
    text = _strict(data, codec)
    if text is None:
        return None
    if plausibility(Candidate.of(codec), text) < 0.6:
        return None
    return Decoding(text, codec, "declared")


def _wide_unicode(data: bytes) -> str | None:
    """UTF-16/32 without a BOM, told by where the NUL bytes of ASCII characters fall."""
    head = data[:4096]
    if len(head) < 8 or head.count(0) < 4:
        return None
    n = len(head) // 4 * 4
    zeros = [head[i:n:4].count(0) / (n // 4) for i in range(4)]
    if zeros[2] > 0.9 and zeros[3] > 0.9 and zeros[0] < 0.5:
        return "utf-32-le"
    if zeros[0] > 0.9 and zeros[1] > 0.9 and zeros[3] < 0.5:
        return "utf-32-be"
    even, odd = zeros[0] + zeros[2], zeros[1] + zeros[3]
    # NULs mostly on one side (ASCII characters: spaces, digits, markup) mean UTF-16,
    # provided the sample then decodes cleanly to text without control characters
    # (binary data has NULs on both sides, and decodes to unpaired surrogates).
    codec = "utf-16-le" if odd > 3 * even else "utf-16-be" if even > 3 * odd else None
    text = _strict(head[: n - 2], codec) if codec else None
    if text is None or len(_CONTROLS.findall(text)) > 0.01 * len(text):
        return None
    return codec
