"""SHACL validation of the stored graph against ``kg/shapes.ttl`` (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from kg.graph.vocab import ontology_graph, shapes_graph
from kg.store.store import GraphStore

__all__ = ["Validation", "validate_store"]


@dataclass(frozen=True)
class Validation:
    """Whether the data conforms, the number of violations, and pySHACL's report text."""

    conforms: bool
    violations: int
    text: str


def validate_store(store: GraphStore, *, graphs: list[URIRef] | None = None) -> Validation:
    """Validate the union of the report graphs (or only ``graphs``) against the shapes."""
    from pyshacl import validate

    data = Graph()
    for name in graphs if graphs is not None else store.report_graphs():
        data.parse(data=store.dump_graph(name), format="nt")
    conforms, results, text = validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none", allow_warnings=True
    )
    violations = len(set(results.subjects(predicate=SH.resultSeverity)))
    return Validation(bool(conforms), violations, text)
