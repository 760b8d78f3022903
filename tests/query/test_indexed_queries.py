"""The queries that read the query indexes (kg:queryIndex) give their reference forms' rows, also after
a report is replaced or removed, and on agencies whose names share their first characters."""

from __future__ import annotations

import dataclasses

from kg.extract.model import Agency, Policy
from kg.graph import report_graph
from kg.graph.iris import report_iri
from kg.query.library import select_rows
from tests.conftest import make_tiny
from tests.query.test_rewrites import _same


def _drafting(source: str, names: list[tuple[str, str]], *, jurisdiction: str = "东昌府区"):
    """A hand-made report whose policies 《title》 are drafted by agencies (mention, name) of ``names``."""
    report, extraction = make_tiny(source)
    agencies = [Agency(mention, name, jurisdiction, sentences=[2]) for mention, name in names]
    policies = [Policy(f"{name}工作方案{n}", agency=mention, status="issued", sentences=[2])
                for n, (mention, name) in enumerate(names)]
    return report, dataclasses.replace(extraction, agencies=[*extraction.agencies, *agencies],
                                       policies=[*extraction.policies, *policies])


def _index_quads(store, source: str) -> int:
    _, rows = select_rows(store, f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{report_iri(source)}> {{
        {{ ?x kg:matchRank ?v }} UNION {{ ?x kg:draftingPrefix ?v }} }} }}""")
    return next(rows)[0]


def test_policies_in_name_order_when_names_share_or_are_shorter_than_their_prefix(memory_store):
    store = memory_store
    # 水利局 and 水务局 share the prefix 东昌府区水; 区水 is shorter than a prefix; 财政局 and 水利局 of
    # two jurisdictions; a policy title sorts within each agency
    store.replace_graph(report_graph(*_drafting("a.txt", [("区水务局", "水务局"), ("区水", "水"),
                                                          ("区财政局", "财政局")])))
    store.replace_graph(report_graph(*_drafting("b.txt", [("区水利局", "水利局"), ("县水利局", "水利局")],
                                                jurisdiction="冠县")))
    rows = _same(store, "policies_by_agency", {})
    agencies = [row[0] for row in rows]
    assert agencies == sorted(agencies) and len(set(agencies)) >= 5
    assert {"东昌府区水", "东昌府区水务局", "东昌府区水利局", "冠县水利局"} <= set(agencies)


def test_replacing_a_report_replaces_its_indexes_and_rows(memory_store):
    store = memory_store
    store.replace_graph(report_graph(*_drafting("a.txt", [("区水务局", "水务局")])))
    store.replace_graph(report_graph(*make_tiny("b.txt")))
    before = _index_quads(store, "a.txt")
    assert [row[0] for row in _same(store, "policies_by_agency", {}) if row[3] == "a.txt"] == [
        "东昌府区水利局", "东昌府区水务局"]
    assert [row[0] for row in _same(store, "targets_by_indicator", {"indicator": "口袋公园"})] == ["a.txt", "b.txt"]

    report, extraction = _drafting("a.txt", [("区财政局", "财政局")])
    targets = [dataclasses.replace(t, indicator="社区食堂") if t.indicator == "口袋公园" else t
               for t in extraction.targets]
    store.replace_graph(report_graph(report, dataclasses.replace(extraction, targets=targets)))
    assert _index_quads(store, "a.txt") == before  # the same number: one rank, one prefix replaced
    assert [row[0] for row in _same(store, "policies_by_agency", {}) if row[3] == "a.txt"] == [
        "东昌府区水利局", "东昌府区财政局"]
    assert [row[0] for row in _same(store, "targets_by_indicator", {"indicator": "口袋公园"})] == ["b.txt"]
    assert [row[0] for row in _same(store, "targets_by_indicator", {"indicator": "食堂"})] == ["a.txt"]

    store.remove_graph(report_iri("a.txt"))
    assert _index_quads(store, "a.txt") == 0
    assert {row[3] for row in _same(store, "policies_by_agency", {})} == {"b.txt"}
    assert not _same(store, "targets_by_indicator", {"indicator": "食堂"})
    _, prefixes = select_rows(store, "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?a kg:draftingPrefix ?p } }")
    assert [row[0] for row in prefixes] == ["东昌府区水"]
