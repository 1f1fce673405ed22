"""The fast paths in ``_people`` and ``_lang`` give what the plain code gives.

Each is compared with the plain formulation it replaces (a regex over the
case-folded text, one stopword pass per language) on generated text, with
characters that change length when case-folded ("İ", "ß", "ﬀ") and that fold
onto ASCII letters ("ſ", "ı", the Kelvin sign).
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanpage import _lang
from cleanpage._people import loose_key

_TRICKY = ["ſ", "ı", "İ", "\u212a", "ﬀ", "ß", "é", "É", "：", "｜", "\u00a0", "\u2028", "—", "作者"]
_PUNCT = [" ", "  ", ", ", ". ", ":", " / ", "|", "-", "(", ")", "[", "]", "\n", "_", "'"]
_TEXT = st.one_of(
    st.lists(st.sampled_from(_PUNCT + _TRICKY + ["Jane", "DOE", "o9"]), max_size=12).map("".join),
    st.text(max_size=40),
)


def _any_casing(word: str) -> st.SearchStrategy[str]:
    flips = st.lists(st.booleans(), min_size=len(word), max_size=len(word))
    return flips.map(
        lambda up: "".join(c.upper() if u else c for c, u in zip(word, up, strict=True))
    )


@settings(max_examples=400)
@given(st.one_of(_TEXT, st.text(st.characters(codec=None), max_size=40)))
def test_loose_key_is_the_regex_key(text: str) -> None:
    folded = unicodedata.normalize("NFKC", text).casefold()
    assert loose_key(text) == re.sub(r"[\W_]+", "", folded)


_STOPWORDS = sorted({w for words in _lang._stopwords().values() for w in words})
_LATIN = st.lists(
    st.one_of(
        st.sampled_from(_STOPWORDS).flatmap(_any_casing),
        st.sampled_from(["Bank", "zinsen", "taux", "İstanbul", "STRASSE", "ſo", "2025"]),
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=300)
@given(_LATIN)
def test_latin_language_is_the_per_language_count(sample: str) -> None:
    words = [w.casefold() for w in _lang._WORD.findall(sample)]
    expected = None
    if len(words) >= 3:
        stop = _lang._stopwords()
        scores = {lang: sum(1 for w in words if w in s) for lang, s in stop.items()}
        best = max(scores, key=scores.__getitem__)
        expected = best if scores[best] >= max(2, len(words) // 20) else None
    assert _lang._latin_language(sample) == expected


@settings(max_examples=300)
@given(st.one_of(_LATIN, st.text(st.characters(max_codepoint=127)), _TEXT))
def test_script_counts_are_the_per_script_scans(sample: str) -> None:
    expected = {name: len(p.findall(sample)) * weight for name, p, weight in _lang._SCRIPTS}
    counts = _lang._script_counts(sample)
    assert counts == expected
    assert list(counts) == list(expected)  # the same order: ties go to the same script
