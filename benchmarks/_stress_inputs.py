"""Inputs for ``benchmarks/stress.py``: pathological captures and seeded fuzzing cases."""

from __future__ import annotations

import gzip
import importlib
import random
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

import cleanpage
from cleanpage._charset import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
AEB = (
    ROOT / "benchmarks" / "data" / "aeb" / "html",
    ROOT.parent / "shared" / "benchmarks" / "aeb" / "html",
)
LANG = ROOT / "tests" / "data" / "lang"
LEGACY_PAIRS = [
    ("zh", "gbk"),
    ("zh", "gb18030"),
    ("zh_hant", "big5"),
    ("ja", "shift_jis"),
    ("ja", "euc_jp"),
    ("ko", "euc_kr"),
    ("ru", "koi8_r"),
    ("ru", "cp1251"),
    ("en", "cp1252"),
    ("de", "cp1252"),
    ("fr", "cp1252"),
]
Capture = str | bytes
Entry = Callable[..., cleanpage.Article]


@cache
def real_pages(limit: int | None = 12) -> tuple[bytes, ...]:
    folder = next((f for f in AEB if f.is_dir()), None)
    if folder is None:
        raise SystemExit(
            "benchmark pages not found: benchmarks/data/aeb or ../shared/benchmarks/aeb"
        )
    files = sorted(folder.glob("*.html.gz"))
    step = max(1, len(files) // limit) if limit else 1
    return tuple(gzip.decompress(p.read_bytes()) for p in files[::step])


def sample(lang: str) -> str:
    return (LANG / f"{lang}.txt").read_text(encoding="utf-8")


def sample_page(lang: str) -> str:
    title, byline, *paras = sample(lang).splitlines()
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    nav = "<nav><a href='/'>Home</a> <a href='/m'>Markets</a> <a href='/n'>News</a></nav>"
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{nav}<article>"
        f"<h1>{title}</h1><p>{byline}</p>{body}</article><footer>(c) Example</footer></body></html>"
    )


# Pathological cases ------------------------------------------------------------------


def _page_20mb() -> bytes:
    """The largest benchmark page, its article intact, with 20 MB of other pages' bodies
    appended in a comments section (a live blog or a page with a huge comment thread)."""
    pages = sorted(real_pages(None), key=len, reverse=True)
    main = pages[0].decode("utf-8", "replace")
    end = main.lower().rfind("</body>")
    filler: list[str] = []
    size = 0
    for other in pages[1:] * 4:
        text = other.decode("utf-8", "replace")
        lower = text.lower()
        body = text[text.find(">", lower.find("<body")) + 1 : lower.rfind("</body>")]
        filler.append(f"<div class='comment'>{body}</div>")
        size += len(body)
        if size >= 20 * 1024 * 1024:
            break
    section = "<section class='comments'>" + "".join(filler) + "</section>"
    return (main[:end] + section + main[end:]).encode("utf-8")


def _line_5mb() -> str:
    sentence = "Bitcoin rose above $90,000 on Tuesday as softer inflation data lifted hopes. "
    return (
        "<html><body><article><h1>One line</h1><p>"
        + sentence * 68_000
        + "</p></article></body></html>"
    )


def _links_50k() -> str:
    links = "".join(
        f"<li><a href='/n/{i}'>Headline number {i} of the day</a></li>" for i in range(50_000)
    )
    return f"<html><body><ul>{links}</ul>{sample_page('en')}</body></html>"


def _soup_1mb() -> str:
    rng = random.Random(1)
    return "".join(_soup_piece(rng) for _ in range(120_000))[: 1024 * 1024]


def _mojibake_5mb() -> str:
    page = sample_page("zh").encode("utf-8").decode("sloppy-windows-1252")
    return page * (5 * 1024 * 1024 // len(page.encode()) + 1)


def _gzip_bomb() -> bytes:
    return gzip.compress(b"<p>" + b"a" * 200 * 1024 * 1024, compresslevel=9)


CASES: dict[str, Callable[[], Capture]] = {
    "20 MB page (a real article page + 20 MB of other pages' bodies, bytes)": _page_20mb,
    "nesting 100,000 deep (<div>)": lambda: "<html><body>" + "<div>" * 100_000 + "x",
    "nesting 100,000 deep (<span>)": lambda: "<html><body>" + "<span>" * 100_000 + "x",
    "nesting 1,990 deep (<div>, under the limit)": lambda: "<div>" * 1_990 + sample_page("en"),
    "single 5 MB line (HTML)": _line_5mb,
    "single 5 MB line (text capture)": lambda: "One line\n\n" + _line_5mb()[41:-28],
    "50,000 links": _links_50k,
    "1 MB of NUL bytes": lambda: b"\x00" * (1024 * 1024),
    "page + 100,000 NULs and lone surrogates (str)": lambda: (
        sample_page("en") + "\x00\udc00" * 100_000
    ),
    "NUL and lone surrogate in every paragraph (str)": lambda: sample_page("en").replace(
        "<p>", "<p>\x00\ud800"
    ),
    "1 MB tag soup": _soup_1mb,
    "5 MB of mojibake (UTF-8 read as cp1252)": _mojibake_5mb,
    "gzip bomb (200 MB inflated, 200 KB packed)": _gzip_bomb,
}


# Detection against charset-normalizer --------------------------------------------------


def detection_table() -> str:
    cases = []
    for lang, codec in LEGACY_PAIRS:
        text = sample(lang)
        for size in (30, 100, 300, len(text)):
            for start in range(0, max(1, len(text) - size), max(1, len(text) // 4)):
                cases.append((text[start : start + size], codec))
    ours, ours_s = _score(cases, lambda data: decode_bytes(data).text)
    lines = ["| detector | correct | ms per case |", "|---|---:|---:|"]
    lines.append(
        f"| cleanpage (stdlib scorer) | {ours}/{len(cases)} | {ours_s * 1000 / len(cases):.2f} |"
    )
    try:
        charset_normalizer = importlib.import_module("charset_normalizer")
    except ImportError:
        lines.append("| charset-normalizer | not installed | |")
    else:

        def normalizer(data: bytes) -> str | None:
            best = charset_normalizer.from_bytes(data).best()
            return None if best is None else str(best)

        theirs, theirs_s = _score(cases, normalizer)
        version = charset_normalizer.__version__
        per_case = theirs_s * 1000 / len(cases)
        lines.append(f"| charset-normalizer {version} | {theirs}/{len(cases)} | {per_case:.2f} |")
    return (
        "Undeclared legacy-encoded excerpts (30 chars to whole samples; zh, zh_hant, ja, ko, ru,"
        " en, de, fr in their legacy codecs), decoded text compared with the original:\n\n"
        + "\n".join(lines)
    )


def _score(cases: list[tuple[str, str]], read: Callable[[bytes], str | None]) -> tuple[int, float]:
    started = time.perf_counter()
    correct = sum(read(text.encode(codec)) == text for text, codec in cases)
    return correct, time.perf_counter() - started


# Fuzzing cases ---------------------------------------------------------------------------

_TAGS = [
    "div",
    "p",
    "span",
    "a href='/x'",
    "b",
    "li",
    "ul",
    "table",
    "tr",
    "td",
    "h1",
    "h2",
    "article",
    "script",
    "style",
    "title",
    "meta charset=gbk",
    "br",
    "img src=x",
    "svg",
    "math",
    "template",
    "select",
    "textarea",
    "iframe",
    "noscript",
    "form",
    "button",
    "pre",
    "code",
]
_POOLS = [
    (0x20, 0x7E),
    (0x00, 0x1F),
    (0x80, 0xFF),
    (0x4E00, 0x9FFF),
    (0x3040, 0x30FF),
    (0xAC00, 0xD7A3),
    (0x0400, 0x04FF),
    (0xD800, 0xDFFF),
    (0x1F300, 0x1F64F),
    (0x2000, 0x206F),
    (0xFFF0, 0xFFFF),
]
_CODECS = [
    "utf-8",
    "utf-16",
    "utf-16-le",
    "gbk",
    "big5",
    "shift_jis",
    "euc_kr",
    "koi8_r",
    "cp1251",
    "cp1252",
    "latin-1",
]


def _soup_piece(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        tag = rng.choice(_TAGS)
        return f"</{tag.split()[0]}>" if rng.random() < 0.4 else f"<{tag}>"
    if roll < 0.55:
        return rng.choice(
            [
                "<",
                ">",
                "&amp;",
                "&#0;",
                "&#xD800;",
                "<!--",
                "-->",
                "<!DOCTYPE html>",
                "<?xml version='1.0'?>",
                "\x00",
                "\ufeff",
                "]]>",
                "<![CDATA[",
            ]
        )
    return _random_text(rng, rng.randrange(0, 60))


def _random_text(rng: random.Random, n: int) -> str:
    lo, hi = rng.choice(_POOLS)
    return "".join(chr(rng.randint(lo, hi)) for _ in range(n))


def _mutate(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 4)):
        at, span = rng.randrange(len(data) + 1), rng.randrange(0, 4000)
        op = rng.choice(["truncate", "flip", "cut", "repeat", "insert", "nul", "nest"])
        if op == "truncate":
            data = data[:at]
        elif op == "flip":
            data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
        elif op == "cut":
            data = data[:at] + data[at + span :]
        elif op == "repeat":
            data = data[:at] + data[at : at + span] * rng.randint(2, 5) + data[at:]
        elif op == "insert":
            soup = "".join(_soup_piece(rng) for _ in range(rng.randrange(1, 20)))
            data = data[:at] + soup.encode("utf-8", "surrogatepass") + data[at:]
        elif op == "nul":
            data = data[:at] + b"\x00" * rng.randint(1, 100) + data[at:]
        else:
            tag = rng.choice(["div", "span", "li", "b"]).encode()
            data = data[:at] + b"<" + tag + b">" * rng.randint(10, 3000) + data[at:]
    return data


def _article(rng: random.Random) -> tuple[str, Capture]:
    lang = rng.choice(["zh", "zh_hant", "ja", "ko", "ru", "en", "de", "fr", "tr", "vi"])
    kind = rng.choice(["html", "text"])
    plain = sample_page(lang) if kind == "html" else sample(lang)
    codec = rng.choice(_CODECS)
    data = plain.encode(codec, "replace")
    data = _mutate(data, rng) if rng.random() < 0.7 else data
    roll = rng.random()
    if roll < 0.15:
        return f"{kind} article", data.decode("sloppy-windows-1252")  # mojibake str
    if roll < 0.25:
        return f"{kind} article", data.decode("utf-8", "surrogateescape")  # lone surrogates
    if roll < 0.35:
        return f"{kind} article", gzip.compress(data, compresslevel=1)
    return f"{kind} article", data


def fuzz_case(rng: random.Random) -> tuple[str, Capture, Entry]:
    """One generated case: (category, capture, entry point)."""
    roll = rng.random()
    capture: Capture
    if roll < 0.2:
        category, capture = "bytes", rng.randbytes(rng.choice([0, 1, 8, 64, 512, 4096]))
    elif roll < 0.4:
        n = rng.choice([0, 1, 8, 64, 512, 2048])
        category, capture = "str", "".join(_random_text(rng, 16) for _ in range(n // 16 + 1))[:n]
    elif roll < 0.65:
        category = "tag soup"
        capture = "".join(_soup_piece(rng) for _ in range(rng.randrange(1, 300)))
        if rng.random() < 0.3:
            capture = capture.encode("utf-8", "surrogatepass")
    elif roll < 0.99:
        category, capture = _article(rng)
    else:
        category, capture = "real page", _mutate(rng.choice(real_pages()), rng)
    entry = rng.choice(
        [cleanpage.clean, cleanpage.clean, cleanpage.clean_html, cleanpage.clean_text]
    )
    if rng.random() < 0.1:
        charset = rng.choice(["gbk", "utf-8", "latin1", "shift_jis", "bogus", "utf-16"])
        return category, capture, lambda c: entry(c, content_type=f"text/html; charset={charset}")
    return category, capture, entry
