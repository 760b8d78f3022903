"""The RDF graph as a property graph: the one mapping shared by CSV/GraphML export,
the Neo4j sync and NetworkX analysis.

- every IRI subject or object becomes a node keyed by ``uri``;
- ``rdf:type`` becomes labels with readable names (the class's local name: ``Agency``,
  ``River``, ``Target``); superclasses from the ontology are added too (a ``River`` is
  also a ``Place``), so queries can ask for any level;
- literals become properties named by the predicate's local name (``prefLabel``,
  ``value``); a language-tagged literal is stored under ``name_lang`` (``prefLabel_zh``)
  so the language survives; numbers stay numbers, ``xsd:date`` becomes a date, other
  datatypes keep their lexical form; a property seen more than once becomes a list;
- an IRI object becomes an edge whose type is the predicate's local name in
  UPPER_SNAKE_CASE (``responsibleAgency`` -> ``RESPONSIBLE_AGENCY``), carrying the named
  graph it came from.

Labels and edge types come only from predicate and class IRIs, checked against
:data:`IDENTIFIER` — never from report text — so they are safe to use in Cypher.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from rdflib import RDF, RDFS, XSD, BNode, Literal, URIRef

from kg.graph.vocab import KG, ontology_graph

__all__ = [
    "IDENTIFIER",
    "Edge",
    "Node",
    "PropertyGraph",
    "edge_type",
    "local_name",
    "property_graph",
    "property_value",
    "to_networkx",
    "to_property_graph",
]

IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
"""What a label, edge type or property key may look like."""

_INTEGER_TYPES = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.nonNegativeInteger, XSD.positiveInteger}


@dataclass
class Node:
    """A node: its IRI, labels (sorted), properties, and the named graphs that state it."""

    uri: str
    labels: set[str] = field(default_factory=set)
    props: dict[str, Any] = field(default_factory=dict)
    graphs: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        """A readable name: the Chinese preferred label, else any label, else the IRI."""
        for key in ("prefLabel_zh", "label_zh", "title_zh", "text_zh", "prefLabel", "label"):
            value = self.props.get(key)
            if value:
                return value[0] if isinstance(value, list) else str(value)
        return self.uri


@dataclass(frozen=True)
class Edge:
    """A relationship from one node's IRI to another's, from one named graph."""

    source: str
    type: str
    target: str
    graph: str | None = None


@dataclass
class PropertyGraph:
    """Nodes by IRI and edges (deduplicated per named graph, in a stable order)."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``; falls back to ``rel`` if unusable."""
    name = re.split(r"[#/]", str(iri).rstrip("#/"))[-1]
    name = re.sub(r"[^A-Za-z0-9_]", "_", name)
    return name if IDENTIFIER.match(name) else "rel"


def edge_type(predicate: str) -> str:
    """``responsibleAgency`` -> ``RESPONSIBLE_AGENCY``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", local_name(predicate)).upper()


def property_value(literal: Literal) -> Any:
    """A literal as a plain Python value that keeps numbers and dates typed."""
    datatype = literal.datatype
    if datatype in _INTEGER_TYPES:
        return int(literal)
    if datatype in (XSD.decimal, XSD.double, XSD.float):
        value = literal.toPython()
        if isinstance(value, Decimal | float):
            return int(value) if value == int(value) else float(value)
        return str(literal)
    if datatype == XSD.date:
        value = literal.toPython()
        return value if isinstance(value, dt.date) else str(literal)
    if datatype == XSD.boolean:
        return bool(literal.toPython())
    return str(literal)


@cache
def _superclasses() -> dict[str, frozenset[str]]:
    """Local class name -> local names of its kg superclasses (itself included)."""
    onto = ontology_graph()
    out: dict[str, frozenset[str]] = {}
    for cls in set(onto.subjects(RDF.type, None)):
        if not isinstance(cls, URIRef) or not str(cls).startswith(str(KG._NS)):
            continue
        names = {local_name(sup) for sup in onto.transitive_objects(cls, RDFS.subClassOf)
                 if str(sup).startswith(str(KG._NS))}
        out[local_name(cls)] = frozenset(names)
    return out


def _add_prop(props: dict[str, Any], key: str, value: Any) -> None:
    if key not in props:
        props[key] = value
        return
    current = props[key]
    values = current if isinstance(current, list) else [current]
    if value not in values:
        props[key] = [*values, value]


def to_property_graph(quads: Iterable[tuple[Any, Any, Any, Any]]) -> PropertyGraph:
    """Project (subject, predicate, object, graph) quads of rdflib terms into a property graph."""
    pg = PropertyGraph()
    seen_edges: set[Edge] = set()
    supers = _superclasses()

    def node(term: URIRef) -> Node:
        uri = str(term)
        if uri not in pg.nodes:
            pg.nodes[uri] = Node(uri)
        return pg.nodes[uri]

    for s, p, o, g in quads:
        if isinstance(s, BNode) or isinstance(o, BNode):
            continue  # kg mints no blank nodes; foreign ones have no stable identity
        graph = str(g) if g is not None and not isinstance(g, BNode) else None
        subject = node(s)
        if graph:
            subject.graphs.add(graph)
        if p == RDF.type:
            name = local_name(o)
            subject.labels.update(supers.get(name, {name}))
        elif isinstance(o, Literal):
            key = local_name(p)
            if o.language:
                key = f"{key}_{re.sub(r'[^A-Za-z0-9]', '_', o.language)}"
            _add_prop(subject.props, key, property_value(o))
        else:
            target = node(o)
            if graph:
                target.graphs.add(graph)
            edge = Edge(str(s), edge_type(p), str(o), graph)
            if edge not in seen_edges:
                seen_edges.add(edge)
                pg.edges.append(edge)
    return pg


def _term(term: Any) -> Any:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.DefaultGraph):
        return None
    return BNode(getattr(term, "value", None))


def _store_quads(store: Any, graphs: Iterable[URIRef] | None) -> Iterator[tuple[Any, Any, Any, Any]]:
    import pyoxigraph as ox

    if graphs is None:
        sources = [store.ox.quads_for_pattern(None, None, None)]
    else:
        sources = [store.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(g))) for g in graphs]
    for source in sources:
        for quad in source:
            yield _term(quad.subject), _term(quad.predicate), _term(quad.object), _term(quad.graph_name)


def property_graph(store: Any, *, graphs: Iterable[URIRef] | None = None) -> PropertyGraph:
    """Project a :class:`kg.store.GraphStore` (all report graphs, or only ``graphs``).

    The ontology's own named graph is left out: it describes the terms, not the data.
    """
    from kg.graph.vocab import GRAPH_ONTOLOGY

    quads = (q for q in _store_quads(store, graphs) if q[3] != GRAPH_ONTOLOGY)
    return to_property_graph(quads)


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, list):
        return " | ".join(str(_scalar(v)) for v in value)
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def to_networkx(pg: PropertyGraph):
    """A ``networkx.MultiDiGraph``: node ids are IRIs, attributes are scalar (lists joined
    with `` | ``, dates as ISO text) so the graph writes to GraphML as it is."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for uri, node in pg.nodes.items():
        attrs = {key: _scalar(value) for key, value in node.props.items()}
        graph.add_node(uri, labels=";".join(sorted(node.labels)), name=node.name, **attrs)
    for edge in pg.edges:
        graph.add_edge(edge.source, edge.target, key=f"{edge.type} {edge.graph or ''}".strip(),
                       type=edge.type, graph=edge.graph or "")
    return graph
