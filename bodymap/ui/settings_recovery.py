"""A damaged or unreadable settings file never stops the app: defaults, a kept copy, one notice.

Qt reads an INI file as best it can. Garbage shows up as ``QSettings.FormatError`` (often with
junk keys beside it), a file that cannot be opened or a folder in its place as
``AccessError``; a value of the wrong kind (a window size that is text, a basket that is not a
list of page ids, an ``@Variant`` Qt cannot decode) reads back as something else entirely.

At start the window checks once. An unusable file is renamed to ``BodyMap.ini.broken-<time>``
beside itself (nothing is deleted) and the app starts with its usual settings, so that notice
is said once. Values are read as a person means them (``bodymap.settings``: a hand-written
address with a comma, ``Dark`` for dark); a single value that still cannot be used is never
removed, because a person may have written that line: the usual value is used meanwhile, and
the notice names the line at each start until it is corrected. Only when the file cannot even
be moved aside (a read-only folder) is the whole-file notice said again, because then the
problem really is still there.

Saving is Qt's job and is already safe: QSettings writes through QSaveFile (a new file,
renamed over the old one) under a lock file, so a killed app or a second copy of the app
never leaves the file half written (``tests/test_instances.py`` kills writers to prove it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import time
from pathlib import Path

import msgspec
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from bodymap import APP_NAME
from bodymap.qtshared.settings import open_store
from bodymap.settings import SETTINGS, Setting
from bodymap.ui.i18n import QT_TRANSLATE_NOOP

STALE_TEMP_SECONDS = 3600
# QSaveFile's temporary name: the file's own name and six letters or digits.
_SAVE_TEMP = re.compile(r"\.[A-Za-z0-9]{6}$")


SETTING_LABELS = (
    QT_TRANSLATE_NOOP("Setting", "window size and position"),
    QT_TRANSLATE_NOOP("Setting", "window layout"),
    QT_TRANSLATE_NOOP("Setting", "last page opened"),
    QT_TRANSLATE_NOOP("Setting", "appearance"),
    QT_TRANSLATE_NOOP("Setting", "text size"),
    QT_TRANSLATE_NOOP("Setting", "language"),
    QT_TRANSLATE_NOOP("Setting", "page language"),
    QT_TRANSLATE_NOOP("Setting", "emergency number"),
    QT_TRANSLATE_NOOP("Setting", "same-day help"),
    QT_TRANSLATE_NOOP("Setting", "clinic name"),
    QT_TRANSLATE_NOOP("Setting", "clinic address"),
    QT_TRANSLATE_NOOP("Setting", "clinic phone"),
    QT_TRANSLATE_NOOP("Setting", "clinic website"),
    QT_TRANSLATE_NOOP("Setting", "clinic logo"),
    QT_TRANSLATE_NOOP("Setting", "handout footer note"),
    QT_TRANSLATE_NOOP("Setting", "paper size"),
    QT_TRANSLATE_NOOP("Setting", "handout basket"),
    QT_TRANSLATE_NOOP("Setting", "last folder used for handouts"),
    QT_TRANSLATE_NOOP("Setting", "handout print size"),
    QT_TRANSLATE_NOOP("Setting", "clinic content folder"),
)
"""Each setting's ``label`` (``bodymap.settings``, which is Qt-free) marked for translation;
``tests/ui/test_i18n.py`` keeps this list equal to the settings table."""

FILE_REASONS = (
    QT_TRANSLATE_NOOP("SettingsNotice", "the file could not be opened"),
    QT_TRANSLATE_NOOP(
        "SettingsNotice", "there is a folder or another kind of item where the file should be"
    ),
    QT_TRANSLATE_NOOP("SettingsNotice", "the file is damaged"),
)
"""Why a settings file cannot be used at all, marked for translation."""


class SettingsNotice(msgspec.Struct, frozen=True):
    """What was wrong with the saved settings and what was done about it, in plain words."""

    text: str
    kept_copy: Path | None = None


def check_settings() -> SettingsNotice | None:
    """Leave the settings file usable; say what was wrong with it, if anything."""
    store = open_store()
    path = Path(store.fileName())
    try:
        reason = _unusable(store, path)
    except OSError:  # e.g. a settings folder this user may not look into
        reason = "the file could not be opened"
    if reason is not None:
        del store
        return _start_afresh(path, reason)
    _remove_stale_temp_files(path)
    unusable = [s for s in SETTINGS if store.contains(s.key) and not _valid(store, s)]
    if not unusable:
        return None
    # The lines stay as they are: a person may have written them, and may want to fix them.
    # The app uses the usual value meanwhile, and says so at each start until they are fixed.
    lines = "\n".join(
        f"• {QCoreApplication.translate('Setting', setting.label)} ({_line_name(setting.key)})"
        for setting in unusable
    )
    return SettingsNotice(
        QCoreApplication.translate(
            "SettingsNotice",
            "Some saved settings could not be used, so {app} is using the usual ones "
            "instead:\n{lines}\nThe lines are left in the settings file for you to correct.\n"
            "Settings file: {file}",
        ).format(app=APP_NAME, lines=lines, file=path)
    )


def _line_name(key: str) -> str:
    """Where a key is in the INI file: ``handout/address`` is ``address=`` under ``[handout]``."""
    section, _, name = key.rpartition("/")
    return (
        QCoreApplication.translate("SettingsNotice", "{name}= under [{section}]").format(
            name=name, section=section
        )
        if section
        else f"{name}="
    )


def _valid(store: QSettings, setting: Setting[object]) -> bool:
    """Whether the stored value reads back as the declared kind (``bodymap.settings``)."""
    return setting.read(store.value(setting.key)) is not None


def _unusable(store: QSettings, path: Path) -> str | None:
    """Why the file cannot be used at all, or None when Qt can read it."""
    if not path.exists() and not path.is_symlink():
        return None  # the first start: nothing saved yet
    if not path.is_file():
        return "there is a folder or another kind of item where the file should be"
    store.allKeys()  # parses every section, so a format error is seen now
    status = store.status()
    if status == QSettings.Status.AccessError:
        return "the file could not be opened"
    if status == QSettings.Status.FormatError or _has_binary(path):
        return "the file is damaged"
    return None


def _has_binary(path: Path) -> bool:
    """Qt writes control characters escaped, so a raw NUL byte means the file is damaged."""
    try:
        return b"\0" in path.read_bytes()
    except OSError:
        return False


def _start_afresh(path: Path, reason: str) -> SettingsNotice:
    kept = _move_aside(path)
    fresh = open_store()  # re-reads: the damaged keys are gone with the file
    reason = QCoreApplication.translate("SettingsNotice", reason)
    if kept is None and Path(fresh.fileName()).exists():
        return SettingsNotice(
            QCoreApplication.translate(
                "SettingsNotice",
                "{app} could not read its saved settings ({reason}), so it started with its "
                "usual settings. Changes will not be kept until the file is repaired or "
                "removed.\nSettings file: {file}",
            ).format(app=APP_NAME, reason=reason, file=path)
        )
    text = QCoreApplication.translate(
        "SettingsNotice",
        "{app} could not read its saved settings ({reason}), so it started with its usual "
        "settings. The clinic details and the handout basket may need to be entered again.",
    ).format(app=APP_NAME, reason=reason)
    if kept:
        text += "\n" + QCoreApplication.translate(
            "SettingsNotice", "The old file was kept as: {file}"
        ).format(file=kept)
    return SettingsNotice(text, kept)


def _move_aside(path: Path) -> Path | None:
    """Rename the unusable file (or folder) beside itself; None when that is not possible."""
    stamp = f"{dt.datetime.now():%Y%m%d-%H%M%S}"
    for attempt in range(1, 100):
        suffix = f".broken-{stamp}" if attempt == 1 else f".broken-{stamp}-{attempt}"
        backup = path.with_name(path.name + suffix)
        if backup.exists():
            continue
        try:
            path.rename(backup)
        except FileNotFoundError:
            return None  # a second copy of the app moved it a moment ago
        except OSError:
            return None
        return backup
    return None


def _remove_stale_temp_files(path: Path) -> None:
    """A save cut short by a killed app can leave QSaveFile's temporary file behind."""
    now = time.time()
    with contextlib.suppress(OSError):
        for candidate in path.parent.glob(f"{path.name}.??????"):
            if not _SAVE_TEMP.search(candidate.name):
                continue
            with contextlib.suppress(OSError):
                if now - candidate.stat().st_mtime > STALE_TEMP_SECONDS:
                    candidate.unlink()


def tell_once(parent: QWidget, notice: SettingsNotice) -> QMessageBox:
    """Say it once, just after the window appears, without blocking the window's start."""
    box = QMessageBox(parent)
    box.setObjectName("settings-notice")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("SettingsNotice", "Settings were reset"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(notice.text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    QTimer.singleShot(0, box.open)
    return box
