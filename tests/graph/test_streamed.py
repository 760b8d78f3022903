"""The property graph of a whole store streamed in order (kg/graph/streamed.py): the same
nodes and edges as the one held in memory."""

from __future__ import annotations

import io

import pytest

from kg.build import build
from kg.export import write_csv, write_graphml
from kg.graph import report_graph, streamed
from kg.graph.property_graph import Projection, merge_node, property_graph
from kg.graph.streamed import streamed_property_graph
from kg.store import open_store
from tests.conftest import EXAMPLES, make_tiny

FILES = ["liaocheng-2023-gov-report-part.txt", "liaocheng-dongchangfu-2023-gov-report.txt"]


def fill(store) -> None:
    assert build([EXAMPLES / name for name in FILES], store).ok
    for source in ("a.txt", "b.txt"):  # hand-made reports that share nodes with each other
        store.replace_graph(report_graph(*make_tiny(source)))


@pytest.mark.parametrize("run_nodes", [40, 200_000])
@pytest.mark.parametrize("on_disk", [True, False])
def test_streams_hold_the_nodes_and_edges_of_the_property_graph(tmp_path, monkeypatch, run_nodes, on_disk):
    """Spilled in runs of 40 nodes or not at all, from a store on disk or in memory: every node
    with the same labels, properties (multi-valued ones in the same order) and graphs."""
    monkeypatch.setattr(streamed, "RUN_NODES", run_nodes)
    with open_store(tmp_path / "store" if on_disk else None, memory=not on_disk) as store:
        fill(store)
        pg = property_graph(store)
        calls: list[None] = []
        with streamed_property_graph(store, on_graph=lambda: calls.append(None)) as graph:
            nodes = list(graph.nodes)
            edges = list(graph.edges)
        assert graph.graphs == len(calls) == len(store.data_graphs())
    assert [node.uri for node in nodes] == sorted(pg.nodes)
    assert nodes == [pg.nodes[uri] for uri in sorted(pg.nodes)]
    assert edges == sorted(pg.edges, key=lambda e: (e.source, e.type, e.target, e.graph or ""))
    assert any(len(node.graphs) > 1 for node in nodes)  # merged across graphs
    assert any(isinstance(value, list) for node in nodes for value in node.props.values())


def test_csv_and_graphml_from_streams_are_those_of_the_property_graph(tmp_path, monkeypatch):
    monkeypatch.setattr(streamed, "RUN_NODES", 40)
    with open_store(tmp_path / "store") as store:
        fill(store)
        held = [path.read_bytes() for path in write_csv(property_graph(store), tmp_path / "held")]
        with streamed_property_graph(store) as graph:
            streamed_files = [path.read_bytes() for path in write_csv(graph, tmp_path / "streamed")]
        held_graphml, streamed_graphml = io.BytesIO(), io.BytesIO()
        write_graphml(property_graph(store), held_graphml)
        with streamed_property_graph(store) as graph:
            write_graphml(graph, streamed_graphml)
    assert streamed_files == held
    assert streamed_graphml.getvalue() == held_graphml.getvalue()


def test_a_projection_does_not_depend_on_the_order_statements_come_in():
    """Several values of a property are kept sorted, so any order of statements, and a node's
    statements projected apart and merged, give the same node."""
    statements = [("http://x/a", "http://x/label", "甲", "g1"), ("http://x/a", "http://x/label", "乙", "g1"),
                  ("http://x/a", "http://x/label", "乙", "g2"), ("http://x/a", "http://x/label", "丙", "g2")]
    nodes = []
    for order in (statements, statements[::-1]):
        projection = Projection()
        for uri, predicate, value, graph in order:
            projection.literal(projection.node(uri, graph), predicate, value, "zh", None)
        nodes.append(projection.pg.nodes["http://x/a"])
    first, other = Projection(), Projection()
    for uri, predicate, value, graph in statements:
        part = first if graph == "g2" else other
        part.literal(part.node(uri, graph), predicate, value, "zh", None)
    merged = first.pg.nodes["http://x/a"]
    merge_node(merged, other.pg.nodes["http://x/a"])
    assert nodes[0] == nodes[1] == merged
    assert merged.props == {"label_zh": sorted(["甲", "乙", "丙"])} and merged.graphs == {"g1", "g2"}
    assert merged.name == min("甲", "乙", "丙")


@pytest.mark.parametrize("jobs", [2, 3])
def test_worker_processes_project_slices_into_the_same_streams(tmp_path, monkeypatch, jobs):
    """Two or three processes, a slice of one graph each, each opening the store read-only."""
    monkeypatch.setattr(streamed, "_SLICE_GRAPHS", 1)
    monkeypatch.setattr(streamed, "RUN_NODES", 40)
    with open_store(tmp_path / "store") as store:
        fill(store)
        pg = property_graph(store)
    with open_store(tmp_path / "store", read_only=True) as store:
        calls: list[None] = []
        with streamed_property_graph(store, on_graph=lambda: calls.append(None), jobs=jobs) as graph:
            nodes, edges = list(graph.nodes), list(graph.edges)
        assert len(calls) == len(store.data_graphs())
    assert nodes == [pg.nodes[uri] for uri in sorted(pg.nodes)]
    assert edges == sorted(pg.edges, key=lambda e: (e.source, e.type, e.target, e.graph or ""))
