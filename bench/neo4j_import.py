"""Benchmark and check: a first load into Neo4j with ``neo4j-admin database import full``.

Exports the store with ``kg.export.write_neo4j_import`` (the files of
``kg export --format neo4j-import``), runs the real importer of Neo4j 5.26
(``org.neo4j.cli.AdminTool`` from the Maven Central jars the project's launcher already
uses, so no Neo4j download) into a fresh data folder, starts that folder with the
project's launcher and checks:

- node and relationship counts, per label and per type, equal the exported files';
- ``kg sync`` right after the import finds every report unchanged (the ``:SyncState``
  digests were imported), and — with those digests removed, so it compares every
  report's nodes and relationships with the store — writes nothing: the import holds
  exactly what ``kg sync`` would have written.

Prints the export, import and check times as a table and one JSON line.

    python bench/neo4j_import.py --store /tmp/kg-bench/store-5000-j2
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import print_results

__all__ = ["admin_command", "main", "run_import"]


def admin_command(*, heap: str = "2g") -> list[str]:
    """``java … org.neo4j.cli.AdminTool`` (neo4j-admin) on the launcher's classpath."""
    from kg.neo4j.launcher import LAUNCHER_CLASS, java_command

    command = java_command(heap=heap)
    assert command[-1] == LAUNCHER_CLASS
    return [*command[:-1], "org.neo4j.cli.AdminTool"]


def run_import(files: Any, home: Path, *, heap: str = "2g", database: str = "neo4j") -> float:
    """Run ``neo4j-admin database import full`` into ``home`` (the launcher's data folder); seconds."""
    from kg.export.neo4j_import import import_arguments

    conf = home / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "neo4j.conf").touch()
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(conf)}
    started = time.perf_counter()
    done = subprocess.run([*admin_command(heap=heap), *import_arguments(files, database=database)], env=env,
                          capture_output=True, text=True, cwd=files.folder)
    if done.returncode != 0:
        raise SystemExit(f"neo4j-admin import failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    shutil.rmtree(conf)  # the launcher takes its settings from DATA/neo4j.conf, not conf/
    return time.perf_counter() - started


def expected_counts(files: Any) -> tuple[Counter[str], Counter[str]]:
    """Nodes per label and relationships per type, read back from the CSV files."""
    import csv

    from kg.export.neo4j_import import ARRAY_DELIMITER

    labels: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for path in files.node_files:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                labels.update(row[":LABEL"].split(ARRAY_DELIMITER))
    for path in files.relationship_files:
        with path.open(encoding="utf-8", newline="") as fh:
            types.update(row[":TYPE"] for row in csv.DictReader(fh))
    return labels, types


def neo4j_counts(driver: Any) -> tuple[Counter[str], Counter[str]]:
    records, _, _ = driver.execute_query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
    labels = Counter({r["label"]: r["n"] for r in records})
    records, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
    return labels, Counter({r["type"]: r["n"] for r in records})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--work", help="folder for the CSV files and the database (default: a temp folder)")
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--keep", action="store_true", help="keep the files and the database")
    args = parser.parse_args()
    from kg.export.neo4j_import import write_neo4j_import
    from kg.graph.property_graph import property_graph
    from kg.neo4j import connect, free_port, start_server, stop_server
    from kg.store import open_store
    from kg.sync import sync_to_neo4j
    from kg.sync.state import report_digests

    work = Path(args.work or tempfile.mkdtemp(prefix="kg-import-"))
    home = work / "neo4j"
    if home.exists():
        shutil.rmtree(home)
    with open_store(args.store, read_only=True) as store:
        quads = len(store)
        started = time.perf_counter()
        pg = property_graph(store)
        mapped = time.perf_counter()
        files = write_neo4j_import(pg, work / "csv", digests=report_digests(store))
        exported = time.perf_counter()
        del pg
        print(f"exported {files.nodes} nodes, {files.relationships} relationships in {exported - started:.1f} s",
              file=sys.stderr)
        import_s = run_import(files, home, heap=args.heap)
        print(f"imported in {import_s:.1f} s", file=sys.stderr)
        want_labels, want_types = expected_counts(files)
        status = start_server(home, port=free_port(), heap=args.heap)
        try:
            password = (home / "password").read_text().strip()
            with connect(status.uri, "neo4j", password) as driver:
                got_labels, got_types = neo4j_counts(driver)
                t = time.perf_counter()
                noop = sync_to_neo4j(store, driver)
                noop_s = time.perf_counter() - t
                driver.execute_query("MATCH (s:SyncState) DELETE s")
                t = time.perf_counter()
                full = sync_to_neo4j(store, driver)
                compare_s = time.perf_counter() - t
        finally:
            stop_server(home)
    csv_mb = sum(p.stat().st_size for p in files.folder.glob("*.csv")) / 1e6
    row = {"quads": quads, "nodes": files.nodes, "relationships": files.relationships, "csv_mb": round(csv_mb, 1),
           "map_s": round(mapped - started, 1), "write_csv_s": round(exported - mapped, 1),
           "import_s": round(import_s, 1), "counts_equal": (got_labels, got_types) == (want_labels, want_types),
           "sync_after_import_unchanged": noop.unchanged, "sync_after_import_changed": len(noop.added + noop.updated),
           "sync_noop_s": round(noop_s, 1), "full_compare_writes": sum(full.counters.values()),
           "full_compare_s": round(compare_s, 1)}
    if not row["counts_equal"]:
        print(f"labels: {got_labels - want_labels} / {want_labels - got_labels}; "
              f"types: {got_types - want_types} / {want_types - got_types}", file=sys.stderr)
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    print_results("neo4j_import", list(row), [row], store=args.store, counters_after_compare=full.counters)


if __name__ == "__main__":
    main()
