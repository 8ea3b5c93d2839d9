"""Markup, scripts and addresses from the broken-content corpus, as a person sees them.

In the page pane and in the printed handout, every character a content file holds is shown as
text: a ``<script>`` is read, never run; an ``<img src="file://...">`` or ``http://`` address is
never fetched and never becomes a link.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary, Page
from bodymap.content.render import WARNING_ICON
from bodymap.handout.compose import HandoutRequest, UnsafePageError, printed_site
from bodymap.handout.pdf import render_pdf
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.ui.page_view import PageView
from bodymap.ui.theme import LIGHT
from tests.content.corpus_cases import (
    CASES,
    MARKUP_REGION,
    MARKUP_TOPIC,
    markup_payloads,
    refuse_network,
)

SHOWN_CASES = ("markup-in-every-region-field", "markup-in-every-topic-field")
ADDRESSES = "web-and-file-addresses"
ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_network(monkeypatch)


@pytest.fixture
def library(content_copy: Path) -> ContentLibrary:
    for name in (*SHOWN_CASES, ADDRESSES):
        CASES[name].write(content_copy)
    library = load_library(content_copy)
    assert [p for p in library.errors if not p.rule] == []  # read; the rules: test_checks
    return library


def page_from(library: ContentLibrary, relative: str) -> Page:
    return next(p for p in library.pages.values() if p.path == library.root / relative)


class RecordingPageView(PageView):
    """The real page pane, noting every resource (image, style sheet) the text asks for."""

    def __init__(self) -> None:
        super().__init__(LIGHT)
        self.asked: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        self.asked.append(QUrl(name).toString())
        return super().loadResource(kind, name)


def shown(qtbot: QtBot, library: ContentLibrary, page: Page) -> RecordingPageView:
    view = RecordingPageView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show_page(page, library, "999")
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # paint it all, so every image the text holds is asked for
    return view


@pytest.mark.parametrize("relative", [MARKUP_REGION, MARKUP_TOPIC])
def test_markup_in_every_field_is_shown_as_text_in_the_page_pane(
    qtbot: QtBot, library: ContentLibrary, relative: str
) -> None:
    view = shown(qtbot, library, page_from(library, relative))
    text = view.toPlainText()
    for field_path, markup in markup_payloads(relative):
        assert markup in text, field_path
    assert set(view.asked) <= {WARNING_ICON}


def test_addresses_in_text_are_never_fetched_or_linked(
    qtbot: QtBot, library: ContentLibrary
) -> None:
    page = library.get(ADDRESSES)
    assert page is not None
    view = shown(qtbot, library, page)
    text = view.toPlainText()
    assert '<img src="file:///etc/passwd">' in text
    assert "file:///etc/passwd" in text and "http://127.0.0.1:9/track" in text
    assert set(view.asked) <= {WARNING_ICON}
    for attribute, value in ATTRIBUTE.findall(view.document().toHtml()):
        assert value.startswith("page:") if attribute == "href" else value == WARNING_ICON
    assert not view.openLinks() and not view.openExternalLinks()


@pytest.mark.parametrize(
    "address", ["file:///etc/passwd", "http://127.0.0.1:9/x.png", "https://example.com/a.css"]
)
def test_the_page_pane_refuses_every_address_but_its_icon(qtbot: QtBot, address: str) -> None:
    view = PageView(LIGHT)
    qtbot.addWidget(view)
    image = QTextDocument.ResourceType.ImageResource.value
    assert view.loadResource(image, QUrl(address)) is None
    assert view.loadResource(image, QUrl(WARNING_ICON)) is not None


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_markup_in_every_field_is_printed_as_text_on_the_handout(
    library: ContentLibrary, qapp: Any
) -> None:
    region, topic = page_from(library, MARKUP_REGION), page_from(library, MARKUP_TOPIC)
    request = HandoutRequest((region.id, topic.id, ADDRESSES), printed=dt.date(2026, 11, 21))
    with pytest.raises(UnsafePageError):  # markup for every red flag drops the real ones...
        render_pdf(request, library, BodyDiagram())
    # ... so to see how markup prints, the safety rules are set aside here (and only here).
    library.problems = [problem for problem in library.problems if not problem.blocks_output]
    data, _ = render_pdf(request, library, BodyDiagram())
    printed = squash("".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))
    for relative in (MARKUP_REGION, MARKUP_TOPIC):
        for field_path, markup in markup_payloads(relative):
            # A handout prints only the site of a source's address (nhs.uk), not all of it.
            expected = printed_site(markup) if field_path.endswith(".url") else markup
            assert squash(expected) in printed, field_path
    assert squash('<img src="file:///etc/passwd">') in printed
