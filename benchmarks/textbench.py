"""Score cleanpage's text-capture path on rendered captures of the benchmark pages.

    python -m benchmarks.textbench [--sets aeb,news424-dev,multilingual-dev]
                                   [--limit N] [--worst K] [--no-write]

The captures are ``document.body.innerText`` of each page rendered by headless
Chromium (``benchmarks.textcapture`` makes them, into ``benchmarks/data/text``).
Systems, each scored against the same ``articleBody`` ground truth:

- ``cleanpage.clean_text``: ``clean_text(capture, url=url).text`` (a
  ``CleanpageError`` counts as empty output);
- ``raw innerText``: the capture unchanged (everything kept): the floor for
  precision and the ceiling for recall of any text-path cleaner;
- ``trafilatura (HTML)``: trafilatura on the *original HTML*, for reference:
  what the HTML route gets on the same pages.

Measures: precision, recall and F1 exactly as ``benchmarks.scoring`` (the AEB
shingle scoring, CJK-aware when the truth is CJK); **sentence keep rate**, the
mean over pages of the share of ground-truth sentences (4+ tokens) whose text
occurs in the output; **leak rate**, the mean over pages of the share of output
lines (non-blank) that occur nowhere in the ground truth, a proxy for
boilerplate leaking into the body. Text is compared after NFKC and with every
whitespace run made one space. The table goes to the ``text-captures`` section
of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cleanpage

from ._report import write_section
from .datasets import SETS, Page, load_set
from .scoring import PageScore, aggregate, is_cjk, score_page, tokenize
from .systems import make
from .textcapture import OUT

MIN_SENTENCE_TOKENS = 4
_SPACE = re.compile(r"\s+")
# A sentence ends at a line break, or after . ! ? … (and CJK 。！？) plus closing quotes.
_SENTENCE_END = re.compile(r"\n+|(?<=[.!?…])[\"'”’»)\]]*\s+|(?<=[。！？])[」』”’）]*")


@dataclass(frozen=True, slots=True)
class Capture:
    """A benchmark page with its rendered text capture."""

    page: Page
    text: str


@dataclass(frozen=True, slots=True)
class Measure:
    """One system on one page: shingle score, sentence keep and leak shares."""

    page_id: str
    score: PageScore
    keep: float | None
    leak: float | None
    failed: bool


@dataclass(frozen=True, slots=True)
class Row:
    """One system on one set, aggregated."""

    set: str
    system: str
    measures: tuple[Measure, ...]
    seconds: float


def normalise(text: str) -> str:
    """NFKC with every whitespace run turned into one space, stripped."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def sentences(truth: str) -> list[str]:
    """Ground-truth sentences with at least ``MIN_SENTENCE_TOKENS`` tokens, normalised."""
    cjk = is_cjk(truth)
    pieces = (normalise(piece) for piece in _SENTENCE_END.split(truth))
    return [p for p in pieces if len(tokenize(p, cjk=cjk)) >= MIN_SENTENCE_TOKENS]


def keep_rate(truth: str, output: str) -> float | None:
    """Share of ground-truth sentences found in ``output`` (None: no sentences)."""
    wanted = sentences(truth)
    if not wanted:
        return None
    body = normalise(output)
    return sum(s in body for s in wanted) / len(wanted)


def leak_rate(truth: str, output: str) -> float | None:
    """Share of non-blank output lines absent from ``truth`` (None: no lines)."""
    lines = [normalise(line) for line in output.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return None
    whole = normalise(truth)
    return sum(line not in whole for line in lines) / len(lines)


def load_captures(name: str, *, limit: int | None, text_dir: Path = OUT) -> list[Capture]:
    """Pages of set ``name`` that have a capture (``.txt`` or ``.txt.gz``), sorted by id."""
    found = []
    for page in load_set(name, limit=limit):
        plain = text_dir / name / f"{page.id}.txt"
        packed = plain.with_suffix(".txt.gz")
        if plain.exists():
            found.append(Capture(page, plain.read_text(encoding="utf-8")))
        elif packed.exists():
            found.append(Capture(page, gzip.decompress(packed.read_bytes()).decode("utf-8")))
    return found


# --- systems -----------------------------------------------------------------

Run = Callable[[Capture], "str | None"]


def _cleanpage(item: Capture) -> str | None:
    try:
        return cleanpage.clean_text(item.text, url=item.page.url or None).text
    except cleanpage.CleanpageError:
        return None
    except Exception as exc:  # a bug, not a typed refusal: report it, keep scoring
        print(f"  CRASH {item.page.set}/{item.page.id}: {exc!r}", file=sys.stderr)
        return None


def _raw(item: Capture) -> str | None:
    return item.text


def _trafilatura() -> Run | None:
    try:
        system = make("trafilatura")
    except ImportError:
        return None

    def run(item: Capture) -> str | None:
        result = system.extract(item.page.html, item.page.url)
        return None if result is None else system.body(result)

    return run


def systems(with_trafilatura: bool) -> dict[str, Run]:
    """The systems scored, by table name."""
    chosen: dict[str, Run] = {"cleanpage.clean_text": _cleanpage, "raw innerText": _raw}
    traf = _trafilatura() if with_trafilatura else None
    if traf is not None:
        chosen["trafilatura (HTML)"] = traf
    return chosen


# --- scoring -----------------------------------------------------------------


def measure(item: Capture, output: str | None) -> Measure:
    truth = item.page.body
    text = output or ""
    return Measure(
        item.page.id,
        score_page(truth, text),
        keep_rate(truth, text),
        leak_rate(truth, text),
        output is None,
    )


def score_set(name: str, items: list[Capture], run: Run, system: str) -> Row:
    start = time.perf_counter()
    outputs = [run(item) for item in items]
    elapsed = time.perf_counter() - start
    return Row(
        name, system, tuple(measure(i, o) for i, o in zip(items, outputs, strict=True)), elapsed
    )


def _mean(values: list[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def table(rows: list[Row]) -> str:
    """The markdown table, one row per set and system."""
    lines = [
        "| set | system | pages | precision | recall | F1 | sentence keep | leak "
        "| failed/empty | ms/page |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        total = aggregate(m.score for m in row.measures)
        keep = _mean([m.keep for m in row.measures])
        leak = _mean([m.leak for m in row.measures])
        empty = sum(m.failed or m.leak is None for m in row.measures)
        per_page = 1000 * row.seconds / max(1, total.pages)
        lines.append(
            f"| {row.set} | {row.system} | {total.pages} | {total.precision:.3f} | "
            f"{total.recall:.3f} | {total.f1:.3f} | {_fmt(keep)} | {_fmt(leak)} | "
            f"{empty} | {per_page:.1f} |"
        )
    return "\n".join(lines)


def worst(row: Row, count: int) -> str:
    """The ``count`` pages of ``row`` with the lowest F1, as a markdown list."""
    ranked = sorted(row.measures, key=lambda m: m.score.f1)[:count]
    items = [
        f"- `{row.set}/{m.page_id}` F1={m.score.f1:.3f} P={m.score.precision:.3f} "
        f"R={m.score.recall:.3f} keep={_fmt(m.keep)} leak={_fmt(m.leak)}"
        + (" (CleanpageError)" if m.failed else "")
        for m in ranked
    ]
    zero = sum(m.score.f1 == 0 for m in row.measures)
    head = f"Worst {len(items)} pages for {row.system} on {row.set} ({zero} with F1 = 0):"
    return head + "\n\n" + "\n".join(items)


def _manifest(text_dir: Path) -> dict[str, Any]:
    path = text_dir / "manifest.json"
    if not path.exists():
        return {}
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def report(rows: list[Row], text_dir: Path, worst_count: int, argv: list[str]) -> str:
    """The whole markdown section: how to repeat, the table, the worst pages."""
    manifest = _manifest(text_dir)
    pages = manifest.get("pages", [])
    failed = sum(1 for e in pages if e.get("error"))
    command = " ".join(["python -m benchmarks.textbench", *argv])
    head = [
        "## Text captures (`cleanpage.clean_text` on rendered innerText)",
        "",
        f"Captures: `document.body.innerText` from {manifest.get('chromium', '?')}, "
        f"JavaScript {manifest.get('javascript', '?')}, no network, rendered "
        f"{manifest.get('date', '?')} ({len(pages)} pages, {failed} failed to render); "
        "made by `python -m benchmarks.textcapture`.",
        f"Scored {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `{command}`.",
        "Sentence keep: mean share of truth sentences (4+ tokens) found in the output. "
        "Leak: mean share of output lines found nowhere in the truth. "
        "ms/page is wall time on a shared machine (rough).",
        "",
        table(rows),
    ]
    if worst_count:
        head += [""] + [
            worst(r, worst_count) + "\n" for r in rows if r.system.startswith("cleanpage")
        ]
    return "\n".join(head)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.textbench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    parser.add_argument("--worst", type=int, default=10, help="list the K worst cleanpage pages")
    parser.add_argument("--text-dir", type=Path, default=OUT)
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the HTML reference")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args, raw = parser.parse_args(argv), list(argv) if argv is not None else sys.argv[1:]
    rows = []
    for name in [s for s in args.sets.split(",") if s]:
        items = load_captures(name, limit=args.limit, text_dir=args.text_dir)
        for system, run in systems(not args.no_trafilatura).items():
            rows.append(score_set(name, items, run, system))
    markdown = report(rows, args.text_dir, args.worst, raw)
    print(markdown)
    if not args.no_write:
        write_section("text-captures", markdown)


if __name__ == "__main__":
    main()
