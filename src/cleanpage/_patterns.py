"""What a regular expression's matches must look like, read from its parsed form.

The lexicon's prefilter (:mod:`._lexicon`) needs two facts about each rule
pattern, both *necessary* conditions on a match, so that a line failing them
can skip the pattern without running it:

* :func:`starts`: the keys of the first one or two characters a match can
  start with (case folded the way ``re`` ignores case, any digit ``0``, any
  space `` ``);
* :func:`needs`: literals one of which occurs in every match (case folded by
  :func:`fold`).

Both read ``re``'s own parser (``re._parser``); where it is missing, or a
pattern uses what they do not know, they answer ``None`` and the pattern is
simply not indexed.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any, Final


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
_DIGIT: Final = "0"
_SPACE: Final = " "
_MAX_HEADS: Final = 256


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

    Keys are made with :func:`key` (case folded, any digit ``0``, any space
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
_UNKNOWN: Final[_Heads] = (frozenset(), frozenset({""}))
_EMPTY: Final[_Heads] = (frozenset({""}), frozenset())


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
    folded = key(char)
    extra = _sre_casefix._EXTRA_CASES.get(ord(folded), ()) if len(folded) == 1 else ()
    return {folded, *(key(chr(code)) for code in extra)}


def key(char: str) -> str:
    """Key of a line's character: ``0`` for a digit, `` `` for a space, else its folded case."""
    if char.isdecimal():
        return _DIGIT
    if char.isspace():
        return _SPACE
    if _sre_engine is None:  # pragma: no cover
        return char
    return chr(_sre_engine.unicode_tolower(ord(char)))


def keys(text: str) -> str:
    """:func:`key` of each character of ``text`` (ASCII text by one table).

    >>> keys("Q3 É")
    'q0 é'
    """
    if text.isascii():
        return text.lower() if text.isalpha() else text.translate(_ascii_keys())
    return "".join(map(key, text))


@lru_cache(maxsize=1)
def _ascii_keys() -> dict[int, str]:
    return {code: key(chr(code)) for code in range(128)}


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
