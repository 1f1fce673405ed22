"""The segmentation walk's bookkeeping: owners, depths, link text, limits, tokens.

The walk hands each node's context (owning block, link, depth) down from its
ancestors instead of climbing from the node; these tests hold it to what
climbing the DOM says.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanpage._exceptions import TooDeepError
from cleanpage._html_hints import split_tokens
from cleanpage._html_segment import BLOCK_TAGS, Walked, segment_tree, tag_ids
from cleanpage._html_visible import INVISIBLE_TAGS, drop_hidden
from cleanpage._options import Options

_TAGS = ("div", "p", "li", "section", "span", "a", "b", "em", "td")
_CLASS_CHARS = "aAbBzZ09-_ .:\t/éÉß\u0130\u212a\u00b5\U00010400"


def walk(html: str, options: Options | None = None) -> Walked:
    tree = LexborHTMLParser(html)
    drop_hidden(tree)
    assert tree.body is not None
    return segment_tree(tree.body, options or Options())


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    """Nested blocks, inline elements, words, white space and ``<br>``."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 4 if depth < 5 else 2))
        if choice == 0:
            parts.append(draw(st.sampled_from(("word", " ", "\n  ", "two words", "x"))))
        elif choice == 1:
            parts.append("<br>")
        elif choice == 2:
            parts.append(draw(st.sampled_from(("<!-- c -->", "<img src=x>", " "))))
        else:
            tag = draw(st.sampled_from(_TAGS))
            attrs = draw(st.sampled_from(("", ' class="postBody x"', ' id="Main" role="nav"')))
            parts.append(f"<{tag}{attrs}>{draw(markup(depth + 1))}</{tag}>")
    return "".join(parts)


def _blocks(body: LexborNode) -> list[LexborNode]:
    return [node for node in body.traverse() if node.tag in BLOCK_TAGS]


def _depth(node: LexborNode) -> int:
    depth = 0
    up: LexborNode | None = node
    while up is not None and up.tag != "body":
        up, depth = up.parent, depth + 1
    return depth


@given(markup())
def test_skeleton_depths_and_parents_match_the_dom(inner: str) -> None:
    tree = LexborHTMLParser(f"<body>{inner}</body>")
    assert tree.body is not None
    blocks = _blocks(tree.body)  # no <table> is generated: a stray <td> is dropped
    skeleton = segment_tree(tree.body, Options()).skeleton
    assert list(skeleton.tag) == [node.tag for node in blocks]
    assert list(skeleton.depth) == [_depth(node) for node in blocks]
    index = {node.mem_id: i for i, node in enumerate(blocks)}
    for i, node in enumerate(blocks[1:], 1):
        up = node.parent
        while up is not None and up.mem_id not in index:
            up = up.parent
        assert up is not None
        assert skeleton.parent[i] == index[up.mem_id]


@given(markup())
def test_segments_keep_every_visible_character_in_order(inner: str) -> None:
    tree = LexborHTMLParser(f"<body>{inner}</body>")
    assert tree.body is not None
    visible = "".join(tree.body.text().split())
    walked = segment_tree(tree.body, Options())
    assert "".join("".join(seg.text.split()) for seg in walked.segments) == visible
    for seg in walked.segments:
        assert seg.text == " ".join(seg.text.split())
        assert 0 <= seg.link_chars <= len(seg.text)


def test_link_text_is_counted_below_the_link_only() -> None:
    (seg,) = walk("<body><p>ab <a href=x><b>cd</b> <i>ef</i></a> gh</p></body>").segments
    assert (seg.text, seg.link_chars) == ("ab cd ef gh", 4)


def test_a_block_inside_a_link_owns_its_text_and_is_no_link_text() -> None:
    segs = walk("<body><a href=x>one<div>two</div>three</a></body>").segments
    assert [(s.text, s.link_chars) for s in segs] == [("one", 3), ("two", 0), ("three", 5)]


def test_text_after_a_nested_block_goes_back_to_the_outer_owner() -> None:
    walked = walk("<body><div id=a>x<p>y</p><span>z</span></div></body>")
    assert [(s.text, walked.skeleton.tag[s.node]) for s in walked.segments] == [
        ("x", "div"),
        ("y", "p"),
        ("z", "div"),
    ]


def test_data_cells_are_no_owners_and_inner_blocks_hang_below_the_row() -> None:
    walked = walk("<body><table><tr><td>a</td><td><center>b</center></td></tr></table></body>")
    sk = walked.skeleton
    assert list(sk.tag) == ["body", "table", "tr", "center"]
    assert sk.parent[3] == 2
    assert sk.depth[3] == 5  # table > tbody > tr > td > center
    assert [(s.kind, s.text) for s in walked.segments] == [("table", "a"), ("paragraph", "b")]


def test_max_nodes_counts_every_node_below_body() -> None:
    html = "<body><p>x</p><!-- c --><p>y <b>z</b></p></body>"  # 7 nodes
    assert len(walk(html, Options(max_nodes=7)).segments) == 2
    with pytest.raises(TooDeepError) as err:
        walk(html, Options(max_nodes=6))
    assert err.value.kind == "max_nodes"


def test_max_depth_bounds_blocks_and_the_inline_chain_above_a_text() -> None:
    blocks = "<body><div><div>x</div></div></body>"
    assert walk(blocks, Options(max_depth=2)).skeleton.depth == (0, 1, 2)
    inline = "<body><div><span><span>x</span></span></div></body>"  # text 3 below its div
    assert walk(inline, Options(max_depth=3)).segments[0].text == "x"
    for html in (blocks, inline):
        with pytest.raises(TooDeepError) as err:
            walk(html, Options(max_depth=1 if html is blocks else 2))
        assert err.value.kind == "max_depth"


_REFERENCE = re.compile(r"[^0-9A-Za-z\u00c0-\uffff]+|(?<=[a-z])(?=[A-Z])")


@given(st.text(alphabet=_CLASS_CHARS, max_size=30) | st.text(max_size=30))
def test_split_tokens_is_the_regex_split_lower_cased(value: str) -> None:
    assert split_tokens(value) == {t.lower() for t in _REFERENCE.split(value) if t}


def test_tag_ids_tell_the_walk_tags_apart() -> None:
    ids = tag_ids()
    tree = LexborHTMLParser(
        "<body><div><p>x<a href=/>y</a><br><script>z</script><x-card>w</x-card></p></div></body>"
    )
    assert tree.body is not None
    for node in tree.body.traverse(include_text=True):
        tag = node.tag or ""
        assert (node.tag_id == ids.text) == (tag == "-text")
        assert ids.blocks.get(node.tag_id) == (tag if tag in BLOCK_TAGS else None)
        assert (node.tag_id in ids.invisible) == (tag in INVISIBLE_TAGS)
        assert (node.tag_id == ids.a) == (tag == "a")
        assert (node.tag_id == ids.br) == (tag == "br")
