"""Clear print and large print, read back from the PDF with pypdf (not the code's own numbers).

The size of each run of text is the PDF's font size times the scale of its text matrix and the
page's transformation, in points: what a ruler on the paper would measure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgspec
import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from bodymap.content.model import EMERGENCY_PLACEHOLDER, ContentLibrary
from bodymap.content.spelling import US, respell
from bodymap.handout.compose import DISCLAIMER, HandoutRequest
from bodymap.handout.pdf import write_pdf
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.settings import ClinicDetails, PrintSize

PRINTED = dt.date(2026, 11, 21)
MINIMUM = {PrintSize.CLEAR: (12.0, 11.0), PrintSize.LARGE: (16.0, 14.0)}
"""(body text, anything at all) in points: RNIB / UKAAF clear print and large print."""


@dataclasses.dataclass(frozen=True)
class Run:
    """One run of text as the PDF draws it: words, size (pt), where it starts (pt)."""

    text: str
    size: float
    x: float
    y: float
    page: int


def runs(reader: PdfReader) -> list[Run]:
    found: list[Run] = []
    for number, page in enumerate(reader.pages):

        def visit(  # noqa: PLR0917 - pypdf calls it so
            text: str, cm: Any, tm: Any, font: Any, size: float, number: int = number
        ) -> None:
            if not text.strip():
                return
            a, b, c, d = tm[0], tm[1], tm[2], tm[3]
            m = [
                a * cm[0] + b * cm[2],
                a * cm[1] + b * cm[3],
                c * cm[0] + d * cm[2],
                c * cm[1] + d * cm[3],
            ]
            scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(Run(text.strip(), round(size * scale, 2), x, y, number))

        page.extract_text(visitor_text=visit)
    return found


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def logo(folder: Path) -> Path:
    image = QImage(600, 240, QImage.Format.Format_ARGB32)
    image.fill(QColor("#2a7a6f"))
    path = folder / "logo.png"
    assert image.save(str(path))
    return path


CLINIC = ClinicDetails(
    name="Harbourside Massage Therapy",
    address="12 Quay Street\nPortsmouth PO1 2AB",
    phone="023 9200 1234",
    website="harboursidemassage.co.uk",
    footer_note="Questions? Call us Monday to Saturday.",
)


@dataclasses.dataclass
class Printed:
    reader: PdfReader
    runs: list[Run]

    @property
    def pages(self) -> list[str]:
        return [squash(page.extract_text()) for page in self.reader.pages]


def make(
    library: ContentLibrary,
    folder: Path,
    ids: Sequence[str],
    size: PrintSize,
    paper: str,
    **request: Any,
) -> Printed:
    folder.mkdir(parents=True, exist_ok=True)
    clinic = msgspec.structs.replace(CLINIC, logo_path=str(logo(folder)))
    target = folder / "handout.pdf"
    write_pdf(
        target,
        HandoutRequest(tuple(ids), clinic, paper, "999", PRINTED, print_size=size, **request),
        library,
        BodyDiagram(),
    )
    reader = PdfReader(target)
    return Printed(reader, runs(reader))


CASES = [(size, paper) for size in PrintSize for paper in ("A4", "Letter")]


@pytest.fixture(scope="module")
def everything(
    qapp: QApplication, shipped_library: ContentLibrary, tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[PrintSize, str], Printed]:
    """Every region and a topic, with a clinic header, a logo and a client, in each size."""
    ids = [*(page.id for page in shipped_library.regions), "hydration"]
    return {
        (size, paper): make(
            shipped_library,
            tmp_path_factory.mktemp(f"{size.value}-{paper}"),
            ids,
            size,
            paper,
            client_name="Ana Silva",
            note="Stretch after your walk.",
        )
        for size, paper in CASES
    }


@pytest.mark.parametrize(("size", "paper"), CASES)
def test_nothing_on_the_page_is_smaller_than_the_print_size_allows(
    everything: dict[tuple[PrintSize, str], Printed], size: PrintSize, paper: str
) -> None:
    printed = everything[(size, paper)]
    body, floor = MINIMUM[size]
    smallest = min(printed.runs, key=lambda run: run.size)
    assert smallest.size >= floor - 0.01, smallest
    # What most of the words are set in (the body text) is the body size or more.
    words = Counter[float]()
    for run in printed.runs:
        words[run.size] += len(run.text.split())
    common, _ = words.most_common(1)[0]
    assert common >= body - 0.01
    # The sources, the footer and the clinic's address are there, and at the floor or above.
    for small in ("Sources", "Thishandoutisforeducationonly", "12QuayStreet", "Printed21"):
        found = [run for run in printed.runs if squash(run.text).startswith(small)]
        assert found, small
        assert min(run.size for run in found) >= floor - 0.01, small


@pytest.mark.parametrize("size", list(PrintSize))
def test_headings_are_larger_than_the_body_text(
    everything: dict[tuple[PrintSize, str], Printed], size: PrintSize
) -> None:
    printed = everything[(size, "A4")]
    body, _ = MINIMUM[size]
    for heading in ("Likelycauses", "Whentoseeadoctor", "Prevention"):
        sizes = {run.size for run in printed.runs if squash(run.text) == heading}
        assert sizes and min(sizes) > body + 2, heading
    titles = [run for run in printed.runs if squash(run.text) == "Calf"]
    assert titles and max(run.size for run in titles) >= 2 * body


def line_starts(printed: Printed, minimum: float) -> list[float]:
    """The left edge of each line of text at least ``minimum`` points high, in points."""
    lines: dict[tuple[int, int], float] = {}
    for run in printed.runs:
        if run.size >= minimum:
            key = (run.page, round(run.y))
            lines[key] = min(lines.get(key, run.x), run.x)
    return list(lines.values())


def test_large_print_is_one_column_and_clear_print_two(
    everything: dict[tuple[PrintSize, str], Printed],
) -> None:
    width = float(everything[(PrintSize.CLEAR, "A4")].reader.pages[0].mediabox.width)
    clear = line_starts(everything[(PrintSize.CLEAR, "A4")], 12)
    large = line_starts(everything[(PrintSize.LARGE, "A4")], 16)
    assert sum(1 for x in clear if x > width * 0.45) > 50  # a second column
    assert max(large) < width * 0.3  # every line starts at the left


@pytest.mark.parametrize(("size", "paper"), CASES)
def test_every_page_keeps_the_footer_and_the_warnings_come_first(
    shipped_library: ContentLibrary,
    everything: dict[tuple[PrintSize, str], Printed],
    size: PrintSize,
    paper: str,
) -> None:
    pages = everything[(size, paper)].pages
    assert len(pages) > 7  # a region may take two or more pages
    for number, text in enumerate(pages, start=1):
        assert f"Page{number}of{len(pages)}" in text
        assert "Printed21November2026" in text
        assert squash(DISCLAIMER) in text
    text = "".join(pages)
    for region in shipped_library.regions:
        assert region.warning is not None
        start = text.index(squash(region.title) + "MUSCLESPASMSANDCRAMPS")
        warning = text.index(squash("Warning: " + region.warning.heading), start)
        flag = squash(region.red_flags.emergency[0].replace(EMERGENCY_PLACEHOLDER, "999"))
        technique = squash(f"{region.techniques[0].name}. {region.techniques[0].text}")
        assert warning < text.index(flag, start) < text.index(technique, start), region.id


def shown(text: str) -> str:
    """Content text as printed: in the default (US) spelling, spaces squashed."""
    return squash(respell(text, US))


@pytest.mark.parametrize("size", list(PrintSize))
def test_no_item_is_split_across_pages(
    everything: dict[tuple[PrintSize, str], Printed],
    shipped_library: ContentLibrary,
    size: PrintSize,
) -> None:
    pages = everything[(size, "Letter")].pages
    for region in shipped_library.regions:
        whole = [
            *(shown(f"{c.name}. {c.text}") for c in region.causes),
            *(shown(f"{t.name}. {t.text}") for t in region.techniques),
            *(shown(tip) for tip in region.prevention),
            *(shown(step) for step in region.self_massage.steps),
            *(
                shown(flag.replace(EMERGENCY_PLACEHOLDER, "999"))
                for flag in region.red_flags.doctor_soon
            ),
        ]
        for item in whole:
            assert any(item in page for page in pages), (region.id, item[:40])


def test_the_client_and_the_note_are_on_the_first_page_only(
    everything: dict[tuple[PrintSize, str], Printed],
) -> None:
    for printed in everything.values():
        first, *rest = printed.pages
        assert "For:AnaSilva·21November2026" in first
        assert "Anotefromyourtherapist" + "Stretchafteryourwalk." in first
        assert not any("AnaSilva" in page for page in rest)
