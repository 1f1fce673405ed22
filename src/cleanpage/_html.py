"""The HTML path: a page becomes labelled segments (placeholder, to be replaced)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ._model import BlockKind
from ._options import Options
from ._rules import RuleSet
from ._segments import Label, LabelledPage, PageMeta, Segment

_KINDS: dict[str, BlockKind] = {
    "p": "paragraph", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
    "li": "list_item", "blockquote": "quote", "pre": "code", "figcaption": "caption",
}


def extract_html(html: str, *, url: str | None, options: Options, rules: RuleSet) -> LabelledPage:
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node else None
    segments = tuple(
        Segment(text, _KINDS[node.tag])
        for node in tree.css(",".join(_KINDS))
        if (text := " ".join(node.text().split()))
    )
    labels = tuple(Label(None, "html.placeholder") for _ in segments)
    return LabelledPage(segments, labels, PageMeta(title=title or None))
