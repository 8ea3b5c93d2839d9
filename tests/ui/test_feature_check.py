"""PySide6's look at each newly imported module gives the same answers without keeping the
module's source in memory (``bodymap.qtshared.feature_check``)."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from bodymap.qtshared import feature_check


@pytest.fixture
def feature() -> object:
    assert feature_check.quicken()  # this PySide6 has the check (6.4 and later)
    return sys.modules[feature_check.FEATURE_MODULE]


def test_the_quick_check_agrees_with_pysides_own_for_every_loaded_module(feature: object) -> None:
    quick = getattr(feature, feature_check.CHECK)
    original = quick.original
    modules = [m for m in list(sys.modules.values()) if m is not None]
    assert len(modules) > 100
    assert [m.__name__ for m in modules if quick(m) != original(m)] == []
    assert quick(sys.modules["bodymap.ui.body_map"]) is True  # uses PySide6
    assert quick(sys.modules["bodymap.content.model"]) is False  # the Qt-free core


def test_an_imported_module_is_sorted_without_its_source_kept(
    feature: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "uses_qt_here.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain_here.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("uses_qt_here", "plain_here"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        __import__(name)  # the statement `import`, which PySide hooks
    table = feature.pyside_feature_dict  # type: ignore[attr-defined]
    assert table["uses_qt_here"] == 0  # may switch PySide features: PySide's own answer
    assert table["plain_here"] == -1  # ignored by PySide
    assert not any(str(tmp_path) in name for name in linecache.cache)


def test_quicken_twice_wraps_once(feature: object) -> None:
    first = getattr(feature, feature_check.CHECK)
    assert feature_check.quicken()
    assert getattr(feature, feature_check.CHECK) is first
