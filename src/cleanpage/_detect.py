"""Encoding detection for bytes that are not UTF-8 and declare nothing usable.

Each candidate encoding decodes the same sample; each reading is scored for
plausibility in the script that encoding is used for, and the best reading
wins (ties go to the earlier candidate in :data:`CANDIDATES`).

How a reading is scored, by family:

* CJK encodings: the share of the sample's non-ASCII characters that lie in the
  *core* of that encoding's own repertoire — the 3,755 level-1 hanzi of GB2312
  for GBK/GB18030, the 5,401 level-1 hanzi of Big5, kana and the 2,965 level-1
  kanji of JIS X 0208 for Shift_JIS/EUC-JP, Hangul syllables for EUC-KR — plus
  CJK punctuation. Real text sits almost entirely in that core; the same bytes
  read in another CJK encoding land in rare characters, half-width katakana or
  undecodable pairs. The core sets are computed from the codecs themselves.
* Cyrillic encodings (KOI8-R, cp1251): the share of words that are wholly
  Cyrillic and cased like words (``мир``, ``Мир``, ``МИР``, never ``мИР`` — which
  is what KOI8-R read as cp1251 looks like, and vice versa).
* Latin encodings (cp1252): the share of non-ASCII characters that are Latin
  letters or punctuation in short runs inside words (``Grüße``, ``café``); the
  long runs of accented letters that other scripts' bytes become score nothing.
* UTF-8 itself: the share of non-ASCII characters that decode from valid
  sequences, so a UTF-8 capture with stray or damaged bytes is still UTF-8.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Final, Literal

Family = Literal["utf-8", "zh_hans", "zh_hant", "ja", "ko", "cyrillic", "latin", "other"]

_SAMPLE_BYTES: Final = 16_384
_SAMPLE_CHARS: Final = 8_000
_HIGH_BYTE: Final = re.compile(rb"[\x80-\xff]")
_TIE: Final = 0.03
_NON_ASCII_RUN: Final = re.compile(r"[^\x00-\x7f]+")
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")
_CYR_WORD: Final = re.compile(r"[^\W\d_]*[\u0400-\u04ff][^\W\d_]*")
_LATIN_OK: Final = frozenset("“”‘’„‚–—…€•«»°©®™·×÷¡¿£¥§¶\xa0")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A Python codec and the script family its readings are scored in."""

    codec: str
    family: Family

    @staticmethod
    def of(codec: str) -> Candidate:
        """The candidate for any codec (scripts we do not score are ``other``)."""
        for cand in CANDIDATES:
            if cand.codec == codec:
                return cand
        return Candidate(codec, _FAMILY_OF.get(codec, "other"))


@dataclass(frozen=True, slots=True)
class Guess:
    """The winning candidate, how plausible its reading was (0 to 1), how far ahead of the
    runner-up it came, and how many non-ASCII characters the verdict rests on."""

    candidate: Candidate
    score: float
    margin: float
    evidence: int

    @property
    def doubtful(self) -> bool:
        """No reading is plausible, none stands out, and there was enough text to tell."""
        return self.score < 0.8 and self.margin < 0.25 and self.evidence >= 32


CANDIDATES: Final[tuple[Candidate, ...]] = (
    Candidate("utf-8", "utf-8"),
    Candidate("cp949", "ko"),
    Candidate("euc_jp", "ja"),
    Candidate("cp932", "ja"),
    Candidate("gb18030", "zh_hans"),
    Candidate("big5hkscs", "zh_hant"),
    Candidate("cp1251", "cyrillic"),
    Candidate("koi8_r", "cyrillic"),
    Candidate("cp1252", "latin"),
)
_FAMILY_OF: Final[dict[str, Family]] = {
    "iso2022_jp": "ja",
    "shift_jis": "ja",
    "euc_kr": "ko",
    "gbk": "zh_hans",
    "gb2312": "zh_hans",
    "big5": "zh_hant",
    "cp950": "zh_hant",
    "koi8_u": "cyrillic",
    "iso8859_5": "cyrillic",
    "cp866": "cyrillic",
    "mac_cyrillic": "cyrillic",
    "cp1250": "latin",
    "cp1254": "latin",
    "cp1257": "latin",
    "cp1258": "latin",
}


def detect(data: bytes, declared: str | None = None) -> Guess:
    """The most plausible encoding for ``data`` (the declared one wins ties)."""
    # The sample starts shortly before the first non-ASCII byte (everything before that byte
    # is ASCII, so any start there is aligned), so a long ASCII head (scripts, styles)
    # cannot hide the text, and the first word keeps its ASCII letters.
    first = _HIGH_BYTE.search(data)
    start = max(0, first.start() - 64) if first else 0
    sample = data[start : start + _SAMPLE_BYTES]
    cands = list(CANDIDATES)
    if declared:
        decl = Candidate.of(declared)
        cands = [decl, *(c for c in cands if c.codec != declared)]
    scores = [plausibility(c, sample.decode(c.codec, "replace")) for c in cands]
    top = max(scores)
    best = next(c for c, s in zip(cands, scores, strict=True) if s >= top - _TIE)
    runner_up = max((s for c, s in zip(cands, scores, strict=True) if c != best), default=0.0)
    evidence = len(_NON_ASCII.findall(sample.decode(best.codec, "replace"), 0, _SAMPLE_CHARS))
    if evidence < 8 and top < 0.9:
        # A stray byte or two in ASCII text: no reading is worth the ASCII it would eat.
        return Guess(CANDIDATES[0], top, 0.0, evidence)
    return Guess(best, top, top - runner_up, evidence)


def plausibility(cand: Candidate, text: str) -> float:
    """How much ``text`` reads like real text of ``cand``'s family, from 0 to 1."""
    runs = _NON_ASCII_RUN.findall(text, 0, _SAMPLE_CHARS)
    if not runs:
        return 1.0
    return _SCORERS[cand.family](text[: _SAMPLE_CHARS + 64], runs)  # + the last word's end


def cjk_share(chars: str) -> float:
    """Share of ``chars`` in the core of any CJK script (used to judge mojibake repairs)."""
    core = _core("any")
    return sum(map(core.__contains__, chars)) / len(chars) if chars else 0.0


def readable_share(chars: str) -> float:
    """Share of ``chars`` that are ordinary letters or punctuation of a living script:
    CJK core characters, or letters of the Latin, Greek, Cyrillic, Arabic, Hebrew and Thai
    blocks, or common punctuation."""
    if not chars:
        return 0.0
    core = _core("any")
    good = sum(
        1
        for c in chars
        if c in core or c in _LATIN_OK or (c.isalpha() and c < "\u1000") or "\u1e00" <= c < "\u2000"
    )
    return good / len(chars)


def _cjk_scorer(family: Family) -> Callable[[str, list[str]], float]:
    def score(text: str, runs: list[str]) -> float:
        # CJK text comes in runs; a lone character between ASCII letters counts half.
        core = _core(family)
        good = sum(sum(map(core.__contains__, r)) * (1.0 if len(r) > 1 else 0.5) for r in runs)
        return good / sum(map(len, runs))

    return score


def _utf8(text: str, runs: list[str]) -> float:
    """Share of non-ASCII characters that came from valid UTF-8 sequences; other bytes
    rarely form one, so a UTF-8 capture with a stretch of garbage still scores high."""
    bad = sum(r.count("\ufffd") for r in runs)
    return 1.0 - bad / sum(map(len, runs))


def _cyrillic(text: str, runs: list[str]) -> float:
    words = _CYR_WORD.findall(text)
    if not words:
        return 0.0
    good = sum(_cyrillic_word(w) for w in words)
    cyr = sum(1 for r in runs for c in r if "\u0400" <= c <= "\u04ff")
    return good / len(words) * cyr / sum(map(len, runs))


def _cyrillic_word(word: str) -> float:
    """1 for a word cased like a word; long all-capital words are suspect (KOI8-R/cp1251 swap)."""
    if not all("\u0400" <= c <= "\u04ff" for c in word):
        return 0.0
    if word.islower() or word.istitle():
        return 1.0
    return (1.0 if len(word) <= 4 else 0.3) if word.isupper() else 0.0


def _latin(text: str, runs: list[str]) -> float:
    good = 0
    for run in runs:
        if len(run) <= 2:
            good += sum(
                1 for c in run if c in _LATIN_OK or ("\xc0" <= c <= "\u024f" and c.isalpha())
            )
    return good / sum(map(len, runs))


_SCORERS: Final[dict[Family, Callable[[str, list[str]], float]]] = {
    "utf-8": _utf8,
    "zh_hans": _cjk_scorer("zh_hans"),
    "zh_hant": _cjk_scorer("zh_hant"),
    "ja": _cjk_scorer("ja"),
    "ko": _cjk_scorer("ko"),
    "cyrillic": _cyrillic,
    "latin": _latin,
    "other": lambda text, runs: 1.0,
}


@cache
def _core(family: str) -> frozenset[str]:
    """The core repertoire of a CJK family, computed from the codecs (once, lazily)."""
    punct = {chr(c) for c in (*range(0x3000, 0x3040), *range(0xFF01, 0xFF5F))} | set("—…“”‘’·")
    if family == "zh_hans":
        chars = _table("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
    elif family == "zh_hant":
        chars = _table("big5", range(0xA4, 0xC7), (*range(0x40, 0x7F), *range(0xA1, 0xFF)))
    elif family == "ja":
        kana = {chr(c) for c in (*range(0x3041, 0x3097), *range(0x30A1, 0x30FB), 0x30FC, 0x30FB)}
        chars = _table("euc_jp", range(0xB0, 0xD0), range(0xA1, 0xFF)) | kana
    elif family == "ko":
        chars = _table("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))
    else:
        chars = set().union(*(_core(f) for f in ("zh_hans", "zh_hant", "ja", "ko")))
    return frozenset(chars | punct)


def _table(codec: str, leads: range, trails: range | tuple[int, ...]) -> set[str]:
    out: set[str] = set()
    for lead in leads:
        for trail in trails:
            try:
                out.add(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return out
