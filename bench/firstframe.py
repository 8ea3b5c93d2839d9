"""Start a window and report when its first frame is painted (a benchmark child process).

Run by ``bench.startup``, never by hand. ``app [ARGS...]`` starts BodyMap through its real
entry point (``bodymap.cli.main``: argument checks, content loading, window building);
``bare`` starts a plain PySide6 window (a QMainWindow with a label) the same way. One JSON line
goes to stdout: ``time.monotonic()`` when the watched widget's first paint event has finished
(the body map for the app, the label for the bare window; monotonic time is one clock for all
processes, so the parent subtracts the moment it spawned this one), the CPU time used by then,
the peak resident memory then and after the window has settled, and the modules loaded at the
first frame.

The only hook is a wrapper around the watched widget's ``paintEvent``, installed before the
start-up path runs; it adds nothing to the product.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SETTLE_MS = 400


def _peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def _cpu_ms() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return (usage.ru_utime + usage.ru_stime) * 1000


class _Report:
    """Collects the first-frame moment, then prints once the window has settled and quits."""

    def __init__(self) -> None:
        self.done = False

    def first_frame(self) -> None:
        if self.done:
            return
        self.done = True
        painted = time.monotonic()
        figures: dict[str, Any] = {
            "painted": painted,
            "cpu_ms": _cpu_ms(),
            "rss_first_kib": _peak_rss_kib(),
            "modules": sorted(sys.modules),
        }
        from PySide6.QtCore import QCoreApplication, QTimer  # noqa: PLC0415 - already loaded

        def settled() -> None:
            figures["rss_settled_kib"] = _peak_rss_kib()
            print(json.dumps(figures), flush=True)
            QCoreApplication.exit(0)

        QTimer.singleShot(SETTLE_MS, settled)


def _watch(cls: Any, report: _Report) -> None:
    """Call ``report.first_frame`` after the first ``paintEvent`` of ``cls`` has finished."""
    original: Callable[[Any, Any], None] = cls.paintEvent

    def paintEvent(self: Any, event: Any) -> None:
        original(self, event)
        report.first_frame()

    cls.paintEvent = paintEvent


def run_app(arguments: list[str]) -> int:
    from bodymap.cli import main  # noqa: PLC0415
    from bodymap.ui.body_map import BodyMapWidget  # noqa: PLC0415

    _watch(BodyMapWidget, _Report())
    return main(arguments)


def run_bare() -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: PLC0415

    class Label(QLabel):
        pass

    _watch(Label, _Report())
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.setCentralWidget(Label("A bare PySide6 window"))
    screen = window.screen().availableGeometry()  # the app's default size: as many pixels
    window.resize(min(1280, int(screen.width() * 0.9)), min(860, int(screen.height() * 0.9)))
    window.show()
    return app.exec()


def main() -> int:
    kind, *arguments = sys.argv[1:]
    return run_app(arguments) if kind == "app" else run_bare()


if __name__ == "__main__":
    sys.exit(main())
