"""Shared fixtures. Qt runs offscreen, and settings never touch a real user's files."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.paths import content_dir
from tests.children import ChildPython


@pytest.fixture(autouse=True)
def fresh_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point QSettings, the search cache and the error log at temporary folders for every test."""
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    # Subprocesses (the command line) read their settings file from here too.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # pragma: no cover - core tests can run without Qt installed
        yield folder
        return
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(scope="session")
def shipped_library() -> ContentLibrary:
    return load_library(content_dir())


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped content that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(content_dir(), target)
    return target


@pytest.fixture
def child_python(tmp_path: Path) -> Iterator[ChildPython]:
    """Start child Pythons on this checkout, offscreen, with their own home under tmp_path."""
    children = ChildPython(tmp_path / "child")
    yield children
    children.end_all()
