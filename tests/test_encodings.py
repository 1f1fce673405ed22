"""Encoding round trips through ``cleanpage.clean``: the same article from every encoding.

Each language sample (``tests/data/lang``) becomes an HTML page and a text
capture; every encoding it can be published in, declared or not, and every
mojibake variant of it must give exactly the ``to_dict()`` of the ``str``.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pytest

from cleanpage import Article, CleanpageError, clean

LANG = Path(__file__).parent / "data" / "lang"
# Language -> (codec, WHATWG label) of the encodings its pages are published in.
LEGACY: dict[str, list[tuple[str, str]]] = {
    "zh": [("gbk", "gbk"), ("gb18030", "gb18030"), ("gb2312", "gb2312")],
    "zh_hant": [("big5", "big5"), ("big5hkscs", "big5-hkscs")],
    "ja": [("shift_jis", "shift_jis"), ("euc_jp", "euc-jp"), ("iso2022_jp", "iso-2022-jp")],
    "ko": [("euc_kr", "euc-kr")],
    "ru": [("koi8_r", "koi8-r"), ("cp1251", "windows-1251")],
    "en": [("cp1252", "windows-1252"), ("cp1252", "iso-8859-1")],
    "de": [("cp1252", "windows-1252")],
}


def sample(lang: str) -> str:
    return (LANG / f"{lang}.txt").read_text(encoding="utf-8")


def html_page(lang: str, charset: str | None) -> str:
    title, byline, *paras = sample(lang).splitlines()
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    return (
        f"<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title></head><body>\n"
        f"<nav><a href='/'>Home</a> <a href='/markets'>Markets</a></nav>\n"
        f"<article><h1>{title}</h1>\n<p class=byline>{byline}</p>\n{body}</article>\n"
        f"<footer>(c) 2025 Example News</footer></body></html>\n"
    )


def text_capture(lang: str) -> str:
    title, byline, *paras = sample(lang).splitlines()
    return "\n\n".join([title, byline, *paras]) + "\n"


def _result(call: Callable[[], Article]) -> object:
    try:
        return call().to_dict()
    except CleanpageError as exc:
        return f"{type(exc).__name__}: {exc}"


def _variants(lang: str, kind: str) -> dict[str, Callable[[], Article]]:
    plain = html_page(lang, None) if kind == "html" else text_capture(lang)
    raw = plain.encode("utf-8")
    out: dict[str, Callable[[], Article]] = {
        "utf-8": lambda: clean(raw),
        "utf-8 + BOM": lambda: clean(codecs.BOM_UTF8 + raw),
        "utf-16 + BOM": lambda: clean(plain.encode("utf-16")),
        "utf-16-le, no BOM": lambda: clean(plain.encode("utf-16-le")),
        "mojibake latin-1": lambda: clean(raw.decode("latin-1")),
        "mojibake cp1252": lambda: clean(raw.decode("sloppy-windows-1252")),
    }
    for codec, label in LEGACY.get(lang, []):
        data = plain.encode(codec)
        out[f"{codec} undeclared"] = lambda data=data: clean(data)
        out[f"{codec} content_type {label}"] = lambda data=data, label=label: clean(
            data, content_type=f"text/html; charset={label}"
        )
        if kind == "html":
            declared = html_page(lang, label).encode(codec)
            out[f"{codec} <meta> {label}"] = lambda declared=declared: clean(declared)
    return out


@pytest.mark.parametrize("kind", ["html", "text"])
@pytest.mark.parametrize("lang", sorted(LEGACY))
def test_every_encoding_gives_the_same_article(lang: str, kind: str) -> None:
    plain = html_page(lang, None) if kind == "html" else text_capture(lang)
    reference = _result(lambda: clean(plain))
    assert isinstance(reference, dict), reference  # the sample must yield an article
    differ = {
        name: got
        for name, call in _variants(lang, kind).items()
        if (got := _result(call)) != reference
    }
    assert differ == {}


@pytest.mark.parametrize("lang", ["ru", "de", "tr"])
def test_gbk_mojibake_gives_the_same_article(lang: str) -> None:
    """UTF-8 read as GBK, where that reading lost nothing (Cyrillic and Latin text)."""
    plain = text_capture(lang)
    lines = []
    for line in plain.splitlines():
        try:
            lines.append(line.encode("utf-8").decode("gb18030"))
        except UnicodeDecodeError:
            lines.append(line)
    mojibake = "\n".join(lines) + "\n"
    assert mojibake != plain
    assert _result(lambda: clean(mojibake)) == _result(lambda: clean(plain))


@pytest.mark.parametrize("lang", ["zh", "ja", "ko", "ru", "en", "de", "fr", "tr", "vi"])
def test_correct_text_in_any_language_is_unchanged(lang: str) -> None:
    article = clean(html_page(lang, "utf-8"))
    body = "\n".join(b.text for b in article.blocks)
    for para in sample(lang).splitlines()[2:]:
        assert para in body


def _garble(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


@pytest.mark.parametrize("lang", ["zh", "ja", "ru", "de", "fr"])
@pytest.mark.parametrize("where", ["title", "paragraph", "byline", "script", "control"])
def test_damage_in_one_place_gives_the_same_article(lang: str, where: str) -> None:
    """HTML is parsed as captured and re-read repaired only when the text it shows needs
    it: damage anywhere, shown or not, must give the article of the clean page."""
    plain = html_page(lang, "utf-8")
    title, byline, first, *_ = sample(lang).splitlines()
    damaged = {
        "title": plain.replace(f"<title>{title}", f"<title>{_garble(title)}"),
        "paragraph": plain.replace(f"<p>{first}", f"<p>{_garble(first)}"),
        "byline": plain.replace(f"byline>{byline}", f"byline>{_garble(byline)}"),
        "script": plain.replace("</head>", f"<script>var t='{_garble(first)}'</script></head>"),
        "control": plain.replace(f"<p>{first}", f"<p>\x07{first}\x01"),
    }[where]
    assert damaged != plain
    assert _result(lambda: clean(damaged)) == _result(lambda: clean(plain))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", [str, bytes])
def test_nul_bytes_inside_a_tag_are_dropped_before_parsing(lang: str, kind: type) -> None:
    """``<\\x00\\x00/title>`` is a closing tag once the NULs are gone; parsed as captured it
    would swallow the page into the title."""
    plain = html_page(lang, "utf-8")
    damaged = plain.replace("</title>", "<" + "\x00" * 20 + "/title>")
    capture = damaged if kind is str else damaged.encode("utf-8")
    assert _result(lambda: clean(capture)) == _result(lambda: clean(plain))


@pytest.mark.parametrize("kind", [str, bytes])
def test_control_characters_do_not_hide_an_xml_document(kind: type) -> None:
    xml = "<?xml version='1.0'?>\r\x11\x12\x1e\x05\x02\t<iframe><table>"
    capture = xml if kind is str else xml.encode("utf-8")
    assert _result(lambda: clean(capture)).startswith("UnsupportedFormatError")  # type: ignore[union-attr]
