"""A clinic chain shares its own pages through git: two clones of one repository, as two
desks would have. An edit committed and pushed from one shows up live in the other's window
after a pull; About names the revision in use; the pre-commit hook stops a broken page."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bodymap.cli import main
from bodymap.content.loader import LibraryLoader
from bodymap.paths import content_dir
from bodymap.ui.dialogs import AboutDialog

from .conftest import WindowFactory

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Front Desk",
    "GIT_AUTHOR_EMAIL": "desk@example.org",
    "GIT_COMMITTER_NAME": "Front Desk",
    "GIT_COMMITTER_EMAIL": "desk@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(folder: Path, *arguments: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV, "HOME": str(folder.parent)}
    done = subprocess.run(
        ["git", "-C", str(folder), *arguments], capture_output=True, text=True, env=env, check=False
    )
    if ok:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture
def clones(tmp_path: Path) -> tuple[Path, Path]:
    """Two clones of one shared repository (with a first commit), as two desks have them."""
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    first, second = tmp_path / "main-street", tmp_path / "harbour-road"
    for clone in (first, second):
        subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
    (first / "README.txt").write_text("Our clinic's own BodyMap pages.\n")
    git(first, "add", ".")
    git(first, "commit", "-q", "-m", "Start our pages")
    git(first, "push", "-q", "origin", "HEAD:main")
    git(second, "pull", "-q", "origin", "main")
    return first, second


def test_an_edit_pushed_from_one_desk_shows_live_at_the_other(
    clones: tuple[Path, Path], make_window: WindowFactory, qtbot: QtBot
) -> None:
    first, second = clones
    loader = LibraryLoader(second, shipped=content_dir())
    window = make_window(loader.load(), "calf", loader)
    qtbot.waitUntil(lambda: bool(window.watcher.watched()))
    assert window.windowTitle().startswith("Calf —")

    (first / "regions").mkdir()
    text = (content_dir() / "regions" / "calf.yaml").read_text(encoding="utf-8")
    (first / "regions" / "calf.yaml").write_text(
        text.replace("title: Calf", "title: Calf and shin"), encoding="utf-8"
    )
    git(first, "add", ".")
    git(first, "commit", "-q", "-m", "Calf: our own title")
    git(first, "push", "-q", "origin", "HEAD:main")
    pushed = git(first, "rev-parse", "--short", "HEAD").stdout.strip()

    git(second, "pull", "-q", "origin", "main")
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Calf and shin —"), timeout=5000)
    assert "Calf and shin" in window.page_view.toPlainText()
    assert window.library.problems == []

    about = AboutDialog(window.library, window)
    qtbot.addWidget(about)
    body = about.findChild(type(window.problems_bar.summary), "about-body")
    assert body is not None
    assert f"{pushed} of " in body.text() and "Calf: our own title" in body.text()
    assert str(second) in body.text()
    assert "not committed" not in body.text()
    (second / "regions" / "calf.yaml").write_text(text, encoding="utf-8")
    edited = AboutDialog(window.library, window).findChild(type(body), "about-body")
    assert edited is not None and "plus edits not committed yet" in edited.text()


def test_the_pre_commit_hook_stops_a_broken_page(
    clones: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    first, _ = clones
    assert main(["check", "--install-hook", str(first)]) == 0
    assert "pre-commit" in capsys.readouterr().out
    (first / "topics").mkdir()
    page = first / "topics" / "hydration.yaml"
    good = (content_dir() / "topics" / "hydration.yaml").read_text(encoding="utf-8")
    page.write_text(good.replace("title: ", "title: [", 1), encoding="utf-8")
    git(first, "add", ".")
    refused = git(first, "commit", "-q", "-m", "A broken page", ok=False)
    assert refused.returncode != 0
    assert "topics/hydration.yaml" in refused.stdout + refused.stderr
    assert git(first, "log", "--format=%s", "-1").stdout.strip() == "Start our pages"
    page.write_text(good.replace("title: ", "title: Our ", 1), encoding="utf-8")
    git(first, "add", ".")
    git(first, "commit", "-q", "-m", "Hydration: our title")
    # A hook the clinic wrote itself is never replaced.
    hook = first / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 0\n")
    assert main(["check", "--install-hook", str(first)]) == 1
    assert "did not write it" in capsys.readouterr().err
    assert hook.read_text() == "#!/bin/sh\nexit 0\n"
