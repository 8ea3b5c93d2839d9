"""Start-up and size of the standalone build beside the source run, measured the same way.

    .venv/bin/python -m bench.standalone dist/bodymap [--rounds N]

Each round starts the program on its own virtual X screen (Xvfb) and times, from the spawn,
until its window is mapped (xdotool polled every 10 ms), then quits it with Ctrl+Q. Source
and standalone alternate; medians are printed. Needs Xvfb and xdotool
(scripts/build-standalone.sh installs them).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shown_after(command: list[str], display: str, home: Path) -> float:
    env = {**os.environ, "DISPLAY": display, "XDG_CONFIG_HOME": str(home / "config")}
    env.pop("QT_QPA_PLATFORM", None)
    started = time.perf_counter()
    app = subprocess.Popen([*command, "--region", "calf"], env=env)
    search = ["xdotool", "search", "--onlyvisible", "--class", "BodyMap"]
    while True:
        found = subprocess.run(search, env=env, capture_output=True, text=True, check=False)
        if found.stdout.strip():
            elapsed = time.perf_counter() - started
            break
        if time.perf_counter() - started > 60:
            raise SystemExit(f"no window from {command}")
        time.sleep(0.01)
    window = found.stdout.split()[0]
    subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=False)
    subprocess.run(["xdotool", "key", "ctrl+q"], env=env, check=False)
    app.wait(timeout=30)
    return elapsed


def size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path, help="the standalone folder (dist/bodymap)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--display", help="an X display already running (else a new Xvfb)")
    args = parser.parse_args()
    args.build = args.build.resolve()
    server = None
    display = args.display
    if display is None:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert server.stdout is not None
        display = f":{server.stdout.readline().strip()}"
    kinds = {
        "source (python main.py)": [sys.executable, str(ROOT / "main.py")],
        "standalone": [str(args.build / "bodymap")],
    }
    times: dict[str, list[float]] = {name: [] for name in kinds}
    try:
        with tempfile.TemporaryDirectory() as home:
            for command in kinds.values():  # a warm-up of each
                shown_after(command, display, Path(home))
            for _ in range(args.rounds):
                for name, command in kinds.items():
                    times[name].append(shown_after(command, display, Path(home)))
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    for name, found in times.items():
        print(f"{name}: window shown after {statistics.median(found) * 1000:.0f} ms (median)")
    print(f"standalone folder: {size_mib(args.build):.0f} MiB")
    archive = sorted(args.build.parent.glob("bodymap-*-linux.tar.gz"))
    if archive:
        print(f"standalone archive: {archive[-1].stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
