"""Side-by-side benchmark of cleanpage and its peers; writes ``BENCHMARKS.md``.

    (install cleanpage's compiled wheel and the peers as benchmarks/README.md says)
    python -m benchmarks.run            # full run (all sets, all systems)
    python -m benchmarks.run --sets aeb --systems cleanpage,trafilatura --repeat 1 --limit 20

Every system runs in this one process on the same pre-loaded, decoded HTML
strings. Per repetition the pages are visited in id order and, for each page,
every system extracts it in turn (the order of the systems rotates between
repetitions), so machine-load changes hit all systems alike. Only the
extraction call is timed, in process CPU time (``time.process_time``, robust
to other load on a shared machine) and wall-clock time (``time.perf_counter``);
speed is pages / median total time over repetitions. Quality comes from the
first repetition. Peak memory is measured afterwards, one subprocess per
system (``benchmarks._memory``).
Progress goes to stderr; ``--json`` also saves per-page scores.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from . import _memory, _render
from ._report import BENCHMARKS_MD, write_section
from .datasets import SETS, Page, load_set
from .metadata import authors_ok, date_ok, title_ok
from .scoring import PageScore, score_page
from .systems import FACTORIES, Meta, System, make


@dataclass(slots=True)
class Outcome:
    """What one system did on one set: per-page scores, times, metadata."""

    scores: list[PageScore] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    errors: int = 0
    times: list[float] = field(default_factory=list)  # total CPU seconds per repetition
    wall: list[float] = field(default_factory=list)  # total wall-clock seconds per repetition
    meta_hits: dict[str, int] = field(default_factory=dict)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated data sets")
    parser.add_argument("--systems", default=",".join(FACTORIES), help="comma-separated systems")
    parser.add_argument("--repeat", type=int, default=3, help="timed repetitions (fast systems)")
    parser.add_argument("--slow-repeat", type=int, default=1, help="repetitions for slow peers")
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory subprocesses")
    parser.add_argument("--output", type=Path, default=BENCHMARKS_MD, help="markdown file")
    parser.add_argument("--section", default="extraction", help="section name in the file")
    parser.add_argument("--json", type=Path, default=None, help="also save raw results here")
    return parser.parse_args(argv)


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _meta_hits(page: Page, meta: Meta, hits: dict[str, int]) -> None:
    truth = page.truth
    checks = {
        "title": title_ok(str(truth.get("title") or ""), meta.title),
        "authors": authors_ok(str(truth.get("authors") or ""), meta.authors),
        "date": date_ok(str(truth.get("date") or ""), meta.date),
    }
    for key, ok in checks.items():
        hits[key] = hits.get(key, 0) + int(ok)


@dataclass(frozen=True, slots=True)
class Timed:
    """One extraction: its result (None on an exception) and its CPU and wall seconds."""

    result: object
    cpu: float
    wall: float


def _timed(system: System, page: Page) -> Timed:
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        result: object = system.extract(page.html, page.url)
    except Exception:  # a failing peer counts as empty output
        result = None
    return Timed(result, time.process_time() - cpu, time.perf_counter() - wall)


def _first_pass(system: System, page: Page, result: object, out: Outcome) -> None:
    """Score one result (untimed): body F1 and, on news424-dev, metadata."""
    text = "" if result is None else system.body(result)
    out.errors += result is None
    out.scores.append(score_page(page.body, text))
    out.ids.append(page.id)
    if system.meta is not None and page.set == "news424-dev":
        meta = Meta() if result is None else system.meta(page.html, page.url, result)
        _meta_hits(page, meta, out.meta_hits)


def _run_set(
    systems: list[System], pages: list[Page], args: argparse.Namespace
) -> dict[str, Outcome]:
    outcomes = {s.name: Outcome() for s in systems}
    for system in systems:  # warm-up: imports, lazy caches, first-call costs
        _timed(system, pages[0])
    for rep in range(max(args.repeat, args.slow_repeat)):
        order = systems[rep % len(systems) :] + systems[: rep % len(systems)]
        active = [s for s in order if rep < (args.slow_repeat if s.slow else args.repeat)]
        cpu = dict.fromkeys((s.name for s in active), 0.0)
        wall = dict.fromkeys((s.name for s in active), 0.0)
        for page in pages:
            for system in active:
                timed = _timed(system, page)
                cpu[system.name] += timed.cpu
                wall[system.name] += timed.wall
                if rep == 0:
                    _first_pass(system, page, timed.result, outcomes[system.name])
        for name, seconds in cpu.items():
            outcomes[name].times.append(seconds)
            outcomes[name].wall.append(wall[name])
        _log(
            f"  {pages[0].set}: repetition {rep + 1} done "
            + " ".join(f"{n}={len(pages) / t:.0f}p/s" for n, t in cpu.items() if t)
        )
    return outcomes


def main(argv: list[str] | None = None) -> None:
    warnings.simplefilter("ignore")
    args = _parse(argv)
    set_names = [s for s in args.sets.split(",") if s]
    keys = [k for k in args.systems.split(",") if k]
    started = time.time()
    env = _render.environment()
    systems = [make(key) for key in keys]
    results: dict[str, dict[str, Outcome]] = {}
    for name in set_names:
        pages = load_set(name, limit=args.limit)
        _log(f"{name}: {len(pages)} pages, {len(systems)} systems, repeat {args.repeat}")
        results[name] = _run_set(systems, pages, args)
    memory = {} if args.no_memory else _memory.measure_all(keys, set_names, args.limit, _log)
    env["load_end"] = _render.loadavg()
    env["duration"] = f"{(time.time() - started) / 60:.1f} min"
    markdown = _render.render(systems, keys, results, memory=memory, env=env, args=args)
    write_section(args.section, markdown, args.output, top=True)
    _log(f"wrote section {args.section!r} of {args.output}")
    if args.json:
        _save_json(args.json, results, memory, env)
    print(markdown)


def _save_json(
    path: Path,
    results: dict[str, dict[str, Outcome]],
    memory: dict[str, dict[str, float]],
    env: dict[str, str],
) -> None:
    data = {
        "environment": env,
        "memory": memory,
        "sets": {
            set_name: {
                system: {
                    "cpu": o.times,
                    "wall": o.wall,
                    "errors": o.errors,
                    "meta_hits": o.meta_hits,
                    "pages": {
                        i: [s.precision, s.recall] for i, s in zip(o.ids, o.scores, strict=True)
                    },
                }
                for system, o in per.items()
            }
            for set_name, per in results.items()
        },
    }
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
