"""The About dialog and the content-problems bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bodymap import APP_NAME, __version__
from bodymap.content.model import LAST_GOOD_NOTE, ContentLibrary, Problem
from bodymap.paths import log_file
from bodymap.ui.i18n import live
from bodymap.ui.library_model import LibraryModel
from bodymap.ui.theme import Theme


class AboutDialog(QDialog):
    """Version, content folder and review date, the error log's place, and the disclaimer."""

    def __init__(self, library: ContentLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        reviewed = library.reviewed
        reviewed_text = (
            # A date format in Qt's pattern language, as this language writes a date.
            QLocale().toString(
                QDate(reviewed.year, reviewed.month, reviewed.day), self.tr("dd MMMM yyyy")
            )
            if reviewed
            else self.tr("not known")
        )
        title = QLabel(f"{APP_NAME} {__version__}")
        title.setObjectName("about-title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        body = QLabel(
            self.tr(
                "A body-map explorer for muscle spasms and cramps.\n\n"
                "Version: {version}\n"
                "Content reviewed: {reviewed}\n"
                "{folders}\n"
                "Error log: {log}\n\n"
                "BodyMap is for education only. It is not medical advice and does not replace "
                "a doctor, a nurse or another qualified health professional. If you are worried "
                "about a symptom, contact a doctor; in an emergency call your local emergency "
                "number."
            ).format(
                version=__version__,
                reviewed=reviewed_text,
                folders=content_folders(library),
                log=log_file(),
            )
        )
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.setObjectName("about-body")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)


def content_folders(library: ContentLibrary) -> str:
    """Where the pages come from, and the clinic folder's git revision when it has one."""
    from bodymap.content.layers import folder_revision  # noqa: PLC0415 - when About opens

    if library.shipped is None:
        return QCoreApplication.translate("AboutDialog", "Content folder: {folder}").format(
            folder=library.root
        )
    revision = folder_revision(library.root)
    lines = [
        QCoreApplication.translate("AboutDialog", "Clinic's pages: {folder}").format(
            folder=library.root
        )
        if library.root.is_dir()
        else QCoreApplication.translate(
            "AboutDialog", "Clinic's pages: {folder} (no pages edited yet)"
        ).format(folder=library.root)
    ]
    if revision is not None:
        lines.append(
            QCoreApplication.translate("AboutDialog", "Clinic's pages revision: {revision}").format(
                revision=revision
            )
        )
    lines.append(
        QCoreApplication.translate("AboutDialog", "Shipped pages: {folder}").format(
            folder=library.shipped
        )
    )
    return "\n".join(lines)


class ProblemsBar(QFrame):
    """A bar above the page that tells the clinic what is wrong in its content files."""

    def __init__(self, theme: Theme, library: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setObjectName("problems-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.problems: list[Problem] = []
        self.root: Path | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_button = QPushButton()
        self.details_button.clicked.connect(self.show_details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        self.set_theme(theme)
        self.hide()
        library.reloaded.connect(self._on_reloaded)
        live(self, self._retranslate)

    def _retranslate(self) -> None:
        self.details_button.setText(self.tr("Show details…"))
        self._on_reloaded()

    @Slot()
    def _on_reloaded(self) -> None:
        self.set_problems(self.library.library.problems, self.library.library.root)

    def set_theme(self, theme: Theme) -> None:
        colors = theme.page
        self.setStyleSheet(
            f"#problems-bar {{ background: {colors.caution_background};"
            f" border: 1px solid {colors.caution_border}; border-radius: 4px; }}"
            f"#problems-bar QLabel {{ color: {colors.caution_text}; }}"
        )

    def set_problems(self, problems: list[Problem], root: Path) -> None:
        # Safety first (those pages cannot be printed), then files that could not be read,
        # then the rest; each group by file and line, as an editor would walk them.
        self.problems = sorted(
            problems,
            key=lambda p: (
                not p.blocks_output,
                p.severity != "error" or bool(p.rule),
                str(p.path),
                p.line or 0,
            ),
        )
        self.root = root
        if not problems:
            self.hide()
            return
        heading = _problems_heading(problems)
        count = len(problems)
        first = [f"• {p.describe(root)}" for p in self.problems[:3]]
        more = [self.tr("…and {count} more.").format(count=count - 3)] if count > 3 else []
        self.summary.setText("\n".join([heading, *first, *more]))
        self.setAccessibleName(heading)
        self.show()

    @Slot()
    def show_details(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Problems in the content files"))
        text = QPlainTextEdit()
        text.setReadOnly(True)
        text.setPlainText("\n".join(p.describe(self.root) for p in self.problems))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(self.tr("Content folder: {folder}").format(folder=self.root)))
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(720, 360)
        dialog.exec()


def _problems_heading(problems: list[Problem]) -> str:
    """One sentence: how many problems and notes, and what they mean for the pages."""

    errors = sum(p.severity == "error" for p in problems)
    notes = len(problems) - errors
    problem_count = (
        QCoreApplication.translate("ProblemsBar", "1 problem")
        if errors == 1
        else QCoreApplication.translate("ProblemsBar", "{count} problems").format(count=errors)
    )
    note_count = (
        QCoreApplication.translate("ProblemsBar", "1 note")
        if notes == 1
        else QCoreApplication.translate("ProblemsBar", "{count} notes").format(count=notes)
    )
    if errors and notes:
        found = QCoreApplication.translate(
            "ProblemsBar", "{problems} and {notes} in the content files"
        )
    elif errors:
        found = QCoreApplication.translate("ProblemsBar", "{problems} in the content files")
    else:
        found = QCoreApplication.translate("ProblemsBar", "{notes} about the content files")
    unsafe = len({p.path for p in problems if p.blocks_output})
    unread = sum(p.severity == "error" and not p.rule for p in problems)
    kept = sum(p.message == LAST_GOOD_NOTE for p in problems)
    said = [found.format(problems=problem_count, notes=note_count)]
    if unsafe:
        said.append(
            QCoreApplication.translate(
                "ProblemsBar", "1 page breaks a safety rule and cannot be printed until fixed"
            )
            if unsafe == 1
            else QCoreApplication.translate(
                "ProblemsBar", "{count} pages break a safety rule and cannot be printed until fixed"
            ).format(count=unsafe)
        )
    if kept:
        said.append(
            QCoreApplication.translate(
                "ProblemsBar", "1 page shows its last good version until the file is fixed"
            )
            if kept == 1
            else QCoreApplication.translate(
                "ProblemsBar", "{count} pages show their last good version until the file is fixed"
            ).format(count=kept)
        )
    elif unread:
        said.append(QCoreApplication.translate("ProblemsBar", "pages with errors are not shown"))
    return ": ".join(said[:1]) + (": " + "; ".join(said[1:]) if len(said) > 1 else "") + "."
