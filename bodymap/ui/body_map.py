"""The clickable body map.

The figure is painted by the map widget itself. Each drawn region gets an invisible button on
top, cut to the region's exact outline with a widget mask. That choice (rather than items in a
QGraphicsView) gives every region native keyboard focus, tooltips, a pointing-hand cursor and
an AT-SPI button whose name is the region's name, while clicks follow the real outline.

A paired part (the foot, the calf) has one button per side on each view, named from the
person's own side ("Left calf"), whichever way the view faces. Clicking a side picks that
side; clicking the picked side again picks the whole region (both sides), as the Go menu,
Ctrl+number and search without a side word do. Under each view, small labels say where the
client's left and right are, so the back view never reads reversed.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QEnterEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget
from shiboken6 import isValid

from bodymap.content.sides import side_title
from bodymap.qtshared.diagram import BodyDiagram, RegionShape, sides_on_screen
from bodymap.ui.i18n import QT_TRANSLATE_NOOP, live
from bodymap.ui.library_model import LibraryModel
from bodymap.ui.literal import menu_text, tooltip_text
from bodymap.ui.theme import Theme

ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
"""Each arrow key's direction on screen (x to the right, y down)."""
OFF_AXIS_WEIGHT = 4.0
"""How much a sideways step counts against a region when moving in a direction."""
CONE = 2.0
"""A region counts as "that way" when it is at most this many times as far sideways as
along the direction (a cone of about 63 degrees either side)."""
LABEL_SPACE = 46  # the view's name, and a line under it for the client's left and right
RING = 4  # how far the focus ring and outline reach beyond a region's shape
MARGIN = 8


VIEW_LABELS = {
    "front": QT_TRANSLATE_NOOP("BodyMapWidget", "Front"),
    "back": QT_TRANSLATE_NOOP("BodyMapWidget", "Back"),
}
VIEW_TITLES = {
    "front": QT_TRANSLATE_NOOP("BodyMapWidget", "Front view"),
    "back": QT_TRANSLATE_NOOP("BodyMapWidget", "Back view"),
}


def view_label(view: str) -> str:
    """How a view of the artwork is named on screen: ``"back"`` -> ``"Back"`` ("Espalda")."""
    if view in VIEW_LABELS:
        return QCoreApplication.translate("BodyMapWidget", VIEW_LABELS[view])
    return view.capitalize()


def view_title(view: str) -> str:
    """A view's caption under the figure: ``"back"`` -> ``"Back view"``."""
    if view in VIEW_TITLES:
        return QCoreApplication.translate("BodyMapWidget", VIEW_TITLES[view])
    return QCoreApplication.translate("BodyMapWidget", "{view} view").format(view=view_label(view))


SIDE_LABELS = (
    (
        QT_TRANSLATE_NOOP("BodyMapWidget", "Client's right"),
        QT_TRANSLATE_NOOP("BodyMapWidget", "Client's left"),
    ),
    (QT_TRANSLATE_NOOP("BodyMapWidget", "Right"), QT_TRANSLATE_NOOP("BodyMapWidget", "Left")),
    (QT_TRANSLATE_NOOP("BodyMapWidget", "R"), QT_TRANSLATE_NOOP("BodyMapWidget", "L")),
)
"""The words under a view for the person's sides, longest first: the first that fits is used."""


class MapChart(Protocol):
    """What chart mode adds to the map (``ui/chart_marks.py``): the marked areas painted over
    the figure, and clicks and keys that mark instead of only opening a page."""

    def paint(self, painter: QPainter, shown: list[RegionButton]) -> None:
        """The marked areas' fills, under the focus ring."""
        ...

    def paint_badges(self, painter: QPainter) -> None:
        """The scores, over the focus ring, so it never hides one."""
        ...

    def clicked(self, button: RegionButton) -> bool:
        """True when chart mode took the click."""
        ...

    def key_pressed(self, button: RegionButton, event: QKeyEvent) -> bool:
        """True when chart mode took the key (digits, Delete)."""
        ...


class RegionButton(QAbstractButton):
    """An invisible button shaped like one drawn region. It only reports which region it is."""

    def __init__(self, shape: RegionShape, title: str, parent: BodyMapWidget) -> None:
        super().__init__(parent)
        self.shape = shape
        self._map = parent
        self.unavailable: str | None = None
        """Why this region's page cannot be opened (a broken or missing file), or None."""
        self.annotation = ""
        """What the session chart says of this area ("cramp, 7 out of 10"), read after its name."""
        self.chart_hint = ""
        """In chart mode, what the keys do here; it replaces the description's "open" sentence."""
        self.setObjectName(f"region-button-{shape.element_id}")
        self.set_title(title)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        # It draws nothing (the map draws every state), so Qt need not paint it at all.
        self.setUpdatesEnabled(False)

    @property
    def side(self) -> str | None:
        """The person's side this outline is, ``"left"``/``"right"``, or None if unpaired."""
        return self.shape.outline.side

    def set_title(self, title: str, unavailable: str | None = None, picked: bool = False) -> None:
        """Name the button ("Left calf" for a side); ``unavailable`` says why its page cannot
        be opened, if so; ``picked`` says this side is the one open (clicking it again opens
        the whole region)."""
        self.region_title = title
        title = side_title(title, self.side, self._map.library.library.language)
        self.unavailable = unavailable
        self.setText(menu_text(title))
        view = view_title(self.shape.view) + "."
        if unavailable is None:
            if picked:
                both = self.tr("{region} is open. Click again for both sides.").format(region=title)
                self.setToolTip(tooltip_text(both))
                self.setAccessibleDescription(f"{view} {both}")
            else:
                self.setToolTip(tooltip_text(title))
                self.setAccessibleDescription(
                    f"{view} "
                    + self.tr("Press Enter or Space to open the {region} page.").format(
                        region=title
                    )
                )
            self.setAccessibleName(f"{title}, {self.annotation}" if self.annotation else title)
            if self.annotation:
                self.setToolTip(tooltip_text(f"{title}, {self.annotation}"))
            if self.chart_hint:
                self.setAccessibleDescription(f"{view} {self.chart_hint}")
        else:
            why = self.tr("{region} is not available: {why}").format(region=title, why=unavailable)
            self.setToolTip(tooltip_text(why))
            self.setAccessibleName(self.tr("{region} (not available)").format(region=title))
            self.setAccessibleDescription(f"{view} {why}")

    @property
    def region_id(self) -> str:
        return self.shape.region_id

    def paintEvent(self, event: QPaintEvent) -> None:
        """Nothing: the map paints the figure, highlights and focus ring underneath."""

    def sizeHint(self) -> QSize:
        return self.size()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._map.chart is not None and self._map.chart.key_pressed(self, event):
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        elif key in ARROWS:
            self._map.move_focus_towards(self, *ARROWS[Qt.Key(key)])
        elif key == Qt.Key.Key_Home:
            self._map.move_focus_to(0)
        elif key == Qt.Key.Key_End:
            self._map.move_focus_to(-1)
        else:
            super().keyPressEvent(event)

    def enterEvent(self, event: QEnterEvent) -> None:
        self._map.set_hovered(self.region_id, self.side)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._map.set_hovered(None)
        super().leaveEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._map.update_region(self.region_id)
        if event.reason() not in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.MouseFocusReason,
        ):
            # Focus given back (Esc from search, the window activated): to the open region.
            self._map.focus_selected(self)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if isValid(self._map):  # not while the map itself is being deleted (focus moves away)
            self._map.update_region(self.region_id)


class BodyMapWidget(QWidget):
    """The artwork's views side by side; emits the region id a person picks.

    A region is offered when the artwork draws it and the content has a page for it; both are
    data, so a new region needs no code here.
    """

    regionActivated = Signal(str, str)
    """A region was picked: its id, and the person's side picked ("left", "right"), or ""
    for the whole region (an unpaired one, or the picked side clicked again)."""
    regionUnavailable = Signal(str, str)
    """A region whose page is missing or broken was picked: its id, and why."""

    def __init__(
        self,
        diagram: BodyDiagram,
        library: LibraryModel,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.diagram = diagram
        self.library = library
        titles = library.region_titles
        self.theme = theme
        self.selected: str | None = None
        self.selected_side: str | None = None
        self.hovered: str | None = None
        self.hovered_side: str | None = None
        self._transform = QTransform()
        self._figure_cache: QPixmap | None = None
        self._outlines: dict[RegionButton, QPainterPath] = {}  # on screen, for this size
        self._areas: dict[RegionButton, QRect] = {}  # what repaints when a region changes
        self.chart: MapChart | None = None  # chart mode, while it is on
        self.setObjectName("body-map")
        # The figure is a picture of a person: it never mirrors, even when the window does
        # for a right-to-left language (the client's left calf stays where it is drawn).
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._view_sides = {view: sides_on_screen(diagram.shapes, view) for view in diagram.views}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

        # The artwork's order: view by view, head to toe.
        shapes = diagram.keyboard_order()
        self._all_buttons = [RegionButton(s, titles.get(s.region_id, ""), self) for s in shapes]
        for button in self._all_buttons:
            button.clicked.connect(self._on_button_clicked)
        for first, second in zip(self._all_buttons, self._all_buttons[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.buttons: list[RegionButton] = []  # the regions that can be opened
        self.shown_buttons: list[RegionButton] = []  # those and the unavailable ones
        library.reloaded.connect(self._on_reloaded)
        library.valuesChanged.connect(self._on_reloaded)
        live(self, self._retranslate)

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Body map"))
        self.setAccessibleDescription(
            self.tr(
                "Pick a body region to read about cramps and spasms there. Left and right are "
                "the client's own: on the front view the client's left is on the right, on the "
                "back view on the left. Pick a side of a paired part, or pick it again for both "
                "sides."
            )
        )
        self._on_reloaded()

    @Slot()
    def _on_reloaded(self) -> None:
        self.set_titles(self.library.region_titles)

    def set_titles(self, titles: dict[str, str]) -> None:
        """Offer the regions that have a page, and show the drawn ones whose page is missing
        or broken as unavailable (saying why); called again when the content changes."""
        library = self.library.library
        self.buttons = [b for b in self._all_buttons if b.region_id in titles]
        self.shown_buttons = []
        for button in self._all_buttons:
            title = titles.get(button.region_id)
            why = library.region_problem_text(button.region_id) if title is None else None
            button.setVisible(title is not None or why is not None)
            if title is not None:
                button.set_title(title, picked=self._is_picked_side(button))
            elif why is not None:
                button.set_title(view_label(button.region_id), why)
            if button.isVisibleTo(self):
                self.shown_buttons.append(button)
        if self.shown_buttons:
            selected = self.button_for(self.selected) if self.selected is not None else None
            self.setFocusProxy(selected or self.shown_buttons[0])
        self.update()

    # -- state, driven by the selection controller -----------------------------------------

    def _is_picked_side(self, button: RegionButton) -> bool:
        return (
            button.side is not None
            and button.region_id == self.selected
            and button.side == self.selected_side
        )

    def is_highlighted(self, button: RegionButton) -> bool:
        """Whether the button's outline shows as open: every outline of the open region, or
        only the picked side's."""
        return button.region_id == self.selected and self.selected_side in (None, button.side)

    @Slot(str)
    def set_selected(self, region_id: str | None, side: str | None = None) -> None:
        """Highlight the open region (only ``side``'s outlines when a side was picked); when
        the map has the focus, the focus ring follows."""
        if (region_id, side) != (self.selected, self.selected_side):
            previous = self.selected
            self.selected, self.selected_side = region_id, side
            self.update_region(previous)
            self.update_region(region_id)
            for button in self.buttons:
                if button.side is not None and button.region_id in (previous, region_id):
                    button.set_title(button.region_title, picked=self._is_picked_side(button))
        selected = self.button_for(region_id, side=side) if region_id is not None else None
        if selected is not None or self.shown_buttons:
            self.setFocusProxy(selected or self.shown_buttons[0])  # Tab into the map lands here
        focused = self.focused_button()
        if focused is not None:
            self.focus_selected(focused)

    def set_hovered(self, region_id: str | None, side: str | None = None) -> None:
        """Light up the outline under the pointer (one side of a paired part)."""
        if (region_id, side) != (self.hovered, self.hovered_side):
            self.update_region(self.hovered)
            self.hovered, self.hovered_side = region_id, side
            self.update_region(region_id)

    def update_region(self, region_id: str | None) -> None:
        """Repaint only around this region: a click then costs a fraction of a full repaint."""
        for button in self.shown_buttons:
            if button.region_id == region_id:
                self.update(self._areas.get(button, self.rect()))

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._figure_cache = None
        self.update()

    def move_focus_towards(self, button: RegionButton, dx: int, dy: int) -> None:
        """Focus the nearest region in that direction on screen (across both views, by the
        centres of their outlines); stay when there is none within the ``CONE``. Distance
        along the direction counts once, sideways ``OFF_AXIS_WEIGHT`` times, so Down from the
        chest finds the stomach and Right from the front neck the back view's neck."""
        start = self.shape_on_screen(button).boundingRect().center()
        best: tuple[float, RegionButton] | None = None
        for other in self.shown_buttons:
            if other is button:
                continue
            centre = self.shape_on_screen(other).boundingRect().center()
            along = (centre.x() - start.x()) * dx + (centre.y() - start.y()) * dy
            sideways = abs((centre.x() - start.x()) * dy) + abs((centre.y() - start.y()) * dx)
            if along <= 0 or sideways > CONE * along:
                continue
            cost = along + OFF_AXIS_WEIGHT * sideways
            if best is None or cost < best[0]:
                best = (cost, other)
        if best is not None:
            best[1].setFocus(Qt.FocusReason.TabFocusReason)

    def move_focus_to(self, index: int) -> None:
        self.shown_buttons[index].setFocus(Qt.FocusReason.TabFocusReason)

    def focus_selected(self, focused: RegionButton | None = None) -> None:
        """Move the keyboard focus onto the open region (the view ``focused`` is on, when it
        draws it), so the focus ring and the highlight agree; nothing when no region is open."""
        if self.selected is None or (focused is not None and self.is_highlighted(focused)):
            return
        view = focused.shape.view if focused is not None else None
        side = self.selected_side
        target = self.button_for(self.selected, view, side) or self.button_for(
            self.selected, side=side
        )
        if target is not None and target is not focused:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def focused_button(self) -> RegionButton | None:
        """The region button with the keyboard focus, if any."""
        return next((b for b in self.shown_buttons if b.hasFocus()), None)

    def button_for(
        self, region_id: str, view: str | None = None, side: str | None = None
    ) -> RegionButton | None:
        """The first button (in keyboard order) of the region, on ``view`` and for ``side``
        when given."""
        for button in self.buttons:
            if (
                button.region_id == region_id
                and view in (None, button.shape.view)
                and side in (None, button.side)
            ):
                return button
        return None

    def shape_on_screen(self, button: RegionButton) -> QPainterPath:
        """The region's outline in this widget's coordinates."""
        outline = self._outlines.get(button)
        return outline if outline is not None else self._transform.map(button.shape.path)

    @Slot()
    def _on_button_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, RegionButton):
            if self.chart is not None and self.chart.clicked(button):
                return
            if button.unavailable is not None:
                self.regionUnavailable.emit(button.region_id, button.unavailable)
            elif self._is_picked_side(button):
                self.regionActivated.emit(button.region_id, "")  # again: both sides
            else:
                self.regionActivated.emit(button.region_id, button.side or "")

    # -- geometry and painting -------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(440, 560)

    def minimumSizeHint(self) -> QSize:
        return QSize(180, 240)

    def hasHeightForWidth(self) -> bool:
        return False

    def figure_bounds(self) -> QRectF:
        return QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN - LABEL_SPACE)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._transform = self.diagram.fit(self.figure_bounds())
        self._figure_cache = None
        self._outlines = {b: self._transform.map(b.shape.path) for b in self._all_buttons}
        for button in self._all_buttons:
            outline = self.shape_on_screen(button)
            box = outline.boundingRect().toAlignedRect().adjusted(-1, -1, 1, 1)
            self._areas[button] = box.adjusted(-RING, -RING, RING, RING)
            button.setGeometry(box)
            mask = QRegion()
            for polygon in outline.translated(-box.topLeft().toPointF()).toFillPolygons():
                mask = mask.united(QRegion(polygon.toPolygon(), Qt.FillRule.WindingFill))
            button.setMask(mask)

    def _figure(self) -> QPixmap:
        """The figure drawn once per size and appearance, at the screen's pixel density."""
        ratio = self.devicePixelRatioF()
        if self._figure_cache is None or self._figure_cache.devicePixelRatio() != ratio:
            pixmap = QPixmap((QRectF(self.rect()).size() * ratio).toSize())
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.diagram.paint(painter, self._transform, self.theme.dark)
            painter.end()
            self._figure_cache = pixmap
        return self._figure_cache

    def paintEvent(self, event: QPaintEvent) -> None:
        area = event.rect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawPixmap(0, 0, self._figure())
        colors = self.theme.map
        shown = [b for b in self.shown_buttons if self._areas.get(b, area).intersects(area)]
        for button in shown:
            outline = self.shape_on_screen(button)
            if button.unavailable is not None:
                self._paint_unavailable(painter, outline)
            elif self.is_highlighted(button):
                painter.fillPath(outline, colors.selected_fill)
                painter.strokePath(outline, QPen(colors.selected_outline, 2))
            elif button.region_id == self.hovered and self.hovered_side in (None, button.side):
                painter.fillPath(outline, colors.hover_fill)
        if self.chart is not None:
            self.chart.paint(painter, shown)
        focused = next((b for b in shown if b.hasFocus()), None)
        if focused is not None:
            outline = self.shape_on_screen(focused)
            painter.strokePath(outline, QPen(colors.focus_halo, 5))
            painter.strokePath(outline, QPen(colors.focus_ring, 2.5, Qt.PenStyle.DashLine))
        if self.chart is not None:
            self.chart.paint_badges(painter)
        if area.bottom() >= self.figure_bounds().bottom():
            self._paint_labels(painter)

    def _paint_unavailable(self, painter: QPainter, outline: QPainterPath) -> None:
        """Hatched and outlined with a dashed line: drawn, but its page cannot be opened."""
        colour = QColor(self.theme.map.label)
        colour.setAlpha(150)
        painter.fillPath(outline, QBrush(colour, Qt.BrushStyle.BDiagPattern))
        painter.strokePath(outline, QPen(colour, 1.5, Qt.PenStyle.DashLine))

    def _paint_labels(self, painter: QPainter) -> None:
        # A painter takes the application's direction: under a right-to-left language it
        # would swap "◂ Right" and "Left ▸" to the wrong edges of the figure.
        painter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        box = self.diagram.view_box
        top = self._transform.map(QPointF(0, box.bottom())).y() + 2
        painter.setPen(self.theme.map.label)
        font = painter.font()
        font.setPointSizeF(max(9.0, font.pointSizeF() * 1.05))
        font.setBold(True)
        painter.setFont(font)
        views = self.diagram.views
        line = painter.fontMetrics().height()
        side_font = QFont(font)
        side_font.setBold(False)
        side_font.setPointSizeF(max(8.0, font.pointSizeF() * 0.85))
        share = box.width() / len(views)
        column = (
            self._transform.map(QPointF(box.left() + share, 0)).x()
            - self._transform.map(QPointF(box.left(), 0)).x()
        )
        painter.setFont(font)
        # Every view named the same way: all "Front view", or on a narrow map all "Front".
        fits = all(
            painter.fontMetrics().horizontalAdvance(view_title(view)) <= column - 6
            for view in views
        )
        for index, view in enumerate(views):
            left = self._transform.map(QPointF(box.left() + share * index, 0)).x()
            right = self._transform.map(QPointF(box.left() + share * (index + 1), 0)).x()
            label = QRect(int(left), int(top), int(right - left), line)
            text = view_title(view) if fits else view_label(view)
            painter.setFont(font)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, text)
            sides = self._view_sides.get(view)
            if sides is not None:
                painter.setFont(side_font)
                # Kept off the column's edges, so the two views' words never run together.
                inset = max(4, label.width() // 12)
                row = QRect(
                    label.left() + inset, label.bottom() + 1, label.width() - 2 * inset, line
                )
                self._paint_side_labels(painter, row, sides)

    @staticmethod
    def _paint_side_labels(painter: QPainter, row: QRect, sides: tuple[str, str]) -> None:
        """The person's side at each edge of a view ("Client's right ... Client's left" under
        the front view), in the longest wording that fits."""
        metrics = painter.fontMetrics()
        for wording in SIDE_LABELS:
            words = {
                "right": QCoreApplication.translate("BodyMapWidget", wording[0]),
                "left": QCoreApplication.translate("BodyMapWidget", wording[1]),
            }
            texts = (f"◂ {words[sides[0]]}", f"{words[sides[1]]} ▸")
            if sum(metrics.horizontalAdvance(t) for t in texts) + 12 <= row.width():
                break
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, texts[0])
        painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, texts[1])
