"""What a reader never sees: invisible tags and hidden elements.

An element is invisible when it is one of :data:`INVISIBLE_TAGS` (scripts,
styles, templates, media, …), which the walk steps over with all they hold, or
is ``hidden``, ``aria-hidden="true"`` or ``display:none`` in its inline style,
which :func:`drop_hidden` removes before the walk.
One exception keeps the article whole: paragraphs a paywall hides with
``display:none`` beside a visible preview (:func:`_withheld`).
"""

from __future__ import annotations

import re
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

INVISIBLE_TAGS: Final = frozenset((
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "title", "video", "audio", "map", "datalist",
))  # fmt: skip
_HIDING: Final = '[hidden], [aria-hidden="true" i], [style*="none" i]'
"""Elements whose attributes may hide them (:func:`_invisible` decides)."""
_DISPLAY_NONE: Final = re.compile(r"display\s*:\s*none", re.IGNORECASE | re.ASCII)


def _invisible(node: LexborNode, attrs: dict[str, str | None]) -> bool:
    """Whether a reader never sees ``node``: one of :data:`INVISIBLE_TAGS`, or an element
    that is ``hidden``, ``aria-hidden="true"`` or ``display:none`` in its inline style."""
    if node.tag in INVISIBLE_TAGS:
        return True
    if not attrs:
        return False
    style = attrs.get("style")
    return _hidden_by_markup(attrs) or (
        style is not None and _DISPLAY_NONE.search(style) is not None
    )


def _hidden_by_markup(attrs: dict[str, str | None]) -> bool:
    """``hidden`` or ``aria-hidden="true"``: hidden whatever the style says."""
    return "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true"


def drop_hidden(tree: LexborHTMLParser) -> None:
    """Remove the elements hidden by their attributes (the walk steps over
    :data:`INVISIBLE_TAGS` itself), except paragraphs :func:`_withheld` by a paywall.

    One CSS pass finds the few candidates, so no other element's attributes are read;
    reverse document order hands ``decompose`` a descendant before its ancestor.
    """
    for node in reversed(tree.css(_HIDING)):
        attrs = node.attributes
        if _invisible(node, attrs) and not _withheld(node, attrs):
            node.decompose()


def _withheld(node: LexborNode, attrs: dict[str, str | None]) -> bool:
    """Article paragraphs a paywall hides with ``display:none`` beside visible ones.

    Kept: an element hidden by its inline style alone that holds visible
    paragraphs, with a visible sibling that is or directly holds a visible
    paragraph (a preview of the same article). A menu, modal or accordion
    panel hidden the same way has no such sibling.
    """
    if node.tag in INVISIBLE_TAGS or _hidden_by_markup(attrs):
        return False
    parent = node.parent
    if node.tag == "p" or parent is None or not any(_shown(p, node) for p in node.css("p")):
        return False
    for sibling in parent.iter():
        if sibling.mem_id == node.mem_id or _invisible(sibling, sibling.attributes):
            continue
        if sibling.tag == "p" or any(
            child.tag == "p" and not _invisible(child, child.attributes) for child in sibling.iter()
        ):
            return True
    return False


def _shown(node: LexborNode, top: LexborNode) -> bool:
    """Whether nothing between ``node`` and its ancestor ``top`` (``top`` excluded) hides it."""
    here: LexborNode | None = node
    while here is not None and here.mem_id != top.mem_id:
        if _invisible(here, here.attributes):
            return False
        here = here.parent
    return True
