"""Edit → Edit This Page: the clinic's own copy of the open page, opened in a text editor.

The shipped page is copied into the clinic's folder the first time (never over a copy that is
already there), the content is read again so the window shows the copy, and the file opens in
the program the system uses for it. Saving it there shows the change at once (the content
watcher), and updates of the shipped pages never touch it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from bodymap.fileio import WriteError
from bodymap.ui.i18n import live
from bodymap.ui.library_model import LibraryModel


def open_in_editor(path: Path) -> bool:
    """Open ``path`` in the system's program for it; False when there is none."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PageEditor(QObject):
    """Owns the Edit This Page action; ``current`` gives the id of the open page."""

    def __init__(
        self,
        model: LibraryModel,
        current: Callable[[], str | None],
        window: QWidget,
        opener: Callable[[Path], bool] = open_in_editor,
    ) -> None:
        super().__init__(window)
        self.model = model
        self.current = current
        self.window = window
        self.opener = opener
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        live(self, self._retranslate)
        self.action.triggered.connect(self.edit_current)
        model.reloaded.connect(self.refresh)
        self.refresh()

    def _retranslate(self) -> None:
        self.action.setText(self.tr("&Edit This Page…"))
        self.action.setToolTip(
            self.tr(
                "Open the clinic's own copy of this page in a text editor (made from the "
                "shipped page the first time)"
            )
        )

    @Slot()
    def refresh(self) -> None:
        page_id = self.current()
        self.action.setEnabled(page_id is not None and self.model.library.get(page_id) is not None)

    @Slot()
    def edit_current(self) -> Path | None:
        """The file opened (or offered), or None when there is no page or it cannot be copied."""
        page_id = self.current()
        library = self.model.library
        page = library.get(page_id) if page_id is not None else None
        if page is None:
            return None
        from bodymap.content.layers import copy_to_clinic  # noqa: PLC0415 - YAML-free start

        try:
            target = copy_to_clinic(page, library.root, library.shipped)
        except WriteError as error:
            QMessageBox.warning(
                self.window,
                self.tr("Cannot copy the page"),
                self.tr(
                    "The page could not be copied into the clinic's folder.\n\n{reason}"
                ).format(reason=error.reason),
            )
            return None
        if target != page.path:
            self.model.reload()  # the window now shows (and follows) the clinic's copy
        if not self.opener(target):
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Open the page in a text editor"),
                self.tr(
                    "This computer has no program set to open YAML files. Open this file in a "
                    "text editor (such as Notepad, TextEdit or gedit):\n\n{file}"
                ).format(file=target),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.exec()
        return target
