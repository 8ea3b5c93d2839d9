"""Smoke test of the standalone build (scripts/build-standalone.sh runs it on a fresh build
unpacked into a clean folder): the program starts its window on a real (virtual) X screen,
opens a region, quits from the keyboard and remembers the page; it exports a handout,
searches and checks, all without Python or this checkout.

Skipped in the normal suite: building takes minutes. BODYMAP_STANDALONE names the build.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

BUILD = os.environ.get("BODYMAP_STANDALONE", "")
pytestmark = pytest.mark.skipif(
    not BUILD, reason="the standalone build takes minutes: run scripts/build-standalone.sh"
)


@pytest.fixture
def program(tmp_path: Path) -> Path:
    found = Path(BUILD) / "bodymap"
    assert found.is_file() and os.access(found, os.X_OK)
    return found


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """No Python of ours on the path, and settings, caches and data in a scratch folder."""
    clean = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        clean[name] = str(tmp_path / name.lower())
    return clean


@pytest.fixture
def display() -> Iterator[str]:
    if shutil.which("Xvfb") is None or shutil.which("xdotool") is None:
        pytest.fail("Xvfb and xdotool are needed: scripts/build-standalone.sh installs them")
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    number = server.stdout.readline().strip()
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)
    server.stdout.close()


def run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_window_starts_opens_a_region_and_remembers_it(
    program: Path, env: dict[str, str], display: str, tmp_path: Path
) -> None:
    env = {**env, "DISPLAY": display}
    started = time.monotonic()
    app = subprocess.Popen(
        [str(program), "--region", "calf"], env=env, cwd=tmp_path, stderr=subprocess.PIPE
    )
    # The window is found by its class (BodyMap), as a desktop matches it to the menu entry.
    found = run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--class", "BodyMap"], env, tmp_path
    )
    assert found.returncode == 0, found.stderr
    window = found.stdout.split()[0]
    name = run(["xdotool", "getwindowname", window], env, tmp_path).stdout.strip()
    print(f"window shown after {time.monotonic() - started:.2f} s: {name}")
    assert name == "Calf — BodyMap"
    shots = os.environ.get("BODYMAP_SHOTS")
    if shots and shutil.which("import"):
        time.sleep(1)
        run(["import", "-window", "root", str(Path(shots) / "standalone.png")], env, tmp_path)
    run(["xdotool", "windowfocus", "--sync", window], env, tmp_path)
    run(["xdotool", "key", "--clearmodifiers", "ctrl+q"], env, tmp_path)
    _, errors = app.communicate(timeout=30)
    assert app.returncode == 0
    assert "Traceback" not in errors.decode()
    settings = Path(env["XDG_CONFIG_HOME"]) / "BodyMap" / "BodyMap.ini"
    assert "last_page=calf" in settings.read_text()


def test_a_handout_is_exported_and_commands_work(
    program: Path, env: dict[str, str], tmp_path: Path
) -> None:
    done = run([str(program), "handout", "calf", "neck", "-o", "handout.pdf"], env, tmp_path)
    assert done.returncode == 0, done.stderr
    reader = PdfReader(tmp_path / "handout.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Calf" in text and "Neck" in text and len(reader.pages) >= 2
    found = run([str(program), "search", "charley horse", "--json"], env, tmp_path)
    assert found.returncode == 0 and json.loads(found.stdout)[0]["id"] == "calf"
    checked = run([str(program), "check"], env, tmp_path)
    assert checked.returncode == 0 and "pass every check" in checked.stdout, checked.stderr
    version = run([str(program), "--version"], env, tmp_path)
    assert version.stdout.startswith("BodyMap ")
