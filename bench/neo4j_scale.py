"""Benchmark: ``kg sync`` into a fresh Neo4j from a store built from the scale corpus.

``neo4j_sync.py`` (the Neo4j issue's benchmark, kg sync against rdflib-neo4j) measures on
the example reports and on RDF replicated by ``generate_corpus.py``; this measures the
same first load on a store that ``kg build`` made from N reports of ``corpus.py``
(``bench/build.py`` keeps them), the same way: a fresh Neo4j of the project's launcher,
an untimed warm-up sync of the examples, the database emptied (data, constraints,
indexes), then ``kg sync`` timed, the node and relationship counts, and a no-change
re-sync. For rdflib-neo4j side by side on the same store see bench/README.md.

    python bench/neo4j_scale.py --store /tmp/kg-bench/store-5000-j2
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import counts, empty_database, print_results
from generate_corpus import EXAMPLES, report_triples

from kg.sync.sync import DEFAULT_BATCH_SIZE

__all__ = ["main"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="a store built by kg build")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--heap", default="4g")
    args = parser.parse_args()
    from kg.build import build
    from kg.neo4j import connect, free_port, start_server, stop_server
    from kg.store import open_store
    from kg.sync import sync_to_neo4j

    work = Path(tempfile.mkdtemp(prefix="kg-bench-neo4j-"))
    status = start_server(work / "neo4j", port=free_port(), heap=args.heap)
    password = (status.data / "password").read_text().strip()
    try:
        with connect(status.uri, "neo4j", password) as driver:
            with open_store(memory=True) as examples:
                build([EXAMPLES], examples)
                sync_to_neo4j(examples, driver, batch_size=args.batch_size)  # warm-up: JIT, query caches
            with open_store(args.store, read_only=True) as store:
                label = f"{len(store.report_graphs())} reports"
                triples = report_triples(store)
                empty_database(driver)
                started = time.perf_counter()
                summary = sync_to_neo4j(store, driver, batch_size=args.batch_size, progress=True)
                seconds = time.perf_counter() - started
                nodes, rels = counts(driver)
                started = time.perf_counter()
                sync_to_neo4j(store, driver, batch_size=args.batch_size)
                noop = time.perf_counter() - started
                row = {"corpus": label, "triples": triples, "kg_sync_s": round(seconds, 2),
                       "kg_sync_tps": round(triples / seconds), "read_plan_s": round(summary.read_seconds, 2),
                       "write_s": round(seconds - summary.read_seconds, 2), "kg_sync_noop_s": round(noop, 2),
                       "nodes": nodes, "relationships": rels}
    finally:
        stop_server(status.data)
    columns = ["corpus", "triples", "kg_sync_s", "kg_sync_tps", "read_plan_s", "write_s", "kg_sync_noop_s", "nodes",
               "relationships"]
    print_results("neo4j_scale", columns, [row], store=args.store, heap=args.heap, batch_size=args.batch_size)






if __name__ == "__main__":
    main()
