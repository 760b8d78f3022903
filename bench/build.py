"""Benchmark: ``kg build`` from raw report files to the stored graph, and incremental rebuilds.

For each corpus size N (made by ``corpus.py``; the N-report corpus is the first N files of
the largest, linked) and each worker count J, a fresh store is built by the real command
(``kg build DIR --store S -j J -q``, a separate process, so start-up and import time are
in) while this script samples the RSS of the command's whole process tree. Prints reports/s,
MB of report text per second, MB/s per core (÷ J), the speed-up over J = 1 at the same N,
the peak tree RSS and the store's quads and size on disk, then whether peak memory grows
with N.

``--incremental`` then changes one report of the largest store (its numbers re-drawn),
rebuilds just that file, and checks that every other report graph is unchanged (SHA-256
of each graph's sorted N-Triples before and after) and that the changed one did change.

    python bench/build.py --sizes 100 --jobs 1,2                     # smoke run, a minute
    python bench/build.py --sizes 100,1000,5000 --jobs 1,2 --incremental --work /tmp/kg-bench
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import print_results, run_measured
from corpus import corpus_bytes, make_corpus, vary_numbers

__all__ = ["graph_digests", "kg_command", "main"]

TARGET_MB_S_PER_CORE = 1.0
TARGET_PEAK_MB = 2000
TARGET_INCREMENTAL_S = 2.0


def kg_command() -> list[str]:
    """The ``kg`` console script of this interpreter's environment."""
    script = Path(sys.executable).parent / "kg"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from kg.cli import main; main()"]


def corpus_subset(full: list[Path], n: int, folder: Path) -> Path:
    """A folder holding (symlinks to) the first ``n`` report files."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {p.name for p in full[:n]}
    for stale in folder.iterdir():
        if stale.name not in wanted:
            stale.unlink()
    for path in full[:n]:
        link = folder / path.name
        if not link.exists():
            link.symlink_to(path.resolve())
    return folder


def _du_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def _quads(store_dir: Path) -> int:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(store_dir))
    try:
        return len(store)
    finally:
        del store


def measure_build(corpus: Path, store_dir: Path, jobs: int) -> dict[str, object]:
    """Build ``corpus`` into a fresh ``store_dir`` with ``jobs`` workers; the figures."""
    if store_dir.exists():
        shutil.rmtree(store_dir)
    files = sorted(corpus.glob("*.txt"))
    size = corpus_bytes(files)
    run = run_measured([*kg_command(), "build", str(corpus), "--store", str(store_dir), "-j", str(jobs), "-q"])
    if run.returncode != 0:
        print(run.stderr[-2000:], file=sys.stderr)
    mb = size / 1e6
    return {"reports": len(files), "jobs": jobs, "mb": round(mb, 2), "seconds": round(run.seconds, 2),
            "reports_s": round(len(files) / run.seconds, 2), "mb_s": round(mb / run.seconds, 4),
            "mb_s_core": round(mb / run.seconds / jobs, 4), "cpu_s": round(run.cpu_seconds, 1),
            "mb_per_cpu_s": round(mb / run.cpu_seconds, 4) if run.cpu_seconds else None,
            "cores_busy": round(run.cpu_seconds / run.seconds, 2), "peak_mb": round(run.peak_tree_mb),
            "peak_process_mb": round(run.peak_process_mb), "quads": _quads(store_dir),
            "store_mb": round(_du_mb(store_dir)), "failed": run.returncode != 0}


def graph_digests(store_dir: Path) -> dict[str, str]:
    """Named graph IRI -> SHA-256 of its sorted quads as stored, from one N-Quads dump of the store."""
    import pyoxigraph as ox

    lines: dict[str, list[str]] = {}
    store = ox.Store.read_only(str(store_dir))
    try:
        for line in store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines():
            triple, graph = line[:-2].rsplit(" ", 1)
            lines.setdefault(graph[1:-1], []).append(triple)
    finally:
        del store
    return {g: hashlib.sha256("\n".join(sorted(ls)).encode("utf-8")).hexdigest() for g, ls in lines.items()}


def measure_incremental(corpus_files: list[Path], store_dir: Path, work: Path, repeats: int = 3) -> dict[str, object]:
    """Change one report, rebuild it alone (CLI and in-process); check nothing else changed."""
    from kg.build import build
    from kg.store import open_store

    target = corpus_files[len(corpus_files) // 2]
    changed = work / "changed" / target.name  # same name -> same named graph
    changed.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random("incremental")
    text = target.read_text(encoding="utf-8")
    before = graph_digests(store_dir)
    cli_times, api_times = [], []
    for k in range(repeats):
        varied = "\n".join(vary_numbers(line, rng) for line in text.splitlines()) + "\n"
        changed.write_text(varied, encoding="utf-8")
        run = run_measured([*kg_command(), "build", str(changed), "--store", str(store_dir), "-q"])
        if run.returncode != 0:
            raise SystemExit(f"incremental build failed: {run.stderr[-500:]}")
        cli_times.append(run.seconds)
        changed.write_text("\n".join(vary_numbers(line, rng) for line in text.splitlines()) + f"\n\n{k}\n",
                           encoding="utf-8")
        with open_store(store_dir) as store:
            started = time.perf_counter()
            result = build([changed], store)
            api_times.append(time.perf_counter() - started)
        if not result.ok:
            raise SystemExit(f"incremental build failed: {result.failed}")
    after = graph_digests(store_dir)
    graph = next(iri for iri in after if iri.endswith("/" + target.stem))
    others_changed = sorted(iri for iri in before if iri != graph and before[iri] != after.get(iri))
    return {"reports": len(before), "report": target.name, "cli_s": round(min(cli_times), 3),
            "cli_s_max": round(max(cli_times), 3), "in_process_s": round(min(api_times), 3),
            "in_process_s_max": round(max(api_times), 3), "changed_graph_changed": before[graph] != after[graph],
            "other_graphs_changed": len(others_changed), "graphs_before": len(before), "graphs_after": len(after)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="corpus sizes, comma-separated")
    parser.add_argument("--jobs", default="1,2", help="worker counts, comma-separated ('all' = every core)")
    parser.add_argument("--max-j1", type=int, default=None, help="skip -j1 above this N (it takes longest)")
    parser.add_argument("--work", default="/tmp/kg-bench", help="folder for corpora and stores (kept)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--incremental", action="store_true", help="also measure a one-report rebuild at max N")
    parser.add_argument("--incremental-only", action="store_true",
                        help="only the one-report rebuild, in the store an earlier run kept at max N and J")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    jobs = sorted({os.cpu_count() or 1 if j == "all" else int(j) for j in args.jobs.split(",")})
    work = Path(args.work)
    full = make_corpus(max(sizes), work / f"corpus-{max(sizes)}", seed=args.seed, progress=True)
    rows = []
    for n in sizes if not args.incremental_only else []:
        corpus = work / f"corpus-{max(sizes)}" if n == max(sizes) else corpus_subset(full, n, work / f"corpus-{n}")
        for j in jobs:
            if j == 1 and args.max_j1 and n > args.max_j1 and len(jobs) > 1:
                continue
            print(f"building {n} reports with -j{j} …", file=sys.stderr)
            row = measure_build(corpus, work / f"store-{n}-j{j}", j)
            base = next((r for r in rows if r["reports"] == n and r["jobs"] == 1), None)
            row["speedup"] = round(base["seconds"] / row["seconds"], 2) if base and j > 1 else None
            rows.append(row)
            print(f"  {row['seconds']} s, {row['mb_s']} MB/s, peak {row['peak_mb']} MB", file=sys.stderr)
            if j != max(jobs):
                shutil.rmtree(work / f"store-{n}-j{j}", ignore_errors=True)  # keep the -jmax stores only
    by_j = {j: [r for r in rows if r["jobs"] == j] for j in jobs}
    growth = {f"j{j}": round(rs[-1]["peak_mb"] / rs[0]["peak_mb"], 2) for j, rs in by_j.items() if len(rs) > 1}
    columns = ["reports", "jobs", "mb", "seconds", "reports_s", "mb_s", "mb_s_core", "cpu_s", "mb_per_cpu_s",
               "cores_busy", "speedup", "peak_mb",
               "peak_process_mb", "quads", "store_mb"]
    extra = {"targets": {"mb_s_core": TARGET_MB_S_PER_CORE, "peak_mb": TARGET_PEAK_MB},
             "peak_growth_smallest_to_largest": growth}
    if args.incremental or args.incremental_only:
        store_dir = work / f"store-{max(sizes)}-j{max(jobs)}"
        print(f"incremental rebuild in {store_dir} …", file=sys.stderr)
        extra["incremental"] = measure_incremental(full, store_dir, work)
        extra["targets"]["incremental_s"] = TARGET_INCREMENTAL_S
        for key, value in extra["incremental"].items():
            print(f"{key:>24}  {value}")
        print()
    print_results("build", columns, rows, **extra)
    print(f"peak memory, largest N / smallest N: {growth}", file=sys.stderr)


if __name__ == "__main__":
    main()
