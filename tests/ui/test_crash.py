"""Unexpected errors: one calm message at a time, details on the clipboard and in the log."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from bodymap import __version__, errorlog
from bodymap.content.model import ContentLibrary
from bodymap.paths import log_file
from bodymap.ui import crash
from bodymap.ui.crash import CrashDialog, ErrorReporter
from bodymap.ui.dialogs import AboutDialog
from bodymap.ui.main_window import MainWindow


@pytest.fixture
def error_log() -> Iterator[Path]:
    path = errorlog.open_error_log()
    assert path is not None
    yield path
    errorlog.close_error_log()


@pytest.fixture
def installed(error_log: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ErrorReporter]:
    """The real hooks, as the app installs them; put back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    reporter = crash.install(error_log)
    yield reporter
    if reporter.dialog is not None:
        reporter.dialog.reject()


def open_dialogs() -> list[CrashDialog]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, CrashDialog) and widget.isVisible()
    ]


def shown_dialog(qtbot: QtBot) -> CrashDialog:
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    return open_dialogs()[0]


def raise_inside(reporter: ErrorReporter, message: str) -> None:
    """An error with a real traceback, handed over as Python hands it to sys.excepthook."""
    pages: dict[str, str] = {}
    try:
        pages[message]
    except KeyError as error:
        reporter.excepthook(KeyError, error, error.__traceback__)


def log_text(path: Path) -> str:
    for handler in errorlog.logger.handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_short_message_on_screen_full_details_in_the_log(qtbot: QtBot, error_log: Path) -> None:
    reporter = ErrorReporter(error_log)
    raise_inside(reporter, "no such page")
    dialog = shown_dialog(qtbot)
    shown = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert "unexpected problem" in shown
    assert "keep using it" in shown
    assert str(error_log) in shown  # where support can find the details
    assert "Traceback" not in shown and "KeyError" not in shown
    logged = log_text(error_log)
    assert "Traceback (most recent call last)" in logged
    assert "KeyError: 'no such page'" in logged
    assert f"BodyMap {__version__}" in logged
    dialog.reject()


def test_copy_details_puts_everything_support_needs_on_the_clipboard(
    qtbot: QtBot, error_log: Path
) -> None:
    reporter = ErrorReporter(error_log)
    raise_inside(reporter, "calf")
    dialog = shown_dialog(qtbot)
    assert dialog.status.isHidden()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    for expected in (f"BodyMap {__version__}", "Python 3.", "Qt 6.", "PySide6", "Platform:"):
        assert expected in copied
    assert "Traceback (most recent call last)" in copied
    assert "raise_inside" in copied and "KeyError: 'calf'" in copied
    assert dialog.status.isVisible()
    assert "clipboard" in dialog.status.text()
    dialog.reject()


@pytest.mark.qt_no_exception_capture
def test_error_in_a_slot_of_the_running_window_is_reported_and_the_window_goes_on(
    qtbot: QtBot, window: MainWindow, installed: ErrorReporter, error_log: Path
) -> None:
    def broken_listener(page_id: str) -> None:
        raise RuntimeError(f"listener failed on {page_id}")

    window.navigator.pageChanged.connect(broken_listener)
    rect = window.topics.visualRect(window.topics.topics.index_of("hydration"))
    qtbot.mouseClick(window.topics.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = shown_dialog(qtbot)
    assert "listener failed on hydration" in log_text(error_log)
    dialog.reject()
    window.navigator.pageChanged.disconnect(broken_listener)
    assert window.navigator.current == "hydration"  # the click still did its work
    window.navigator.open("calf")
    assert window.page_view.toPlainText().startswith("Calf")


@pytest.mark.qt_no_exception_capture
def test_a_flood_of_the_same_error_shows_one_message_and_logs_it_once(
    qtbot: QtBot, installed: ErrorReporter, error_log: Path
) -> None:
    class BrokenPainting(QWidget):
        """A paint error repeats every time the widget is drawn."""

        def paintEvent(self, event: QPaintEvent) -> None:
            raise ValueError("cannot draw the map")

    widget = BrokenPainting()
    qtbot.addWidget(widget)
    widget.show()
    dialog = shown_dialog(qtbot)
    for repeat in range(1, 21):
        widget.update()  # painted again by the event loop, failing again
        # Each repaint before the next update: updates not yet painted would merge into one.
        qtbot.waitUntil(lambda: dialog.count >= repeat)  # noqa: B023 - used at once
    assert dialog.count >= 20
    assert len(open_dialogs()) == 1
    assert "more times while this message was open" in dialog.repeats.text()
    widget.hide()
    dialog.reject()
    logged = log_text(error_log)
    assert logged.count("ValueError: cannot draw the map") == 1
    assert f"happened {dialog.count} more time(s)" in logged
    raise_inside(installed, "later")  # once closed, the next error has a message of its own
    again = shown_dialog(qtbot)
    assert again is not dialog and again.count == 0
    again.reject()


@pytest.mark.qt_no_exception_capture
def test_error_in_a_worker_thread_is_shown_by_the_window_thread(
    qtbot: QtBot, installed: ErrorReporter, error_log: Path
) -> None:
    def work() -> None:
        raise OSError("printer went away")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    dialog = shown_dialog(qtbot)
    assert dialog.thread() is QApplication.instance().thread()  # type: ignore[union-attr]
    assert "OSError: printer went away" in log_text(error_log)
    dialog.reject()


@pytest.mark.qt_no_exception_capture
def test_a_different_error_while_the_message_is_open_is_logged_not_stacked(
    qtbot: QtBot, installed: ErrorReporter, error_log: Path
) -> None:
    raise_inside(installed, "first")
    shown_dialog(qtbot)

    def second() -> None:
        raise LookupError("second")

    QTimer.singleShot(0, second)
    qtbot.waitUntil(lambda: "LookupError: second" in log_text(error_log))
    assert len(open_dialogs()) == 1


def test_a_failure_while_showing_the_message_is_logged_and_goes_no_further(
    qtbot: QtBot, error_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_dialog(*args: object) -> CrashDialog:
        raise MemoryError("no room for a dialog")

    monkeypatch.setattr(crash, "CrashDialog", broken_dialog)
    reporter = ErrorReporter(error_log)
    raise_inside(reporter, "first")  # returns normally: nothing escapes the reporter
    logged = log_text(error_log)
    assert "KeyError: 'first'" in logged
    assert "MemoryError: no room for a dialog" in logged
    assert reporter.dialog is None
    monkeypatch.undo()
    raise_inside(reporter, "second")  # and the next error is shown as usual
    shown_dialog(qtbot).reject()


def test_unwritable_log_folder_still_shows_the_message(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert errorlog.open_error_log() is None
    reporter = ErrorReporter(None)
    raise_inside(reporter, "still fine")
    dialog = shown_dialog(qtbot)
    assert "log file" not in dialog.hint.text()
    assert "KeyError: 'still fine'" in capsys.readouterr().err  # for whoever started it
    dialog.reject()


def test_the_log_rotates_and_keeps_three_old_files(error_log: Path) -> None:
    line = "x" * 1000
    for number in range(4 * errorlog.MAX_BYTES // 900):
        errorlog.log_unexpected(f"error {number}\n{line}")
    names = sorted(path.name for path in error_log.parent.iterdir())
    assert names == ["bodymap.log", "bodymap.log.1", "bodymap.log.2", "bodymap.log.3"]
    for path in error_log.parent.iterdir():
        assert path.stat().st_size <= errorlog.MAX_BYTES
    assert "error 0\n" not in log_text(error_log)  # the oldest errors have been let go


def test_about_dialog_names_the_log_file_as_selectable_text(
    qtbot: QtBot, shipped_library: ContentLibrary
) -> None:
    dialog = AboutDialog(shipped_library)
    qtbot.addWidget(dialog)
    body = dialog.findChild(QLabel, "about-body")
    assert isinstance(body, QLabel)
    assert f"Error log: {log_file()}" in body.text()
    assert log_file().is_relative_to(os.environ["XDG_DATA_HOME"])  # the data folder
    assert body.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_a_window_that_cannot_be_built_says_so_on_screen_not_only_in_a_terminal(
    qtbot: QtBot,
    error_log: Path,
    shipped_library: ContentLibrary,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bodymap.ui import app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)

    def broken_window(*_args: object, **_kwargs: object) -> MainWindow:
        raise OSError("the display went away")

    monkeypatch.setattr(app, "MainWindow", broken_window)
    seen: list[str] = []

    def read_and_close() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog)]
        visible = [d for d in dialogs if d.isVisible()]
        if not visible:
            QTimer.singleShot(20, read_and_close)
            return
        seen.extend(label.text() for label in visible[0].findChildren(QLabel))
        visible[0].reject()

    QTimer.singleShot(0, read_and_close)
    assert app.run(shipped_library) == 1
    shown = "\n".join(seen)
    assert "could not open its window" in shown
    assert str(error_log) in shown
    assert "OSError: the display went away" in log_text(error_log)
