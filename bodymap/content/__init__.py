"""The Qt-free core: the content model, its loading and validation.

Nothing under this package may import PySide6 (tests/content/test_qt_free.py checks it).
"""
