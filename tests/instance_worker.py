"""A second process for tests/test_instances.py: saves settings and rebuilds the search cache.

Run as ``python -m tests.instance_worker MODE ...``. It uses the app's own classes
(Settings, SearchIndex), so what survives a SIGKILL or a second copy of
the app here is what survives in the app.

Modes:
  settings FOLDER [ROUNDS]       save settings ROUNDS times (for ever without ROUNDS)
  cache CACHE CONTENT CONTENT    rebuild the cache for ever, alternating the two contents
  hammer FOLDER CACHE NAME CONTENT CONTENT ROUNDS
                                 both, as one copy of the app called NAME; prints a JSON report
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.content.search import SearchIndex
from bodymap.qtshared.settings import open_store
from bodymap.settings import Settings

PAGE_IDS = ("calf", "foot", "neck", "back", "chest", "stomach", "hydration")


def basket_for(round_number: int, name: str = "") -> list[str]:
    """A different basket each round; its length and order tell which round wrote it."""
    size = round_number % len(PAGE_IDS) + 1
    start = (round_number + len(name)) % len(PAGE_IDS)
    return [PAGE_IDS[(start + k) % len(PAGE_IDS)] for k in range(size)]


def geometry_for(round_number: int) -> bytes:
    """A few kilobytes, so a save takes long enough to be interrupted part-way."""
    return f"round {round_number};".encode() * 300


def _settings(folder: str) -> tuple[Settings, QSettings]:
    """The app's settings over the store, and the store itself (to ask Qt how saving went)."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    store = open_store()
    return Settings(store), store


def save_round(settings: Settings, store: QSettings, number: int) -> bool:
    settings.geometry = QByteArray(geometry_for(number))
    settings.last_page = f"round-{number}"
    settings.basket = basket_for(number)
    settings.sync()
    return store.status() == QSettings.Status.NoError


def settings_loop(folder: str, rounds: int | None) -> int:
    settings, store = _settings(folder)
    number = 0
    while rounds is None or number < rounds:
        if not save_round(settings, store, number):
            print(f"save failed: {store.status()}", flush=True)
            return 1
        if number == 0:
            print("ready", flush=True)
        number += 1
    return 0


def finds(index: SearchIndex, library: ContentLibrary) -> bool:
    """The right first result for a word every version of the content has."""
    results = index.search("charley horse").results
    return bool(results) and results[0].id == "calf" and index.library is library


def cache_loop(cache: str, first: str, second: str) -> int:
    libraries = [load_library(Path(first)), load_library(Path(second))]
    number = 0
    while True:
        library = libraries[number % 2]
        index = SearchIndex.open(library, Path(cache))
        if not finds(index, library):
            print("wrong results", flush=True)
            return 1
        index.close()
        if number == 0:
            print("ready", flush=True)
        number += 1


class _Damage(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.notes: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.notes.append(record.getMessage())


def hammer(folder: str, cache: str, name: str, contents: tuple[str, str], rounds: int) -> int:
    """One copy of the app saving its own and shared settings and using the shared cache."""
    settings, store = _settings(folder)
    libraries = [load_library(Path(path)) for path in contents]
    damage = _Damage()
    logging.getLogger("bodymap.content.search").addHandler(damage)
    problems: list[str] = []
    started = time.time()
    for number in range(rounds):
        settings.basket = basket_for(number, name)
        store.setValue(f"instances/{name}", number)
        settings.sync()
        if store.status() != QSettings.Status.NoError:
            problems.append(f"round {number}: save failed ({store.status()})")
        library = libraries[number % 2]
        index = SearchIndex.open(library, Path(cache))
        if not finds(index, library):
            problems.append(f"round {number}: wrong search results")
        index.close()
    report = {
        "problems": problems,
        "damage": damage.notes,
        "started": started,
        "finished": time.time(),
    }
    print(json.dumps(report), flush=True)
    return 0


def main(argv: list[str]) -> int:
    mode, *args = argv
    if mode == "settings":
        return settings_loop(args[0], int(args[1]) if len(args) > 1 else None)
    if mode == "cache":
        return cache_loop(*args)
    if mode == "hammer":
        folder, cache, name, first, second, rounds = args
        return hammer(folder, cache, name, (first, second), int(rounds))
    print(f"unknown mode {mode}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
