"""The general topics in Spanish (issue #16): every topic page has a Spanish version that keeps
the English page's red flags in the same tiers, its warning and its links, and ``check`` holds it
to the Spanish safety rules.

Each rule that reads a topic page is broken once on a shipped Spanish topic, to show that its
Spanish pattern finds the text it guards (a pattern that matched nothing would pass silently).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bodymap.content.checks import ENGLISH_RULES, check_page, safety_problems
from bodymap.content.languages import LANGUAGES
from bodymap.content.loader import _load_page, load_library
from bodymap.content.model import TopicPage
from bodymap.content.rules import LanguageRules, fold
from bodymap.content.rules_es import MIN_EASE, SPANISH_RULES
from bodymap.paths import content_dir

Data = dict[str, Any]
TOPICS = sorted(path.stem for path in (content_dir() / "topics").glob("*.yaml"))


def edit(path: Path, change: Callable[[Data], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def safety_after(content: Path, topic: str, change: Callable[[Data], None]) -> str:
    """The safety messages ``check`` gives the Spanish ``topic`` after ``change``."""
    path = content / "es" / "topics" / f"{topic}.yaml"
    edit(path, change)
    loading: list[Any] = []
    page = _load_page(path, TopicPage, loading)
    assert page is not None, loading
    return "\n".join(p.message for p in safety_problems(page))


def section(data: Data, heading: str) -> Data:
    """The section of a page whose heading starts with ``heading``."""
    found: list[Data] = [s for s in data["sections"] if s.get("heading", "").startswith(heading)]
    assert len(found) == 1, heading
    return found[0]


def tiered_sections(page: Any, rules: LanguageRules) -> list[tuple[str | None, int]]:
    """Each section's tier by its heading (None: no tier) and how many points it lists."""

    def tier(heading: str) -> str | None:
        for name, pattern in rules.topic_tier_headings:
            if pattern.search(fold(heading)):
                return name
        return None

    return [(tier(s.heading or ""), len(s.points)) for s in page.sections]


@pytest.fixture(scope="module")
def libraries() -> tuple[Any, Any]:
    return load_library(content_dir()), load_library(content_dir(), language="es")


# -- the shipped pages ------------------------------------------------------------------------


def test_every_topic_is_written_in_spanish_and_passes_every_check_at_an_easy_level(
    libraries: tuple[Any, Any],
) -> None:
    assert len(TOPICS) == 18
    _, spanish = libraries
    assert spanish.fallback_ids == frozenset()
    for topic in TOPICS:
        page = spanish.get(topic)
        assert page is not None and page.path.parent.parent.name == "es", topic
        report = check_page(page)
        assert report.problems == (), (topic, [p.message for p in report.problems])
        assert report.grade is not None and report.grade >= MIN_EASE, (topic, report.grade)


@pytest.mark.parametrize("topic", TOPICS)
def test_a_spanish_topic_keeps_the_english_tiers_warning_and_links(
    libraries: tuple[Any, Any], topic: str
) -> None:
    """The same sections in the same order: each tiered list ("Llame al {emergency} ahora
    si", "Busque atención médica hoy si", "Vea a su médico pronto si") where the English page
    has its tier, with as many red flags."""
    english, spanish = libraries
    en_page, es_page = english.get(topic), spanish.get(topic)
    assert tiered_sections(es_page, SPANISH_RULES) == tiered_sections(en_page, ENGLISH_RULES)
    assert (es_page.warning is None) == (en_page.warning is None)
    assert es_page.related == en_page.related
    assert es_page.title != en_page.title  # written in Spanish, not copied


def test_the_check_command_counts_every_spanish_page(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bodymap.cli import main

    assert main(["check", "--language", "es"]) == 0
    out = capsys.readouterr().out
    assert f"{LANGUAGES['es']} (es): 27 of 27 pages written" in out
    assert "shown in English until written" not in out


# -- each topic rule, broken once ---------------------------------------------------------------


TOPIC_RULES = [
    pytest.param(topic, what, patterns, id=f"{topic}-{index}")
    for topic, rules in SPANISH_RULES.topic_must_say.items()
    for index, (what, patterns) in enumerate(rules)
]


def _strike(text: str, pattern: str) -> str:
    return re.sub(pattern, "~", fold(text), flags=re.I)


@pytest.mark.parametrize(("topic", "what", "patterns"), TOPIC_RULES)
def test_taking_a_caution_out_of_a_spanish_topic_fails_check(
    content_copy: Path, topic: str, what: str, patterns: tuple[str, ...]
) -> None:
    """Every word the rule looks for is struck out of the page; check must miss it."""
    pattern = patterns[0]

    def change(data: Data) -> None:
        data["summary"] = _strike(data["summary"], pattern)
        if "warning" in data:
            data["warning"] = {k: _strike(v, pattern) for k, v in data["warning"].items()}
        for part in data["sections"]:
            for key in ("heading", "text"):
                if key in part:
                    part[key] = _strike(part[key], pattern)
            part["points"] = [_strike(p, pattern) for p in part.get("points", [])]

    assert f"must tell readers {what}" in safety_after(content_copy, topic, change)


def test_an_urgent_word_in_a_spanish_topic_soon_list_fails(content_copy: Path) -> None:
    def change(data: Data) -> None:
        section(data, "Vea a su médico pronto")["points"].append("Dolor en el pecho: vaya hoy.")

    assert 'says "hoy"' in safety_after(content_copy, "muscle-cramps", change)


@pytest.mark.parametrize(
    "urgent",
    ["sin esperar", "lo antes posible", "sin demora", "en el acto", "al momento", "ahora mismo"],
)
def test_every_spanish_way_of_saying_at_once_is_kept_out_of_the_soon_list(
    content_copy: Path, urgent: str
) -> None:
    def change(data: Data) -> None:
        section(data, "Vea a su médico pronto")["points"].append(f"Pérdida de fuerza: {urgent}.")

    assert f'says "{urgent}"' in safety_after(content_copy, "electrolytes", change)


def test_a_twitch_in_a_spanish_topic_emergency_list_fails(content_copy: Path) -> None:
    def change(data: Data) -> None:
        section(data, "Llame al {emergency}")["points"].append("Un tic en el párpado.")

    assert "twitching alone is not urgent" in safety_after(content_copy, "muscle-cramps", change)


def test_a_spanish_twitch_without_its_two_weeks_fails(content_copy: Path) -> None:
    def change(data: Data) -> None:
        points = section(data, "Vea a su médico pronto")["points"]
        points[0] = "Tiene tics en los músculos."

    found = safety_after(content_copy, "electrolytes", change)
    assert "a twitch needs a doctor when it lasts more than 2 weeks" in found


def test_a_long_cramp_in_a_spanish_topic_emergency_list_fails(content_copy: Path) -> None:
    def change(data: Data) -> None:
        section(data, "Llame al {emergency}")["points"].append(
            "Un calambre que dura más de 10 minutos."
        )

    assert "belongs under" in safety_after(content_copy, "muscle-cramps", change)


@pytest.mark.parametrize(
    ("topic", "heading", "claim"),
    [
        ("electrolytes", "¿Y los plátanos?", "a banana prevents or stops cramps"),
        ("hydration", "¿Ocho vasos", "everyone needs half a gallon of water"),
        ("soreness-after-massage", "¿El masaje saca", "massage flushes out toxins"),
        ("electrolytes", "¿Causan calambres?", "most spasms come from electrolytes"),
    ],
)
def test_a_spanish_topic_that_drops_its_correction_repeats_a_myth(
    content_copy: Path, topic: str, heading: str, claim: str
) -> None:
    """The shipped page names the myth to correct it; without the correction it is a claim."""

    def change(data: Data) -> None:
        part = section(data, heading)
        sentences = re.split(r"(?<=[.!?])\s+", part["text"].strip())
        part["text"] = sentences[0]

    assert claim not in safety_after(content_copy, topic, lambda data: None)
    assert claim in safety_after(content_copy, topic, change)


@pytest.mark.parametrize("myth", ["Beba 8 vasos de agua al día.", "Beba 64 onzas de agua."])
def test_the_spanish_water_myth_is_caught_in_figures_too(content_copy: Path, myth: str) -> None:
    def change(data: Data) -> None:
        section(data, "Consejos sencillos")["points"].append(myth)

    found = safety_after(content_copy, "hydration", change)
    assert "everyone needs half a gallon of water" in found


def test_the_spanish_quinine_wording_is_held_to_the_reviewed_advice(content_copy: Path) -> None:
    def weeks(data: Data) -> None:
        part = section(data, "Medicamentos")
        part["text"] = part["text"].replace("durante 4 semanas", "un tiempo")

    assert "must say that a doctor may try it for 4 weeks" in safety_after(
        content_copy, "muscle-cramps", weeks
    )

    def specialist(data: Data) -> None:
        part = section(data, "Medicamentos")
        part["text"] += " Solo un especialista puede dar quinina."

    assert "do not say only a specialist" in safety_after(content_copy, "muscle-cramps", specialist)


@pytest.mark.parametrize("wording", ["llamen al 911", "Marquen el 112", "telefonee al 999"])
def test_a_literal_emergency_number_in_a_spanish_topic_fails(
    content_copy: Path, wording: str
) -> None:
    def change(data: Data) -> None:
        data["warning"]["text"] += f" Si no respira, {wording}."

    assert "instead of a fixed emergency number" in safety_after(
        content_copy, "hot-weather", change
    )


def test_al_momento_de_is_only_when_not_at_once(content_copy: Path) -> None:
    def change(data: Data) -> None:
        section(data, "Vea a su médico pronto")["points"].append("Dolor al momento de caminar.")

    assert "says" not in safety_after(content_copy, "electrolytes", change)


@pytest.mark.parametrize(
    "heading", ["Vea a un médico sin esperar si", "Pida ayuda lo antes posible si"]
)
def test_a_spanish_heading_that_says_at_once_is_the_same_day_tier(
    content_copy: Path, heading: str
) -> None:
    def change(data: Data) -> None:
        part = section(data, "Vea a un médico si")
        part["heading"] = heading
        part["points"].append("Un tic en el párpado.")

    assert "twitching alone is not urgent" in safety_after(
        content_copy, "soreness-after-massage", change
    )
