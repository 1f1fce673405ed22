"""The HTML path: a page becomes labelled segments.

parse once (selectolax, lexbor) → metadata (:mod:`._htmlmeta`) → drop
hidden elements (:mod:`._html_visible`) → segment what a reader sees
(:mod:`._html_segment`) → select the article
region (:mod:`._html_select`; boxes headed by a lexicon header count as
chrome) → label every segment (:mod:`._html_label`, lexicon rules via
:mod:`._lexicon`) → the headline, then bylines, date lines and the
standfirst (:mod:`._html_fields`) become metadata.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from selectolax.lexbor import LexborHTMLParser

from ._html_fields import mark_standfirst, read_fields
from ._html_hints import load_hints
from ._html_label import headed_boxes, label_segments
from ._html_segment import Walked, segment_tree
from ._html_select import container_of, select_region
from ._html_title import find_title, headline_node, title_candidates
from ._html_visible import drop_hidden
from ._htmlevidence import collect
from ._htmlmeta import meta_from
from ._lexicon import build_header_lexicon, build_lexicon
from ._options import Options
from ._repair import needs_repair
from ._rules import RuleSet
from ._segments import Label, LabelledPage, Segment


def extract_html(
    html: str | bytes, *, url: str | None, options: Options, rules: RuleSet
) -> LabelledPage:
    """Segment, select and label an HTML page (``str``, or its UTF-8 ``bytes``); metadata
    from :func:`meta_from`."""
    tree = LexborHTMLParser(html)
    found = collect(tree)
    meta = meta_from(found, tree, url=url, options=options)
    titles = title_candidates(found, meta.title)
    del found  # it holds nodes of the tree
    drop_hidden(tree)
    body = tree.body
    if body is None:
        return LabelledPage((), (), meta)
    walked = segment_tree(body, options)
    del tree, body  # the DOM, several times the page's size, is not read past here
    match = cache(build_lexicon(rules.rules).first_match)  # a line may be met twice
    heads = build_header_lexicon(rules.rules).first_match
    marks = headed_boxes(walked, match, heads)
    region = select_region(walked, load_hints(), headline_node(walked, titles), marks)
    labels = label_segments(walked, region, match)
    headlines = find_title(walked, labels, titles)
    for index in headlines:
        labels[index] = Label("metadata", "html.title")
    if headlines and meta.title is None:
        meta = replace(meta, title=walked.segments[headlines[0]].text)
    meta = read_fields(walked, labels, rules.fields, meta)
    meta = mark_standfirst(walked, labels, meta)
    return LabelledPage(_segments(walked), tuple(labels), meta)


def _segments(walked: Walked) -> tuple[Segment, ...]:
    """Segments for assembly; a segment's group is its container element."""
    return tuple(
        [Segment(seg.text, seg.kind, container_of(walked, seg.node)) for seg in walked.segments]
    )


def shows_suspects(page: LabelledPage) -> bool:
    """Whether any text the HTML path read (segments, metadata, related items) needs
    :func:`repair`; when none does, repairing the page first would have changed nothing
    it shows."""
    meta = page.meta
    texts = [meta.title, meta.summary, meta.publisher, meta.source, meta.site_name]
    texts += meta.authors
    for item in meta.related:
        texts += (item.title, item.summary, item.source)
    texts += [segment.text for segment in page.segments]
    # One search of the texts joined: a suspect is never made or hidden by a line break.
    return needs_repair("\n".join([text for text in texts if text]))
