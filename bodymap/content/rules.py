"""The shapes of ``check``'s rules, so that each language's rules are one table of data.

``rule_table.py`` holds the medical-safety rules once, each with its patterns per language;
``checks.py`` holds the English ``LanguageRules`` and the code that applies them to a page,
``rules_es.py`` the Spanish ones. A third language is one more column in ``rule_table`` and
one more ``LanguageRules`` (its tier headings, urgent words, readability formula), written
against that language's pages and read by a clinician who speaks it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

EMERGENCY, TODAY, SOON = "emergency", "today", "soon"
"""The three urgency tiers of red flags, most urgent first."""

MustSay = tuple[tuple[str, tuple[str, ...]], ...]
"""What a part of a page must tell readers: (what, in words for the report; patterns that
must all be found)."""


@dataclass(frozen=True)
class Flag:
    """A red flag a region must list in one tier: one item must match every pattern."""

    tier: str
    what: str
    patterns: tuple[str, ...]

    def found_in(self, items: Iterable[str]) -> bool:
        return any(all(re.search(p, fold(item), re.I) for p in self.patterns) for item in items)


@dataclass(frozen=True)
class Claim:
    """A claim the source blog posts make that trusted sources correct."""

    name: str
    pattern: str


@dataclass(frozen=True)
class LanguageRules:
    """Every pattern ``check`` applies to pages in one language.

    The messages ``check`` prints stay in the clinic owner's language (English); only the
    patterns that read the page differ. ``what`` texts are the English description.
    """

    every_region: tuple[Flag, ...]
    region_flags: Mapping[str, tuple[Flag, ...]]
    not_in_soon: Mapping[str, tuple[tuple[str, str], ...]]
    warning_signs: Mapping[str, MustSay]
    self_massage_cautions: Mapping[str, MustSay]
    topic_must_say: Mapping[str, MustSay]
    topic_tier_headings: tuple[tuple[str, re.Pattern[str]], ...]
    urgent_words: re.Pattern[str]
    """Words that never belong in the "See your doctor soon" tier."""
    twitch: re.Pattern[str]
    two_weeks: re.Pattern[str]
    long_cramp: re.Pattern[str]
    cramp: re.Pattern[str]
    today: re.Pattern[str]
    corrected_claims: tuple[Claim, ...]
    correction: re.Pattern[str]
    quinine: re.Pattern[str]
    specialist: re.Pattern[str]
    quinine_must_say: tuple[tuple[str, str], ...]
    literal_emergency_number: re.Pattern[str]
    plain_words: tuple[tuple[re.Pattern[str], str], ...]
    """Medical words the reader should see only in brackets after an everyday word."""
    sentence: re.Pattern[str]
    reading_formula: str
    """The readability formula textstat computes for this language (a function's name)."""
    reading_limit: float
    reading_higher_is_easier: bool
    reading_advice: str


def fold(text: str) -> str:
    """``text`` without accents ("pantorrilla", "tortícolis" -> "torticolis", "ñ" -> "n"), so a
    rule's pattern is written once, without accents, and matches whether or not the writer
    typed them."""
    if text.isascii():  # nothing to decompose (most English text): the same text, at once
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
