"""Shared helpers of the benchmark scripts: the machine, timing a command's process tree,
percentiles, and printing a table plus one JSON line (so results compare across commits)."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Run", "counts", "empty_database", "machine", "percentile", "print_results", "run_measured", "summary"]

ROOT = Path(__file__).resolve().parents[1]


def machine() -> dict[str, Any]:
    """Cores, memory, CPU model, load, and the versions that matter for the figures."""
    import pyoxigraph
    import rdflib

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    return {"cores": os.cpu_count(), "mem_gb": round(mem_kb / 1e6, 1), "cpu": cpu,
            "load_1m": round(os.getloadavg()[0], 2), "python": platform.python_version(),
            "pyoxigraph": pyoxigraph.__version__, "rdflib": rdflib.__version__, "commit": commit}


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0–100), linear between ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary(values: Sequence[float]) -> dict[str, float]:
    """Median and 95th percentile, in milliseconds, of timings in seconds."""
    return {"median_ms": round(statistics.median(values) * 1000, 2), "p95_ms": round(percentile(values, 95) * 1000, 2)}


@dataclass
class Run:
    """One measured command: wall seconds, peak RSS of its whole process tree, exit code, CPU seconds."""

    seconds: float
    peak_tree_mb: float
    peak_process_mb: float
    returncode: int
    stderr: str
    cpu_seconds: float = 0.0  # user + system of the command and the workers it waited for


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (psutil if present, else /proc)."""
    try:
        import psutil
    except ImportError:  # psutil is not a dependency: read /proc directly
        return _proc_tree_rss(pid)
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            total += proc.memory_info().rss
    return total


def _proc_tree_rss(pid: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text().split()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
        rss[int(entry.name)] = int(statm[1]) * page
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


def run_measured(cmd: Sequence[str], *, interval: float = 0.1, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd``; sample its process tree's RSS every ``interval`` s; wall time and peaks.

    The tree peak is the sum over the command and its workers at the worst sample; the
    process peak (``wait4``'s ``ru_maxrss``: the largest single process) is exact and
    catches peaks between samples.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            stop.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = proc.stderr.read() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    process_peak = usage.ru_maxrss * 1024  # kB on Linux
    return Run(seconds, max(peak, process_peak) / 1e6, process_peak / 1e6, proc.returncode, stderr,
               usage.ru_utime + usage.ru_stime)


def self_peak_mb() -> float:
    """Peak RSS of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def print_results(name: str, columns: list[str], rows: list[dict[str, Any]], **extra: Any) -> None:
    """A fixed-width table of ``rows`` on stdout, then one JSON line with everything."""
    widths = [max(len(c), *(len(_cell(r.get(c))) for r in rows)) if rows else len(c) for c in columns]
    print("  ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True)))
    for row in rows:
        print("  ".join(_cell(row.get(c)).rjust(w) for c, w in zip(columns, widths, strict=True)))
    print(json.dumps({"benchmark": name, "machine": machine(), **extra, "results": rows}, ensure_ascii=False,
                     default=str))
    sys.stdout.flush()


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def empty_database(driver: Any) -> None:
    """Remove all data, constraints and indexes, so each load starts from nothing."""
    with driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()
        for record in list(session.run("SHOW CONSTRAINTS YIELD name")):
            session.run(f"DROP CONSTRAINT `{record['name']}`").consume()
        for record in list(session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")):
            session.run(f"DROP INDEX `{record['name']}`").consume()


def counts(driver: Any) -> tuple[int, int]:
    """Nodes and relationships in the database."""
    records, _, _ = driver.execute_query("MATCH (n) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r) AS r")
    return records[0]["n"], records[0]["r"]
