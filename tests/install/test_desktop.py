"""Desktop integration: the desktop file and the AppStream metainfo pass their validators, the
icons exist in the usual sizes, and ``bodymap menu-entry`` adds (and removes) the menu entry."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from bodymap import APP_ID, APP_NAME
from bodymap.cli import main
from bodymap.desktop import DESKTOP_FILE, ICON_SIZES, METAINFO_FILE, exec_line, launch_command
from bodymap.paths import resource


def validate(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


def require(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:  # scripts/setup.sh --with-tests installs it; say so rather than pass
        pytest.fail(f"{tool} is missing: run scripts/setup.sh --with-tests")
    return found


def entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_file_is_valid_and_names_the_app_and_its_window() -> None:
    path = resource(f"desktop/{DESKTOP_FILE}")
    done = validate(require("desktop-file-validate"), str(path))
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr
    values = entry(path)
    assert values["Icon"] == APP_ID and values["Name"] == APP_NAME
    assert values["StartupWMClass"] == APP_NAME  # the X11 window class is the app's name


def test_the_metainfo_is_valid() -> None:
    path = resource(f"desktop/{METAINFO_FILE}")
    done = validate(require("appstreamcli"), "validate", "--no-net", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Validation was successful" in done.stdout
    text = path.read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in text and f'"desktop-id">{DESKTOP_FILE}<' in text


def test_the_icon_comes_in_the_usual_sizes() -> None:
    for size in ICON_SIZES:
        image = QImage(str(resource(f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png")))
        assert (image.width(), image.height()) == (size, size)
        middle = image.pixelColor(size // 2, size // 4)  # the head: white on the blue tile
        assert middle.lightness() > 200, size


def test_the_app_names_its_desktop_file_and_window_class() -> None:
    child = (
        "from bodymap.ui.app import make_application\n"
        "app = make_application(['main.py'])\n"
        "print(app.desktopFileName(), app.applicationName(), app.arguments())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, env=env, check=True
    )
    desktop_name, app_name, _ = done.stdout.split(" ", 2)
    assert resource(f"desktop/{desktop_name}.desktop").is_file()
    assert app_name == entry(resource(f"desktop/{DESKTOP_FILE}"))["StartupWMClass"]


def test_exec_lines_are_quoted_as_the_specification_asks() -> None:
    assert exec_line(["/usr/bin/bodymap"]) == "/usr/bin/bodymap"
    assert exec_line(["/home/a b/bin/bodymap"]) == '"/home/a b/bin/bodymap"'
    assert exec_line(["/opt/$x/bodymap"]) == '"/opt/\\\\$x/bodymap"'
    assert exec_line(["/opt/100%/bodymap"]) == "/opt/100%%/bodymap"


def test_menu_entry_adds_and_removes_the_entry_for_this_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["menu-entry"]) == 0
    desktop = tmp_path / "share" / "applications" / DESKTOP_FILE
    assert str(desktop) in capsys.readouterr().out
    done = validate(require("desktop-file-validate"), str(desktop))
    assert done.returncode == 0, done.stdout
    command = launch_command()
    assert entry(desktop)["Exec"] == exec_line(command)
    assert Path(command[0]).is_file()  # it starts this BodyMap, wherever it was installed
    icons = tmp_path / "share" / "icons" / "hicolor"
    assert (icons / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (tmp_path / "share" / "metainfo" / METAINFO_FILE).is_file()
    assert main(["menu-entry", "--remove"]) == 0
    assert not desktop.exists() and not (icons / "48x48" / "apps" / f"{APP_ID}.png").exists()
