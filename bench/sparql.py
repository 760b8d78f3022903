"""Benchmark: every query of ``queries/*.rq`` on a built store, before and after, and against rdflib.

Each query runs with the example values of its ``# param`` lines, ``--warmup`` untimed runs
then ``--repeats`` timed ones (at most ``--budget`` seconds), in two forms:

* ``before``: the query text of git ``--before`` (default ``main``) through the old result path,
  :func:`kg.query.run_query` (rdflib ``Result``, every cell made an rdflib term, then a Python value),
  or with ``--before-path library`` through the same path as ``after`` (to compare query texts alone);
* ``after``: this checkout's text through :func:`kg.query.library.select_rows`, which streams
  Python values straight from pyoxigraph (what ``kg query`` and ``kg.query_df`` use).

For each: rows, the median time until the 100th row comes out of the stream (``first100``,
wall and CPU: a query whose ``ORDER BY`` sorts every row comes out after all of them), the
median and 95th percentile of the full time, and the median CPU time (the machine may be
shared: CPU time is what the query itself cost). ``--rdflib`` also runs this checkout's text on an rdflib
``Dataset`` loaded with the same quads (slow; only for small stores). Row counts of before and
after must agree (``same_rows``); with ``--check-answers`` the rows themselves, in order (``same_answer``:
a query whose rows tie on its sort key may list the tied rows in another order and differ there).
``meets_target``: the median time to the first 100 rows (the whole answer for the aggregating
queries of ``IN_FULL``) is under 200 ms.

Queries run in a child process watched by this one: a query that passes ``--timeout``
seconds or ``--max-rss`` MB is stopped and reported as such (the others still run), so
one pathological query cannot take the machine down.

    python bench/sparql.py --store /tmp/kg-bench/store-1000-j2 --rdflib
    python bench/sparql.py --store /tmp/kg-bench/store-5000-j2 -p place=广安市 --only targets_about_place
    python bench/sparql.py --store STORE --before c3bbb1b --before-path library --repeats 5
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import subprocess
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
IN_FULL = {"agencies_by_targets", "places_by_commitments", "policies_by_agency"}
"""Queries whose whole answer must come within the target (issue 13); the others, their first 100 rows."""


def query_params(query: QueryFile, overrides: dict[str, str]) -> dict[str, str]:
    """The query's example parameter values, overridden by ``-p name=value``."""
    return {name: overrides.get(name, query.examples.get(name, "")) for name in query.params}


def time_query(run: Any, repeats: int, warmup: int, budget: float | None = None) -> dict[str, Any]:
    """Timings of ``run()``, which returns (rows, wall and CPU seconds until the 100th row or the
    end): lists ``wall``, ``cpu``, ``first100`` and ``first100_cpu`` (seconds) and the rows of the last run."""
    rows = 0
    for _ in range(warmup):
        rows, _, _ = run()
    wall: list[float] = []
    cpu: list[float] = []
    first: list[float] = []
    first_cpu: list[float] = []
    for _ in range(repeats):
        started, cpu_started = time.perf_counter(), time.process_time()
        rows, first100, first100_cpu = run()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
        first.append(first100)
        first_cpu.append(first100_cpu)
        if budget is not None and sum(wall) > budget:
            break
    return {"wall": wall, "cpu": cpu, "first100": first, "first100_cpu": first_cpu, "rows": rows}


def _runner(engine: str, store_path: str, before_path: str = "rdflib") -> tuple[Any, Any]:
    """(run(query_text, params) -> (rows, first100 wall and CPU seconds), closer) for one engine, opened in
    this process (``before`` through ``before_path``: ``rdflib`` or ``library``). The clocks of ``first100``
    start when the query is asked."""
    import pyoxigraph as ox

    from kg.store.store import PREFIXES

    if engine in ("before", "after"):
        from kg.query import run_query
        from kg.query.library import select_rows
        from kg.store import open_store

        store = open_store(store_path, read_only=True)
        if engine == "after" or before_path == "library":
            def run_after(text: str, params: dict[str, str]) -> tuple[int, float, float]:
                return _timed(lambda: select_rows(store, text, params)[1])

            return run_after, store.close

        def run_before(text: str, params: dict[str, str]) -> tuple[int, float, float]:
            return _timed(lambda: ([_old_value(term) for term in row] for row in run_query(store, text, params)))

        return run_before, store.close
    from rdflib import Dataset

    source = ox.Store.read_only(store_path)
    dataset = Dataset(default_union=True)
    dataset.parse(data=source.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    del source

    def run_rdflib(text: str, params: dict[str, str]) -> tuple[int, float, float]:
        query = QueryFile.parse(text)  # typed as run_query binds them, so the row counts agree
        bindings = query.bindings(params) if query.params else bind_params(params)
        return _timed(lambda: iter(dataset.query(text, initNs=PREFIXES, initBindings=bindings)))

    return run_rdflib, lambda: None


def _answers(store_path: str) -> Any:
    """rows(query_text, params): the rows of a query on the store, as ``kg query`` gives them (untimed)."""
    from kg.query.library import select_rows
    from kg.store import open_store

    store = open_store(store_path, read_only=True)
    return lambda text, params: select_rows(store, text, params)[1]


def _timed(ask: Any) -> tuple[int, float, float]:
    """(rows, wall and CPU seconds from asking until the 100th row, or until the end of a shorter
    answer) of ``ask()``, which returns an iterable of rows; the rows are read in full."""
    started, cpu_started = time.perf_counter(), time.process_time()
    count, first = 0, None
    for _ in ask():
        count += 1
        if count == 100:
            first = time.perf_counter() - started, time.process_time() - cpu_started
    if first is None:
        first = time.perf_counter() - started, time.process_time() - cpu_started
    return count, *first


def _old_value(term: Any) -> Any:
    """An rdflib result term as the old result path made it a Python value (``Literal.toPython``)."""
    from rdflib import Literal

    return term.toPython() if isinstance(term, Literal) else None if term is None else str(term)


def answer_digest(rows: Any) -> str:
    """SHA-256 of an answer's rows (their Python values' ``repr``, in the order they came), so two
    answers can be compared without keeping them."""
    import hashlib

    digest = hashlib.sha256()
    for row in rows:
        digest.update(repr(list(row)).encode("utf-8") + b"\n")
    return digest.hexdigest()


def _worker(engine: str, store_path: str, jobs: list[tuple[str, str, dict[str, str]]], repeats: int, warmup: int,
            budget: float | None, before_path: str, out: Any, check_answers: bool = False) -> None:
    started = time.perf_counter()
    run, close = _runner(engine, store_path, before_path)
    answers = _answers(store_path) if check_answers and engine in ("before", "after") else None
    out.put(("ready", round(time.perf_counter() - started, 1)))
    for name, text, params in jobs:
        out.put(("start", name))
        result = time_query(lambda t=text, p=params: run(t, p), repeats, warmup, budget)
        if answers is not None:
            result["answer"] = answer_digest(answers(text, params))
        out.put(("done", name, result))
    close()


def run_engine(engine: str, store_path: str, jobs: list[tuple[str, str, dict[str, str]]], *, repeats: int,
               warmup: int, budget: float | None, timeout: float, max_rss_mb: float,
               before_path: str = "rdflib", check_answers: bool = False) -> tuple[dict[str, Any], float]:
    """Results by query name for one engine (:func:`time_query`'s, or a failure), and its load seconds."""
    ctx = mp.get_context("fork")
    results: dict[str, Any] = {}
    load_seconds = 0.0
    todo = list(jobs)
    while todo:
        queue = ctx.Queue()
        proc = ctx.Process(target=_worker, args=(engine, store_path, todo, repeats, warmup, budget,
                                                 before_path, queue, check_answers))
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
                    results[message[1]] = message[2]
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


def before_text(ref: str, name: str) -> str | None:
    """The text of library query ``name`` at git ``ref`` (None if it has none there)."""
    found = subprocess.run(["git", "-C", str(QUERIES.parent), "show", f"{ref}:queries/{name}.rq"],
                           capture_output=True, text=True)
    return found.stdout if found.returncode == 0 else None


def figures(result: dict[str, Any]) -> dict[str, Any]:
    """rows, first-100 medians (wall, CPU), full median and p95, CPU median (ms) of one engine's result; or its
    failure."""
    if "failure" in result:
        return {"rows": None, "first100_ms": result["failure"]}
    full = summary(result["wall"])
    return {"rows": result["rows"], "first100_ms": summary(result["first100"])["median_ms"],
            "first100_cpu_ms": summary(result["first100_cpu"])["median_ms"],
            "median_ms": full["median_ms"], "p95_ms": full["p95_ms"], "cpu_ms": summary(result["cpu"])["median_ms"],
            "runs": len(result["wall"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="a store built by kg build (bench/build.py keeps them)")
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--before", default="main", help="git revision whose queries/ are 'before' (default main)")
    parser.add_argument("--no-before", action="store_true", help="skip the 'before' run")
    parser.add_argument("--before-path", choices=["rdflib", "library"], default="rdflib",
                        help="run 'before' through the old rdflib result path (default) or the library's, as 'after'")
    parser.add_argument("--rdflib", action="store_true", help="also run on rdflib's in-memory store (small stores)")
    parser.add_argument("--rdflib-repeats", type=int, default=5)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds of repeats per query (≥ 1 run)")
    parser.add_argument("--timeout", type=float, default=120.0, help="stop a query after this many seconds")
    parser.add_argument("--max-rss", type=float, default=6000.0, help="stop a query above this many MB")
    parser.add_argument("--param", "-p", action="append", default=[], help="NAME=VALUE overriding an example")
    parser.add_argument("--only", help="comma-separated query names")
    parser.add_argument("--check-answers", action="store_true",
                        help="run each query once more, untimed, and compare before's and after's rows in order "
                             "(same_answer)")
    args = parser.parse_args()
    import pyoxigraph as ox

    overrides = dict(item.split("=", 1) for item in args.param)
    library = load_queries(QUERIES)
    if args.only:
        library = {k: v for k, v in library.items() if k in args.only.split(",")}
    jobs = {"after": [(name, q.text, query_params(q, overrides)) for name, q in library.items()]}
    if not args.no_before:
        jobs["before"] = [(name, text, params) for name, _, params in jobs["after"]
                          if (text := before_text(args.before, name)) is not None]
    if args.rdflib:
        jobs["rdflib"] = jobs["after"]
    source = ox.Store.read_only(args.store)
    quads = len(source)
    reports = sum(1 for g in source.named_graphs() if "/id/report/" in g.value)
    del source
    by_engine, loads = {}, {}
    for engine, todo in jobs.items():
        repeats, warmup = (args.rdflib_repeats, min(args.warmup, 1)) if engine == "rdflib" else (args.repeats,
                                                                                                 args.warmup)
        print(f"{engine} …", file=sys.stderr)
        by_engine[engine], loads[engine] = run_engine(
            engine, args.store, todo, repeats=repeats, warmup=warmup, budget=args.budget, timeout=args.timeout,
            max_rss_mb=args.max_rss, before_path=args.before_path, check_answers=args.check_answers)
    rows = []
    for name, _, params in jobs["after"]:
        row: dict[str, Any] = {"query": name, "params": " ".join(f"{k}={v}" for k, v in params.items())}
        for engine, results in by_engine.items():
            if name in results:
                row.update({f"{engine}_{k}": v for k, v in figures(results[name]).items()})
        after, before = row.get("after_median_ms"), row.get("before_median_ms")
        row["rows"] = row.get("after_rows")
        if row.get("before_rows") is not None and row.get("after_rows") is not None:
            row["same_rows"] = row["before_rows"] == row["after_rows"]
        answers = [by_engine[e].get(name, {}).get("answer") for e in ("before", "after") if e in by_engine]
        if args.check_answers and len(answers) == 2 and None not in answers:
            row["same_answer"] = answers[0] == answers[1]
        if isinstance(after, float) and isinstance(before, float):
            row["speedup"] = round(before / max(after, 1e-3), 1)
        target = after if name in IN_FULL else row.get("after_first100_ms")
        row["meets_target"] = isinstance(target, float) and target < TARGET_MEDIAN_MS
        rows.append(row)
    columns = ["query", "rows", "after_first100_ms", "after_first100_cpu_ms", "after_median_ms", "after_p95_ms",
               "after_cpu_ms"]
    if "before" in by_engine:
        columns += ["before_first100_ms", "before_first100_cpu_ms", "before_median_ms", "before_p95_ms",
                    "before_cpu_ms", "same_rows", *(["same_answer"] if args.check_answers else []), "speedup"]
    if "rdflib" in by_engine:
        columns += ["rdflib_median_ms", "rdflib_rows"]
    columns.append("meets_target")
    print_results("sparql", columns, rows, store=str(args.store), quads=quads, reports=reports,
                  repeats=args.repeats, before=args.before, before_path=args.before_path, load_s=loads,
                  target_median_ms=TARGET_MEDIAN_MS,
                  pid=os.getpid())


if __name__ == "__main__":
    main()
