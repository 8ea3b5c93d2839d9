"""English spelling by the clinic's locale: US by default, British for en_GB.

The English pages are written once, in British spelling ("colour", "diarrhoea"); they are
shown and printed in American spelling ("color", "diarrhea") unless the clinic's locale
spells the British way. One source text, converted at display time in one place
(``outline.outline(page, spelling=...)``); ``check`` reads the source text as written.

The word lists are breame's (British/American spelling pairs). Only British -> American is
applied: the other way round changes words that merely look American ("tire" the verb would
become "tyre", "groin" "groyne").
"""

from __future__ import annotations

import functools
import re

US = "en-US"
GB = "en-GB"
SPELLINGS = (US, GB)
DEFAULT_SPELLING = US
BRITISH_SPELLING_TERRITORIES = frozenset({"GB", "IE", "AU", "NZ", "ZA"})
"""Countries whose clinics spell the British way (their national style guides)."""
_WORD = re.compile(r"[A-Za-z]+")


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


@functools.cache
def _american_of(word: str) -> str | None:
    from breame.spelling import get_american_spelling  # noqa: PLC0415 - ~20 ms, on first use

    american: str = get_american_spelling(word)
    return american if american and american != word else None
