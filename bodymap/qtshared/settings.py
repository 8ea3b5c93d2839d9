"""The settings file: QSettings in INI format, seen through the one declaration of its keys.

Shared by the window and ``bodymap handout``, so both read the same clinic details, paper
size and emergency number.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSettings

from bodymap import APP_NAME, ORG_NAME
from bodymap.cli_common import ContentFolders, content_folders
from bodymap.content.emergency import emergency_number_for, same_day_route_for
from bodymap.settings import LANGUAGE, Settings


def open_store() -> QSettings:
    """INI format everywhere, so tests can point it at a temporary folder with QSettings.setPath."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)


def system_territory() -> str:
    """The two-letter country code the computer is set up for, e.g. ``"GB"``."""
    return QLocale.territoryToCode(QLocale.system().territory())


def open_settings() -> Settings:
    """The app's settings, with the paper size and emergency number of this computer's country."""
    territory = system_territory()
    return Settings(
        open_store(),
        territory=territory,
        local_emergency_number=emergency_number_for(territory),
        local_same_day=same_day_route_for(territory),
    )


def stored_language_choice() -> str:
    """The interface language chosen in Preferences, read before the settings file is checked
    (so that check can speak it): "" (the computer's) when unset or unusable."""
    return LANGUAGE.read(open_store().value(LANGUAGE.key)) or ""


def find_content(given: Path | None, prog: str) -> ContentFolders | None:
    """The folders to read: ``given`` (``--content-dir``), else the clinic folder chosen in
    Preferences, else the default clinic folder; each over the shipped pages. None after
    saying that a given folder does not exist."""
    chosen = open_settings().clinic_content_folder if given is None else ""
    return content_folders(given, chosen, prog)
