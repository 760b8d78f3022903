"""Benchmark: every query of ``queries/*.rq`` on a built store, against rdflib's in-memory store.

Each query runs with the example values of its ``# param`` lines, through the project's
own path (:func:`kg.query.run_query` on the Oxigraph store, rows fully read), after
``--warmup`` untimed runs, ``--repeats`` times: median and 95th percentile. The same
queries then run on an rdflib ``Dataset`` (in memory, union default graph) loaded with
the same quads (the store's N-Quads dump, ontology graph included), with the same
bindings, at most ``--rdflib-repeats`` runs or ``--budget`` seconds. Prints both, the ratio
rdflib / Oxigraph and the row counts (which must agree).

Queries run in a child process watched by this one: a query that passes ``--timeout``
seconds or ``--max-rss`` MB is stopped and reported as such (the others still run), so
one pathological query cannot take the machine down.

    python bench/sparql.py --store /tmp/kg-bench/store-1000-j2
    python bench/sparql.py --store /tmp/kg-bench/store-5000-j2 --no-rdflib -p place=广安市
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import _tree_rss, print_results, summary

from kg.query import load_queries
from kg.query.library import QueryFile, bind_params

__all__ = ["main", "query_params", "time_query"]

QUERIES = Path(__file__).resolve().parents[1] / "queries"
TARGET_MEDIAN_MS = 200.0


def query_params(query: QueryFile, overrides: dict[str, str]) -> dict[str, str]:
    """The query's example parameter values, overridden by ``-p name=value``."""
    return {name: overrides.get(name, query.examples.get(name, "")) for name in query.params}


def time_query(run: Any, repeats: int, warmup: int, budget: float | None = None) -> tuple[list[float], int]:
    """Timings (s) of ``run()`` (which returns the row count) and the rows of the last run."""
    rows = 0
    for _ in range(warmup):
        rows = run()
    timings: list[float] = []
    spent = 0.0
    for _ in range(repeats):
        started = time.perf_counter()
        rows = run()
        timings.append(time.perf_counter() - started)
        spent += timings[-1]
        if budget is not None and spent > budget:
            break
    return timings, rows


def _runner(engine: str, store_path: str) -> tuple[Any, Any]:
    """(run(query_text, params) -> rows, closer) for one engine, opened in this process."""
    import pyoxigraph as ox

    from kg.store.store import PREFIXES

    if engine == "oxigraph":
        from kg.query import run_query
        from kg.store import open_store

        store = open_store(store_path, read_only=True)
        return (lambda text, params: sum(1 for _ in run_query(store, text, params))), store.close
    from rdflib import Dataset

    source = ox.Store.read_only(store_path)
    dataset = Dataset(default_union=True)
    dataset.parse(data=source.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    del source

    def run_rdflib(text: str, params: dict[str, str]) -> int:
        query = QueryFile.parse(text)  # typed as run_query binds them, so the row counts agree
        bindings = query.bindings(params) if query.params else bind_params(params)
        return sum(1 for _ in dataset.query(text, initNs=PREFIXES, initBindings=bindings))

    return run_rdflib, lambda: None


def _worker(engine: str, store_path: str, jobs: list[tuple[str, str, dict[str, str]]], repeats: int, warmup: int,
            budget: float | None, out: Any) -> None:
    started = time.perf_counter()
    run, close = _runner(engine, store_path)
    out.put(("ready", round(time.perf_counter() - started, 1)))
    for name, text, params in jobs:
        out.put(("start", name))
        timings, rows = time_query(lambda t=text, p=params: run(t, p), repeats, warmup, budget)
        out.put(("done", name, timings, rows))
    close()


def run_engine(engine: str, store_path: str, jobs: list[tuple[str, str, dict[str, str]]], *, repeats: int,
               warmup: int, budget: float | None, timeout: float, max_rss_mb: float) -> tuple[dict[str, Any], float]:
    """Results by query name for one engine (timings or a failure), and its load seconds."""
    ctx = mp.get_context("fork")
    results: dict[str, Any] = {}
    load_seconds = 0.0
    todo = list(jobs)
    while todo:
        queue = ctx.Queue()
        proc = ctx.Process(target=_worker, args=(engine, store_path, todo, repeats, warmup, budget, queue))
        proc.start()
        current, since, failure = None, time.monotonic(), None
        while True:
            try:
                message = queue.get(timeout=0.5)
            except Exception:
                message = None
            if message:
                if message[0] == "ready":
                    load_seconds = message[1]
                    since = time.monotonic()
                elif message[0] == "start":
                    current, since = message[1], time.monotonic()
                else:
                    results[message[1]] = {"timings": message[2], "rows": message[3]}
                    current = None
                    if len(results) >= len(jobs) or all(j[0] in results for j in todo):
                        break
                continue
            if not proc.is_alive():
                failure = "crashed"
                break
            rss = _tree_rss(proc.pid) / 1e6
            if current and time.monotonic() - since > timeout:
                failure = f"timeout > {timeout:.0f} s"
            elif rss > max_rss_mb:
                failure = f"memory > {max_rss_mb:.0f} MB"
            if failure:
                break
        proc.kill() if failure else proc.join(timeout=30)
        proc.join()
        if failure:
            name = current or todo[0][0]
            results[name] = {"failure": failure}
            print(f"  {engine} {name}: {failure}", file=sys.stderr)
        todo = [j for j in todo if j[0] not in results]
    return results, load_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="a store built by kg build (bench/build.py keeps them)")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib comparison")
    parser.add_argument("--rdflib-repeats", type=int, default=5)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds of repeats per query (≥ 1 run)")
    parser.add_argument("--timeout", type=float, default=120.0, help="stop a query after this many seconds")
    parser.add_argument("--max-rss", type=float, default=6000.0, help="stop a query above this many MB")
    parser.add_argument("--param", "-p", action="append", default=[], help="NAME=VALUE overriding an example")
    parser.add_argument("--only", help="comma-separated query names")
    args = parser.parse_args()
    import pyoxigraph as ox

    overrides = dict(item.split("=", 1) for item in args.param)
    library = load_queries(QUERIES)
    if args.only:
        library = {k: v for k, v in library.items() if k in args.only.split(",")}
    jobs = [(name, q.text, query_params(q, overrides)) for name, q in library.items()]
    source = ox.Store.read_only(args.store)
    quads = len(source)
    reports = sum(1 for g in source.named_graphs() if "/id/report/" in g.value)
    del source
    engines = [("oxigraph", args.store, args.repeats, args.warmup)]
    if not args.no_rdflib:
        engines.append(("rdflib", args.store, args.rdflib_repeats, min(args.warmup, 1)))
    by_engine, loads = {}, {}
    for engine, path, repeats, warmup in engines:
        print(f"{engine} …", file=sys.stderr)
        by_engine[engine], loads[engine] = run_engine(
            engine, path, jobs, repeats=repeats, warmup=warmup, budget=args.budget, timeout=args.timeout,
            max_rss_mb=args.max_rss)
    rows = []
    for name, _, params in jobs:
        row: dict[str, Any] = {"query": name, "params": " ".join(f"{k}={v}" for k, v in params.items())}
        for engine in by_engine:
            result = by_engine[engine][name]
            if "failure" in result:
                row[f"{engine}_median_ms"] = row[f"{engine}_p95_ms"] = result["failure"]
                continue
            stats = summary(result["timings"])
            row[f"{engine}_median_ms"], row[f"{engine}_p95_ms"] = stats["median_ms"], stats["p95_ms"]
            row[f"{engine}_rows"], row[f"{engine}_runs"] = result["rows"], len(result["timings"])
        ox_ms = row["oxigraph_median_ms"]
        other = row.get("rdflib_median_ms")
        if isinstance(ox_ms, float) and isinstance(other, float):
            row["rdflib_ratio"] = round(other / max(ox_ms, 1e-3), 2)
        row["rows"] = row.get("oxigraph_rows")
        row["meets_target"] = isinstance(ox_ms, float) and ox_ms < TARGET_MEDIAN_MS
        rows.append(row)
    columns = ["query", "rows", "oxigraph_median_ms", "oxigraph_p95_ms"]
    if "rdflib" in by_engine:
        columns += ["rdflib_median_ms", "rdflib_p95_ms", "rdflib_rows", "rdflib_ratio"]
    columns.append("meets_target")
    print_results("sparql", columns, rows, store=str(args.store), quads=quads, reports=reports,
                  repeats=args.repeats, load_s=loads, target_median_ms=TARGET_MEDIAN_MS, pid=os.getpid())


if __name__ == "__main__":
    main()
