"""Handouts as PDF, read back with a real PDF library: what a person printing one would check."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import io
import re
import weakref
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from bodymap.content.loader import load_library
from bodymap.content.model import EMERGENCY_PLACEHOLDER, ContentLibrary, Page, RegionPage
from bodymap.content.outline import page_texts
from bodymap.content.spelling import US, respell
from bodymap.handout.compose import DISCLAIMER, ClinicDetails, HandoutRequest
from bodymap.handout.paint import paint_region_diagram
from bodymap.handout.pdf import HandoutResult, paint_handout, render_pdf, write_pdf
from bodymap.qtshared.diagram import BodyDiagram

PRINTED = dt.date(2026, 11, 21)
CLINIC = ClinicDetails(
    name="Harbourside Massage Therapy",
    address="12 Quay Street\nPortsmouth PO1 2AB",
    phone="023 9200 1234",
    website="harboursidemassage.co.uk",
    footer_note="Questions? Call us Monday to Saturday.",
)
NO_CLINIC = ClinicDetails()
POINTS = {"A4": (595, 842), "Letter": (612, 792)}
MAX_REGION_SHEETS = 3
"""Every red flag in three tiers (issue #12) no longer fits one sheet for every region."""


@pytest.fixture(scope="module")
def diagram(qapp: QApplication) -> BodyDiagram:
    return BodyDiagram()


@dataclasses.dataclass
class Printed:
    reader: PdfReader
    result: HandoutResult

    @functools.cached_property
    def pages(self) -> list[str]:
        return [squash(page.extract_text()) for page in self.reader.pages]

    @property
    def text(self) -> str:
        return "".join(self.pages)


def squash(text: str) -> str:
    """Text with all white space removed, so line breaks and word spacing do not matter."""
    return re.sub(r"\s+", "", text)


def make(
    library: ContentLibrary,
    diagram: BodyDiagram,
    tmp_path: Path,
    *ids: str,
    clinic: ClinicDetails = NO_CLINIC,
    paper: str = "A4",
) -> Printed:
    tmp_path.mkdir(parents=True, exist_ok=True)
    target = tmp_path / "handout.pdf"
    request = HandoutRequest(ids, clinic, paper, "999", PRINTED)
    result = write_pdf(target, request, library, diagram)
    return Printed(PdfReader(target), result)


@pytest.fixture(scope="module")
def one_region_each(
    shipped_library: ContentLibrary, diagram: BodyDiagram, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Printed]:
    """Each region printed on its own on A4 without clinic details (made once, read often)."""
    folder = tmp_path_factory.mktemp("regions")
    return {
        region.id: make(shipped_library, diagram, folder / region.id, region.id)
        for region in shipped_library.regions
    }


def reading_texts(page: Page) -> Iterator[str]:
    for _, text in page_texts(page):
        # Printed in the default spelling (US), from the British source text.
        yield squash(respell(text, US).replace(EMERGENCY_PLACEHOLDER, "999"))


def test_every_section_of_a_region_is_in_the_pdf(
    shipped_library: ContentLibrary, one_region_each: dict[str, Printed]
) -> None:
    for region in shipped_library.regions:
        text = one_region_each[region.id].text
        for heading in ("Likelycauses", "Whentoseeadoctor", "Recommendedmassage",
                        "Self-massageathome", "Prevention", "Sources:"):  # fmt: skip
            assert heading in text, (region.id, heading)
        for expected in reading_texts(region):
            assert expected in text, (region.id, expected)
        for source in region.sources:
            assert squash(f"{source.organisation}: {source.title}") in text
        assert squash(f"Last reviewed {region.reviewed.day} {region.reviewed:%B %Y}") in text


def test_topic_sections_are_in_the_pdf(
    shipped_library: ContentLibrary, diagram: BodyDiagram, tmp_path: Path
) -> None:
    topic = shipped_library.get("when-not-to-massage")
    assert topic is not None
    text = make(shipped_library, diagram, tmp_path, topic.id).text
    for expected in reading_texts(topic):
        assert expected in text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_each_region_is_printed_on_pages_of_the_right_size(
    shipped_library: ContentLibrary,
    diagram: BodyDiagram,
    tmp_path: Path,
    one_region_each: dict[str, Printed],
    paper: str,
) -> None:
    for region in shipped_library.regions:
        printed = (
            one_region_each[region.id]
            if paper == "A4"
            else make(shipped_library, diagram, tmp_path, region.id, paper=paper)
        )
        assert 1 <= len(printed.reader.pages) <= 4, (region.id, paper)
        for page in printed.reader.pages:
            box = page.mediabox
            assert (round(float(box.width)), round(float(box.height))) == POINTS[paper]


def test_warning_and_red_flags_come_before_the_massage(
    shipped_library: ContentLibrary, one_region_each: dict[str, Printed]
) -> None:
    for region in shipped_library.regions:
        assert region.warning is not None
        text = one_region_each[region.id].text
        warning = text.index(squash("Warning: " + region.warning.heading))
        red_flag = text.index(squash(region.red_flags.emergency[0].replace("{emergency}", "999")))
        technique = text.index(squash(region.techniques[0].text))
        assert warning < red_flag < technique, region.id


def test_a_multi_page_handout_keeps_the_order_asked_for(
    shipped_library: ContentLibrary, diagram: BodyDiagram, tmp_path: Path
) -> None:
    ids = ("calf", "back", "hydration")
    printed = make(shipped_library, diagram, tmp_path, *ids)
    titles = [shipped_library.get(i).title for i in ids]  # type: ignore[union-attr]
    firsts = [sum(printed.result.page_sheets[:n]) for n in range(len(ids))]
    assert len(printed.reader.pages) == sum(printed.result.page_sheets)
    for first, title in zip(firsts, titles, strict=True):
        assert printed.pages[first].startswith(squash(title))  # each starts a new sheet
    assert printed.reader.metadata is not None
    assert printed.reader.metadata.title == "Handout: Calf, Back and Drinking enough fluid"


def test_footer_on_every_page(
    shipped_library: ContentLibrary, diagram: BodyDiagram, tmp_path: Path
) -> None:
    ids = ("neck", "chest", "stomach", "back", "calf", "foot", "hydration", "stretching")
    printed = make(shipped_library, diagram, tmp_path, *ids, clinic=CLINIC)
    total = len(printed.reader.pages)
    assert total > len(ids)  # clear print: regions take more than one sheet
    for number, text in enumerate(printed.pages, start=1):
        assert f"Page{number}of{total}" in text
        assert "Printed21November2026" in text
        assert squash(DISCLAIMER) in text
        assert squash(CLINIC.footer_note) in text


def test_clinic_details_appear_only_when_set(
    shipped_library: ContentLibrary, diagram: BodyDiagram, tmp_path: Path
) -> None:
    details = [CLINIC.name, "12 Quay Street", "Portsmouth PO1 2AB", CLINIC.phone, CLINIC.website]
    with_clinic = make(shipped_library, diagram, tmp_path, "calf", clinic=CLINIC)
    for detail in details:
        assert squash(detail) in with_clinic.pages[0]
    assert with_clinic.reader.metadata is not None
    assert with_clinic.reader.metadata.author == CLINIC.name
    without = make(shipped_library, diagram, tmp_path, "calf")
    for detail in (*details, "Phone", CLINIC.footer_note):
        assert squash(detail) not in without.text
    assert images_on(without.reader) == 0


def test_pdf_metadata_real_text_and_embedded_fonts(
    shipped_library: ContentLibrary, diagram: BodyDiagram, tmp_path: Path
) -> None:
    printed = make(shipped_library, diagram, tmp_path, "calf")
    metadata = printed.reader.metadata
    assert metadata is not None
    assert metadata.title == "Calf: muscle spasms and cramps"
    assert metadata.creator == "BodyMap"
    assert "Calfcramps,oftencalledacharleyhorse" in printed.text  # text, not drawn outlines
    assert "qualified" in printed.text  # no "ﬁ" ligature glyphs: it searches as typed
    fonts = resources(printed.reader, 0, "/Font")
    assert len(fonts) >= 2  # regular and bold
    for reference in fonts.values():
        font = reference.get_object()
        assert isinstance(font, DictionaryObject)
        descendant = font["/DescendantFonts"][0].get_object()  # type: ignore[index]
        descriptor = descendant["/FontDescriptor"]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def resources(reader: PdfReader, page: int, kind: str) -> DictionaryObject:
    found = reader.pages[page]["/Resources"]
    assert isinstance(found, DictionaryObject)
    entries = found.get(kind)
    return entries.get_object() if entries is not None else DictionaryObject()


def images_on(reader: PdfReader) -> int:
    count = 0
    for index in range(len(reader.pages)):
        objects = resources(reader, index, "/XObject")
        count += sum(1 for o in objects.values() if o.get_object()["/Subtype"] == "/Image")
    return count


def logo_file(tmp_path: Path) -> Path:
    image = QImage(400, 160, QImage.Format.Format_ARGB32)
    image.fill(QColor("#2a7a6f"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


def test_the_logo_is_printed_when_set(
    shipped_library: ContentLibrary, diagram: BodyDiagram, tmp_path: Path
) -> None:
    clinic = msgspec.structs.replace(CLINIC, logo_path=str(logo_file(tmp_path)))
    printed = make(shipped_library, diagram, tmp_path, "neck", clinic=clinic)
    assert images_on(printed.reader) == len(printed.reader.pages)  # in every page's header
    assert printed.result.notices == []


@pytest.mark.parametrize(
    ("make_logo", "message"),
    [
        (lambda folder: folder / "missing.png", "does not exist"),
        (lambda folder: folder, "is a folder, not an image file"),
        (lambda folder: folder / "notes.png", "is a text file, not a picture"),
    ],
)
def test_an_unusable_logo_is_explained_and_the_handout_is_still_made(
    shipped_library: ContentLibrary,
    diagram: BodyDiagram,
    tmp_path: Path,
    make_logo: object,
    message: str,
) -> None:
    (tmp_path / "notes.png").write_text("not a picture", encoding="utf-8")
    assert callable(make_logo)
    logo = make_logo(tmp_path)
    clinic = msgspec.structs.replace(CLINIC, logo_path=str(logo))
    printed = make(shipped_library, diagram, tmp_path, "neck", clinic=clinic)
    assert len(printed.result.notices) == 1
    assert message in printed.result.notices[0] and str(logo) in printed.result.notices[0]
    assert "made without the logo" in printed.result.notices[0]
    assert squash(CLINIC.name) in printed.text
    assert images_on(printed.reader) == 0


def long_library(content_copy: Path) -> ContentLibrary:
    """The calf page with every list four times as long: far too much for one sheet."""
    library = load_library(content_copy)
    calf = library.region("calf")
    assert calf is not None
    longer = msgspec.structs.replace(
        calf,
        causes=calf.causes * 4,
        techniques=calf.techniques * 3,
        prevention=calf.prevention * 4,
    )
    library.pages["calf"] = longer
    return library


def test_long_pages_flow_on_without_cutting_an_item_in_half(
    content_copy: Path, diagram: BodyDiagram, tmp_path: Path
) -> None:
    library = long_library(content_copy)
    calf = library.region("calf")
    assert isinstance(calf, RegionPage) and calf.warning is not None
    printed = make(library, diagram, tmp_path, "calf")
    pages = printed.pages
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"Page{number}of{len(pages)}" in text
    assert "Calf(continued)".upper() in pages[1].upper()
    whole = [
        *(squash(f"{c.name}. {c.text}") for c in calf.causes),
        *(squash(f"{t.name}. {t.text}") for t in calf.techniques),
        *(squash(tip) for tip in calf.prevention),
        squash(calf.warning.text.replace("{emergency}", "999")),
        *(squash(item.replace("{emergency}", "999")) for item in calf.red_flags.doctor_soon),
    ]
    for item in whole:
        assert any(item in text for text in pages), f"cut across pages: {item[:40]}"
    # A heading is never left at the foot of a page: what follows it is on the same page.
    for heading, first in (
        ("Likely causes", f"{calf.causes[0].name}. {calf.causes[0].text}"),
        ("What a massage therapist may do", f"{calf.techniques[0].name}."),
        ("Prevention", calf.prevention[0]),
    ):
        (page,) = [text for text in pages if squash(heading) in text]
        after = page[page.index(squash(heading)) + len(squash(heading)) :]
        assert re.match("•?" + re.escape(squash(first)), after), heading


def test_render_pdf_returns_bytes_without_touching_the_disk(
    shipped_library: ContentLibrary, diagram: BodyDiagram, tmp_path: Path
) -> None:
    data, result = render_pdf(HandoutRequest(("foot",)), shipped_library, diagram)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert result.sheets == len(PdfReader(io.BytesIO(data)).pages)
    assert list(tmp_path.iterdir()) == []


def test_handouts_let_go_of_their_pdf_writer_and_printer(
    shipped_library: ContentLibrary, diagram: BodyDiagram, tmp_path: Path
) -> None:
    """Every export used to keep its QPdfWriter for good, every print its QPrinter (the soak)."""
    for page_id in ("calf", "hydration", "calf"):
        render_pdf(HandoutRequest((page_id,)), shipped_library, diagram)
    gc.collect()
    assert [item for item in gc.get_objects() if isinstance(item, QPdfWriter)] == []
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    sheets = paint_handout(printer, HandoutRequest(("back",)), shipped_library, diagram).sheets
    printed = weakref.ref(printer)
    del printer
    gc.collect()
    assert printed() is None
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == sheets


def interior_points(diagram: BodyDiagram, region_id: str, transform_rect: QRectF) -> list[QPointF]:
    transform = diagram.fit(transform_rect)
    points = []
    for shape in diagram.shapes:
        if shape.region_id != region_id:
            continue
        path = transform.map(shape.path)
        box = path.boundingRect()
        step = 2.0
        y = box.top()
        while y < box.bottom():
            x = box.left()
            while x < box.right():
                near = [QPointF(x + dx, y + dy) for dx in (-3, 0, 3) for dy in (-3, 0, 3)]
                if all(path.contains(p) for p in near):
                    points.append(QPointF(x, y))
                x += step
            y += step
    return points


def darkness(image: QImage, points: list[QPointF]) -> float:
    values = [QColor(image.pixel(p.toPoint())).lightnessF() for p in points]
    return 1 - sum(values) / len(values)


@pytest.mark.parametrize("region_id", ["calf", "chest", "neck"])
def test_the_diagram_marks_the_right_region(diagram: BodyDiagram, region_id: str) -> None:
    rect = QRectF(0, 0, 400, 500)
    image = QImage(400, 500, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    paint_region_diagram(painter, diagram, region_id, rect, millimetre=4)
    painter.end()
    marked = interior_points(diagram, region_id, rect)
    others = [
        p
        for other in sorted(diagram.region_ids() - {region_id})
        for p in interior_points(diagram, other, rect)
    ]
    assert marked and others
    assert darkness(image, marked) > darkness(image, others) + 0.25
