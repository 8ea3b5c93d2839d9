"""The session chart on the body map: marked areas filled in their score's colour, the score
(or its change, "7 → 4") in a badge on each, and the clicks and keys that mark.

While chart mode is on, ``ChartMarks`` is the map's ``chart`` (``body_map.MapChart``): a click
or Enter on an outline asks to mark that area (``areaPicked``); a digit typed on it sets its
score (``scoreTyped``; "1" then "0" within ``TEN_WINDOW_MS`` is 10), Delete or Backspace asks
to remove it (``removeRequested``). It changes nothing itself: the session applies the edits.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QPainter, QPen

from bodymap.chart.colours import score_colour
from bodymap.chart.model import AreaKey
from bodymap.ui.body_map import BodyMapWidget, RegionButton

TEN_WINDOW_MS = 1500
"""After "1", a "0" typed within this time on the same area makes 10 (not 0)."""
BADGE_FILL = QColor("#ffffff")
BADGE_INK = QColor("#111111")
"""The badge is white with black text in both appearances: 18:1 contrast on any fill."""
DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


class ChartMarks(QObject):
    """The marks of one chart as the map shows them; see the module docstring."""

    areaPicked = Signal(str, object)
    """Mark (or go to) this area: region id, side (None for an unpaired region)."""
    scoreTyped = Signal(str, object, int)
    """Region id, side, the score typed (0-10)."""
    removeRequested = Signal(str, object)

    def __init__(self, body_map: BodyMapWidget) -> None:
        super().__init__(body_map)
        self.map = body_map
        self.scores: dict[AreaKey, int] = {}
        self.badges: dict[AreaKey, str] = {}
        """What each badge says: the score, or "7 → 4" while comparing."""
        self.current: AreaKey | None = None
        self._last_digit: tuple[AreaKey, int] | None = None
        self._digit_clock = QElapsedTimer()

    def show_marks(
        self,
        scores: dict[AreaKey, int],
        badges: dict[AreaKey, str],
        annotations: dict[AreaKey, str],
        current: AreaKey | None,
    ) -> None:
        """Paint these marks; ``annotations`` are read after each area's name by screen
        readers and tooltips ("cramp, 7 out of 10"). Called again after a language switch:
        the annotations and the keys' hints are then in the new language."""
        self.scores, self.badges, self.current = scores, badges, current
        marked_hint = self.tr("Type a digit for its score; Delete unmarks it.")
        unmarked_hint = self.tr("Press Enter to mark it, or type a digit for its score.")
        for button in self.map.buttons:
            words = annotations.get(key_of(button), "")
            hint = ""
            if self.map.chart is self:
                hint = marked_hint if key_of(button) in scores else unmarked_hint
            if (words, hint) != (button.annotation, button.chart_hint):
                button.annotation, button.chart_hint = words, hint
                button.set_title(button.region_title, picked=self.map._is_picked_side(button))
        self.map.update()

    # -- the map's MapChart protocol ---------------------------------------------------------

    def clicked(self, button: RegionButton) -> bool:
        if button.unavailable is not None:
            return False  # the map says why it cannot be opened
        self.areaPicked.emit(button.region_id, button.side)
        return True

    def key_pressed(self, button: RegionButton, event: QKeyEvent) -> bool:
        key = event.key()
        area = key_of(button)
        if key in DIGITS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            digit = DIGITS[Qt.Key(key)]
            score = digit
            if (
                digit == 0
                and self._last_digit == (area, 1)
                and self._digit_clock.isValid()
                and self._digit_clock.elapsed() <= TEN_WINDOW_MS
            ):
                score = 10
            self._last_digit = (area, digit) if score != 10 else None
            self._digit_clock.restart()
            self.scoreTyped.emit(button.region_id, button.side, score)
            return True
        self._last_digit = None
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and area in self.scores:
            self.removeRequested.emit(button.region_id, button.side)
            return True
        return False

    def paint(self, painter: QPainter, shown: list[RegionButton]) -> None:
        """Every marked outline in its score's colour, and the current area outlined."""
        del shown  # a mark can reach past its outline's repaint area: paint them all
        dark = self.map.theme.dark
        line = QColor("#e6e8eb" if dark else "#3b3f45")
        current_outlines = []
        for button in self.map.shown_buttons:
            area = key_of(button)
            score = self.scores.get(area)
            if score is None:
                continue
            outline = self.map.shape_on_screen(button)
            painter.fillPath(outline, QColor(score_colour(score)))
            painter.strokePath(outline, QPen(line, 1.2))
            if area == self.current:
                current_outlines.append(outline)
        for outline in current_outlines:
            painter.strokePath(outline, QPen(self.map.theme.map.selected_outline, 3))

    def paint_badges(self, painter: QPainter) -> None:
        """The score (or "7→4") in a white badge at the middle of each marked outline, over
        every fill and the focus ring, so neither a neighbour nor the ring hides one."""
        badges = [
            (self.badges.get(key_of(b), str(self.scores[key_of(b)])), b)
            for b in self.map.shown_buttons
            if key_of(b) in self.scores
        ]
        if not badges:
            return
        font = QFont(painter.font())
        font.setBold(True)
        font.setPointSizeF(max(8.0, font.pointSizeF()))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        placed: list[QRectF] = []
        for text, button in badges:
            centre = self.map.shape_on_screen(button).boundingRect().center()
            width = metrics.horizontalAdvance(text) + 8
            height = metrics.height() + 2
            rect = _clear_of(
                QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height), placed
            )
            placed.append(rect)
            painter.setBrush(BADGE_FILL)
            painter.setPen(QPen(BADGE_INK, 1))
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(BADGE_INK)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setBrush(Qt.BrushStyle.NoBrush)


def _clear_of(rect: QRectF, placed: list[QRectF]) -> QRectF:
    """``rect``, or moved up or down by its height or twice that when it would cover a badge
    already placed (side by side thighs on a small map, "4→7" beside "8")."""
    step = rect.height() + 2
    for shift in (0.0, step, -step, 2 * step, -2 * step):
        moved = rect.translated(0, shift)
        if not any(moved.intersects(other) for other in placed):
            return moved
    return rect


def key_of(button: RegionButton) -> AreaKey:
    """The chart's key for an outline: (region id, side or None)."""
    return button.region_id, button.side
