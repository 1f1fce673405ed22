"""Structural hints for the HTML path, read from ``rules/html.toml``.

Which class/id tokens and tags mark an element as chrome (navigation, share
bars, related lists, comments, …) is data, not code. The file is read on first
use and kept as one frozen :class:`HtmlHints`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Final, cast

from ._model import REASONS, Reason
from ._rules import RuleDataError

_SPLIT: Final = re.compile(r"[^0-9A-Za-z\u00c0-\uffff]+|(?<=[a-z])(?=[A-Z])")
_HUMP: Final = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ASCII_FOLD: Final = bytes(
    byte + 32 if 65 <= byte <= 90 else byte if (48 <= byte <= 57 or 97 <= byte <= 122) else 32
    for byte in range(256)
)
"""Byte table for ``bytes.translate``: A-Z to a-z, a-z and 0-9 kept, every
other byte (a separator) to a space."""


@dataclass(frozen=True, slots=True)
class HtmlHints:
    """Token and tag knowledge: what marks an element as chrome, and why."""

    token_reasons: MappingProxyType[str, Reason]
    token_ranks: MappingProxyType[str, int]
    """Each chrome token's reason as its index in :attr:`by_rank`."""
    by_rank: tuple[Reason, ...]
    """Which reason wins when an element's tokens name several (first first)."""
    positive: frozenset[str]
    tag_reasons: MappingProxyType[str, Reason]
    keep_tags: frozenset[str]

    def reason_for(self, tag: str, tokens: frozenset[str]) -> Reason | None:
        """Why an element with this tag and these tokens is chrome, or ``None``."""
        by_tag = self.tag_reasons.get(tag)
        if by_tag is not None:
            return by_tag
        if not tokens or tag in self.keep_tags or not tokens.isdisjoint(self.positive):
            return None
        found = [rank for token in tokens if (rank := self.token_ranks.get(token)) is not None]
        return self.by_rank[min(found)] if found else None


def split_tokens(value: str) -> frozenset[str]:
    """Class/id/role attribute values -> lower-case tokens.

    >>> sorted(split_tokens("post-body shareBar"))
    ['bar', 'body', 'post', 'share']
    """
    if not value.isascii():
        return frozenset(t.lower() for t in _SPLIT.split(value) if t)
    # The same split, a few times faster: mark the camelCase humps with a space,
    # then one table lower-cases the letters and blanks the separators.
    if not value.islower():
        value = _HUMP.sub(" ", value)
    return frozenset(value.encode().translate(_ASCII_FOLD).decode().split())


@cache
def load_hints() -> HtmlHints:
    """The packaged hints, read and validated once."""
    text = (resources.files("cleanpage") / "rules" / "html.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError(f"html.toml: {exc}") from exc
    return hints_from_data(data)


def hints_from_data(data: dict[str, Any]) -> HtmlHints:
    """Validate the parsed TOML document and build :class:`HtmlHints`."""
    token_reasons: dict[str, Reason] = {}
    ranks: dict[Reason, int] = {}
    for reason, tokens in data.get("reasons", {}).items():
        _check_reason(reason, "reasons")
        ranks[cast(Reason, reason)] = len(ranks)
        for token in tokens:
            if split_tokens(token) != {token}:
                raise RuleDataError(f"html.toml: token {token!r} is not one lower-case token")
            token_reasons.setdefault(token, cast(Reason, reason))
    tag_reasons: dict[str, Reason] = {}
    for tag, reason in data.get("tag_reasons", {}).items():
        _check_reason(reason, f"tag_reasons.{tag}")
        tag_reasons[tag] = cast(Reason, reason)
    return HtmlHints(
        token_reasons=MappingProxyType(token_reasons),
        token_ranks=MappingProxyType({t: ranks[r] for t, r in token_reasons.items()}),
        by_rank=tuple(ranks),
        positive=frozenset(data.get("positive", {}).get("tokens", ())),
        tag_reasons=MappingProxyType(tag_reasons),
        keep_tags=frozenset(data.get("keep_tags", {}).get("tags", ())),
    )


def _check_reason(reason: object, where: str) -> None:
    if reason not in REASONS:
        raise RuleDataError(f"html.toml: {where}: {reason!r} is not one of {REASONS}")
