"""Body scoring exactly as ``benchmarks/data/aeb/README.md`` describes it.

Pure functions, standard library only; shared by ``benchmarks.quick``,
``benchmarks.run`` and ``tests/test_quality_gate.py`` (one source of truth).

- Tokens are the runs matched by ``\\w+`` (Unicode). The CJK-aware variant makes
  every Han, Kana or Hangul character its own token and keeps the rest as runs
  of ``\\w``; it is used for a page when its *ground truth* is mostly CJK (see
  :func:`is_cjk`), so the choice never depends on the system being scored.
- Shingles are runs of 4 consecutive tokens; a text with 1-3 tokens is one
  shingle, an empty text has none.
- Per page, tp/fp/fn count shingles with multiplicity and are divided by their
  sum, so every page weighs the same. Precision is the mean over pages of
  tp/(tp+fp), recall the mean of tp/(tp+fn); a page with fp = fn = 0 and
  tp > 0 scores 1 on both, a page where all three are 0 scores 0 on both.
  F1 is the harmonic mean of the two means (not the mean of per-page F1s).
- Accuracy is the share of pages whose token list equals the truth's.

>>> s = score_page("The quick brown fox jumps", "The quick brown fox jumps")
>>> (s.precision, s.recall, s.exact)
(1.0, 1.0, True)
>>> tokenize("东方财富 ETF 上涨", cjk=True)
['东', '方', '财', '富', 'ETF', '上', '涨']
>>> round(aggregate([s, score_page("a b c d e", "")]).f1, 3)
0.5
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SHINGLE = 4

# Han (incl. extensions, compatibility, 々〆〇), Kana (incl. halfwidth), Hangul.
_CJK_CHARS = (
    "\u3005-\u3007\u3021-\u3029\u3038-\u303b"
    "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
    "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uffa0-\uffdc"
)
_WORD = re.compile(r"\w+")
_CJK_WORD = re.compile(f"[{_CJK_CHARS}]|[^\\W{_CJK_CHARS}]+")
_CJK_ONE = re.compile(f"[{_CJK_CHARS}]")
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page: normalised tp/fp/fn (summing to 1, or all 0) and the token match."""

    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0 if self.tp > 0 else 0.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0 if self.tp > 0 else 0.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return harmonic(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class SetScore:
    """A set of pages: mean precision and recall, their harmonic mean, accuracy."""

    pages: int
    precision: float
    recall: float
    f1: float
    accuracy: float


def harmonic(a: float, b: float) -> float:
    """Harmonic mean of two numbers (0 when both are 0)."""
    return 2 * a * b / (a + b) if a + b else 0.0


def is_cjk(text: str) -> bool:
    """True when at least half of the word characters of ``text`` are Han/Kana/Hangul."""
    word_chars = len(_WORD_CHAR.findall(text))
    return word_chars > 0 and 2 * len(_CJK_ONE.findall(text)) >= word_chars


def tokenize(text: str, *, cjk: bool = False) -> list[str]:
    """``\\w+`` tokens; with ``cjk=True`` every Han/Kana/Hangul char is its own token."""
    return (_CJK_WORD if cjk else _WORD).findall(text)


def shingles(tokens: Sequence[str], n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The bag of ``n``-token shingles (one shingle when 0 < len(tokens) < n)."""
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def score_page(truth: str, extracted: str, *, cjk: bool | None = None) -> PageScore:
    """Score one extraction against its truth; ``cjk=None`` decides from ``truth``."""
    use_cjk = is_cjk(truth) if cjk is None else cjk
    true_tokens = tokenize(truth, cjk=use_cjk)
    pred_tokens = tokenize(extracted, cjk=use_cjk)
    true_bag, pred_bag = shingles(true_tokens), shingles(pred_tokens)
    tp = sum((true_bag & pred_bag).values())
    fp = sum((pred_bag - true_bag).values())
    fn = sum((true_bag - pred_bag).values())
    total = tp + fp + fn
    exact = true_tokens == pred_tokens
    if total == 0:
        return PageScore(0.0, 0.0, 0.0, exact)
    return PageScore(tp / total, fp / total, fn / total, exact)


def aggregate(scores: Iterable[PageScore]) -> SetScore:
    """Mean precision and recall over pages, F1 of those means, and accuracy."""
    items = list(scores)
    if not items:
        return SetScore(0, 0.0, 0.0, 0.0, 0.0)
    count = len(items)
    precision = sum(s.precision for s in items) / count
    recall = sum(s.recall for s in items) / count
    accuracy = sum(s.exact for s in items) / count
    return SetScore(count, precision, recall, harmonic(precision, recall), accuracy)
