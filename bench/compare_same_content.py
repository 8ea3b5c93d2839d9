"""Search per keystroke and region clicks of two checkouts on the same pages, in one run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.compare_same_content --before ../wt-before

``bench.search_bench`` and ``bench.selection`` measure each checkout on the pages it ships, so
when the pages grow (more regions, longer red-flag lists, 70% more English text since 427266c)
the figures move with the text as well as the code. This runs both checkouts' code on one
content folder, by default the older checkout's, which the newer code still reads:

- search: the search engine (``SearchIndex.search``, as the search field calls it, ``--limit``
  results with their snippets), every prefix of ``bench.search_bench.QUERIES`` typed after a
  warm-up pass;
- clicks: each checkout's own ``bench.selection.measure_selection`` on its real window
  (clicks round every region outline whose page is in the folder).

Each round starts one child Python per checkout and measure (that checkout first on
``sys.path``), in an order that alternates; the table gives medians and 95th percentiles of
all rounds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from bench.search_bench import QUERIES, keystrokes
from bench.stats import write_json

ROOT = Path(__file__).resolve().parent.parent
SEARCH = """
import json, sys, time
tree, content, limit, typed = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
sys.path.insert(0, tree)
from pathlib import Path
from bodymap.content.loader import load_library
from bodymap.content.search import SearchIndex
index = SearchIndex.open(load_library(Path(content)))
for text in typed:
    index.search(text, limit=limit)
samples = []
for text in typed:
    started = time.perf_counter()
    index.search(text, limit=limit)
    samples.append((time.perf_counter() - started) * 1000)
print(json.dumps(samples))
"""
CLICKS = """
import json, os, sys
tree, content, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, tree)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([sys.argv[0]])
from bodymap.content.loader import load_library
from bench.selection import measure_selection
print(json.dumps(measure_selection(load_library(Path(content)), rounds)))
"""


def one_round(kind: str, tree: Path, content: Path, args: argparse.Namespace) -> list[float]:
    """Every keystroke's or click's time (ms) with ``tree``'s code, in a new process."""
    if kind == "search":
        command = ["-c", SEARCH, str(tree), str(content), str(args.limit)]
        command.append(json.dumps(keystrokes(QUERIES)))
    else:
        command = ["-c", CLICKS, str(tree), str(content), str(args.click_rounds)]
    done = subprocess.run(
        [str(args.python), *command], capture_output=True, text=True, check=True, cwd=tree
    )
    samples: list[float] = json.loads(done.stdout.strip().splitlines()[-1])
    return samples


def percentile_95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[int(len(ordered) * 0.95)]


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.compare_same_content", description=__doc__
    )
    parser.add_argument("--before", type=Path, required=True, help="the other checkout")
    parser.add_argument("--after", type=Path, default=ROOT, help="default: this checkout")
    parser.add_argument("--content", type=Path, help="default: the --before checkout's content")
    parser.add_argument("--limit", type=int, default=8, help="results asked for (the field's: 8)")
    parser.add_argument("--click-rounds", type=int, default=6, help="click rounds per launch")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--python", type=Path, default=ROOT / ".venv" / "bin" / "python")
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    content = (args.content or trees["before"] / "content").resolve()
    kinds = ("search", "clicks")
    samples: dict[str, list[float]] = {f"{t}/{k}": [] for k in kinds for t in trees}
    print(f"{args.rounds} rounds on {content}:", end="", flush=True)
    for number in range(args.rounds):
        order = list(trees) if number % 2 == 0 else list(reversed(trees))
        for kind in kinds:
            for name in order:
                samples[f"{name}/{kind}"] += one_round(kind, trees[name], content, args)
        print(f" {number + 1}", end="", flush=True)
    print(f"\n\n{'tree/measure':16} {'n':>6} {'median ms':>10} {'p95 ms':>8}")
    for name, times in samples.items():
        median = statistics.median(times)
        print(f"{name:16} {len(times):6d} {median:10.3f} {percentile_95(times):8.3f}")
    write_json(
        "compare_same_content",
        {
            "trees": {name: str(path) for name, path in trees.items()},
            "content": str(content),
            "limit": args.limit,
            "samples": samples,
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
