"""The running title of a continued sheet stays on its one line, however long the page's title
(issue #16: the Spanish title "Calambres en el embarazo, en los niños y en las personas
mayores" took two lines and ran into the sheet's first heading)."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from bodymap.content.loader import load_library
from bodymap.handout.compose import HandoutRequest
from bodymap.handout.pdf import write_pdf
from bodymap.paths import content_dir
from bodymap.qtshared.diagram import BodyDiagram


def header_lines(path: Path, sheet: int) -> list[str]:
    """The lines of a sheet's text down to its first heading: the running title first."""
    text = PdfReader(path).pages[sheet].extract_text()
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(("language", "suffix"), [("es", "(CONTINUACIÓN)"), ("en", "(CONTINUED)")])
def test_a_long_title_is_shortened_to_one_line_and_keeps_continued(
    qapp: QApplication, tmp_path: Path, language: str, suffix: str
) -> None:
    library = load_library(content_dir(), language=language)
    page = library.get("life-stages")
    assert page is not None
    long_title = f"{page.title}, {page.title}"  # far too long for one line at any size
    library.pages["life-stages"] = msgspec.structs.replace(page, title=long_title)
    target = tmp_path / "handout.pdf"
    request = HandoutRequest(("life-stages",), languages=(language,))
    write_pdf(target, request, library, BodyDiagram())
    assert len(PdfReader(target).pages) >= 2
    first = header_lines(target, 1)[0]
    assert first.endswith(suffix), first
    assert "…" in first
    assert first.startswith(long_title.upper()[:20])


def test_a_title_that_fits_is_printed_whole(qapp: QApplication, tmp_path: Path) -> None:
    library = load_library(content_dir(), language="es")
    target = tmp_path / "handout.pdf"
    write_pdf(target, HandoutRequest(("muscle-cramps",), languages=("es",)), library, BodyDiagram())
    first = header_lines(target, 1)[0]
    assert first == "ESPASMOS Y CALAMBRES MUSCULARES (CONTINUACIÓN)"
