"""The window shows English in the spelling of the clinic's country: US, or British for GB."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from bodymap.content.model import ContentLibrary
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.qtshared.settings import open_store
from bodymap.settings import Settings
from bodymap.ui.main_window import MainWindow


@pytest.mark.parametrize(
    ("territory", "shown", "not_shown"),
    [
        ("US", "the color of cola", "the colour of cola"),
        ("GB", "the colour of cola", "the color of cola"),
    ],
)
def test_the_page_follows_the_clinic_country_spelling(
    qtbot: QtBot,
    shipped_library: ContentLibrary,
    territory: str,
    shown: str,
    not_shown: str,
) -> None:
    settings = Settings(open_store(), territory=territory)
    window = MainWindow(shipped_library, BodyDiagram(), settings)
    qtbot.addWidget(window)
    window.show()
    window.start("calf")
    text = window.page_view.toPlainText()
    assert shown in text and not_shown not in text
