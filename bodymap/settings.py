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
from enum import Enum
from html import escape
from typing import Any, Generic, Protocol, TypeVar

import msgspec

T = TypeVar("T")

APPEARANCES: tuple[str, ...] = ("system", "light", "dark")
"""Follow the system's light or dark appearance, or always one of them."""

TEXT_SIZES: tuple[int, ...] = (80, 90, 100, 110, 125, 150, 175, 200)
"""The text sizes offered by Larger and Smaller Text, in percent of the usual size: the
smallest is the floor and the largest the ceiling (WCAG 1.4.4 asks for up to 200%)."""
NORMAL_TEXT_SIZE = 100

PAPER_SIZES: tuple[str, ...] = ("A4", "Letter")
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "PR", "CL", "CO", "VE", "GT", "CR", "DO", "SV", "PA", "NI", "BZ"}
)
"""Countries where Letter is the usual paper; everywhere else uses A4."""


class PrintSize(Enum):
    """How big a handout's type is printed (sizes in ``bodymap.handout.layout.TYPE_SCALES``).

    Clear print follows RNIB's "Clear Print" guidance and the UK Association for Accessible
    Formats (body text 12 pt at least); large print their 16-18 pt.
    """

    CLEAR = "clear"
    LARGE = "large"

    @property
    def label(self) -> str:
        """What a person chooses: "Clear print (12 pt)" or "Large print (16 pt)"."""
        return "Clear print (12 pt)" if self is PrintSize.CLEAR else "Large print (16 pt)"

    @classmethod
    def read(cls, value: object) -> PrintSize | None:
        """``"clear"`` / ``"large"`` (any case) as a PrintSize; anything else is None."""
        if not isinstance(value, str):
            return None
        return next((size for size in cls if size.value == value.strip().casefold()), None)


class ClinicDetails(msgspec.Struct, frozen=True):
    """How a client reaches the clinic; printed in the header when set. (A Struct, not a
    dataclass: made before the first frame, where a frozen dataclass compiles its methods.)"""

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


class Setting(msgspec.Struct, Generic[T], frozen=True):
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
    """Text, read as the person meant it: an INI file gives back a hand-written value with a
    comma (``address=12 High Street, Springfield``) as a list of its parts, so a list of texts
    is joined again with ", "."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return ", ".join(part.strip() for part in value)
    return None


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
    """One of APPEARANCES, whatever its case or spaces (``Dark`` by hand is ``dark``)."""
    text = _text(value)
    choice = text.strip().casefold() if text is not None else None
    return choice if choice in APPEARANCES else None


def _text_size(value: object) -> int | None:
    """A percentage such as ``125`` (or ``"125%"`` by hand), brought inside TEXT_SIZES'
    floor and ceiling; None when it is not a number at all."""
    text = _text(value) if not isinstance(value, int) else str(value)
    if text is None:
        return None
    try:
        number = round(float(text.strip().rstrip("%").strip()))
    except ValueError:
        return None
    return min(max(number, TEXT_SIZES[0]), TEXT_SIZES[-1])


INTERFACE_LANGUAGES: tuple[str, ...] = ("en", "es")
"""The languages the interface is translated into (ISO 639-1); English is the source."""


def _language_choice(value: object) -> str | None:
    """ "" (follow the computer) or one of INTERFACE_LANGUAGES (``ES`` by hand is ``es``)."""
    text = _text(value)
    if text is None:
        return None
    choice = text.strip().casefold()
    return choice if choice in ("", *INTERFACE_LANGUAGES) else None


def _paper_size_choice(value: object) -> str | None:
    """ "" (follow the computer) or one of PAPER_SIZES, whatever its case."""
    if not isinstance(value, str):
        return None
    return normalise_paper_size(value) or ("" if not value.strip() else None)


def _tidy_paper_size(value: str) -> str:
    return normalise_paper_size(value) or ""


def _print_size(value: object) -> str | None:
    size = PrintSize.read(value)
    return size.value if size is not None else None


def _page_ids(value: object) -> tuple[str, ...] | None:
    """An INI file gives back an empty list as None and a one-item list as a plain string."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value else ()
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(item.strip() for item in value if item.strip())
    return None


def _text_setting(key: str, label: str, *, strip: bool = False) -> Setting[str]:
    return Setting(key, label, "", _text, _stripped if strip else None)


GEOMETRY = Setting("window/geometry", "window size and position", b"", _blob)
SPLITTER = Setting("window/splitter", "window layout", b"", _blob)
LAST_PAGE = _text_setting("navigation/last_page", "last page opened")
APPEARANCE = Setting("view/appearance", "appearance", "system", _appearance)
TEXT_SIZE = Setting("view/text_size", "text size", NORMAL_TEXT_SIZE, _text_size)
LANGUAGE = Setting("view/language", "language", "", _language_choice, _stripped)
PAGE_LANGUAGE = Setting("view/page_language", "page language", "", _language_choice, _stripped)
EMERGENCY_NUMBER = _text_setting("clinic/emergency_number", "emergency number", strip=True)
SAME_DAY = _text_setting("clinic/same_day", "same-day help", strip=True)
CLINIC_NAME = _text_setting("handout/name", "clinic name", strip=True)
CLINIC_ADDRESS = _text_setting("handout/address", "clinic address", strip=True)
CLINIC_PHONE = _text_setting("handout/phone", "clinic phone", strip=True)
CLINIC_WEBSITE = _text_setting("handout/website", "clinic website", strip=True)
CLINIC_LOGO = _text_setting("handout/logo_path", "clinic logo", strip=True)
FOOTER_NOTE = _text_setting("handout/footer_note", "handout footer note", strip=True)
PAPER_SIZE = Setting("handout/paper_size", "paper size", "", _paper_size_choice, _tidy_paper_size)
BASKET: Setting[tuple[str, ...]] = Setting("handout/basket", "handout basket", (), _page_ids)
LAST_FOLDER = _text_setting("handout/last_folder", "last folder used for handouts")
PRINT_SIZE = Setting("handout/print_size", "handout print size", "clear", _print_size)
CLINIC_CONTENT = _text_setting("content/clinic_folder", "clinic content folder", strip=True)

SETTINGS: tuple[Setting[Any], ...] = (
    GEOMETRY,
    SPLITTER,
    LAST_PAGE,
    APPEARANCE,
    TEXT_SIZE,
    LANGUAGE,
    PAGE_LANGUAGE,
    EMERGENCY_NUMBER,
    SAME_DAY,
    CLINIC_NAME,
    CLINIC_ADDRESS,
    CLINIC_PHONE,
    CLINIC_WEBSITE,
    CLINIC_LOGO,
    FOOTER_NOTE,
    PAPER_SIZE,
    BASKET,
    LAST_FOLDER,
    PRINT_SIZE,
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
    only the Qt side can ask. ``local_same_day`` is whom that country's readers contact the
    same day ("" lets the page say the plain default).
    """

    def __init__(
        self,
        store: SettingsStore,
        *,
        territory: str = "",
        local_emergency_number: str = "112",
        local_same_day: str = "",
    ) -> None:
        self.store = store
        self.territory = territory
        self.default_emergency_number = local_emergency_number
        self.default_same_day = local_same_day
        """Whom readers in this computer's country contact the same day."""

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
        """The page open at the last close, with its side as `content.sides.side_key` writes
        it ("calf:left", "neck"), or ""."""
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
    def text_size(self) -> int:
        """The text size in percent of the usual, within TEXT_SIZES' floor and ceiling."""
        return self.get(TEXT_SIZE)

    @text_size.setter
    def text_size(self, percent: int) -> None:
        self.set(TEXT_SIZE, min(max(int(percent), TEXT_SIZES[0]), TEXT_SIZES[-1]))

    @property
    def language_choice(self) -> str:
        """The interface language chosen in Preferences ("en", "es"), or "" to follow the
        computer (``bodymap.ui.i18n.interface_language``)."""
        return self.get(LANGUAGE)

    @language_choice.setter
    def language_choice(self, code: str) -> None:
        self.set(LANGUAGE, code)

    @property
    def page_language_choice(self) -> str:
        """The language pages are shown in ("en", "es"), or "" for the interface's."""
        return self.get(PAGE_LANGUAGE)

    @page_language_choice.setter
    def page_language_choice(self, code: str) -> None:
        self.set(PAGE_LANGUAGE, code)

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
    def same_day_override(self) -> str:
        """The clinic's own same-day route ("your GP, or NHS 111"), or "" for the country's."""
        return self.get(SAME_DAY).strip()

    @same_day_override.setter
    def same_day_override(self, value: str) -> None:
        self.set(SAME_DAY, value)

    @property
    def same_day(self) -> str:
        """Whom pages tell a reader to contact the same day (``{same_day}``)."""
        return self.same_day_override or self.default_same_day

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
        """The handout basket's entries in print order: page ids, with the side picked as
        `content.sides.side_key` writes it (``"calf:left"``); plain ids (the whole region) are
        what baskets saved before sides hold."""
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
    def print_size(self) -> PrintSize:
        """The clinic's usual print size for handouts (clear print unless changed)."""
        return PrintSize.read(self.get(PRINT_SIZE)) or PrintSize.CLEAR

    @print_size.setter
    def print_size(self, size: PrintSize) -> None:
        self.set(PRINT_SIZE, size.value)

    @property
    def clinic_content_folder(self) -> str:
        """The clinic's own pages folder chosen in Preferences, or "" for the default one."""
        return self.get(CLINIC_CONTENT)

    @clinic_content_folder.setter
    def clinic_content_folder(self, folder: str) -> None:
        self.set(CLINIC_CONTENT, folder)
