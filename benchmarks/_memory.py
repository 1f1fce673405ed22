"""Peak memory per system, each in its own subprocess (peak RSS, VmHWM).

    python -m benchmarks._memory SYSTEM --sets aeb,news424-dev [--limit N]

The child records its peak resident set size (VmHWM) three
times: at start (interpreter, stdlib, page list), after importing the system
and extracting one page (ready), and after extracting every page of the sets,
read from disk and decoded one at a time so the input never piles up (peak).
It prints one JSON line. ``measure_all`` runs one child per system in turn.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

from .datasets import DATA

ROOT = Path(__file__).resolve().parent.parent


def _maxrss_mb() -> float:
    """Peak RSS of this process image: VmHWM (Linux), else ru_maxrss.

    ``ru_maxrss`` survives fork+exec, so a child started by a big parent would
    inherit the parent's peak; VmHWM belongs to the new address space only.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pages(sets: list[str], limit: int | None) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    for name in sets:
        truth = json.loads((DATA / name / "ground-truth.json").read_text(encoding="utf-8"))
        ids = sorted(truth)[:limit] if limit else sorted(truth)
        found += [
            (DATA / name / "html" / f"{key}.html.gz", str(truth[key].get("url") or ""))
            for key in ids
        ]
        del truth
    return found


def _read(pages: list[tuple[Path, str]]) -> Iterator[tuple[str, str]]:
    for path, url in pages:
        yield gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"), url


def child(argv: list[str] | None = None) -> None:
    """Measure one system; print a JSON line with start/ready/peak MB."""
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser()
    parser.add_argument("system")
    parser.add_argument("--sets", required=True)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    pages = _pages(args.sets.split(","), args.limit)
    start = _maxrss_mb()
    from .systems import make  # noqa: PLC0415 - measured: imported after `start`

    system = make(args.system)
    for html, url in _read(pages[:1]):
        system.extract(html, url)
    ready = _maxrss_mb()
    for html, url in _read(pages):
        try:
            system.extract(html, url)
        except Exception:  # same policy as the timed run
            continue
    print(json.dumps({"start_mb": start, "ready_mb": ready, "peak_mb": _maxrss_mb()}))


def measure_all(
    keys: list[str], sets: list[str], limit: int | None, log: Callable[[str], None]
) -> dict[str, dict[str, float]]:
    """One subprocess per system, run one after another."""
    found: dict[str, dict[str, float]] = {}
    for key in keys:
        command = [sys.executable, "-m", "benchmarks._memory", key, "--sets", ",".join(sets)]
        if limit:
            command += ["--limit", str(limit)]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log(f"  memory {key}: failed\n{done.stderr[-2000:]}")
            continue
        found[key] = json.loads(done.stdout.strip().splitlines()[-1])
        log(f"  memory {key}: peak {found[key]['peak_mb']:.0f} MB")
    return found


if __name__ == "__main__":
    child()
