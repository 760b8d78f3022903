"""Benchmark: the CPU a ``kg`` process spends before and around its work (issue 13, point 2).

Each command runs as a new process (the real console script, so imports are in), ``--repeats``
times; prints the fewest and the median CPU seconds (user + system of the process tree) of
``kg --version``, ``kg --help``, ``kg CMD --help`` for a command with heavy imports, and
``kg build FILE`` of one scale report into a fresh store (a one-report rebuild pays the same
start-up). The machine is shared, so CPU seconds are the figures, not wall time.

    python bench/build_startup.py --repeats 5
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import print_results, run_measured
from build import kg_command
from corpus import make_corpus

__all__ = ["main", "startup_cpu"]


def startup_cpu(args: list[str], repeats: int, *, fresh: Path | None = None) -> dict[str, object]:
    """The fewest and median CPU seconds of ``kg ARGS`` over ``repeats`` runs (``fresh`` removed before each)."""
    cpu = []
    for _ in range(repeats):
        if fresh is not None:
            shutil.rmtree(fresh, ignore_errors=True)
        run = run_measured([*kg_command(), *args])
        if run.returncode != 0:
            raise SystemExit(f"kg {' '.join(args)} failed: {run.stderr.strip().splitlines()[-1:]}")
        cpu.append(run.cpu_seconds)
    return {"command": "kg " + " ".join(a if len(a) < 40 else Path(a).name for a in args),
            "cpu_s_min": round(min(cpu), 3), "cpu_s_median": round(statistics.median(cpu), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--work", default="/tmp/kg-bench", help="folder for the corpus and the store (kept)")
    args = parser.parse_args()
    work = Path(args.work)
    report = make_corpus(1, work / "corpus-1", seed=0)[0]
    store = work / "store-startup"
    rows = [startup_cpu(["--version"], args.repeats), startup_cpu(["--help"], args.repeats),
            startup_cpu(["view", "--help"], args.repeats),
            startup_cpu(["build", str(report), "--store", str(store), "-q"], args.repeats, fresh=store)]
    print_results("build_startup", ["command", "cpu_s_min", "cpu_s_median"], rows, repeats=args.repeats)


if __name__ == "__main__":
    main()
