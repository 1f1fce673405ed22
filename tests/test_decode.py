"""Stage 1, decoding: bytes to text, mojibake repair, and telling HTML from text.

The language samples in ``tests/data/lang`` are short news texts written for
these tests (zh, zh_hant, ja, ko, ru, en, de, fr, tr, vi).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleanpage
import cleanpage._pipeline as pipeline_module
import cleanpage._repair as repair_module
from cleanpage._charset import codec_for_label, declared_charset, decode_bytes
from cleanpage._decode import decode, needs_repair
from cleanpage._detect import CANDIDATES, detect
from cleanpage._options import Options
from cleanpage._repair import plan_repair, repair
from cleanpage._sniff import markup_of

LANG = Path(__file__).parent / "data" / "lang"
LANGS = sorted(p.stem for p in LANG.glob("*.txt"))
# Each language and the legacy encodings its pages are published in.
LEGACY = {
    "zh": ["gb18030", "gbk", "gb2312"],
    "zh_hant": ["big5", "big5hkscs", "cp950"],
    "ja": ["shift_jis", "cp932", "euc_jp"],
    "ko": ["euc_kr", "cp949"],
    "ru": ["koi8_r", "cp1251"],
    "en": ["cp1252"],
    "de": ["cp1252"],
    "fr": ["cp1252"],
}


def sample(lang: str) -> str:
    return (LANG / f"{lang}.txt").read_text(encoding="utf-8")


def page(text: str, head: str = "") -> str:
    lines = text.splitlines()
    body = "".join(f"<p>{line}</p>\n" for line in lines[1:])
    title = f"<title>{lines[0]}</title>"
    return f"<html><head>{head}{title}</head><body><h1>{lines[0]}</h1>{body}</body></html>"


def test_samples_cover_the_languages() -> None:
    assert set(LANGS) == {"zh", "zh_hant", "ja", "ko", "ru", "en", "de", "fr", "tr", "vi"}


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("latin1", "cp1252"),
        ("ISO-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("gb2312", "gb18030"),
        ("GBK", "gb18030"),
        ("big5", "big5hkscs"),
        ("Shift_JIS", "cp932"),
        ("euc-kr", "cp949"),
        ("KOI8-R", "koi8_r"),
        ("windows-1251", "cp1251"),
        ("utf8", "utf-8"),
        ("iso-8859-9", "cp1254"),
        ("  'UTF-8' ", "utf-8"),
        ("no-such-charset", None),
        ("base64", None),  # a codec, but not a text encoding
    ],
)
def test_whatwg_labels(label: str, codec: str | None) -> None:
    assert codec_for_label(label) == codec


def test_declared_charset_order_header_then_meta() -> None:
    html = b'<html><head><meta charset="gbk"></head></html>'
    assert declared_charset(html, None) == "gb18030"
    assert declared_charset(html, "text/html; charset=Shift_JIS") == "cp932"
    http_equiv = b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
    assert declared_charset(http_equiv, "text/html") == "koi8_r"
    assert declared_charset(b'<?xml version="1.0" encoding="euc-jp"?><html/>', None) == "euc_jp"
    assert declared_charset(b"<meta charset=utf-16>", None) == "utf-8"  # WHATWG rule
    assert declared_charset(b" " * 9000 + b"<meta charset=gbk>", None) is None  # past the prescan


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
@pytest.mark.parametrize("lang", ["zh", "ru", "en"])
def test_byte_order_marks(bom: bytes, codec: str, lang: str) -> None:
    html = page(sample(lang))
    got = decode_bytes(bom + html.encode(codec), content_type="text/html; charset=iso-8859-1")
    assert (got.text, got.how) == (html, "bom")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("lang", ["zh", "ja", "ru", "en"])
def test_wide_unicode_without_bom(codec: str, lang: str) -> None:
    html = page(sample(lang))
    got = decode_bytes(html.encode(codec))
    assert (got.text, got.encoding) == (html, codec)


@pytest.mark.parametrize(("lang", "codec"), [(lang, c) for lang, cs in LEGACY.items() for c in cs])
@pytest.mark.parametrize("markup", ["html", "text"])
def test_undeclared_legacy_bytes_are_detected(lang: str, codec: str, markup: str) -> None:
    text = sample(lang)
    capture = page(text) if markup == "html" else text
    assert decode_bytes(capture.encode(codec)).text == capture


@pytest.mark.parametrize(("lang", "codec"), [(lang, c) for lang, cs in LEGACY.items() for c in cs])
@pytest.mark.parametrize("share", [0.1, 0.3])
def test_detection_on_short_excerpts(lang: str, codec: str, share: float) -> None:
    text = sample(lang)
    for start in range(0, len(text) // 2, len(text) // 6):
        excerpt = text[start : start + max(12, int(len(text) * share))]
        assert decode_bytes(excerpt.encode(codec)).text == excerpt


@pytest.mark.parametrize("lang", LANGS)
def test_utf8_wins_over_a_wrong_legacy_label(lang: str) -> None:
    html = page(sample(lang), '<meta charset="iso-8859-1">')
    got = decode_bytes(html.encode("utf-8"), content_type="text/html; charset=shift_jis")
    assert (got.text, got.encoding) == (html, "utf-8")


def test_page_labelled_utf8_that_is_gbk() -> None:
    html = page(sample("zh"), '<meta charset="utf-8">')
    got = decode_bytes(html.encode("gbk"))
    assert (got.text, got.encoding) == (html, "gb18030")


def test_gb2312_label_on_gb18030_bytes() -> None:
    html = page(sample("zh") + "\n€ 镕 㐀 𠀀 are outside GB2312", '<meta charset="gb2312">')
    got = decode_bytes(html.encode("gb18030"))
    assert (got.text, got.how) == (html, "declared")


def test_big5_label_on_hkscs_bytes() -> None:
    html = page(sample("zh_hant") + "\n香港字：啲嘢冇咗", '<meta charset="big5">')
    got = decode_bytes(html.encode("big5hkscs"))
    assert got.text == html


@pytest.mark.parametrize(("wrong", "codec"), [("koi8-r", "cp1251"), ("windows-1252", "gbk")])
def test_implausible_declared_charset_is_overruled(wrong: str, codec: str) -> None:
    lang = "ru" if codec == "cp1251" else "zh"
    html = page(sample(lang), f'<meta charset="{wrong}">')
    assert decode_bytes(html.encode(codec)).text == html


def test_declared_charset_is_kept_when_plausible() -> None:
    html = page(sample("tr"), '<meta charset="iso-8859-9">')  # undetectable from cp1252 alone
    assert decode_bytes(html.encode("cp1254")).text == html


def test_iso_2022_jp() -> None:
    text = sample("ja")
    assert decode_bytes(text.encode("iso2022_jp")).text == text


def test_mostly_utf8_with_stray_bytes_stays_utf8() -> None:
    html = page(sample("zh")).encode("utf-8")
    damaged = html[:200] + b"\xff" + html[200:-7] + "中".encode()[:2]  # stray byte, cut mid-char
    got = decode_bytes(damaged)
    assert got.encoding == "utf-8"
    assert got.text.count("\ufffd") == 2


def test_detection_candidates_are_real_codecs() -> None:
    for cand in CANDIDATES:
        codecs.lookup(cand.codec)
    assert detect(b"plain ascii").candidate.codec == "utf-8"


# Mojibake repair -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_correct_text_is_left_alone(lang: str) -> None:
    text = sample(lang)
    assert repair(text) == text
    assert repair(page(text)) == page(text)


@pytest.mark.parametrize(
    "text",
    [
        "交易“智”变",  # curly quotes and CJK (the golden seed)
        "ＡＢＣ全角文字と“引用”",  # full-width forms stay
        "ﬁnance ligature",  # ligatures stay
        "Müller's café — naïve résumé, Ærø, São Paulo, İstanbul, Đà Nẵng",
        "Цена «Биткоина» — 90 000 $",
        "価格は１２％上昇した。『引用』",
        "가격이 12% 상승했다. “인용”",
        "茅台股价大涨，贵州茅台市值创新高",  # 茅 is what é becomes in UTF-8 read as GBK
        "眉山市 鍙 戝 竷",  # rare characters, alone
        "A股B股港股",  # hanzi between Latin letters
        "CRLF\r\nlines\r\n",
    ],
)
def test_tricky_correct_text_is_left_alone(text: str) -> None:
    assert repair(text) == text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("codec", ["latin-1", "sloppy-windows-1252"])
def test_utf8_read_as_latin1_or_cp1252_is_repaired(lang: str, codec: str) -> None:
    text = sample(lang)
    assert repair(text.encode("utf-8").decode(codec)) == text
    assert repair(page(text).encode("utf-8").decode(codec)) == page(text)


@pytest.mark.parametrize("lang", LANGS)
def test_utf8_read_as_gbk_is_repaired_where_lossless(lang: str) -> None:
    lines = sample(lang).splitlines()
    mojibake = {}
    for line in lines:
        try:
            mojibake[line] = line.encode("utf-8").decode("gb18030")
        except UnicodeDecodeError:
            continue  # the GBK reading lost bytes: nothing to restore
    if lang in ("ru", "de", "fr", "tr"):
        assert any(bad != line for line, bad in mojibake.items()), "no line survives GBK reading"
    for line, bad in mojibake.items():
        assert repair(bad) == line


def test_lossy_gbk_mojibake_does_not_crash() -> None:
    bad = sample("zh").encode("utf-8").decode("gbk", "replace")
    assert "\ufffd" in repair(bad)


def test_mojibake_in_a_huge_single_line_is_repaired_locally() -> None:
    good = "<p>café</p>" * 50_000
    bad = good.encode("utf-8").decode("latin-1")
    assert repair(bad) == good


def test_surrogates_and_controls() -> None:
    assert repair("a\ud83d\ude00b") == "a😀b"  # a surrogate pair is joined
    assert repair("a\ud800b\udfffc") == "a\ufffdb\ufffdc"  # lone ones are replaced
    assert repair("a\x00b\x07c\td\ne\x1bf") == "abc\td\nef"


# Markup detection --------------------------------------------------------------


@pytest.mark.parametrize(
    "capture",
    [
        "<!DOCTYPE html><p>x</p>",
        "  <!-- saved --> <html lang=en><body>x",
        '<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">',
        "<div class=a><p>fragment</p></div>",
        "\ufeff<body><p>x</p></body>",
        "Some preamble\n" + "<span>a</span><a href=x>b</a>" * 6,
    ],
)
def test_html_is_recognised(capture: str) -> None:
    assert markup_of(capture) == "html"


@pytest.mark.parametrize(
    "capture",
    [
        "I <3 BTC",
        "If a < b and b > c then a < c",
        sample("en"),
        "Use the <div> element for layout, and <p> for paragraphs.\nMore text here.",
        "<<< Breaking >>> Markets fall",
    ],
)
def test_text_is_recognised(capture: str) -> None:
    assert markup_of(capture) == "text"


def test_decode_reports_encoding_and_markup() -> None:
    html = page(sample("ja"))
    got = decode(html.encode("euc_jp"), content_type=None, options=Options())
    assert (got.text, got.markup, got.encoding) == (html, "html", "euc_jp")
    got = decode(sample("ja"), content_type=None, options=Options())
    assert (got.markup, got.encoding) == ("text", None)


def test_a_stray_byte_in_ascii_text_is_not_undecodable() -> None:
    ascii_text = sample("en").translate(str.maketrans({"’": "'", "“": '"', "”": '"', "—": "-"}))
    html = page(ascii_text)
    data = html.encode("ascii")
    damaged = data[:300] + b"\x81" + data[300:]
    assert decode_bytes(damaged).text.replace("\x81", "").replace("\ufffd", "") == html


def test_legacy_page_with_an_island_of_junk_keeps_its_encoding() -> None:
    html = page(sample("zh_hant"))
    data = html.encode("big5")
    junk = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(60)).encode("utf-8")
    got = decode_bytes(data[:400] + junk + data[400:])
    assert got.encoding == "big5hkscs"
    assert sample("zh_hant").splitlines()[-1] in got.text


# Repair without building the page twice ------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Crédit Agricole a publié ses résultats. ",
        "比特币价格今日上涨，市场情绪回暖。",
        "Bitcoin 🚀 rallied.",
        " \n\t\u3000\xa0",
        "<p>",
        "\x00\ud800",
    ]
)


@st.composite
def _mixed_text(draw: st.DrawFn) -> str:
    """Correct text, whitespace, controls and surrogates, with some pieces turned to mojibake."""
    out = []
    for piece in draw(st.lists(_PIECES, max_size=12)):
        codec = draw(st.sampled_from([None, None, "sloppy-windows-1252", "latin-1", "gbk"]))
        garbled = piece.isprintable()  # controls and surrogates stay as they are
        out.append(piece.encode("utf-8").decode(codec, "replace") if codec and garbled else piece)
    return "".join(out)


@given(_mixed_text(), st.integers(min_value=0, max_value=300))
def test_planned_repair_reads_like_the_repaired_text(text: str, size: int) -> None:
    planned, whole = plan_repair(text), repair(text)
    assert planned.text() == whole
    assert planned.utf8() == whole.encode("utf-8", "replace")
    assert planned.head(size) == whole[:size]
    assert planned.is_blank() == (not whole or whole.isspace())


_ANY_CHAR = st.characters(blacklist_categories=())  # surrogates and controls included
_SCRUBBED = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")
"""What ``scrub`` takes out: C0 controls but white space, and lone surrogates."""


@given(st.one_of(_mixed_text(), st.text(_ANY_CHAR, max_size=40)))
def test_the_byte_level_checks_answer_as_the_regexes_do(text: str) -> None:
    """Controls are found in the UTF-8 bytes and ASCII text skips the mojibake gate: the
    answers are still those of the character-class regexes."""
    assert repair_module._scrubbable(text) == bool(_SCRUBBED.search(text))
    assert needs_repair(text) == bool(repair_module._gate().search(text))


def test_the_byte_level_check_reads_every_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repair_module, "CHUNK", 4)
    for text in ("abcdefgh\x00", "abcdéfgh\ud800", "€€€€€€€\x1f€"):
        assert repair_module._scrubbable(text)  # in the third chunk
        assert not repair_module._scrubbable(
            text.replace("\x00", "").replace("\ud800", "").replace("\x1f", "")
        )


def test_planned_repair_keeps_a_huge_page_and_its_fixes_apart() -> None:
    good = "Crédit Agricole a publié ses résultats trimestriels. "
    filler = "Déjà vu, plain filler text. " * 40_000  # correct: the page is not all mojibake
    text = f"<p>{filler}</p><p>{good.encode().decode('cp1252')}</p>"
    planned = plan_repair(text)
    assert planned.base is text and planned.fixes  # windows around the mojibake words
    assert planned.text() == text.replace(good.encode().decode("cp1252"), good)
    assert planned.utf8().decode("utf-8") == planned.text()


@pytest.mark.parametrize("chunk", [1_000, 1 << 20])
def test_whole_page_mojibake_is_reread_chunk_by_chunk(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(repair_module, "CHUNK", chunk)
    for lang in ("zh", "ru", "fr"):
        original = page(sample(lang)) * 20  # tens of thousands of characters
        for codec in ("sloppy-windows-1252", "latin-1"):
            assert repair(original.encode("utf-8").decode(codec)) == original


def test_utf8_capture_is_handed_to_the_parser_as_it_is() -> None:
    data = page(sample("zh") + "\n🚀").encode("utf-8")
    decoded = decode(data, content_type=None, options=Options())
    assert decoded.utf8() is data  # no second copy of the page
    bom = decode(codecs.BOM_UTF8 + data, content_type=None, options=Options())
    assert bom.utf8() == data and bom.utf8_capture is None
    text = page(sample("fr")).encode("utf-8").decode("cp1252")
    for capture in (text, text.encode("utf-8")):  # mojibake in a str, and in UTF-8 bytes
        decoded = decode(capture, content_type=None, options=Options())
        assert decoded.text == page(sample("fr"))
        assert decoded.repaired_utf8() == page(sample("fr")).encode("utf-8")
        assert decoded.utf8() == text.encode("utf-8")  # parsed as it is; repaired if shown


def test_repairs_tells_suspects_from_mojibake() -> None:
    # "é’" looks like the start of mojibake to the gate, and is correct text.
    correct = page("Beyoncé’s tour\nFans of Beyoncé’s music queued for hours in the rain.")
    mojibake = correct.encode("utf-8").decode("cp1252")
    assert needs_repair(correct) and needs_repair(mojibake)
    for capture in (correct, correct.encode("utf-8")):
        assert not decode(capture, content_type=None, options=Options()).repairs()
    for capture in (mojibake, mojibake.encode("utf-8"), correct.replace("’", "\x00’")):
        assert decode(capture, content_type=None, options=Options()).repairs()


def test_a_suspect_that_repair_keeps_is_not_read_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    html = page("Beyoncé’s tour\n" + "Fans of Beyoncé’s music queued for hours in the rain. " * 3)
    reads: list[bytes] = []
    real = pipeline_module._extract_html
    monkeypatch.setattr(
        pipeline_module,
        "_extract_html",
        lambda html, *rest: reads.append(html) or real(html, *rest),
    )
    article = cleanpage.clean_html(html)
    assert len(reads) == 1 and "Beyoncé’s" in article.text
    reads.clear()
    cleanpage.clean_html(html.encode("utf-8").decode("cp1252"))  # mojibake: read again, repaired
    assert len(reads) == 2 and b"Beyonc\xc3\xa9\xe2\x80\x99s" in reads[1]
