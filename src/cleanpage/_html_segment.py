"""HTML segmentation: the DOM becomes text blocks in reading order.

One pass over ``<body>`` in document order (lexbor's own iterator, no
recursion, so any nesting depth is safe) records two things:

* the skeleton of block elements (``div``, ``p``, ``li``, ``td``, …): for each,
  its parent, tag, depth and class/id tokens — what selection scores;
* the text segments: inline text is concatenated until a block boundary (the
  start or end of a block element, or ``<br>``), then whitespace-collapsed.

A segment belongs to the innermost block element around its text (its
*owner*); a text node finds it by climbing its (few) inline ancestors.
Invisible content (``script``, ``style``, ``template``, …, and elements that
are ``hidden``, ``aria-hidden="true"`` or ``display:none``) is removed before
the walk (:func:`drop_invisible`). ``visibility:hidden`` is not: pages such as
WeChat's ship the article that way and reveal it by script.

Tables: a *data* table (no block elements inside its cells) gives one
``table`` segment per row, its cells joined by a tab; a *layout* table (cells
that hold paragraphs, lists, nested tables…) is walked like any container.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._exceptions import TooDeepError
from ._html_hints import split_tokens
from ._model import BlockKind
from ._options import Options

BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tr", "td", "th", "caption", "ul", "legend",
    "option", "button",
))  # fmt: skip
INVISIBLE_TAGS = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "title", "video", "audio", "map", "datalist",
)  # fmt: skip
_KIND_OF: dict[str, BlockKind] = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "li": "list_item", "dt": "list_item", "dd": "list_item",
    "blockquote": "quote", "pre": "code", "figcaption": "caption", "caption": "caption",
}  # fmt: skip
_CELLS = frozenset({"td", "th"})
_INHERITED: frozenset[BlockKind] = frozenset({"list_item", "quote", "code", "heading"})
_HIDDEN = '[hidden], [aria-hidden="true" i], [style*="display:none" i], [style*="display: none" i]'
_INVISIBLE = ", ".join((*INVISIBLE_TAGS, _HIDDEN))
_CELL = "\x00"
_STRUCTURE = "div, p, ul, ol, li, dl, h1, h2, h3, h4, h5, h6, blockquote, pre, article, section"
_SPACE = re.compile(r"\s")
_COLLAPSE_CHUNK = 65_536


@dataclass(frozen=True, slots=True)
class RawSegment:
    """A segment before labelling: its text, kind, owner element and link share."""

    text: str
    kind: BlockKind
    node: int
    """Index of the owning block element in :class:`Skeleton`."""
    link_chars: int


@dataclass(frozen=True, slots=True)
class Skeleton:
    """The block elements of a page, in document order (a parent precedes its children)."""

    parent: tuple[int, ...]
    tag: tuple[str, ...]
    depth: tuple[int, ...]
    tokens: tuple[frozenset[str], ...]


@dataclass(frozen=True, slots=True)
class Walked:
    """What segmentation returns: the skeleton and the segments in reading order."""

    skeleton: Skeleton
    segments: tuple[RawSegment, ...]


def drop_invisible(tree: LexborHTMLParser) -> None:
    """Remove what a reader never sees: :data:`INVISIBLE_TAGS` and hidden elements."""
    # One query for both; reverse document order: a descendant goes before its
    # ancestor, so every node handed to ``decompose`` is still attached.
    for node in reversed(tree.css(_INVISIBLE)):
        if node.tag in INVISIBLE_TAGS or not _withheld(node):
            node.decompose()


def _withheld(node: LexborNode) -> bool:
    """Article paragraphs a paywall hides with ``display:none`` beside visible ones.

    Kept: an element hidden by its inline style alone that holds paragraphs,
    with a visible sibling that is or directly holds a paragraph (a preview
    of the same article). A menu, modal or accordion panel hidden the same
    way has no such sibling.
    """
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return False
    if node.tag == "p" or node.parent is None or node.css_first("p") is None:
        return False
    for sibling in node.parent.iter():
        style = (sibling.attributes.get("style") or "").replace(" ", "").lower()
        if sibling.mem_id == node.mem_id or "display:none" in style:
            continue
        if sibling.tag == "p" or any(child.tag == "p" for child in sibling.iter()):
            return True
    return False


def segment_tree(body: LexborNode, options: Options) -> Walked:
    """Walk ``body`` (after :func:`drop_invisible`) into segments."""
    walker = _Walker(options)
    walker.run(body)
    skeleton = Skeleton(
        tuple(walker.parent), tuple(walker.tag), tuple(walker.depth), tuple(walker.tokens)
    )
    return Walked(skeleton, tuple(walker.segments))


class _Walker:
    """Mutable state of one walk; never shared between pages."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.parent: list[int] = []
        self.tag: list[str] = []
        self.depth: list[int] = []
        self.tokens: list[frozenset[str]] = []
        self.kinds: list[BlockKind] = []
        self.data_table: list[bool] = []
        self.segments: list[RawSegment] = []
        self.ids: dict[int, int] = {}
        self.token_cache: dict[str, frozenset[str]] = {}
        self.buf: list[str] = []
        self.link_len = 0
        self.owner = -1
        self.hops = 0

    def run(self, body: LexborNode) -> None:
        self.ids[body.mem_id] = self.add_block(body, "body", -1, 0)
        nodes = body.traverse(include_text=True)
        next(nodes, None)  # the body itself
        buf = self.buf  # flush() empties it in place
        limit = self.options.max_nodes
        for count, node in enumerate(nodes, 1):
            tag = node.tag
            if tag == "-text":
                text = node.text_content
                if not text:
                    continue
                if text.isspace():  # only ever a word gap, whatever block it is in
                    if buf:
                        buf.append(" ")
                    continue
                self.text(node, text)
            elif tag in BLOCK_TAGS:
                self.block(node, tag)
            elif tag == "br" and buf:
                self.flush()
            if count > limit:
                raise TooDeepError(
                    f"HTML holds more than {limit:,} nodes, over the limit;"
                    " raise Options.max_nodes to accept it",
                    stage="segment",
                    kind="max_nodes",
                )
        self.flush()

    def locate(self, node: LexborNode) -> tuple[int, bool]:
        """The owner block of ``node`` and whether an ``<a>`` lies in between.

        Sets ``self.hops`` to the number of elements climbed.
        """
        link = False
        up = node.parent
        hops = 1
        while up is not None:
            found = self.ids.get(up.mem_id)
            if found is not None:
                self.hops = hops
                return found, link
            link = link or up.tag == "a"
            up = up.parent
            hops += 1
            if hops > self.options.max_depth:
                self.too_deep(hops)
        self.hops = hops
        return 0, link

    def too_deep(self, depth: int) -> None:
        raise TooDeepError(
            f"HTML nests {depth:,} elements deep, over the limit of"
            f" {self.options.max_depth:,}; raise Options.max_depth to accept it",
            stage="segment",
            kind="max_depth",
        )

    def text(self, node: LexborNode, text: str) -> None:
        owner, link = self.locate(node)
        if owner != self.owner:
            if self.buf:
                self.flush()
            self.owner = owner
        self.buf.append(text)
        if link:
            self.link_len += len(text.strip())

    def block(self, node: LexborNode, tag: str) -> None:
        up, _ = self.locate(node)
        if tag in _CELLS and self.data_table[up]:
            if self.owner != up:
                self.flush()
                self.owner = up
            self.buf.append(_CELL)
            return
        if self.buf:
            self.flush()
        depth = self.depth[up] + self.hops
        if depth > self.options.max_depth:
            self.too_deep(depth)
        self.ids[node.mem_id] = self.add_block(node, tag, up, depth)

    def add_block(self, node: LexborNode, tag: str, up: int, depth: int) -> int:
        attrs = node.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('role') or ''}"
        tokens = self.token_cache.get(names)
        if tokens is None:
            tokens = self.token_cache[names] = split_tokens(names)
        inherited = self.kinds[up] if up >= 0 else "paragraph"
        kind = _KIND_OF.get(tag) or (inherited if inherited in _INHERITED else "paragraph")
        data = False
        if tag == "table":
            # ``css`` matches the node itself, so one hit means no nested table.
            data = len(node.css("table")) == 1 and node.css_first(_STRUCTURE) is None
        elif tag == "tr" and self.data_table[up]:
            kind, data = "table", True
        self.parent.append(up)
        self.tag.append(tag)
        self.depth.append(depth)
        self.tokens.append(tokens)
        self.kinds.append(kind)
        self.data_table.append(data)
        return len(self.tag) - 1

    def flush(self) -> None:
        if not self.buf:
            return
        raw = "".join(self.buf)
        self.buf.clear()
        owner = self.owner
        kind = self.kinds[owner]
        if kind == "code":
            text = "\n".join(_collapse(ln) for ln in raw.splitlines() if ln.strip())
        elif kind == "table":
            text = "\t".join(c for c in (_collapse(x) for x in raw.split(_CELL)) if c)
        else:
            text = _collapse(raw)
        if text:
            link = min(self.link_len, len(text))
            self.segments.append(RawSegment(text, kind, owner, link))
        self.link_len = 0


def _collapse(raw: str) -> str:
    """``" ".join(raw.split())``, a chunk at a time on huge text (a list of every word of a
    5 MB paragraph takes ten times its size)."""
    if len(raw) <= _COLLAPSE_CHUNK:
        return " ".join(raw.split())
    parts: list[str] = []
    pos = 0
    while pos < len(raw):
        space = _SPACE.search(raw, pos + _COLLAPSE_CHUNK)  # cut at whitespace: no word split
        cut = space.start() if space else len(raw)
        if part := " ".join(raw[pos:cut].split()):
            parts.append(part)
        pos = cut
    return " ".join(parts)
