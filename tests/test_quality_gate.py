"""Quality gate: cleanpage's body F1 on a fixed subset of the benchmark pages.

The subset is fixed by rule, not by hand: the ids of each set under
``benchmarks/data/`` sorted, then every k-th starting with the first
(aeb k=6 -> 31 pages, multilingual-dev k=10 -> 15, news424-dev k=27 -> 15).
F1 is scored by ``benchmarks/scoring.py`` (the one implementation, imported
from the repository checkout) and must stay at or above a pinned floor per
set: the F1 measured when the floor was last set, minus 0.02. Raise a floor
when cleanpage gets better; never lower one to make a change pass. No
timings here: speed lives in ``python -m benchmarks.run``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import cleanpage

ROOT = Path(__file__).resolve().parent.parent
if not (ROOT / "benchmarks" / "scoring.py").is_file():  # an sdist ships tests/ without benchmarks/
    pytest.skip("benchmarks/ is not beside tests/ (not a checkout)", allow_module_level=True)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks._report import write_section  # noqa: E402
from benchmarks.datasets import load_set, page_ids  # noqa: E402
from benchmarks.scoring import aggregate, score_page, tokenize  # noqa: E402

STEP = {"aeb": 6, "multilingual-dev": 10, "news424-dev": 27}
# Measured F1 of cleanpage on each subset when last pinned, and the floor (measured - 0.02).
# Last pinned 2026-11-25 (cleanpage at commit d8ddd0f plus the HTML rewrite in progress);
# aeb and news424-dev raised 2026-11-25 after the selection work (listicles, captions).
MEASURED = {"aeb": 0.973, "multilingual-dev": 0.915, "news424-dev": 0.904}
FLOOR = {name: round(value - 0.02, 3) for name, value in MEASURED.items()}


def subset_ids(name: str) -> list[str]:
    """The fixed subset of a set: sorted ids, every k-th from the first."""
    return page_ids(name)[:: STEP[name]]


def body(html: str, url: str) -> str:
    try:
        return cleanpage.clean_html(html, url=url or None).text
    except cleanpage.CleanpageError:
        return ""


@pytest.mark.parametrize("name", sorted(STEP))
def test_body_f1_floor(name: str) -> None:
    pages = load_set(name, ids=subset_ids(name))
    score = aggregate(score_page(page.body, body(page.html, page.url)) for page in pages)
    assert score.f1 >= FLOOR[name], (
        f"{name}: F1 {score.f1:.3f} (P {score.precision:.3f}, R {score.recall:.3f}) on "
        f"{score.pages} pages is below the floor {FLOOR[name]:.3f}"
    )


def test_subsets_are_the_documented_size() -> None:
    assert {name: len(subset_ids(name)) for name in STEP} == {
        "aeb": 31,
        "multilingual-dev": 15,
        "news424-dev": 15,
    }


# The gate is only as good as its scorer: pin the rules of benchmarks/data/aeb/README.md.


def test_identical_text_scores_one_and_empty_scores_zero() -> None:
    text = "Stocks rose on Tuesday as investors weighed the latest inflation data."
    same, empty, both_empty = score_page(text, text), score_page(text, ""), score_page("", "")
    assert (same.precision, same.recall, same.exact) == (1.0, 1.0, True)
    assert (empty.precision, empty.recall) == (0.0, 0.0)
    assert (both_empty.precision, both_empty.recall) == (0.0, 0.0)


def test_shingle_counts_are_normalised_per_page() -> None:
    truth = "one two three four five six"  # 3 shingles
    score = score_page(truth, "one two three four five six seven eight")  # 5 shingles, 3 shared
    assert (score.tp, score.fp, score.fn) == pytest.approx((0.6, 0.4, 0.0))
    assert (score.precision, score.recall) == pytest.approx((0.6, 1.0))
    short = score_page("Hello world", "hello world")  # < 4 tokens: one shingle, case matters
    assert (short.tp, short.fp, short.fn) == pytest.approx((0.0, 0.5, 0.5))


def test_f1_is_the_harmonic_mean_of_the_mean_precision_and_recall() -> None:
    text = "a b c d e f g h"
    scores = [score_page(text, text), score_page(text, text + " i j k l m n o p")]
    total = aggregate(scores)
    assert total.precision == pytest.approx((1 + 5 / 13) / 2)
    assert total.recall == 1.0
    assert total.f1 == pytest.approx(2 * total.precision / (total.precision + 1))
    assert total.accuracy == 0.5


def test_cjk_pages_are_scored_per_character() -> None:
    assert tokenize("比特币价格上涨 BTC 5%", cjk=True) == [
        "比",
        "特",
        "币",
        "价",
        "格",
        "上",
        "涨",
        "BTC",
        "5",
    ]
    assert tokenize("比特币价格上涨 BTC 5%") == ["比特币价格上涨", "BTC", "5"]
    truth = "比特币价格周二上涨，投资者关注通胀数据。"
    half = score_page(truth, "比特币价格周二上涨")  # one glued token under \w+; 9 chars here
    assert 0 < half.recall < 1 and half.precision == 1.0


def test_write_section_replaces_only_its_own_section(tmp_path: Path) -> None:
    path = tmp_path / "BENCHMARKS.md"
    write_section("extraction", "| a | 1 |", path)
    write_section("stress", "stress v1", path)
    write_section("extraction", "| a | 2 |", path)
    text = path.read_text(encoding="utf-8")
    assert text.count("<!-- extraction:start -->") == 1
    assert "| a | 2 |" in text and "| a | 1 |" not in text
    assert text.index("| a | 2 |") < text.index("stress v1")
    write_section("summary", "first", path, top=True)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks") and text.index("first") < text.index("| a | 2 |")
