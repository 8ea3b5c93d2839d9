"""Live reload keeps working whatever an editor, git or a sync tool does to the files."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bodymap.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.test_content_watch import WAIT_MS, watched_window


def _retitle(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def _shows(window: MainWindow, start: str) -> Callable[[], bool]:
    return lambda: window.page_view.toPlainText().startswith(start)


def test_delete_then_recreate_is_followed(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    window = watched_window(qtbot, make_window, content_copy, "calf")
    calf = content_copy / "regions" / "calf.yaml"
    text = _retitle(calf, "title: Calf", "title: Calf again")
    calf.unlink()
    qtbot.wait(600)  # long enough for a reload to run while the file is missing
    calf.write_text(text, encoding="utf-8")
    qtbot.waitUntil(_shows(window, "Calf again"), timeout=WAIT_MS)
    # and it is still followed afterwards
    calf.write_text(text.replace("Calf again", "Calf once more"), encoding="utf-8")
    qtbot.waitUntil(_shows(window, "Calf once more"), timeout=WAIT_MS)


def test_a_replaced_folder_is_followed(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path, tmp_path: Path
) -> None:
    window = watched_window(qtbot, make_window, content_copy, "calf")
    regions = content_copy / "regions"
    fresh = tmp_path / "fresh-regions"
    shutil.copytree(regions, fresh)
    (fresh / "calf.yaml").write_text(
        _retitle(fresh / "calf.yaml", "title: Calf", "title: Calf from a new folder"),
        encoding="utf-8",
    )
    shutil.rmtree(regions)
    qtbot.wait(600)  # a reload runs with the folder gone
    fresh.rename(regions)
    qtbot.waitUntil(_shows(window, "Calf from a new folder"), timeout=WAIT_MS)
    calf = regions / "calf.yaml"
    calf.write_text(_retitle(calf, "from a new folder", "edited after"), encoding="utf-8")
    qtbot.waitUntil(_shows(window, "Calf edited after"), timeout=WAIT_MS)


def test_the_whole_content_folder_replaced_is_followed(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path, tmp_path: Path
) -> None:
    window = watched_window(qtbot, make_window, content_copy, "calf")
    fresh = tmp_path / "fresh"
    shutil.copytree(content_copy, fresh)
    calf = fresh / "regions" / "calf.yaml"
    calf.write_text(_retitle(calf, "title: Calf", "title: Calf synced"), encoding="utf-8")
    old = tmp_path / "old"
    content_copy.rename(old)  # what a sync tool does: move the old aside, the new in
    qtbot.wait(600)
    fresh.rename(content_copy)
    qtbot.waitUntil(_shows(window, "Calf synced"), timeout=WAIT_MS)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_checkout_of_many_files_is_followed(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=content_copy,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "start")
    git("checkout", "-qb", "edits")
    for path in sorted((content_copy / "regions").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\ntitle: ", "\ntitle: Edited ", 1), encoding="utf-8")
    git("commit", "-qam", "edits")
    git("checkout", "-q", "master") if _has_branch(content_copy, "master") else git(
        "checkout", "-q", "main"
    )
    window = watched_window(qtbot, make_window, content_copy, "calf")
    git("checkout", "-q", "edits")
    qtbot.waitUntil(_shows(window, "Edited Calf"), timeout=WAIT_MS)
    assert all(page.title.startswith("Edited ") for page in window.library.regions)
    git("checkout", "-q", "-")
    qtbot.waitUntil(_shows(window, "Calf\n"), timeout=WAIT_MS)


def _has_branch(root: Path, name: str) -> bool:
    result = subprocess.run(
        ["git", "rev-parse", "--verify", "-q", name], cwd=root, capture_output=True, check=False
    )
    return result.returncode == 0


def test_swap_backup_files_and_touch_change_nothing(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    window = watched_window(qtbot, make_window, content_copy, "calf")
    reloads: list[int] = []
    window.model.reloaded.connect(lambda: reloads.append(1))
    regions = content_copy / "regions"
    calf = regions / "calf.yaml"
    (regions / ".calf.yaml.swp").write_bytes(b"\x00binary swap junk")
    (regions / "calf.yaml~").write_text("title: [broken", encoding="utf-8")
    (regions / "#calf.yaml#").write_text("junk: [", encoding="utf-8")
    os.utime(calf)  # touch without change
    qtbot.wait(1200)
    assert reloads == []  # nothing changed that a person would see
    assert window.library.problems == [] or all(
        "~" not in str(p.path) and ".swp" not in str(p.path) for p in window.library.problems
    )
    assert window.page_view.toPlainText().startswith("Calf")
    # and a real edit still shows after all that
    calf.write_text(_retitle(calf, "title: Calf", "title: Calf edited"), encoding="utf-8")
    qtbot.waitUntil(_shows(window, "Calf edited"), timeout=WAIT_MS)
