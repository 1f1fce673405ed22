"""Metadata from an HTML page (placeholder, to be replaced)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ._options import Options
from ._segments import PageMeta


def read_meta(tree: LexborHTMLParser, *, url: str | None, options: Options) -> PageMeta:
    """Every metadata field the page's markup offers."""
    node = tree.css_first("title")
    return PageMeta(title=node.text(strip=True) if node else None)
