"""Boilerplate knowledge as validated data: lexicons and site profiles.

Rules live in TOML files shipped with the package (``rules/lexicon/<lang>.toml``
and ``rules/sites/<site>.toml``), are read through :mod:`importlib.resources`
on first use, validated, and kept as one cached, frozen :class:`RuleSet`.
Nothing is read at import time.

A lexicon file holds ``[[rule]]`` entries (what to cut) and ``[[field]]``
entries (lines that carry metadata: bylines, source credits). A site profile
names a site, how to recognise it (hosts, text fingerprints), CSS selectors
for its article root and chrome, and rules of its own.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final, Literal, cast, get_args

from ._model import REASONS, Reason

Scope = Literal["line", "group", "section"]
FieldName = Literal["authors", "source", "publisher", "editor", "summary", "published", "updated"]
SCOPES: Final[tuple[Scope, ...]] = get_args(Scope)
FIELDS: Final[tuple[FieldName, ...]] = get_args(FieldName)


class RuleDataError(ValueError):
    """A rule file is malformed. Raised while loading, naming the file and entry."""


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """One boilerplate rule: which lines it recognises and what it cuts.

    A line matches when one of ``patterns`` is found in it, or when it is made
    up entirely of ``terms`` (menu vocabulary, at least ``min_terms`` of them),
    and it is no longer than ``max_chars``. ``scope`` says how far the cut
    reaches: the ``line``, the rest of its ``group`` (a box), or the rest of
    its ``section`` (a "related" list to the end of the page). Compared by
    identity (each is loaded once), so that sets of rules hash fast.
    """

    id: str
    category: Reason
    patterns: tuple[re.Pattern[str], ...] = ()
    terms: tuple[str, ...] = ()
    min_terms: int = 3
    terms_pattern: re.Pattern[str] | None = None
    scope: Scope = "line"
    max_chars: int = 400
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()

    def matches(self, line: str, key: str | None = None) -> bool:
        """Whether the rule recognises ``line`` (``key``: its :func:`menu_key`, if known)."""
        if len(line) > self.max_chars:
            return False
        if any(p.search(line) for p in self.patterns):
            return True
        pattern = self.terms_pattern
        return pattern is not None and bool(pattern.fullmatch(key or menu_key(line)))


@dataclass(frozen=True, slots=True, eq=False)
class FieldRule:
    """A line that carries metadata, e.g. ``撰文:张雅琦`` or ``By Jane Doe``.

    ``pattern`` must match the whole line and capture the value in a group
    named ``value``. For ``published`` and ``updated`` the value is the date text
    after a label such as ``Published:`` or ``更新时间:``. Compared by identity
    (each is loaded once), so that sets of them hash fast as cache keys.
    """

    id: str
    field: FieldName
    pattern: re.Pattern[str]
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()

    def value(self, line: str) -> str | None:
        found = self.pattern.fullmatch(line)
        return found.group("value").strip() if found else None


@dataclass(frozen=True, slots=True)
class SiteProfile:
    """What cleanpage knows about one site. A profile only sharpens the generic path."""

    id: str
    name: str
    hosts: tuple[str, ...] = ()
    fingerprints: tuple[str, ...] = ()
    """Exact lines that identify the site in the first lines of a text capture."""
    root_selectors: tuple[str, ...] = ()
    chrome_selectors: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()

    def matches_host(self, host: str) -> bool:
        host = host.lower().removeprefix("www.")
        return any(host == h or host.endswith("." + h) for h in self.hosts)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Every lexicon rule, field rule and site profile, validated."""

    rules: tuple[Rule, ...]
    fields: tuple[FieldRule, ...]
    sites: tuple[SiteProfile, ...]

    def site_for_host(self, host: str) -> SiteProfile | None:
        return next((s for s in self.sites if s.matches_host(host)), None)

    def site_for_lines(self, lines: Iterable[str]) -> SiteProfile | None:
        wanted = set(lines)
        return next((s for s in self.sites if wanted & set(s.fingerprints)), None)


_MENU_SEPARATORS: Final = "|\uff5c·•/:\uff1a"


@cache
def _menu_drop() -> dict[int, None]:
    """The separators, for ``str.translate``."""
    return dict.fromkeys(map(ord, _MENU_SEPARATORS))


def menu_key(text: str) -> str:
    """A menu line or term as compared: separators and spaces dropped, case folded.

    >>> menu_key("Home | News\u3000·  Markets")
    'homenewsmarkets'
    """
    key = "".join(text.split())
    return (key if key.isalnum() else key.translate(_menu_drop())).casefold()


def _terms_pattern(terms: tuple[str, ...], min_terms: int) -> re.Pattern[str] | None:
    """A pattern that fully matches a concatenation of at least ``min_terms`` terms.

    Terms are tried longest first and never revisited (an atomic group with a
    possessive repeat), so matching is linear in the line's length.
    """
    if not terms:
        return None
    # A term that is itself a run of other terms ("登录/注册") would count as one.
    atoms = [t for t in set(terms) if not _splits_into(t, set(terms) - {t})]
    ordered = sorted(atoms, key=lambda t: (-len(t), t))
    alternation = "|".join(re.escape(t) for t in ordered)
    return re.compile(f"(?>{alternation}){{{min_terms},}}+")


def _splits_into(word: str, parts: set[str]) -> bool:
    """True when ``word`` is a concatenation of two or more of ``parts`` (word break)."""
    ends = {0}
    for end in range(1, len(word) + 1):
        if any(start in ends and word[start:end] in parts for start in range(end)):
            ends.add(end)
    return len(word) in ends


def top_level_bar(pattern: str) -> bool:
    """True when ``pattern`` has an alternation ``|`` outside any group or class.

    >>> top_level_bar("^a|b"), top_level_bar("^(?:a|b)"), top_level_bar("^[|]")
    (True, False, False)
    """
    depth = 0
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
        index += 1
    return False


@cache
def load_rules() -> RuleSet:
    """The package's rule set, loaded and validated once."""
    root = resources.files("cleanpage") / "rules"
    rules: list[Rule] = []
    fields: list[FieldRule] = []
    for name, data in _toml_files(root / "lexicon"):
        _check_keys(name, data, _LEXICON_KEYS)
        rules.extend(_rule(name, entry) for entry in data.get("rule", ()))
        fields.extend(_field(name, entry) for entry in data.get("field", ()))
    sites = tuple(_site(name, data) for name, data in _toml_files(root / "sites"))
    ruleset = RuleSet(tuple(rules), tuple(fields), sites)
    _check_unique_ids(ruleset)
    return ruleset


_LEXICON_KEYS: Final = frozenset({"language", "rule", "field", "guard"})
"""``guard`` lists ordinary article lines no rule may cut (checked by the tests)."""
_SITE_KEYS: Final = frozenset(
    {"id", "name", "hosts", "fingerprints", "root_selectors", "chrome_selectors", "rule"}
)
_RULE_KEYS: Final = frozenset(
    {"id", "category", "patterns", "terms", "min_terms", "scope", "max_chars"}
    | {"examples", "counterexamples"}
)
_FIELD_KEYS: Final = frozenset({"id", "field", "pattern", "examples", "counterexamples"})


def _check_keys(where: str, data: dict[str, Any], allowed: frozenset[str]) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise RuleDataError(f"{where}: unknown keys {unknown}; expected some of {sorted(allowed)}")


def _toml_files(folder: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".toml"):
            try:
                yield item.name, tomllib.loads(item.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise RuleDataError(f"{item.name}: {exc}") from exc


def _compile(where: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RuleDataError(f"{where}: bad pattern {pattern!r}: {exc}") from exc


def _choice(where: str, value: Any, allowed: tuple[str, ...], what: str) -> Any:
    if value not in allowed:
        raise RuleDataError(f"{where}: {what} {value!r} is not one of {allowed}")
    return value


def _rule(name: str, entry: dict[str, Any]) -> Rule:
    where = f"{name}: rule {entry.get('id', '?')!r}"
    _check_keys(where, entry, _RULE_KEYS)
    if "id" not in entry or not (entry.get("patterns") or entry.get("terms")):
        raise RuleDataError(f"{where}: needs an id and patterns or terms")
    terms = tuple(menu_key(t) for t in entry.get("terms", ()))
    min_terms = int(entry.get("min_terms", 3))
    return Rule(
        id=entry["id"],
        category=cast(Reason, _choice(where, entry.get("category"), REASONS, "category")),
        patterns=tuple(_compile(where, p) for p in entry.get("patterns", ())),
        terms=terms,
        min_terms=min_terms,
        terms_pattern=_terms_pattern(terms, min_terms),
        scope=cast(Scope, _choice(where, entry.get("scope", "line"), SCOPES, "scope")),
        max_chars=int(entry.get("max_chars", 400)),
        examples=tuple(entry.get("examples", ())),
        counterexamples=tuple(entry.get("counterexamples", ())),
    )


def _field(name: str, entry: dict[str, Any]) -> FieldRule:
    where = f"{name}: field {entry.get('id', '?')!r}"
    _check_keys(where, entry, _FIELD_KEYS)
    if "id" not in entry or "pattern" not in entry:
        raise RuleDataError(f"{where}: needs an id and a pattern")
    pattern = _compile(where, entry["pattern"])
    if "value" not in pattern.groupindex:
        raise RuleDataError(f"{where}: pattern needs a (?P<value>…) group")
    return FieldRule(
        id=entry["id"],
        field=cast(FieldName, _choice(where, entry.get("field"), FIELDS, "field")),
        pattern=pattern,
        examples=tuple(entry.get("examples", ())),
        counterexamples=tuple(entry.get("counterexamples", ())),
    )


def _site(name: str, data: dict[str, Any]) -> SiteProfile:
    if "id" not in data or "name" not in data:
        raise RuleDataError(f"{name}: a site profile needs an id and a name")
    _check_keys(name, data, _SITE_KEYS)
    return SiteProfile(
        id=data["id"],
        name=data["name"],
        hosts=tuple(data.get("hosts", ())),
        fingerprints=tuple(data.get("fingerprints", ())),
        root_selectors=tuple(data.get("root_selectors", ())),
        chrome_selectors=tuple(data.get("chrome_selectors", ())),
        rules=tuple(_rule(name, entry) for entry in data.get("rule", ())),
    )


def _check_unique_ids(ruleset: RuleSet) -> None:
    ids = [r.id for r in ruleset.rules] + [f.id for f in ruleset.fields]
    ids += [s.id for s in ruleset.sites] + [r.id for s in ruleset.sites for r in s.rules]
    seen: set[str] = set()
    for rule_id in ids:
        if rule_id in seen:
            raise RuleDataError(f"rule id {rule_id!r} is defined twice")
        seen.add(rule_id)
