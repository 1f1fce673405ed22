"""The errors cleanpage raises, all rooted at :class:`CleanpageError`.

Every failure is raised, typed and explained; nothing is turned into ``None``.
Each class also subclasses the builtin a caller would naturally catch::

    CleanpageError(Exception)
    ├── InputError(CleanpageError, ValueError)     the capture cannot be read
    │   ├── EmptyInputError                        empty or whitespace only
    │   ├── BinaryInputError                       PDF, image, archive, …
    │   ├── DecodeError                            bytes that decode to nothing sensible
    │   ├── UnsupportedFormatError                 JSON, XML/RSS, … (not a page)
    │   └── CaptureTypeError(…, TypeError)         neither str nor bytes
    ├── LimitError(CleanpageError, ValueError)     a configured limit was exceeded
    │   ├── InputTooLargeError                     Options.max_bytes
    │   ├── TooDeepError                           Options.max_depth / max_nodes
    │   └── TimeBudgetError(…, TimeoutError)       Options.time_budget
    └── NoArticleError(CleanpageError, LookupError) readable, but no article in it

Errors carry context: ``stage`` (which pipeline stage failed), ``url`` and,
where meaningful, ``kind``: what the input was (``"pdf"``, ``"png"``, ``"zip"``,
``"binary"`` for a binary input; ``"json"``, ``"rss"``, ``"atom"``, ``"xml"``
for a data format; ``"charset"``, ``"gzip"`` for undecodable bytes), which page
it was when there is no article (``"home"``, ``"listing"``, ``"login"``,
``"paywall"``, ``"captcha"``, ``"error"``), or, for a
:class:`LimitError`, the :class:`cleanpage.Options` field to raise
(``"max_bytes"``, ``"max_depth"``, ``"max_nodes"``, ``"time_budget"``).
"""

from __future__ import annotations


class CleanpageError(Exception):
    """Base class of every error cleanpage raises on purpose."""

    def __init__(
        self,
        message: str,
        *,
        stage: str | None = None,
        url: str | None = None,
        kind: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.stage = stage
        self.url = url
        self.kind = kind

    def __str__(self) -> str:
        where = f" [{self.stage}]" if self.stage else ""
        url = f" ({self.url})" if self.url else ""
        return f"{self.message}{where}{url}"


class InputError(CleanpageError, ValueError):
    """The capture cannot be read as a page or as page text."""


class EmptyInputError(InputError):
    """The capture is empty or holds only whitespace."""


class BinaryInputError(InputError):
    """The capture is binary data (PDF, image, archive, …), not a page."""


class DecodeError(InputError):
    """The bytes cannot be decoded to text in any plausible encoding."""


class UnsupportedFormatError(InputError):
    """The capture is text, but a data format (JSON, XML/RSS, …), not a page."""


class CaptureTypeError(InputError, TypeError):
    """The capture is neither ``str`` nor ``bytes`` (a programming error in the caller)."""


class LimitError(CleanpageError, ValueError):
    """The capture exceeds one of the limits set in :class:`cleanpage.Options`."""


class InputTooLargeError(LimitError):
    """The capture is larger than ``Options.max_bytes``."""


class TooDeepError(LimitError):
    """The HTML nests deeper than ``Options.max_depth`` or has more than ``max_nodes`` nodes."""


class TimeBudgetError(LimitError, TimeoutError):
    """Cleaning took longer than ``Options.time_budget`` seconds."""


class NoArticleError(CleanpageError, LookupError):
    """The capture was read, but holds no article (home page, listing, login wall, …)."""
