"""Main-content selection and labelling on handmade pages."""

from __future__ import annotations

import re

import cleanpage
from cleanpage._html import extract_html
from cleanpage._options import Options
from cleanpage._rules import Rule, RuleSet
from cleanpage._segments import Label, LabelledPage

NO_RULES = RuleSet((), (), ())

PARAS = [
    "The central bank kept its benchmark rate unchanged on Tuesday, citing slower inflation.",
    "Officials said the decision was unanimous, although two members argued for a cut.",
    "Markets had priced in a pause, and bond yields barely moved after the announcement.",
    "Analysts expect the first reduction in the second quarter, if wage growth cools.",
    "The governor will testify before the finance committee of parliament next week.",
]


def body_html(paras: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def run(html: str, rules: RuleSet = NO_RULES) -> LabelledPage:
    return extract_html(html, url=None, options=Options(), rules=rules)


def body(page: LabelledPage) -> list[str]:
    return [s.text for s, label in zip(page.segments, page.labels, strict=True) if label.is_body]


def label_of(page: LabelledPage, text: str) -> Label:
    return next(lab for s, lab in zip(page.segments, page.labels, strict=True) if s.text == text)


CHROME_PAGE = (
    "<html><head><title>Rates on hold | Daily Paper</title>"
    '<meta property="og:title" content="Rates on hold"></head><body>'
    '<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/m">Markets</a></li>'
    '<li><a href="/c">Crypto</a></li></ul></nav>'
    '<div class="layout"><main><article class="story"><h1>Rates on hold</h1>'
    + body_html(PARAS[:3])
    + '<div class="share-bar"><a href="#">Share on X</a> <a href="#">Share on Facebook</a></div>'
    + body_html(PARAS[3:])
    + "</article>"
    '<section class="related-posts"><h3>More stories</h3><p>Another story about bond markets '
    "and what the yield curve is telling investors this year.</p></section>"
    '<div id="comments"><p>Great article, I think the bank is completely wrong about '
    "everything it does, as usual.</p></div></main>"
    '<aside class="sidebar"><p>Subscribe for a weekly digest of everything that moves markets '
    "and your money.</p></aside></div>"
    '<div class="newsletter-box"><p>Sign up to our newsletter.</p></div>'
    '<div class="cookie-banner"><p>We use cookies to improve your experience.</p></div>'
    "<footer><p>© 2024 Daily Paper. All rights reserved.</p></footer></body></html>"
)


def test_article_body_is_selected_and_chrome_cut_with_reasons() -> None:
    page = run(CHROME_PAGE)
    assert body(page) == PARAS
    assert label_of(page, "Home").reason == "navigation"
    assert label_of(page, "Share on X Share on Facebook").reason == "share"
    assert label_of(page, "More stories").reason == "related"
    assert label_of(page, "Sign up to our newsletter.").reason == "newsletter"
    assert label_of(page, "We use cookies to improve your experience.").reason == "cookie"
    assert label_of(page, "© 2024 Daily Paper. All rights reserved.").reason == "footer"
    comment = next(s.text for s in page.segments if s.text.startswith("Great article"))
    assert label_of(page, comment).reason == "comments"


def test_headline_is_metadata_not_body() -> None:
    page = run(CHROME_PAGE)
    assert label_of(page, "Rates on hold") == Label("metadata", "html.title")


def test_headline_fills_a_missing_title() -> None:
    html = "<body><h1>Only a heading</h1>" + body_html(PARAS) + "</body>"
    page = run(html)
    assert page.meta.title == "Only a heading"
    assert label_of(page, "Only a heading").reason == "metadata"


def test_one_chrome_element_is_one_span() -> None:
    page = run(CHROME_PAGE)
    nav = [
        lab.span
        for s, lab in zip(page.segments, page.labels, strict=True)
        if s.text in {"Home", "Markets"}
    ]
    assert nav[0] >= 0
    assert nav[0] == nav[1]


def test_article_split_over_sibling_containers_is_kept_whole() -> None:
    html = (
        "<body><div class='menu'><a href='/'>Home</a></div><div class='page'>"
        "<div class='col'>" + body_html(PARAS[:2]) + "</div>"
        "<div class='ad-slot'><p>Advertisement</p></div>"
        "<div class='col'>" + body_html(PARAS[2:]) + "</div>"
        "</div><div class='footer'><p>Contact us</p></div></body>"
    )
    page = run(html)
    assert body(page) == PARAS
    assert label_of(page, "Advertisement").reason == "promo"


def test_paragraphs_each_in_their_own_wrapper_are_found_whole() -> None:
    wrapped = "".join(f"<div class='block'><div><p>{p}</p></div></div>" for p in PARAS)
    html = f"<body><header><a href='/'>Home</a></header><div class='story'>{wrapped}</div></body>"
    assert body(run(html)) == PARAS


def test_link_dense_block_in_the_article_is_cut() -> None:
    links = "<p><a href='/a'>One linked headline</a> <a href='/b'>Another one</a></p>"
    html = "<body><div>" + body_html(PARAS[:3]) + links + body_html(PARAS[3:]) + "</div></body>"
    page = run(html)
    assert body(page) == PARAS
    assert label_of(page, "One linked headline Another one").rule == "html.link-density"


def test_chrome_token_on_a_wrapper_of_the_whole_article_is_ignored() -> None:
    html = "<body><form id='aspnetForm'><div class='meta-wrapper'>" + body_html(PARAS)
    html += "</div></form></body>"
    assert body(run(html)) == PARAS


PROMO = Rule(
    id="test.promo.airdrop",
    category="promo",
    patterns=(re.compile(r"^claim (?:your )?airdrop\b", re.IGNORECASE),),
    max_chars=80,
)
RISK = Rule(
    id="test.disclaimer.risk",
    category="disclaimer",
    patterns=(re.compile(r"^(?:免责声明|风险提示)[:：]"),),
)
RELATED = Rule(
    id="test.related.header",
    category="related",
    patterns=(re.compile(r"^you may also like$", re.IGNORECASE),),
    scope="section",
)
RULES = RuleSet((PROMO, RISK, RELATED), (), ())


def test_precision_guard_body_mentioning_airdrop_or_risk_stays_body() -> None:
    airdrop = (
        "The project said the airdrop would reach 40,000 wallets, a move analysts called bold."
    )
    risk = "监管机构表示，市场风险仍在上升，投资者应关注流动性变化和杠杆水平。"
    html = (
        "<body><article>" + body_html([*PARAS[:2], airdrop, risk, *PARAS[2:]]) + "</article></body>"
    )
    page = run(html, RULES)
    assert airdrop in body(page)
    assert risk in body(page)


def test_lexicon_cuts_promo_and_disclaimer_inside_the_article() -> None:
    promo = "Claim your airdrop now!"
    disclaimer = "免责声明：本文不构成投资建议。"
    html = "<body><article>" + body_html([*PARAS, promo, disclaimer]) + "</article></body>"
    page = run(html, RULES)
    assert body(page) == PARAS
    assert label_of(page, promo) == Label("promo", "test.promo.airdrop")
    assert label_of(page, disclaimer) == Label("disclaimer", "test.disclaimer.risk")


def test_section_rule_cuts_the_header_and_what_follows_in_its_container() -> None:
    related = "<h3>You may also like</h3><ul><li>First other story</li><li>Second one</li></ul>"
    html = "<body><article>" + body_html(PARAS) + related + "</article></body>"
    page = run(html, RULES)
    assert body(page) == PARAS
    cut = [
        lab for s, lab in zip(page.segments, page.labels, strict=True) if s.text in {"Second one"}
    ]
    assert cut[0].rule == "test.related.header"
    spans = {lab.span for lab in page.labels if lab.rule == "test.related.header"}
    assert len(spans) == 1


def test_repeated_text_in_the_article_is_a_duplicate() -> None:
    caption = "Photo: a trader on the floor of the exchange, Tuesday morning."
    html = "<body><article>" + body_html([PARAS[0], caption, *PARAS[1:4], caption, PARAS[4]])
    page = run(html + "</article></body>")
    assert body(page).count(caption) == 1
    assert any(lab.reason == "duplicate" for lab in page.labels)


def test_page_without_text_has_no_body() -> None:
    page = run("<html><body><div><img src=x></div></body></html>")
    assert page.segments == ()


def test_a_comment_section_longer_than_the_article_does_not_hide_it() -> None:
    article = "".join(
        f"<p>Paragraph {i}: the central bank held rates, and markets rallied, as expected.</p>"
        for i in range(8)
    )
    comments = "".join(
        f"<div class='comment'><p>Comment {i}: I think, honestly, that this rally will fade,"
        " because liquidity is thin, volumes are low, and nobody believes the guidance.</p></div>"
        for i in range(400)
    )
    html = (
        "<html><body><div class='sidebar-layout'><h1>Rates held</h1>"
        f"<article>{article}</article></div><section class='comments'>{comments}</section>"
        "</body></html>"
    )
    blocks = cleanpage.clean_html(html).blocks
    assert [b.text[:11] for b in blocks] == [f"Paragraph {i}" for i in range(8)]


def test_header_after_the_text_of_a_box_does_not_make_the_box_a_list() -> None:
    # "You may also like" is the first line *directly* in the box, but the
    # article's paragraphs (in a wrapper of their own) come before it.
    html = (
        "<body><div class='entry'><div class='text'>" + body_html(PARAS) + "</div>"
        "<h3>You may also like</h3><div><p>Another story about bond markets and what "
        "the yield curve is telling investors.</p></div></div></body>"
    )
    page = run(html, RULES)
    assert body(page) == PARAS
    assert label_of(page, "You may also like").rule == "test.related.header"


def test_chrome_class_repeated_on_every_prose_block_is_a_layout_name() -> None:
    # A gallery whose every item text sits in a "...-deck" block (a metadata
    # token on its own): together those blocks are the article.
    items = "".join(
        f"<h3>{n}. Item</h3><div class='gallery-item-deck'><p>{p}</p></div>"
        for n, p in enumerate(PARAS, 1)
    )
    html = (
        "<body><nav><a href='/'>Home</a> <a href='/m'>Markets</a></nav>"
        f"<div class='gallery'>{items}</div>"
        "<div class='deck'><p>Short standfirst of another page, shown once.</p></div></body>"
    )
    assert [t for t in body(run(html)) if t in PARAS] == PARAS


LISTICLE_ITEM = (
    "<div class='product'><h2>{n}. A long product title that says what this item is and why</h2>"
    "<div><div class='description'><p>{a}</p><p>{b}</p>"
    "<p><a href='/x'>Get it from the shop for $15</a></p></div></div></div>"
)


def test_listicle_items_with_their_own_headings_are_found_whole() -> None:
    # Each item: a heading, two paragraphs, a shop link. Item headings are the
    # article's own (the headline sits above them in the same element), so
    # they do not stop the root climbing from one item to the whole list; a
    # teaser list beyond the headline's element stays out.
    items = "".join(
        LISTICLE_ITEM.format(n=n, a=f"{n}: {PARAS[n % 5]}", b=f"{n}: {PARAS[(n + 1) % 5]}")
        for n in range(1, 6)
    )
    teasers = "".join(
        f"<div class='card'><h4>Other story number {n} of the day</h4><p>{PARAS[n]}</p></div>"
        for n in range(3)
    )
    html = (
        "<html><head><title>Five things</title></head><body><article><h1>Five things</h1>"
        f"<div class='list'>{items}</div></article><div class='more'>{teasers}</div></body></html>"
    )
    page = run(html)
    kept = body(page)
    assert f"1: {PARAS[1]}" in kept
    assert f"5: {PARAS[0]}" in kept
    assert "5. A long product title that says what this item is and why" in kept
    assert not any(t.startswith("Other story number") for t in kept)


def test_plain_list_in_the_article_does_not_stop_the_root_climbing() -> None:
    # Sections of one article, one of them a spec list of short plain lines:
    # list items are the article's own below the headline's element.
    specs = "".join(f"<li>Spec line number {n}: a value</li>" for n in range(12))
    html = (
        "<html><head><title>Engine review</title></head><body><article><h1>Engine review</h1>"
        f"<section><div><p>{PARAS[0]}</p></div></section>"
        f"<section><h3>How it works</h3><div>{body_html(PARAS[1:3])}</div></section>"
        f"<section><h3>Specs</h3><div><ul>{specs}</ul></div></section>"
        f"<section><div>{body_html(PARAS[3:])}</div></section></article></body></html>"
    )
    kept = body(run(html))
    assert [t for t in kept if t in PARAS] == PARAS
    assert "Spec line number 11: a value" in kept


JA_LINES = [f"今日は新しいコートを買いました{n}。" for n in range(12)]


def test_short_cjk_lines_count_as_prose_by_their_weight_in_bytes() -> None:
    # A blog written one short line a paragraph: twelve characters of Japanese
    # say as much as a 36-letter English line, so they score like one.
    html = (
        "<body><div class='top'><p>A tagline of this little blog, long enough.</p></div>"
        "<div class='entry'>" + body_html(JA_LINES) + "</div></body>"
    )
    assert [t for t in body(run(html)) if t in JA_LINES] == JA_LINES


def test_caption_embed_playlist_carousel_disclosure_classes_are_cut_in_the_article() -> None:
    caption = "A trader looks at screens on the floor of the exchange on Tuesday morning."
    embed = "Watch: the governor explains the decision in a two-minute video clip."
    playlist = "Up next: the ten most surprising rate decisions of the past decade, ranked."
    slide = "FILE - The central bank building in the capital, photographed in May last year."
    notice = "We may earn a commission when you buy through links on our site today."
    html = (
        "<body><article>"
        + body_html(PARAS[:2])
        + f"<div class='image'><img src=x><p class='image-caption'>{caption}</p></div>"
        + body_html(PARAS[2:3])
        + f"<div class='photo-carousel'><div class='slide'><p>{slide}</p></div></div>"
        + body_html(PARAS[3:4])
        + f"<div class='video-embed'><p>{embed}</p></div>"
        + f"<ul class='video-playlist'><li><p>{playlist}</p></li></ul>"
        + body_html(PARAS[4:])
        + f"<p class='disclosure-note'>{notice}</p></article></body>"
    )
    page = run(html)
    assert body(page) == PARAS
    assert label_of(page, caption).rule == "html.tokens.other"
    assert label_of(page, embed).reason == "widget"
    assert label_of(page, slide).reason == "widget"
    assert label_of(page, playlist).reason == "widget"
    assert label_of(page, notice).reason == "disclaimer"


def test_options_of_a_form_never_score_as_prose() -> None:
    countries = "".join(
        f"<option>Country number {n}, Federal Republic of Somewhere</option>" for n in range(40)
    )
    html = (
        "<body><article>" + body_html(PARAS[:3]) + "</article>"
        f"<div class='signup'><form><select>{countries}</select></form></div></body>"
    )
    assert body(run(html)) == PARAS[:3]


def test_privacy_box_longer_than_the_article_stays_a_cookie_notice() -> None:
    notice = [
        f"Section {n}: we store cookies on your browser, and you may opt out, at any time, "
        "of targeting, analytics, and social media cookies."
        for n in range(8)
    ]
    html = (
        "<body><article>" + body_html(PARAS[:3]) + "</article>"
        "<div class='privacy-modal'>" + body_html(notice) + "</div></body>"
    )
    page = run(html)
    assert body(page) == PARAS[:3]
    assert label_of(page, notice[0]).reason == "cookie"


def test_paragraphs_set_as_long_headings_score_as_prose() -> None:
    # Some pages set every paragraph in <h2>; a heading that long is prose.
    paras = [f"<h2>{p} {p}</h2>" for p in PARAS]
    html = (
        "<body><div class='intro'><p>A short teaser line of another story, long enough.</p></div>"
        "<div class='story'>" + "".join(paras) + "</div></body>"
    )
    kept = body(run(html))
    assert [t for t in kept if t.startswith(PARAS[0])] == [f"{PARAS[0]} {PARAS[0]}"]
    assert f"{PARAS[4]} {PARAS[4]}" in kept
