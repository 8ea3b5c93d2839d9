"""One table of safety rules, a column per language: every rule has its patterns in every
language pages are written in, and each language's ``check`` uses exactly its own column."""

from __future__ import annotations

import re

import pytest

from bodymap.content import rule_table
from bodymap.content.checks import RULES
from bodymap.content.languages import LANGUAGES
from bodymap.content.rule_table import Rule, Say, every_rule, for_language


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_rule_has_a_pattern_in_every_language(language: str) -> None:
    rows = every_rule()
    assert len(rows) > 150
    for row in rows:
        patterns = row.patterns.get(language)
        assert patterns, f"{row.what!r} has no {language} patterns"
        for pattern in patterns:
            re.compile(pattern)
            assert pattern.strip(), row.what


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_each_language_checks_with_its_own_column(language: str) -> None:
    rules, tables = RULES[language], for_language(language)
    assert rules.every_region == tables.every_region
    assert rules.region_flags == tables.region_flags
    assert rules.warning_signs == tables.warning_signs
    assert rules.self_massage_cautions == tables.self_massage_cautions
    assert rules.topic_must_say == tables.topic_must_say
    assert rules.corrected_claims == tables.corrected_claims
    assert rules.not_in_soon == tables.not_in_soon


def test_a_rule_without_a_language_column_is_named_when_that_language_is_asked_for() -> None:
    rule = Rule(rule_table.TODAY, "a new sign", en=(r"sign",))
    assert rule.flag("en").patterns == (r"sign",)
    with pytest.raises(KeyError, match="es"):
        rule.flag("es")
    assert Say("a caution", en=(r"x",), es=(r"y",)).patterns == {"en": (r"x",), "es": (r"y",)}


def test_the_languages_name_each_rule_and_tier_once() -> None:
    """The report names a sign by its English ``what`` in every language: one name per rule."""
    english, spanish = for_language("en"), for_language("es")
    assert [(f.tier, f.what) for f in english.every_region] == [
        (f.tier, f.what) for f in spanish.every_region
    ]
    for region, flags in english.region_flags.items():
        assert [(f.tier, f.what) for f in flags] == [
            (f.tier, f.what) for f in spanish.region_flags[region]
        ]
        assert [f.patterns for f in flags] != [f.patterns for f in spanish.region_flags[region]]
