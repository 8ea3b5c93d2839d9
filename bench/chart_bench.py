"""Session-chart handout speed: a six-area chart (with a comparison) to a PDF on disk.

Run: ``.venv/bin/python bench/chart_bench.py`` (or ``-m bench.chart_bench``); no display is
needed. After one warm-up, the chart handout (read both session files, compare, compose, paint,
save) is timed beside the plain handout of the same region pages (``bodymap handout`` with
their ids), in one run, so the ratio is the chart page's own cost on a noisy machine.
Target: the chart handout under 1 s (median, clear print, A4). Writes
bench/results/chart.json.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import platform
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication

from bench.stats import print_table, summary, timings_ms, write_json
from bodymap.artwork import Artwork, read_artwork
from bodymap.chart.compare import compare
from bodymap.chart.fhir import read_session, save_session
from bodymap.chart.model import Frequency, Kind, MarkedArea, SessionChart
from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.fileio import atomic_write_bytes
from bodymap.handout.chart_page import chart_region_ids, compose_chart_handout
from bodymap.handout.compose import HandoutRequest
from bodymap.handout.pdf import render_composed, write_pdf
from bodymap.paths import artwork_file, content_dir
from bodymap.qtshared.diagram import BodyDiagram

REPEAT = 11
TARGET_MS = 1000.0
SIX_AREAS = SessionChart(
    dt.date(2026, 11, 26),
    "Sample Client",
    "Stretch your calves before bed and drink a glass of water with dinner.",
    (
        MarkedArea("calf", "left", 7, Kind.CRAMP, Frequency.DAILY, "Wakes her at night."),
        MarkedArea("calf", "right", 3, Kind.CRAMP, Frequency.WEEKLY),
        MarkedArea("neck", None, 5, Kind.TIGHTNESS, Frequency.DAILY),
        MarkedArea("shoulder", "right", 6, Kind.SPASM, Frequency.SEVERAL_A_WEEK),
        MarkedArea("back", None, 4, Kind.TIGHTNESS, Frequency.DAILY),
        MarkedArea("foot", "left", 2, Kind.TWITCHING, Frequency.ONCE),
    ),
)


def chart_handout(
    folder: Path, artwork: Artwork, library: ContentLibrary, diagram: BodyDiagram
) -> int:
    """What ``bodymap handout --chart now.json --compare before.json`` does after start-up."""
    chart = read_session(folder / "now.json", artwork)
    earlier = read_session(folder / "before.json", artwork)
    handout = compose_chart_handout(chart, HandoutRequest(()), library, compare(earlier, chart))
    data, result = render_composed(handout, diagram)
    atomic_write_bytes(folder / "chart.pdf", data)
    return result.sheets


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    library = load_library(content_dir())
    artwork = read_artwork(artwork_file())
    diagram = BodyDiagram()
    earlier = dataclasses.replace(
        SIX_AREAS,
        date=dt.date(2026, 11, 12),
        areas=tuple(dataclasses.replace(a, score=min(10, a.score + 2)) for a in SIX_AREAS.areas),
    )
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        save_session(folder / "now.json", SIX_AREAS, artwork)
        save_session(folder / "before.json", earlier, artwork)
        pages = tuple(chart_region_ids(SIX_AREAS))
        sheets = chart_handout(folder, artwork, library, diagram)  # start-up: fonts, the SVG
        plain = HandoutRequest(pages)
        chart_ms = summary(
            timings_ms(lambda: chart_handout(folder, artwork, library, diagram), REPEAT)
        )
        pages_ms = summary(
            timings_ms(lambda: write_pdf(folder / "pages.pdf", plain, library, diagram), REPEAT)
        )
    ratio = chart_ms["median_ms"] / pages_ms["median_ms"]
    rows = [
        (f"chart handout, six areas + comparison ({sheets} sheets)", chart_ms),
        (f"the same {len(pages)} region pages without the chart", pages_ms),
    ]
    print_table("Session-chart handout PDF, written to disk (A4, clear print)", rows)
    verdict = "meets" if chart_ms["median_ms"] < TARGET_MS else "MISSES"
    print(f"\n{ratio:.2f} x the pages alone; {verdict} the {TARGET_MS:.0f} ms target")
    path = write_json(
        "chart",
        {
            "chart_handout": chart_ms,
            "pages_alone": pages_ms,
            "ratio_median": round(ratio, 2),
            "sheets": sheets,
            "target_ms": TARGET_MS,
            "meets_target": chart_ms["median_ms"] < TARGET_MS,
            "environment": {
                "python": platform.python_version(),
                "pyside6": pyside_version,
                "qt": qVersion(),
                "platform": platform.platform(),
                "repeat": REPEAT,
            },
        },
    )
    print(f"Wrote {path}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
