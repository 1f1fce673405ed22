"""cleanpage: clean articles out of scraped finance and crypto news captures.

>>> import cleanpage
>>> page = "<html><body><h1>Hi</h1><p>" + "A sentence of body text. " * 8 + "</p></body></html>"
>>> article = cleanpage.clean(page)
>>> article.blocks[0].kind
'paragraph'
"""

from ._exceptions import (
    BinaryInputError,
    CaptureTypeError,
    CleanpageError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    LimitError,
    NoArticleError,
    TimeBudgetError,
    TooDeepError,
    UnsupportedFormatError,
)
from ._model import Article, Block, Related, Removed
from ._options import Options
from ._pipeline import clean, clean_html, clean_text
from ._version import __version__

__all__ = [
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
