"""The soak benchmark's own machinery, at a tiny scale, so it cannot rot between real runs.

Nothing here is timed: the soak's figures come from ``python -m bench.soak``.
"""

from __future__ import annotations

import dataclasses
import errno
import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, Signal, qWarning
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from bench import soak
from bench.soak_driver import QT_NOISE, Recorder
from bodymap import fileio
from bodymap.artwork import read_artwork
from bodymap.paths import artwork_file
from bodymap.ui.body_map import BodyMapWidget

SMALL = soak.Plan(
    selections=50,
    searches=50,
    exports=2,
    warm_selections=10,
    warm_searches=10,
    warm_exports=1,
    rounds=2,
)


def test_a_short_soak_drives_the_real_window_without_a_problem(
    qtbot: QtBot, tmp_path: Path
) -> None:
    report = soak.run(SMALL, tmp_path / "exports")
    assert report.errors == 0, report.messages
    assert [phase.name for phase in report.phases] == ["warm-up", "round 1", "round 2"]
    assert report.done["selections"] == 50 and report.done["searches"] == 50
    assert report.done["exports"] == 2 and report.done["sheets"] >= 2
    assert report.done["map clicks"] > 20 and report.done["topics"] > 0
    assert report.done["back/forward"] > 0 and report.done["results opened"] > 0
    assert set(read_artwork(artwork_file()).region_ids) <= set(
        report.pages_seen
    )  # every region clicked on the map
    assert report.paints["map"] > 0 and report.paints["page"] > 0
    assert report.warm is not None and report.end is not None and report.end.rss_mb > 0
    assert report.leftovers == []  # each PDF checked, then removed
    written = soak.as_json(report, 1.0)
    assert written["errors"] == 0 and written["passed"] is report.passed
    assert written["done"] == report.done and written["phases"] == [
        dataclasses.asdict(phase) for phase in report.phases
    ]


def test_a_wrong_map_highlight_is_counted(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(BodyMapWidget, "set_selected", lambda self, region_id, side=None: None)
    plan = soak.Plan(10, 0, 0, 5, 0, 0, rounds=1)
    report = soak.run(plan, tmp_path / "exports")
    assert report.errors > 0 and not report.passed
    assert any("map highlights (None, None)" in message for message in report.messages)


def test_a_failed_export_and_its_dialog_are_counted(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", disk_full)
    report = soak.run(soak.Plan(0, 0, 1, 0, 0, 1, rounds=1), tmp_path / "exports")
    assert report.errors == 2, report.messages
    dialog, failure = report.messages
    assert dialog.startswith("a dialog appeared: 'Could not save the handout'")
    assert "The disk is full" in dialog
    assert failure.startswith("export of (") and "failed" in failure
    assert report.leftovers == []  # no half-written file either


class Emitter(QObject):
    fired = Signal()


def test_the_recorder_counts_what_a_user_would_see_go_wrong(qtbot: QtBot) -> None:
    emitter = Emitter()

    def broken_slot() -> None:
        raise ValueError("a slot went wrong")

    emitter.fired.connect(broken_slot)
    with Recorder() as recorder:
        qWarning(QT_NOISE[0])  # the offscreen platform's own chatter does not count
        qWarning("QLayout: a layout problem")
        emitter.fired.emit()
        warnings.warn("an old API", DeprecationWarning, stacklevel=1)
        QTimer.singleShot(0, lambda: QMessageBox.warning(None, "Oops", "Something happened"))
        qtbot.waitUntil(lambda: recorder.count == 3)
        recorder.collect_warnings()
    assert recorder.count == 4, recorder.messages
    qt, slot, dialog, warning = recorder.messages
    assert qt == "Qt QtWarningMsg: QLayout: a layout problem"
    assert slot.startswith("exception ValueError: a slot went wrong at test_soak.py:")
    assert dialog == "a dialog appeared: 'Oops' Something happened"
    assert warning == "Python warning: DeprecationWarning: an old API"


def test_the_plan_splits_the_work_without_losing_any() -> None:
    plan = soak.Plan()
    for scaled in (plan, plan.scaled(0.1), plan.scaled(0.003)):
        rounds = scaled.soak_rounds()
        assert len(rounds) == scaled.rounds
        for name, total in (
            ("select", scaled.selections),
            ("search", scaled.searches),
            ("export", scaled.exports),
        ):
            assert scaled.warm_up()[name] + sum(r[name] for r in rounds) == total
    assert plan.warm_up() == {"select": 1_000, "search": 500, "export": 10}
    assert (plan.selections, plan.searches, plan.exports) == (10_000, 10_000, 200)
