"""A report graph states its own query indexes (kg:queryIndex): targets' match ranks, drafting agencies' prefixes."""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import RDFS, Literal, URIRef

from kg.graph import iris, report_graph
from kg.graph.indexes import PREFIX_LENGTH, QUERY_INDEXES, match_rank, with_indexes
from kg.graph.property_graph import to_property_graph
from kg.graph.vocab import KG, ontology_graph
from kg.query.library import select_rows

REPORT = iris.report_iri("tiny-report.txt")


def _values(graph, predicate) -> dict[URIRef, list[str]]:
    found: dict[URIRef, list[str]] = {}
    for s, o in graph.subject_objects(predicate):
        found.setdefault(s, []).append(str(o))
    return {s: sorted(v) for s, v in found.items()}


def test_indexes_of_the_hand_made_report(tiny_report):
    report, extraction = tiny_report
    graph = report_graph(report, extraction)
    first, second = (report.sentences[t.sentence].start for t in extraction.targets[:2])
    assert _values(graph, KG.matchRank) == {  # the statistic has no indicator, so no rank
        iris.target_iri(REPORT, 1): [f"00004{first:09d}"],  # plan part, a target, a year's figure; 4 characters
        iris.target_iri(REPORT, 2): [f"00004{second:09d}"],
    }
    drafting = iris.agency_iri("371502", "水利局")  # 区水利局 drafts 东昌府区河道管理办法; 住建局 drafts nothing
    assert _values(graph, KG.draftingPrefix) == {drafting: ["东昌府区水"]}
    for predicate in (KG.matchRank, KG.draftingPrefix):
        assert all(o.datatype is None and o.language is None for o in graph.objects(None, predicate))
        assert all(len(str(o).encode()) <= 15 for o in graph.objects(None, predicate))  # kept inside the quad


def test_a_short_name_is_its_own_prefix(tiny_factory):
    report, extraction = tiny_factory(agency_mention="国务院", agency_name="国务院")
    national = [dataclasses.replace(a, jurisdiction="中国") if a.mention == "国务院" else a
                for a in extraction.agencies]
    graph = report_graph(report, dataclasses.replace(extraction, agencies=national))
    assert sorted(v for vs in _values(graph, KG.draftingPrefix).values() for v in vs) == ["国务院"]
    assert PREFIX_LENGTH == 5


@pytest.mark.parametrize(("part", "role", "text", "rank"), [
    ("plan", "target", "新建口袋公园10处", "0"), ("plan", "change", "增长5%左右", "0"),
    ("review", "target", "新建口袋公园10处", "4"), ("plan", "achievement", "建成口袋公园10处", "2"),
    ("plan", "statistic", "年均新建口袋公园10处", "3"), ("review", "achievement", "年均建成口袋公园10处", "7"),
    (None, "target", "新建口袋公园10处", "4"),
])
def test_match_rank_orders_plan_targets_and_years_first(tiny_report, part, role, text, rank):
    report, extraction = tiny_report
    sentences = [dataclasses.replace(s, part=part) if s.index == 3 else s for s in report.sentences]
    target = dataclasses.replace(extraction.targets[1], role=role, text=text)
    graph = report_graph(dataclasses.replace(report, sentences=sentences),
                         dataclasses.replace(extraction, targets=[target]))
    offset = "999999999" if part is None else f"{report.sentences[3].start:09d}"  # no part: the queries' default
    assert _values(graph, KG.matchRank) == {iris.target_iri(REPORT, 1): [f"{rank}0004{offset}"]}
    assert match_rank(part, role, text, "口袋公园", None if part is None else report.sentences[3].start) == (
        f"{rank}0004{offset}")


def test_escaped_texts_rank_by_their_value(tiny_report):
    report, extraction = tiny_report
    targets = [dataclasses.replace(t, indicator=name) for t, name in
               zip(extraction.targets, ['引号"与\\反斜杠', "口袋\n公园", "口袋公园"], strict=True)]
    graph = report_graph(report, dataclasses.replace(extraction, targets=targets))
    ranks = {s: v[0] for s, v in _values(graph, KG.matchRank).items()}
    lengths = [ranks[iris.target_iri(REPORT, n)][1:5] for n in (1, 2, 3)]
    assert lengths == ["0008", "0005", "0004"]  # characters, the escapes undone


def test_a_report_without_indicators_or_drafting_agencies_states_no_index(tiny_report):
    report, extraction = tiny_report
    policies = [dataclasses.replace(p, agency=None) for p in extraction.policies]
    targets = [dataclasses.replace(t, indicator=None) for t in extraction.targets]
    graph = report_graph(report, dataclasses.replace(extraction, targets=targets, policies=policies))
    assert not [t for p in QUERY_INDEXES for t in graph.triples((None, URIRef(p), None))]


def test_indexes_are_the_ontologys_sub_properties_of_query_index():
    onto = ontology_graph()
    assert {str(p) for p in onto.subjects(RDFS.subPropertyOf, KG.queryIndex)} == QUERY_INDEXES
    for p in QUERY_INDEXES:
        assert "derived index" in str(onto.value(URIRef(p), RDFS.comment))


def test_indexes_stay_out_of_the_property_graph(tiny_report):
    graph = report_graph(*tiny_report)
    pg = to_property_graph((s, p, o, graph.identifier) for s, p, o in graph)
    keys = {key for node in pg.nodes.values() for key in node.props}
    assert not keys & {"matchRank", "draftingPrefix"}
    assert "indicator_zh" in keys and "prefLabel_zh" in keys  # what they are made of still is


DERIVED = {  # each index as SPARQL works it out from the graph's own statements
    "matchRank": """SELECT ?g ?x ?v WHERE { GRAPH ?g { ?x kg:indicator ?i ; kg:role ?r ; kg:text ?t
        OPTIONAL { ?x prov:wasDerivedFrom ?s . ?s kg:part ?p ; kg:startOffset ?n } }
        BIND(CONCAT(STR(IF(COALESCE(STR(?p), "") = "plan", 0, 4) + IF(STR(?r) IN ("target", "change"), 0, 2)
                        + IF(CONTAINS(STR(?t), "年均"), 1, 0)),
                    SUBSTR(STR(10000 + STRLEN(STR(?i))), 2), SUBSTR(STR(1000000000 + COALESCE(?n, 999999999)), 2))
             AS ?v) }""",
    "draftingPrefix": """SELECT DISTINCT ?g ?x ?v WHERE { GRAPH ?g { ?p kg:draftingAgency ?x . ?x skos:prefLabel ?n }
        BIND(SUBSTR(STR(?n), 1, 5) AS ?v) }""",
}


@pytest.mark.parametrize("name", sorted(DERIVED))
def test_stored_indexes_are_what_the_example_graphs_state(example_store, name):
    _, stored = select_rows(example_store, f"SELECT ?g ?x ?v WHERE {{ GRAPH ?g {{ ?x kg:{name} ?v }} }}")
    _, derived = select_rows(example_store, DERIVED[name])
    stored, derived = sorted(map(tuple, stored)), sorted(map(tuple, derived))
    assert stored == derived and len(stored) >= 5


def test_with_indexes_gives_a_hand_made_graph_the_indexes_a_build_writes(tiny_report):
    built = report_graph(*tiny_report)
    bare = report_graph(*tiny_report)
    for p in QUERY_INDEXES:
        bare.remove((None, URIRef(p), None))
    assert len(bare) < len(built)
    assert set(with_indexes(bare)) == set(built)


def test_shapes_catch_a_malformed_index(memory_store, tiny_report):
    from kg.store.validate import validate_store

    graph = report_graph(*tiny_report)
    graph.set((iris.target_iri(REPORT, 1), KG.matchRank, Literal("9000400000012")))  # rank 9, 13 digits
    graph.set((iris.agency_iri("371502", "水利局"), KG.draftingPrefix, Literal("东昌府区水利局")))  # 7 characters
    memory_store.replace_graph(graph)
    outcome = validate_store(memory_store)
    assert not outcome.conforms and outcome.violations == 2
    assert "matchRank" in outcome.text and "draftingPrefix" in outcome.text
