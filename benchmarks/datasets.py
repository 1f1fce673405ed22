"""Load the benchmark data sets under ``benchmarks/data/`` (stdlib only).

Each set is ``<name>/ground-truth.json`` (id -> {"url", "articleBody", ...})
plus ``<name>/html/<id>.html.gz`` (UTF-8). Pages come back sorted by id, with
the HTML already decoded, so timing never includes I/O or decoding.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
SETS = ("aeb", "news424-dev", "multilingual-dev")


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: id, URL, decoded HTML and its ground truth record."""

    set: str
    id: str
    url: str
    html: str
    truth: dict[str, Any]

    @property
    def body(self) -> str:
        return str(self.truth.get("articleBody") or "")


def page_ids(name: str, data: Path = DATA) -> list[str]:
    """All ids of a set, sorted."""
    return sorted(_truth(name, data))


def load_set(
    name: str, *, limit: int | None = None, ids: list[str] | None = None, data: Path = DATA
) -> list[Page]:
    """Pages of ``name`` sorted by id (the first ``limit``, or exactly ``ids``)."""
    if name not in SETS:
        raise ValueError(f"unknown data set {name!r}; expected one of {SETS}")
    truth = _truth(name, data)
    chosen = sorted(truth) if ids is None else list(ids)
    if limit is not None:
        chosen = chosen[:limit]
    return [_page(name, key, truth[key], data) for key in chosen]


def _truth(name: str, data: Path) -> dict[str, dict[str, Any]]:
    with (data / name / "ground-truth.json").open(encoding="utf-8") as handle:
        loaded: dict[str, dict[str, Any]] = json.load(handle)
    return loaded


def _page(name: str, key: str, truth: dict[str, Any], data: Path) -> Page:
    raw = gzip.decompress((data / name / "html" / f"{key}.html.gz").read_bytes())
    html = raw.decode("utf-8", errors="replace")
    return Page(name, key, str(truth.get("url") or ""), html, truth)
