"""The chart panel: the session's marked areas and what is recorded about each.

Shown in a dock while chart mode is on (made the first time). From the top: the 0-10 legend,
the client's name (optional), the marked areas (highest score first, each with its score or,
while comparing, its change "7 → 4"), the chosen area's score, kind, how often and note, then
the session note. The panel edits nothing itself: it emits what the person asked for, and the
session (``ui/chart_session.py``) makes it an undoable edit and shows the chart again.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QFocusEvent,
    QFontMetrics,
    QIcon,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bodymap.chart.colours import DARK_FROM, score_colour
from bodymap.chart.compare import AreaChange, Comparison
from bodymap.chart.model import (
    MAX_AREA_NOTE,
    MAX_CLIENT_NAME,
    MAX_NOTE,
    MAX_SCORE,
    MIN_SCORE,
    AreaKey,
    Frequency,
    Kind,
    MarkedArea,
    SessionChart,
)
from bodymap.ui.chart_words import frequency_word, kind_word
from bodymap.ui.i18n import live

ROLE_KEY = Qt.ItemDataRole.UserRole + 1


def score_icon(score: int, size: int = 16) -> QIcon:
    """A small square in the score's colour, for the list of areas."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(score_colour(score)))
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor("#3b3f45"), 1))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)  # the score's colour, not tinted when chosen
    return icon


class ScoreLegend(QWidget):
    """The 0-10 scale: eleven swatches in the chart's colours with their numbers, and what the
    ends mean. Shrinks its swatches to fit a narrow panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chart-legend")
        live(self, self._retranslate)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Score scale"))
        self.setAccessibleDescription(
            self.tr("Scores from 0, no pain, light yellow, to 10, the worst pain, dark red.")
        )
        self.update()  # the words under the swatches are painted in the new language

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(11 * 22, 22 + 2 * line + 6)

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(11 * 14, 22 + 2 * line + 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        count = MAX_SCORE - MIN_SCORE + 1
        cell = min(28.0, (self.width() - 2) / count)
        size = 22.0
        text = self.palette().windowText().color()
        for index in range(count):
            score = MIN_SCORE + index
            rect = QRectF(1 + index * cell, 1, cell - 2, size)
            painter.setBrush(QColor(score_colour(score)))
            painter.setPen(QPen(QColor("#3b3f45"), 1))
            painter.drawRect(rect)
            painter.setPen(QColor("#ffffff") if score >= DARK_FROM else QColor("#111111"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(score))
        line = self.fontMetrics().height()
        painter.setPen(text)
        words = QRectF(1, size + 4, count * cell, line)
        painter.drawText(words, Qt.AlignmentFlag.AlignLeft, self.tr("0 no pain"))
        painter.drawText(
            QRectF(1, size + 4 + line, count * cell, line),
            Qt.AlignmentFlag.AlignRight,
            self.tr("10 worst imaginable"),
        )


class _AreaBox(QGroupBox):
    """The chosen area's group: its title (the area's name, long in Spanish: "Pantorrilla
    (lado izquierdo)") never sets the panel's minimum width; in a narrow dock it is elided
    with "…", and the group's accessible name keeps it whole."""

    def __init__(self) -> None:
        super().__init__()
        self._full_title = ""

    def set_full_title(self, title: str) -> None:
        self._full_title = title
        self.setAccessibleName(title)
        self._elide()

    def full_title(self) -> str:
        return self._full_title

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is None:
            return hint
        margins = self.contentsMargins()
        width = layout.minimumSize().width() + margins.left() + margins.right()
        return QSize(width, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(self.width() - 24, 40)  # the style's frame and title indent
        font = self.font()
        font.setBold(True)  # room for a style that draws the title bold
        text = QFontMetrics(font).elidedText(self._full_title, Qt.TextElideMode.ElideRight, room)
        if text != self.title():
            self.setTitle(text)


class _NoteEdit(QPlainTextEdit):
    """A note that is committed when the person leaves it (one undo step per visit)."""

    editingFinished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class ChartPanel(QWidget):
    """The marked areas and their details; see the module docstring."""

    currentChanged = Signal(object)
    """The person chose another area in the list: its key (region id, side)."""
    scoreChanged = Signal(int)
    kindChanged = Signal(object)
    """A Kind, or None for "not recorded"."""
    frequencyChanged = Signal(object)
    areaNoteEdited = Signal(str)
    sessionNoteEdited = Signal(str)
    clientNameEdited = Signal(str)
    removeRequested = Signal()
    clearComparisonRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chart-panel")
        self._updating = False
        self.legend = ScoreLegend()
        self.client = QLineEdit()
        self.client.setObjectName("chart-client")
        self.client.setMaxLength(MAX_CLIENT_NAME)
        self.client.editingFinished.connect(self._client_edited)

        self.areas = QListWidget()
        self.areas.setObjectName("chart-areas")
        self.areas.currentItemChanged.connect(self._current_item_changed)
        self.delete_action = QAction(self.areas)
        self.delete_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")]
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.removeRequested)
        # Delete in the list unmarks the chosen area, as on the map.
        self.areas.addAction(self.delete_action)
        self.areas.setWordWrap(True)  # a narrow panel wraps a long line, never scrolls sideways
        self.areas.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setObjectName("chart-empty")

        self.details = self._area_editor()
        self.note = self._session_note()

        self.comparison = QLabel()
        self.comparison.setObjectName("chart-comparison")
        self.comparison.setWordWrap(True)
        self.clear_comparison = QPushButton()
        self.clear_comparison.setObjectName("chart-clear-comparison")
        self.clear_comparison.clicked.connect(self.clearComparisonRequested)
        compare_row = QVBoxLayout()
        compare_row.addWidget(self.comparison)
        compare_row.addWidget(self.clear_comparison, 0, Qt.AlignmentFlag.AlignLeft)

        self.client_label = self._label(self.client)
        self.areas_label = self._label(self.areas)
        self.note_label = self._label(self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.legend)
        client_row = QFormLayout()
        client_row.addRow(self.client_label, self.client)
        layout.addLayout(client_row)
        layout.addWidget(self.areas_label)
        layout.addWidget(self.areas, 1)
        layout.addWidget(self.empty)
        layout.addLayout(compare_row)
        layout.addWidget(self.details)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        self.setMinimumWidth(176)
        live(self, self._retranslate)

    def _area_editor(self) -> _AreaBox:
        """The chosen area's score, kind, how often, note, change and Remove."""
        self.score = QSpinBox()
        self.score.setObjectName("chart-score")
        self.score.setRange(MIN_SCORE, MAX_SCORE)
        self.score.valueChanged.connect(self._score_changed)
        self.kind = QComboBox()
        self.kind.setObjectName("chart-kind")
        for kind in (None, *Kind):
            self.kind.addItem("", kind)
        self.kind.activated.connect(self._kind_changed)
        self.frequency = QComboBox()
        self.frequency.setObjectName("chart-frequency")
        for frequency in (None, *Frequency):
            self.frequency.addItem("", frequency)
        self.frequency.activated.connect(self._frequency_changed)
        self.area_note = QLineEdit()
        self.area_note.setObjectName("chart-area-note")
        self.area_note.setMaxLength(MAX_AREA_NOTE)
        self.area_note.editingFinished.connect(self._area_note_edited)
        self.change = QLabel()
        self.change.setObjectName("chart-change")
        self.remove = QPushButton()
        self.remove.setObjectName("chart-remove")
        self.remove.clicked.connect(self.removeRequested)

        self.details = _AreaBox()
        self.details.setObjectName("chart-details")
        self.score_label = self._label(self.score)
        self.kind_label = self._label(self.kind)
        self.frequency_label = self._label(self.frequency)
        self.area_note_label = self._label(self.area_note)
        for combo in (self.kind, self.frequency):  # as wide as the row, not the longest item
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(5)
        form = QFormLayout(self.details)
        # In a narrow dock the labels go above their fields rather than squeezing them.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.score_label, self.score)
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.frequency_label, self.frequency)
        form.addRow(self.area_note_label, self.area_note)
        form.addRow(self.change)
        form.addRow(self.remove)
        return self.details

    def _session_note(self) -> _NoteEdit:
        self.note = _NoteEdit()
        self.note.setObjectName("chart-session-note")
        self.note.setTabChangesFocus(True)
        self.note.editingFinished.connect(self._session_note_edited)
        self.note.setMaximumHeight(90)
        return self.note

    @staticmethod
    def _label(buddy: QWidget) -> QLabel:
        label = QLabel()
        label.setBuddy(buddy)
        return label

    def _retranslate(self) -> None:
        """Every fixed text of the panel in the interface's language (again after a switch);
        the areas shown come again from the session's ``show_chart``."""
        self.client.setPlaceholderText(self.tr("Optional; kept only in the saved file"))
        self.areas.setAccessibleName(self.tr("Marked areas"))
        self.delete_action.setText(self.tr("Remove Area"))
        self.empty.setText(
            self.tr("Click an area on the map, or move to it and press Enter, to mark it.")
        )
        self.clear_comparison.setText(self.tr("Clear Comparison"))
        self.client_label.setText(self.tr("C&lient:"))
        self.areas_label.setText(self.tr("Marked &areas:"))
        self.note_label.setText(self.tr("Session no&te:"))
        self.score.setSuffix(self.tr(" out of 10"))
        not_recorded = self.tr("Not recorded")
        for combo, word in ((self.kind, kind_word), (self.frequency, frequency_word)):
            combo.setItemText(0, not_recorded)
            for row in range(1, combo.count()):
                combo.setItemText(row, word(combo.itemData(row)))
        self.remove.setText(self.tr("&Remove Area"))
        self.remove.setToolTip(self.tr("Unmark this area (Delete on the map; Undo puts it back)"))
        if not self.details.isVisibleTo(self) or not self.details.full_title():
            self.details.set_full_title(self.tr("Area"))
        self.score_label.setText(self.tr("&Score:"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.frequency_label.setText(self.tr("How &often:"))
        self.area_note_label.setText(self.tr("&Note:"))
        self.note.setAccessibleName(self.tr("Session note"))
        self.note.setPlaceholderText(self.tr("For the handout's first page"))

    # -- showing ---------------------------------------------------------------------------

    def show_chart(
        self,
        chart: SessionChart,
        current: AreaKey | None,
        names: dict[AreaKey, str],
        comparison: Comparison | None = None,
    ) -> None:
        """Show ``chart`` with ``current`` chosen; ``names`` are the areas' names ("Left
        calf"); ``comparison`` adds each area's change and the resolved areas."""
        self._updating = True
        try:
            changes = {c.key: c for c in comparison.changes} if comparison is not None else {}
            self._show_areas(chart, current, names, changes)
            self.empty.setVisible(not chart.areas)
            if self.client.text().strip() != chart.client_name:
                self.client.setText(chart.client_name)
            if self.note.toPlainText().strip() != chart.note:
                self.note.setPlainText(chart.note)
            chosen = chart.area(current) if current is not None else None
            self._show_chosen(chosen, names, changes.get(current) if current else None)
            if comparison is not None:
                earlier = comparison.before.date
                date = QDate(earlier.year, earlier.month, earlier.day)
                self.comparison.setText(
                    self.tr("Compared with the session of {date}").format(
                        date=QLocale().toString(date, self.tr("d MMMM yyyy"))
                    )
                )
            self.comparison.setVisible(comparison is not None)
            self.clear_comparison.setVisible(comparison is not None)
        finally:
            self._updating = False

    def _show_areas(
        self,
        chart: SessionChart,
        current: AreaKey | None,
        names: dict[AreaKey, str],
        changes: dict[AreaKey, AreaChange],
    ) -> None:
        """The list: marked areas by score, then the areas resolved since last time."""
        self.areas.clear()
        for area in chart.by_score():
            text = self._area_text(area, names[area.key], changes.get(area.key))
            item = QListWidgetItem(score_icon(area.score), text)
            item.setData(ROLE_KEY, area.key)
            self.areas.addItem(item)
            if area.key == current:
                self.areas.setCurrentItem(item)
        for change in changes.values():
            if chart.area(change.key) is None:
                text = self.tr("{area}: resolved (was {before})").format(
                    area=names.get(change.key, change.key[0]), before=change.before
                )
                item = QListWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.areas.addItem(item)

    def _show_chosen(
        self, chosen: MarkedArea | None, names: dict[AreaKey, str], since: AreaChange | None
    ) -> None:
        """The chosen area's details (hidden when none is chosen: no stale score)."""
        self.details.setVisible(chosen is not None)
        if chosen is None:
            self.area_note.clear()
            return
        self.details.set_full_title(names[chosen.key])
        self.score.setValue(chosen.score)
        self.kind.setCurrentIndex(self.kind.findData(chosen.kind))
        self.frequency.setCurrentIndex(self.frequency.findData(chosen.frequency))
        if self.area_note.text().strip() != chosen.note:
            self.area_note.setText(chosen.note)
        if since is None:
            self.change.clear()
        elif since.before is None:
            self.change.setText(self.tr("New since last time"))
        else:
            self.change.setText(self.tr("Since last time: {scores}").format(scores=since.scores))
        self.change.setVisible(since is not None)

    def _area_text(self, area: MarkedArea, name: str, change: AreaChange | None) -> str:
        """``Left calf: 7 · cramp``; while comparing ``Left calf: 7 → 4`` or ``… 4 (new)``."""
        if change is None:
            text = self.tr("{area}: {score}").format(area=name, score=area.score)
        elif change.before is None:
            text = self.tr("{area}: {score} (new)").format(area=name, score=area.score)
        else:
            text = self.tr("{area}: {scores}").format(area=name, scores=change.scores)
        if area.kind is not None:
            text += f" · {kind_word(area.kind).lower()}"
        return text

    # -- asking ----------------------------------------------------------------------------

    @Slot(QListWidgetItem, QListWidgetItem)
    def _current_item_changed(
        self, item: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        if not self._updating and item is not None and item.data(ROLE_KEY) is not None:
            self.currentChanged.emit(tuple(item.data(ROLE_KEY)))

    @Slot(int)
    def _score_changed(self, value: int) -> None:
        if not self._updating:
            self.scoreChanged.emit(value)

    @Slot(int)
    def _kind_changed(self, index: int) -> None:
        if not self._updating:
            self.kindChanged.emit(self.kind.itemData(index))

    @Slot(int)
    def _frequency_changed(self, index: int) -> None:
        if not self._updating:
            self.frequencyChanged.emit(self.frequency.itemData(index))

    @Slot()
    def _area_note_edited(self) -> None:
        if not self._updating:
            self.areaNoteEdited.emit(self.area_note.text())

    @Slot()
    def _session_note_edited(self) -> None:
        if not self._updating:
            self.sessionNoteEdited.emit(self.note.toPlainText()[:MAX_NOTE])

    @Slot()
    def _client_edited(self) -> None:
        if not self._updating:
            self.clientNameEdited.emit(self.client.text())
