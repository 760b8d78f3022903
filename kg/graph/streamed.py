"""The property graph of a whole store as streams of nodes and edges, sorted, memory flat.

:func:`kg.graph.property_graph.property_graph` holds every node at once, which a store of
thousands of reports does not fit (~0.8 GB per 1 000 reports). Exports that only write the
nodes and edges out in order project one graph at a time instead (from the texts kept beside
the store, :mod:`kg.store.texts`, while they are current: 2–3× faster than the store's read
path), spill each batch's nodes and edges sorted to temporary files, and merge them: a node
stated by several graphs gets their statements combined. The projection does not depend on
the order statements come in (a property's several values are kept sorted), so the nodes and
edges are those of :func:`~kg.graph.property_graph.property_graph`, exactly.
"""

from __future__ import annotations

import heapq
import itertools
import pickle
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.graph.property_graph import Edge, Node, Projection, PropertyGraph, merge_node
from kg.workers import results_in_order

__all__ = ["RUN_NODES", "StreamedGraph", "sorted_streams", "streamed_property_graph"]

RUN_NODES = 200_000
"""Nodes (and about as many edges) projected before a run spills to disk."""

_SLICE_GRAPHS = 250
"""Graphs a worker process projects at a time (with ``jobs`` > 1): each slice leaves its own
runs, whose merge holds a chunk of each, so slices are few (20 at 5 000 reports)."""

_CHUNK = 1_000
"""Records pickled together in a run file: the merge holds one chunk of every run."""


@dataclass
class StreamedGraph:
    """The nodes, sorted by IRI, and the edges, sorted by (source, type, target, graph), of a
    store's property graph; each stream can be read once."""

    nodes: Iterator[Node]
    edges: Iterator[Edge]
    graphs: int


def sorted_streams(pg: PropertyGraph | StreamedGraph) -> StreamedGraph:
    """``pg``'s nodes and edges in the streams' order (a :class:`StreamedGraph` as it is)."""
    if isinstance(pg, StreamedGraph):
        return pg
    return StreamedGraph((pg.nodes[uri] for uri in sorted(pg.nodes)),
                         iter(sorted(pg.edges, key=_edge_record)),
                         len({graph for node in pg.nodes.values() for graph in node.graphs}))


@contextmanager
def streamed_property_graph(store: Any, *, on_graph: Callable[[], None] | None = None,
                            jobs: int = 1) -> Iterator[StreamedGraph]:
    """The property graph of every data graph of ``store`` (a :class:`kg.store.GraphStore`), as
    streams; ``on_graph`` is called after each graph is projected (for progress bars: one call
    for each of ``store.data_graphs()``). With ``jobs`` > 1 and a store opened read-only from a
    folder, that many worker processes project slices of the graphs, each opening the store."""
    import pyoxigraph as ox

    graphs = store.data_graphs()
    named = [graph.value for graph in graphs if isinstance(graph, ox.NamedNode)]
    with tempfile.TemporaryDirectory(prefix="kg-graph-") as folder:
        runs = _Runs(Path(folder))
        if len(named) < len(graphs):  # quads in the default graph: read from the store
            projection = Projection()
            projection.add_store_quads(store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))
            runs.add(projection.take())
            if on_graph is not None:
                on_graph()
        if jobs > 1 and store.path is not None and store.read_only:
            size = max(1, min(_SLICE_GRAPHS, len(named) // (jobs * 4)))
            slices = [(str(store.path), named[start:start + size], Path(folder) / f"slice-{start}")
                      for start in range(0, len(named), size)]
            for (_, part, _), (node_runs, edge_runs) in zip(slices, results_in_order(_projected_slice, slices, jobs),
                                                            strict=True):
                runs.nodes += node_runs
                runs.edges += edge_runs
                for _ in part if on_graph is not None else ():
                    on_graph()
        else:
            _project(store, named, runs, on_graph)
        runs.spill()
        yield StreamedGraph(_merged_nodes(runs.nodes), _merged_edges(runs.edges), len(graphs))


def _project(store: Any, graphs: list[str], runs: _Runs, on_graph: Callable[[], None] | None = None) -> None:
    """Project the named ``graphs`` one at a time into ``runs``, each read as the store's sorted
    N-Quads (:meth:`kg.store.GraphStore.sorted_nquads`: its kept text while that is current)."""
    projection = Projection()
    for _, text in store.sorted_nquads(graphs):
        projection.add_nquads(text)
        runs.add(projection.take())
        if on_graph is not None:
            on_graph()


def _projected_slice(path: str, graphs: list[str], folder: Path) -> tuple[list[Path], list[Path]]:
    """A worker's slice: the store at ``path`` opened read-only, ``graphs`` projected into run files."""
    from kg.store import open_store

    store = _OPENED.get(path)
    if store is None:
        store = _OPENED[path] = open_store(path, read_only=True)
    folder.mkdir()
    runs = _Runs(folder)
    _project(store, graphs, runs)
    runs.spill()
    return runs.nodes, runs.edges


_OPENED: dict[str, Any] = {}
"""The store a worker process opened, kept for its next slices."""


class _Runs:
    """Graphs' property graphs gathered, and spilled to run files every :data:`RUN_NODES` nodes:
    nodes sorted by IRI, edges sorted."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.nodes: list[Path] = []
        self.edges: list[Path] = []
        self.node_records: list[tuple[str, Node]] = []
        self.edge_records: list[tuple[str, str, str, str]] = []

    def add(self, pg: PropertyGraph) -> None:
        self.node_records.extend(pg.nodes.items())
        self.edge_records.extend(map(_edge_record, pg.edges))
        if len(self.node_records) >= RUN_NODES or len(self.edge_records) >= RUN_NODES:
            self.spill()

    def spill(self) -> None:
        if self.node_records:
            self.node_records.sort(key=lambda record: record[0])
            self.nodes.append(_write_run(self.folder / f"nodes-{len(self.nodes)}", self.node_records))
            self.node_records = []
        if self.edge_records:
            self.edge_records.sort()
            self.edges.append(_write_run(self.folder / f"edges-{len(self.edges)}", self.edge_records))
            self.edge_records = []


def _write_run(path: Path, records: list[Any]) -> Path:
    with path.open("wb") as f:
        for start in range(0, len(records), _CHUNK):
            pickle.dump(records[start:start + _CHUNK], f, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _read_run(path: Path) -> Iterator[Any]:
    with path.open("rb") as f:
        while True:
            try:
                chunk = pickle.load(f)
            except EOFError:
                return
            yield from chunk


def _merged_nodes(runs: list[Path]) -> Iterator[Node]:
    """Each node once, by IRI: its statements from every graph, combined (in any order: a
    property's several values are kept sorted)."""
    records = heapq.merge(*(_read_run(path) for path in runs), key=lambda record: record[0])
    for _, group in itertools.groupby(records, key=lambda record: record[0]):
        node, *later = (record[1] for record in group)
        for part in later:
            merge_node(node, part)
        yield node


def _edge_record(edge: Edge) -> tuple[str, str, str, str]:
    """An edge as it sorts and is spilled: (source, type, target, graph or "")."""
    return edge.source, edge.type, edge.target, edge.graph or ""


def _merged_edges(runs: list[Path]) -> Iterator[Edge]:
    for source, kind, target, graph in heapq.merge(*(_read_run(path) for path in runs)):
        yield Edge(source, kind, target, graph or None)
