"""Environment facts and the Markdown tables written by ``benchmarks.run``."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from .scoring import aggregate
from .systems import System

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "trafilatura"


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _git() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False
        )
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=all", "--", "src")
    return commit + (" + uncommitted changes in src/" if dirty else "")


def environment() -> dict[str, str]:
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "cpu": f"{_cpu()} ({os.cpu_count()} logical CPUs, shared)",
        "commit": _git(),
        "load_start": loadavg(),
    }


def _pps(pages: int, times: list[float]) -> float:
    return pages / statistics.median(times) if times else 0.0


def _speed(results: dict[str, dict[str, Any]], name: str) -> float:
    pages = sum(len(per[name].scores) for per in results.values())
    per_rep = [list(x) for x in zip(*(per[name].times for per in results.values()), strict=False)]
    return _pps(pages, [sum(rep) for rep in per_rep])


def _summary(
    systems: list[System],
    keys: list[str],
    results: dict[str, dict[str, Any]],
    memory: dict[str, dict[str, float]],
) -> list[str]:
    sets = list(results)
    head = ["system", *[f"{s} F1" for s in sets], "pages/s (CPU)", f"× {BASELINE}", "peak RSS MB"]
    rows = [_row(head), _row(["---"] * len(head))]
    base = _speed(results, BASELINE) if any(s.name == BASELINE for s in systems) else 0.0
    for key, system in zip(keys, systems, strict=True):
        f1s = [f"{aggregate(results[s][system.name].scores).f1:.3f}" for s in sets]
        speed = _speed(results, system.name)
        ratio = f"{speed / base:.2f}" if base else "–"
        mem = f"{memory[key]['peak_mb']:.0f}" if key in memory else "–"
        rows.append(_row([system.name, *f1s, f"{speed:.1f}", ratio, mem]))
    return rows


def _detail(set_name: str, systems: list[System], per: dict[str, Any]) -> list[str]:
    head = [
        "system",
        "precision",
        "recall",
        "F1",
        "accuracy",
        "pages/s CPU",
        "pages/s wall",
        "errors",
        "reps",
    ]
    rows = [
        f"**{set_name}** ({len(next(iter(per.values())).scores)} pages)",
        "",
        _row(head),
        _row(["---"] * len(head)),
    ]
    for system in systems:
        out = per[system.name]
        agg = aggregate(out.scores)
        rows.append(
            _row(
                [
                    system.name,
                    f"{agg.precision:.3f}",
                    f"{agg.recall:.3f}",
                    f"{agg.f1:.3f}",
                    f"{agg.accuracy:.3f}",
                    f"{_pps(agg.pages, out.times):.1f}",
                    f"{_pps(agg.pages, out.wall):.1f}",
                    str(out.errors),
                    str(len(out.times)),
                ]
            )
        )
    return [*rows, ""]


def _metadata(systems: list[System], per: dict[str, Any]) -> list[str]:
    head = ["system", "title", "authors", "date"]
    rows = [_row(head), _row(["---"] * len(head))]
    for system in systems:
        out = per[system.name]
        if system.meta is None or not out.scores:
            continue
        n = len(out.scores)
        rows.append(
            _row(
                [
                    system.name,
                    *(f"{out.meta_hits.get(k, 0) / n:.3f}" for k in ("title", "authors", "date")),
                ]
            )
        )
    return rows


def _memory_rows(
    systems: list[System], keys: list[str], memory: dict[str, dict[str, float]]
) -> list[str]:
    head = ["system", "peak RSS MB", "import + 1 page MB", "growth while extracting MB"]
    rows = [_row(head), _row(["---"] * len(head))]
    for key, system in zip(keys, systems, strict=True):
        if key in memory:
            m = memory[key]
            rows.append(
                _row(
                    [
                        system.name,
                        f"{m['peak_mb']:.0f}",
                        f"{m['ready_mb'] - m['start_mb']:.0f}",
                        f"{m['peak_mb'] - m['ready_mb']:.0f}",
                    ]
                )
            )
    return rows


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _bars(
    systems: list[System],
    keys: list[str],
    results: dict[str, dict[str, Any]],
    memory: dict[str, dict[str, float]],
) -> list[str]:
    names = [s.name for s in systems]
    if "cleanpage" not in names:
        return []
    lines = ["| bar (issues 3 and 4) | cleanpage | met |", "| --- | --- | --- |"]

    def add(label: str, value: float, ok: bool, fmt: str = ".3f") -> None:
        lines.append(f"| {label} | {value:{fmt}} | {'yes' if ok else 'no'} |")

    f1 = {s: {n: aggregate(results[s][n].scores).f1 for n in names} for s in results}
    if "aeb" in f1:
        add("aeb F1 ≥ 0.970", f1["aeb"]["cleanpage"], f1["aeb"]["cleanpage"] >= 0.970)
    for set_name in ("news424-dev", "multilingual-dev"):
        if set_name in f1 and len(names) > 1:
            best = max(v for n, v in f1[set_name].items() if n != "cleanpage")
            add(
                f"{set_name} F1 above every peer's (best peer {best:.3f})",
                f1[set_name]["cleanpage"],
                f1[set_name]["cleanpage"] > best,
            )
    if BASELINE in names:
        ratio = _speed(results, "cleanpage") / (_speed(results, BASELINE) or 1.0)
        add(f"speed ≥ 5× {BASELINE} (ratio, CPU time)", ratio, ratio >= 5, ".2f")
    if "cleanpage" in memory and BASELINE in memory:
        mine, theirs = memory["cleanpage"]["peak_mb"], memory[BASELINE]["peak_mb"]
        add(f"peak RSS ≤ {BASELINE}'s ({theirs:.0f} MB), MB", mine, mine <= theirs, ".0f")
    news = results.get("news424-dev", {}).get("cleanpage")
    if news is not None and news.scores:
        for field, bar in (("title", 0.95), ("authors", 0.90), ("date", 0.95)):
            value = news.meta_hits.get(field, 0) / len(news.scores)
            add(f"news424-dev {field} ≥ {bar:.2f}", value, value >= bar)
    return [*lines, ""]


def _method(systems: list[System], args: argparse.Namespace) -> list[str]:
    slow = [s.name for s in systems if s.slow]
    return [
        "**Method.** Body: precision, recall, F1 and accuracy over 4-token shingles exactly as",
        "`benchmarks/data/aeb/README.md` says (`benchmarks/scoring.py`); a page whose ground",
        "truth is mostly Han/Kana/Hangul (≥ half its word characters) is tokenized one CJK",
        "character per token (56 multilingual-dev pages, 4 aeb pages). An exception",
        "(or a CleanpageError) counts as empty output (the *errors* column).",
        "Speed: one process, one thread, HTML pre-loaded and decoded to `str`; only the",
        "extraction call is timed. For every page each system runs in turn, the system order",
        "rotating between repetitions; after one untimed warm-up page per set. pages/s =",
        "pages / median total time over repetitions (all sets together in the summary), in",
        "process CPU time (`time.process_time`: the machine is shared, so CPU time is the",
        "fair measure of one core's work) and, in the per-set tables, also wall-clock time.",
        f"Repetitions: {args.repeat} for fast systems, {args.slow_repeat} for slow peers",
        f"({', '.join(slow) or 'none'}). Memory: each system in its own subprocess",
        "(`benchmarks/_memory.py`): peak resident set size (`VmHWM` of `/proc/self/status`)",
        "after extracting all pages of the sets, read and decoded one at a time: *peak RSS* is",
        "the whole process, interpreter included (the same ~baseline for every system).",
        "Metadata (news424-dev, `benchmarks/metadata.py`):",
        "title exact after NFKC + whitespace normalisation; authors as a case-insensitive set",
        '(truth split on commas / "and"); date as YYYY-MM-DD. trafilatura\'s metadata comes',
        "from a separate untimed `bare_extraction(with_metadata=True)` call.",
        "",
    ]


def render(
    systems: list[System],
    keys: list[str],
    results: dict[str, dict[str, Any]],
    *,
    memory: dict[str, dict[str, float]],
    env: dict[str, str],
    args: argparse.Namespace,
) -> str:
    command = " ".join(["python -m benchmarks.run", *sys.argv[1:]]).strip()
    out = [
        "## HTML extraction: cleanpage and peers, side by side",
        "",
        f"Command: `{command}` (cleanpage and the peers installed as `benchmarks/README.md` "
        f"says), "
        f"{env['date']}, took {env.get('duration', '?')}.",
        "",
    ]
    out += [*_summary(systems, keys, results, memory), ""]
    out += _bars(systems, keys, results, memory)
    out += ["### Body extraction per data set", ""]
    for set_name, per in results.items():
        out += _detail(set_name, systems, per)
    if "news424-dev" in results:
        out += ["### Metadata on news424-dev (share of pages right)", ""]
        out += [*_metadata(systems, results["news424-dev"]), ""]
    if memory:
        out += ["### Peak memory", "", *_memory_rows(systems, keys, memory), ""]
    out += ["### Versions and machine", ""]
    out += [f"- {s.name}: {s.package} {s.version} — `{s.note}`" for s in systems]
    out += [
        f"- cleanpage commit: {env['commit']}",
        f"- Python: {env['python']}",
        f"- machine: {env['cpu']}; {env['platform']}",
        f"- load average (1/5/15 min) at start: {env['load_start']}; "
        f"at end: {env.get('load_end', '?')}",
        "",
    ]
    out += _method(systems, args)
    return "\n".join(out)
