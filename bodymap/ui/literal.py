"""Clinic text shown as text wherever it meets one of Qt's little languages.

Qt reads more than the words in some places: ``&`` marks a keyboard mnemonic in menus, buttons
and labels with a buddy; a tooltip or a label in ``Qt.AutoText`` that looks like HTML
(``Qt.mightBeRichText``) is drawn as rich text; ``[*]`` in a window title is the "modified"
marker. A page title such as "Heat & cold for sore muscles" must read the same in every one
of them, so each place that shows content text goes through one function here.
"""

from __future__ import annotations

from html import escape

MODIFIED_MARKER = "[*]"


def menu_text(text: str) -> str:
    """Text for a menu item, button or buddy label: every ``&`` shown as ``&`` (Qt's ``&&``)."""
    return text.replace("&", "&&")


def tooltip_text(text: str) -> str:
    """Text for a tooltip: escaped and marked as rich text, so ``<b>`` shows as written and a
    long summary wraps instead of running off the screen."""
    return f"<p>{escape(text, quote=False)}</p>" if text else ""


def window_title(text: str) -> str:
    """Text for a window title: a literal ``[*]`` doubled, as QWidget.setWindowTitle asks."""
    return text.replace(MODIFIED_MARKER, MODIFIED_MARKER * 2)
