"""Content edited while the app runs: a save shows up by itself, F5 reloads, nothing blanks."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from bodymap.content.cache import load_library_cached
from bodymap.content.loader import LibraryLoader
from bodymap.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory, click_map, interior_point

WAIT_MS = 5000  # generous: the watcher reloads about 0.3 s after the last write


def watched_window(qtbot: QtBot, make_window: WindowFactory, root: Path, start: str) -> MainWindow:
    loader = LibraryLoader(root)
    return watching(qtbot, make_window(loader.load(), start=start, loader=loader))


def watching(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window watches the folder once its first frame is drawn; wait for that."""
    qtbot.waitUntil(lambda: bool(window.watcher.watched()), timeout=WAIT_MS)
    assert str(window.library.root / "regions") in window.watcher.watched()
    return window


def save(path: Path, text: str) -> None:
    """Save the way many editors do: write a new file beside it, then rename it over."""
    spare = path.with_name(f".{path.name}.swp")
    spare.write_text(text, encoding="utf-8")
    os.replace(spare, path)


def test_saving_a_file_updates_the_open_page_by_itself(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    window = watched_window(qtbot, make_window, content_copy, "calf")
    calf = content_copy / "regions" / "calf.yaml"
    save(calf, calf.read_text(encoding="utf-8").replace("title: Calf", "title: Calf and shin", 1))
    qtbot.waitUntil(
        lambda: window.page_view.toPlainText().startswith("Calf and shin"), timeout=WAIT_MS
    )
    assert window.windowTitle().startswith("Calf and shin")
    button = window.body_map.button_for("calf")
    assert button is not None and button.accessibleName() == "Left calf and shin"

    # The renamed-over file is still watched: a second save is picked up too.
    save(calf, calf.read_text(encoding="utf-8").replace("Calf and shin", "Lower leg", 1))
    qtbot.waitUntil(lambda: window.page_view.toPlainText().startswith("Lower leg"), timeout=WAIT_MS)


def test_a_broken_save_keeps_the_page_and_shows_the_problem_until_fixed(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    window = watched_window(qtbot, make_window, content_copy, "neck")
    shown = window.page_view.toPlainText()
    neck = content_copy / "regions" / "neck.yaml"
    good = neck.read_text(encoding="utf-8")
    save(neck, good.replace("title: Neck", "title: [Neck", 1))
    qtbot.waitUntil(window.problems_bar.isVisible, timeout=WAIT_MS)
    text = window.problems_bar.summary.text()
    assert "regions/neck.yaml:3: not valid YAML" in text
    assert text.startswith(
        "1 problem and 1 note in the content files: 1 page shows its last good version"
    )
    assert window.page_view.toPlainText() == shown
    assert window.navigator.current == "neck"
    assert window.body_map.button_for("neck") is not None

    save(neck, good.replace("title: Neck", "title: Neck and shoulders", 1))
    qtbot.waitUntil(lambda: not window.problems_bar.isVisible(), timeout=WAIT_MS)
    assert window.page_view.toPlainText().startswith("Neck and shoulders")


def test_f5_reloads_at_once_and_search_follows_the_content(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    window = watched_window(qtbot, make_window, content_copy, "calf")
    window.search.run_query("zebrafish")
    assert window.search.model.results == []
    hydration = content_copy / "topics" / "hydration.yaml"
    text = hydration.read_text(encoding="utf-8")
    (content_copy / "topics" / "aquarium.yaml").write_text(
        text.replace("id: hydration", "id: aquarium").replace(
            "title: Drinking enough fluid", "title: Zebrafish keepers and cramps"
        ),
        encoding="utf-8",
    )
    window.reload_action.trigger()
    titles = [heading.title for heading in window.topics.topics.headings]
    assert "Zebrafish keepers and cramps" in titles
    window.search.run_query("zebrafish")
    assert [r.id for r in window.search.model.results][:1] == ["aquarium"]
    window.topics_menu.aboutToShow.emit()  # as when it opens: built afresh after a reload
    menu_titles = [action.text() for action in window.topics_menu.actions()]
    assert "Zebrafish keepers and cramps" in menu_titles
    assert window.reload_action.shortcuts()[0].toString() == "F5"


def test_deleting_the_open_page_goes_home_and_forgets_it_in_history(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    window = watched_window(qtbot, make_window, content_copy, "calf")
    window.navigator.open("hydration")
    window.navigator.open("neck")
    window.navigator.open("hydration")
    (content_copy / "topics" / "hydration.yaml").unlink()
    window.reload_action.trigger()
    assert window.navigator.current == "home"
    assert window.page_view.toPlainText()
    for _ in range(5):
        window.navigator.back()
        assert window.navigator.current != "hydration"
    titles = [heading.title for heading in window.topics.topics.headings]
    assert "Drinking enough fluid" not in titles


def test_a_region_fixed_while_running_appears_on_the_map(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    chest = content_copy / "regions" / "chest.yaml"
    good = chest.read_text(encoding="utf-8")
    chest.write_text("id: chest\ntitle: [oops\n", encoding="utf-8")
    window = watched_window(qtbot, make_window, content_copy, "calf")
    assert window.body_map.button_for("chest") is None
    save(chest, good)
    qtbot.waitUntil(lambda: window.body_map.button_for("chest") is not None, timeout=WAIT_MS)
    button = window.body_map.button_for("chest")
    assert button is not None and button.isVisible()
    # A real click inside the drawn chest lands on it: the new button was laid out and masked.
    click_map(qtbot, window.body_map, interior_point(window.body_map, button))
    assert window.navigator.current == "chest"
    assert not window.problems_bar.isVisible()


def test_a_reload_keeps_the_reader_s_place_on_the_open_page(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    window = watched_window(qtbot, make_window, content_copy, "calf")
    window.resize(900, 500)
    bar = window.page_view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200)
    bar.setValue(200)
    window.reload_action.trigger()
    assert bar.value() == 200
    window.navigator.open("neck")
    assert bar.value() == 0


def test_a_window_opened_from_the_content_cache_also_keeps_a_page_broken_by_a_save(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path, tmp_path: Path
) -> None:
    load_library_cached(content_copy, tmp_path / "content.json")  # writes the cache
    cached = load_library_cached(content_copy, tmp_path / "content.json")
    assert type(cached).__name__ == "CachedLibrary"
    window = watching(qtbot, make_window(cached, start="foot"))  # no loader: nothing parsed yet
    shown = window.page_view.toPlainText()
    foot = content_copy / "regions" / "foot.yaml"
    save(foot, foot.read_text(encoding="utf-8").replace("title: Foot", "title: [Foot", 1))
    qtbot.waitUntil(window.problems_bar.isVisible, timeout=WAIT_MS)
    assert "regions/foot.yaml:3: not valid YAML" in window.problems_bar.summary.text()
    assert window.navigator.current == "foot"
    assert window.page_view.toPlainText() == shown


def test_every_part_follows_a_reload_and_nothing_unopened_is_made(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    """The views follow the library model themselves; a reload builds nothing never opened."""
    loader = LibraryLoader(content_copy)
    window = make_window(loader.load(), start="calf", loader=loader)
    calf = content_copy / "regions" / "calf.yaml"
    save(calf, calf.read_text(encoding="utf-8").replace("title: Calf", "title: Lower leg", 1))
    neck = content_copy / "regions" / "neck.yaml"
    save(neck, neck.read_text(encoding="utf-8").replace("title: Neck", "title: [Neck", 1))
    with qtbot.waitSignal(window.model.reloaded):
        window.reload_action.trigger()

    button = window.body_map.button_for("calf")
    assert button is not None and button.accessibleName() == "Left lower leg"  # the map
    assert window.page_view.toPlainText().startswith("Lower leg")  # the page pane
    assert window.windowTitle().startswith("Lower leg")
    regions = [action.text() for action in window.regions_menu.actions()]
    assert regions == [page.title for page in window.library.regions]  # Go → Body regions
    assert "Lower leg" in regions
    assert window.problems_bar.isVisible()  # the problems bar
    assert "regions/neck.yaml" in window.problems_bar.summary.text()

    assert window.search._popup is None  # search was never used: no results list
    assert window.basket_dock.widget() is None  # the basket was never shown
    assert [w for w in window.findChildren(QDialog) if w.windowTitle() == "Preferences"] == []

    window.search.run_query("lower leg")  # made now, with the titles as they are now
    assert window.search.model.region_titles["calf"] == "Lower leg"
