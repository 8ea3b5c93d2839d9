"""``bodymap menu-entry``: add BodyMap to the current user's applications menu (Linux).

Copies the desktop file (with ``Exec`` pointing at this BodyMap), the icon in every size and
the AppStream metainfo from the shipped ``resources/desktop`` and ``resources/icons`` into the
user's data folder (``$XDG_DATA_HOME``, usually ``~/.local/share``), as the freedesktop.org
Desktop Entry and Icon Theme specifications describe. ``--remove`` takes them away again.
Nothing needs root.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bodymap import APP_ID, APP_NAME
from bodymap.paths import resource

DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The sizes of the hicolor theme's usual app icons (px); the SVG covers the rest."""


def user_data_home() -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share`` (XDG Base Directory specification)."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launch_command() -> list[str]:
    """The command that starts this BodyMap: the standalone program, the ``bodymap`` script
    beside this Python (pip, pipx), else this Python with ``-m bodymap``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).parent / "bodymap"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "bodymap"]


def exec_line(command: list[str]) -> str:
    """``Exec=`` value: each argument quoted as the Desktop Entry specification asks."""
    reserved = " \t\n\"'\\><~|&;$*?#()`"
    quoted = []
    for argument in command:
        shown = argument
        if any(c in reserved for c in argument):
            escaped = "".join(f"\\{c}" if c in '"`$\\' else c for c in argument)
            # The string rule comes first: each backslash of the quoting rule is doubled.
            shown = '"' + escaped.replace("\\", "\\\\") + '"'
        quoted.append(shown.replace("%", "%%"))
    return " ".join(quoted)


def desktop_entry(command: list[str]) -> str:
    """The shipped desktop file with its ``Exec`` line starting ``command``."""
    lines = resource(f"desktop/{DESKTOP_FILE}").read_text(encoding="utf-8").splitlines()
    changed = [f"Exec={exec_line(command)}" if line.startswith("Exec=") else line for line in lines]
    return "\n".join(changed) + "\n"


def installed_files(data_home: Path) -> dict[Path, Path | None]:
    """Each file ``install`` writes, with the shipped file it copies (None: the desktop file,
    which is written with this BodyMap's command)."""
    files: dict[Path, Path | None] = {data_home / "applications" / DESKTOP_FILE: None}
    files[data_home / "metainfo" / METAINFO_FILE] = resource(f"desktop/{METAINFO_FILE}")
    icons = data_home / "icons" / "hicolor"
    for size in ICON_SIZES:
        name = f"{size}x{size}/apps/{APP_ID}.png"
        files[icons / name] = resource(f"icons/hicolor/{name}")
    files[icons / "scalable" / "apps" / f"{APP_ID}.svg"] = resource("icon.svg")
    return files


def install(data_home: Path, command: list[str]) -> list[Path]:
    """Write the menu entry, icons and metainfo under ``data_home``; raises OSError."""
    written = []
    for target, source in installed_files(data_home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            target.write_text(desktop_entry(command), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    _refresh(data_home)
    return written


def remove(data_home: Path) -> list[Path]:
    """Remove what ``install`` wrote; the files that were there."""
    removed = []
    for target in installed_files(data_home):
        if target.exists():
            target.unlink()
            removed.append(target)
    _refresh(data_home)
    return removed


def _refresh(data_home: Path) -> None:
    """Tell the menus and the icon cache (where those tools exist; menus also notice alone)."""
    for command in (
        ["update-desktop-database", "-q", str(data_home / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", str(data_home / "icons" / "hicolor")],
    ):
        if shutil.which(command[0]) and Path(command[-1]).is_dir():
            subprocess.run(command, capture_output=True, check=False)


def menu_entry_main(argv: list[str]) -> int:
    """Exit 0 when done, 1 when a file could not be written, 2 for a usage error."""
    from bodymap.cli_common import UsageParser  # noqa: PLC0415

    parser = UsageParser(
        prog="bodymap menu-entry",
        description=f"Add {APP_NAME} to your applications menu, with its icon (for you only).",
    )
    parser.add_argument("--remove", action="store_true", help="take the menu entry away again")
    args: argparse.Namespace = parser.parse_args(argv)
    data_home = user_data_home()
    try:
        if args.remove:
            gone = remove(data_home)
            print(f"Removed {APP_NAME} from the applications menu ({len(gone)} files).")
        else:
            install(data_home, launch_command())
            entry = data_home / "applications" / DESKTOP_FILE
            print(f"Added {APP_NAME} to the applications menu: {entry}")
    except OSError as error:
        print(f"bodymap menu-entry: error: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0
