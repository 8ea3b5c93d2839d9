"""Killed at any moment, or two copies at once: settings, basket and search cache stay whole.

QSettings saves through QSaveFile (a new file renamed over the old) under a lock file, and the
search cache is built in a temporary file and renamed into place. These tests check that for
real: they SIGKILL processes that are busy saving and run two copies side by side, then read
what is left with the app's own code.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from bodymap.content.loader import load_library
from bodymap.content.search import SearchIndex
from bodymap.paths import content_dir
from tests.children import ChildPython
from tests.instance_worker import ALONGSIDE, basket_for, geometry_for

STARTUP_LIMIT = 120  # seconds; only a guard against a hung process, never a speed check
KILLS = 6


def worker(child_python: ChildPython, *args: str | Path) -> subprocess.Popen[str]:
    """A second process running tests/instance_worker.py with ``args``."""
    return child_python.popen("-m", "tests.instance_worker", *args)


def wait_for_line(process: subprocess.Popen[str]) -> str:
    """The worker's next line of output; fails the test if it ends, or hangs, first.

    (A plain blocking read: waiting on the pipe with select() missed a second line that had
    come in with the first and sat in the reader's buffer.)
    """
    assert process.stdout is not None
    watchdog = threading.Timer(STARTUP_LIMIT, process.kill)
    watchdog.start()
    try:
        line = process.stdout.readline().strip()
    finally:
        watchdog.cancel()
    if not line:
        process.wait()
        assert process.stderr is not None
        pytest.fail(
            f"the worker ended or hung (is the settings lock stuck?): {process.stderr.read()}"
        )
    return line


@contextmanager
def running(child_python: ChildPython, *args: str | Path) -> Iterator[subprocess.Popen[str]]:
    """A worker for the length of a ``with`` block, killed at its end if still running."""
    process = worker(child_python, *args)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


def kill_at_random(process: subprocess.Popen[str], chance: random.Random) -> None:
    """SIGKILL a busy worker at a moment of its work picked at random (any moment must do)."""
    time.sleep(chance.uniform(0.02, 0.4))
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL


def read_settings(path: Path, scratch: Path) -> QSettings:
    """A fresh reader of a copy, so nothing Qt cached in this process hides the file's state."""
    copy = scratch / f"read-{time.monotonic_ns()}.ini"
    shutil.copyfile(path, copy)
    store = QSettings(str(copy), QSettings.Format.IniFormat)
    store.allKeys()
    return store


def assert_whole_round(store: QSettings) -> int:
    """Every value comes from one and the same save: no half-written or mixed file."""
    assert store.status() == QSettings.Status.NoError
    page = store.value("navigation/last_page")
    assert isinstance(page, str) and page.startswith("round-")
    number = int(page.removeprefix("round-"))
    geometry = store.value("window/geometry")
    assert isinstance(geometry, QByteArray)
    assert geometry.data() == geometry_for(number)
    basket = store.value("handout/basket")
    assert (basket if isinstance(basket, list) else [basket]) == basket_for(number)
    return number


@pytest.fixture
def other_content(content_copy: Path) -> Path:
    """The shipped content with one sentence changed, so the two alternate in the cache."""
    path = content_copy / "regions" / "foot.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("often come at night", "often come at midnight"), "utf-8")
    return content_copy


def test_settings_and_cache_survive_being_killed_at_random_moments(
    tmp_path: Path,
    other_content: Path,
    caplog: pytest.LogCaptureFixture,
    child_python: ChildPython,
) -> None:
    folder = tmp_path / "settings"
    ini = folder / "BodyMap" / "BodyMap.ini"
    cache = tmp_path / "cache" / "search.sqlite"
    chance = random.Random(6)
    library = load_library(content_dir())
    rounds_seen: list[int] = []
    for _ in range(KILLS):
        with (
            running(child_python, "settings", folder) as saver,
            running(child_python, "cache", cache, content_dir(), other_content) as builder,
        ):
            assert wait_for_line(saver) == "ready"
            assert wait_for_line(saver) == "again"  # each kill lands on a file saved before
            assert wait_for_line(builder) == "ready"
            kill_at_random(saver, chance)
            kill_at_random(builder, chance)
        rounds_seen.append(assert_whole_round(read_settings(ini, tmp_path)))
        with caplog.at_level("INFO", logger="bodymap"):
            index = SearchIndex.open(library, cache)
        assert index.search("charley horse").results[0].id == "calf"
        index.close()
        assert not [r for r in caplog.records if "damaged" in r.getMessage()]
    assert min(rounds_seen) > 0  # the saver was overwriting its own earlier save when killed


def test_two_copies_at_once_keep_settings_basket_and_cache_whole(
    tmp_path: Path, other_content: Path, child_python: ChildPython
) -> None:
    """Each copy saves its own value and the shared basket, and rebuilds the shared cache.

    Both copies start their work together, when told "go" once both are ready, and each
    counts the rounds it did while the other was running (see instance_worker.Markers).
    """
    folder = tmp_path / "settings"
    cache = tmp_path / "cache" / "search.sqlite"
    markers = tmp_path / "markers"
    markers.mkdir()
    rounds = 12
    names = ("front-desk", "treatment-room")
    copies = [
        worker(
            child_python,
            *("hammer", folder, cache, markers, name, other),
            *(content_dir(), other_content, str(rounds)),
        )
        for name, other in (names, names[::-1])
    ]
    for process in copies:
        assert wait_for_line(process) == "ready"
    for process in copies:  # both are ready before either starts
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    reports = []
    for process in copies:
        out, err = process.communicate(timeout=STARTUP_LIMIT * 2)
        assert process.returncode == 0, err
        reports.append(json.loads(out))
    for report in reports:
        assert report["alongside"] >= ALONGSIDE  # the copies really ran at the same time
        assert report["rounds"] >= rounds
        assert report["problems"] == []
        assert report["damage"] == []  # no copy ever found the other's cache half-built
    store = read_settings(folder / "BodyMap" / "BodyMap.ini", tmp_path)
    assert store.status() == QSettings.Status.NoError
    last = {name: report["rounds"] - 1 for name, report in zip(names, reports, strict=True)}
    for name in names:  # neither copy's own setting was lost to the other's saves
        assert int(store.value(f"instances/{name}")) == last[name]
    basket = store.value("handout/basket")
    basket = basket if isinstance(basket, list) else [basket]
    # The basket is one key: the copy that saved last wins, whole (documented in README).
    assert basket in [basket_for(last[name], name) for name in names]
    index = SearchIndex.open(load_library(content_dir()), cache)
    assert index.search("charley horse").results[0].id == "calf"
