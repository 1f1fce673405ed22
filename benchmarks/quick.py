"""Quick cleanpage-only score over one data set, with the worst pages.

    python -m benchmarks.quick [--set aeb|news424-dev|multilingual-dev|all]
                               [--limit N] [--worst K] [--show ID]

Prints one line of P/R/F1/accuracy per set and the K worst pages (id, F1,
P, R). ``--show ID`` prints the truth and extraction of one page for diffing.
A CleanpageError counts as empty output; any other exception too, but it is
listed as a crash (``--show`` lets it propagate). One process, no peers.
"""

from __future__ import annotations

import argparse
import sys
import time

import cleanpage

from .datasets import SETS, Page, load_set
from .scoring import PageScore, aggregate, score_page


def extract(page: Page, crashes: list[str] | None = None) -> str:
    """cleanpage's body text ("" on a CleanpageError; other exceptions go to ``crashes``)."""
    try:
        return cleanpage.clean_html(page.html, url=page.url or None).text
    except cleanpage.CleanpageError:
        return ""
    except Exception as error:
        if crashes is None:
            raise
        crashes.append(f"{page.id[:16]} {type(error).__name__}: {str(error)[:60]}")
        return ""


def _run_set(name: str, limit: int | None, worst: int) -> None:
    pages = load_set(name, limit=limit)
    start = time.perf_counter()
    crashes: list[str] = []
    scored: list[tuple[Page, PageScore]] = [
        (p, score_page(p.body, extract(p, crashes))) for p in pages
    ]
    elapsed = time.perf_counter() - start
    total = aggregate(s for _, s in scored)
    print(
        f"{name:17s} n={total.pages:3d}  P={total.precision:.3f} R={total.recall:.3f} "
        f"F1={total.f1:.3f}  acc={total.accuracy:.3f}  ({elapsed:.1f}s)"
    )
    if crashes:
        print(f"  CRASHES (not CleanpageError, scored as empty): {len(crashes)}")
        for line in crashes[:3]:
            print(f"    {line}")
    for page, score in sorted(scored, key=lambda item: item[1].f1)[:worst]:
        print(
            f"  {page.id[:40]:40s} F1={score.f1:.3f} P={score.precision:.3f} R={score.recall:.3f}"
        )


def _show(key: str) -> None:
    for name in SETS:
        pages = [p for p in load_set(name) if p.id.startswith(key)]
        for page in pages[:1]:
            score = score_page(page.body, out := extract(page))
            print(f"# {name} {page.id} {page.url}\n# F1={score.f1:.3f}")
            print(f"----- truth -----\n{page.body}\n----- cleanpage -----\n{out}")
            return
    sys.exit(f"no page with id starting {key!r}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quick", description=__doc__)
    parser.add_argument("--set", default="aeb", choices=[*SETS, "all"])
    parser.add_argument("--limit", type=int, default=None, help="first N pages (sorted ids)")
    parser.add_argument("--worst", type=int, default=5, help="list the K worst pages")
    parser.add_argument("--show", metavar="ID", help="print truth vs extraction of one page")
    args = parser.parse_args(argv)
    if args.show:
        _show(args.show)
        return
    for name in SETS if args.set == "all" else (args.set,):
        _run_set(name, args.limit, args.worst)


if __name__ == "__main__":
    main()
