"""A session chart to work on, and the artwork it is checked against."""

from __future__ import annotations

import datetime as dt

import pytest

from bodymap.artwork import Artwork, read_artwork
from bodymap.chart.model import Frequency, Kind, MarkedArea, SessionChart
from bodymap.paths import artwork_file


@pytest.fixture(scope="session")
def artwork() -> Artwork:
    return read_artwork(artwork_file())


@pytest.fixture
def chart() -> SessionChart:
    return SessionChart(
        dt.date(2026, 11, 26),
        "Sample Client",
        "Stretch before bed.\nDrink water with dinner.",
        (
            MarkedArea("calf", "left", 7, Kind.CRAMP, Frequency.DAILY, "Wakes her at night"),
            MarkedArea("neck", None, 4, Kind.TIGHTNESS, Frequency.SEVERAL_A_WEEK),
            MarkedArea("shoulder", "right", 9, Kind.SPASM),
        ),
    )
