"""What a sync must write: the wanted state of the affected nodes, diffed against Neo4j.

Only nodes stated by a dirty report graph (changed, added or removed) are affected. Their
wanted state is read from the RDF store through :mod:`kg.graph.property_graph`; when other,
unchanged reports state the same node (a shared agency or place), its description is
gathered from every report graph, so it keeps what those reports say. The plan's steps
run in an order that keeps a half-finished sync repairable: relationship fixes first,
then node upserts, new relationships, and node deletions last.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Literal, URIRef

from kg.graph.property_graph import Node, PropertyGraph, to_property_graph
from kg.sync.rows import RESOURCE, checked_labels, checked_type, node_props

__all__ = ["Existing", "SyncPlan", "Wanted", "describe", "plan_sync", "report_quads", "wanted_state"]

EdgeKey = tuple[str, str, str]  # (source uri, type, target uri)


@dataclass
class Wanted:
    """Nodes (uri -> labels, props) and relationships ((s, type, o) -> graphs) to hold."""

    nodes: dict[str, tuple[list[str], dict[str, Any]]] = field(default_factory=dict)
    edges: dict[EdgeKey, list[str]] = field(default_factory=dict)
    dropped_labels: set[str] = field(default_factory=set)


@dataclass
class Existing:
    """What Neo4j holds for the affected nodes (same shapes as :class:`Wanted`)."""

    nodes: dict[str, tuple[list[str], dict[str, Any]]] = field(default_factory=dict)
    edges: dict[EdgeKey, list[str]] = field(default_factory=dict)


@dataclass
class SyncPlan:
    """Rows to write, grouped so each group is one Cypher statement."""

    fresh: bool = False
    edge_deletes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    edge_updates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    node_upserts: dict[tuple[tuple[str, ...], tuple[str, ...]], list[dict[str, Any]]] = field(default_factory=dict)
    edge_creates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    node_deletes: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        groups = [self.edge_deletes, self.edge_updates, self.node_upserts, self.edge_creates]
        return sum(len(rows) for g in groups for rows in g.values()) + len(self.node_deletes)


def wanted_state(pg: PropertyGraph, *, only: set[str] | None = None) -> Wanted:
    """The Neo4j form of ``pg``'s nodes (all, or those in ``only``) and their relationships."""
    wanted = Wanted()
    for uri, node in pg.nodes.items():
        if (only is not None and uri not in only) or not node.graphs:
            continue
        labels, dropped = checked_labels(node.labels)
        wanted.dropped_labels.update(dropped)
        wanted.nodes[uri] = (labels, node_props(node))
    edges: dict[EdgeKey, set[str]] = defaultdict(set)
    for edge in pg.edges:
        if edge.source in wanted.nodes and edge.graph:
            edges[(edge.source, checked_type(edge.type), edge.target)].add(edge.graph)
    wanted.edges = {key: sorted(graphs) for key, graphs in sorted(edges.items())}
    return wanted


def _rdf(term: Any) -> Any:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return BNode()


def report_quads(store: Any, graphs: Iterable[str]) -> Iterator[tuple[Any, Any, Any, Any]]:
    """The quads of report ``graphs`` as rdflib terms, for :func:`to_property_graph`.

    Same terms as :func:`kg.graph.property_graph.property_graph` reads, made faster by
    building each IRI once (a subject recurs in every statement about it).
    """
    import pyoxigraph as ox

    iris: dict[str, URIRef] = {}

    def iri(value: str) -> URIRef:
        term = iris.get(value)
        if term is None:
            term = iris[value] = URIRef(value)
        return term

    named, literal = ox.NamedNode, ox.Literal
    for graph in graphs:
        name = iri(graph)
        for quad in store.ox.quads_for_pattern(None, None, None, named(graph)):
            s, o = quad.subject, quad.object
            if type(s) is not named:
                continue  # blank nodes are skipped by the mapping anyway
            if type(o) is named:
                obj = iri(o.value)
            elif type(o) is literal:
                language = o.language
                obj = Literal(o.value, lang=language) if language else Literal(o.value, datatype=iri(o.datatype.value))
            else:
                continue
            yield iri(s.value), iri(quad.predicate.value), obj, name


def describe(store: Any, uris: Iterable[str], graphs: set[str]) -> PropertyGraph:
    """The full description of ``uris`` over the report ``graphs``: every statement about
    them, the graphs that name them, and their outgoing relationships."""
    import pyoxigraph as ox

    quads = []
    named: dict[str, set[str]] = defaultdict(set)
    wanted = set(uris)
    for uri in sorted(wanted):
        node = ox.NamedNode(uri)
        for quad in store.ox.quads_for_pattern(node, None, None):
            graph = quad.graph_name
            if isinstance(graph, ox.NamedNode) and graph.value in graphs:
                quads.append((URIRef(uri), _rdf(quad.predicate), _rdf(quad.object), URIRef(graph.value)))
        for quad in store.ox.quads_for_pattern(None, None, node):
            graph = quad.graph_name
            if isinstance(graph, ox.NamedNode) and graph.value in graphs:
                named[uri].add(graph.value)
    pg = to_property_graph(quads)
    pg.nodes = {uri: node for uri, node in pg.nodes.items() if uri in wanted}
    for uri, found in named.items():
        pg.nodes.setdefault(uri, Node(uri)).graphs.update(found)
    return pg


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a.keys() == b.keys() and all(a[k] == b[k] for k in a)


def plan_sync(wanted: Wanted, existing: Existing, *, fresh: bool = False) -> SyncPlan:
    """The writes that turn ``existing`` into ``wanted`` for the affected nodes."""
    plan = SyncPlan(fresh=fresh)
    for (s, kind, o), graphs in existing.edges.items():
        target = wanted.edges.get((s, kind, o))
        if target is None:
            plan.edge_deletes.setdefault(kind, []).append({"s": s, "o": o})
        elif target != graphs:
            plan.edge_updates.setdefault(kind, []).append({"s": s, "o": o, "graphs": target})
    for uri, (labels, props) in wanted.nodes.items():
        old = existing.nodes.get(uri)
        if old is not None and old[0] == labels and _same(old[1], props):
            continue
        old_labels = set(old[0]) if old else set()
        key = (tuple(sorted(set(labels) - old_labels)), tuple(sorted(old_labels - set(labels) - {RESOURCE})))
        plan.node_upserts.setdefault(key, []).append({"uri": uri, "props": props})
    for (s, kind, o), graphs in wanted.edges.items():
        if (s, kind, o) not in existing.edges:
            plan.edge_creates.setdefault(kind, []).append({"s": s, "o": o, "graphs": graphs})
    plan.node_deletes = sorted(uri for uri in existing.nodes if uri not in wanted.nodes)
    return plan
