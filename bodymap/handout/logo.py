"""The clinic's logo, read from whatever file the clinic has, or refused in plain words.

Clinics pick what they have: a photo from a phone (a JPEG whose rotation is only stored in its
EXIF Orientation tag), a wide banner from their website, a tall crest, an SVG, a huge scan, a
PDF or a Word file by mistake. Every image is read upright (``QImageReader.setAutoTransform``
applies the EXIF rotation), made no larger than printing needs, and checked for a shape that
can print legibly; anything else raises ``LogoError`` with a sentence a receptionist can act on.
How big it prints is ``layout.logo_box``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader
from PySide6.QtSvg import QSvgRenderer

from bodymap.handout.layout import MAX_LOGO_ASPECT, MIN_LOGO_ASPECT

MAX_LOGO_PIXELS = 3000
"""Longest side kept: 300 dpi across the widest logo box (a full A4 width is 2,220 px)."""
MIN_LOGO_PIXELS = 100
"""A logo whose longest side is shorter than this prints blurred at any useful size."""

_NOT_PICTURES = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a Word, Excel or other zipped document"),
    (b"\xd0\xcf\x11\xe0", "an older Word or Excel document"),
    (b"{\\rtf", "a Word (RTF) document"),
    (b"<!DOCTYPE html", "a web page"),
    (b"<html", "a web page"),
)
_HEIC_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1")


class LogoError(Exception):
    """The clinic logo is set but cannot be used; the handout is made without it."""


@dataclass(frozen=True)
class Logo:
    """A usable logo: a bitmap (upright, at most ``MAX_LOGO_PIXELS`` on its longest side) or
    an SVG drawing, with its natural size in pixels and a description for Preferences."""

    image: QImage | None
    drawing: QSvgRenderer | None
    size: QSizeF
    description: str

    @property
    def aspect(self) -> float:
        """Width over height."""
        return self.size.width() / self.size.height()


def load_logo(path: str) -> Logo:
    """The clinic's logo from ``path``, or LogoError saying in plain words why it cannot be used
    (the file is missing, a folder, unreadable, empty, not a picture, damaged, too small or too
    thin to print legibly)."""
    file = Path(path).expanduser()
    if not file.exists():
        raise LogoError(
            f"The logo file {file} does not exist. It may have been moved, renamed or deleted."
        )
    if not file.is_file():
        raise LogoError(f"The logo {file} is a folder, not an image file.")
    try:
        with file.open("rb") as stream:
            head = stream.read(64)
    except OSError as exc:
        raise LogoError(f"The logo file {file} cannot be opened ({exc.strerror}).") from exc
    if not head:
        raise LogoError(f"The logo file {file} is empty (0 bytes): it has no picture in it.")
    if file.suffix.casefold() in (".svg", ".svgz") or head.lstrip().startswith(b"<svg"):
        logo = _drawing(file)
    else:
        logo = _bitmap(file, head)
    _check_shape(file, logo)
    return logo


def _drawing(file: Path) -> Logo:
    renderer = QSvgRenderer(str(file))
    if not renderer.isValid():
        raise LogoError(
            f"The logo file {file} is not an SVG drawing BodyMap can read: it may be damaged. "
            "Save the logo as a PNG or JPEG picture instead."
        )
    box = renderer.viewBoxF()
    size = QSizeF(renderer.defaultSize()) if not renderer.defaultSize().isEmpty() else box.size()
    if size.isEmpty():
        raise LogoError(f"The logo drawing {file} has no size: it draws nothing.")
    return Logo(None, renderer, size, "SVG drawing")


def _bitmap(file: Path, head: bytes) -> Logo:
    reader = QImageReader(str(file))
    reader.setAutoTransform(True)  # a phone photo's EXIF Orientation: print it upright
    kind = bytes(reader.format().data()).decode("ascii", "replace").upper()
    if not kind:
        if head[4:8] == b"ftyp" and head[8:12] in _HEIC_BRANDS:
            raise LogoError(
                f"The logo file {file} is an iPhone (HEIC) photo, which BodyMap cannot read. "
                "Save it as a JPEG or PNG picture (on the iPhone: Settings, Camera, Formats, "
                "Most Compatible)."
            )
        raise LogoError(f"The logo file {file} is {_what_it_is(head)}, not a picture. {_USE}")
    natural = reader.size()
    if natural.isValid() and max(natural.width(), natural.height()) > MAX_LOGO_PIXELS:
        reader.setScaledSize(natural.scaled(MAX_LOGO_PIXELS, MAX_LOGO_PIXELS, _KEEP))
    image = reader.read()
    if image.isNull():
        raise LogoError(
            f"The logo file {file} is a {kind} picture that is damaged or only partly saved "
            f"({reader.errorString()}). Open it in a picture program and save it again. {_USE}"
        )
    if max(natural.width(), natural.height()) < MIN_LOGO_PIXELS:
        raise LogoError(
            f"The logo picture {file} is only {natural.width()} x {natural.height()} pixels: "
            f"too small to print sharply. Use a copy at least {MIN_LOGO_PIXELS * 3} pixels wide."
        )
    described = f"{kind} picture, {natural.width()} x {natural.height()} pixels"
    if reader.transformation() != QImageIOHandler.Transformation.TransformationNone:
        described += ", turned upright as the camera recorded"
    return Logo(image, None, QSizeF(image.size()), described)


def _check_shape(file: Path, logo: Logo) -> None:
    size = logo.size
    if logo.aspect > MAX_LOGO_ASPECT:
        raise LogoError(
            f"The logo {file} is a very long, thin strip ({size.width():.0f} x "
            f"{size.height():.0f}): printed across a page it would be too thin to read. "
            "Use a logo no more than 30 times as wide as it is tall."
        )
    if logo.aspect < MIN_LOGO_ASPECT:
        raise LogoError(
            f"The logo {file} is very tall and narrow ({size.width():.0f} x "
            f"{size.height():.0f}): in the header it would be too narrow to read. "
            "Use a logo no more than 6 times as tall as it is wide."
        )


def _what_it_is(head: bytes) -> str:
    """What a file that is not a picture looks like, in words ("a PDF document")."""
    for magic, name in _NOT_PICTURES:
        if head.lstrip().lower().startswith(magic.lower()):
            return name
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "a kind of file BodyMap does not know"
    return "a text file"


_USE = "Use a PNG, JPEG or SVG file."
_KEEP = Qt.AspectRatioMode.KeepAspectRatio
