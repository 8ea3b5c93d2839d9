"""Colours for the light and dark appearance, chosen so text keeps a 4.5:1 contrast."""

from __future__ import annotations

import msgspec
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from bodymap.content.render import PageColors
from bodymap.paths import resource


class MapColors(msgspec.Struct, frozen=True):
    hover_fill: QColor
    selected_fill: QColor
    selected_outline: QColor
    focus_ring: QColor
    focus_halo: QColor
    label: QColor


class Theme(msgspec.Struct, frozen=True):
    dark: bool
    page_background: str
    page: PageColors
    map: MapColors


LIGHT = Theme(
    dark=False,
    page_background="#ffffff",
    page=PageColors(
        text="#1f2328",
        muted="#57606a",
        link="#0b57d0",
        warning_text="#5c1a14",
        warning_background="#fdecea",
        warning_border="#b3261e",
        caution_text="#3d2c00",
        caution_background="#fff4d6",
        caution_border="#9a6700",
    ),
    map=MapColors(
        hover_fill=QColor(47, 111, 176, 70),
        selected_fill=QColor(47, 111, 176, 150),
        selected_outline=QColor("#1d4f86"),
        focus_ring=QColor("#111111"),
        focus_halo=QColor("#ffffff"),
        label=QColor("#3b3f45"),
    ),
)

DARK = Theme(
    dark=True,
    page_background="#1f2228",
    page=PageColors(
        text="#e6e8eb",
        muted="#a9b1bb",
        link="#8ab4f8",
        warning_text="#ffdad6",
        warning_background="#4a1512",
        warning_border="#ff8a80",
        caution_text="#ffe7a3",
        caution_background="#3a2e0b",
        caution_border="#e0b000",
    ),
    map=MapColors(
        hover_fill=QColor(122, 178, 240, 80),
        selected_fill=QColor(122, 178, 240, 150),
        selected_outline=QColor("#a9d0ff"),
        focus_ring=QColor("#ffffff"),
        focus_halo=QColor("#000000"),
        label=QColor("#d7dbe0"),
    ),
)


def themed_icon(name: str, theme: Theme) -> QIcon:
    """A toolbar icon from resources/, recoloured to the theme's text colour."""
    svg = resource(f"{name}.svg").read_text(encoding="utf-8")
    colour = "#e6e8eb" if theme.dark else "#1f2328"
    renderer = QSvgRenderer(QByteArray(svg.replace("#1f2328", colour).encode("utf-8")))
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return True
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def theme_for(appearance: str) -> Theme:
    if appearance == "dark":
        return DARK
    if appearance == "light":
        return LIGHT
    return DARK if system_prefers_dark() else LIGHT


STYLE = "Fusion"
STYLE_CHOSEN = "bodymap-style-chosen"  # an application property: Fusion is already in use


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Use Fusion with a palette matching the theme, so every widget agrees with the pages.

    ``setStyle`` hands Python the style object, which costs the start-up ~10 ms of wrapping
    the style's API; an application made by ``make_application`` was given Fusion when it was
    created (``-style``) and marked, so only the palette is set here.
    """
    if not app.property(STYLE_CHOSEN):
        app.setStyle(STYLE)
        app.setProperty(STYLE_CHOSEN, True)
    app.setPalette(build_palette(theme))


def build_palette(theme: Theme) -> QPalette:
    palette = QPalette()
    if theme.dark:
        roles = {
            QPalette.ColorRole.Window: "#2a2d33",
            QPalette.ColorRole.WindowText: "#e6e8eb",
            QPalette.ColorRole.Base: theme.page_background,
            QPalette.ColorRole.AlternateBase: "#2a2d33",
            QPalette.ColorRole.Text: "#e6e8eb",
            QPalette.ColorRole.Button: "#343840",
            QPalette.ColorRole.ButtonText: "#e6e8eb",
            QPalette.ColorRole.ToolTipBase: "#343840",
            QPalette.ColorRole.ToolTipText: "#e6e8eb",
            QPalette.ColorRole.PlaceholderText: "#a9b1bb",
            QPalette.ColorRole.Highlight: "#3d6fb4",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.Link: theme.page.link,
            QPalette.ColorRole.BrightText: "#ffffff",
        }
    else:
        roles = {
            QPalette.ColorRole.Window: "#f3f4f6",
            QPalette.ColorRole.WindowText: "#1f2328",
            QPalette.ColorRole.Base: theme.page_background,
            QPalette.ColorRole.AlternateBase: "#f3f4f6",
            QPalette.ColorRole.Text: "#1f2328",
            QPalette.ColorRole.Button: "#e9ebee",
            QPalette.ColorRole.ButtonText: "#1f2328",
            QPalette.ColorRole.ToolTipBase: "#ffffdc",
            QPalette.ColorRole.ToolTipText: "#1f2328",
            QPalette.ColorRole.PlaceholderText: "#57606a",
            QPalette.ColorRole.Highlight: "#2f6fb0",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.Link: theme.page.link,
            QPalette.ColorRole.BrightText: "#000000",
        }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#7d848c") if theme.dark else QColor("#6e7781")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def contrast_ratio(foreground: str | QColor, background: str | QColor) -> float:
    """WCAG 2 contrast ratio between two opaque colours."""

    def luminance(colour: str | QColor) -> float:
        c = QColor(colour)
        channels = []
        for value in (c.redF(), c.greenF(), c.blueF()):
            channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
