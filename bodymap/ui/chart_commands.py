"""The session chart's edits on Qt's undo stack: a thin adapter over ``chart.model.Edit``.

``ChartDocument`` holds the chart being edited and says when it changed; ``ChartCommand``
applies one ``Edit`` to it through a QUndoStack, so Undo/Redo in the Edit menu and Ctrl+Z
walk back and forth through the marks, scores, kinds and notes. Score changes on one area
in a row merge into one step (a spin box sends one per click).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from bodymap.chart.model import Edit, SessionChart, merged

MERGEABLE_ID = 0x43484152  # "CHAR": QUndoStack merges commands with the same id (not -1)


class ChartDocument(QObject):
    """The chart being edited; ``changed`` is emitted after every edit, undo and redo."""

    changed = Signal()

    def __init__(self, chart: SessionChart, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._chart = chart

    @property
    def chart(self) -> SessionChart:
        return self._chart

    def replace(self, chart: SessionChart) -> None:
        """Show another chart (one just opened, or a step of undo or redo)."""
        self._chart = chart
        self.changed.emit()


class ChartCommand(QUndoCommand):
    """One ``Edit`` of a ``ChartDocument`` on a QUndoStack; its text is ``describe(edit)``
    (the window's words for it, ``chart_words.edit_text``), else the edit's English label."""

    def __init__(
        self,
        document: ChartDocument,
        edit: Edit,
        describe: Callable[[Edit], str] | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.edit = edit
        self.describe = describe or (lambda edit: edit.label)
        self.retitle()

    def retitle(self) -> None:
        """Name the step again (after a language switch: "Marcar pantorrilla…")."""
        self.setText(self.describe(self.edit))

    def redo(self) -> None:
        self.document.replace(self.edit.redo(self.document.chart))

    def undo(self) -> None:
        self.document.replace(self.edit.undo(self.document.chart))

    def id(self) -> int:
        return MERGEABLE_ID if self.edit.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Fold a following score change of the same area into this step."""
        if not isinstance(other, ChartCommand) or other.document is not self.document:
            return False
        if self.edit.merge_key is None or other.edit.merge_key != self.edit.merge_key:
            return False
        self.edit = merged(self.edit, other.edit)
        self.retitle()
        return True
