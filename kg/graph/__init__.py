"""RDF for a loaded and extracted report: vocabulary, IRIs, and the report's named graph."""

from kg.graph.build import report_graph
from kg.graph.iris import report_iri
from kg.graph.vocab import KG, ontology_graph, shapes_graph

__all__ = ["KG", "ontology_graph", "report_graph", "report_iri", "shapes_graph"]
