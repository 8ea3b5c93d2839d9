"""The one place that knows where the shipped resources and content live."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Artwork and icons shipped beside the package."""
    return PROJECT_DIR / "resources"


def content_dir() -> Path:
    """The clinic-editable content folder that ships with the app."""
    return PROJECT_DIR / "content"


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


def search_cache(content: Path) -> Path:
    """One cache file per content folder, so switching folders never mixes indexes."""
    return cache_dir() / f"search-{_folder_key(content)}.sqlite"


def content_cache(content: Path) -> Path:
    """The parsed pages of one content folder (see ``bodymap.content.cache``)."""
    return cache_dir() / f"content-{_folder_key(content)}.json"


def _folder_key(content: Path) -> str:
    return hashlib.sha256(str(content.resolve()).encode()).hexdigest()[:16]


def resource(name: str) -> Path:
    """A file shipped in ``resources/`` (artwork, icons)."""
    return resources_dir() / name


def artwork_file() -> Path:
    """The body diagram: its region outlines decide which regions exist (``bodymap.artwork``)."""
    return resource("body.svg")
