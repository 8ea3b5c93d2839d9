"""The artwork decides which regions exist, on which view, and in what order."""

from __future__ import annotations

from pathlib import Path

import pytest

from bodymap.artwork import ArtworkError, read_artwork
from bodymap.paths import resource

SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 800">'


def test_shipped_artwork_has_six_regions_head_to_toe_on_two_views() -> None:
    artwork = read_artwork(resource("body.svg"))
    assert artwork.views == ("front", "back")
    assert artwork.region_ids == ("neck", "chest", "back", "stomach", "calf", "foot")
    order = [(o.view, o.region_id) for o in artwork.keyboard_order()]
    assert order[:4] == [
        ("front", "neck"),
        ("front", "chest"),
        ("front", "stomach"),
        ("front", "foot"),
    ]
    assert order[4:] == [("back", "neck"), ("back", "back"), ("back", "calf"), ("back", "foot")]


def test_a_region_drawn_in_the_artwork_takes_its_place_head_to_toe(tmp_path: Path) -> None:
    svg = tmp_path / "body.svg"
    svg.write_text(
        SVG_HEAD
        + '<path id="region-foot-front" d="M0 700 L10 700 L10 760 Z"/>'
        + '<path id="region-knee-front" d="M0 500 L10 500 L10 540 Z"/>'
        + '<path id="region-neck-back" d="M0 100 L10 100 L10 140 Z"/>'
        + '<path id="figure" d="M0 0 L1 1"/></svg>'
    )
    artwork = read_artwork(svg)
    assert artwork.region_ids == ("neck", "knee", "foot")
    assert artwork.views == ("front", "back")


@pytest.mark.parametrize(
    "text", ["not xml at all", SVG_HEAD + '<path id="body" d="M0 0 L1 1"/></svg>']
)
def test_artwork_without_regions_is_refused_with_its_name(tmp_path: Path, text: str) -> None:
    svg = tmp_path / "broken.svg"
    svg.write_text(text)
    with pytest.raises(ArtworkError) as caught:
        read_artwork(svg)
    assert "broken.svg" in str(caught.value)
