"""English spelling by the clinic's locale: US by default, British for en_GB.

The English pages are written once, in British spelling ("colour", "diarrhoea"); they are
shown and printed in American spelling ("color", "diarrhea") unless the clinic's locale
spells the British way. One source text, converted at display time in one place
(``outline.outline(page, spelling=...)``); ``check`` reads the source text as written.

The word lists are breame's (British/American spelling pairs). Only British -> American is
applied: the other way round changes words that merely look American ("tire" the verb would
become "tyre", "groin" "groyne").

breame's tables cost about 3 ms to import, so the first frame does without them: the content
cache stores every word of the English pages and the American form of the British ones
(``american_words``, when the cache is written), and reading the cache hands them here
(``remember``). A word not among them (a page read from YAML, a clinic's edit) is looked up
in breame, loaded then.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

US = "en-US"
GB = "en-GB"
SPELLINGS = (US, GB)
DEFAULT_SPELLING = US
BRITISH_SPELLING_TERRITORIES = frozenset({"GB", "IE", "AU", "NZ", "ZA"})
"""Countries whose clinics spell the British way (their national style guides)."""
_WORD = re.compile(r"[A-Za-z]+")
_JSON_WORD = re.compile(rb"\\u[0-9A-Fa-f]{4}|\\.|[A-Za-z]+")
"""A word in JSON text, or an escape ("\\n", "\\u00e9"), so "\\nColour" is not "nColour"."""
_known_words: set[str] = set()
_known_american: dict[str, str] = {}
_unread: list[tuple[str, dict[str, str]]] = []


def spelling_for_territory(territory: str) -> str:
    """``"en-GB"`` for a computer set up for the UK (or Ireland, Australia, New Zealand,
    South Africa), else ``"en-US"``."""
    return GB if territory.upper() in BRITISH_SPELLING_TERRITORIES else US


def respell(text: str, spelling: str) -> str:
    """``text`` (British spelling) in ``spelling``: unchanged for en-GB; for en-US each
    British word becomes its American form, keeping its capitals ("Colour" -> "Color")."""
    if spelling != US:
        return text
    return _WORD.sub(_american, text)


def _american(match: re.Match[str]) -> str:
    word = match.group(0)
    american = _american_of(word.lower())
    if american is None:
        return word
    if word.isupper() and len(word) > 1:
        return american.upper()
    if word[0].isupper():
        return american[0].upper() + american[1:]
    return american


def json_words(page_json: bytes | memoryview) -> set[bytes]:
    """The words (``[A-Za-z]+``, as they are written) in the strings of one page encoded as
    UTF-8 JSON; JSON's escapes ("\\n", "\\u00e9") are not words."""
    return {word for word in _JSON_WORD.findall(page_json) if not word.startswith(b"\\")}


def american_words(words: Iterable[bytes]) -> tuple[str, dict[str, str]]:
    """``words`` (from ``json_words``) in lower case, sorted and joined by spaces, and
    ``{british: american}`` for those of them breame spells differently in American.
    Loads breame."""
    found = sorted({word.decode("ascii").lower() for word in words})
    american = {word: us for word in found if (us := _breame_american(word)) is not None}
    return " ".join(found), american


def remember(words: str, american: dict[str, str]) -> None:
    """``american_words``' answer (from the content cache): ``respell`` looks these words
    up here, not in breame. Kept for the process; the words are split when first wanted."""
    _unread.append((words, american))


def _american_of(word: str) -> str | None:
    while _unread:
        words, american = _unread.pop()
        _known_words.update(words.split())
        _known_american.update(american)
    if word in _known_words:
        return _known_american.get(word)
    return _breame_american(word)


@functools.cache
def _breame_american(word: str) -> str | None:
    from breame.spelling import get_american_spelling  # noqa: PLC0415 - ~20 ms, on first use

    american: str = get_american_spelling(word)
    return american if american and american != word else None
