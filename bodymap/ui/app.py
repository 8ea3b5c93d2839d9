"""Start the window. Imported only when the window is wanted, so the CLI stays Qt-free."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from bodymap import APP_ID, APP_NAME, ORG_NAME, __version__, errorlog
from bodymap.content.model import ContentLibrary
from bodymap.paths import resource
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.qtshared.languages import interface_language
from bodymap.qtshared.settings import open_settings, stored_language_choice
from bodymap.ui import crash
from bodymap.ui.i18n import set_language
from bodymap.ui.main_window import MainWindow
from bodymap.ui.settings_recovery import check_settings, tell_once
from bodymap.ui.theme import STYLE, STYLE_CHOSEN, apply_theme, theme_for

if TYPE_CHECKING:
    from bodymap.content.loader import LibraryLoader


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    arguments = argv if argv is not None else [sys.argv[0]]
    # -name: the X11 window class's instance name ("bodymap", not "main.py"); its class is
    # the application name, matching StartupWMClass in the desktop file.
    app = QApplication([*arguments, "-style", STYLE, "-name", "bodymap"])  # see apply_theme
    app.setProperty(STYLE_CHOSEN, True)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # the window groups under the menu entry's icon
    app.setWindowIcon(QIcon(str(resource("icon.svg"))))
    return app


def build_window(
    library: ContentLibrary, start_page: str | None = None, loader: LibraryLoader | None = None
) -> MainWindow:
    """The window; ``loader`` is the one that loaded ``library``, so reloads only re-read edits."""
    app = make_application()
    # Before anything says a word: the settings notice below is in this language too.
    set_language(interface_language(stored_language_choice()))
    notice = check_settings()
    settings = open_settings()
    apply_theme(app, theme_for(settings.appearance))
    window = MainWindow(library, BodyDiagram(), settings, loader=loader)
    window.start(start_page)
    if notice is not None:
        tell_once(window, notice)
    return window


def run(
    library: ContentLibrary, start_page: str | None = None, loader: LibraryLoader | None = None
) -> int:
    app = make_application()
    reporter = crash.install(errorlog.open_error_log())
    try:
        window = build_window(library, start_page, loader)
    except Exception as error:
        reporter.report_start_failure(error)
        return 1
    window.firstFrameDrawn.connect(gc.enable)  # paused while the window is made (cli._run)
    window.show()
    return app.exec()
