"""Soak: a long day at the clinic in one process, watching for errors and memory that only grows.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.soak`` (``--scale 0.1`` for a
tenth of the work). The real main window, built as the app builds it, gets 10,000 region
selections (mouse clicks on the map, Back/Forward, the topics list), 10,000 searches (typed
or pasted, results opened with Enter or a click, Esc) and 200 PDF exports (the open page or a
basket of up to four pages, each PDF read back with pypdf), shuffled together. Settings,
caches and exports go to a temporary folder, never the user's own.

The first 1,000 selections, 500 searches and 10 exports are a warm-up (fonts, caches, the
search index). Target: no errors at all, and resident memory (RSS) at the end less than 20 MB
above RSS at the end of the warm-up. Prints a table, writes bench/results/soak.json, and exits
with status 1 when either target is missed.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import sys
import tempfile
import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shiboken6
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QSettings, qVersion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench.soak_driver import Recorder, Soak, schedule
from bench.stats import print_table, summary, write_json
from bodymap.content.loader import load_library
from bodymap.paths import content_dir
from bodymap.ui.app import build_window, make_application
from bodymap.ui.main_window import MainWindow

GROWTH_LIMIT_MB = 20.0
ACTIVITIES = ("select", "search", "export")


@dataclass(frozen=True)
class Plan:
    """How much of each action in all (warm-up included), and how much of it is warm-up."""

    selections: int = 10_000
    searches: int = 10_000
    exports: int = 200
    warm_selections: int = 1_000
    warm_searches: int = 500
    warm_exports: int = 10
    rounds: int = 10
    seed: int = 6

    def scaled(self, factor: float) -> Plan:
        def part(count: int) -> int:
            return max(1, round(count * factor)) if count else 0

        return replace(
            self,
            selections=part(self.selections),
            searches=part(self.searches),
            exports=part(self.exports),
            warm_selections=part(self.warm_selections),
            warm_searches=part(self.warm_searches),
            warm_exports=part(self.warm_exports),
        )

    def warm_up(self) -> dict[str, int]:
        return {
            "select": min(self.warm_selections, self.selections),
            "search": min(self.warm_searches, self.searches),
            "export": min(self.warm_exports, self.exports),
        }

    def soak_rounds(self) -> list[dict[str, int]]:
        """What is left after the warm-up, in ``rounds`` nearly equal parts."""
        left = {
            name: total - self.warm_up()[name]
            for name, total in zip(
                ACTIVITIES, (self.selections, self.searches, self.exports), strict=True
            )
        }
        rounds = max(1, self.rounds)
        return [
            {name: count * (n + 1) // rounds - count * n // rounds for name, count in left.items()}
            for n in range(rounds)
        ]


@dataclass(frozen=True)
class Memory:
    """What the process holds after a full garbage collection.

    ``rss_mb`` is what the target is about; the counts show where growth would come from:
    Python's allocated blocks and tracked objects, the window's QObjects, the Python wrappers
    of Qt objects alive (a leaked printer or PDF writer shows here) and top-level windows
    (a dialog never closed).
    """

    rss_mb: float
    python_blocks: int
    python_objects: int
    qt_objects: int
    qt_wrappers: int
    windows: int


@dataclass
class PhaseResult:
    name: str
    counts: dict[str, int]
    seconds: float
    errors: int
    memory: Memory


@dataclass
class Report:
    plan: Plan
    phases: list[PhaseResult] = field(default_factory=list)
    timings: dict[str, array[float]] = field(default_factory=dict)
    """Milliseconds per action; packed, so they add no Python objects while memory is watched."""
    warm: Memory | None = None
    end: Memory | None = None
    errors: int = 0
    messages: list[str] = field(default_factory=list)
    done: dict[str, int] = field(default_factory=dict)
    paints: dict[str, int] = field(default_factory=dict)
    pages_seen: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)

    @property
    def growth_mb(self) -> float:
        if self.warm is None or self.end is None:
            return float("nan")
        return self.end.rss_mb - self.warm.rss_mb

    @property
    def passed(self) -> bool:
        return self.errors == 0 and self.growth_mb < GROWTH_LIMIT_MB


def rss_mb() -> float:
    """Resident memory now (Linux); elsewhere the peak so far, which can only overstate growth."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        import resource  # noqa: PLC0415 - not on Windows

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (2**20 if sys.platform == "darwin" else 2**10)
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure(window: MainWindow) -> Memory:
    Soak.settle()
    gc.collect()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return Memory(
        rss_mb=round(rss_mb(), 2),
        python_blocks=sys.getallocatedblocks(),
        python_objects=len(gc.get_objects()),
        qt_objects=len(window.findChildren(QObject)),
        qt_wrappers=len(shiboken6.getAllValidWrappers()),
        windows=len(app.topLevelWidgets()),
    )


def isolate(folder: Path) -> None:
    """Settings, caches, logs and data go under ``folder``: the soak never touches a user's."""
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        path = folder / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(path)
    for kind in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder / "settings"))


def run_phase(
    soak: Soak, name: str, counts: dict[str, int], timings: dict[str, array[float]] | None
) -> PhaseResult:
    """Do one phase's actions, shuffled; per-action times go to ``timings`` when given."""
    actions: dict[str, Callable[[], None]] = {
        "select": soak.select,
        "search": soak.search,
        "export": soak.export,
    }
    errors_before = soak.recorder.count
    start = time.perf_counter()
    for activity in schedule(counts, soak.rng):
        began = time.perf_counter()
        actions[activity]()
        if timings is not None:
            timings.setdefault(activity, array("d")).append((time.perf_counter() - began) * 1000)
    seconds = time.perf_counter() - start
    soak.recorder.collect_warnings()
    errors = soak.recorder.count - errors_before
    return PhaseResult(name, counts, round(seconds, 2), errors, measure(soak.window))


def run(plan: Plan, folder: Path, progress: Callable[[PhaseResult], None] | None = None) -> Report:
    """The whole soak on the shipped content, exporting into ``folder``."""
    make_application()
    report = Report(plan)
    with Recorder() as recorder:
        window = build_window(load_library(content_dir()))
        window.show()
        QTest.qWaitForWindowExposed(window)
        soak = Soak(window, recorder, folder, random.Random(plan.seed))
        phases = [("warm-up", plan.warm_up())] + [
            (f"round {n}", counts) for n, counts in enumerate(plan.soak_rounds(), start=1)
        ]
        for name, counts in phases:
            timings = None if name == "warm-up" else report.timings
            report.phases.append(run_phase(soak, name, counts, timings))
            if progress is not None:
                progress(report.phases[-1])
            if name == "warm-up":
                report.warm = report.phases[-1].memory
        report.end = report.phases[-1].memory
        window.close()
        window.deleteLater()
        Soak.settle()
        recorder.collect_warnings()
    report.errors = recorder.count
    report.messages = recorder.messages
    report.done = dict(soak.done)
    report.paints = dict(soak.paints.counts)
    report.pages_seen = sorted(soak.pages_seen)
    report.leftovers = sorted(path.name for path in folder.iterdir())
    if report.leftovers:
        report.errors += 1
        report.messages.append(f"files left in the export folder: {report.leftovers[:5]}")
    return report


def print_report(report: Report) -> None:
    print(
        f"\n{'phase':10} {'select':>7} {'search':>7} {'export':>7} {'time s':>8} "
        f"{'errors':>7} {'RSS MB':>8} {'Py blocks':>10} {'Qt wrappers':>12}"
    )
    for phase in report.phases:
        counts = [phase.counts.get(name, 0) for name in ACTIVITIES]
        print(
            f"{phase.name:10} {counts[0]:7d} {counts[1]:7d} {counts[2]:7d} "
            f"{phase.seconds:8.1f} {phase.errors:7d} {phase.memory.rss_mb:8.1f} "
            f"{phase.memory.python_blocks:10,} {phase.memory.qt_wrappers:12,}"
        )
    labels = {
        "select": "region selection (click, Back/Forward, topic)",
        "search": "search (typed or pasted, results checked)",
        "export": "handout PDF export, read back with pypdf",
    }
    print_table(
        "Per action, after the warm-up",
        [
            (labels[name], summary(list(report.timings[name])))
            for name in ACTIVITIES
            if name in report.timings
        ],
    )
    done = sorted(report.done.items())
    print("\nDone: " + ", ".join(f"{count:,} {name}" for name, count in done))
    print(
        "Painted: " + ", ".join(f"{name} {count:,} times" for name, count in report.paints.items())
    )
    if report.warm is not None and report.end is not None:
        print("\nMemory, end of warm-up -> end:")
        for name, before in asdict(report.warm).items():
            after = getattr(report.end, name)
            print(f"  {name:15} {before:>12,} -> {after:>12,}  ({after - before:+,.2f})")
    print(f"\nErrors: {report.errors}")
    for message in report.messages[:20]:
        print(f"  {message}")
    verdict = "PASS" if report.passed else "FAIL"
    print(
        f"\n{verdict}: {report.errors} errors; RSS grew {report.growth_mb:+.1f} MB after the "
        f"warm-up (limit {GROWTH_LIMIT_MB:.0f} MB)"
    )


def as_json(report: Report, seconds: float) -> dict[str, object]:
    return {
        "plan": asdict(report.plan),
        "phases": [asdict(phase) for phase in report.phases],
        "per_action_ms": {name: summary(list(ms)) for name, ms in report.timings.items()},
        "memory": {
            "end_of_warm_up": asdict(report.warm) if report.warm else None,
            "end": asdict(report.end) if report.end else None,
            "rss_growth_mb": round(report.growth_mb, 2),
            "limit_mb": GROWTH_LIMIT_MB,
        },
        "errors": report.errors,
        "messages": report.messages,
        "done": report.done,
        "paints": report.paints,
        "pages_seen": report.pages_seen,
        "passed": report.passed,
        "seconds": round(seconds, 1),
        "environment": {
            "python": platform.python_version(),
            "pyside6": pyside_version,
            "qt": qVersion(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "qpa": os.environ.get("QT_QPA_PLATFORM", ""),
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    summary_line = (__doc__ or "").split("\n")[0]
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=summary_line)
    parser.add_argument("--scale", type=float, default=1.0, help="do this share of the work")
    parser.add_argument("--seed", type=int, default=Plan.seed)
    args = parser.parse_args(argv)
    plan = Plan(seed=args.seed).scaled(args.scale)
    with tempfile.TemporaryDirectory(prefix="bodymap-soak-") as temp:
        isolate(Path(temp) / "home")
        start = time.perf_counter()

        def show(phase: PhaseResult) -> None:
            print(
                f"  {phase.name}: {phase.seconds:.1f} s, {phase.errors} errors, "
                f"RSS {phase.memory.rss_mb:.1f} MB",
                flush=True,
            )

        report = run(plan, Path(temp) / "exports", show)
        seconds = time.perf_counter() - start
    print_report(report)
    path = write_json("soak", as_json(report, seconds))
    print(f"Total {seconds:.0f} s. Wrote {path}")
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
