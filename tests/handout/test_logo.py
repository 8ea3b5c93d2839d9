"""The clinic's logo from the files clinics really have: a phone photo, a banner, a tall crest,
an SVG, a huge scan, and files that are not pictures at all."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from bodymap.content.model import ContentLibrary
from bodymap.handout.compose import HandoutRequest
from bodymap.handout.layout import logo_box
from bodymap.handout.logo import LogoError, load_logo
from bodymap.handout.pdf import write_pdf
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.settings import ClinicDetails, PrintSize

MM = 72 / 25.4
MARGIN_LEFT = 11 * MM


def picture(path: Path, width: int, height: int, fmt: str = "PNG") -> Path:
    """A two-colour picture: the left half red, the right half blue."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("blue"))
    painter = QPainter(image)
    painter.fillRect(0, 0, width // 2, height, QColor("red"))
    painter.end()
    assert image.save(str(path), fmt)  # type: ignore[call-overload]  # PySide takes str
    return path


def with_exif_orientation(jpeg: bytes, orientation: int) -> bytes:
    """The JPEG with an EXIF block whose Orientation tag (0x0112) is ``orientation``, written
    as a phone camera does (big-endian TIFF header, one IFD entry)."""
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8)
    ifd = struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0)
    ifd += struct.pack(">I", 0)
    payload = b"Exif\x00\x00" + tiff + ifd
    app1 = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + app1 + jpeg[2:]


def phone_photo(folder: Path) -> Path:
    """A landscape-stored 400 x 200 photo the phone says to turn 90 degrees clockwise."""
    stored = picture(folder / "stored.jpg", 400, 200, "JPEG")
    path = folder / "IMG_2041.jpg"
    path.write_bytes(with_exif_orientation(stored.read_bytes(), 6))
    return path


def test_a_phone_photo_is_read_upright(qapp: QApplication, tmp_path: Path) -> None:
    logo = load_logo(str(phone_photo(tmp_path)))
    assert logo.image is not None
    assert (logo.image.width(), logo.image.height()) == (200, 400)  # portrait, as taken
    top = QColor(logo.image.pixel(100, 20))
    bottom = QColor(logo.image.pixel(100, 380))
    assert top.red() > 200 > top.blue()  # the stored left (red) is now the top
    assert bottom.blue() > 200 > bottom.red()
    assert "turned upright" in logo.description


def test_logo_boxes_keep_the_shape_and_stay_legible() -> None:
    banner = logo_box(2000 / 100, 188)
    assert banner.own_row and banner.height >= 9 and banner.width <= 188
    assert banner.width / banner.height == pytest.approx(20)
    tall = logo_box(300 / 900, 188)
    assert not tall.own_row and tall.height == pytest.approx(24)
    assert tall.width / tall.height == pytest.approx(1 / 3)
    square = logo_box(1, 188)
    assert 18 <= square.width == square.height <= 22
    assert logo_box(1, 188, scale=1.25).width > square.width


def image_rectangles(reader: PdfReader, page: int = 0) -> list[tuple[float, float, float, float]]:
    """Where each image is drawn on a page (x, y, width, height in points)."""
    content = ContentStream(reader.pages[page].get_contents(), reader)
    matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    found = []
    for operands, operator in content.operations:
        if operator == b"q":
            stack.append(matrix)
        elif operator == b"Q":
            matrix = stack.pop()
        elif operator == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            m = matrix
            matrix = [
                a * m[0] + b * m[2],
                a * m[1] + b * m[3],
                c * m[0] + d * m[2],
                c * m[1] + d * m[3],
                e * m[0] + f * m[2] + m[4],
                e * m[1] + f * m[3] + m[5],
            ]
        elif operator == b"Do":
            found.append((matrix[4], matrix[5], abs(matrix[0]), abs(matrix[3])))
    return found


def name_start(reader: PdfReader) -> float:
    """Where the clinic's name starts, in points from the left of the page."""
    starts: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip().startswith("Harbourside"):
            starts.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    reader.pages[0].extract_text(visitor_text=visit)
    return starts[0]


def printed_with(
    library: ContentLibrary, folder: Path, logo: Path, size: PrintSize = PrintSize.CLEAR
) -> PdfReader:
    clinic = ClinicDetails(name="Harbourside Massage Therapy", phone="023 9200 1234")
    clinic = msgspec.structs.replace(clinic, logo_path=str(logo))
    target = folder / f"{logo.stem}-{size.value}.pdf"
    result = write_pdf(
        target,
        HandoutRequest(("neck",), clinic, "A4", print_size=size),
        library,
        BodyDiagram(),
    )
    assert result.notices == []
    return PdfReader(target)


@pytest.mark.parametrize("size", list(PrintSize))
def test_each_kind_of_logo_prints_upright_in_proportion_and_large_enough(
    qapp: QApplication, shipped_library: ContentLibrary, tmp_path: Path, size: PrintSize
) -> None:
    photo = printed_with(shipped_library, tmp_path, phone_photo(tmp_path), size)
    ((_, _, width, height),) = image_rectangles(photo)
    assert height == pytest.approx(width * 2, rel=0.02)  # portrait, as the phone showed it

    banner_file = picture(tmp_path / "banner.png", 2000, 100)
    banner = printed_with(shipped_library, tmp_path, banner_file, size)
    ((x, _, width, height),) = image_rectangles(banner)
    assert width == pytest.approx(height * 20, rel=0.02)
    assert height >= 9 * MM  # not a 1.5 mm strip
    assert name_start(banner) == pytest.approx(MARGIN_LEFT, abs=1)  # the name below it

    tall_file = picture(tmp_path / "crest.png", 300, 900)
    tall = printed_with(shipped_library, tmp_path, tall_file, size)
    ((x, _, width, height),) = image_rectangles(tall)
    assert height == pytest.approx(width * 3, rel=0.02)
    assert height >= 20 * MM
    gap = name_start(tall) - (x + width)
    assert 0 < gap <= 6 * MM  # the name right beside it, no gap


def test_a_huge_scan_is_made_no_larger_than_printing_needs(
    qapp: QApplication, tmp_path: Path
) -> None:
    logo = load_logo(str(picture(tmp_path / "scan.png", 4000, 1000)))
    assert logo.image is not None
    assert (logo.image.width(), logo.image.height()) == (3000, 750)
    assert "4000 x 1000 pixels" in logo.description


def test_an_svg_logo_is_a_drawing(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "logo.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100">'
        '<rect width="300" height="100" fill="#2a7a6f"/></svg>',
        encoding="utf-8",
    )
    logo = load_logo(str(path))
    assert logo.drawing is not None and logo.aspect == pytest.approx(3)


def truncated_png(folder: Path) -> Path:
    whole = picture(folder / "whole.png", 400, 300).read_bytes()
    path = folder / "half-saved.png"
    path.write_bytes(whole[: len(whole) // 3])
    return path


BAD_FILES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("missing", lambda f: f / "gone.png", "does not exist"),
    ("folder", lambda f: f, "is a folder, not an image file"),
    ("empty", lambda f: _write(f / "empty.png", b""), "is empty (0 bytes)"),
    ("text", lambda f: _write(f / "logo.png", b"our logo"), "is a text file, not a picture"),
    ("pdf", lambda f: _write(f / "logo.pdf", b"%PDF-1.7\n%..."), "is a PDF document"),
    ("word", lambda f: _write(f / "logo.docx", b"PK\x03\x04\x14\x00"), "Word, Excel"),
    (
        "heic",
        lambda f: _write(f / "IMG_1.HEIC", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1"),
        "iPhone (HEIC) photo",
    ),
    ("damaged", truncated_png, "is a PNG picture that is damaged or only partly saved"),
    ("tiny", lambda f: picture(f / "icon.png", 16, 16), "only 16 x 16 pixels"),
    ("strip", lambda f: picture(f / "strip.png", 3100, 50), "very long, thin strip"),
    ("needle", lambda f: picture(f / "needle.png", 40, 800), "very tall and narrow"),
]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("make", "words"), [(m, w) for _, m, w in BAD_FILES], ids=[n for n, *_ in BAD_FILES]
)
def test_an_unusable_file_is_refused_saying_what_is_wrong_with_it(
    qapp: QApplication, tmp_path: Path, make: Callable[[Path], Path], words: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(LogoError) as refused:
        load_logo(str(path))
    message = str(refused.value)
    assert words in message and str(path) in message
    assert "Traceback" not in message and "QImage" not in message


def test_the_handout_is_still_made_without_a_refused_logo(
    qapp: QApplication, shipped_library: ContentLibrary, tmp_path: Path
) -> None:
    clinic = ClinicDetails(name="Harbourside", logo_path=str(tmp_path / "gone.png"))
    result = write_pdf(
        tmp_path / "h.pdf", HandoutRequest(("calf",), clinic), shipped_library, BodyDiagram()
    )
    assert len(result.notices) == 1 and "made without the logo" in result.notices[0]
    assert image_rectangles(PdfReader(tmp_path / "h.pdf")) == []


def test_a_transparent_logo_keeps_its_transparency(qapp: QApplication, tmp_path: Path) -> None:
    image = QImage(300, 120, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    path = tmp_path / "clear.png"
    assert image.save(str(path))
    logo = load_logo(str(path))
    assert logo.image is not None and logo.image.hasAlphaChannel()
