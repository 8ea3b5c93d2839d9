"""The one place that knows where the shipped resources and content live, and the clinic's.

Two ways to run, one answer each:

- **Installed** (a wheel through pip or pipx, or the standalone build): the artwork and the
  shipped pages are package data, ``bodymap/_data/resources`` and ``bodymap/_data/content``,
  copied there at build time from the top-level folders (``[tool.hatch.build.targets.wheel.
  force-include]`` in pyproject.toml; ``scripts/build-standalone.sh`` for the standalone
  build).
- **From a source checkout** (``./scripts/run.sh``, an editable install): there is no
  ``_data``, and the top-level ``resources/`` and ``content/`` are read where editors and
  artists keep them.

The package folder is found from ``__file__``, which is what ``importlib.resources.files``
returns for a package on disk; importing ``importlib.resources`` itself costs the start-up
about 11 ms, and BodyMap is never run from a zip file.

The clinic's own pages live apart from the shipped ones, in ``clinic_content_dir()`` unless
another folder is chosen (Preferences, ``--content-dir``); see ``bodymap.content.layers``.
"""

from __future__ import annotations

import os
import sys
import zlib
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
"""The top folder of a source checkout (meaningful only when running from one)."""
PACKAGED_DATA = "_data"


@cache
def _shipped(name: str) -> Path:
    """``bodymap/_data/<name>`` when installed, else the checkout's top-level ``<name>``."""
    packaged = PACKAGE_DIR / PACKAGED_DATA / name
    return packaged if packaged.is_dir() else PROJECT_DIR / name


def is_installed() -> bool:
    """Whether the shipped files come from package data (a wheel or the standalone build)."""
    return _shipped("content").parent.name == PACKAGED_DATA


def resources_dir() -> Path:
    """Artwork and icons shipped with the app."""
    return _shipped("resources")


def content_dir() -> Path:
    """The pages that ship with the app. Updates replace them; the clinic edits a copy."""
    return _shipped("content")


def clinic_content_dir() -> Path:
    """The default clinic content folder: the pages the clinic changed or added.

    ``~/.local/share/bodymap/content`` on Linux; it may not exist until a page is edited.
    """
    return data_dir() / "content"


def layered_under(clinic: Path, shipped: Path | None) -> Path | None:
    """``shipped`` when it is another folder than ``clinic`` (its pages lie under the clinic's);
    None when there is one folder, which then holds every page itself."""
    if shipped is None:
        return None
    try:
        same = Path(clinic).resolve() == Path(shipped).resolve()
    except OSError:
        same = False
    return None if same else Path(shipped)


def cache_dir() -> Path:
    """Where rebuildable data (the search index) is kept between runs."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "bodymap"


def data_dir() -> Path:
    """Where the app keeps files of its own that are not settings, such as its error log.

    The same folders Qt's AppDataLocation uses, worked out without Qt so the command line can
    log too; ``XDG_DATA_HOME`` is honoured on Linux, which also lets tests redirect it.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "bodymap"


def log_file() -> Path:
    """The rotating log of unexpected errors; the About dialog names it."""
    return data_dir() / "logs" / "bodymap.log"


def search_cache(content: Path, language: str = "en") -> Path:
    """One cache file per content folder and language, so switching folders or languages
    never mixes indexes."""
    suffix = "" if language == "en" else f"-{language}"
    return cache_dir() / f"search-{_folder_key(content)}{suffix}.sqlite"


def content_cache(content: Path, language: str = "en") -> Path:
    """The parsed pages of one content folder in one language (see ``bodymap.content.cache``);
    English keeps the name it always had."""
    suffix = "" if language == "en" else f"-{language}"
    return cache_dir() / f"content-{_folder_key(content)}{suffix}.json"


def _folder_key(content: Path) -> str:
    """A short name for a folder's cache files. Only a name: two folders that shared one would
    cost a re-read, never a wrong page, since each cache checks its own stamp (a CRC, not a
    digest, keeps OpenSSL's hashlib off the start: ~2 ms)."""
    return f"{zlib.crc32(os.fsencode(content.resolve())):08x}"


def resource(name: str) -> Path:
    """A file shipped in ``resources/`` (artwork, icons)."""
    return resources_dir() / name


def artwork_file() -> Path:
    """The body diagram: its region outlines decide which regions exist (``bodymap.artwork``)."""
    return resource("body.svg")
