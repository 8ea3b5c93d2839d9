"""The clinic's details for printed handouts, as a part of the Preferences dialog.

The logo is read as the handout reads it (upright, any size) and shown in a preview with what
it is ("JPEG picture, 4032 x 3024 pixels, turned upright"); a file that cannot be used is
named with the reason, in full (the message wraps, never cut off).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtGui import QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from bodymap.handout.logo import Logo, LogoError, load_logo
from bodymap.settings import PAPER_SIZES, ClinicDetails, PrintSize, Settings
from bodymap.ui.handout_options import add_print_sizes

LOGO_PATTERNS = "*.png *.jpg *.jpeg *.svg *.gif *.bmp *.webp *.tif *.tiff"
"""The pictures offered for a logo (the file dialog's filter)."""
PREVIEW_BOX = QSize(240, 72)
"""The most room the logo preview takes in Preferences (pixels)."""


class ClinicPreferencesWidget(QWidget):
    """The clinic's details for handouts, for the Preferences dialog (``load`` / ``save``)."""

    validityChanged = Signal(bool)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("clinic-preferences")
        self.name = self._line(self.tr("Clinic name"), "clinic-name")
        self.address = QPlainTextEdit()
        self.address.setObjectName("clinic-address")
        self.address.setAccessibleName(self.tr("Clinic address"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.phone = self._line(self.tr("Clinic phone number"), "clinic-phone")
        self.website = self._line(self.tr("Clinic website"), "clinic-website")
        logo_row = self._logo_widgets()
        self.paper = QComboBox()
        self.paper.setObjectName("handout-paper-size")
        self.paper.setAccessibleName(self.tr("Default paper size"))
        self.paper.addItem(
            self.tr("This computer's default ({paper})").format(
                paper=paper_name(settings.system_paper_size)
            ),
            "",
        )
        for size in PAPER_SIZES:
            self.paper.addItem(paper_name(size), size)
        self.print_size = QComboBox()
        self.print_size.setObjectName("handout-default-print-size")
        self.print_size.setAccessibleName(self.tr("Default print size"))
        add_print_sizes(self.print_size, settings.print_size)
        self.footer_note = self._line(self.tr("Footer note"), "clinic-footer-note")
        self.footer_note.setMaxLength(160)
        self.footer_note.setPlaceholderText(
            self.tr("For example: Questions? Call us Monday to Friday.")
        )

        form = QFormLayout(self)
        form.addRow(self.tr("Clinic &name:"), self.name)
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("P&hone:"), self.phone)
        form.addRow(self.tr("&Website:"), self.website)
        logo_label = QLabel(self.tr("&Logo:"))
        logo_label.setBuddy(self.logo)
        form.addRow(logo_label, logo_row)
        form.addRow("", self.logo_preview)
        form.addRow("", self.logo_about)
        form.addRow(self.logo_error)
        form.addRow(self.tr("Paper si&ze:"), self.paper)
        form.addRow(self.tr("P&rint size:"), self.print_size)
        form.addRow(self.tr("&Footer note:"), self.footer_note)
        self.load()

    def _logo_widgets(self) -> QHBoxLayout:
        """The logo's file name, Browse and No logo buttons, its preview and any problem."""
        self.logo = self._line(self.tr("Logo image file"), "clinic-logo")
        self.logo.setPlaceholderText(self.tr("No logo"))
        self.logo.textChanged.connect(self._check)
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose a logo image"))
        browse.clicked.connect(self.browse_logo)
        clear = QPushButton(self.tr("No logo"))
        clear.setAccessibleName(self.tr("Use no logo"))
        clear.clicked.connect(self.logo.clear)
        logo_row = QHBoxLayout()
        logo_row.setContentsMargins(0, 0, 0, 0)
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        logo_row.addWidget(clear)
        self.logo_error = WrappedLabel()
        self.logo_error.setObjectName("clinic-logo-error")
        self.logo_error.setWordWrap(True)
        self.logo_error.setTextFormat(Qt.TextFormat.PlainText)
        self.logo_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Grows to every line of the message (a Maximum policy cut off its first and last).
        self.logo_error.setSizePolicy(
            QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding
        )
        self.logo_error.hide()
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("clinic-logo-preview")
        self.logo_preview.setAccessibleName(self.tr("Logo preview"))
        self.logo_preview.setMinimumHeight(PREVIEW_BOX.height())
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.logo_about = QLabel()
        self.logo_about.setObjectName("clinic-logo-about")
        self.logo_about.setWordWrap(True)
        return logo_row

    def _line(self, accessible: str, name: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.setAccessibleName(accessible)
        return line

    def load(self) -> None:
        clinic = self.settings.clinic
        self.name.setText(clinic.name)
        self.address.setPlainText(clinic.address)
        self.phone.setText(clinic.phone)
        self.website.setText(clinic.website)
        self.logo.setText(clinic.logo_path)
        self.footer_note.setText(clinic.footer_note)
        index = self.paper.findData(self.settings.paper_size_choice)
        self.paper.setCurrentIndex(max(index, 0))
        self.print_size.setCurrentIndex(
            max(self.print_size.findData(self.settings.print_size.value), 0)
        )
        self._check()

    def save(self) -> None:
        self.settings.clinic = self.details()
        self.settings.paper_size_choice = str(self.paper.currentData() or "")
        self.settings.print_size = PrintSize.read(self.print_size.currentData()) or PrintSize.CLEAR
        self.settings.sync()

    def details(self) -> ClinicDetails:
        return ClinicDetails(
            name=self.name.text().strip(),
            address=self.address.toPlainText().strip(),
            phone=self.phone.text().strip(),
            website=self.website.text().strip(),
            logo_path=self.logo.text().strip(),
            footer_note=self.footer_note.text().strip(),
        )

    def read_logo(self) -> tuple[Logo | None, str | None]:
        """The chosen logo, or why it cannot be used (both None when no logo is chosen)."""
        path = self.logo.text().strip()
        if not path:
            return None, None
        try:
            return load_logo(path), None
        except LogoError as error:
            return None, str(error)

    def logo_problem(self) -> str | None:
        return self.read_logo()[1]

    def is_valid(self) -> bool:
        return self.logo_problem() is None

    @Slot()
    def _check(self) -> None:
        logo, problem = self.read_logo()
        self.logo_error.setText(problem or "")
        self.logo_error.setVisible(problem is not None)
        self.logo_preview.setPixmap(logo_pixmap(logo, PREVIEW_BOX) if logo else QPixmap())
        self.logo_preview.setVisible(logo is not None)
        self.logo_about.setText(
            self.tr("{description}. On handouts it keeps this shape.").format(
                description=logo.description
            )
            if logo
            else ""
        )
        self.logo_about.setVisible(logo is not None)
        self.validityChanged.emit(problem is None)

    @Slot()
    def browse_logo(self) -> None:
        start = self.logo.text().strip() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the clinic logo"),
            start,
            self.tr("Images ({patterns});;All files (*)").format(patterns=LOGO_PATTERNS),
        )
        if path:
            self.logo.setText(path)


def paper_name(size: str) -> str:
    """A paper size as people call it in the interface's language ("A4", "Letter": "Carta")."""
    names = {
        "A4": QCoreApplication.translate("ClinicPreferencesWidget", "A4"),
        "Letter": QCoreApplication.translate("ClinicPreferencesWidget", "Letter"),
    }
    return names.get(size, size)


def logo_pixmap(logo: Logo, box: QSize) -> QPixmap:
    """The logo as it will print (upright, in proportion), fitted into ``box`` pixels."""
    size = logo.size.toSize().scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
    size = size.expandedTo(QSize(1, 1))
    if logo.image is not None:
        return QPixmap.fromImage(
            logo.image.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    assert logo.drawing is not None
    painter = QPainter(pixmap)
    logo.drawing.render(painter)
    painter.end()
    return pixmap


class WrappedLabel(QLabel):
    """A word-wrapped label that is always as tall as its text at its width.

    Qt sizes a top-level dialog's wrapped labels from a height-for-width worked out at another
    width, which can cut the first or last line of a long message off by a pixel or more; this
    label asks for the height of its text at the width it was given.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def setText(self, text: str) -> None:
        super().setText(text)
        needed = self.heightForWidth(self.width())
        if needed > 0:
            self.setMinimumHeight(needed)
