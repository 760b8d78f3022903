"""The four projections: exact answers on hand-made reports, sane shapes on the examples."""

from __future__ import annotations

import networkx as nx
from networkx.algorithms import bipartite

from kg.analyse.projections import (
    PROJECTIONS,
    agency_coresponsibility,
    agency_target_place,
    place_comention,
    report_entity,
)


def _names(g: nx.Graph) -> dict[str, str]:
    return {data["name"]: node for node, data in g.nodes(data=True)}


def test_agency_target_place_is_tripartite(small):
    index, _, _ = small
    g = agency_target_place(index)
    parts = {data["part"] for _, data in g.nodes(data=True)}
    assert parts == {"agency", "target", "place"}
    for u, v in g.edges():
        assert g.nodes[u]["part"] != g.nodes[v]["part"]
    names = _names(g)
    assert g.edges[names["甲市水利局"], names["甲河水质达标"]]["role"] == "responsible"
    assert g.edges[names["甲市生态环境局"], names["甲河水质达标"]]["role"] == "supporting"
    assert g.has_edge(names["乙河水质提升"], names["乙河"])


def test_coresponsibility_weights_shared_work_over_shared_headings(small):
    index, _, _ = small
    g = agency_coresponsibility(index)
    names = _names(g)
    water, eco, road = names["甲市水利局"], names["甲市生态环境局"], names["甲市交通局"]
    # one shared target (2) + both under heading 1 (1)
    assert g.edges[water, eco] == {"shared": 1, "sections": 1, "weight": 3}
    # 1.1 and 1.2 are siblings under 1: they meet there, without shared work
    assert g.edges[water, road] == {"shared": 0, "sections": 1, "weight": 1}
    assert g.edges[names["甲市教育局"], names["甲市卫健委"]]["shared"] == 1
    assert not g.has_edge(water, names["甲市教育局"])
    assert g.degree(names["乙市生态环境局"]) == 0  # works alone, still a node
    assert g.nodes[water]["targets"] == 1 and g.nodes[water]["short"] == "水利局"


def test_place_comention_counts_sentences(small):
    index, _, _ = small
    g = place_comention(index)
    names = _names(g)
    assert g.edges[names["甲河"], names["乙河"]]["weight"] == 1
    assert g.nodes[names["甲河"]]["mentions"] == 2


def test_report_entity_is_bipartite(small):
    index, a, b = small
    g = report_entity(index)
    reports = {n for n, d in g.nodes(data=True) if d["bipartite"] == 0}
    assert reports == {str(a.iri), str(b.iri)}
    assert bipartite.is_bipartite_node_set(g, reports)
    river = _names(g)["甲河"]
    assert set(g[river]) == reports  # both reports name 甲河 (one node, keyed by scope)


def test_projections_on_the_examples(example_index):
    for name, build in PROJECTIONS.items():
        g = build(example_index)
        assert g.number_of_nodes() > 10, name
        assert g.number_of_edges() > 10, name
        assert all(isinstance(d["name"], str) and d["name"] for _, d in g.nodes(data=True)), name
    g = report_entity(example_index)
    liaocheng = sorted(n for n, d in g.nodes(data=True) if d["bipartite"] == 0 and "liaocheng" in d["source"])
    assert len(liaocheng) == 2
    assert nx.has_path(g, *liaocheng)  # the city's report and its district's name the same rivers
