"""What a sync must write: the wanted state of the affected nodes, diffed against Neo4j.

Only nodes stated by a dirty report graph (changed, added or removed) are affected. Their
wanted state is read from the RDF store through :mod:`kg.graph.property_graph` (the one
mapping from RDF); when other, unchanged reports state the same node (a shared agency or
place), its description is gathered from every report graph with
:func:`~kg.graph.property_graph.describe`, so it keeps what those reports say. The plan's
steps run in an order that keeps a half-finished sync repairable: relationship fixes
first, then node upserts, new relationships, and node deletions last.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kg.graph.property_graph import Node, PropertyGraph
from kg.sync.rows import RESOURCE, checked_labels, checked_type, node_props

__all__ = ["Existing", "SyncPlan", "Wanted", "node_row", "plan_edges", "plan_nodes", "plan_sync", "stated_nodes",
           "wanted_edges", "wanted_state"]

EdgeKey = tuple[str, str, str]  # (source uri, type, target uri)


@dataclass
class Wanted:
    """Nodes (uri -> labels, props) and relationships ((s, type, o) -> graphs) to hold."""

    nodes: dict[str, tuple[list[str], dict[str, Any]]] = field(default_factory=dict)
    edges: dict[EdgeKey, list[str]] = field(default_factory=dict)
    dropped_labels: set[str] = field(default_factory=set)
    _checked: dict[frozenset[str], list[str]] = field(default_factory=dict, repr=False)

    def add_node(self, node: Node) -> tuple[str, list[str], dict[str, Any]]:
        """Record ``node`` in its Neo4j form; returns (uri, labels, props). Label lists are
        checked once per label set and shared."""
        kinds = frozenset(node.labels)
        labels = self._checked.get(kinds)
        if labels is None:
            labels, dropped = checked_labels(node.labels)
            self._checked[kinds] = labels
            self.dropped_labels.update(dropped)
        props = node_props(node)
        self.nodes[node.uri] = (labels, props)
        return node.uri, labels, props


@dataclass
class Existing:
    """What Neo4j holds for the affected nodes (same shapes as :class:`Wanted`)."""

    nodes: dict[str, tuple[list[str], dict[str, Any]]] = field(default_factory=dict)
    edges: dict[EdgeKey, list[str]] = field(default_factory=dict)


@dataclass
class SyncPlan:
    """Rows to write, one list per kind of write; labels and relationship types (checked
    against the vocabulary) travel in the rows, so each kind is one Cypher statement.

    Node rows are ``{uri, labels, remove, props}`` (``labels`` all the node should have,
    ``remove`` those it should lose); relationship rows ``{s, type, o, graphs}``.
    """

    edge_deletes: list[dict[str, Any]] = field(default_factory=list)
    edge_updates: list[dict[str, Any]] = field(default_factory=list)
    node_upserts: list[dict[str, Any]] = field(default_factory=list)
    edge_creates: list[dict[str, Any]] = field(default_factory=list)
    node_deletes: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(len(rows) for rows in (self.edge_deletes, self.edge_updates, self.node_upserts,
                                          self.edge_creates, self.node_deletes))


def wanted_edges(pg: PropertyGraph, sources: dict[str, Any]) -> dict[EdgeKey, list[str]]:
    """The relationships out of ``sources``, each with the sorted graphs that state it (in
    ``pg``'s order, which follows the store's)."""
    types: dict[str, str] = {}
    edges: dict[EdgeKey, set[str]] = {}
    for edge in pg.edges:
        if not edge.graph or edge.source not in sources:
            continue
        kind = types.get(edge.type)
        if kind is None:
            kind = types[edge.type] = checked_type(edge.type)
        key = (edge.source, kind, edge.target)
        graphs = edges.get(key)
        if graphs is None:
            edges[key] = {edge.graph}
        else:
            graphs.add(edge.graph)
    return {key: sorted(graphs) for key, graphs in edges.items()}


def stated_nodes(pg: PropertyGraph, only: set[str] | None = None) -> Iterator[Node]:
    """``pg``'s nodes (all, or those in ``only``) that some named graph states."""
    return (node for uri, node in pg.nodes.items() if node.graphs and (only is None or uri in only))


def wanted_state(pg: PropertyGraph, *, only: set[str] | None = None) -> Wanted:
    """The Neo4j form of ``pg``'s nodes (all, or those in ``only``) and their relationships."""
    wanted = Wanted()
    for node in stated_nodes(pg, only):
        wanted.add_node(node)
    wanted.edges = wanted_edges(pg, wanted.nodes)
    return wanted


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a.keys() == b.keys() and all(a[k] == b[k] for k in a)


@cache
def _with_resource(labels: tuple[str, ...]) -> list[str]:
    """``labels`` and ``Resource``: one list per label set, shared by its rows (never changed)."""
    return [RESOURCE, *labels]


def node_row(uri: str, labels: list[str], props: dict[str, Any],
             old: tuple[list[str], dict[str, Any]] | None = None) -> dict[str, Any] | None:
    """The upsert row of a node that Neo4j holds as ``old`` (``None``: not at all), or
    ``None`` if it already holds it as wanted."""
    if old is not None and old[0] == labels and _same(old[1], props):
        return None
    remove = sorted(set(old[0]) - set(labels) - {RESOURCE}) if old else []
    return {"uri": uri, "labels": _with_resource(tuple(labels)), "remove": remove, "props": props}


def plan_nodes(plan: SyncPlan, wanted: Wanted, existing: Existing) -> None:
    """Add to ``plan`` the node upserts and deletions."""
    for uri, (labels, props) in wanted.nodes.items():
        row = node_row(uri, labels, props, existing.nodes.get(uri))
        if row is not None:
            plan.node_upserts.append(row)
    plan.node_deletes = sorted(uri for uri in existing.nodes if uri not in wanted.nodes)


def plan_edges(plan: SyncPlan, wanted: Wanted, existing: Existing) -> None:
    """Add to ``plan`` the relationship deletions, ``graphs`` updates and creations."""
    for (s, kind, o), graphs in existing.edges.items():
        target = wanted.edges.get((s, kind, o))
        if target is None:
            plan.edge_deletes.append({"s": s, "type": kind, "o": o})
        elif target != graphs:
            plan.edge_updates.append({"s": s, "type": kind, "o": o, "graphs": target})
    for (s, kind, o), graphs in wanted.edges.items():
        if (s, kind, o) not in existing.edges:
            plan.edge_creates.append({"s": s, "type": kind, "o": o, "graphs": graphs})


def plan_sync(wanted: Wanted, existing: Existing) -> SyncPlan:
    """The writes that turn ``existing`` into ``wanted`` for the affected nodes."""
    plan = SyncPlan()
    plan_nodes(plan, wanted, existing)
    plan_edges(plan, wanted, existing)
    return plan
