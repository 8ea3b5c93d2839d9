"""A session chart in the window: marking on the map, the chart panel, undo, files, handout.

``ChartSession`` is made by ``ChartMode`` the first time a chart action is used. It holds the
chart (``ChartDocument``) and its QUndoStack, the session file's path, the earlier session
being compared with, and the area chosen in the panel. Every change goes through one
``Edit`` on the stack, so Undo and Redo walk every mark, score, kind, note and removal; the
map's marks, the panel and the window title follow the document's ``changed`` signal.

Privacy: the client's name, notes and scores live in memory and in the files the person
saves or exports. Nothing here writes settings (not even a recent-files list or a folder),
and the window title names the session file, never the client.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QStandardPaths, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from bodymap import APP_NAME
from bodymap.artwork import Artwork
from bodymap.chart.compare import Comparison, compare
from bodymap.chart.fhir import SessionFileError, read_session, save_session
from bodymap.chart.model import (
    AreaKey,
    ChartError,
    Edit,
    MarkedArea,
    SessionChart,
    change_area_note,
    change_client_name,
    change_frequency,
    change_kind,
    change_score,
    change_session_note,
    mark_area,
    remove_area,
)
from bodymap.fileio import WriteError
from bodymap.ui.body_map import BodyMapWidget
from bodymap.ui.chart_commands import ChartCommand, ChartDocument
from bodymap.ui.chart_dock import ChartDock
from bodymap.ui.chart_marks import ChartMarks
from bodymap.ui.chart_panel import ChartPanel
from bodymap.ui.chart_words import area_title, edit_text, error_text, in_sentence, spoken
from bodymap.ui.handout import HandoutController, HandoutSource, warn
from bodymap.ui.i18n import live
from bodymap.ui.library_model import LibraryModel
from bodymap.ui.literal import MODIFIED_MARKER, window_title

if TYPE_CHECKING:
    from bodymap.handout.compose import Handout, HandoutRequest
    from bodymap.ui.handout_dialogs import HandoutPreviewDialog

DEFAULT_SCORE = 5
"""The score an area gets when marked by a click or Enter (the middle of the scale), until
the therapist sets it; a digit typed on an unmarked area marks it with that digit."""
STATUS_MS = 8000


class ChartActions(Protocol):
    """What the session uses of ``chart_mode.ChartMode``: the window's parts it works with and
    the actions whose state it keeps (said here, so this module need not import that one)."""

    window: QMainWindow
    body_map: BodyMapWidget
    handout: HandoutController
    library: LibraryModel
    artwork: Artwork
    base_title: str
    chart_action: QAction
    undo_action: QAction
    redo_action: QAction
    clear_compare_action: QAction

    def retitle_undo(self) -> None: ...


class ChartSession(QObject):
    """One client's session chart in the window; see the module docstring."""

    def __init__(self, mode: ChartActions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.window = mode.window
        self.map = mode.body_map
        self.artwork = mode.artwork
        self.document = ChartDocument(SessionChart(dt.date.today()), self)
        self.stack = QUndoStack(self)
        self.path: Path | None = None
        self.earlier: SessionChart | None = None
        self.comparison: Comparison | None = None
        self.current: AreaKey | None = None
        self.active = False
        self.marks = ChartMarks(self.map)
        self.marks.areaPicked.connect(self.pick_area)
        self.marks.scoreTyped.connect(self.type_score)
        self.marks.removeRequested.connect(self._remove_key)
        self._panel: ChartPanel | None = None
        self.dock: ChartDock | None = None
        self.document.changed.connect(self.refresh)
        self.stack.cleanChanged.connect(self._update_title)
        self.stack.canUndoChanged.connect(mode.undo_action.setEnabled)
        self.stack.canRedoChanged.connect(mode.redo_action.setEnabled)
        self.stack.undoTextChanged.connect(mode.retitle_undo)
        self.stack.redoTextChanged.connect(mode.retitle_undo)
        mode.library.reloaded.connect(self._retranslate)  # the pages may speak another language
        self._undo_keys = (mode.undo_action.shortcuts(), mode.redo_action.shortcuts())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        live(self, self._retranslate)

    def _retranslate(self) -> None:
        """After a language switch: the undo steps' names, the dock's title, and the map's
        and panel's words for the chart (the chart and its undo history stay as they are)."""
        for index in range(self.stack.count()):
            command = self.stack.command(index)
            if isinstance(command, ChartCommand):
                command.retitle()
        self.mode.retitle_undo()
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Session Chart"))
        self.refresh()

    @property
    def chart(self) -> SessionChart:
        return self.document.chart

    # -- chart mode on and off -------------------------------------------------------------

    def set_active(self, on: bool) -> None:
        """Chart mode on: the map marks, the panel shows; off: the map only opens pages."""
        self.active = on
        self.mode.chart_action.setChecked(on)
        self.map.chart = self.marks if on else None
        dock = self._dock()
        dock.setVisible(on)
        if on:
            dock.raise_()
        self.refresh()
        self.map.update()
        self._update_title()

    def _dock(self) -> ChartDock:
        if self.dock is None:
            self.dock = ChartDock(self.tr("Session Chart"), self.panel, self.window)
            self.dock.visibilityChanged.connect(self._dock_visibility)
        return self.dock

    @Slot(bool)
    def _dock_visibility(self, visible: bool) -> None:
        # Closed with its own button: chart mode goes off with it (not when only tabbed away).
        if not visible and self.active and self.dock is not None and self.dock.isHidden():
            self.set_active(False)

    @property
    def panel(self) -> ChartPanel:
        """The chart panel, made the first time chart mode is on."""
        if self._panel is None:
            panel = ChartPanel()
            panel.currentChanged.connect(self._choose)
            panel.scoreChanged.connect(lambda score: self._edit_current(change_score, score))
            panel.kindChanged.connect(lambda kind: self._edit_current(change_kind, kind))
            panel.frequencyChanged.connect(
                lambda frequency: self._edit_current(change_frequency, frequency)
            )
            panel.areaNoteEdited.connect(lambda note: self._edit_current(change_area_note, note))
            panel.sessionNoteEdited.connect(self._session_note)
            panel.clientNameEdited.connect(self._client_name)
            panel.removeRequested.connect(self.remove_current)
            panel.clearComparisonRequested.connect(self.clear_comparison)
            self._panel = panel
        return self._panel

    # -- editing ---------------------------------------------------------------------------

    def apply(self, edit: Edit) -> None:
        """Make ``edit`` one step on the undo stack (scores of one area in a row merge)."""
        self.stack.push(ChartCommand(self.document, edit, self._describe))

    def _describe(self, edit: Edit) -> str:
        """An undo step's name in the interface's language ("Mark left calf")."""
        return edit_text(edit, self.names())

    def _try(self, make: object, *args: object) -> Edit | None:
        try:
            return make(self.chart, *args)  # type: ignore[operator, no-any-return]
        except ChartError as error:
            self._status(error_text(error, self.names()))
            return None

    @Slot(str, object)
    def pick_area(self, region_id: str, side: str | None) -> None:
        """A click or Enter on the map: mark the area (score DEFAULT_SCORE), or choose it when
        it is marked already; its page opens beside the map either way."""
        key = (region_id, side)
        self.current = key
        if self.chart.area(key) is None:
            edit = self._try(mark_area, MarkedArea(region_id, side, DEFAULT_SCORE), self.artwork)
            if edit is not None:
                self.apply(edit)
        else:
            self.refresh()
        # The mark is on screen first (a few ms); laying out the page takes longer.
        self.map.repaint()
        self.map.regionActivated.emit(region_id, side or "")

    @Slot(str, object, int)
    def type_score(self, region_id: str, side: str | None, score: int) -> None:
        """A digit typed on the map: that area's score (it is marked first if need be)."""
        key = (region_id, side)
        self.current = key
        if self.chart.area(key) is not None:
            edit = self._try(change_score, key, score)
            if edit is not None:
                self.apply(edit)
            return
        edit = self._try(mark_area, MarkedArea(region_id, side, score), self.artwork)
        if edit is not None:
            self.apply(edit)
            self.map.repaint()
            self.map.regionActivated.emit(region_id, side or "")  # as a click opens it

    def _edit_current(self, make: object, value: object) -> None:
        if self.current is None or self.chart.area(self.current) is None:
            return
        edit = self._try(make, self.current, value)
        if edit is not None:
            before = self.chart
            after = edit.redo(before)
            if after != before:  # a note left as it was is not an undo step
                self.apply(edit)

    @Slot(str, object)
    def _remove_key(self, region_id: str, side: str | None) -> None:
        self.current = (region_id, side)
        self.remove_current()

    @Slot()
    def remove_current(self) -> None:
        """Unmark the chosen area (Undo puts it back)."""
        if self.current is not None and self.chart.area(self.current) is not None:
            edit = self._try(remove_area, self.current)
            if edit is not None:
                self.apply(edit)

    @Slot(object)
    def _choose(self, key: AreaKey) -> None:
        self.current = key
        self.refresh()
        button = self.map.button_for(key[0], side=key[1])
        if button is not None:
            self.map.regionActivated.emit(key[0], key[1] or "")

    @Slot(str)
    def _session_note(self, note: str) -> None:
        if note.strip() != self.chart.note:
            edit = self._try(change_session_note, note)
            if edit is not None:
                self.apply(edit)

    @Slot(str)
    def _client_name(self, name: str) -> None:
        if name.strip() != self.chart.client_name:
            edit = self._try(change_client_name, name)
            if edit is not None:
                self.apply(edit)

    # -- showing ---------------------------------------------------------------------------

    def names(self) -> dict[AreaKey, str]:
        """Every area's name as the map names it ("Left calf"; with Spanish pages
        "Pantorrilla (lado izquierdo)"), marked or not."""
        titles = self.mode.library.region_titles
        language = self.mode.library.library.language
        keys = {(b.region_id, b.side) for b in self.map.buttons}
        if self.earlier is not None:
            keys |= {area.key for area in self.earlier.areas}
        keys |= {area.key for area in self.chart.areas}
        return {key: area_title(titles, key, language) for key in keys}

    @Slot()
    def refresh(self) -> None:
        """Show the chart: the map's marks and names, the panel, the title."""
        chart = self.chart
        if self.current is not None and chart.area(self.current) is None:
            self.current = chart.areas[-1].key if chart.areas else None
        self.comparison = compare(self.earlier, chart) if self.earlier is not None else None
        changes = {c.key: c for c in self.comparison.changes} if self.comparison else {}
        scores = {area.key: area.score for area in chart.areas} if self.active else {}
        badges: dict[AreaKey, str] = {}
        annotations: dict[AreaKey, str] = {}
        for area in chart.areas if self.active else ():
            change = changes.get(area.key)
            if change is not None and change.before is not None:
                badges[area.key] = f"{change.before}\u2192{area.score}"
            annotations[area.key] = spoken(area, change.before if change else None)
        self.marks.show_marks(scores, badges, annotations, self.current)
        if self._panel is not None:
            self._panel.show_chart(chart, self.current, self.names(), self.comparison)
        self.mode.clear_compare_action.setEnabled(self.earlier is not None)
        self._update_title()

    def title(self, base: str) -> str:
        """``session.json[*] — Left calf — BodyMap`` while a chart is in use, else ``base``."""
        if not (self.active or self.path is not None or not self.stack.isClean()):
            return base
        name = window_title(self.path.name) if self.path else self.tr("Untitled session")
        return f"{name}{MODIFIED_MARKER} \u2014 {base}"

    @Slot()
    def _update_title(self) -> None:
        base = self.mode.base_title or APP_NAME
        self.window.setWindowTitle(self.title(base))
        self.window.setWindowModified(not self.stack.isClean())

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Ctrl+Z belongs to a part of the window with an Undo of its own (the handout basket)
        while it has the focus: the chart's keys step aside there, or Qt would do neither."""
        own = _has_own_undo(new, self.window)
        undo_keys, redo_keys = self._undo_keys
        self.mode.undo_action.setShortcuts([] if own else undo_keys)
        self.mode.redo_action.setShortcuts([] if own else redo_keys)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)

    # -- files -----------------------------------------------------------------------------

    def ask_to_save(self, doing: str) -> bool:
        """Before ``doing`` ("starting a new client"): Save, Discard or Cancel when the chart
        has unsaved changes. True when it is fine to go on."""
        if self.stack.isClean():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            self.tr("Save this session?"),
            self.tr(
                "This session chart has changes that are not saved. Save them before {doing}?"
            ).format(doing=doing),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def _show(self, chart: SessionChart, path: Path | None) -> None:
        """Start afresh with ``chart`` (a new client, or one just opened): no undo history, no
        comparison, chart mode on."""
        self.earlier = None
        self.stack.clear()
        self.path = path
        self.current = chart.by_score()[0].key if chart.areas else None
        self.document.replace(chart)
        self.stack.setClean()
        self.set_active(True)

    def new_client(self) -> bool:
        """An empty chart dated today, after asking to save the one shown."""
        if not self.ask_to_save(self.tr("starting a new client")):
            return False
        self._show(SessionChart(dt.date.today()), None)
        self._status(self.tr("New client: an empty chart."))
        return True

    def open_session(self, path: Path | None = None) -> bool:
        """Open a saved session (asking which, and to save the one shown, first). A file that
        cannot be read is refused naming the file and why; nothing on screen changes then."""
        if not self.ask_to_save(self.tr("opening another session")):
            return False
        if path is None:
            path = self._ask_open(self.tr("Open Session"))
            if path is None:
                return False
        chart = self._read(path, self.tr("The session could not be opened"))
        if chart is None:
            return False
        self._show(chart, path)
        self._status(self.tr("Opened {name}.").format(name=path.name))
        return True

    def _read(self, path: Path, title: str) -> SessionChart | None:
        try:
            return read_session(path, self.artwork)
        except SessionFileError as error:
            warn(
                self.window,
                title,
                self.tr("{name} could not be opened: {reason}.\n\nIn the folder {folder}").format(
                    name=path.name, reason=error.reason, folder=path.parent
                ),
            )
            return None

    def save(self) -> bool:
        """Save to the session's file (Save As when it has none yet)."""
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        """Ask where, then save; ".json" is added when left out."""
        folder = self.path.parent if self.path is not None else _documents()
        name = f"session-{self.chart.date.isoformat()}.json"
        path_text, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save Session"),
            str(folder / name),
            self.tr("BodyMap sessions (*.json)"),
        )
        if not path_text:
            return False
        path = Path(path_text)
        if path.suffix.casefold() != ".json":
            path = path.with_name(path.name + ".json")
        return self._write(path)

    def _write(self, path: Path) -> bool:
        self._commit_typing()
        try:
            save_session(path, self.chart, self.artwork)
        except (ChartError, WriteError) as error:
            if isinstance(error, WriteError):
                reason = error.reason
            else:  # a sentence inside the message: "... could not be saved: {reason}."
                reason = in_sentence(error_text(error, self.names()).rstrip("."))
            warn(
                self.window,
                self.tr("The session could not be saved"),
                self.tr("{name} could not be saved: {reason}.").format(
                    name=path.name, reason=reason
                ),
            )
            return False
        self.path = path
        self.stack.setClean()
        self._update_title()
        self._status(self.tr("Saved as {name}.").format(name=path.name))
        return True

    def _commit_typing(self) -> None:
        """A note or name still being typed counts: it is in the file that is saved."""
        if self._panel is not None:
            self._panel._area_note_edited()
            self._panel._session_note_edited()
            self._panel._client_edited()

    def _ask_open(self, caption: str) -> Path | None:
        folder = self.path.parent if self.path is not None else _documents()
        path_text, _ = QFileDialog.getOpenFileName(
            self.window, caption, str(folder), self.tr("BodyMap sessions (*.json)")
        )
        return Path(path_text) if path_text else None

    # -- comparing -------------------------------------------------------------------------

    def compare_with(self, path: Path | None = None) -> bool:
        """Open an earlier session to compare with: each area shows its change ("7 → 4")."""
        if path is None:
            path = self._ask_open(self.tr("Compare With Earlier Session"))
            if path is None:
                return False
        earlier = self._read(path, self.tr("The earlier session could not be opened"))
        if earlier is None:
            return False
        self.earlier = earlier
        if not self.active:
            self.set_active(True)
        self.refresh()
        self._status(self.tr("Comparing with {name}.").format(name=path.name))
        return True

    @Slot()
    def clear_comparison(self) -> None:
        self.earlier = None
        self.refresh()

    # -- the handout -----------------------------------------------------------------------

    def handout_source(self) -> tuple[HandoutRequest, HandoutSource] | None:
        """The request and composer of this chart's handout; None (said why) when nothing
        is marked or a marked region has no page."""
        from bodymap.handout.chart_page import (  # noqa: PLC0415 - first use only
            chart_region_ids,
            compose_chart_handout,
        )

        self._commit_typing()
        chart, comparison = self.chart, self.comparison
        if not chart.areas:
            warn(
                self.window,
                self.tr("Nothing to print yet"),
                self.tr("Mark at least one area on the map for the chart handout."),
            )
            return None
        handout = self.mode.handout
        request = handout.request(chart_region_ids(chart))
        library = handout.library

        def compose(chosen: HandoutRequest) -> Handout:
            translations = handout.translations(chosen)
            return compose_chart_handout(chart, chosen, library, comparison, translations)

        return request, HandoutSource(compose, "session-chart-handout.pdf")

    def preview_handout(self) -> HandoutPreviewDialog | None:
        """The usual Print Preview, of this chart's handout; None when refused."""
        made = self.handout_source()
        return self.mode.handout.preview_request(*made) if made is not None else None

    def export_handout(self) -> Path | None:
        """The usual Export dialog, then where to save; the path saved, or None."""
        made = self.handout_source()
        return self.mode.handout.export_pages_request(*made) if made is not None else None

    def print_handout(self) -> bool:
        """The system print dialog, then print; False when cancelled or refused."""
        made = self.handout_source()
        return made is not None and self.mode.handout.print_request(made[0], source=made[1])


def _has_own_undo(widget: QWidget | None, window: QWidget) -> bool:
    """Whether ``widget`` or a parent below ``window`` has an Undo action of its own."""
    undo = QKeySequence(QKeySequence.StandardKey.Undo)
    while widget is not None and widget is not window:
        for action in widget.actions():
            if (
                action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
                and undo in action.shortcuts()
            ):
                return True
        widget = widget.parentWidget()
    return False


def _documents() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()
