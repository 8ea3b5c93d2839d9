"""The wheel works anywhere: built, installed into a new virtual environment in a temporary
folder, and used from there with no source tree in sight.

Offline and quick: the wheel is built without build isolation (hatchling comes with the test
extras) and installed with ``--no-deps``; the new environment finds the dependencies in this
environment's site-packages through a ``.pth`` line (which, unlike a site folder, does not run
this environment's own ``.pth`` files, so the editable checkout stays out of sight).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from bodymap.paths import PROJECT_DIR

pytestmark = pytest.mark.skipif(
    not (PROJECT_DIR / "pyproject.toml").is_file(), reason="needs the source checkout to build"
)


def run(command: list[str], cwd: Path, env: dict[str, str], timeout: float = 120) -> str:
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(the new environment's bin folder, a working folder, the environment variables)."""
    root = tmp_path_factory.mktemp("wheel")
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        env[name] = str(root / name.lower())
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-q", "-w", str(root / "dist"), str(PROJECT_DIR)],
        root, env,
    )  # fmt: skip
    (wheel,) = (root / "dist").glob("bodymap-*.whl")
    venv = root / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], root, env)
    site = next((venv / "lib").glob("python3*/site-packages"))
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install",
         "--no-deps", "--disable-pip-version-check", "-q", str(wheel)],
        root, env,
    )  # fmt: skip
    work = root / "somewhere-else"
    work.mkdir()
    return venv / "bin", work, env


def test_the_wheel_carries_the_pages_and_the_artwork(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "--disable-pip-version-check", "-w", str(tmp_path), str(PROJECT_DIR)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("bodymap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.relative_to(PROJECT_DIR).as_posix() for p in PROJECT_DIR.glob("content/*/*.yaml")}
    assert shipped and {f"bodymap/_data/{name}" for name in shipped} <= names
    for name in (
        "body.svg",
        "icon.svg",
        "desktop/org.bodymap.BodyMap.desktop",
        "translations/bodymap_es.qm",  # the interface in Spanish
    ):
        assert f"bodymap/_data/resources/{name}" in names
    assert not any(name.startswith(("content/", "resources/", "tests/")) for name in names)


def test_the_installed_package_reads_its_own_data(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    bin_dir, work, env = installed
    code = (
        "import bodymap, bodymap.paths as p, json;"
        "print(json.dumps([bodymap.__file__, str(p.content_dir()), str(p.artwork_file()),"
        " p.is_installed()]))"
    )
    module, content, artwork, is_installed = json.loads(
        run([str(bin_dir / "python"), "-c", code], work, env)
    )
    venv = bin_dir.parent
    assert Path(module).is_relative_to(venv) and is_installed
    assert Path(content).is_relative_to(venv) and Path(content).name == "content"
    assert Path(artwork).is_file() and not Path(artwork).is_relative_to(PROJECT_DIR)


def test_every_command_works_from_any_folder(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    bin_dir, work, env = installed
    bodymap = str(bin_dir / "bodymap")
    found = run([bodymap, "search", "calf", "--json"], work, env)
    assert json.loads(found)[0]["id"] == "calf"
    checked = run([bodymap, "check"], work, env)
    assert "pass every check" in checked
    run([bodymap, "handout", "calf", "back", "-o", "calf.pdf"], work, env)
    assert (work / "calf.pdf").read_bytes().startswith(b"%PDF")


def test_the_window_starts_from_the_installed_package(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    bin_dir, work, env = installed
    child = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from bodymap.cli import main\n"
        "from bodymap.ui.main_window import MainWindow\n"
        "drawn = MainWindow._after_first_frame\n"
        "def look(window):\n"
        "    drawn(window)\n"
        "    print(window.windowTitle(), window.navigator.current,"
        " len(window.body_map.buttons), QApplication.desktopFileName())\n"
        "    QApplication.exit(0)\n"
        "MainWindow._after_first_frame = look\n"
        "sys.exit(main(['--region', 'calf']))\n"
    )
    out = run([str(bin_dir / "python"), "-c", child], work, env, timeout=60)
    title, rest = out.strip().split(" — ", 1)
    assert "Calf" in title
    assert rest.split()[1:] == ["calf", "23", "org.bodymap.BodyMap"]  # 23 outlines, by side
