"""The values cleanpage returns: :class:`Article` and its parts.

All are frozen, slotted dataclasses. ``Article.to_dict`` gives a JSON-safe
dict (the schema of ``seeds/*.expected.json``); ``Article.from_dict`` reads it
back. ``to_dict(explain=True)`` also keeps the id of the rule behind every cut,
and round-trips exactly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal, get_args

BlockKind = Literal["paragraph", "heading", "list_item", "quote", "table", "code", "caption"]
Reason = Literal[
    "navigation",
    "promo",
    "disclaimer",
    "related",
    "share",
    "cookie",
    "newsletter",
    "comments",
    "footer",
    "widget",
    "duplicate",
    "metadata",
    "other",
]
BLOCK_KINDS: tuple[BlockKind, ...] = get_args(BlockKind)
REASONS: tuple[Reason, ...] = get_args(Reason)
_KINDS_SET, _REASONS_SET = frozenset(BLOCK_KINDS), frozenset(REASONS)  # checked hundreds a page


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the article body: a paragraph, heading, list item, …"""

    kind: BlockKind
    text: str

    def __post_init__(self) -> None:
        if self.kind not in _KINDS_SET:
            raise ValueError(f"unknown block kind {self.kind!r}; expected one of {BLOCK_KINDS}")


@dataclass(frozen=True, slots=True)
class Related:
    """A "related / you may also like" item shown on the page."""

    title: str
    summary: str | None = None
    source: str | None = None
    published: datetime | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the capture's visible text that is not in the body, and why.

    ``rule`` is the id of the rule that cut it (``zh.disclaimer.platform``,
    ``generic.header-zone``, …).
    """

    reason: Reason
    text: str
    rule: str = ""

    def __post_init__(self) -> None:
        if self.reason not in _REASONS_SET:
            raise ValueError(f"unknown removal reason {self.reason!r}; expected one of {REASONS}")


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: its metadata, body blocks, related items and removals."""

    title: str | None = None
    summary: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    source: str | None = None
    site_name: str | None = None
    published: datetime | None = None
    language: str | None = None
    url: str | None = None
    blocks: tuple[Block, ...] = ()
    related: tuple[Related, ...] = ()
    removed: tuple[Removed, ...] = field(default=())

    @property
    def text(self) -> str:
        """The body as plain text: the blocks' texts joined by blank lines."""
        return "\n\n".join(block.text for block in self.blocks)

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """A JSON-safe dict; with ``explain=True`` each removal also names its rule."""
        return {
            "title": self.title,
            "summary": self.summary,
            "authors": list(self.authors),
            "publisher": self.publisher,
            "source": self.source,
            "site_name": self.site_name,
            "published": _iso(self.published),
            "language": self.language,
            "url": self.url,
            "blocks": [{"kind": b.kind, "text": b.text} for b in self.blocks],
            "related": [_related_dict(r) for r in self.related],
            "removed": [_removed_dict(r, explain) for r in self.removed],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Read back what :meth:`to_dict` wrote."""
        return cls(
            title=data.get("title"),
            summary=data.get("summary"),
            authors=tuple(data.get("authors", ())),
            publisher=data.get("publisher"),
            source=data.get("source"),
            site_name=data.get("site_name"),
            published=_parse_iso(data.get("published")),
            language=data.get("language"),
            url=data.get("url"),
            blocks=tuple(Block(b["kind"], b["text"]) for b in data.get("blocks", ())),
            related=tuple(
                replace(Related(**r), published=_parse_iso(r.get("published")))
                for r in data.get("related", ())
            ),
            removed=tuple(Removed(**r) for r in data.get("removed", ())),
        )

    def to_json(self, *, explain: bool = False, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text (UTF-8 characters kept as they are)."""
        return json.dumps(self.to_dict(explain=explain), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        """The article as Markdown: title, a metadata line, summary, then the body."""
        parts = [f"# {self.title}"] if self.title else []
        meta = [
            ", ".join(self.authors),
            f"Source: {self.source}" if self.source else "",
            _iso(self.published) or "",
        ]
        if any(meta):
            parts.append("*" + " · ".join(m for m in meta if m) + "*")
        if self.summary:
            parts.append(f"> {self.summary}")
        parts.extend(_block_markdown(b) for b in self.blocks)
        return "\n\n".join(parts) + "\n"


_MARKDOWN_PREFIX: dict[str, str] = {"heading": "## ", "list_item": "- ", "quote": "> "}


def _block_markdown(block: Block) -> str:
    if block.kind == "code":
        return f"```\n{block.text}\n```"
    if block.kind == "caption":
        return f"*{block.text}*"
    return _MARKDOWN_PREFIX.get(block.kind, "") + block.text


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _related_dict(item: Related) -> dict[str, Any]:
    return {
        "title": item.title,
        "summary": item.summary,
        "source": item.source,
        "published": _iso(item.published),
        "url": item.url,
    }


def _removed_dict(item: Removed, explain: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"reason": item.reason, "text": item.text}
    if explain:
        data["rule"] = item.rule
    return data
