"""Search speed per keystroke: query typed to results shown, beside the raw SQLite query.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.search_bench``
Measures the shipped content and a generated pack 100 times larger, in one run.
Target: 95th percentile under 5 ms per keystroke on the large pack.
"""

from __future__ import annotations

import functools
import os
import platform
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from bench.contentpack import make_pack
from bench.stats import print_table, summary, timings_ms, write_json
from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.content.search import SearchIndex
from bodymap.paths import content_dir
from bodymap.ui.library_model import LibraryModel
from bodymap.ui.search_panel import SearchPanel

QUERIES = [
    "charley horse",
    "my tummy cramps when I run",
    "crick in my neck",
    "threw my back out",
    "stomache",
    "potasium",
    "massage gun",
    "when not to massage",
]


def keystrokes() -> list[str]:
    """Every prefix of every query, as typed one key at a time."""
    return [query[:end] for query in QUERIES for end in range(1, len(query) + 1)]


def measure(
    label: str, root: Path, library: ContentLibrary | None = None
) -> list[tuple[str, dict[str, float]]]:
    library = library or load_library(root)
    index = SearchIndex.open(library)
    window = QWidget()
    window.resize(1200, 800)
    panel = SearchPanel(window, LibraryModel(library), lambda: index)
    layout = QVBoxLayout(window)
    layout.addWidget(panel.field)
    layout.addStretch()
    window.show()
    typed = keystrokes()
    for text in typed[:20]:  # warm-up
        panel.run_query(text)

    def shown(text: str) -> None:
        panel.run_query(text)
        panel.popup.repaint()  # results drawn on screen, not just computed

    ui: list[float] = []
    engine: list[float] = []
    raw: list[float] = []
    for _ in range(3):
        for text in typed:
            ui += timings_ms(functools.partial(shown, text), 1)
            engine += timings_ms(functools.partial(index.search, text), 1)
            word = text.split()[-1] if text.split() else "a"
            expression = '"' + word.replace('"', '""') + '"*'
            raw += timings_ms(functools.partial(index.raw_match, expression), 1)
    window.close()
    pages = len(library.pages)
    return [
        (f"{label} ({pages} pages): keystroke to results shown", summary(ui)),
        (f"{label}: search engine only", summary(engine)),
        (f"{label}: raw SQLite FTS5 query, same index", summary(raw)),
    ]


def main() -> None:
    app = QApplication.instance() or QApplication([])
    rows = measure("shipped", content_dir())
    with tempfile.TemporaryDirectory() as folder:
        rows += measure("100x pack", make_pack(Path(folder) / "pack", 100))
    print_table("Search per keystroke", rows)
    large_ui, large_raw = rows[3][1], rows[5][1]
    ratio = large_ui["p95_ms"] / max(large_raw["p95_ms"], 1e-6)
    print(
        f"\n100x pack: p95 {large_ui['p95_ms']:.2f} ms per keystroke (target < 5 ms); "
        f"{ratio:.1f}x the raw SQLite query's p95"
    )
    write_json(
        "search",
        {
            "machine": platform.platform(),
            "python": platform.python_version(),
            "rows": {name: figures for name, figures in rows},
            "p95_ratio_to_raw": round(ratio, 2),
        },
    )
    app.quit()


if __name__ == "__main__":
    main()
