"""Text stays readable (WCAG 4.5:1) in both the light and the dark appearance."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from bodymap.ui.theme import DARK, LIGHT, Theme, build_palette, contrast_ratio


def test_contrast_ratio_matches_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_page_text_contrast(theme: Theme) -> None:
    page = theme.page
    pairs = {
        "text": (page.text, theme.page_background),
        "muted": (page.muted, theme.page_background),
        "link": (page.link, theme.page_background),
        "warning": (page.warning_text, page.warning_background),
        "caution": (page.caution_text, page.caution_background),
        "caution link": (page.link, page.caution_background),
    }
    for name, (foreground, background) in pairs.items():
        assert contrast_ratio(foreground, background) >= 4.5, name


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_window_palette_contrast(theme: Theme) -> None:
    palette = build_palette(theme)
    role = QPalette.ColorRole
    for foreground, background in (
        (role.WindowText, role.Window),
        (role.Text, role.Base),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.ToolTipText, role.ToolTipBase),
        (role.PlaceholderText, role.Base),
    ):
        ratio = contrast_ratio(palette.color(foreground), palette.color(background))
        assert ratio >= 4.5, (foreground, background, ratio)
    label_ratio = contrast_ratio(theme.map.label, palette.color(role.Window))
    assert label_ratio >= 4.5


def test_dark_and_light_really_differ() -> None:
    assert QColor(DARK.page_background).lightness() < 80 < QColor(LIGHT.page_background).lightness()
