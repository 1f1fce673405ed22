"""Cleaning what pages say about people and titles.

:func:`clean_authors` turns a raw byline ("By Jane Doe, Senior Reporter and
John Roe | Email the author", "撰文:张三、李四") into a tuple of names;
:func:`clean_title` takes the site name off a headline ("Bitcoin rallies -
CoinDesk" → "Bitcoin rallies"). The vocabulary (byline prefixes, job titles,
organisation words) is data, in ``rules/meta/people.toml``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

_NOISE: Final = re.compile(
    r"\S+@\S+\.\w+|https?://\S+|www\.\S+|(?<!\w)@\w+|\([^)]*\)|（[^）]*）|\[[^\]]*\]"
)
_SPLIT: Final = re.compile(
    r"\s*(?:[,;|/·•\n]|，|、|；|｜|\s&\s|\b(?i:and|und|with)\b|\s(?:et|y|e)\s|和|及|与|與)\s*"
)
_EDGE: Final = " \t-–—:：|·•,;/()[]\"'“”‘’«»"
_LEAD: Final = _EDGE + "."
MAX_BYLINE: Final = 1000
"""Longest byline read (characters); the rest of a runaway value is ignored."""
_DOMAIN: Final = re.compile(r"\w\.(?:com|net|org|co|io|news|tv|in|uk|au)\b", re.IGNORECASE)
_NON_ALNUM: Final = re.compile(r"[\W_]+")
_ASCII_NON_ALNUM: Final = bytes(
    c for c in range(128) if not chr(c).isalnum()
)  # what _NON_ALNUM takes
_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    roles: re.Pattern[str]
    organisations: re.Pattern[str]
    never: frozenset[str]
    credentials: frozenset[str]
    credits: re.Pattern[str]
    told_to: re.Pattern[str]
    collective: re.Pattern[str]
    title_tag: re.Pattern[str]


def _words(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _vocabulary() -> _Vocabulary:
    path = resources.files("cleanpage") / "rules" / "meta" / "people.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return _Vocabulary(
        prefix=re.compile(
            rf"^(?:{_words(data['prefixes'])})(?:\s*[:：/|｜]\s*|\s+(?=\w)|(?<=[^\x00-\x7f])(?=\S))",
            re.IGNORECASE,
        ),
        suffix=re.compile(rf"\s*(?:{_words(data['suffixes'])})$"),
        roles=re.compile(rf"(?<!\w)(?:{_words(data['roles'])})(?!\w)", re.IGNORECASE),
        organisations=re.compile(
            rf"(?<!\w)(?:{_words(data['organisations'])})(?!\w)", re.IGNORECASE
        ),
        never=frozenset(w.casefold() for w in data["never"]),
        credentials=frozenset(w.casefold() for w in data["credentials"]),
        collective=re.compile(rf"(?<!\w)(?:{_words(data['collective'])})(?!\w)", re.IGNORECASE),
        credits=re.compile(rf"(?<!\w)(?:{_words(data['credits'])})(?!\w)", re.IGNORECASE),
        told_to=re.compile(rf"(?<!\w)(?:{_words(data['told_to'])})(?!\w)", re.IGNORECASE),
        title_tag=re.compile(
            rf"\s*[\[(](?:{_words(data['title_tags'])})[\])]$|^(?:{_words(data['title_tags'])})\s*:\s+",
            re.IGNORECASE,
        ),
    )


def clean_authors(raw: str) -> tuple[str, ...]:
    """The names in a byline, in order, without prefixes, titles or organisations.

    >>> clean_authors("By Jane Doe, Senior Reporter and John Roe | Email the author")
    ('Jane Doe', 'John Roe')
    >>> clean_authors("撰文:张三、李四")
    ('张三', '李四')
    >>> clean_authors("Amie Mock as told to Heather Eastman")
    ('Heather Eastman',)
    """
    vocab = _vocabulary()
    text = _NOISE.sub(" ", unicodedata.normalize("NFKC", raw[:MAX_BYLINE]))
    told = vocab.told_to.search(text)
    if told is not None:
        text = text[told.end() :]  # the story's teller is not its writer
    credit = vocab.credits.search(text)
    if credit is not None and credit.start() > 0:
        text = text[: credit.start()]
    people: list[str] = []
    organisations: list[str] = []
    for part in _SPLIT.split(_strip_prefix(text, vocab)):
        name = _clean_part(part, vocab)
        if name is None:
            continue
        target = organisations if is_organisation(name) else people
        if name.casefold() not in {n.casefold() for n in people + organisations}:
            target.append(name)
    return tuple(people or organisations)


def _strip_prefix(text: str, vocab: _Vocabulary) -> str:
    text = text.strip(_EDGE)
    for _ in range(3):
        stripped = vocab.prefix.sub("", text, count=1).strip(_EDGE)
        if stripped == text:
            break
        text = stripped
    return text


def _clean_part(part: str, vocab: _Vocabulary) -> str | None:
    name = vocab.suffix.sub("", _strip_prefix(part, vocab)).strip(_EDGE).lstrip(".")
    name = name.split(" The ", 1)[0] if name.count(" ") >= 3 else name  # "Jane Doe The Wire"
    if is_newsroom(name):
        return " ".join(name.split())  # "Slate Staff", "Team EBONY": a newsroom signs it
    role = vocab.roles.search(name)
    if role is not None:
        # "Jane Doe Senior Reporter" keeps the name before the title.
        name = name[: role.start()].strip(_EDGE)
        if len(name.split()) < 2:
            return None
    words = name.split()
    while words and words[-1].casefold().strip(",") in vocab.credentials:
        words.pop()
    name = _drop_full_stop(" ".join(words).strip(_EDGE))
    if not name or name.casefold() in vocab.never or any(c.isdigit() for c in name):
        return None
    if _CJK.search(name):
        return name if len(name) <= 12 else None
    return _latin_name(name)


def _drop_full_stop(name: str) -> str:
    """A full stop off a name ("By The Associated Press."), not off "Jr." or "J."."""
    last = name.rsplit(" ", 1)[-1]
    return name[:-1] if last.endswith(".") and "." not in last[:-1] and len(last) > 4 else name


def _latin_name(name: str) -> str | None:
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        words = words[:half]  # "Jane Doe Jane Doe": a name rendered twice
    name = " ".join(words)
    if len(words) > 5 or len(name) > 50 or not name[0].isupper():
        return None
    if name.isupper() and len(words) > 1:
        name = name.title()
    return name


def has_byline_prefix(text: str) -> bool:
    """True when ``text`` starts with a byline's lead word ("By …", "作者:…").

    >>> has_byline_prefix("by Jane Doe"), has_byline_prefix("Byzantium falls")
    (True, False)
    """
    return _vocabulary().prefix.match(text) is not None


def credits_others(raw: str) -> bool:
    """True when a byline also credits other roles ("Photography by …", "Contributions from …").

    >>> credits_others("By Jane Doe Contributions from John Roe")
    True
    """
    return bool(_vocabulary().credits.search(raw))


def has_role(text: str) -> bool:
    """True when ``text`` names a job title ("Staff Writer", "Senior Reporter").

    >>> has_role("By Jane Doe, Staff Writer"), has_role("By Jane Doe")
    (True, False)
    """
    return bool(_vocabulary().roles.search(text))


def looks_like_person(name: str) -> bool:
    """True for a name shaped like a person's: two to five capitalised words, or 2–4 CJK characters.

    >>> looks_like_person("Jane Doe"), looks_like_person("Profiles"), looks_like_person("张雅琦")
    (True, False, True)
    """
    if _CJK.search(name):
        return 2 <= len(name) <= 4
    words = name.split()
    capitalised = sum(1 for w in words if w[0].isupper())
    return 2 <= len(words) <= 5 and capitalised >= len(words) - 1 and not is_organisation(name)


def is_organisation(name: str) -> bool:
    """True when ``name`` looks like an organisation rather than a person.

    >>> is_organisation("The Associated Press"), is_organisation("Jane Doe")
    (True, False)
    """
    vocab = _vocabulary()
    if vocab.organisations.search(name) or _DOMAIN.search(name) or name.startswith("The "):
        return True
    return is_newsroom(name) or (name.isupper() and " " not in name)


def is_newsroom(name: str) -> bool:
    """True for a newsroom signing as a whole: "Slate Staff", "Team EBONY".

    >>> is_newsroom("Slate Staff"), is_newsroom("Staff Writer")
    (True, False)
    """
    vocab = _vocabulary()
    words = name.split()
    if len(words) < 2 or not vocab.collective.search(f"{words[0]} {words[-1]}"):
        return False
    return bool(vocab.roles.sub("", name).strip(_EDGE))


_SEPARATORS: Final = re.compile(r"\s+[|\-–—:·»/]\s+|\s*:\s+|\s*[|｜_]\s*|\s*::\s*|\s+-\s*|\s*-\s+")


def clean_title(title: str, site_name: str | None, *, also: Iterable[str] = ()) -> str:
    """``title`` without the site's name as a suffix or prefix.

    ``site_name`` and the names in ``also`` (a host's name, a publisher) are the
    names to take off; a last part after " | " that is much shorter than the
    rest goes too.

    >>> clean_title("Bitcoin rallies past $90,000 - CoinDesk", "CoinDesk")
    'Bitcoin rallies past $90,000'
    >>> clean_title("CoinDesk: Bitcoin rallies", "CoinDesk")
    'Bitcoin rallies'
    """
    return TitleCleaner(site_name, also)(title)


class TitleCleaner:
    """:func:`clean_title` for several titles of one site (the names are prepared once)."""

    __slots__ = ("_names",)

    def __init__(self, site_name: str | None, also: Iterable[str] = ()) -> None:
        self._names = frozenset(k for n in (site_name, *also) if n and (k := loose_key(n)))

    def __call__(self, title: str) -> str:
        return _untagged(_clean_title(_untagged(" ".join(title.split())), self._names))


def _untagged(title: str) -> str:
    """``title`` without a media label ("… [Watch]", "… (video)", "WATCH: …")."""
    return _vocabulary().title_tag.sub("", title).strip() or title


def _clean_title(title: str, names: frozenset[str]) -> str:
    for _ in range(3):
        shorter = _strip_site(title, names)
        if shorter == title:
            break
        title = shorter
    return title


def _strip_site(title: str, names: frozenset[str]) -> str:
    parts = [m for m in _SEPARATORS.finditer(title)]
    if not parts:
        return title
    last, first = parts[-1], parts[0]
    tail, head = title[last.end() :], title[: first.start()]
    if _is_site(tail, names) and last.start() > 0:
        return title[: last.start()].strip()
    if _is_site(head, names) and first.end() < len(title):
        return title[first.end() :].strip()
    if "|" in last.group() and len(tail) * 3 < last.start() and len(tail.split()) <= 4:
        return title[: last.start()].strip()
    return title


def _is_site(part: str, names: frozenset[str]) -> bool:
    key = loose_key(part)
    if not key:
        return False
    return any(_same_site(key, n) for n in names)


def _same_site(key: str, name: str) -> bool:
    """ "coindesk" is "CoinDesk", "coindeskmarkets" too; "report" is not "bleacherreport"."""
    if key == name:
        return True
    if len(name) >= 4 and name in key:
        return len(key) <= len(name) + 8
    return len(key) >= 4 and key in name and len(key) * 2 >= len(name)


def loose_key(text: str) -> str:
    """``text`` NFKC-normalised and case folded, letters and digits only (for comparing names)."""
    return alnum_only(unicodedata.normalize("NFKC", text).casefold())


def alnum_only(text: str) -> str:
    """``text`` without what ``str.isalnum`` rejects (``[\\W_]``)."""
    # ASCII bytes never occur inside a longer UTF-8 sequence: drop the ASCII non-alnums as bytes.
    key = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NON_ALNUM)
    rest = key.decode("utf-8", "surrogatepass")
    return rest if rest.isascii() else _NON_ALNUM.sub("", rest)
