"""Preferences: the folder that holds the clinic's own pages (laid over the shipped pages)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.cli_common import clinic_folder
from bodymap.settings import Settings


class ContentFolderChooser(QWidget):
    """The clinic folder's path, a Choose… button and a way back to the default folder."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.path = QLineEdit(settings.clinic_content_folder)
        self.path.setObjectName("clinic-content-folder")
        self.path.setAccessibleName(self.tr("Clinic pages folder"))
        self.path.setPlaceholderText(str(clinic_folder("")))
        self.path.setClearButtonEnabled(True)
        choose = QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        hint = QLabel(
            self.tr(
                "Pages in this folder replace the shipped pages with the same id, and new pages "
                "are added. Updates of BodyMap never change it. Edit → Edit This Page copies a "
                "page here. Choose a shared folder (for example a git repository) to use the "
                "same pages on several computers. Leave it empty for the usual folder."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(hint)

    @Slot()
    def choose(self) -> None:
        start = str(clinic_folder(self.path.text()))
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the clinic's pages"), start
        )
        if folder:
            self.path.setText(folder)

    def save(self) -> None:
        self.settings.clinic_content_folder = self.path.text().strip()
