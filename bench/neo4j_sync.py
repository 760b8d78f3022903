"""Benchmark: ``kg sync`` against rdflib-neo4j, loading the same RDF into the same fresh Neo4j.

For each size (the example corpus, then ``--triples N`` made by ``generate_corpus.py``)
the database is emptied (data, constraints, indexes) before each loader runs. kg sync
reads the Oxigraph store through the project's property-graph mapping and writes batched
``UNWIND`` statements; rdflib-neo4j (Neo4j Labs) gets the same triples through
``Graph.add`` into its ``Neo4jStore`` with batching on (its bulk mode) and the same batch
size (5000, the default of both). Both first load a ``--warm-up``-triple corpus untimed: a new JVM spends more CPU
compiling Neo4j's hot code than writing, so without it the loader that runs first pays
for both. Besides wall time, each loader's CPU time is given for the client (this
process) and the Neo4j server, which the noise of a shared machine disturbs less.
Prints a table and one JSON line.

    python bench/neo4j_sync.py                      # examples + 1M triples
    python bench/neo4j_sync.py --triples 50000 --warm-up 20000   # a CI-sized smoke run
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import counts, empty_database
from generate_corpus import EXAMPLES, generate, report_triples

from kg.neo4j import connect, free_port, start_server, stop_server
from kg.store import GraphStore, open_store
from kg.sync import sync_to_neo4j

__all__ = ["main"]


class Clock:
    """Wall time, this process's CPU time and the Neo4j server's CPU time since it was made."""

    def __init__(self, server_pid: int | None) -> None:
        self.pid = server_pid
        self.wall, self.client, self.server = time.perf_counter(), time.process_time(), self.server_cpu()

    def server_cpu(self) -> float:
        """The server process's user + system CPU seconds (0 where /proc is missing)."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def read(self) -> dict[str, float]:
        """Seconds so far: ``s`` (wall), ``client_cpu_s``, ``server_cpu_s``."""
        return {"s": round(time.perf_counter() - self.wall, 2),
                "client_cpu_s": round(time.process_time() - self.client, 2),
                "server_cpu_s": round(self.server_cpu() - self.server, 2)}


def run_kg(store: GraphStore, driver: Any, batch_size: int, pid: int | None) -> dict[str, float]:
    """``kg sync`` of the store into the (empty) database."""
    clock = Clock(pid)
    summary = sync_to_neo4j(store, driver, batch_size=batch_size)
    spent = clock.read()
    print(f"  kg sync: {summary.read_seconds:.1f} s reading and planning before the first write, "
          f"{summary.seconds - summary.read_seconds:.1f} s writing", file=sys.stderr)
    return spent


def run_rdflib_neo4j(store: GraphStore, uri: str, password: str, batch_size: int, pid: int | None) -> dict[str, float]:
    """Stream the report graphs' triples into rdflib-neo4j's store in its batching mode."""
    import pyoxigraph as ox
    from rdflib import Graph, Literal, URIRef
    from rdflib_neo4j import HANDLE_VOCAB_URI_STRATEGY, Neo4jStore, Neo4jStoreConfig

    def term(t: Any) -> Any:
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=URIRef(t.datatype.value))

    clock = Clock(pid)
    config = Neo4jStoreConfig(auth_data={"uri": uri, "database": "neo4j", "user": "neo4j", "pwd": password},
                              handle_vocab_uri_strategy=HANDLE_VOCAB_URI_STRATEGY.IGNORE,
                              batching=True, batch_size=batch_size)
    with contextlib.redirect_stdout(io.StringIO()):  # it prints its progress ("IMPORTED n TRIPLES" …)
        graph = Graph(store=Neo4jStore(config=config))
        graph.open(config, create=True)
        for g in store.report_graphs():
            for quad in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(g))):
                graph.add((term(quad.subject), term(quad.predicate), term(quad.object)))
        graph.close(True)
    return clock.read()


def measure(label: str, store: GraphStore, driver: Any, server: Server, batch_size: int) -> dict[str, Any]:
    """Load ``store`` with each loader into an emptied database; times, CPU and what each wrote."""
    triples = report_triples(store)
    empty_database(driver)
    kg = run_kg(store, driver, batch_size, server.pid)
    kg_counts = counts(driver)
    started = time.perf_counter()
    sync_to_neo4j(store, driver, batch_size=batch_size)
    noop_seconds = time.perf_counter() - started
    empty_database(driver)
    rdf = run_rdflib_neo4j(store, server.uri, server.password, batch_size, server.pid)
    rdf_counts = counts(driver)
    print(f"{label}: kg sync {kg['s']:.1f} s, rdflib-neo4j {rdf['s']:.1f} s", file=sys.stderr)
    return {"corpus": label, "triples": triples, "kg_sync_s": kg["s"], "kg_sync_tps": round(triples / kg["s"]),
            "kg_sync_noop_s": round(noop_seconds, 2), "rdflib_neo4j_s": rdf["s"],
            "rdflib_neo4j_tps": round(triples / rdf["s"]), "ratio": round(rdf["s"] / kg["s"], 2),
            "kg_client_cpu_s": kg["client_cpu_s"], "kg_server_cpu_s": kg["server_cpu_s"],
            "rdflib_neo4j_client_cpu_s": rdf["client_cpu_s"], "rdflib_neo4j_server_cpu_s": rdf["server_cpu_s"],
            "cpu_ratio": round((rdf["client_cpu_s"] + rdf["server_cpu_s"]) / (kg["client_cpu_s"] + kg["server_cpu_s"]),
                               2),
            "kg_nodes_rels": kg_counts, "rdflib_neo4j_nodes_rels": rdf_counts}


@dataclass(frozen=True)
class Server:
    """The benchmark's Neo4j: Bolt URI, password, process id."""

    uri: str
    password: str
    pid: int | None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the generated corpus (0: skip)")
    parser.add_argument("--warm-up", type=int, default=200_000, help="triples loaded untimed by each loader first")
    parser.add_argument("--batch-size", type=int, default=5_000,
                        help="rows per statement for both loaders (5000: the default of both)")
    parser.add_argument("--heap", default="4g")
    parser.add_argument("--skip-examples", action="store_true")
    args = parser.parse_args()
    from kg.build import build

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    status = start_server(work / "neo4j", port=free_port(), heap=args.heap)
    server = Server(status.uri, (status.data / "password").read_text().strip(), status.pid)
    results = []
    try:
        with connect(status.uri, "neo4j", server.password) as driver:
            with open_store(memory=True) as store:
                generate(store, args.warm_up)
                measure("warm-up", store, driver, server, args.batch_size)  # JIT, query caches
            if not args.skip_examples:
                with open_store(memory=True) as store:
                    build([EXAMPLES], store)
                    results.append(measure("examples", store, driver, server, args.batch_size))
            if args.triples:
                with open_store(memory=True) as store:
                    generate(store, args.triples)
                    results.append(measure("generated", store, driver, server, args.batch_size))
    finally:
        stop_server(status.data)
    columns = ["corpus", "triples", "kg_sync_s", "kg_sync_tps", "rdflib_neo4j_s", "rdflib_neo4j_tps", "ratio",
               "cpu_ratio"]
    print("  ".join(f"{c:>16}" for c in columns))
    for row in results:
        print("  ".join(f"{row[c]!s:>16}" for c in columns))
    print(json.dumps({"benchmark": "neo4j_sync", "results": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
