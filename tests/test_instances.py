"""Killed at any moment, or two copies at once: settings, basket and search cache stay whole.

QSettings saves through QSaveFile (a new file renamed over the old) under a lock file, and the
search cache is built in a temporary file and renamed into place. These tests check that for
real: they SIGKILL processes that are busy saving and run two copies side by side, then read
what is left with the app's own code.
"""

from __future__ import annotations

import json
import os
import random
import selectors
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from bodymap.content.loader import load_library
from bodymap.content.search import SearchIndex
from bodymap.paths import PROJECT_DIR, content_dir
from tests.instance_worker import basket_for, geometry_for

STARTUP_LIMIT = 120  # seconds; only a guard against a hung process, never a speed check
KILLS = 6


def worker(*args: str | Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_DIR), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.instance_worker", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT_DIR,
        env=env,
    )


def wait_for_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(STARTUP_LIMIT):
            process.kill()
            pytest.fail("the worker did not start (is the settings lock stuck?)")
    line = process.stdout.readline().strip()
    if not line:
        process.wait()
        assert process.stderr is not None
        pytest.fail(f"the worker ended early: {process.stderr.read()}")
    return line


@contextmanager
def running(*args: str | Path) -> Iterator[subprocess.Popen[str]]:
    process = worker(*args)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


def kill_at_random(process: subprocess.Popen[str], chance: random.Random) -> None:
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
    tmp_path: Path, other_content: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "settings"
    ini = folder / "BodyMap" / "BodyMap.ini"
    cache = tmp_path / "cache" / "search.sqlite"
    chance = random.Random(6)
    library = load_library(content_dir())
    rounds_seen: list[int] = []
    for _ in range(KILLS):
        with (
            running("settings", folder) as saver,
            running("cache", cache, content_dir(), other_content) as builder,
        ):
            assert wait_for_line(saver) == "ready"
            assert wait_for_line(builder) == "ready"
            kill_at_random(saver, chance)
            kill_at_random(builder, chance)
        rounds_seen.append(assert_whole_round(read_settings(ini, tmp_path)))
        with caplog.at_level("INFO", logger="bodymap"):
            index = SearchIndex.open(library, cache)
        assert index.search("charley horse").results[0].id == "calf"
        index.close()
        assert not [r for r in caplog.records if "damaged" in r.getMessage()]
    assert max(rounds_seen) > 0  # the workers really were saving over and over when killed


def test_two_copies_at_once_keep_settings_basket_and_cache_whole(
    tmp_path: Path, other_content: Path
) -> None:
    """Each copy saves its own value and the shared basket, and rebuilds the shared cache."""
    folder = tmp_path / "settings"
    cache = tmp_path / "cache" / "search.sqlite"
    rounds = 12
    names = ("front-desk", "treatment-room")
    copies = [
        worker("hammer", folder, cache, name, content_dir(), other_content, str(rounds))
        for name in names
    ]
    reports = []
    for process in copies:
        out, err = process.communicate(timeout=STARTUP_LIMIT * 2)
        assert process.returncode == 0, err
        reports.append(json.loads(out))
    assert max(r["started"] for r in reports) < min(r["finished"] for r in reports)  # overlap
    for report in reports:
        assert report["problems"] == []
        assert report["damage"] == []  # no copy ever found the other's cache half-built
    store = read_settings(folder / "BodyMap" / "BodyMap.ini", tmp_path)
    assert store.status() == QSettings.Status.NoError
    for name in names:  # neither copy's own setting was lost to the other's saves
        assert int(store.value(f"instances/{name}")) == rounds - 1
    basket = store.value("handout/basket")
    basket = basket if isinstance(basket, list) else [basket]
    # The basket is one key: the copy that saved last wins, whole (documented in README).
    assert basket in [basket_for(rounds - 1, name) for name in names]
    index = SearchIndex.open(load_library(content_dir()), cache)
    assert index.search("charley horse").results[0].id == "calf"
