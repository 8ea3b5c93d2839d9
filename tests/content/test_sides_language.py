"""A picked side named in the page's language: before the title in English, after it in
Spanish (merge of sides and languages)."""

from __future__ import annotations

import pytest

from bodymap.content.sides import side_title


@pytest.mark.parametrize(
    ("title", "side", "language", "expected"),
    [
        ("Calf", "left", "en", "Left calf"),
        ("TMJ", "right", "en", "Right TMJ"),
        ("Pantorrilla", "left", "es", "Pantorrilla (lado izquierdo)"),
        ("Muslo", "right", "es", "Muslo (lado derecho)"),
        ("Pantorrilla", None, "es", "Pantorrilla"),
    ],
)
def test_side_title_in_each_language(
    title: str, side: str | None, language: str, expected: str
) -> None:
    assert side_title(title, side, language) == expected


def test_an_unknown_side_is_refused_in_spanish_too() -> None:
    with pytest.raises(ValueError, match="left"):
        side_title("Pantorrilla", "up", "es")
