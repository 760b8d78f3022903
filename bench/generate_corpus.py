"""A large report corpus for benchmarks: the example reports, replicated with new IRIs.

Copy ``k`` of a report graph renames the report (``…/report/NAME`` -> ``…/report/NAME-cK``),
so its sections, sentences and targets get new IRIs too, and renames every shared entity
(agencies, places, governments, organisations, policies, plans) to one of ``variants``
versions (``…-vJ`` with ``J = k % variants``), so entities stay shared between some copies
as they are between real reports. Literals are kept. Copies are added until the store
holds at least ``triples`` report triples.

    python bench/generate_corpus.py --triples 1000000 --store /tmp/kg-1m
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from rdflib import URIRef

from kg.graph.vocab import BASE
from kg.store import GraphStore, open_store

__all__ = ["EXAMPLES", "generate", "report_triples"]

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"
_SHARED = re.compile(r"<(" + re.escape(BASE) + r"id/(?:agency|place|government|organization|policy|plan)/[^>]*)>")


def report_triples(store: GraphStore) -> int:
    """Triples in the store's report graphs (the ontology graph left out)."""
    import pyoxigraph as ox

    graphs = store.report_graphs()
    return sum(sum(1 for _ in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(g)))) for g in graphs)


def generate(store: GraphStore, triples: int, *, variants: int = 50) -> int:
    """Fill ``store`` with replicated example reports up to ``triples``; return the count."""
    from kg.build import build

    seed = open_store(memory=True)
    result = build([EXAMPLES], seed)
    if not result.built:
        raise SystemExit("the example reports did not build")
    sources = [(str(g), seed.dump_graph(g)) for g in seed.report_graphs()]
    seed.close()
    total, k = 0, 0
    while total < triples:
        for iri, text in sources:
            name = f"{iri}-c{k}"
            copy = text.replace(f"<{iri}", f"<{name}")
            copy = _SHARED.sub(lambda m, k=k: f"<{m[1]}-v{k % variants}>", copy)
            store.replace_ntriples(URIRef(name), copy)
            total += copy.count("\n")
            if total >= triples:
                break
        k += 1
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--store", required=True, help="store folder to fill")
    args = parser.parse_args()
    started = time.perf_counter()
    with open_store(args.store) as store:
        n = generate(store, args.triples)
    print(f"{n} triples in {args.store} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
