"""The window as a whole: navigation, history, settings, broken content and the About box."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu
from pytestqt.qtbot import QtBot

from bodymap import __version__
from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.ui.go_menu import MENU_TOPICS
from bodymap.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory


def assert_in_step(window: MainWindow, page_id: str) -> None:
    """The open page, the map highlight, the window title and the topic list all agree."""
    page = window.library.get(page_id)
    assert page is not None
    assert window.navigator.current == page_id
    assert window.body_map.selected == page.region_id
    assert window.windowTitle() == f"{page.title} — BodyMap"
    assert window.page_view.toPlainText().startswith(page.title)
    if page.region_id is None and page_id != "home":
        assert window.topics.current_page_id() == page_id
        assert window.topics.selectionModel().isSelected(window.topics.currentIndex())
    else:
        assert not window.topics.selectionModel().selectedIndexes()


def test_starts_on_the_home_page(window: MainWindow) -> None:
    assert_in_step(window, "home")
    assert not window.back_action.isEnabled()


def test_start_page_from_the_command_line(make_window: WindowFactory) -> None:
    window = make_window(start="calf")
    assert_in_step(window, "calf")


def test_back_and_forward_by_toolbar_keys_and_mouse_buttons(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.navigator.open("calf")
    window.navigator.open("hydration")
    window.navigator.open("neck")
    window.back_action.trigger()
    assert_in_step(window, "hydration")
    qtbot.keyClick(window.page_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert_in_step(window, "calf")
    assert window.forward_action.isEnabled()
    qtbot.keyClick(window.page_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert_in_step(window, "hydration")
    for button, expected in (
        (Qt.MouseButton.BackButton, "calf"),
        (Qt.MouseButton.ForwardButton, "hydration"),
    ):
        # A press over the page arrives at the window first, as the platform delivers it.
        qtbot.waitUntil(lambda: window.windowHandle() is window._watched_window)
        target = window.windowHandle()
        where = QPointF(window.page_view.viewport().mapTo(window, QPoint(10, 10)))
        press = QMouseEvent(
            QMouseEvent.Type.MouseButtonPress,
            where,
            window.mapToGlobal(where),
            button,
            button,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(target, press)
        assert_in_step(window, expected)
    window.forward_action.trigger()
    assert_in_step(window, "neck")
    assert not window.forward_action.isEnabled()


def test_opening_a_new_page_clears_forward_history(window: MainWindow) -> None:
    window.navigator.open("calf")
    window.navigator.open("neck")
    window.navigator.back()
    window.navigator.open("chest")
    assert not window.forward_action.isEnabled()
    window.navigator.back()
    assert_in_step(window, "calf")


def test_links_on_a_page_open_topics_and_clear_the_map(window: MainWindow) -> None:
    window.navigator.open("neck")
    window.page_view.anchorClicked.emit(QUrl("page:when-not-to-massage"))
    assert_in_step(window, "when-not-to-massage")
    window.page_view.anchorClicked.emit(QUrl("http://example.com/"))
    window.page_view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert_in_step(window, "when-not-to-massage")


def test_topics_list_opens_pages_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    window.topics.setFocus()
    window.topics.setCurrentIndex(window.topics.model().index(0, 0))
    qtbot.keyClick(window.topics, Qt.Key.Key_Down)
    qtbot.keyClick(window.topics, Qt.Key.Key_Return)
    second = window.topics.page_id_at(1)
    assert second is not None
    assert_in_step(window, second)


def test_topics_list_opens_pages_by_mouse(qtbot: QtBot, window: MainWindow) -> None:
    last = window.topics.model().rowCount() - 1
    index = window.topics.model().index(last, 0)
    window.topics.scrollTo(index)
    qtbot.mouseClick(
        window.topics.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.topics.visualRect(index).center(),
    )
    page_id = window.topics.page_id_at(last)
    assert page_id is not None
    assert_in_step(window, page_id)


def test_home_action_returns_home(window: MainWindow) -> None:
    window.navigator.open("stomach")
    window.home_action.trigger()
    assert_in_step(window, "home")


def test_region_shortcuts_in_the_go_menu(qtbot: QtBot, window: MainWindow) -> None:
    first_region = window.library.regions[0]
    qtbot.keyClick(window.page_view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert_in_step(window, first_region.id)


def test_window_size_and_last_page_are_restored(qtbot: QtBot, make_window: WindowFactory) -> None:
    first = make_window()
    first.navigator.open("stomach")
    first.resize(700, 500)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.close()
    second = make_window()
    assert_in_step(second, "stomach")
    assert (second.width(), second.height()) == (700, 500)


def test_broken_content_still_starts_and_says_what_is_wrong(
    make_window: WindowFactory, content_copy: Path
) -> None:
    (content_copy / "regions" / "neck.yaml").write_text(
        "id: neck\ntitle: [oops\n", encoding="utf-8"
    )
    (content_copy / "topics" / "empty.yaml").write_text("", encoding="utf-8")
    window = make_window(load_library(content_copy))
    bar = window.problems_bar
    assert bar.isVisible()
    text = bar.summary.text()
    assert "regions/neck.yaml:2:" in text
    assert "topics/empty.yaml:1: the file is empty" in text
    assert window.body_map.button_for("neck") is None
    assert window.navigator.open("calf")
    assert_in_step(window, "calf")


def test_content_markup_is_shown_literally(make_window: WindowFactory, content_copy: Path) -> None:
    path = content_copy / "topics" / "hydration.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "\ntitle:", "\ntitle: \"<b>Bold</b> <img src='file:///etc/passwd'>\"\nold_title:", 1
    )
    path.write_text(text, encoding="utf-8")
    window = make_window(load_library(content_copy))
    window.navigator.open("hydration")
    shown = window.page_view.toPlainText()
    assert shown.startswith("<b>Bold</b> <img src='file:///etc/passwd'>")


def test_about_dialog_shows_version_review_date_and_disclaimer(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    window.show_about()
    text = "\n".join(seen)
    reviewed = window.library.reviewed
    assert reviewed is not None
    assert __version__ in text
    assert f"Content reviewed: {reviewed:%d %B %Y}" in text
    assert "not medical advice" in text


@pytest.mark.parametrize("appearance", ["light", "dark"])
def test_appearance_switch_repaints_map_and_pages(window: MainWindow, appearance: str) -> None:
    window.set_appearance(appearance)
    window.navigator.open("chest")
    assert window.theme.dark is (appearance == "dark")
    assert window.body_map.theme is window.theme
    html = window.page_view.toHtml()
    assert window.theme.page.warning_background in html
    assert window.settings.appearance == appearance


def test_map_paints_the_selected_region(qtbot: QtBot, window: MainWindow) -> None:
    body_map = window.body_map
    button = body_map.button_for("chest", "front")
    assert button is not None
    from tests.ui.conftest import interior_point

    point = interior_point(body_map, button)
    before = body_map.grab().toImage().pixelColor(point)
    window.navigator.open("chest")
    after = body_map.grab().toImage().pixelColor(point)
    assert before != after
    window.navigator.open("hydration")
    assert body_map.grab().toImage().pixelColor(point) == before
    assert QPoint(point) == point


def test_emergency_number_preference_changes_every_page(qtbot: QtBot, window: MainWindow) -> None:
    from bodymap.ui.preferences import PreferencesDialog

    window.navigator.open("chest")
    default = window.settings.default_emergency_number
    assert f"Call {default} now if you have:" in window.page_view.toPlainText()

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        dialog.emergency.setText("12a")
        assert dialog.error.isVisible() and "not a phone number" in dialog.error.text()
        dialog.emergency.setText("000")
        assert not dialog.error.isVisible()
        dialog.accept()

    QTimer.singleShot(0, fill_in)
    window.show_preferences()
    assert "Call 000 now if you have:" in window.page_view.toPlainText()
    window.navigator.open("calf")
    assert "call 000" in window.page_view.toPlainText()
    assert window.settings.emergency_number == "000"


def test_same_day_preference_fills_every_page_and_handout(qtbot: QtBot, window: MainWindow) -> None:
    from bodymap.handout.compose import compose_handout
    from bodymap.handout.request import handout_request
    from bodymap.ui.preferences import PreferencesDialog

    window.navigator.open("calf")
    default = window.settings.default_same_day or "your doctor or an urgent care center"
    assert f"Contact {default}." in window.page_view.toPlainText()

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        dialog.emergency.setText("111")
        dialog.same_day.setText("Healthline, 111")  # New Zealand's emergency number: refused
        assert dialog.error.isVisible() and "emergency number here" in dialog.error.text()
        dialog.emergency.setText("")
        dialog.same_day.setText("Harbour Surgery on 555 0101")
        assert not dialog.error.isVisible()
        dialog.accept()

    QTimer.singleShot(0, fill_in)
    window.show_preferences()
    assert "Contact Harbour Surgery on 555 0101." in window.page_view.toPlainText()
    assert window.settings.same_day == "Harbour Surgery on 555 0101"
    request = handout_request(["calf"], window.settings)
    today = [
        block
        for block in compose_handout(request, window.library).pages[0].blocks
        if block.urgency is not None and "today" in block.heading
    ]
    assert today and "Harbour Surgery on 555 0101" in today[0].text


def test_file_menu_has_the_handout_actions(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    texts = [action.text().replace("&", "") for action in file_menu.actions()]
    for wanted in ("Print", "Print Preview", "Export PDF", "Add to Handout"):
        assert any(text.startswith(wanted) for text in texts), texts
    window.navigator.open("calf")
    window.handout.add_to_basket_action.trigger()
    assert window.handout.basket.page_ids == ("calf",)
    assert window.basket_dock.isVisible()


def test_problems_bar_counts_problems_and_notes_and_lists_errors_first(
    make_window: WindowFactory, content_copy: Path
) -> None:
    (content_copy / "topics" / "aaa-note.yaml").write_text(
        (content_copy / "topics" / "hydration.yaml")
        .read_text(encoding="utf-8")
        .replace("id: hydration", "id: aaa-note\nmood: cheerful"),
        encoding="utf-8",
    )
    (content_copy / "regions" / "neck.yaml").write_text("id: neck\ntitle: [oops\n", "utf-8")
    (content_copy / "topics" / "zzz-empty.yaml").write_text("", encoding="utf-8")
    window = make_window(load_library(content_copy))
    lines = window.problems_bar.summary.text().splitlines()
    assert lines[0].startswith("2 problems and 1 note in the content files")
    assert lines[1].startswith("• regions/neck.yaml:")
    assert lines[2].startswith("• topics/zzz-empty.yaml:1:")
    assert lines[3].startswith("• topics/aaa-note.yaml:") and "warning" in lines[3]


def test_topics_menu_lists_the_topics_when_opened(qtbot: QtBot, window: MainWindow) -> None:
    menu = window.topics_menu
    assert menu.isEmpty()  # nothing built until it is opened
    menu.aboutToShow.emit()  # as when it opens (a real popup grabs input on this platform)
    headings = window.library.topic_headings()
    assert [action.text() for action in menu.actions()] == [h.title for h in headings]
    menu.actions()[-1].trigger()
    assert_in_step(window, headings[-1].id)


def test_topics_menu_stays_a_screenful_for_a_large_folder(
    qtbot: QtBot, make_window: WindowFactory, shipped_library: ContentLibrary
) -> None:
    base = shipped_library.get("hydration")
    assert base is not None
    pages = dict(shipped_library.pages)
    for number in range(100):
        extra = msgspec.structs.replace(base, id=f"extra-{number:03}", title=f"Extra {number:03}")
        pages[extra.id] = extra
    window = make_window(
        ContentLibrary(shipped_library.root, pages, [], shipped_library.region_order)
    )
    menu = window.topics_menu
    menu.aboutToShow.emit()  # as when it opens (a real popup grabs input on this platform)
    actions = [action for action in menu.actions() if not action.isSeparator()]
    assert len(actions) == MENU_TOPICS + 1
    assert actions[-1].text() == f"All {len(window.library.topic_headings())} topics in the list…"
    actions[-1].trigger()
    qtbot.waitUntil(window.topics.hasFocus)
