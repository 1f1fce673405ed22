"""Which language a text is in: scripts first, then stopwords for Latin script.

:func:`detect_language` looks at no more than a few kilobytes. A text in a
script that few languages share (Han, Kana, Hangul, Cyrillic, Arabic,
Devanagari, …) is decided by its characters; a Latin-script text by which
language's frequent function words cover most of it. The stopword lists are
data, in ``rules/meta/languages.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Final

SAMPLE_CHARS: Final = 3000
"""How much of the text is looked at."""

_SCRIPTS: Final[tuple[tuple[str, re.Pattern[str], int], ...]] = tuple(
    (name, re.compile(f"[{ranges}]"), weight)
    for name, ranges, weight in (
        ("han", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff", 3),
        ("kana", "\u3040-\u30ff", 3),
        ("hangul", "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f", 3),
        ("cyrillic", "\u0400-\u04ff", 1),
        ("arabic", "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff", 1),
        ("devanagari", "\u0900-\u097f", 1),
        ("thai", "\u0e00-\u0e7f", 1),
        ("hebrew", "\u0590-\u05ff", 1),
        ("greek", "\u0370-\u03ff", 1),
        ("bengali", "\u0980-\u09ff", 1),
        ("tamil", "\u0b80-\u0bff", 1),
        ("latin", "A-Za-z\u00c0-\u024f\u1e00-\u1eff", 1),
    )
)
_SINGLE: Final[Mapping[str, str]] = MappingProxyType(
    {
        "hangul": "ko",
        "devanagari": "hi",
        "thai": "th",
        "hebrew": "he",
        "greek": "el",
        "bengali": "bn",
        "tamil": "ta",
    }
)
SCRIPT_LANGUAGES: Final = frozenset(
    {"zh", "ja", "ko", "ru", "uk", "ar", "fa", "ur", "hi", *_SINGLE.values()}
)
"""Languages told by their script alone (a short text in them is enough)."""
_PARTICLES: Final = re.compile("[\u3041-\u306d\u306f-\u309f]")
_URDU: Final = re.compile("[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]")
_PERSIAN: Final = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
_UKRAINIAN: Final = re.compile("[іїєґІЇЄҐ]")
_WORD: Final = re.compile(r"[^\W\d_]+")
_ASCII_LETTERS: Final = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


@cache
def _stopwords() -> Mapping[str, frozenset[str]]:
    path = resources.files("cleanpage") / "rules" / "meta" / "languages.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return MappingProxyType({lang: frozenset(words) for lang, words in data["stopwords"].items()})


@cache
def _languages_of() -> Mapping[str, tuple[str, ...]]:
    """Each stopword's languages, in the order of :func:`_stopwords`."""
    index: dict[str, tuple[str, ...]] = {}
    for lang, words in _stopwords().items():
        for word in words:
            index[word] = (*index.get(word, ()), lang)
    return MappingProxyType(index)


def detect_language(text: str) -> str | None:
    """The BCP-47 primary language tag of ``text`` (``zh``, ``en``, …), or ``None``.

    ``None`` means the text has too few letters to tell.

    >>> detect_language("一旦 AI 前景动摇,金融体系或将面临冲击。")
    'zh'
    >>> detect_language("The market fell sharply on Tuesday as investors sold their shares.")
    'en'
    """
    sample = text[:SAMPLE_CHARS]
    counts = _script_counts(sample)
    script = max(counts, key=counts.__getitem__)
    if counts[script] < 12:
        return None
    if script in {"han", "kana"}:
        # Chinese never writes hiragana ("の" aside, a borrowed flourish); a few mark Japanese.
        kana, particles = counts["kana"], len(_PARTICLES.findall(sample))
        japanese = kana >= 30 or kana * 10 >= counts["han"] or particles * 40 >= counts["han"] > 0
        return "ja" if japanese and (kana or particles) else "zh"
    if script == "cyrillic":
        return "uk" if len(_UKRAINIAN.findall(sample)) * 100 >= counts[script] else "ru"
    if script == "arabic":
        return _arabic_script_language(sample, counts[script])
    if script == "latin":
        return _latin_language(sample)
    return _SINGLE.get(script)


def _script_counts(sample: str) -> dict[str, int]:
    """The weighted count of ``sample``'s letters in each script, in :data:`_SCRIPTS` order.

    An ASCII sample has Latin letters only (the ASCII letters, all of the Latin
    class's ASCII members): they are counted by deleting them as bytes, much
    faster than twelve scans of the text.
    """
    if sample.isascii():
        raw = sample.encode("ascii")
        latin = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        return {name: latin * w if name == "latin" else 0 for name, _, w in _SCRIPTS}
    return {name: len(pattern.findall(sample)) * weight for name, pattern, weight in _SCRIPTS}


def _arabic_script_language(sample: str, letters: int) -> str:
    if len(_URDU.findall(sample)) * 50 >= letters:
        return "ur"
    if len(_PERSIAN.findall(sample)) * 30 >= letters:
        return "fa"
    return "ar"


def _latin_language(sample: str) -> str | None:
    """The language whose stopwords are most of ``sample``'s words (first listed on a tie)."""
    words = _WORD.findall(sample)
    if len(words) < 3:
        return None
    scores = dict.fromkeys(_stopwords(), 0)
    # One look-up a word (the languages it is a stopword of), then one count per language set.
    hits = Counter(filter(None, map(_languages_of().get, map(str.casefold, words))))
    for langs, n in hits.items():
        for lang in langs:
            scores[lang] += n
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= max(2, len(words) // 20) else None
