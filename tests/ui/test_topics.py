"""The topics list: a proper item model, every topic by title, and a click opens its page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bodymap.content.model import ContentLibrary, PageHeading
from bodymap.ui.library_model import LibraryModel
from bodymap.ui.roles import PAGE_ID_ROLE
from bodymap.ui.topics import TopicsList, TopicsModel
from tests.ui.conftest import as_shown


def test_topics_model_passes_the_model_tester(
    qtmodeltester: ModelTester, shipped_library: ContentLibrary
) -> None:
    model = TopicsModel(shipped_library.topic_headings())
    qtmodeltester.check(model)


def test_rows_show_titles_in_order_with_summaries(shipped_library: ContentLibrary) -> None:
    model = TopicsModel(shipped_library.topic_headings())
    topics = shipped_library.topics
    assert model.rowCount() == len(topics)
    for row, page in enumerate(topics):
        index = model.index(row, 0)
        assert index.data() == page.title
        assert as_shown(index.data(Qt.ItemDataRole.ToolTipRole)) == page.summary
        assert index.data(PAGE_ID_ROLE) == page.id
    assert not model.index_of("calf").isValid()  # a region is not a topic


def test_a_thousand_topics_list_and_open(qtbot: QtBot, tmp_path: Path) -> None:
    headings = [PageHeading(f"topic-{n:04}", f"Topic {n:04}", f"About {n}") for n in range(1000)]
    view = TopicsList(LibraryModel(ContentLibrary(tmp_path)))
    view.topics.set_headings(headings)
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    view.show_open_page("topic-0900")
    assert view.current_page_id() == "topic-0900"
    index = view.currentIndex()
    assert view.viewport().rect().contains(view.visualRect(index).center())  # scrolled to it
    with qtbot.waitSignal(view.pageRequested) as opened:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
    assert opened.args == ["topic-0900"]
    view.show_open_page("calf")
    assert not view.selectionModel().selectedIndexes()
