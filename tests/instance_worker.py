"""A second process for tests/test_instances.py: saves settings and rebuilds the search cache.

Run as ``python -m tests.instance_worker MODE ...``. It uses the app's own classes
(Settings, SearchIndex), so what survives a SIGKILL or a second copy of
the app here is what survives in the app.

Modes:
  settings FOLDER [ROUNDS]       save settings ROUNDS times (for ever without ROUNDS); says
                                 "ready" once the first save is done and "again" after the second
  cache CACHE CONTENT CONTENT    rebuild the cache for ever, alternating the two contents
  hammer FOLDER CACHE MARKERS NAME OTHER CONTENT CONTENT ROUNDS
                                 both, as one copy of the app called NAME beside a copy called
                                 OTHER: says "ready", waits for "go" on stdin, then saves and
                                 rebuilds at least ROUNDS times and until both copies have done
                                 ALONGSIDE rounds while the other was running (MARKERS is their
                                 shared folder of marker files); prints a JSON report
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.content.search import SearchIndex
from bodymap.qtshared.settings import open_store
from bodymap.settings import Settings

ALONGSIDE = 3  # rounds each copy must do while the other one is running
MOST_ROUNDS = 300  # a copy that cannot meet the other gives up after this many rounds

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
        if number < 2:
            print("ready" if number == 0 else "again", flush=True)
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


class Markers:
    """Marker files in a folder both copies share: who has started, who has done enough, who
    has finished. A round of this copy counts as alongside the other when the other had
    started before the round began and had not finished when it ended."""

    def __init__(self, folder: Path, name: str, other: str) -> None:
        self.folder, self.name, self.other = folder, name, other

    def mark(self, what: str) -> None:
        (self.folder / f"{what}-{self.name}").touch()

    def other_has(self, what: str) -> bool:
        return (self.folder / f"{what}-{self.other}").exists()

    def other_running(self) -> bool:
        return self.other_has("started") and not self.other_has("finished")


def hammer(
    folder: str,
    cache: str,
    markers: Markers,
    contents: tuple[str, str],
    rounds: int,
) -> int:
    """One copy of the app saving its own and shared settings and using the shared cache."""
    name = markers.name
    settings, store = _settings(folder)
    libraries = [load_library(Path(path)) for path in contents]
    damage = _Damage()
    logging.getLogger("bodymap.content.search").addHandler(damage)
    problems: list[str] = []
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return 3
    markers.mark("started")
    alongside = number = 0
    while number < rounds or alongside < ALONGSIDE or not markers.other_has("enough"):
        if number >= MOST_ROUNDS or (number >= rounds and markers.other_has("finished")):
            break  # the other copy is gone, or never came: the report shows too few alongside
        other_was_running = markers.other_running()
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
        if other_was_running and markers.other_running():
            alongside += 1
            if alongside == ALONGSIDE:
                markers.mark("enough")
        number += 1
    markers.mark("finished")
    report = {
        "problems": problems,
        "damage": damage.notes,
        "rounds": number,
        "alongside": alongside,
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
        folder, cache, markers, name, other, first, second, rounds = args
        together = Markers(Path(markers), name, other)
        return hammer(folder, cache, together, (first, second), int(rounds))
    print(f"unknown mode {mode}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
