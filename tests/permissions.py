"""The app's side of the permission tests, run in a child that file permissions bind.

The tests (tests/content/test_search_cache.py, tests/ui/test_settings_recovery.py) set the
files up and take their permissions away; this child then does what the app does with them and
prints a JSON report for the test to check. It runs through ``child_python`` with
``unprivileged=True``, so the tests run as root too (as in CI), where permissions bind only
for a child without root's overriding capabilities (see tests/children.py).

Run as ``python -m tests.permissions MODE ...``:
  search CACHE_FILE     open the search index for the shipped content with its cache at
                        CACHE_FILE, and search for "charley horse"
  settings [save]       start twice as the app starts (check the settings file), read the
                        settings as the app then does, and with ``save`` save some and read back
Every report says whether permissions bound this process at all (``binds``).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.children import ChildPython


def permissions_bind() -> bool:
    """Whether a file this process may not read really cannot be read."""
    with tempfile.TemporaryDirectory(dir=os.environ.get("HOME")) as folder:
        probe = Path(folder) / "probe"
        probe.write_text("x", encoding="utf-8")
        probe.chmod(0)
        try:
            with probe.open(encoding="utf-8"):
                return False
        except PermissionError:
            return True
        finally:
            probe.chmod(0o600)


class _Notes(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.notes: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.notes.append(record.getMessage())


def search(cache: Path) -> dict[str, Any]:
    """Search with the cache where it cannot (perhaps) be written."""
    from bodymap.content.loader import load_library
    from bodymap.content.search import SearchIndex
    from bodymap.paths import content_dir

    notes = _Notes()
    logger = logging.getLogger("bodymap")
    logger.addHandler(notes)
    logger.setLevel(logging.INFO)
    index = SearchIndex.open(load_library(content_dir()), cache)
    results = index.search("charley horse").results
    index.close()
    return {"first_result": results[0].id if results else None, "log": notes.notes}


def settings(save: bool) -> dict[str, Any]:
    """Start as the app does, twice, and report what it said and what it then read."""
    from PySide6.QtCore import QSettings

    from bodymap.qtshared.settings import open_settings, open_store
    from bodymap.ui.settings_recovery import check_settings

    report: dict[str, Any] = {"file": open_store().fileName()}
    first = check_settings()
    report["first"] = None if first is None else first.text
    app_settings = open_settings()
    report["read"] = {
        "appearance": app_settings.appearance,
        "geometry": None if app_settings.geometry is None else "set",
        "last_page": app_settings.last_page,
        "basket": app_settings.basket,
        "clinic_name": app_settings.clinic.name,
    }
    del app_settings
    second = check_settings()
    report["second"] = None if second is None else second.text
    if save:
        app_settings = open_settings()
        app_settings.basket = ["foot"]
        app_settings.appearance = "light"
        app_settings.sync()
        store = app_settings.store
        assert isinstance(store, QSettings)
        reread = QSettings(store.fileName(), QSettings.Format.IniFormat)
        report["saved"] = {
            "status": store.status().name,
            "basket": reread.value("handout/basket"),
            "appearance": reread.value("view/appearance"),
        }
    return report


def run_bound(child_python: ChildPython, *args: str | Path) -> dict[str, Any]:
    """Run ``python -m tests.permissions ARGS`` in a child that permissions bind; its report."""
    done = child_python.run("-m", "tests.permissions", *args, unprivileged=True)
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    assert report["binds"], "file permissions did not bind the child, so it tested nothing"
    return report


def main(argv: list[str]) -> int:
    """Run one mode and print its report as one line of JSON."""
    mode, *args = argv
    report: dict[str, Any] = {"binds": permissions_bind()}
    if mode == "search":
        report.update(search(Path(args[0])))
    elif mode == "settings":
        report.update(settings(save=args == ["save"]))
    else:
        print(f"unknown mode {mode}", file=sys.stderr)
        return 2
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
