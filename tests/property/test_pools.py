"""The generators' own data is sound: otherwise every property test would mislead."""

from __future__ import annotations

import pytest

from cleanpage._model import REASONS

from . import pools
from .strategies import ZONES, encodable


@pytest.mark.parametrize("lang", pools.LANGS)
def test_a_language_pool_encodes_in_its_legacy_codec(lang: str) -> None:
    texts = [
        *pools.SENTENCES[lang],
        *pools.COMPANIES[lang],
        *pools.HEADINGS[lang],
        *pools.TITLES[lang],
        *pools.SUMMARIES[lang],
        *pools.PEOPLE[lang],
        *pools.PUBLISHERS[lang],
        *pools.SOURCES[lang],
        *pools.BYLINES[lang],
        *pools.CREDITS[lang],
        pools.AUTHOR_JOINERS[lang],
        *pools.ACCOUNT_LINES.get(lang, ()),
        pools.SUMMARY_LABELS.get(lang, ""),
    ]
    assert [t for t in texts if not encodable(t, pools.LEGACY[lang])] == []


def test_chrome_categories_are_removal_reasons_with_zones() -> None:
    categories = {category for category, *_ in pools.CHROME} | {"related"}
    assert categories <= set(REASONS)
    assert categories == set(ZONES)


@pytest.mark.parametrize("lang", pools.LANGS)
def test_body_sentences_end_as_prose_does(lang: str) -> None:
    end = "。" if lang in pools.CJK else "."
    assert [s for s in pools.SENTENCES[lang] if not s.endswith(end)] == []
