"""Unexpected errors become a calm dialog, never a traceback on screen; the app keeps running."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication


def show_unexpected_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    details = "".join(traceback.format_exception(kind, error, trace))
    print(details, file=sys.stderr)
    if QApplication.instance() is None:
        return
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - not needed until something fails

    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Something went wrong")
    box.setText("BodyMap hit an unexpected problem. You can keep using the app.")
    box.setInformativeText(
        "If it happens again, please send the details to whoever supports BodyMap."
    )
    box.setDetailedText(details)
    box.exec()


def install() -> None:
    sys.excepthook = show_unexpected_error
