"""The colour of a score on the chart: light for 0, dark for 10, readable without colour.

The ramp is ColorBrewer's 9-class sequential YlOrRd (Cynthia Brewer, colorbrewer2.org; marked
there as colour-blind safe and print friendly), interpolated to the 11 scores 0-10. Its
lightness falls steadily from end to end, so a greyscale print or a reader who cannot tell red
from green still sees a higher score as a darker area (``tests/chart/test_colours.py`` checks
the luminance falls at every step).
"""

from __future__ import annotations

from bodymap.chart.model import MAX_SCORE, MIN_SCORE, check_score

YL_OR_RD = (
    "#ffffcc",
    "#ffeda0",
    "#fed976",
    "#feb24c",
    "#fd8d3c",
    "#fc4e2a",
    "#e31a1c",
    "#bd0026",
    "#800026",
)
"""ColorBrewer YlOrRd, 9 classes, lightest first."""
DARK_FROM = 6
"""From this score up the fill is dark enough that text on it is set in white."""


def score_colour(score: int) -> str:
    """``#rrggbb`` for a score of 0-10 (ChartError for another value)."""
    check_score(score)
    position = (score - MIN_SCORE) / (MAX_SCORE - MIN_SCORE) * (len(YL_OR_RD) - 1)
    low = int(position)
    high = min(low + 1, len(YL_OR_RD) - 1)
    fraction = position - low
    a, b = _rgb(YL_OR_RD[low]), _rgb(YL_OR_RD[high])
    mixed = (round(x + (y - x) * fraction) for x, y in zip(a, b, strict=True))
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb`` (0 black .. 1 white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
