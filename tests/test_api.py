"""The public surface: exactly what ``__all__`` promises, immutable values, the error tree."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

import cleanpage
from cleanpage import Article, Block, Related, Removed

PUBLIC = [
    "Article",
    "BinaryInputError",
    "Block",
    "CaptureTypeError",
    "CleanpageError",
    "DecodeError",
    "EmptyInputError",
    "InputError",
    "InputTooLargeError",
    "LimitError",
    "NoArticleError",
    "Options",
    "Related",
    "Removed",
    "TimeBudgetError",
    "TooDeepError",
    "UnsupportedFormatError",
    "__version__",
    "clean",
    "clean_html",
    "clean_text",
]


def test_all_is_pinned() -> None:
    assert sorted(cleanpage.__all__) == PUBLIC
    assert len(cleanpage.__all__) == len(set(cleanpage.__all__))


def test_everything_in_all_exists() -> None:
    assert [name for name in cleanpage.__all__ if not hasattr(cleanpage, name)] == []


def test_version_is_a_string() -> None:
    assert isinstance(cleanpage.__version__, str) and cleanpage.__version__


@pytest.mark.parametrize(
    ("value", "field"),
    [
        (Article(), "title"),
        (Block("paragraph", "x"), "text"),
        (Related("t"), "title"),
        (Removed("promo", "x"), "text"),
        (cleanpage.Options(), "max_bytes"),
    ],
)
def test_values_are_frozen(value: object, field: str) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, field, "changed")


def test_article_fields_are_the_designed_ones() -> None:
    assert [f.name for f in dataclasses.fields(Article)] == [
        "title",
        "summary",
        "authors",
        "publisher",
        "source",
        "site_name",
        "published",
        "language",
        "url",
        "blocks",
        "related",
        "removed",
    ]


def test_articles_are_hashable_values() -> None:
    a = Article(title="t", blocks=(Block("paragraph", "x"),))
    assert a == Article(title="t", blocks=(Block("paragraph", "x"),))
    assert hash(a) == hash(Article(title="t", blocks=(Block("paragraph", "x"),)))


def test_articles_pickle_and_copy() -> None:
    # Batches hand articles between processes; the compiled wheel keeps the values pure
    # Python for this (a mypyc-compiled frozen dataclass does not unpickle).
    article = cleanpage.clean(
        "<html><body><h1>A headline of words</h1><p>" + "Body text of the story. " * 8 + "</p>"
        "<ul><li><a href='/a'>Related one</a></li><li><a href='/b'>Related two</a></li></ul>"
        "</body></html>"
    )
    assert pickle.loads(pickle.dumps(article)) == article
    assert copy.deepcopy(article) == article
    assert dataclasses.replace(article, title="Other").title == "Other"


def test_unknown_kinds_and_reasons_are_refused() -> None:
    with pytest.raises(ValueError, match="block kind"):
        Block("banner", "x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="removal reason"):
        Removed("spam", "x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("error", "bases"),
    [
        (cleanpage.CleanpageError, (Exception,)),
        (cleanpage.InputError, (cleanpage.CleanpageError, ValueError)),
        (cleanpage.EmptyInputError, (cleanpage.InputError,)),
        (cleanpage.BinaryInputError, (cleanpage.InputError,)),
        (cleanpage.DecodeError, (cleanpage.InputError, ValueError)),
        (cleanpage.UnsupportedFormatError, (cleanpage.InputError,)),
        (cleanpage.LimitError, (cleanpage.CleanpageError, ValueError)),
        (cleanpage.InputTooLargeError, (cleanpage.LimitError,)),
        (cleanpage.TooDeepError, (cleanpage.LimitError,)),
        (cleanpage.TimeBudgetError, (cleanpage.LimitError, TimeoutError)),
        (cleanpage.NoArticleError, (cleanpage.CleanpageError, LookupError)),
    ],
)
def test_error_tree(error: type[Exception], bases: tuple[type[Exception], ...]) -> None:
    assert all(issubclass(error, base) for base in bases)


def test_errors_carry_context() -> None:
    exc = cleanpage.NoArticleError(
        "no body", stage="select", url="https://x.test/a", kind="listing"
    )
    assert (exc.stage, exc.url, exc.kind, exc.message) == (
        "select",
        "https://x.test/a",
        "listing",
        "no body",
    )
    assert str(exc) == "no body [select] (https://x.test/a)"


@pytest.mark.parametrize("capture", ["", "   \n\t ", b"", b"\n"])
def test_empty_capture_is_an_empty_input_error(capture: str | bytes) -> None:
    with pytest.raises(cleanpage.EmptyInputError):
        cleanpage.clean(capture)
