"""Chart mode: a click that marks an area, and a digit that scores it, to the map painted.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.chart_mark`` (also part of
``python -m bench``). The window is the real one (``bodymap.ui.app.build_window``) on the
shipped content, chart mode on (its panel and code made before the first sample). Each
"mark" sample is one ``QTest.mouseClick`` inside an unmarked outline, until the body map has
finished a paint event showing the area in its score's colour with its badge (the click also
opens the area's page, as outside chart mode; that page's own paint is the region-click
benchmark's); each "score" sample is one digit key on that outline until both the map and the
chart panel's list of areas are repainted.
Between samples (not timed) the mark is undone, 40 ms apart, round every outline. The first
round is a warm-up. Target: p95 under 16 ms (one frame at 60 Hz). Writes
bench/results/chart_mark.json.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest

from bench.selection import CLICK_GAP_MS, PAINT_TIMEOUT_S, PaintClock, inside
from bench.stats import print_table, summary, write_json
from bodymap.content.model import ContentLibrary
from bodymap.ui.app import build_window
from bodymap.ui.body_map import RegionButton

TARGET_P95_MS = 16.0


def _wait(watcher: PaintClock, start: float, what: str) -> float:
    while not watcher.all_painted():
        QCoreApplication.processEvents()
        if time.perf_counter() - start > PAINT_TIMEOUT_S:
            raise RuntimeError(f"nothing was repainted after {what}")
    return (max(watcher.finished.values()) - start) * 1000


def measure_marking(library: ContentLibrary, rounds: int) -> dict[str, list[float]]:
    """Milliseconds from each marking click, and each score digit, to their paints done."""
    window = build_window(library)
    window.resize(1280, 860)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.chart_mode.chart_action.trigger()
    session = window.chart_mode.session
    QTest.qWait(100)
    marked = PaintClock([window.body_map])
    scored = PaintClock([window.body_map, session.panel.areas])
    order: list[RegionButton] = list(window.body_map.buttons)
    points = {button: inside(button) for button in order}
    samples: dict[str, list[float]] = {"mark": [], "score": []}
    for number in range(rounds + 1):
        for button in order:
            key = (button.region_id, button.side)
            QTest.qWait(CLICK_GAP_MS)
            marked.reset()
            start = time.perf_counter()
            QTest.mouseClick(
                button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[button]
            )
            mark_ms = _wait(marked, start, "a marking click")
            if session.chart.area(key) is None:
                raise RuntimeError(f"clicking {button.objectName()} did not mark it")
            QTest.qWait(CLICK_GAP_MS)
            scored.reset()
            start = time.perf_counter()
            QTest.keyClick(button, Qt.Key.Key_8)
            score_ms = _wait(scored, start, "a score digit")
            area = session.chart.area(key)
            if area is None or area.score != 8:
                raise RuntimeError(f"typing 8 on {button.objectName()} did not score it")
            session.stack.undo()  # the score
            session.stack.undo()  # the mark
            if number > 0:
                samples["mark"].append(mark_ms)
                samples["score"].append(score_ms)
    session.stack.setClean()
    window.close()
    return samples


def main() -> int:
    import tempfile  # noqa: PLC0415

    scratch = Path(tempfile.mkdtemp(prefix="bodymap-bench-"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(scratch / "config"))  # never the user's
    os.environ.setdefault("XDG_CACHE_HOME", str(scratch / "cache"))
    from bodymap.content.cache import load_library_cached  # noqa: PLC0415
    from bodymap.paths import content_cache, content_dir  # noqa: PLC0415
    from bodymap.ui.app import make_application  # noqa: PLC0415

    app = make_application([sys.argv[0]])
    library = load_library_cached(content_dir(), content_cache(content_dir()))
    samples = measure_marking(library, rounds=20)
    rows = [
        ("mark an area (click) to map painted", summary(samples["mark"])),
        ("score it (digit) to map + panel painted", summary(samples["score"])),
    ]
    print_table("Chart mode, to painted", rows)
    path = write_json("chart_mark", {"target_p95_ms": TARGET_P95_MS, **dict(rows)})
    print(f"Target p95 < {TARGET_P95_MS:.0f} ms. Wrote {path}")
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
