"""Search in Spanish (issue #16): Snowball stems, accents optional, everyday words and typos."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bodymap.cli import main
from bodymap.content.loader import load_library
from bodymap.content.search import SearchIndex, is_real_word, query_side
from bodymap.paths import content_dir


@pytest.fixture(scope="module")
def spanish_index() -> Any:
    return SearchIndex.open(load_library(content_dir(), language="es"))


def top(index: Any, query: str, count: int = 3) -> list[str]:
    return [result.id for result in index.search(query, limit=count).results]


@pytest.mark.parametrize(
    ("query", "pages"),
    [
        ("calambre en la pierna", {"calf", "thigh"}),
        ("me dio un tirón en la espalda", {"back"}),
        ("me dio un tiron en la espalda", {"back"}),
        ("dolor de barriga", {"stomach"}),
        ("dolor de tripa", {"stomach"}),
        ("torticolis", {"neck"}),
        ("tortícolis", {"neck"}),
        ("TORTÍCOLIS", {"neck"}),
        ("pantorrilla", {"calf"}),
        ("pantorrillas", {"calf"}),  # a plural the pages never use: found by its stem
        ("hormigueo en la mano", {"hand"}),
    ],
)
def test_everyday_spanish_finds_the_region(spanish_index: Any, query: str, pages: set[str]) -> None:
    assert pages & set(top(spanish_index, query))


@pytest.mark.parametrize(
    ("query", "topic"),
    [
        ("masaje deportivo", "sports-massage"),
        ("estiramientos", "stretching"),
        ("estirar", "stretching"),
        ("beber agua", "hydration"),
        ("cuánta agua debo beber", "hydration"),
        ("calor", "hot-weather"),
        ("golpe de calor", "hot-weather"),
        ("bolsa de hielo", "heat-and-cold"),
        ("embarazo", "life-stages"),
        ("embarazada", "life-stages"),
        ("dolores de crecimiento", "life-stages"),
        ("pistola de masaje", "massage-devices"),
        ("pistola de masage", "massage-devices"),  # a typo
        ("calambre", "muscle-cramps"),
        ("calanbre", "muscle-cramps"),
        ("cuando no dar masaje", "when-not-to-massage"),
        ("masaje sueco", "swedish-massage"),
        ("masaje profundo", "deep-tissue-massage"),
        ("punto gatillo", "neuromuscular-massage"),
        ("liberacion miofascial", "myofascial-release"),
        ("agujetas después del masaje", "soreness-after-massage"),
        ("plátano", "electrolytes"),
        ("deshidratación", "hydration"),
    ],
)
def test_everyday_spanish_finds_the_topic(spanish_index: Any, query: str, topic: str) -> None:
    """Topic pages are searched in Spanish too, by their own words, stems and typos."""
    assert topic in top(spanish_index, query)


def test_a_spanish_topic_shows_its_spanish_title(spanish_index: Any) -> None:
    (first,) = spanish_index.search("masaje deportivo", limit=1).results
    assert (first.id, first.title) == ("sports-massage", "Masaje deportivo")


def test_a_misspelt_spanish_word_finds_a_cramp_page(spanish_index: Any) -> None:
    found = top(spanish_index, "calanbre")
    assert found and found[0] in {"muscle-cramps", "calf", "thigh", "foot", "hand"}


def test_spanish_results_show_spanish_titles(spanish_index: Any) -> None:
    (first,) = spanish_index.search("cuello", limit=1).results
    assert first.title == "Cuello"


def test_the_english_index_does_not_know_the_spanish_words() -> None:
    english = SearchIndex.open(load_library(content_dir()))
    assert "stomach" not in top(english, "barriga")
    assert "stomach" in top(english, "tummy ache")


def test_spanish_real_words_are_not_typos() -> None:
    assert is_real_word("pierna", "es") and is_real_word("espalda", "es")
    assert not is_real_word("calanbre", "es")
    assert not is_real_word("pierna", "en")


def test_search_command_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--language", "es", "--json", "dolor de barriga"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {**rows[0], "id": "stomach", "title": "Barriga"}
    with pytest.raises(SystemExit):
        main(["search", "--language", "xx", "cuello"])
    assert "'xx' is not a language" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("query", "expected", "side"),
    [
        ("pantorrilla izquierda", "calf", "left"),
        ("calambre en el muslo derecho", "thigh", "right"),
        ("pantorrilla", "calf", None),
    ],
)
def test_spanish_side_words_choose_the_side_not_the_page(
    spanish_index: Any, query: str, expected: str, side: str | None
) -> None:
    assert spanish_index.search(query).results[0].id == expected
    assert query_side(query) == side
