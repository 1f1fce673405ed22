"""No packaged pattern can backtrack for minutes on a line (a hang past any time budget).

Backtracking explodes when a repeated group holds two greedy repeats that can
take the same characters with only optional items between them: in
``(?:(?:x|telegram)\\s*[,|]?\\s*){1,10}$`` each run of spaces can be split
between the two ``\\s*`` in many ways, in every one of ten repetitions, so a
line that fails at its end is tried billions of ways. The check reads each
pattern's parsed form and finds such pairs; a possessive repeat (``\\s*+``)
never gives characters back, so it is not counted.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from cleanpage._rules import load_rules

sre: Any = pytest.importorskip("re._constants")
sre_parse: Any = pytest.importorskip("re._parser")

_PROBES = " 0a,.-_中"
"""Characters that stand for the classes rule patterns use (space, digit, letter, punctuation)."""
_RULESET = load_rules()
PATTERNS = sorted(
    {p.pattern for r in _RULESET.rules for p in r.patterns}
    | {f.pattern.pattern for f in _RULESET.fields}
    | {p.pattern for s in _RULESET.sites for r in s.rules for p in r.patterns}
)


def _accepts(op: Any, arg: Any, char: str) -> bool:  # noqa: PLR0911 - one case per opcode
    """Whether one single-character item takes ``char`` (ignoring case)."""
    if op is sre.IN:
        negate = bool(arg) and arg[0][0] is sre.NEGATE
        found = any(_accepts(o, a, char) for o, a in arg if o is not sre.NEGATE)
        return found != negate
    if op is sre.LITERAL:
        return chr(arg).lower() == char.lower()
    if op is sre.NOT_LITERAL:
        return chr(arg).lower() != char.lower()
    if op is sre.RANGE:
        low, high = int(arg[0]), int(arg[1])
        return low <= ord(char.lower()) <= high or low <= ord(char.upper()) <= high
    if op is sre.ANY:
        return True
    if op is sre.CATEGORY:
        return bool(re.fullmatch(_CATEGORIES.get(arg, "(?!)"), char))
    return False


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


def _taken(op: Any, arg: Any) -> frozenset[str]:
    """The probe characters a greedy, giving-back repeat of one character takes, if it is one."""
    if op not in (sre.MAX_REPEAT, sre.MIN_REPEAT) or arg[1] < 2 or len(arg[2]) != 1:
        return frozenset()
    inner_op, inner_arg = arg[2][0]
    return frozenset(c for c in _PROBES if _accepts(inner_op, inner_arg, c))


def _nullable(op: Any, arg: Any) -> bool:
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return True
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return int(arg[0]) == 0
    if op is sre.SUBPATTERN:
        return all(_nullable(o, a) for o, a in arg[-1])
    if op is sre.BRANCH:
        return any(all(_nullable(o, a) for o, a in branch) for branch in arg[1])
    return False


def _flat(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """A sequence with plain groups opened, so that their items line up with their neighbours'."""
    out: list[tuple[Any, Any]] = []
    for op, arg in items:
        if op is sre.SUBPATTERN and not arg[1] and not arg[2]:
            out.extend(_flat(list(arg[-1])))
        else:
            out.append((op, arg))
    return out


def _ambiguous(body: list[tuple[Any, Any]]) -> bool:
    """Two overlapping greedy repeats in a repeated body, only optional items between
    (also from the end of one repetition round to the start of the next)."""
    items = _flat(body)
    size = len(items)
    for start, (op, arg) in enumerate(items):
        taken = _taken(op, arg)
        if not taken:
            continue
        for step in range(1, size + 1):
            other = items[(start + step) % size]
            if taken & _taken(*other):
                return True
            if not _nullable(*other):
                break
    return False


def _repeats(items: list[tuple[Any, Any]]) -> list[list[tuple[Any, Any]]]:
    """The bodies of every repeat that may run more than once, at any depth."""
    found: list[list[tuple[Any, Any]]] = []
    for op, arg in items:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[1] > 1 and len(arg[2]) > 1:
            found.append(list(arg[2]))
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            found += _repeats(list(arg[2]))
        elif op is sre.SUBPATTERN:
            found += _repeats(list(arg[-1]))
        elif op is sre.ATOMIC_GROUP:
            found += _repeats(list(arg))
        elif op is sre.BRANCH:
            for branch in arg[1]:
                found += _repeats(list(branch))
    return found


def _dangerous(pattern: str) -> bool:
    parsed = list(sre_parse.parse(pattern, re.IGNORECASE))
    return any(_ambiguous(body) for body in _repeats(parsed))


@pytest.mark.parametrize("pattern", PATTERNS)
def test_no_repeated_group_splits_the_same_text_two_ways(pattern: str) -> None:
    assert not _dangerous(pattern), pattern


@pytest.mark.parametrize(
    ("pattern", "dangerous"),
    [
        (r"^share:\s*(?:(?:x|telegram)\s*[,|]?\s*){1,10}$", True),
        (r"^share:\s*(?:(?:x|telegram)\s*+[,|]?+\s*+){1,10}$", False),
        (r"^(?:[a-z]{2,6}\s*[\d,]+\s*\d+%\s*)+$", True),
        (r"^(?:home|news)(?:\s*[>/]\s*[a-z]{1,40}){1,4}$", False),
        (r"^\d+\s*comments?$", False),
    ],
)
def test_the_check_tells_a_dangerous_repeat(pattern: str, dangerous: bool) -> None:
    assert _dangerous(pattern) is dangerous
