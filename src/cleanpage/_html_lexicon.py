"""Lexicon rules applied to HTML segments, with a cheap prefilter.

Running every rule of every language on every segment would cost more than
the rest of the HTML path. A prefilter says quickly whether *any* rule can
match; only then are the rules tried, in order:

* patterns anchored at the start (``^…`` without a top-level ``|``) are
  grouped by the characters they can start with (read from the parsed
  pattern); a segment is tried only against the group of its first character,
  plus the anchored patterns whose first character cannot be told;
* the other patterns form one combined expression;
* menu terms are checked with one ``str.startswith`` over all of them.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from ._rules import Rule, top_level_bar


def _optional(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:  # pragma: no cover - other Python implementations
        return None


# The parser and case folding behind ``re``; without them every anchored
# pattern counts as "unknown start" and the prefilter only gets slower.
_sre_engine = _optional("_sre")
_sre_casefix = _optional("re._casefix")
_sre = _optional("re._constants")
_sre_parse = _optional("re._parser")
_DIGIT = "0"
_Start = frozenset[str] | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The rules, and the prefilters that rule most segments out at once."""

    rules: tuple[Rule, ...]
    by_start: MappingProxyType[str, re.Pattern[str]]
    """First character (as ``re`` folds case) -> the anchored patterns that can start
    with it, combined."""
    anchored: re.Pattern[str] | None
    """Anchored patterns whose first character is unknown, combined."""
    floating: re.Pattern[str] | None
    """Every other pattern, combined."""
    terms: tuple[str, ...]
    max_chars: int
    exact: bool
    """False when a prefilter could not be built: every rule is then tried."""

    def first_match(self, text: str) -> Rule | None:
        """The first rule matching ``text``, or ``None`` (a normal outcome, not a failure)."""
        if not self.rules or not text or len(text) > self.max_chars:
            return None
        if not self.exact or self._pattern_may_match(text):
            return next((rule for rule in self.rules if rule.matches(text)), None)
        if self.terms and "".join(text.split()).casefold().startswith(self.terms):
            return next((rule for rule in self.rules if rule.terms and rule.matches(text)), None)
        return None

    def _pattern_may_match(self, text: str) -> bool:
        group = self.by_start.get(_key(text[0])) if self.by_start else None
        if group is not None and group.match(text):
            return True
        if self.anchored is not None and self.anchored.match(text):
            return True
        return self.floating is not None and self.floating.search(text) is not None


@lru_cache(maxsize=8)
def build_lexicon(rules: tuple[Rule, ...]) -> Lexicon:
    """Compile the prefilters for ``rules`` (cached: the rule set is loaded once)."""
    groups: dict[str, list[str]] = {}
    unknown: list[str] = []
    floating: list[str] = []
    for pattern in (p.pattern for rule in rules for p in rule.patterns):
        if not pattern.startswith("^") or top_level_bar(pattern):
            floating.append(pattern)
            continue
        start = _start_chars(pattern)
        if start is None:
            unknown.append(pattern[1:])
        else:
            for char in start:
                groups.setdefault(char, []).append(pattern[1:])
    compiled = {char: _combine(found) for char, found in groups.items()}
    by_start = {char: p for char, p in compiled.items() if p is not None}
    anchored, floated = _combine(unknown), _combine(floating)
    exact = len(by_start) == len(compiled)
    exact = (
        exact and (anchored is not None or not unknown) and (floated is not None or not floating)
    )
    return Lexicon(
        rules=rules,
        by_start=MappingProxyType(by_start),
        anchored=anchored if unknown else None,
        floating=floated if floating else None,
        terms=tuple(sorted({t for rule in rules for t in rule.terms})),
        max_chars=max((rule.max_chars for rule in rules), default=0),
        exact=exact,
    )


def _combine(patterns: list[str]) -> re.Pattern[str] | None:
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)
    except (re.error, OverflowError, RecursionError):  # clashing group names or flags
        return None


def _start_chars(pattern: str) -> frozenset[str] | None:
    """Every character a case-insensitive match of ``pattern`` can start with, if known.

    >>> sorted(_start_chars("^(?:Join|sign up)"))
    ['j', 's', 'ſ']
    >>> _start_chars("^.{0,12}APR") is None
    True
    """
    if _sre_parse is None or _sre_casefix is None:
        return None
    try:
        found, nullable = _first(list(_sre_parse.parse(pattern, re.IGNORECASE)))
    except Exception:  # an unreadable pattern just goes unbucketed
        return None
    if found is None or nullable:
        return None
    folded = {_key(ch) for ch in found}
    extra = {chr(c) for ch in folded for c in _sre_casefix._EXTRA_CASES.get(ord(ch), ())}
    return frozenset(folded | {_key(ch) for ch in extra})


def _key(char: str) -> str:
    """Bucket of a first character: ``0`` for any decimal digit, else its folded case."""
    return _DIGIT if char.isdecimal() else _fold(char)


def _fold(char: str) -> str:
    """``char`` lower-cased the way ``re`` compares case-insensitively."""
    if _sre_engine is None:  # pragma: no cover
        return char
    return chr(_sre_engine.unicode_tolower(ord(char)))


def _first(items: list[tuple[Any, Any]]) -> tuple[_Start, bool]:
    """First characters of a parsed sequence, and whether it can match empty."""
    acc: set[str] = set()
    for op, arg in items:
        found, nullable = _first_item(op, arg)
        if found is None:
            return None, False
        acc |= found
        if not nullable:
            return frozenset(acc), False
    return frozenset(acc), True


def _first_item(op: Any, arg: Any) -> tuple[_Start, bool]:  # noqa: PLR0911 - one case per opcode
    if op is _sre.AT:
        return frozenset(), True
    if op is _sre.LITERAL:
        return frozenset({chr(arg)}), False
    if op is _sre.IN:
        return _first_class(arg), False
    if op is _sre.CATEGORY:  # outside a class, e.g. ``\\d``
        return _first_class([(op, arg)]), False
    if op is _sre.SUBPATTERN:
        return _first(list(arg[-1]))
    if op is _sre.BRANCH:
        acc: set[str] = set()
        empty = False
        for branch in arg[1]:
            found, nullable = _first(list(branch))
            if found is None:
                return None, False
            acc |= found
            empty = empty or nullable
        return frozenset(acc), empty
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, _, sub = arg
        found, nullable = _first(list(sub))
        return found, nullable or low == 0
    return None, False


def _first_class(items: list[tuple[Any, Any]]) -> _Start:
    acc: set[str] = set()
    for op, arg in items:
        if op is _sre.CATEGORY and arg is _sre.CATEGORY_DIGIT:
            acc.add(_DIGIT)
        elif op is _sre.LITERAL:
            acc.add(chr(arg))
        elif op is _sre.RANGE and arg[1] - arg[0] < 128:
            acc.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None
    return frozenset(acc)
