"""Show what cleanpage makes of a site case today, for review. Never overwrites expected.json.

Usage (from the repository root)::

    python tests/cases/regenerate.py CASE [--html] [--write]

Prints the article cleaned from ``tests/cases/CASE/capture.txt`` (or from
``page.html`` with ``--html``) as JSON, then a diff of the essentials tests
check (title, published, authors, body blocks) against ``expected.json``.
``--write`` also saves the full output as ``expected.new.json`` beside it, so a
reviewer can compare the two files and decide what to keep by hand.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import Any

import cleanpage

CASES_DIR = Path(__file__).resolve().parent


def _essentials(data: dict[str, Any]) -> list[str]:
    lines = [f"title: {data['title']}", f"published: {data['published']}"]
    lines += [f"author: {name}" for name in data["authors"]]
    lines += [f"{block['kind']}: {block['text']}" for block in data["blocks"]]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("case", help="a folder name under tests/cases/")
    parser.add_argument(
        "--html", action="store_true", help="clean page.html instead of capture.txt"
    )
    parser.add_argument(
        "--write", action="store_true", help="also save expected.new.json for review"
    )
    args = parser.parse_args(argv)
    folder = CASES_DIR / args.case
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    if args.html:
        article = cleanpage.clean_html(
            (folder / "page.html").read_text(encoding="utf-8"), url=expected["url"]
        )
    else:
        article = cleanpage.clean_text(
            (folder / "capture.txt").read_text(encoding="utf-8"), url=expected["url"]
        )
    print(article.to_json(explain=True))
    diff = difflib.unified_diff(
        _essentials(expected), _essentials(article.to_dict()), "expected", "now", lineterm=""
    )
    print("\n".join(diff) or "essentials: same as expected.json", file=sys.stderr)
    if args.write:
        target = folder / "expected.new.json"
        target.write_text(article.to_json() + "\n", encoding="utf-8")
        print(f"wrote {target} (review it; expected.json is unchanged)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
