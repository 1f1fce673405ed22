"""Stress benchmark: huge and pathological captures, and a 100,000-case fuzzing run.

    python -m benchmarks.stress [--cases 100000] [--seed 6] [--skip-fuzz] [--skip-cases]

* Pathological cases (a 20 MB page, nesting 100,000 deep, a single 5 MB line,
  50,000 links, NUL and surrogate floods, tag soup, 5 MB of mojibake, a gzip
  bomb), each built here and written to a file, then cleaned once in a fresh
  child process that reports the time and its peak RSS above the interpreter
  baseline: VmHWM minus the VmRSS it had after importing cleanpage and cleaning
  a one-line page, taken *before* it reads the input, so the input itself
  counts.
* Decoding cost on the benchmark pages, and encoding detection against
  charset-normalizer (when installed) on the language samples.
* Fuzzing: ``--cases`` generated captures (seeded: case ``i`` is reproducible
  with ``--only i``) through ``clean`` / ``clean_html`` / ``clean_text``,
  counting outcomes by exception type; anything outside ``CleanpageError``, and
  any case past ``Options.time_budget``, is listed.

Results go to the ``stress`` section of ``BENCHMARKS.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import cleanpage
from cleanpage._decode import decode
from cleanpage._options import Options

from . import _stress_inputs as inputs
from ._report import write_section

ROOT = Path(__file__).resolve().parent.parent
MiB = 1024 * 1024


# Pathological cases, one child process each -------------------------------------


def _vm(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def child(path: str) -> None:
    """Clean the capture saved at ``path`` once; print one JSON line (runs in a child process).

    Peak RSS is counted from the interpreter baseline (cleanpage imported, one page
    cleaned), read before the input is loaded: the input's own memory is included.
    """
    cleanpage.clean(b"<p>warm up</p>")
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
    baseline = _vm("VmRSS")
    capture = _load(Path(path))
    started = time.perf_counter()
    try:
        article = cleanpage.clean(capture)
        outcome = f"Article ({len(article.blocks)} blocks)"
    except cleanpage.CleanpageError as exc:
        outcome = f"{type(exc).__name__}: {exc.message[:70]}"
    seconds = time.perf_counter() - started
    peak = _vm("VmHWM") - baseline
    print(
        json.dumps(
            {"seconds": seconds, "peak_mb": peak, "baseline_mb": baseline, "outcome": outcome}
        )
    )


def _save(capture: inputs.Capture, folder: Path) -> tuple[Path, int]:
    """Write ``capture`` for a child to read (a ``str`` as UTF-8, lone surrogates kept);
    return the file and the capture's size in bytes (UTF-8 size for a ``str``)."""
    if isinstance(capture, str):
        path, data = folder / "capture.txt", capture.encode("utf-8", "surrogatepass")
    else:
        path, data = folder / "capture.bin", capture
    path.write_bytes(data)
    return path, len(data)


def _load(path: Path) -> inputs.Capture:
    data = path.read_bytes()
    return data.decode("utf-8", "surrogatepass") if path.suffix == ".txt" else data


def run_cases() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="cleanpage-stress-") as tmp:
        for name, build in inputs.CASES.items():
            path, size = _save(build(), Path(tmp))
            proc = subprocess.run(
                [sys.executable, "-m", "benchmarks.stress", "--child", str(path)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
                timeout=900,
            )
            path.unlink()
            line = proc.stdout.strip().splitlines()[-1:] or [""]
            try:
                rows.append({"case": name, "size": size, **json.loads(line[0])})
            except ValueError:
                rows.append({"case": name, "outcome": f"child failed: {proc.stderr[-300:]}"})
            print(rows[-1], flush=True)
    return rows


def cases_markdown(rows: list[dict[str, object]], budget: float | None) -> str:
    out = [
        "| case | input | time (s) | peak RSS above baseline (MB) | × input | outcome |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        if "size" not in r:
            out.append(f"| {r['case']} | | | | | {r['outcome']} |")
            continue
        size, peak = float(r["size"]) / MiB, float(r["peak_mb"])  # type: ignore[arg-type]
        out.append(
            f"| {r['case']} | {size:.1f} MB | {float(r['seconds']):.2f} | {peak:.0f} |"  # type: ignore[arg-type]
            f" {f'{peak / size:.1f}' if size >= 1 else '–'} | {r['outcome']} |"
        )
    baselines = [float(r["baseline_mb"]) for r in rows if "baseline_mb" in r]  # type: ignore[arg-type]
    out.append(
        "\nPeak RSS above baseline: the child's VmHWM minus its VmRSS after importing cleanpage"
        " and cleaning a one-line page"
        + (f" (about {statistics.median(baselines):.0f} MB)" if baselines else "")
        + ", read before the input is loaded; so it counts the input itself (a `bytes` input"
        " 1× its size; a `str` 1, 2 or 4 bytes a character, and briefly the UTF-8 bytes it is"
        " read from), everything cleaning allocates, and memory the allocator keeps after"
        " freeing it. × input is that over the input's size in bytes (UTF-8 for `str`)."
        f" Time budget per capture (Options.time_budget): {budget} s."
    )
    return "\n".join(out)


# Decoding cost --------------------------------------------------------------------


def decode_timing() -> str:
    pages = inputs.real_pages(limit=None)
    opts = Options()
    per_page, per_100k = [], []
    for page in pages:
        best = min(
            _timed(lambda page=page: decode(page, content_type=None, options=opts))
            for _ in range(3)
        )
        per_page.append(best * 1000)
        per_100k.append(best * 1000 * 100_000 / len(page))
    legacy = [inputs.sample_page(lang).encode(codec) for lang, codec in inputs.LEGACY_PAIRS]
    legacy = [page * (100_000 // len(page) + 1) for page in legacy]  # ~100 KB pages
    legacy_ms = [
        min(_timed(lambda d=d: decode(d, content_type=None, options=opts)) for _ in range(3)) * 1000
        for d in legacy
    ]
    rows = [
        "| what | median | p90 | max |",
        "|---|---:|---:|---:|",
        _row(f"decode(), {len(pages)} benchmark pages (bytes, UTF-8), ms per page", per_page),
        _row("same, ms per 100 KB", per_100k),
        _row(
            f"decode(), {len(legacy)} undeclared legacy-encoded 100 KB pages, ms per page",
            legacy_ms,
        ),
    ]
    return "\n".join(rows) + "\n\n" + inputs.detection_table()


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def _row(label: str, values: list[float]) -> str:
    values = sorted(values)
    p90 = values[int(0.9 * (len(values) - 1))]
    return f"| {label} | {statistics.median(values):.3f} | {p90:.3f} | {values[-1]:.3f} |"


# Fuzzing --------------------------------------------------------------------------


def fuzz(cases: int, seed: int, only: int | None = None) -> str:
    budget = Options().time_budget
    outcomes: Counter[tuple[str, str]] = Counter()
    escapes: list[str] = []
    slow: list[str] = []
    times: list[float] = []
    started = time.perf_counter()
    for i in [only] if only is not None else range(cases):
        rng = random.Random(f"{seed}:{i}")
        category, capture, entry = inputs.fuzz_case(rng)
        t0 = time.perf_counter()
        try:
            entry(capture)
            outcome = "Article"
        except cleanpage.CleanpageError as exc:
            outcome = type(exc).__name__
        except Exception as exc:
            outcome = "ESCAPED " + type(exc).__name__
            escapes.append(f"case {i} ({category}): {type(exc).__name__}: {exc}"[:300])
        elapsed = time.perf_counter() - t0
        times.append(elapsed)
        if budget is not None and elapsed > budget:
            slow.append(f"case {i} ({category}): {elapsed:.1f} s")
        outcomes[(category, outcome)] += 1
        if i and i % 10_000 == 0:
            print(f"{i:,} cases, {time.perf_counter() - started:.0f} s", flush=True)
    wall = time.perf_counter() - started
    return _fuzz_markdown(outcomes, escapes=escapes, slow=slow, times=times, seed=seed, wall=wall)


def _fuzz_markdown(
    outcomes: Counter[tuple[str, str]],
    *,
    escapes: list[str],
    slow: list[str],
    times: list[float],
    seed: int,
    wall: float,
) -> str:
    categories = sorted({c for c, _ in outcomes})
    kinds = sorted({o for _, o in outcomes})
    out = [
        "| outcome | " + " | ".join(categories) + " | total |",
        "|---|" + "---:|" * (len(categories) + 1),
    ]
    for kind in kinds:
        counts = [outcomes[(c, kind)] for c in categories]
        out.append(f"| {kind} | " + " | ".join(f"{n:,}" for n in counts) + f" | {sum(counts):,} |")
    totals = [sum(n for (c, _), n in outcomes.items() if c == cat) for cat in categories]
    out.append("| **all** | " + " | ".join(f"{n:,}" for n in totals) + f" | **{sum(totals):,}** |")
    times.sort()
    p99 = times[int(0.99 * (len(times) - 1))]
    out.append(
        f"\n{len(times):,} cases (seed {seed}) in {wall:.0f} s; per case median"
        f" {statistics.median(times) * 1000:.1f} ms, p99 {p99 * 1000:.0f} ms,"
        f" max {times[-1]:.2f} s. Exceptions outside CleanpageError: **{len(escapes)}**."
        f" Cases past the time budget: **{len(slow)}**."
    )
    out += [f"- {line}" for line in escapes[:20] + slow[:20]]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--only", type=int, help="run one fuzzing case (to reproduce it)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--skip-fuzz", action="store_true")
    parser.add_argument("--skip-cases", action="store_true")
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return
    load = os.getloadavg()[0]
    parts = [
        "## Stress: huge and pathological captures, fuzzing",
        f"`python -m benchmarks.stress` — one core of a shared 2-core machine (load average"
        f" {load:.1f} at the start: timings are noisy).",
    ]
    if not args.skip_cases:
        parts += ["### Pathological captures", cases_markdown(run_cases(), Options().time_budget)]
    parts += ["### Decoding cost", decode_timing()]
    if not args.skip_fuzz:
        parts += [f"### Fuzzing ({args.cases:,} cases)", fuzz(args.cases, args.seed, args.only)]
    markdown = "\n\n".join(parts)
    print(markdown)
    if args.only is None:
        _write(markdown)


def _write(markdown: str) -> None:
    write_section("stress", markdown)


if __name__ == "__main__":
    main()
