"""Search speed per keystroke: query typed to results shown, beside the raw SQLite query.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.search_bench``
Measures the shipped content and a generated pack 100 times larger, in English and in
Spanish, in one run; Spanish is typed as the same everyday questions asked in Spanish
(``QUERIES_ES``), and its figures are given as a ratio to English's (issue #16: no worse).
Also the index opened from its cache, as the window and ``bodymap search`` open it.
Target: 95th percentile under 5 ms per keystroke on the large pack, in both languages.
"""

from __future__ import annotations

import functools
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

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
QUERIES_ES = [
    "calambre en la pierna",
    "me duele la barriga al correr",
    "tortícolis en el cuello",
    "me dio un tirón en la espalda",
    "bariga",
    "potacio",
    "pistola de masaje",
    "cuándo no dar masaje",
]
"""``QUERIES`` as a Spanish speaker asks them: the same pages sought, with the same kinds of
typo ("bariga", "potacio")."""


def keystrokes(queries: list[str] = QUERIES) -> list[str]:
    """Every prefix of every query, as typed one key at a time."""
    return [query[:end] for query in queries for end in range(1, len(query) + 1)]


class Typist:
    """One search field on a real window over ``library``, typing ``queries`` one key at a
    time; each ``type_all`` adds one round of samples (ms) to ``ui``, ``engine`` and ``raw``."""

    def __init__(self, label: str, library: ContentLibrary, queries: list[str]) -> None:
        self.label = label
        self.library = library
        self.index = SearchIndex.open(library)
        self.window = QWidget()
        self.window.resize(1200, 800)
        self.panel = SearchPanel(self.window, LibraryModel(library), lambda: self.index)
        layout = QVBoxLayout(self.window)
        layout.addWidget(self.panel.field)
        layout.addStretch()
        self.window.show()
        self.typed = keystrokes(queries)
        for text in self.typed[:20]:  # warm-up
            self.panel.run_query(text)
        self.ui: list[float] = []
        self.engine: list[float] = []
        self.raw: list[float] = []

    def _shown(self, text: str) -> None:
        self.panel.run_query(text)
        self.panel.popup.repaint()  # results drawn on screen, not just computed

    def type_all(self) -> None:
        for text in self.typed:
            self.ui += timings_ms(functools.partial(self._shown, text), 1)
            self.engine += timings_ms(functools.partial(self.index.search, text), 1)
            word = text.split()[-1] if text.split() else "a"
            expression = '"' + word.replace('"', '""') + '"*'
            self.raw += timings_ms(functools.partial(self.index.raw_match, expression), 1)

    def rows(self) -> list[tuple[str, dict[str, float]]]:
        self.window.close()
        pages = len(self.library.pages)
        return [
            (f"{self.label} ({pages} pages): keystroke to results shown", summary(self.ui)),
            (f"{self.label}: search engine only", summary(self.engine)),
            (f"{self.label}: raw SQLite FTS5 query, same index", summary(self.raw)),
        ]


def measure(
    label: str,
    root: Path,
    library: ContentLibrary | None = None,
    queries: list[str] = QUERIES,
) -> list[tuple[str, dict[str, float]]]:
    """Three rounds of typing ``queries`` into the search field over ``library``."""
    typist = Typist(label, library or load_library(root), queries)
    for _ in range(3):
        typist.type_all()
    return typist.rows()


def measure_languages(
    label: str, root: Path, libraries: dict[str, ContentLibrary] | None = None
) -> tuple[list[tuple[str, dict[str, float]]], dict[str, float]]:
    """English and Spanish search on the content in ``root``, their rounds taken in turn so
    that the shared machine's load falls on both alike: the rows, and Spanish's median and
    p95 per keystroke (results shown) and its cached index opening as ratios to English's
    ("es_to_en_p95" and the like; 1.0 is as fast, below 1 faster)."""
    libraries = libraries or {}
    english = libraries.get("en") or load_library(root)
    spanish = libraries.get("es") or load_library(root, language="es")
    typists = (Typist(label, english, QUERIES), Typist(f"{label}, Spanish", spanish, QUERIES_ES))
    for _ in range(3):
        for typist in typists:
            typist.type_all()
    rows = [row for typist in typists for row in typist.rows()]
    opened = {code: measure_open(library) for code, library in (("en", english), ("es", spanish))}
    rows += [(f"{label}: index opened from its cache", opened["en"])]
    rows += [(f"{label}, Spanish: index opened from its cache", opened["es"])]
    shown_en, shown_es = rows[0][1], rows[3][1]
    ratios = {
        "es_to_en_median": round(shown_es["median_ms"] / max(shown_en["median_ms"], 1e-6), 2),
        "es_to_en_p95": round(shown_es["p95_ms"] / max(shown_en["p95_ms"], 1e-6), 2),
        "es_to_en_open": round(opened["es"]["median_ms"] / max(opened["en"]["median_ms"], 1e-6), 2),
    }
    return rows, ratios


def measure_open(library: ContentLibrary, repeat: int = 15) -> dict[str, float]:
    """Opening the search index from its cache file (written first, as the first search
    after an edit does), as the window and ``bodymap search`` do for each language."""
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder) / f"search-{library.language}.sqlite"
        SearchIndex.open(library, cache).close()

        def opened() -> None:
            SearchIndex.open(library, cache).close()

        return summary(timings_ms(opened, repeat))


COMMAND_QUERIES = {"en": "charley horse", "es": "calambre en la pierna"}
"""What ``measure_commands`` asks ``bodymap search`` in each language."""


def measure_commands(rounds: int = 7) -> tuple[list[tuple[str, dict[str, float]]], float]:
    """``bodymap search --language xx QUERY`` as a person runs it: a new process each time,
    pages and index read from their caches (a first run writes them), English and Spanish in
    turn. The rows, and Spanish's median as a ratio to English's."""
    times: dict[str, list[float]] = {"en": [], "es": []}
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ)
        for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
            env[name] = str(Path(folder) / name)

        def run(language: str) -> None:
            command = [sys.executable, "-m", "bodymap", "search", "--language", language]
            subprocess.run([*command, COMMAND_QUERIES[language]], env=env, check=True, **QUIET)

        for language in times:  # the first run of each writes its caches
            run(language)
        for _ in range(rounds):
            for language, samples in times.items():
                samples.extend(timings_ms(functools.partial(run, language), 1))
    rows = [
        (f"bodymap search --language {code} (a new process)", summary(samples))
        for code, samples in times.items()
    ]
    ratio = rows[1][1]["median_ms"] / max(rows[0][1]["median_ms"], 1e-6)
    return rows, round(ratio, 2)


QUIET: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}


def main() -> None:
    app = QApplication.instance() or QApplication([])
    rows, shipped_ratios = measure_languages("shipped", content_dir())
    with tempfile.TemporaryDirectory() as folder:
        pack = make_pack(Path(folder) / "pack", 100, languages=("en", "es"))
        pack_rows, pack_ratios = measure_languages("100x pack", pack)
    rows += pack_rows
    command_rows, command_ratio = measure_commands()
    rows += command_rows
    print_table("Search per keystroke", rows)
    large_ui, large_raw = pack_rows[0][1], pack_rows[2][1]
    ratio = large_ui["p95_ms"] / max(large_raw["p95_ms"], 1e-6)
    print(
        f"\n100x pack: p95 {large_ui['p95_ms']:.2f} ms per keystroke (target < 5 ms); "
        f"{ratio:.1f}x the raw SQLite query's p95; Spanish p95 {pack_rows[3][1]['p95_ms']:.2f} ms"
    )
    for name, ratios in (("shipped", shipped_ratios), ("100x pack", pack_ratios)):
        print(
            f"{name}: Spanish / English per keystroke median {ratios['es_to_en_median']:.2f}x, "
            f"p95 {ratios['es_to_en_p95']:.2f}x; index from cache {ratios['es_to_en_open']:.2f}x"
        )
    print(f"bodymap search: Spanish / English per run (median) {command_ratio:.2f}x")
    write_json(
        "search",
        {
            "machine": platform.platform(),
            "python": platform.python_version(),
            "rows": {name: figures for name, figures in rows},
            "p95_ratio_to_raw": round(ratio, 2),
            "spanish_to_english": {
                "shipped": shipped_ratios,
                "100x pack": pack_ratios,
                "command": command_ratio,
            },
        },
    )
    app.quit()


if __name__ == "__main__":
    main()
