"""The main window: assembles the map, the topics list and the page pane, and connects them.

It holds no content logic: each part takes the ``LibraryModel`` and follows reloads itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from bodymap import APP_NAME
from bodymap.cli_common import clinic_folder
from bodymap.content.model import ContentLibrary
from bodymap.content.sides import parse_side_key, side_key, side_title
from bodymap.content.spelling import spelling_for_territory
from bodymap.paths import search_cache
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.settings import APPEARANCES, NORMAL_TEXT_SIZE, TEXT_SIZES, Settings
from bodymap.ui.body_map import BodyMapWidget
from bodymap.ui.chart_mode import ChartMode
from bodymap.ui.content_watch import ContentWatcher
from bodymap.ui.dialogs import AboutDialog, ProblemsBar
from bodymap.ui.edit_page import PageEditor
from bodymap.ui.go_menu import GoMenus
from bodymap.ui.handout import HandoutController
from bodymap.ui.i18n import QT_TRANSLATE_NOOP, live
from bodymap.ui.library_model import LibraryModel
from bodymap.ui.literal import window_title
from bodymap.ui.navigation import Navigator
from bodymap.ui.page_view import PageView
from bodymap.ui.search_panel import SearchPanel
from bodymap.ui.theme import apply_theme, theme_for, themed_icon
from bodymap.ui.topics import TopicsList

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent, QShowEvent, QWindow

    from bodymap.content.loader import LibraryLoader
    from bodymap.content.search import SearchIndex


def open_search_index(library: ContentLibrary) -> SearchIndex:
    """The search index, loaded with the first search so start-up never waits for it."""
    from bodymap.content.search import SearchIndex  # noqa: PLC0415

    return SearchIndex.open(library, search_cache(library.root, library.language))


UNAVAILABLE_MESSAGE_MS = 15_000
TEXT_SIZE_MESSAGE_MS = 2_000
TOOLBAR_ROOM = 40  # the two toolbars' handles and margins, in px
APPEARANCE_LABELS = {
    "system": QT_TRANSLATE_NOOP("MainWindow", "&System"),
    "light": QT_TRANSLATE_NOOP("MainWindow", "&Light"),
    "dark": QT_TRANSLATE_NOOP("MainWindow", "&Dark"),
}
"""View → Appearance's words for each of APPEARANCES."""
_FLOAT = ("Float", "Undocks and re-attaches the dock widget")
_CLOSE = ("Close", "Closes the dock widget")
DOCK_BUTTON_WORDS = {"qt_dockwidget_floatbutton": _FLOAT, "qt_dockwidget_closebutton": _CLOSE}
"""Qt's own words for a dock's buttons (``QDockWidget`` in qtbase's translations)."""


def _toolbar_width(toolbar: QToolBar) -> int:
    """How wide ``toolbar`` wants to be with its buttons as they are now, its handle included,
    in px: Qt's own size hint, its layout told first that the buttons changed (until the
    window is shown the hint would otherwise keep the buttons' old style). Neither the style
    (``QStyle``: ~4 ms for PySide to make the class, before the first frame) nor a separator's
    widget (a class private to Qt: ~5 ms to hand to Python) is asked."""
    layout = toolbar.layout()
    if layout is not None:
        layout.invalidate()
    return toolbar.sizeHint().width()


class MainWindow(QMainWindow):
    """The map and topics beside the page pane, with the menus, toolbar and handout dock.

    ``loader`` is the one that loaded ``library``, so reloads re-read only the edited files.
    """

    firstFrameDrawn = Signal()

    def __init__(
        self,
        library: ContentLibrary,
        diagram: BodyDiagram,
        settings: Settings,
        parent: QWidget | None = None,
        loader: LibraryLoader | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = LibraryModel(library, loader, self)
        self.settings = settings
        self.model.set_values(settings.emergency_number, settings.same_day)
        self.theme = theme_for(settings.appearance)
        self.navigator = Navigator(self.model, self, sides=diagram.artwork.sides)
        self._themed_actions: dict[QAction, str] = {}
        self.setObjectName("main-window")

        self.body_map = BodyMapWidget(diagram, self.model, self.theme)
        self.page_view = PageView(self.theme, self.model)
        self.page_view.spelling = spelling_for_territory(settings.territory)
        self.problems_bar = ProblemsBar(self.theme, self.model)
        self.search = SearchPanel(self, self.model, lambda: open_search_index(self.library))
        self.search.pageRequested.connect(self.navigator.open)
        self._build_layout()
        self.watcher = ContentWatcher(self.model, parent=self)
        self.handout = HandoutController(
            self,
            self.model,
            diagram,
            settings,
            lambda: self.navigator.current,
            current_side=lambda: self.navigator.side,
        )
        self.navigator.pageChanged.connect(self.handout.refresh)
        self.page_editor = PageEditor(self.model, lambda: self.navigator.current, self)
        self.navigator.pageChanged.connect(self.page_editor.refresh)
        self.basket_dock = QDockWidget(self)
        live(self, lambda: self.basket_dock.setWindowTitle(self.tr("Handout")))
        self.basket_dock.setObjectName("handout-dock")
        live(self, self._retranslate_dock_buttons)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.basket_dock)
        # The basket only takes room once something is in it (View menu shows it any time);
        # its list and buttons are made when it first shows.
        self.basket_dock.visibilityChanged.connect(self._fill_basket_dock)
        self.basket_dock.setVisible(bool(self.handout.basket.page_ids))
        self._fill_basket_dock(self.basket_dock.isVisibleTo(self))
        self.handout.add_to_basket_action.triggered.connect(self.basket_dock.show)
        self.chart_mode = ChartMode(self, self.body_map, self.handout, self.model, diagram.artwork)
        self._build_actions()

        self.body_map.regionActivated.connect(self.navigator.open)
        self.body_map.regionUnavailable.connect(self.explain_unavailable)
        self.page_view.pageRequested.connect(self.navigator.open)
        self.topics.pageRequested.connect(self.navigator.open)
        self.navigator.pageChanged.connect(self._on_page_changed)
        self.navigator.historyChanged.connect(self._update_history_actions)
        self._update_history_actions()
        self._watched_window: QWindow | None = None
        self._first_frame_drawn = False
        self.setWindowTitle(self.chart_mode.title(APP_NAME))
        self._default_size()
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        self.page_view.setFocus(Qt.FocusReason.OtherFocusReason)
        # The Home page says "Press Tab to move into the map".
        self.page_view.tab_out_first(self.body_map)
        if settings.splitter is not None:
            self.splitter.restoreState(settings.splitter)

    @property
    def library(self) -> ContentLibrary:
        """The content shown (the same object across reloads; it is updated in place)."""
        return self.model.library

    def _default_size(self) -> None:
        screen = self.screen().availableGeometry()
        self.resize(min(1280, int(screen.width() * 0.9)), min(860, int(screen.height() * 0.9)))
        self.splitter.setSizes([int(self.width() * 0.42), int(self.width() * 0.58)])

    # -- building --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        left = QWidget()
        # Made in its place: moving a styled list into another widget lays out every row again
        # (2,700 rows of a big folder: ~2 ms of start-up).
        self.topics = TopicsList(self.model, left)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.addWidget(self.body_map, 5)
        label = QLabel()
        live(label, lambda: label.setText(self.tr("&General topics")))
        label.setBuddy(self.topics)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        left_layout.addWidget(label)
        left_layout.addWidget(self.topics, 2)
        self.topics.setMinimumHeight(110)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 8, 8, 8)
        right_layout.addWidget(self.problems_bar)
        right_layout.addWidget(self.page_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        QWidget.setTabOrder(
            self.body_map.buttons[-1] if self.body_map.buttons else self.body_map, self.topics
        )
        QWidget.setTabOrder(self.topics, self.page_view)

    def _action(
        self,
        text: str,
        shortcuts: list[QKeySequence],
        slot: object,
        icon: str | None = None,
    ) -> QAction:
        action = QAction(self)
        live(self, lambda: action.setText(QCoreApplication.translate("MainWindow", text)))
        unique = []
        for shortcut in shortcuts:
            if not shortcut.isEmpty() and shortcut not in unique:
                unique.append(shortcut)
        action.setShortcuts(unique)
        if icon is not None:
            action.setIcon(themed_icon(icon, self.theme))
            self._themed_actions[action] = icon
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.back_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Back"),
            [key(key.StandardKey.Back), key("Alt+Left")],
            self.navigator.back,
            "back",
        )
        self.forward_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Forward"),
            [key(key.StandardKey.Forward), key("Alt+Right")],
            self.navigator.forward,
            "forward",
        )
        self.home_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Home"), [key("Alt+Home")], self.navigator.home, "home"
        )
        quit_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
            [key(key.StandardKey.Quit), key("Ctrl+Q")],
            self.close,
        )
        about_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&About BodyMap"), [], self.show_about
        )
        preferences_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Preferences…"),
            [key(key.StandardKey.Preferences), key("Ctrl+,")],
            self.show_preferences,
        )

        toolbar = QToolBar()
        live(toolbar, lambda: toolbar.setWindowTitle(self.tr("Navigation")))
        toolbar.setObjectName("navigation-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.back_action, self.forward_action, self.home_action])
        toolbar.addSeparator()
        toolbar.addAction(self.handout.add_to_basket_action)
        toolbar.addAction(self.handout.print_action)
        self.addToolBar(toolbar)
        self.navigation_toolbar = toolbar
        # The search field has a toolbar of its own, so a narrow window puts it on a row of
        # its own (see _fit_toolbars) instead of hiding it in the overflow menu, where
        # Ctrl+F could not reach it.
        search_bar = QToolBar()
        live(search_bar, lambda: search_bar.setWindowTitle(self.tr("Search")))
        search_bar.setObjectName("search-toolbar")
        search_bar.setMovable(False)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        search_bar.addWidget(spacer)
        search_bar.addWidget(self.search.field)
        self.addToolBar(search_bar)
        self.search_toolbar = search_bar
        self._search_on_own_row = False
        self.find_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Find…"),
            [key(key.StandardKey.Find), key("Ctrl+F")],
            self.search.focus,
        )
        self.reload_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Reload Content"),
            [key(key.StandardKey.Refresh), key("F5")],
            self.watcher.reload,
        )
        live(self, self._retranslate_tooltips)

        self._build_menus(quit_action, about_action, preferences_action)
        self.chart_mode.add_to(self.file_menu, self.edit_menu, self.view_menu, toolbar)

    def _build_menus(
        self, quit_action: QAction, about_action: QAction, preferences_action: QAction
    ) -> None:
        key = QKeySequence
        menus = self.menuBar()
        file_menu = self.file_menu = self._menu(menus, QT_TRANSLATE_NOOP("MainWindow", "&File"))
        file_menu.addActions(
            [self.handout.print_action, self.handout.preview_action, self.handout.export_action]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.handout.add_to_basket_action)
        file_menu.addActions(
            [
                self.handout.print_basket_action,
                self.handout.preview_basket_action,
                self.handout.export_basket_action,
            ]
        )
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = self.edit_menu = self._menu(menus, QT_TRANSLATE_NOOP("MainWindow", "&Edit"))
        edit_menu.addAction(self.page_editor.action)
        edit_menu.addSeparator()
        edit_menu.addAction(preferences_action)
        go_menu = self._menu(menus, QT_TRANSLATE_NOOP("MainWindow", "&Go"))
        go_menu.addActions([self.back_action, self.forward_action, self.home_action])
        go_menu.addAction(self.find_action)
        go_menu.addSeparator()
        self.go_menus = GoMenus(self.model, go_menu, self)
        self.go_menus.pageRequested.connect(self.navigator.open)
        self.go_menus.topicsListWanted.connect(self._focus_topics)
        self.go_menus.regionUnavailable.connect(self.explain_unavailable)
        self.regions_menu = self.go_menus.regions_menu
        self.topics_menu = self.go_menus.topics_menu

        view_menu = self.view_menu = self._menu(menus, QT_TRANSLATE_NOOP("MainWindow", "&View"))
        appearance_menu = self._menu(view_menu, QT_TRANSLATE_NOOP("MainWindow", "&Appearance"))
        group = QActionGroup(self)
        for name in APPEARANCES:
            action = appearance_menu.addAction("")
            live(self, self._texter(action, APPEARANCE_LABELS[name]))
            action.setCheckable(True)
            action.setChecked(name == self.settings.appearance)
            action.triggered.connect(self._appearance_setter(name))
            group.addAction(action)
        view_menu.addAction(self.basket_dock.toggleViewAction())
        view_menu.addAction(self.reload_action)
        view_menu.addSeparator()
        self.zoom_in_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Larger Text"),
            [key(key.StandardKey.ZoomIn), key("Ctrl+="), key("Ctrl++")],
            lambda: self.step_text_size(1),
        )
        self.zoom_out_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Smaller Text"),
            [key(key.StandardKey.ZoomOut)],
            lambda: self.step_text_size(-1),
        )
        self.zoom_reset_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Usual Text Size"),
            [key("Ctrl+0")],
            lambda: self.set_text_size(NORMAL_TEXT_SIZE),
        )
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        self.set_text_size(self.settings.text_size, announce=False)

        help_menu = self._menu(menus, QT_TRANSLATE_NOOP("MainWindow", "&Help"))
        how_to = help_menu.addAction("")
        live(self, lambda: how_to.setText(self.tr("How to use BodyMap")))
        how_to.triggered.connect(self.navigator.home)
        help_menu.addAction(about_action)

    def _retranslate_dock_buttons(self) -> None:
        """Qt names the dock's own Float and Close buttons once, when it is made, in the
        language of that moment (its words are in Qt's own translation)."""
        for button in self.basket_dock.findChildren(QAbstractButton):
            words = DOCK_BUTTON_WORDS.get(button.objectName())
            if words is not None:
                button.setAccessibleName(QCoreApplication.translate("QDockWidget", words[0]))
                button.setAccessibleDescription(QCoreApplication.translate("QDockWidget", words[1]))

    def _retranslate_tooltips(self) -> None:
        self.back_action.setToolTip(self.tr("Back (Alt+Left)"))
        self.forward_action.setToolTip(self.tr("Forward (Alt+Right)"))
        self.home_action.setToolTip(self.tr("Home: how to use BodyMap (Alt+Home)"))
        self.reload_action.setToolTip(self.tr("Read the content files again (F5)"))

    def _menu(self, parent: QMenu | QMenuBar, source: str) -> QMenu:
        """A menu in ``parent`` titled ``source`` (marked with QT_TRANSLATE_NOOP), translated."""
        menu = parent.addMenu("")
        live(self, lambda: menu.setTitle(QCoreApplication.translate("MainWindow", source)))
        return menu

    @staticmethod
    def _texter(action: QAction, source: str) -> Callable[[], None]:
        """Sets ``action``'s text to ``source`` (marked with QT_TRANSLATE_NOOP) translated."""
        return lambda: action.setText(QCoreApplication.translate("MainWindow", source))

    @Slot(bool)
    def _fill_basket_dock(self, visible: bool) -> None:
        if visible and self.basket_dock.widget() is None:
            self.basket_dock.setWidget(self.handout.basket_widget)

    @Slot()
    def _focus_topics(self) -> None:
        self.topics.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _appearance_setter(self, appearance: str) -> Callable[[], None]:
        def set_appearance() -> None:
            self.set_appearance(appearance)

        return set_appearance

    # -- reacting --------------------------------------------------------------------------

    @Slot(str)
    def _on_page_changed(self, page_id: str) -> None:
        page = self.library.get(page_id)
        if page is None:
            return
        side = self.navigator.side
        self.page_view.show_page(
            page, self.library, self.settings.emergency_number, self.settings.same_day, side
        )
        self.body_map.set_selected(page.region_id, side)
        title = side_title(self.model.shown(page.title), side, self.library.language)
        self.setWindowTitle(self.chart_mode.title(window_title(f"{title} — {APP_NAME}")))
        self.topics.show_open_page(page_id)

    def step_text_size(self, steps: int) -> None:
        """One size larger (1) or smaller (-1) of TEXT_SIZES; nothing past the floor or ceiling."""
        current = self.settings.text_size
        position = min(range(len(TEXT_SIZES)), key=lambda i: abs(TEXT_SIZES[i] - current))
        target = max(0, min(len(TEXT_SIZES) - 1, position + steps))
        self.set_text_size(TEXT_SIZES[target])

    def set_text_size(self, percent: int, announce: bool = True) -> None:
        """Show the page, the lists, the search results and the handout basket at ``percent``
        of the usual text size (kept between runs); ``announce`` says the size in the
        status bar."""
        self.settings.text_size = percent
        percent = self.settings.text_size  # within the floor and ceiling
        scale = percent / NORMAL_TEXT_SIZE
        self.page_view.set_text_scale(scale)
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        for widget in (self.topics, self.basket_dock):
            widget.setFont(font)
        self.search.set_text_font(font)
        self.zoom_in_action.setEnabled(percent < TEXT_SIZES[-1])
        self.zoom_out_action.setEnabled(percent > TEXT_SIZES[0])
        self.zoom_reset_action.setEnabled(percent != NORMAL_TEXT_SIZE)
        if announce:
            self.statusBar().showMessage(
                self.tr("Text size {percent}%").format(percent=percent), TEXT_SIZE_MESSAGE_MS
            )

    @Slot(str, str)
    def explain_unavailable(self, region_id: str, why: str) -> None:
        """A region whose page cannot be opened was picked: say why in the status bar (and
        to a screen reader), and leave the open page as it is."""
        title = region_id.title()
        text = self.tr("{region} cannot be opened: {why}").format(region=title, why=why)
        self.statusBar().showMessage(text, UNAVAILABLE_MESSAGE_MS)
        self.statusBar().setAccessibleDescription(text)

    @Slot()
    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.navigator.can_go_back())
        self.forward_action.setEnabled(self.navigator.can_go_forward())

    @Slot()
    def show_about(self) -> None:
        AboutDialog(self.library, self).exec()

    @Slot()
    def show_preferences(self) -> None:
        from bodymap.ui.preferences import PreferencesDialog  # noqa: PLC0415 - when first asked

        folder = self.settings.clinic_content_folder
        dialog = PreferencesDialog(self.settings, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted:
            self.model.set_values(self.settings.emergency_number, self.settings.same_day)
        if accepted and self.settings.clinic_content_folder != folder:
            self.model.use_clinic_folder(clinic_folder(self.settings.clinic_content_folder))
        if accepted:
            self.apply_language()
        if accepted and self.navigator.current:
            self._on_page_changed(self.navigator.current)

    def apply_language(self) -> None:
        """Show the interface and the pages in the languages the settings now ask for, at
        once: the open page and side, history, basket, search text, undo steps and the window
        itself all stay (the texts are set again, ``bodymap.ui.i18n.live``)."""
        from bodymap.qtshared.languages import interface_language, page_language  # noqa: PLC0415
        from bodymap.ui.i18n import set_language  # noqa: PLC0415

        set_language(interface_language(self.settings.language_choice))
        self.model.use_language(page_language(self.settings))

    def set_appearance(self, appearance: str) -> None:
        self.settings.appearance = appearance
        self.theme = theme_for(appearance)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.theme)
        # A widget with a style sheet keeps the palette it was polished with; setting its
        # sheet again polishes it with the new one (the topics list kept its old colours).
        for widget in self.findChildren(QWidget):
            if widget.styleSheet():
                widget.setStyleSheet(widget.styleSheet())
        self.body_map.set_theme(self.theme)
        self.page_view.set_theme(self.theme)
        self.problems_bar.set_theme(self.theme)
        for action, icon in self._themed_actions.items():
            action.setIcon(themed_icon(icon, self.theme))
        if self.navigator.current is not None:
            self._on_page_changed(self.navigator.current)

    def start(self, page_id: str | None) -> None:
        """Open the requested page, else the last one, else Home."""
        for candidate in (page_id, self.settings.last_page):
            if candidate and self.navigator.open(*parse_side_key(candidate)):
                return
        self.navigator.home()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_toolbars()

    def _fit_toolbars(self) -> None:
        """Keep every toolbar control on screen: in a narrow window the buttons lose their
        words (icons and tooltips stay), then the search field takes a row of its own."""
        toolbar = self.navigation_toolbar
        width = self.width()
        field = self.search.field.minimumWidth() + TOOLBAR_ROOM
        for style in (
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon,
            Qt.ToolButtonStyle.ToolButtonIconOnly,
        ):
            if toolbar.toolButtonStyle() != style:
                toolbar.setToolButtonStyle(style)  # the buttons' size hints follow at once
            if _toolbar_width(toolbar) + TOOLBAR_ROOM + field <= width:
                break
        own_row = _toolbar_width(toolbar) + TOOLBAR_ROOM + field > width
        if own_row != self._search_on_own_row:
            self._search_on_own_row = own_row
            if own_row:
                self.insertToolBarBreak(self.search_toolbar)
            else:
                self.removeToolBarBreak(self.search_toolbar)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._first_frame_drawn:
            self.installEventFilter(self)  # only until the first frame is drawn (eventFilter)
        else:
            self._watch_side_buttons()  # shown again, perhaps in a new native window

    @Slot()
    def _after_first_frame(self) -> None:
        """What the first frame does not need, done as soon as it is on screen.

        (A zero timer started before the window is shown would run before it is drawn.)
        """
        self.firstFrameDrawn.emit()
        self.watcher.start()  # content edits show up from now on
        self._watch_side_buttons()  # nothing can be clicked before the first frame
        # A click on the map should show its page within a frame, the first time too.
        self.page_view.prepare_later(
            [
                (page, side)
                for page in self.library.regions
                for side in (None, *self.navigator.sides_of(page.id))
            ],
            self.library,
            self.settings.emergency_number,
            self.settings.same_day,
        )

    @Slot()
    def _watch_side_buttons(self) -> None:
        """Watch this window's mouse presses where they arrive, before any widget takes them.

        A filter on the window (not on the whole application) is asked about this window's
        own input only, rather than about every event of every object, which made start-up
        and every click slower.
        """
        handle = self.windowHandle()
        if handle is not None and handle is not self._watched_window:
            if self._watched_window is not None:
                self._watched_window.removeEventFilter(self)
            handle.installEventFilter(self)
            self._watched_window = handle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The mouse's side buttons go back and forward anywhere in this window.

        Until the first frame this filter also watches the window itself, to start
        ``_after_first_frame`` once the window has painted.
        """
        if watched is self:
            if event.type() == QEvent.Type.Paint:
                self.removeEventFilter(self)
                self._first_frame_drawn = True
                QTimer.singleShot(
                    0, self, self._after_first_frame
                )  # after the whole frame is drawn
            return False
        from PySide6.QtGui import QMouseEvent  # noqa: PLC0415 - after the first frame

        if (
            watched is self._watched_window
            and event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
        ):
            if event.button() == Qt.MouseButton.BackButton:
                self.navigator.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.navigator.forward()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.chart_mode.confirm_close():
            event.ignore()
            return
        # Saved here rather than on every page change: writing the settings file on each
        # click would cost the click a millisecond or more.
        if self.navigator.current is not None:
            self.settings.last_page = side_key(self.navigator.current, self.navigator.side)
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter = self.splitter.saveState()
        self.settings.sync()
        super().closeEvent(event)
