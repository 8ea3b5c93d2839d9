"""Every setting the app keeps between runs, declared once, without Qt.

Each key is one ``Setting`` record in ``SETTINGS``: its key in the settings file, what to call
it when telling a person it was reset, its default, and how a stored value is read back (and
judged unusable). The window, Preferences, the settings check at start-up and ``bodymap
handout`` all go through this table, so a new setting is one edit here (qutebrowser keeps its
settings in one table the same way).

``Settings`` is the typed view over any store with ``value``, ``setValue`` and ``sync``:
QSettings in the app (opened by ``bodymap.qtshared.settings``), a dict in a test.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")

APPEARANCES: tuple[str, ...] = ("system", "light", "dark")
"""Follow the system's light or dark appearance, or always one of them."""

PAPER_SIZES: tuple[str, ...] = ("A4", "Letter")
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "PR", "CL", "CO", "VE", "GT", "CR", "DO", "SV", "PA", "NI", "BZ"}
)
"""Countries where Letter is the usual paper; everywhere else uses A4."""


@dataclass(frozen=True)
class ClinicDetails:
    """How a client reaches the clinic; printed in the header when set."""

    name: str = ""
    address: str = ""
    phone: str = ""
    website: str = ""
    logo_path: str = ""
    footer_note: str = ""

    @property
    def is_set(self) -> bool:
        """Whether there is anything clinic-specific to print in the header."""
        return any(
            value.strip() for value in (self.name, self.address, self.phone, self.website)
        ) or bool(self.logo_path.strip())

    def header_markup(self) -> tuple[str, str, str]:
        """Name, address (one line) and phone/website for the header, escaped; "" when unset."""
        name = escape(self.name.strip())
        address = " · ".join(
            escape(line.strip().rstrip(",")) for line in self.address.splitlines() if line.strip()
        )
        reach = [
            f"<b>Phone</b> {escape(self.phone.strip())}" if self.phone.strip() else "",
            escape(self.website.strip()),
        ]
        return name, address, "<br>".join(part for part in reach if part)


def default_paper_size(territory_code: str) -> str:
    """Letter for the Americas' Letter countries and the Philippines, A4 elsewhere."""
    return "Letter" if territory_code.upper() in LETTER_TERRITORIES else "A4"


def normalise_paper_size(value: str) -> str | None:
    """``"a4"`` -> ``"A4"``, ``"letter"`` -> ``"Letter"``; anything else is None."""
    for size in PAPER_SIZES:
        if value.strip().casefold() == size.casefold():
            return size
    return None


class SettingsStore(Protocol):
    """What ``Settings`` needs from its storage; QSettings has exactly this."""

    def value(self, key: str, defaultValue: Any = None) -> Any: ...  # noqa: N803 - Qt's name

    def setValue(self, key: str, value: Any) -> None: ...

    def sync(self) -> None: ...


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One key of the settings file.

    ``read`` turns what the store gives back into the typed value, or None when it cannot be
    used (the start-up check then removes it, naming it by ``label``); ``tidy`` is applied to
    a value before it is stored.
    """

    key: str
    label: str
    default: T
    read: Callable[[object], T | None]
    tidy: Callable[[T], T] | None = None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _stripped(value: str) -> str:
    return value.strip()


def _blob(value: object) -> bytes | None:
    """Bytes, or a QByteArray (any bytes-like buffer); text is not a window geometry."""
    if isinstance(value, str):
        return None
    try:
        return bytes(memoryview(value))  # type: ignore[arg-type]
    except TypeError:
        return None


def _qt_bytes(value: object) -> object:
    """A window state to store as it is: the QByteArray Qt gave (QSettings writes
    ``@ByteArray(...)``). Python bytes would be written as a pickled object, so they are refused.
    """
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError("store the QByteArray Qt gave, not Python bytes (QSettings pickles those)")
    return value


def _appearance(value: object) -> str | None:
    return value if isinstance(value, str) and value in APPEARANCES else None


def _paper_size_choice(value: object) -> str | None:
    """ "" (follow the computer) or one of PAPER_SIZES, whatever its case."""
    if not isinstance(value, str):
        return None
    return normalise_paper_size(value) or ("" if not value.strip() else None)


def _tidy_paper_size(value: str) -> str:
    return normalise_paper_size(value) or ""


def _page_ids(value: object) -> tuple[str, ...] | None:
    """An INI file gives back an empty list as None and a one-item list as a plain string."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value else ()
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return None


def _text_setting(key: str, label: str, *, strip: bool = False) -> Setting[str]:
    return Setting(key, label, "", _text, _stripped if strip else None)


GEOMETRY = Setting("window/geometry", "window size and position", b"", _blob)
SPLITTER = Setting("window/splitter", "window layout", b"", _blob)
LAST_PAGE = _text_setting("navigation/last_page", "last page opened")
APPEARANCE = Setting("view/appearance", "appearance", "system", _appearance)
EMERGENCY_NUMBER = _text_setting("clinic/emergency_number", "emergency number", strip=True)
CLINIC_NAME = _text_setting("handout/name", "clinic name", strip=True)
CLINIC_ADDRESS = _text_setting("handout/address", "clinic address", strip=True)
CLINIC_PHONE = _text_setting("handout/phone", "clinic phone", strip=True)
CLINIC_WEBSITE = _text_setting("handout/website", "clinic website", strip=True)
CLINIC_LOGO = _text_setting("handout/logo_path", "clinic logo", strip=True)
FOOTER_NOTE = _text_setting("handout/footer_note", "handout footer note", strip=True)
PAPER_SIZE = Setting("handout/paper_size", "paper size", "", _paper_size_choice, _tidy_paper_size)
BASKET: Setting[tuple[str, ...]] = Setting("handout/basket", "handout basket", (), _page_ids)
LAST_FOLDER = _text_setting("handout/last_folder", "last folder used for handouts")
CLINIC_CONTENT = _text_setting("content/clinic_folder", "clinic content folder", strip=True)

SETTINGS: tuple[Setting[Any], ...] = (
    GEOMETRY,
    SPLITTER,
    LAST_PAGE,
    APPEARANCE,
    EMERGENCY_NUMBER,
    CLINIC_NAME,
    CLINIC_ADDRESS,
    CLINIC_PHONE,
    CLINIC_WEBSITE,
    CLINIC_LOGO,
    FOOTER_NOTE,
    PAPER_SIZE,
    BASKET,
    LAST_FOLDER,
    CLINIC_CONTENT,
)
"""Every key the app stores, in the order a reset notice names them."""

CLINIC_FIELDS: dict[str, Setting[str]] = {
    "name": CLINIC_NAME,
    "address": CLINIC_ADDRESS,
    "phone": CLINIC_PHONE,
    "website": CLINIC_WEBSITE,
    "logo_path": CLINIC_LOGO,
    "footer_note": FOOTER_NOTE,
}
"""The settings behind each ClinicDetails field."""


class Settings:
    """Typed access to the stored settings; every read falls back to the declared default.

    ``territory`` is the computer's two-letter country code (paper size) and
    ``local_emergency_number`` the number for that country; both come from the system, which
    only the Qt side can ask.
    """

    def __init__(
        self, store: SettingsStore, *, territory: str = "", local_emergency_number: str = "112"
    ) -> None:
        self.store = store
        self.territory = territory
        self.default_emergency_number = local_emergency_number

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when it is missing or unusable."""
        value = setting.read(self.store.value(setting.key))
        return setting.default if value is None else value

    def set(self, setting: Setting[T], value: T) -> None:
        """Store ``value`` (tidied); written to disk on ``sync`` or by the store's own timer."""
        self.store.setValue(setting.key, setting.tidy(value) if setting.tidy else value)

    def sync(self) -> None:
        """Write now (QSettings saves atomically under a lock file)."""
        self.store.sync()

    @property
    def geometry(self) -> bytes | None:
        """The window's saved geometry (QWidget.saveGeometry), or None before the first close."""
        return self.get(GEOMETRY) or None

    @geometry.setter
    def geometry(self, value: object) -> None:
        self.store.setValue(GEOMETRY.key, _qt_bytes(value))

    @property
    def splitter(self) -> bytes | None:
        """The saved split between map and page (QSplitter.saveState), or None."""
        return self.get(SPLITTER) or None

    @splitter.setter
    def splitter(self, value: object) -> None:
        self.store.setValue(SPLITTER.key, _qt_bytes(value))

    @property
    def last_page(self) -> str:
        """The page open at the last close, or ""."""
        return self.get(LAST_PAGE)

    @last_page.setter
    def last_page(self, page_id: str) -> None:
        self.set(LAST_PAGE, page_id)

    @property
    def appearance(self) -> str:
        """One of APPEARANCES."""
        return self.get(APPEARANCE)

    @appearance.setter
    def appearance(self, value: str) -> None:
        self.set(APPEARANCE, value)

    @property
    def emergency_number_override(self) -> str:
        """The clinic's own choice, or "" to follow the computer's country."""
        return self.get(EMERGENCY_NUMBER).strip()

    @emergency_number_override.setter
    def emergency_number_override(self, value: str) -> None:
        self.set(EMERGENCY_NUMBER, value)

    @property
    def emergency_number(self) -> str:
        """The number pages tell a person to call."""
        return self.emergency_number_override or self.default_emergency_number

    @property
    def clinic(self) -> ClinicDetails:
        """The clinic's details for handout headers."""
        return ClinicDetails(**{name: self.get(s) for name, s in CLINIC_FIELDS.items()})

    @clinic.setter
    def clinic(self, details: ClinicDetails) -> None:
        for name, setting in CLINIC_FIELDS.items():
            self.set(setting, getattr(details, name))

    @property
    def system_paper_size(self) -> str:
        """The usual paper in the computer's country."""
        return default_paper_size(self.territory)

    @property
    def paper_size_choice(self) -> str:
        """ "A4" or "Letter" when chosen in Preferences, else "" (follow the computer)."""
        return self.get(PAPER_SIZE)

    @paper_size_choice.setter
    def paper_size_choice(self, value: str) -> None:
        self.set(PAPER_SIZE, value)

    @property
    def paper_size(self) -> str:
        """The paper handouts are printed on: the chosen one, else the country's."""
        return self.paper_size_choice or self.system_paper_size

    @property
    def basket(self) -> list[str]:
        """The page ids in the handout basket, in print order."""
        page_ids: tuple[str, ...] = self.get(BASKET)
        return list(page_ids)

    @basket.setter
    def basket(self, page_ids: Sequence[str]) -> None:
        self.store.setValue(BASKET.key, list(page_ids))  # QSettings keeps lists, not tuples

    @property
    def last_folder(self) -> str:
        """Where the last handout PDF was saved, offered again next time."""
        return self.get(LAST_FOLDER)

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self.set(LAST_FOLDER, folder)

    @property
    def clinic_content_folder(self) -> str:
        """The clinic's own pages folder chosen in Preferences, or "" for the default one."""
        return self.get(CLINIC_CONTENT)

    @clinic_content_folder.setter
    def clinic_content_folder(self, folder: str) -> None:
        self.set(CLINIC_CONTENT, folder)
