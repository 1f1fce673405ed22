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
  not anchored; every line meets this *floating* group;
* menu terms: a line made only of menu words must start and end with one.

Soundness (a rule that matches a line is always among those tried) is what
the tests check; a prefilter that cannot be built makes every rule be tried.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ._rules import Rule, menu_key, top_level_bar


def _optional(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:  # pragma: no cover - other Python implementations
        return None


# The parser and case folding behind ``re``; without them every anchored
# pattern counts as floating and the prefilter is only slower.
_sre_engine = _optional("_sre")
_sre_casefix = _optional("re._casefix")
_sre = _optional("re._constants")
_sre_parse = _optional("re._parser")
_DIGIT = "0"
_SPACE = " "
_TIERS = (60, 200)
"""Line lengths where a new tier starts (beyond the longest ``max_chars``, nothing matches)."""
_MAX_HEADS = 256
_ANY_START = re.compile(r"\^(?:\.\{\d*,\d+\}\??|\(\?:\.\{\d*,\d+\}\??\\s\)\?)")
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

    screen: re.Pattern[str]
    """The literals, one of which occurs in any match of a screened pattern (case folded)."""
    screened: _Group
    """The patterns that need a literal (searched only when the screen finds one)."""
    rest: _Group
    """The patterns that need no literal."""

    def collect(self, text: str, found: Found) -> None:
        if self.screen.search(fold(text)) and self.screened.pattern.search(text):
            found.append(self.screened.rules)
        if self.rest.pattern.search(text):
            found.append(self.rest.rules)


@dataclass(frozen=True, slots=True)
class _Menus:
    """Rules for lines made only of menu terms, by term.

    Such a line, as :func:`menu_key` puts it, starts with one of the rule's terms.
    """

    by_term: dict[str, tuple[Rule, ...]]
    lengths: tuple[int, ...]
    """The lengths of the terms, shortest first."""
    longest: int
    """The longest line any of these rules takes."""

    @classmethod
    def of(cls, rules: tuple[Rule, ...]) -> _Menus:
        by_term: dict[str, list[Rule]] = {}
        menus = [rule for rule in rules if rule.terms_pattern is not None]
        for rule in menus:
            for term in set(rule.terms):
                by_term.setdefault(term, []).append(rule)
        return cls(
            by_term={term: tuple(found) for term, found in by_term.items()},
            lengths=tuple(sorted({len(term) for term in by_term})),
            longest=max((rule.max_chars for rule in menus), default=0),
        )

    def collect(self, key: str, found: Found) -> None:
        by_term = self.by_term
        size = len(key)
        for length in self.lengths:
            if length > size:
                break
            menus = by_term.get(key[:length])
            if menus:
                found.append(menus)


@dataclass(frozen=True, slots=True)
class _Tier:
    """The rules that accept lines of up to ``limit`` characters, indexed."""

    limit: int
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
        if len(text) <= self.menus.longest:
            key = menu_key(text)
            self.menus.collect(key, found)
        if not found:
            return None
        if len(found) == 1:
            return _first(found[0], text, key)
        return _first(sorted(set().union(*found), key=self.order.__getitem__), text, key)

    def _collect(self, text: str, found: Found) -> None:
        """Add the groups of patterns whose prefilter ``text`` passes."""
        one = _key(text[0])
        two = self.pairs.get(one + _key(text[1])) if len(text) > 1 else None
        if two is not None and two.pattern.match(text):
            found.append(two.rules)
        single = self.singles.get(one)
        if single is not None and single.pattern.match(text):
            found.append(single.rules)
        if self.floating is not None:
            self.floating.collect(text, found)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The rules, in tiers by line length, each with its prefilter."""

    rules: tuple[Rule, ...]
    limits: tuple[int, ...]
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
        tiers.append(_tier(limit, tuple(r for r in rules if r.max_chars > shortest)))
        shortest = limit
    return Lexicon(rules, limits, tuple(tiers))


def _tier(limit: int, rules: tuple[Rule, ...]) -> _Tier:
    order = {rule: index for index, rule in enumerate(rules)}
    pairs: dict[str, list[tuple[str, Rule]]] = {}
    singles: dict[str, list[tuple[str, Rule]]] = {}
    floating: list[tuple[str, Rule]] = []
    for rule in rules:
        for pattern in (p.pattern for p in rule.patterns):
            _place(pattern, rule, pairs, singles, floating)
    floated = _floating(floating, order)
    ones = {key: _group(found, order) for key, found in singles.items()}
    twos = {key: _group(found, order) for key, found in pairs.items()}
    return _Tier(
        limit=limit,
        pairs={k: g for k, g in twos.items() if g is not None},
        singles={k: g for k, g in ones.items() if g is not None},
        floating=floated,
        menus=_Menus.of(rules),
        exact=None not in (*ones.values(), *twos.values())
        and (floated is not None or not floating),
        rules=rules,
        order=order,
    )


def _place(
    pattern: str,
    rule: Rule,
    pairs: dict[str, list[tuple[str, Rule]]],
    singles: dict[str, list[tuple[str, Rule]]],
    floating: list[tuple[str, Rule]],
) -> None:
    """File ``pattern`` under the start it needs, or with the floating patterns."""
    if not pattern.startswith("^") or top_level_bar(pattern):
        floating.append((pattern, rule))
        return
    for size, index in ((2, pairs), (1, singles)):
        heads = starts(pattern, size)
        if heads is not None:
            for head in heads:
                index.setdefault(head, []).append((pattern[1:], rule))
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
    literals: set[str] = set()
    screened: list[tuple[str, Rule]] = []
    rest: list[tuple[str, Rule]] = []
    for pattern, rule in found:
        needed = needs(pattern)
        if needed is None or not all(map(_selective, needed)):
            rest.append((pattern, rule))
        else:
            literals |= needed
            screened.append((pattern, rule))
    screen = re.compile("|".join(map(re.escape, sorted(literals))) or "(?!)")
    parts = _group(screened, order), _group(rest, order)
    if parts[0] is None or parts[1] is None:
        return None
    return _Floating(screen, parts[0], parts[1])


def _selective(literal: str) -> bool:
    """Rare enough to screen lines with: three letters, or two outside ASCII (``投资``)."""
    return len(literal) >= (3 if literal.isascii() else 2) and not literal.isspace()


def _combine(patterns: list[str]) -> re.Pattern[str] | None:
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)
    except (re.error, OverflowError, RecursionError):  # clashing group names or flags
        return None


def needs(pattern: str) -> frozenset[str] | None:
    """Literals (case folded by :func:`fold`) one of which occurs in every match of ``pattern``.

    >>> sorted(needs(r"^.{0,80}(?:all rights|tous droits) (?:are )?reserved"))
    ['all rights', 'tous droits']
    >>> needs(r"^\\d+$") is None
    True
    """
    if _sre_parse is None:
        return None
    try:
        found = _needs(list(_sre_parse.parse(pattern, re.IGNORECASE)))
    except Exception:  # an unreadable pattern is just not screened
        return None
    return None if found is None else frozenset(fold(s) for s in found)


def _needs(items: list[tuple[Any, Any]]) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []
    for op, arg in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(arg))
            continue
        found = {"".join(run)} if run else None
        run = []
        if op is _sre.SUBPATTERN and not arg[1]:
            found = _better(found, _needs(list(arg[-1])))
        elif op is _sre.ATOMIC_GROUP:
            found = _better(found, _needs(list(arg)))
        elif op is _sre.BRANCH:
            each = [_needs(list(branch)) for branch in arg[1]]
            known = [alternatives for alternatives in each if alternatives is not None]
            found = _better(found, set().union(*known) if len(known) == len(each) else None)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            found = _better(found, _needs(list(arg[2])))
        best = _better(best, found)
    return best


def _better(one: set[str] | None, other: set[str] | None) -> set[str] | None:
    """The more selective requirement: longer shortest literal, then fewer literals."""
    if one is None or other is None:
        return one or other
    rank = [(min(map(len, s)), -len(s)) for s in (one, other)]
    return one if rank[0] >= rank[1] else other


def starts(pattern: str, size: int) -> frozenset[str] | None:
    """Every key of ``size`` characters a case-insensitive match of ``pattern`` can start with.

    Keys are made with :func:`_key` (case folded, any digit ``0``, any space
    `` ``); ``None`` when the start cannot be told in ``size`` characters.

    >>> sorted(starts("^(?:Join|sign up)", 2))
    ['jo', 'si', 'sı', 'ſi', 'ſı']
    >>> starts("^.{0,12}APR", 1) is None
    True
    """
    if _sre_parse is None or _sre_casefix is None or _sre is None:
        return None
    try:
        full, open_ = _seq(list(_sre_parse.parse(pattern, re.IGNORECASE)), size)
    except Exception:  # an unreadable pattern just goes unindexed
        return None
    heads = full | open_
    if not heads or len(heads) > _MAX_HEADS or any(len(h) < size for h in heads):
        return None
    return frozenset(heads)


_Heads = tuple[frozenset[str], frozenset[str]]
"""What a piece of pattern can match, as keys cut to ``size`` characters: the
*full* strings (a following piece continues them) and the *open* ones (what
follows cannot be told)."""
_UNKNOWN: _Heads = (frozenset(), frozenset({""}))
_EMPTY: _Heads = (frozenset({""}), frozenset())


def _seq(items: list[tuple[Any, Any]], size: int) -> _Heads:
    acc = _EMPTY
    for op, arg in items:
        acc = _concat(acc, _item(op, arg, size), size)
        if not any(len(h) < size for h in acc[0]):
            break  # every full string is long enough: the rest cannot change the keys
        if len(acc[0]) + len(acc[1]) > _MAX_HEADS:
            return _UNKNOWN
    return acc


def _concat(left: _Heads, right: _Heads, size: int) -> _Heads:
    full = {h for h in left[0] if len(h) == size}
    open_ = set(left[1])
    for head in left[0]:
        if len(head) < size:
            full.update((head + tail)[:size] for tail in right[0])
            open_.update((head + tail)[:size] for tail in right[1])
    done = {h for h in open_ if len(h) == size}
    return frozenset(full | done), frozenset(open_ - done)


def _item(op: Any, arg: Any, size: int) -> _Heads:  # noqa: PLR0911 - one case per opcode
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):  # zero width
        return _EMPTY
    if op in (_sre.LITERAL, _sre.IN, _sre.CATEGORY):
        chars = _chars([(op, arg)] if op is not _sre.IN else arg)
        return _UNKNOWN if chars is None else (chars, frozenset())
    if op is _sre.SUBPATTERN:
        _, add, remove, sub = arg
        return _UNKNOWN if add or remove else _seq(list(sub), size)
    if op is _sre.ATOMIC_GROUP:
        return _seq(list(arg), size)
    if op is _sre.BRANCH:
        full: set[str] = set()
        open_: set[str] = set()
        for branch in arg[1]:
            found = _seq(list(branch), size)
            full |= found[0]
            open_ |= found[1]
        return frozenset(full), frozenset(open_)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, high, sub = arg
        once = _seq(list(sub), size)
        acc = _EMPTY
        out: tuple[set[str], set[str]] = (set(), set())
        for count in range(min(high, size) + 1):
            if count >= min(low, size):
                out[0].update(acc[0])
                out[1].update(acc[1])
            acc = _concat(acc, once, size)
        return frozenset(out[0]), frozenset(out[1])
    return _UNKNOWN


def _chars(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The keys of the characters a class (or one literal) accepts; ``None`` if too many."""
    acc: set[str] = set()
    for op, arg in items:
        if op is _sre.CATEGORY and arg in (_sre.CATEGORY_DIGIT, _sre.CATEGORY_UNI_DIGIT):
            acc.add(_DIGIT)
        elif op is _sre.CATEGORY and arg in (_sre.CATEGORY_SPACE, _sre.CATEGORY_UNI_SPACE):
            acc.add(_SPACE)
        elif op is _sre.LITERAL:
            acc.update(_variants(chr(arg)))
        elif op is _sre.RANGE and arg[1] - arg[0] < 128:
            for code in range(arg[0], arg[1] + 1):
                acc.update(_variants(chr(code)))
        else:
            return None
    return frozenset(acc)


def _variants(char: str) -> set[str]:
    """Keys of every character ``re`` takes for ``char`` when ignoring case."""
    folded = _key(char)
    extra = _sre_casefix._EXTRA_CASES.get(ord(folded), ()) if len(folded) == 1 else ()
    return {folded, *(_key(chr(code)) for code in extra)}


def _key(char: str) -> str:
    """Key of a line's character: ``0`` for a digit, `` `` for a space, else its folded case."""
    if char.isdecimal():
        return _DIGIT
    if char.isspace():
        return _SPACE
    if _sre_engine is None:  # pragma: no cover
        return char
    return chr(_sre_engine.unicode_tolower(ord(char)))


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, int]:
    """Characters ``re`` takes for one another when ignoring case beyond ``str.lower``."""
    table: dict[int, int] = {}
    if _sre_casefix is None:  # pragma: no cover
        return table
    for code, others in _sre_casefix._EXTRA_CASES.items():
        family = {code, *others}
        for member in list(family):
            family |= set(_sre_casefix._EXTRA_CASES.get(member, ()))
        table.update({member: min(family) for member in family if member != min(family)})
    return table


@lru_cache(maxsize=1)
def _folded_apart() -> re.Pattern[str]:
    """Finds the characters :func:`_fold_table` maps (rare: ``ı``, ``ſ``, Greek symbols)."""
    return re.compile("[" + "".join(re.escape(chr(code)) for code in _fold_table()) + "]")


def fold(text: str) -> str:
    """``text`` lower-cased so that what ``re`` matches ignoring case compares equal.

    >>> fold("SAKLIDIR ſtraße İstanbul")
    'saklidir straße istanbul'
    """
    if text.isascii():
        return text.lower()
    if "\u0130" in text:  # İ: str.lower() would add a combining dot
        text = text.replace("\u0130", "i")
    text = text.lower()
    return text.translate(_fold_table()) if _folded_apart().search(text) else text
