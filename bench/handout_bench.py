"""Handout speed: time to write the PDF for one region and for all six, beside a plain print.

Run: ``.venv/bin/python bench/handout_bench.py`` (or ``-m bench.handout_bench``); no display
is needed. After one warm-up (start-up: fonts, the SVG), each measure is repeated and the
median and 95th percentile printed. The baseline prints the same text as one plain
QTextDocument (``QTextDocument.print_``) to a QPdfWriter and saves it the same way, so the
ratio is the cost of the leaflet layout: measuring blocks, fitting one page, the diagram.
Targets (clear print, the default): one region under 150 ms, all six under 600 ms; large print
is measured the same way and reported. Writes bench/results/handout.json.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication, QTextDocument

from bench.stats import print_table, summary, timings_ms, write_json
from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.fileio import atomic_write_bytes
from bodymap.handout.compose import HandoutRequest, compose_handout, plain_html
from bodymap.handout.pdf import pdf_bytes, write_pdf
from bodymap.handout.typeset import handout_font_family
from bodymap.paths import content_dir
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.settings import PrintSize

REPEAT = 21
ONE_REGION = ("calf",)  # the longest region page
TARGETS_MS = {"one region": 150.0, "all six regions": 600.0}


def plain_print(request: HandoutRequest, library: ContentLibrary, target: Path) -> None:
    """The baseline: the same words as one QTextDocument, printed and saved the same way."""
    handout = compose_handout(request, library)
    document = QTextDocument()
    document.setHtml(plain_html(handout))
    data, _ = pdf_bytes(handout.title, request.paper_size, "BodyMap", document.print_)
    atomic_write_bytes(target, data)


def measure_handouts(
    library: ContentLibrary, diagram: BodyDiagram, repeat: int = REPEAT
) -> tuple[list[tuple[str, dict[str, float]]], dict[str, object]]:
    """Time one region's and all six regions' handouts beside the plain print of the same text."""
    regions = tuple(page.id for page in library.regions)
    cases = {"one region": ONE_REGION, "all six regions": regions}
    rows: list[tuple[str, dict[str, float]]] = []
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "handout.pdf"
        write_pdf(target, HandoutRequest(ONE_REGION), library, diagram)  # start-up
        plain_print(HandoutRequest(ONE_REGION), library, target)
        for size in PrintSize:
            for name, ids in cases.items():
                request = HandoutRequest(ids, paper_size="A4", print_size=size)
                sheets = write_pdf(target, request, library, diagram).sheets
                handout = summary(
                    timings_ms(partial(write_pdf, target, request, library, diagram), repeat)
                )
                baseline = summary(
                    timings_ms(partial(plain_print, request, library, target), repeat)
                )
                ratio = handout["median_ms"] / baseline["median_ms"]
                label = f"{name}, {size.value} print"
                rows.append((f"handout PDF, {label} ({sheets} sheets)", handout))
                rows.append((f"plain QTextDocument.print_, {label}", baseline))
                results[label] = {
                    "pages": list(ids),
                    "sheets": sheets,
                    "handout": handout,
                    "plain_print": baseline,
                    "ratio_median": round(ratio, 2),
                    "target_ms": TARGETS_MS[name] if size is PrintSize.CLEAR else None,
                    "meets_target": (
                        handout["median_ms"] < TARGETS_MS[name] if size is PrintSize.CLEAR else None
                    ),
                }
    return rows, results


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    library = load_library(content_dir())
    diagram = BodyDiagram()
    regions = tuple(page.id for page in library.regions)
    rows, results = measure_handouts(library, diagram)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "handout.pdf"
        sizes = {}
        for size in PrintSize:
            for paper in ("A4", "Letter"):
                for region in regions:
                    request = HandoutRequest((region,), paper_size=paper, print_size=size)
                    result = write_pdf(target, request, library, diagram)
                    sizes[f"{region} {paper} {size.value}"] = {
                        "pages": result.sheets,
                        "body_pt": result.body_sizes[0],
                    }
    print_table("Handout PDF, written to disk (A4, no clinic details)", rows)
    print()
    for label, entry in results.items():
        assert isinstance(entry, dict)
        verdict = (
            "no target"
            if entry["meets_target"] is None
            else ("meets" if entry["meets_target"] else "MISSES")
            + f" the {entry['target_ms']:.0f} ms target"
        )
        print(f"{label:30} {entry['ratio_median']:5.2f} x the plain print; {verdict}")
    print("\nSheets per region (body size in pt):")
    for key, value in sizes.items():
        print(f"  {key:24} {value['body_pt']:4.1f} pt  {value['pages']} sheet(s)")
    results["fit"] = sizes
    results["environment"] = {
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "qt": qVersion(),
        "platform": platform.platform(),
        "font": handout_font_family(),
        "repeat": REPEAT,
    }
    path = write_json("handout", results)
    print(f"\nWrote {path}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
