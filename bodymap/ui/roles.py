"""The item-data roles the app's lists and models share, each declared once."""

from __future__ import annotations

from PySide6.QtCore import Qt

PAGE_ID_ROLE = Qt.ItemDataRole.UserRole
"""The page id a row opens (a topic, a search result, a page in the handout basket)."""
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1
"""A "did you mean" word a search row offers instead of a page."""
MARKUP_ROLE = Qt.ItemDataRole.UserRole + 2
"""A search row as rich text: title, region and the snippet with matched words in bold."""
