"""What the app remembers between runs, stored with QSettings in an INI file."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QLocale, QSettings

from bodymap import APP_NAME, ORG_NAME
from bodymap.content.emergency import emergency_number_for
from bodymap.ui.theme import APPEARANCES


def open_settings() -> QSettings:
    """INI format everywhere, so tests can point it at a temporary folder with QSettings.setPath."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)


class AppSettings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else open_settings()

    def _text(self, key: str, default: str = "") -> str:
        value = self.store.value(key, default)
        return value if isinstance(value, str) else default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.store.setValue("window/geometry", value)

    @property
    def splitter(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter.setter
    def splitter(self, value: QByteArray) -> None:
        self.store.setValue("window/splitter", value)

    @property
    def last_page(self) -> str:
        return self._text("navigation/last_page")

    @last_page.setter
    def last_page(self, page_id: str) -> None:
        self.store.setValue("navigation/last_page", page_id)

    @property
    def appearance(self) -> str:
        value = self._text("view/appearance", "system")
        return value if value in APPEARANCES else "system"

    @appearance.setter
    def appearance(self, value: str) -> None:
        self.store.setValue("view/appearance", value)

    @property
    def default_emergency_number(self) -> str:
        """The number for the country the computer is set up for."""
        return emergency_number_for(QLocale.territoryToCode(QLocale.system().territory()))

    @property
    def emergency_number_override(self) -> str:
        """The clinic's own choice, or "" to follow the computer's country."""
        return self._text("clinic/emergency_number").strip()

    @emergency_number_override.setter
    def emergency_number_override(self, value: str) -> None:
        self.store.setValue("clinic/emergency_number", value.strip())

    @property
    def emergency_number(self) -> str:
        return self.emergency_number_override or self.default_emergency_number

    def sync(self) -> None:
        self.store.sync()
