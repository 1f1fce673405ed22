"""Main-content selection and labelling on handmade pages."""

from __future__ import annotations

import re

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
