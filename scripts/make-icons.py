"""Draw resources/icon.svg as the PNG app icons in the usual sizes (resources/icons/hicolor).

Run after changing the icon: .venv/bin/python scripts/make-icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from bodymap import APP_ID
from bodymap.desktop import ICON_SIZES
from bodymap.paths import resource, resources_dir


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(resource("icon.svg")))
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = resources_dir() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            print(f"make-icons: could not write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
