"""Cold start: process spawn to the first painted frame, the app beside a bare PySide6 window.

Each launch is a new process (``bench/firstframe.py``) with the same interpreter, platform
plugin and environment. A round launches the bare window, the app on the shipped content and
the app on a content pack 100 times larger, in an order that rotates from round to round, so a
busy moment on the machine falls on each kind alike. Every figure is the median over rounds,
and a ratio is between two such medians.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LAUNCHER = Path(__file__).resolve().parent / "firstframe.py"
TIMEOUT_S = 120


@dataclass
class Launch:
    """One child's report: when it painted and what it used."""

    wall_ms: float
    cpu_ms: float
    rss_first_kib: int
    rss_settled_kib: int
    modules: list[str]


@dataclass
class Kind:
    """What to launch, and every launch of it."""

    name: str
    arguments: list[str]
    launches: list[Launch] = field(default_factory=list)
    environment: dict[str, str] = field(default_factory=dict)
    """Variables set for this kind only, over the run's (``LANG`` for a Spanish start)."""

    def median(self, attribute: str) -> float:
        return float(statistics.median(getattr(launch, attribute) for launch in self.launches))

    def best(self, attribute: str) -> float:
        """The quickest launch: what is left when the machine is least busy."""
        return float(min(getattr(launch, attribute) for launch in self.launches))


def launch(arguments: list[str], env: dict[str, str]) -> Launch:
    """Start one child and wait for its report."""
    command = [sys.executable, str(LAUNCHER), *arguments]
    started = time.monotonic()
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )
    report = _last_json_line(done.stdout)
    if done.returncode != 0 or report is None:
        raise RuntimeError(
            f"{' '.join(arguments)} failed ({done.returncode}):\n{done.stderr[-2000:]}"
        )
    return Launch(
        wall_ms=(report["painted"] - started) * 1000,
        cpu_ms=report["cpu_ms"],
        rss_first_kib=report["rss_first_kib"],
        rss_settled_kib=report["rss_settled_kib"],
        modules=report["modules"],
    )


def _last_json_line(text: str) -> dict[str, Any] | None:
    for line in reversed(text.splitlines()):
        if line.startswith("{"):
            report: dict[str, Any] = json.loads(line)
            return report
    return None


def run_rounds(kinds: list[Kind], rounds: int, env: dict[str, str]) -> None:
    """Launch every kind once per round, rotating the order."""
    for number in range(rounds):
        shift = number % len(kinds)
        for kind in kinds[shift:] + kinds[:shift]:
            kind.launches.append(launch(kind.arguments, env | kind.environment))
        print(f" {number + 1}", end="" if number + 1 < rounds else "\n", flush=True)


def ratio(first: Kind, second: Kind, attribute: str) -> float:
    """First's median over second's median (each over the same rounds of the same run)."""
    return first.median(attribute) / second.median(attribute)


ENGLISH = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
SPANISH = {"LANG": "es_ES.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
"""A computer set up in English or in Spanish: the interface and the pages follow it."""


def language_kinds() -> tuple[Kind, Kind]:
    """BodyMap started from a menu on an English and on a Spanish computer."""
    return (
        Kind("shipped_en", ["app"], environment=ENGLISH),
        Kind("shipped_es", ["app"], environment=SPANISH),
    )


def main() -> int:
    """``python -m bench.startup [ROUNDS]``: the bare window and BodyMap in English and in
    Spanish, in one run (settings and caches in a temporary folder); prints the medians and
    the Spanish start over the English one."""
    import os  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    with tempfile.TemporaryDirectory(prefix="bodymap-bench-") as folder:
        env = dict(os.environ)
        env |= {"XDG_CONFIG_HOME": f"{folder}/config", "XDG_CACHE_HOME": f"{folder}/cache"}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        bare = Kind("bare", ["bare"])
        english, spanish = language_kinds()
        for kind in (bare, english, spanish):  # warm-up: each language writes its cache
            launch(kind.arguments, env | kind.environment)
        print(f"{rounds} rounds:", end="")
        run_rounds([bare, english, spanish], rounds, env)
    for kind in (bare, english, spanish):
        print(
            f"{kind.name:11} wall {kind.median('wall_ms'):6.0f} ms "
            f"(best {kind.best('wall_ms'):.0f})"
            f"  cpu {kind.median('cpu_ms'):6.0f} ms"
            f"  peak {kind.median('rss_settled_kib') / 1024:5.0f} MiB"
        )
    print(
        f"Spanish / English: wall {ratio(spanish, english, 'wall_ms'):.2f}, "
        f"cpu {ratio(spanish, english, 'cpu_ms'):.2f}, "
        f"memory {ratio(spanish, english, 'rss_settled_kib'):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
