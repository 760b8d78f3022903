"""RDF exports of the stored report graphs: Turtle, N-Triples, N-Quads, TriG, JSON-LD.

N-Quads, TriG and JSON-LD keep one named graph per report; Turtle and N-Triples hold the
union of the report graphs (each distinct triple once). Line-based formats are sorted so
two exports of the same store diff clean. The ontology is left out (it ships as
``kg/ontology.ttl``).
"""

from __future__ import annotations

import json

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.graph.vocab import GRAPH_ONTOLOGY
from kg.store import GraphStore
from kg.store.store import PREFIXES

__all__ = ["JSONLD_CONTEXT", "RDF_FORMATS", "export_rdf"]

RDF_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld")

JSONLD_CONTEXT = dict(PREFIXES)
"""The JSON-LD ``@context``: the project's prefixes, so keys read as ``kg:value``."""


def _data_quads(store: GraphStore):
    for quad in store.ox.quads_for_pattern(None, None, None):
        if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value == str(GRAPH_ONTOLOGY):
            continue
        yield quad


def _nquads(store: GraphStore) -> str:
    lines = sorted({f"{q.subject} {q.predicate} {q.object} {q.graph_name} ." for q in _data_quads(store)})
    return "\n".join(lines) + ("\n" if lines else "")


def _ntriples(store: GraphStore) -> str:
    lines = sorted({f"{q.subject} {q.predicate} {q.object} ." for q in _data_quads(store)})
    return "\n".join(lines) + ("\n" if lines else "")


def _dataset(store: GraphStore) -> Dataset:
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    dataset.parse(data=_nquads(store), format="nquads")
    return dataset


def export_rdf(store: GraphStore, fmt: str) -> str:
    """The store's report graphs serialised as ``fmt`` (one of :data:`RDF_FORMATS`)."""
    if fmt == "nquads":
        return _nquads(store)
    if fmt == "ntriples":
        return _ntriples(store)
    if fmt == "turtle":
        graph = Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        graph.parse(data=_ntriples(store), format="nt")
        return graph.serialize(format="turtle")
    if fmt == "trig":
        return _dataset(store).serialize(format="trig")
    if fmt == "jsonld":
        data = json.loads(_dataset(store).serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True))
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
