"""Metadata scoring on news424-dev (issue 4), stdlib only.

- **title**: exact match after Unicode NFKC and whitespace normalisation
  (runs of whitespace become one space, ends stripped); case is kept.
- **authors**: the ground-truth string is split on commas and on the word
  "and" (also "&"); each name is NFKC/whitespace normalised and case-folded,
  and bare honorific suffixes left by the comma split ("Ph.D.", "Jr.") are
  dropped. The system's list is normalised the same way, item by item (it is
  not split, so "A and B" as one name is wrong). Correct when both sets are
  equal; an empty truth expects an empty list.
- **date**: the published date as YYYY-MM-DD, equal to the truth's.

>>> title_ok("Hello\\u00a0 world ", "Hello world")
True
>>> authors_ok("Robert E. Moffit, Ph.D.", ["robert e. moffit"])
True
>>> authors_ok("Ann Lee and Bo Chan", ["Ann Lee", "Bo Chan"]), authors_ok("", ["Staff"])
(True, False)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_SPACE = re.compile(r"\s+")
_SPLIT = re.compile(r",|\s+and\s+|\s*&\s*", re.IGNORECASE)
_SUFFIXES = frozenset({"ph.d.", "phd", "ph.d", "jr.", "jr", "sr.", "sr", "md", "m.d.", "ii", "iii"})


def normalise(text: str) -> str:
    """NFKC, whitespace runs collapsed to one space, ends stripped."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def truth_authors(value: str) -> frozenset[str]:
    """The set of names in a ground-truth author string."""
    names = (normalise(part).casefold() for part in _SPLIT.split(value or ""))
    return frozenset(name for name in names if name and name not in _SUFFIXES)


def title_ok(truth: str, predicted: str) -> bool:
    return normalise(truth) == normalise(predicted or "")


def authors_ok(truth: str, predicted: Iterable[str]) -> bool:
    names = {normalise(name).casefold() for name in predicted}
    return truth_authors(truth) == {name for name in names if name}


def date_ok(truth: str, predicted: str) -> bool:
    return (truth or "")[:10] == (predicted or "")[:10]
