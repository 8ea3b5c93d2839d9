"""Unexpected errors become a calm message, never a traceback on screen; the app keeps running.

Every error is written to the error log (``bodymap.errorlog``) with the versions and the
traceback. The person at the desk sees a short explanation and a "Copy details" button that
puts the same details on the clipboard for an email to whoever supports BodyMap. Errors raised
in Qt slots and event handlers reach ``sys.excepthook`` in PySide6; errors in worker threads
reach ``threading.excepthook`` and are handed to the GUI thread. Only one message is shown at a
time: an error that repeats while it is open (a timer or a paint event failing over and over)
is counted, logged once, and does not stack up dialogs.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from bodymap import APP_NAME, errorlog
from bodymap.ui.i18n import QT_TRANSLATE_NOOP

EXPLANATION = QT_TRANSLATE_NOOP(
    "CrashDialog",
    "{app} hit an unexpected problem and stopped what it was doing. "
    "You can keep using it; if something looks wrong, close it and open it again.",
)
START_FAILED = QT_TRANSLATE_NOOP(
    "CrashDialog",
    "{app} could not open its window because of an unexpected problem. "
    "Please try again; if it happens again, nothing you saved is lost.",
)


class CrashDialog(QDialog):
    """A short explanation; the technical details go to the clipboard and the log only."""

    def __init__(
        self,
        trace: str,
        details: str,
        log_path: Path | None,
        parent: QWidget | None = None,
        explanation: str = EXPLANATION,
    ) -> None:
        super().__init__(parent)
        self.trace = trace
        self.details = details
        self.setObjectName("crash-dialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        icon = QLabel()
        # Here, not at the top: PySide takes ~4 ms to make the QStyle class, before the first
        # frame, which needs none of it.
        from PySide6.QtWidgets import QStyle  # noqa: PLC0415

        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(size, size))
        self.message = self._label(
            QCoreApplication.translate("CrashDialog", explanation).format(app=APP_NAME)
        )
        hint = self.tr(
            "If it keeps happening, press Copy details and paste them into an email to "
            "whoever supports {app}."
        ).format(app=APP_NAME)
        if log_path:
            hint += " " + self.tr("The details are also saved in the log file:\n{file}").format(
                file=log_path
            )
        self.hint = self._label(hint)
        self.repeats = self._label("")
        self.repeats.hide()
        self.status = self._label("")
        self.status.setObjectName("crash-status")
        self.status.hide()
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        text = QVBoxLayout()
        for label in (self.message, self.hint, self.repeats, self.status):
            text.addWidget(label)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        # The dialog follows its text: shorter than Qt's first guess for wrapped labels, and
        # taller when the "copied" or "happened again" line appears.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self.count = 0

    @staticmethod
    def _label(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setMinimumWidth(420)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @Slot()
    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.status.setText(
            self.tr("The details are on the clipboard, ready to paste into an email.")
        )
        self.status.show()

    def count_repeat(self) -> None:
        self.count += 1
        self.repeats.setText(
            self.tr("It happened once more while this message was open.")
            if self.count == 1
            else self.tr("It happened %n more times while this message was open.", "", self.count)
        )
        self.repeats.show()


def versions() -> list[str]:
    return [f"Qt {qVersion()}, PySide6 {PySide6.__version__}"]


class ErrorReporter(QObject):
    """Logs every unexpected error and shows one message at a time, from any thread."""

    errorRaised = Signal(str)  # the traceback

    def __init__(self, log_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.dialog: CrashDialog | None = None
        self._reporting = False
        # A signal, so an error in a worker thread is shown by the GUI thread (queued).
        self.errorRaised.connect(self.report)

    def excepthook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal that started it
            QApplication.quit()
            return
        self.errorRaised.emit(errorlog.error_trace(kind, error, trace))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return
        error = args.exc_value if args.exc_value is not None else RuntimeError(args.exc_type)
        self.errorRaised.emit(errorlog.error_trace(args.exc_type, error, args.exc_traceback))

    @Slot(str)
    def report(self, trace: str) -> None:
        if self._reporting:  # an error while showing an error: the log has it, never loop
            self._log(trace)
            return
        self._reporting = True
        try:
            self._report(trace)
        except Exception as error:  # the message itself failed; keep the app and the log
            self._log(errorlog.error_trace(type(error), error, error.__traceback__))
        finally:
            self._reporting = False

    def _report(self, trace: str) -> None:
        if self.dialog is not None and not isValid(self.dialog):
            self.dialog = None  # closed along with the window it belonged to
        if self.dialog is not None and trace == self.dialog.trace:
            self.dialog.count_repeat()  # logged once, with the count, when it closes
            return
        details = self._log(trace)
        if self.dialog is not None or QApplication.instance() is None:
            return  # one message at a time; this one is in the log
        self.dialog = CrashDialog(trace, details, self.log_path, QApplication.activeWindow())
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def report_start_failure(self, error: BaseException) -> None:
        """Before the window exists: log it, show the message and wait until it is closed.

        Someone who started the app from a desktop icon has no terminal to read.
        """
        trace = errorlog.error_trace(type(error), error, error.__traceback__)
        details = self._log(trace)
        if QApplication.instance() is None:
            return
        try:
            CrashDialog(trace, details, self.log_path, explanation=START_FAILED).exec()
        except Exception as failure:  # the message itself failed: the log still has both
            self._log(errorlog.error_trace(type(failure), failure, failure.__traceback__))

    def _log(self, trace: str) -> str:
        details = errorlog.describe_environment(versions()) + trace
        if errorlog.log_unexpected(details) is None:
            print(details, file=sys.stderr)
        return details

    @Slot()
    def _closed(self) -> None:
        if self.dialog is not None and self.dialog.count:
            errorlog.log_repeats(self.dialog.count)
        self.dialog = None


_reporter: list[ErrorReporter] = []


def install(log_path: Path | None) -> ErrorReporter:
    """Route every unexpected error, in any thread, to one reporter for the app's lifetime."""
    reporter = ErrorReporter(log_path)
    _reporter[:] = [reporter]
    sys.excepthook = reporter.excepthook
    threading.excepthook = reporter.thread_excepthook
    return reporter
