"""The RDF graph as a property graph: the one mapping shared by CSV/GraphML export,
the Neo4j sync and NetworkX analysis.

- every IRI subject or object becomes a node keyed by ``uri``;
- ``rdf:type`` becomes labels with readable names (the class's local name: ``Agency``,
  ``River``, ``Target``); superclasses from the ontology are added too (a ``River`` is
  also a ``Place``), so queries can ask for any level;
- literals become properties named by the predicate's local name (``prefLabel``,
  ``value``); a language-tagged literal is stored under ``name_lang`` (``prefLabel_zh``)
  so the language survives; numbers stay numbers, ``xsd:date`` becomes a date, other
  datatypes (``xsd:gYear``, ``xsd:gYearMonth`` …) keep their lexical form; a property
  seen more than once becomes a list, its values sorted (by type, then text), so the
  projection is the same whatever order the statements come in (the store's, or a text's);
- the ``kg:tally`` counts (``kg:targetCount`` …) are left out: each report graph states its
  own, so merged across reports they would be a list of unrelated numbers, and the
  property graph has the edges they count; so are the query indexes (``kg:queryIndex``,
  :mod:`kg.graph.indexes`), texts derived for the SPARQL library;
- an IRI object becomes an edge whose type is the predicate's local name in
  UPPER_SNAKE_CASE (``responsibleAgency`` -> ``RESPONSIBLE_AGENCY``), carrying the named
  graph it came from; the same edge stated twice in one graph is kept once;
- a section, sentence or list item (:data:`kg.graph.vocab.REPORT_PARTS`) typed in a named
  graph gets the ``IN_REPORT`` edge to that graph's report (the graph is named by the report's
  IRI), which the build no longer states: the edges are those of a graph that states it;
- a target's ``kg:text`` is its label too (``label_zh``), which the build no longer states
  as ``rdfs:label``; whichever of its type and its text comes first.

Labels and edge types come only from predicate and class IRIs, checked against
:data:`IDENTIFIER` — never from report text — so they are safe to use in Cypher.

The store is read as pyoxigraph terms, without building rdflib terms: what a predicate,
class or datatype maps to is worked out once and remembered, since each recurs in
thousands of statements. :func:`to_property_graph` applies the same mapping to rdflib
quads.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from rdflib import RDF, RDFS, XSD, BNode, Literal, URIRef

from kg.graph.indexes import QUERY_INDEXES
from kg.graph.vocab import KG, REPORT_PARTS, TALLIES, ontology_graph

_DERIVED = TALLIES | QUERY_INDEXES
"""Predicates the projection leaves out: what a build derives per report, not node properties."""

__all__ = [
    "IDENTIFIER",
    "Edge",
    "Node",
    "Projection",
    "PropertyGraph",
    "class_iris",
    "class_labels",
    "describe",
    "edge_key",
    "edge_type",
    "local_name",
    "merge_node",
    "node_attributes",
    "property_graph",
    "property_value",
    "to_networkx",
    "to_property_graph",
    "value_converter",
    "value_order",
]

IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
"""What a label, edge type or property key may look like."""

_RDF_TYPE = str(RDF.type)
_IN_REPORT = str(KG.inReport)
_TARGET, _TEXT, _LABEL = str(KG.Target), str(KG.text), str(RDFS.label)
_TARGET_LABEL = "Target"
"""The label of a target's node (:func:`class_labels` of ``kg:Target``)."""
_INTEGER_TYPES = frozenset(str(t) for t in (XSD.integer, XSD.int, XSD.long, XSD.short, XSD.nonNegativeInteger,
                                            XSD.positiveInteger))


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


def _property_key(predicate: str, language: str | None) -> str:
    """``prefLabel``, or ``prefLabel_zh`` for a literal tagged ``zh``."""
    key = local_name(predicate)
    return f"{key}_{re.sub(r'[^A-Za-z0-9]', '_', language)}" if language else key


def _integer(lexical: str) -> int | str:
    try:
        return int(lexical)
    except ValueError:
        return lexical


def _number(parse: Callable[[str], Decimal | float]) -> Callable[[str], int | float | str]:
    """A converter that keeps whole numbers as ints (``45000.0`` -> ``45000``)."""
    def convert(lexical: str) -> int | float | str:
        try:
            value = parse(lexical)
            return int(value) if math.isfinite(value) and value == int(value) else float(value)
        except (ValueError, ArithmeticError):  # ill-typed, or a signalling NaN
            return lexical
    return convert


def _date(lexical: str) -> dt.date | str:
    from rdflib.xsd_datetime import parse_xsd_date

    try:
        value = parse_xsd_date(lexical)
    except ValueError:
        return lexical
    return value if isinstance(value, dt.date) else lexical


def _boolean(lexical: str) -> bool:
    return lexical.lower() in ("true", "1")


def _lexical(lexical: str) -> str:
    return lexical


_CONVERTERS: dict[str, Callable[[str], Any]] = {
    **dict.fromkeys(_INTEGER_TYPES, _integer),
    str(XSD.decimal): _number(Decimal),
    str(XSD.double): _number(float),
    str(XSD.float): _number(float),
    str(XSD.date): _date,
    str(XSD.boolean): _boolean,
}


def value_converter(datatype: str | None) -> Callable[[str], Any]:
    """Lexical form -> property value for literals of ``datatype``: ints, floats, dates and
    booleans typed, any other datatype (``xsd:gYear`` …) kept as its lexical form."""
    return _CONVERTERS.get(datatype, _lexical) if datatype else _lexical


def property_value(literal: Literal) -> Any:
    """A literal as a plain Python value that keeps numbers and dates typed."""
    return value_converter(str(literal.datatype) if literal.datatype else None)(str(literal))


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


def class_labels(cls: str) -> frozenset[str]:
    """The labels ``rdf:type cls`` gives a node: the class's local name and those of its
    kg superclasses (``River`` -> ``River``, ``Place``)."""
    name = local_name(cls)
    return _superclasses().get(name, frozenset({name}))


def class_iris(labels: Iterable[str]) -> list[str]:
    """IRIs of the kg classes whose instances carry any of ``labels`` (``Place`` -> every
    kind of place), sorted: what to look for in the store to find nodes of those labels."""
    wanted = set(labels)
    return sorted(str(KG._NS) + name for name, supers in _superclasses().items() if supers & wanted)


def _add_prop(props: dict[str, Any], key: str, value: Any) -> None:
    if key not in props:
        props[key] = value
        return
    current = props[key]
    values = current if isinstance(current, list) else [current]
    if value not in values:
        props[key] = sorted([*values, value], key=value_order)


def value_order(value: Any) -> tuple[str, str]:
    """Where a value sorts among a property's several values: by type, then by its text."""
    return type(value).__name__, value.isoformat() if isinstance(value, dt.date) else str(value)


def merge_node(node: Node, other: Node) -> None:
    """Add to ``node`` the labels, properties and graphs of ``other`` (the same IRI as projected
    from other graphs), as projecting them all together would have."""
    node.labels |= other.labels
    node.graphs |= other.graphs
    for key, value in other.props.items():
        for item in value if isinstance(value, list) else (value,):
            _add_prop(node.props, key, item)


class Projection:
    """Builds a :class:`PropertyGraph` statement by statement.

    Statements arrive as strings (IRIs, lexical forms), whatever library read them; the
    labels of each class, the edge type of each predicate, the key of each (predicate,
    language) and the converter of each datatype are worked out once.
    """

    def __init__(self) -> None:
        self.pg = PropertyGraph()
        self._seen_edges: set[tuple[str, str, str, str | None]] = set()
        self._labels: dict[str, frozenset[str]] = {}
        self._types: dict[str, str] = {}
        self._keys: dict[tuple[str, str | None], str] = {}

    def take(self) -> PropertyGraph:
        """The property graph projected so far; the projection goes on into a new one, with
        what it has worked out kept."""
        pg, self.pg, self._seen_edges = self.pg, PropertyGraph(), set()
        return pg

    def node(self, uri: str, graph: str | None) -> Node:
        """The node of ``uri`` (made on first sight), noted as stated by ``graph``."""
        node = self.pg.nodes.get(uri)
        if node is None:
            node = self.pg.nodes[uri] = Node(uri)
        if graph:
            node.graphs.add(graph)
        return node

    def _class_labels(self, cls: str) -> frozenset[str]:
        labels = self._labels.get(cls)
        if labels is None:
            labels = self._labels[cls] = class_labels(cls)
        return labels

    def link(self, node: Node, predicate: str, target: str, graph: str | None) -> None:
        """``node predicate target`` with an IRI target: labels for rdf:type, else an edge."""
        if predicate == _RDF_TYPE:
            node.labels.update(self._class_labels(target))
            if graph and target in REPORT_PARTS:  # its report is its graph's (kg.graph.vocab.REPORT_PARTS)
                self.link(node, _IN_REPORT, graph, graph)
            elif target == _TARGET:  # its text is its label: those read before its type
                for key in [key for key in node.props if key == "text" or key.startswith("text_")]:
                    self._add_value(node.props, "label" + key[4:], node.props[key])
            return
        self.node(target, graph)
        kind = self._types.get(predicate)
        if kind is None:
            kind = self._types[predicate] = edge_type(predicate)
        key = (node.uri, kind, target, graph)
        if key not in self._seen_edges:
            self._seen_edges.add(key)
            self.pg.edges.append(Edge(node.uri, kind, target, graph))

    def literal(self, node: Node, predicate: str, lexical: str, language: str | None, datatype: str | None) -> None:
        """``node predicate "lexical"``: a property (or, oddly, a label for rdf:type)."""
        if predicate == _RDF_TYPE:
            node.labels.update(self._class_labels(lexical))
            return
        key = self._keys.get((predicate, language))
        if key is None:
            derived = predicate in _DERIVED
            key = self._keys[(predicate, language)] = "" if derived else _property_key(predicate, language)
        if not key:  # a tally or an index: derived per report, not a property of the node
            return
        value = lexical if language else _CONVERTERS.get(datatype, _lexical)(lexical)  # type: ignore[arg-type]
        self._add_value(node.props, key, value)
        if predicate == _TEXT and _TARGET_LABEL in node.labels:  # a target's text is its label
            self._add_value(node.props, self._label_key(language), value)

    def _label_key(self, language: str | None) -> str:
        key = self._keys.get((_LABEL, language))
        if key is None:
            key = self._keys[(_LABEL, language)] = _property_key(_LABEL, language)
        return key

    @staticmethod
    def _add_value(props: dict[str, Any], key: str, value: Any) -> None:
        """``value`` added to the property ``key`` (a list, sorted, once it has several values)."""
        for item in value if isinstance(value, list) else (value,):
            if key in props:
                _add_prop(props, key, item)
            else:
                props[key] = item

    def add_store_quads(self, quads: Iterable[Any]) -> None:
        """Add pyoxigraph quads (blank nodes and RDF-star terms are left out).

        A store lists a graph's quads subject by subject, so the subject's node is looked
        up once per run of quads about it.
        """
        import pyoxigraph as ox

        named, literal = ox.NamedNode, ox.Literal
        node, graph, last_s, last_g = Node(""), None, None, None
        for s, p, o, g in quads:
            if s != last_s or g != last_g:  # compared as terms: no strings made per quad
                if type(s) is not named:
                    continue
                if g != last_g:
                    graph = g.value if type(g) is named else None
                node, last_s, last_g = self.node(s.value, graph), s, g
            kind = type(o)
            if kind is named:
                self.link(node, p.value, o.value, graph)
            elif kind is literal:
                self.literal(node, p.value, o.value, o.language, o.datatype.value)

    def add_nquads(self, text: bytes) -> None:
        """Add a graph's N-Quads text as the store writes it (:meth:`kg.store.GraphStore.sorted_nquads`),
        parsed leniently: it is Oxigraph's own serialisation of stored terms."""
        import pyoxigraph as ox

        self.add_store_quads(ox.parse(text, ox.RdfFormat.N_QUADS, lenient=True))

    def add_rdflib_quads(self, quads: Iterable[tuple[Any, Any, Any, Any]]) -> None:
        """Add (subject, predicate, object, graph) quads of rdflib terms."""
        for s, p, o, g in quads:
            if isinstance(s, BNode) or isinstance(o, BNode):
                continue  # kg mints no blank nodes; foreign ones have no stable identity
            graph = str(g) if g is not None and not isinstance(g, BNode) else None
            node = self.node(str(s), graph)
            if isinstance(o, Literal):
                self.literal(node, str(p), str(o), o.language, str(o.datatype) if o.datatype else None)
            else:
                self.link(node, str(p), str(o), graph)


def to_property_graph(quads: Iterable[tuple[Any, Any, Any, Any]]) -> PropertyGraph:
    """Project (subject, predicate, object, graph) quads of rdflib terms into a property graph."""
    projection = Projection()
    projection.add_rdflib_quads(quads)
    return projection.pg


def property_graph(store: Any, *, graphs: Iterable[URIRef | str] | None = None) -> PropertyGraph:
    """Project a :class:`kg.store.GraphStore` (all report graphs, or only ``graphs``).

    The ontology's own named graph is left out: it describes the terms, not the data.
    """

    from kg.graph.vocab import GRAPH_ONTOLOGY

    ontology = str(GRAPH_ONTOLOGY)
    named = None if graphs is None else [str(g) for g in graphs if str(g) != ontology]
    projection = Projection()
    # each graph's sorted N-Quads: its kept text while current, 3-4x faster than the store's read
    # path (the projection does not depend on the order statements come in)
    for _, text in store.sorted_nquads(named):
        projection.add_nquads(text)
    return projection.pg


def describe(store: Any, uris: Iterable[str], graphs: Iterable[URIRef | str] | None = None, *,
             objects: bool = True) -> PropertyGraph:
    """The full description of ``uris`` in the named ``graphs`` (default: every graph but the
    ontology's): every statement about them, their outgoing edges, and as ``graphs`` each
    graph that names them (as subject, or with ``objects`` also as object).

    Only the nodes of ``uris`` are kept, so a node shared with graphs outside a sync's
    changed reports keeps what every report says about it. ``objects=False`` skips the
    look-up of statements naming the nodes. That look-up asks SPARQL for the distinct
    graphs only (one query per node, the node bound by the engine), since a much-named node
    (a province) is the object of thousands of quads.
    """
    import pyoxigraph as ox

    from kg.graph.vocab import GRAPH_ONTOLOGY

    wanted = sorted(set(uris))
    within = None if graphs is None else {str(g) for g in graphs}
    ontology = str(GRAPH_ONTOLOGY)

    def in_graphs(quads: Iterable[Any]) -> Iterable[Any]:
        if within is None:
            return (q for q in quads if type(q.graph_name) is ox.NamedNode and q.graph_name.value != ontology)
        return (q for q in quads if type(q.graph_name) is ox.NamedNode and q.graph_name.value in within)

    projection = Projection()
    for uri in wanted:
        projection.add_store_quads(in_graphs(store.ox.quads_for_pattern(ox.NamedNode(uri), None, None)))
    pg = projection.pg
    keep = set(wanted)
    pg.nodes = {uri: node for uri, node in pg.nodes.items() if uri in keep}
    naming = "SELECT DISTINCT ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"  # ?o bound by the engine, per node
    for uri in wanted if objects else ():
        for row in store.ox.query(naming, substitutions={ox.Variable("o"): ox.NamedNode(uri)}):
            graph = row["g"]
            if type(graph) is ox.NamedNode and (graph.value != ontology if within is None else graph.value in within):
                pg.nodes.setdefault(uri, Node(uri)).graphs.add(graph.value)
    return pg


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, list):
        return " | ".join(str(_scalar(v)) for v in value)
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def node_attributes(node: Node) -> dict[str, str | int | float | bool]:
    """A node's scalar attributes for NetworkX and GraphML: ``labels`` (joined with ``;``),
    ``name``, then each property by key (lists joined with `` | ``, dates as ISO text)."""
    return {"labels": ";".join(sorted(node.labels)), "name": node.name,
            **{key: _scalar(node.props[key]) for key in sorted(node.props)}}


def edge_key(edge: Edge) -> str:
    """An edge's key among the edges between its two nodes: its type and graph."""
    return f"{edge.type} {edge.graph or ''}".strip()


def to_networkx(pg: PropertyGraph):
    """A ``networkx.MultiDiGraph``: node ids are IRIs, attributes are scalar
    (:func:`node_attributes`) so the graph writes to GraphML as it is."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for uri, node in pg.nodes.items():
        graph.add_node(uri, **node_attributes(node))
    for edge in pg.edges:
        graph.add_edge(edge.source, edge.target, key=edge_key(edge), type=edge.type, graph=edge.graph or "")
    return graph
