"""One matcher for the lexicon rules, shared by the text and the HTML paths.

Running every rule on every line would cost more than the rest of a page's
cleaning. A prefilter says quickly whether *any* rule can match a line, and
which rules are worth trying; the rules are then tried in their order, so the
answer is always the first rule that matches:

* lines are first sorted by length into *tiers*: a long line (a paragraph)
  only meets the rules whose ``max_chars`` allows a line that long;
* patterns anchored at the start (``^…`` without a top-level ``|``) are
  grouped by the two characters (or, when the second cannot be told, the one
  character) a match can start with, read from the parsed pattern: a line is
  tried only against the group of its own first two characters and of its
  first character;
* an anchored pattern that starts with "any text" (``^.{0,80}all rights
  reserved``) is searched for without that start, with the patterns that are
  not anchored; these *floating* patterns are searched only in lines holding
  a literal they need (``all rights``: a few ``in`` tests), and only the
  patterns behind the literals found;
* menu rules: a line made only of a rule's menu terms starts and ends with
  one of them (its first and last characters mostly tell that none can).

What a pattern's matches start with and must contain is read by
:mod:`._patterns`. Soundness (a rule that matches a line is always among
those tried) is what the tests check; a prefilter that cannot be built makes
every rule be tried.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from ._patterns import fold, keys, needs, starts
from ._rules import Rule, menu_key, top_level_bar

_TIERS: Final = (60, 200)
"""Line lengths where a new tier starts (beyond the longest ``max_chars``, nothing matches)."""
_ANY_START: Final = re.compile(r"\^(?:\.\{\d*,\d+\}\??|\(\?:\.\{\d*,\d+\}\??\\s\)\?)")
"""``^.{0,80}`` or ``^(?:.{0,60}\\s)?``: a start that lets the rest be searched anywhere."""


@dataclass(frozen=True, slots=True)
class _Group:
    """A combined prefilter pattern and the rules it stands for (in rule order)."""

    pattern: re.Pattern[str]
    rules: tuple[Rule, ...]


Found = list[tuple[Rule, ...]]
"""The rules worth trying on a line, as the groups whose prefilter it passed."""


@dataclass(frozen=True, slots=True)
class _Floating:
    """Patterns searched anywhere in a line, screened by the literal text each one needs."""

    screens: dict[str, _Group]
    """Literal (case folded) -> the patterns that need it, or a literal holding it, in a match.

    A line holding none of the literals cannot match a screened pattern, and a line
    holding some is searched only for the patterns behind those: a long paragraph
    with "writer" in it is not searched for "all rights reserved"."""
    literals: tuple[str, ...]
    """The literals, all of them."""
    ascii_literals: tuple[str, ...]
    """The ASCII literals only: all an ASCII line can hold (most lines are)."""
    rest: _Group
    """The patterns that need no literal."""

    def collect(self, text: str, found: Found) -> None:
        folded = fold(text)
        for literal in self.ascii_literals if text.isascii() else self.literals:
            if literal in folded:  # a few ``in`` tests beat one regex of alternatives
                group = self.screens[literal]
                if group.pattern.search(text):
                    found.append(group.rules)
        if self.rest.pattern.search(text):
            found.append(self.rest.rules)


@dataclass(frozen=True, slots=True)
class _Menus:
    """Rules for lines made only of menu terms, by term.

    Such a line, as :func:`menu_key` puts it, starts with one of the rule's terms.
    """

    by_term: dict[str, tuple[Rule, ...]]
    lengths: dict[str, tuple[int, ...]]
    """The terms' lengths, shortest first, by their first two characters (or only one)."""
    ends: frozenset[str]
    """The last characters of the terms."""
    longest: int
    """The longest line any of these rules takes."""

    @classmethod
    def of(cls, rules: tuple[Rule, ...]) -> _Menus:
        by_term: dict[str, list[Rule]] = {}
        menus = [rule for rule in rules if rule.terms_pattern is not None]
        for rule in menus:
            for term in set(rule.terms):
                by_term.setdefault(term, []).append(rule)
        lengths: dict[str, set[int]] = {}
        for term in by_term:  # an empty term only counts for an empty key
            lengths.setdefault(term[:2], set()).add(len(term))
        return cls(
            by_term={term: tuple(found) for term, found in by_term.items()},
            lengths={head: tuple(sorted(sizes)) for head, sizes in lengths.items()},
            ends=frozenset(term[-1] for term in by_term if term),
            longest=max((rule.max_chars for rule in menus), default=0),
        )

    def may_hold(self, text: str) -> bool:
        """Whether terms can start and end ``text``'s key: the key of its first (last)
        characters starts (ends) it, and is their case folding if they are letters or digits."""
        last = text[-1:]
        tail = last.casefold() if last.isalnum() else menu_key(last)
        if tail and tail[-1] not in self.ends:
            return False  # a sentence's full stop ends no term
        head = text[:2]
        if not head.isalnum():
            return True
        head = head.casefold()
        return head[:2] in self.lengths or head[:1] in self.lengths

    def collect(self, key: str, found: Found) -> None:
        """Add the rules of the terms that start ``key``."""
        by_term = self.by_term
        for head in (key[:1], key[:2]) if len(key) > 1 else (key,):
            for length in self.lengths.get(head, ()):
                if length > len(key):
                    break
                menus = by_term.get(key[:length])
                if menus:
                    found.append(menus)


@dataclass(frozen=True, slots=True)
class _Tier:
    """The rules that accept lines up to one length (:attr:`Lexicon.limits`), indexed."""

    pairs: dict[str, _Group]
    """Two-character key -> the anchored patterns whose matches start so."""
    singles: dict[str, _Group]
    """One-character key -> the anchored patterns whose second character cannot be told."""
    floating: _Floating | None
    menus: _Menus
    exact: bool
    """False when a prefilter could not be built: every rule is then tried."""
    rules: tuple[Rule, ...]
    order: dict[Rule, int]

    def first_match(self, text: str) -> Rule | None:
        if not self.exact:
            return _first(self.rules, text)
        found: Found = []
        self._collect(text, found)
        key = None
        if len(text) <= self.menus.longest and self.menus.may_hold(text):
            key = menu_key(text)
            self.menus.collect(key, found)
        if not found:
            return None
        if len(found) == 1:
            return _first(found[0], text, key)
        return _first(sorted(set().union(*found), key=self.order.__getitem__), text, key)

    def _collect(self, text: str, found: Found) -> None:
        """Add the groups of patterns whose prefilter ``text`` passes."""
        head = keys(text[:2])
        two = self.pairs.get(head) if len(head) > 1 else None
        if two is not None and two.pattern.match(text):
            found.append(two.rules)
        single = self.singles.get(head[:1])
        if single is not None and single.pattern.match(text):
            found.append(single.rules)
        if self.floating is not None:
            self.floating.collect(text, found)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The rules, in tiers by line length, each with its prefilter."""

    limits: tuple[int, ...]
    """The longest line of each tier, ascending."""
    tiers: tuple[_Tier, ...]

    def first_match(self, text: str) -> Rule | None:
        """The first rule matching ``text``, or ``None`` (a normal outcome, not a failure)."""
        at = bisect_left(self.limits, len(text))
        if not text or at == len(self.tiers):
            return None
        return self.tiers[at].first_match(text)


def _first(rules: Iterable[Rule], text: str, key: str | None = None) -> Rule | None:
    return next((rule for rule in rules if rule.matches(text, key)), None)


@lru_cache(maxsize=8)
def build_lexicon(rules: tuple[Rule, ...]) -> Lexicon:
    """Compile the prefilters for ``rules`` (cached: the rule set is loaded once)."""
    longest = max((rule.max_chars for rule in rules), default=0)
    limits = (*(t for t in _TIERS if t < longest), longest)
    tiers = []
    shortest = 0
    for limit in limits:
        tiers.append(_tier(tuple(r for r in rules if r.max_chars > shortest)))
        shortest = limit
    return Lexicon(limits, tuple(tiers))


@lru_cache(maxsize=8)
def build_header_lexicon(rules: tuple[Rule, ...]) -> Lexicon:
    """The lexicon of the ``group`` and ``section`` rules of ``rules`` alone (the rules
    that can head a box), cached like :func:`build_lexicon`."""
    return build_lexicon(tuple(rule for rule in rules if rule.scope != "line"))


def _tier(rules: tuple[Rule, ...]) -> _Tier:
    order = {rule: index for index, rule in enumerate(rules)}
    pairs: _Index = {}
    singles: _Index = {}
    floating: list[tuple[str, Rule]] = []
    for rule in rules:
        for pattern in (p.pattern for p in rule.patterns):
            _place(pattern, rule, (pairs, singles), floating)
    floated = _floating(floating, order)
    ones = {key: _group(found, order) for key, found in singles.items()}
    twos = {key: _group(found, order) for key, found in pairs.items()}
    indexed = None not in ones.values() and None not in twos.values()
    return _Tier(
        pairs={k: g for k, g in twos.items() if g is not None},
        singles={k: g for k, g in ones.items() if g is not None},
        floating=floated,
        menus=_Menus.of(rules),
        exact=indexed and (floated is not None or not floating),
        rules=rules,
        order=order,
    )


_Index = dict[str, list[tuple[str, Rule]]]


def _place(
    pattern: str, rule: Rule, index: tuple[_Index, _Index], floating: list[tuple[str, Rule]]
) -> None:
    """File ``pattern`` under the start it needs (two characters, or one), or as floating."""
    if not pattern.startswith("^") or top_level_bar(pattern):
        floating.append((pattern, rule))
        return
    for size, by_key in zip((2, 1), index, strict=True):
        heads = starts(pattern, size)
        if heads is not None:
            for head in heads:
                by_key.setdefault(head, []).append((pattern[1:], rule))
            return
    any_start = _ANY_START.match(pattern)
    floating.append((pattern[any_start.end() :] if any_start else pattern, rule))


def _group(patterns: list[tuple[str, Rule]], order: dict[Rule, int]) -> _Group | None:
    """The patterns combined, and their rules in rule order."""
    pattern = _combine([p for p, _ in patterns])
    if pattern is None:
        return None
    return _Group(pattern, tuple(sorted({rule for _, rule in patterns}, key=order.__getitem__)))


def _floating(found: list[tuple[str, Rule]], order: dict[Rule, int]) -> _Floating | None:
    """The floating patterns, screened by their literals where each has one."""
    if not found:
        return None
    screened: list[tuple[frozenset[str], str, Rule]] = []
    rest: list[tuple[str, Rule]] = []
    for pattern, rule in found:
        needed = needs(pattern)
        if needed is None or not all(map(_selective, needed)):
            rest.append((pattern, rule))
        else:
            screened.append((needed, pattern, rule))
    literals = _screen({literal for needed, _, _ in screened for literal in needed})
    screens = {
        literal: _group([(p, r) for needed, p, r in screened if _held(literal, needed)], order)
        for literal in literals
    }
    others = _group(rest, order)
    if others is None or None in screens.values():
        return None
    return _Floating(
        screens={literal: group for literal, group in screens.items() if group is not None},
        literals=literals,
        ascii_literals=tuple(literal for literal in literals if literal.isascii()),
        rest=others,
    )


def _held(literal: str, needed: frozenset[str]) -> bool:
    """Whether a pattern needing one of ``needed`` is filed under the screen ``literal``.

    :func:`_screen` keeps the literals that hold no other one, so each needed
    literal holds at least one kept literal: filed under every kept literal one
    of its needed literals holds, a pattern is searched whenever it can match.
    """
    return any(literal in other for other in needed)


def _screen(literals: set[str]) -> tuple[str, ...]:
    """The literals that hold no other one (what they add can never be the only find)."""
    return tuple(sorted(a for a in literals if not any(b != a and b in a for b in literals)))


def _selective(literal: str) -> bool:
    """Rare enough to screen lines with: three letters, or two outside ASCII (``投资``)."""
    return len(literal) >= (3 if literal.isascii() else 2) and not literal.isspace()


def _combine(patterns: list[str]) -> re.Pattern[str] | None:
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)
    except (re.error, OverflowError, RecursionError):  # clashing group names or flags
        return None
