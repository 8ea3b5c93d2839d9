"""Cold start of two checkouts side by side, alternating, in one run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.compare_trees --before /work/wt-before

Each checkout is started with its own ``bench/firstframe.py`` (the launcher ``bench.startup``
uses), which puts that checkout first on ``sys.path``, so each column is that checkout's code.
Both run on one interpreter and one set of libraries (``--python``, by default this
checkout's ``.venv``): two copies of the same PySide6 differ in how much of them the system's
file cache holds, and a library read from a cold file cache counts several MiB more (or less)
of resident memory and costs more CPU time, which is not the code's doing. A round launches,
in an order that rotates from round to round, for each tree: BodyMap on the shipped content
(no arguments, as from a menu), and on a 100x content pack (``bench/contentpack.py``, made by
each tree from its own shipped pages) with its cache written. Every ``--uncached-every``-th
round also starts each tree once on the pack with an empty cache folder (a first start: every
page read and checked). A bare PySide6 window is launched every round as the yardstick.

Settings and caches go to temporary folders, one set per tree, never the user's. Medians are
printed as a table; each launch's figures go to ``bench/results/compare_trees.json``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.stats import write_json

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 180
MAKE_PACK = "import sys; from pathlib import Path; from bench.contentpack import make_pack; "
MAKE_PACK += "make_pack(Path(sys.argv[1]), int(sys.argv[2]))"
FACTOR = 100


@dataclass
class Tree:
    """One checkout: its interpreter, launcher, scratch folders and pack."""

    name: str
    root: Path
    scratch: Path
    python: Path

    @property
    def pack(self) -> Path:
        return self.scratch / "pack"

    def env(self, cache: Path | None = None) -> dict[str, str]:
        env = dict(os.environ)
        env["XDG_CONFIG_HOME"] = str(self.scratch / "config")
        env["XDG_CACHE_HOME"] = str(cache or self.scratch / "cache")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env.pop("PYTHONPATH", None)
        return env


@dataclass
class Kind:
    """One thing to launch, and the figures of every launch of it."""

    tree: Tree
    name: str
    arguments: list[str]
    uncached: bool = False
    launches: list[dict[str, float]] = field(default_factory=list)

    def median(self, key: str) -> float:
        return statistics.median(launch[key] for launch in self.launches)


def launch(kind: Kind) -> dict[str, float]:
    """Start one child (``firstframe.py`` of the kind's tree) and return its figures."""
    tree = kind.tree
    with tempfile.TemporaryDirectory(prefix="bodymap-nocache-") as empty:
        env = tree.env(Path(empty) if kind.uncached else None)
        command = [str(tree.python), str(tree.root / "bench" / "firstframe.py"), *kind.arguments]
        started = time.monotonic()
        done = subprocess.run(
            command,
            env=env,
            cwd=tree.root,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    report = next(
        (json.loads(line) for line in reversed(done.stdout.splitlines()) if line[:1] == "{"),
        None,
    )
    if done.returncode != 0 or report is None:
        raise RuntimeError(f"{tree.name} {kind.name} failed:\n{done.stderr[-2000:]}")
    return {
        "wall_ms": round((report["painted"] - started) * 1000, 1),
        "cpu_ms": round(report["cpu_ms"], 1),
        "rss_first_mib": round(report["rss_first_kib"] / 1024, 1),
        "rss_settled_mib": round(report["rss_settled_kib"] / 1024, 1),
    }


def shipped_pages(tree: Tree) -> int:
    """How many English pages the tree ships (its ``content/regions`` and ``content/topics``)."""
    return sum(len(list((tree.root / "content" / f).glob("*.yaml"))) for f in ("regions", "topics"))


def prepare(tree: Tree, pages: int | None) -> None:
    """Byte-compile the tree (as an installed app is), check that its launcher imports its
    own code, and write its pack: 100 copies of its pages, or with ``pages``, as many copies
    as come nearest to that many pages."""
    for name in ("config", "cache"):
        (tree.scratch / name).mkdir(parents=True, exist_ok=True)
    compileall.compile_dir(tree.root / "bodymap", quiet=1)
    where = subprocess.run(
        [
            str(tree.python),
            "-c",
            f"import sys; sys.path.insert(0, {str(tree.root)!r}); "
            "import bodymap; print(bodymap.__file__)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(where).is_relative_to(tree.root):
        raise SystemExit(f"{tree.name}: bodymap comes from {where}, not {tree.root}")
    shipped = shipped_pages(tree)
    factor = FACTOR if pages is None else max(1, round(pages / shipped))
    print(f"  {tree.name}: {shipped} pages x {factor} = {shipped * factor} in its pack", flush=True)
    command = [str(tree.python), "-c", MAKE_PACK, str(tree.pack), str(factor)]
    subprocess.run(command, cwd=tree.root, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.compare_trees", description=__doc__)
    parser.add_argument("--before", type=Path, required=True, help="the other checkout")
    parser.add_argument("--after", type=Path, default=ROOT, help="default: this checkout")
    parser.add_argument(
        "--python",
        type=Path,
        default=ROOT / ".venv" / "bin" / "python",
        help="the interpreter both trees run on (default: this checkout's .venv)",
    )
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument(
        "--uncached-every",
        type=int,
        default=4,
        help="an uncached pack start every N rounds (0: none)",
    )
    parser.add_argument(
        "--pages",
        type=int,
        help="give each tree's pack about this many pages (default: 100 copies of its own), "
        "to compare trees that ship different numbers of pages on the same amount of content",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bodymap-compare-") as folder:
        scratch = Path(folder)
        trees = [
            Tree("before", args.before.resolve(), scratch / "before", args.python),
            Tree("after", args.after.resolve(), scratch / "after", args.python),
        ]
        print("Byte-compiling and writing each tree's pack…", flush=True)
        for tree in trees:
            prepare(tree, args.pages)
        bare = Kind(trees[1], "bare", ["bare"])
        kinds = [bare]
        uncached = []
        for tree in trees:
            kinds.append(Kind(tree, "shipped", ["app"]))
            kinds.append(Kind(tree, "pack", ["app", "--content-dir", str(tree.pack)]))
            uncached.append(Kind(tree, "pack_uncached", kinds[-1].arguments, uncached=True))
        print("Warm-up (writes each tree's caches)…", flush=True)
        for kind in kinds:
            launch(kind)
        print(f"{args.rounds} rounds:", end="", flush=True)
        for number in range(args.rounds):
            every = args.uncached_every
            extra = uncached if every and number % every == 0 else []
            order = kinds + extra
            shift = number % len(order)
            for kind in order[shift:] + order[:shift]:
                kind.launches.append(launch(kind))
            print(f" {number + 1}", end="", flush=True)
        print()
        shutil.rmtree(scratch, ignore_errors=True)
    everything = [*kinds, *uncached]
    report(everything, bare)
    write_json(
        "compare_trees",
        {
            "trees": {tree.name: str(tree.root) for tree in trees},
            "rounds": args.rounds,
            "pages": args.pages,
            "kinds": {f"{k.tree.name}/{k.name}": k.launches for k in everything},
        },
    )
    return 0


def report(kinds: list[Kind], bare: Kind) -> None:
    """One row per kind: medians, and the CPU and memory ratios to the bare window."""
    print(
        f"\n{'tree/kind':24} {'n':>3} {'wall ms':>9} {'CPU ms':>8} {'xbare':>6} "
        f"{'RSS MiB':>8} {'xbare':>6} {'settled':>8}"
    )
    for kind in kinds:
        if not kind.launches:
            continue
        cpu = kind.median("cpu_ms")
        rss = kind.median("rss_first_mib")
        print(
            f"{kind.tree.name + '/' + kind.name:24} {len(kind.launches):3d} "
            f"{kind.median('wall_ms'):9.1f} {cpu:8.1f} {cpu / bare.median('cpu_ms'):6.2f} "
            f"{rss:8.1f} {rss / bare.median('rss_first_mib'):6.2f} "
            f"{kind.median('rss_settled_mib'):8.1f}"
        )


if __name__ == "__main__":
    sys.exit(main())
