"""HTML segmentation: the DOM becomes text blocks in reading order.

One pass over ``<body>`` in document order (first child, else next sibling,
else back up a stack of ancestors: no recursion, so any nesting depth is safe)
records two things:

* the skeleton of block elements (``div``, ``p``, ``li``, ``td``, …): for each,
  its parent, tag, depth and class/id tokens — what selection scores;
* the text segments: inline text is concatenated until a block boundary (the
  start or end of a block element, or ``<br>``), then whitespace-collapsed.

A segment belongs to the innermost block element around its text (its
*owner*); the walk hands owner, link (an ``<a>`` in between) and depth down
from each element to its children, so no node climbs its ancestors.
Invisible content is never read: the walk steps over ``script``, ``style``,
``template``, … with all they hold, and elements that are ``hidden``,
``aria-hidden="true"`` or ``display:none`` are removed before it
(:func:`._html_visible.drop_hidden`). ``visibility:hidden`` is not: pages
such as WeChat's ship the article that way and reveal it by script.

Tables: a *data* table (no block elements inside its cells) gives one
``table`` segment per row, its cells joined by a tab; a *layout* table (cells
that hold paragraphs, lists, nested tables…) is walked like any container.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._exceptions import TooDeepError
from ._html_hints import split_tokens
from ._html_visible import INVISIBLE_TAGS
from ._model import BlockKind
from ._options import Options

BLOCK_TAGS: Final = frozenset((
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tr", "td", "th", "caption", "ul", "legend",
    "option", "button",
))  # fmt: skip
_KIND_OF: Final[dict[str, BlockKind]] = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "li": "list_item", "dt": "list_item", "dd": "list_item",
    "blockquote": "quote", "pre": "code", "figcaption": "caption", "caption": "caption",
}  # fmt: skip
_CELLS: Final = frozenset({"td", "th"})
_INHERITED: Final[frozenset[BlockKind]] = frozenset({"list_item", "quote", "code", "heading"})
_NO_TOKENS: Final[frozenset[str]] = frozenset()
_CELL: Final = "\x00"
_STRUCTURE: Final = (
    "div, p, ul, ol, li, dl, h1, h2, h3, h4, h5, h6, blockquote, pre, article, section"
)
_SPACE: Final = re.compile(r"\s")
_COLLAPSE_CHUNK: Final = 65_536


class RawSegment:
    """A segment before labelling: its text, kind, owner element and link share (a class
    with read-only attributes, like :class:`._segments.Segment`)."""

    __slots__ = ("kind", "link_chars", "node", "text")

    def __init__(self, text: str, kind: BlockKind, node: int, link_chars: int) -> None:
        self.text: Final = text
        self.kind: Final = kind
        self.node: Final = node
        """Index of the owning block element in :class:`Skeleton`."""
        self.link_chars: Final = link_chars

    def __repr__(self) -> str:
        return f"RawSegment({self.text!r}, {self.kind!r}, {self.node!r}, {self.link_chars!r})"


@dataclass(frozen=True, slots=True)
class TagIds:
    """lexbor's ids of the tags the walk tells apart.

    A standard tag's id is fixed in lexbor's tag table (an element of an unknown
    tag gets an id of its own, never one of these); they are read from the parser
    once rather than written down here.
    """

    text: int
    a: int
    br: int
    blocks: dict[int, str]
    """Block tags: id -> name (no name read off each element)."""
    invisible: frozenset[int]


@cache
def tag_ids() -> TagIds:
    """The ids of :data:`BLOCK_TAGS`, :data:`INVISIBLE_TAGS`, ``a``, ``br`` and text nodes."""
    tree = LexborHTMLParser("<p>text</p>")
    paragraph = tree.css_first("p")
    text = paragraph.first_child if paragraph is not None else None
    if text is None:  # pragma: no cover - lexbor always parses this
        raise RuntimeError("lexbor parsed no text node")
    ids = {name: tree.create_node(name).tag_id for name in BLOCK_TAGS | INVISIBLE_TAGS}
    return TagIds(
        text=text.tag_id,
        a=tree.create_node("a").tag_id,
        br=tree.create_node("br").tag_id,
        blocks={ids[name]: name for name in BLOCK_TAGS},
        invisible=frozenset(ids[name] for name in INVISIBLE_TAGS),
    )


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


def segment_tree(body: LexborNode, options: Options) -> Walked:
    """Walk ``body`` into segments, leaving out what a reader never sees."""
    walker = _Walker(options.max_depth)
    walker.run(body, options.max_nodes)
    skeleton = Skeleton(
        tuple(walker.parent), tuple(walker.tag), tuple(walker.depth), tuple(walker.tokens)
    )
    return Walked(skeleton, tuple(walker.segments))


class _Walker:
    """Mutable state of one walk; never shared between pages."""

    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        self.parent: list[int] = [-1]
        self.tag: list[str] = ["body"]
        self.depth: list[int] = [0]
        self.tokens: list[frozenset[str]] = []
        self.kinds: list[BlockKind] = ["paragraph"]
        self.data_tables: set[int] = set()
        self.segments: list[RawSegment] = []
        self.token_cache: dict[str, frozenset[str]] = {}
        self.buf: list[str] = []
        self.link_len = 0
        self.owner = -1

    def run(self, body: LexborNode, limit: int) -> None:
        """Visit the nodes below ``body`` in document order, keeping their ancestors on a stack.

        Each node is seen with its context: the block that owns its text (``owner``),
        whether an ``<a>`` lies between the two (``link``) and its depth below ``body``.
        More than ``limit`` nodes is an error.
        """
        self.tokens.append(self.names(body))
        ids = tag_ids()
        buf = self.buf  # flush() empties it in place
        stack: list[tuple[LexborNode, int, bool]] = []  # ancestors, with their context
        node, owner, link, depth, count = body.first_child, 0, False, 1, 0
        while node is not None:
            tag = node.tag_id  # an int: no string made for every node
            child = None
            if tag == ids.text:
                count += 1  # checked after a node with content, not after white space
                # White space is only ever a word gap, whatever block it is in; ASCII white
                # space (most of it: the page's indentation) is told without reading it.
                text = "" if node.is_empty_text_node else node.text_content
                if not text or text.isspace():
                    if buf:
                        buf.append(" ")
                else:
                    self.text(text, owner, link, depth)
                    if count > limit:
                        self.too_many(limit)
            elif tag not in ids.invisible:  # stepped over, with all they hold
                count += 1
                inner, inner_link = owner, link or tag == ids.a  # what its children see
                name = ids.blocks.get(tag)
                if name is not None:
                    inner = self.block(node, name, owner, depth)
                    inner_link = link and inner == owner  # a data cell is not an owner
                elif tag == ids.br and buf:
                    self.flush()
                if count > limit:
                    self.too_many(limit)
                child = node.first_child
            if child is not None:
                stack.append((node, owner, link))
                node, owner, link, depth = child, inner, inner_link, depth + 1
                continue
            node = node.next
            while node is None and stack:
                up, owner, link = stack.pop()
                node, depth = up.next, depth - 1
        self.flush()

    def too_many(self, limit: int) -> None:
        raise TooDeepError(
            f"HTML holds more than {limit:,} nodes, over the limit;"
            " raise Options.max_nodes to accept it",
            stage="segment",
            kind="max_nodes",
        )

    def too_deep(self, depth: int) -> None:
        raise TooDeepError(
            f"HTML nests {depth:,} elements deep, over the limit of"
            f" {self.max_depth:,}; raise Options.max_depth to accept it",
            stage="segment",
            kind="max_depth",
        )

    def text(self, text: str, owner: int, link: bool, depth: int) -> None:
        """Inline text at ``depth``, in block ``owner``, within an ``<a>`` if ``link``."""
        if depth - self.depth[owner] > self.max_depth:
            self.too_deep(self.max_depth + 1)
        if owner != self.owner:
            if self.buf:
                self.flush()
            self.owner = owner
        self.buf.append(text)
        if link:
            self.link_len += len(text.strip())

    def block(self, node: LexborNode, tag: str, up: int, depth: int) -> int:
        """A block element at ``depth`` in block ``up``; returns the owner of its content."""
        if depth - self.depth[up] > self.max_depth:
            self.too_deep(self.max_depth + 1)
        if tag in _CELLS and up in self.data_tables:
            if self.owner != up:
                self.flush()
                self.owner = up
            self.buf.append(_CELL)
            return up
        if self.buf:
            self.flush()
        if depth > self.max_depth:
            self.too_deep(depth)
        index = len(self.tag)
        inherited = self.kinds[up]
        kind = _KIND_OF.get(tag) or (inherited if inherited in _INHERITED else "paragraph")
        if tag == "table":
            # ``css`` matches the node itself, so one hit means no nested table.
            if len(node.css("table")) == 1 and node.css_first(_STRUCTURE) is None:
                self.data_tables.add(index)
        elif tag == "tr" and up in self.data_tables:
            kind = "table"
            self.data_tables.add(index)
        self.parent.append(up)
        self.tag.append(tag)
        self.depth.append(depth)
        self.tokens.append(self.names(node))
        self.kinds.append(kind)
        return index

    def names(self, node: LexborNode) -> frozenset[str]:
        """The class, id and role tokens of ``node``."""
        attrs = node.attributes
        names, ident, role = attrs.get("class"), attrs.get("id"), attrs.get("role")
        if ident or role:
            names = f"{names or ''} {ident or ''} {role or ''}"
        elif not names:
            return _NO_TOKENS
        tokens = self.token_cache.get(names)
        if tokens is None:
            tokens = self.token_cache[names] = split_tokens(names)
        return tokens

    def flush(self) -> None:
        buf = self.buf
        if not buf:
            return
        raw = "".join(buf)
        buf.clear()
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
