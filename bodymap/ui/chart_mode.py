"""Chart mode's menu items and toolbar toggle, light enough to build with the window.

The session chart itself (its model, FHIR files, comparison, the panel) is loaded only when
one of these actions is first used (``ui/chart_session.py``), so start-up never pays for it.
The main window only puts the actions in its menus and asks ``title`` for its window title
and ``confirm_close`` before it closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from bodymap.artwork import Artwork
from bodymap.ui.body_map import BodyMapWidget
from bodymap.ui.handout import HandoutController
from bodymap.ui.i18n import live
from bodymap.ui.library_model import LibraryModel

if TYPE_CHECKING:
    from bodymap.ui.chart_session import ChartSession


class ChartMode(QObject):
    """The chart actions (toggle, new client, open, save, compare, handout, undo and redo)
    and the session they make on first use."""

    def __init__(
        self,
        window: QMainWindow,
        body_map: BodyMapWidget,
        handout: HandoutController,
        library: LibraryModel,
        artwork: Artwork,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.body_map = body_map
        self.handout = handout
        self.library = library
        self.artwork = artwork
        self.base_title = ""
        self._session: ChartSession | None = None
        key = QKeySequence
        self.chart_action = self._action(None, [key("Ctrl+M")])
        self.chart_action.setCheckable(True)
        self.chart_action.triggered.connect(self._toggled)
        self.chart_action.setObjectName("chart-mode")
        self.new_action = self._action(lambda s: s.new_client(), [key("Ctrl+Shift+N")])
        self.open_action = self._action(lambda s: s.open_session(), [key(key.StandardKey.Open)])
        self.save_action = self._action(lambda s: s.save(), [key(key.StandardKey.Save)])
        self.save_as_action = self._action(lambda s: s.save_as(), [key("Ctrl+Shift+S")])
        self.compare_action = self._action(lambda s: s.compare_with())
        self.clear_compare_action = self._action(lambda s: s.clear_comparison())
        self.clear_compare_action.setEnabled(False)
        self.preview_action = self._action(lambda s: s.preview_handout())
        self.export_action = self._action(lambda s: s.export_handout())
        self.print_action = self._action(lambda s: s.print_handout())
        self.undo_action = self._action(lambda s: s.stack.undo(), [key(key.StandardKey.Undo)])
        self.redo_action = self._action(
            lambda s: s.stack.redo(),
            [key(key.StandardKey.Redo), key("Ctrl+Shift+Z"), key("Ctrl+Y")],
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.handout_menu: QMenu | None = None
        live(self, self._retranslate)

    def _retranslate(self) -> None:
        """The actions' texts in the interface's language (again after a switch)."""
        self.chart_action.setText(self.tr("&Chart Session"))
        self.chart_action.setToolTip(
            self.tr("Chart this session: clicks mark where it hurts, with a score (Ctrl+M)")
        )
        self.new_action.setText(self.tr("&New Client"))
        self.open_action.setText(self.tr("&Open Session…"))
        self.save_action.setText(self.tr("&Save Session"))
        self.save_as_action.setText(self.tr("Save Session &As…"))
        self.compare_action.setText(self.tr("Co&mpare With Earlier Session…"))
        self.clear_compare_action.setText(self.tr("C&lear Comparison"))
        self.preview_action.setText(self.tr("Chart Handout Pre&view…"))
        self.export_action.setText(self.tr("&Export Chart Handout as PDF…"))
        self.print_action.setText(self.tr("&Print Chart Handout…"))
        if self.handout_menu is not None:
            self.handout_menu.setTitle(self.tr("Chart &Handout"))
        self.retitle_undo()

    def retitle_undo(self) -> None:
        """Undo and Redo named after the step they take ("&Undo Mark left calf"), in the
        interface's language; plain "&Undo" / "&Redo" with nothing to take."""
        stack = self._session.stack if self._session is not None else None
        undo = stack.undoText() if stack is not None else ""
        redo = stack.redoText() if stack is not None else ""
        self.undo_action.setText(
            self.tr("&Undo {what}").format(what=undo) if undo else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo {what}").format(what=redo) if redo else self.tr("&Redo")
        )

    def _action(
        self,
        run: Callable[[ChartSession], object] | None,
        shortcuts: list[QKeySequence] | None = None,
    ) -> QAction:
        """An action of the window (its text is set by ``_retranslate``)."""
        action = QAction(self)
        unique: list[QKeySequence] = []
        for shortcut in shortcuts or []:
            if not shortcut.isEmpty() and shortcut not in unique:
                unique.append(shortcut)
        action.setShortcuts(unique)
        if run is not None:
            action.triggered.connect(lambda: run(self.session))
        self.window.addAction(action)
        return action

    @property
    def session(self) -> ChartSession:
        """The session chart, made (with its model and panel) the first time it is wanted."""
        if self._session is None:
            from bodymap.ui.chart_session import ChartSession  # noqa: PLC0415 - first use only

            self._session = ChartSession(self, self)
        return self._session

    @property
    def started(self) -> bool:
        """Whether any chart action was used yet."""
        return self._session is not None

    @Slot(bool)
    def _toggled(self, on: bool) -> None:
        self.session.set_active(on)

    def add_to(self, file_menu: QMenu, edit_menu: QMenu, view_menu: QMenu, bar: QToolBar) -> None:
        """Put the actions in the window's menus (at the top of File and Edit) and toolbar."""
        first = file_menu.actions()[0]
        for action in (self.new_action, self.open_action, self.save_action, self.save_as_action):
            file_menu.insertAction(first, action)
        file_menu.insertSeparator(first)
        for action in (self.compare_action, self.clear_compare_action):
            file_menu.insertAction(first, action)
        handout_menu = self.handout_menu = QMenu(self.tr("Chart &Handout"), file_menu)
        handout_menu.addActions([self.preview_action, self.export_action, self.print_action])
        file_menu.insertMenu(first, handout_menu)
        file_menu.insertSeparator(first)
        first = edit_menu.actions()[0]
        edit_menu.insertActions(first, [self.undo_action, self.redo_action])
        edit_menu.insertSeparator(first)
        view_menu.insertAction(view_menu.actions()[0], self.chart_action)
        bar.addSeparator()
        bar.addAction(self.chart_action)

    def title(self, base: str) -> str:
        """The window title: ``base`` ("Left calf — BodyMap"), after the session file's name
        and the modified marker while a session is charted. Never the client's name."""
        self.base_title = base
        if self._session is None:
            return base
        return self._session.title(base)

    def confirm_close(self) -> bool:
        """Ask to save an unsaved chart; False when the person cancels closing."""
        return self._session is None or self._session.ask_to_save(self.tr("closing BodyMap"))
