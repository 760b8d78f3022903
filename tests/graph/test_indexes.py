"""A report graph states its own query indexes (kg:queryIndex): indicator names, match ranks, drafting keys."""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import RDFS, Literal, URIRef

from kg.graph import iris, report_graph
from kg.graph.indexes import QUERY_INDEXES, match_rank
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
    assert _values(graph, KG.indicatorNames) == {REPORT: ["口袋公园\n河道整治"]}  # the statistic has no indicator
    first, second = (report.sentences[t.sentence].start for t in extraction.targets[:2])
    assert _values(graph, KG.matchRank) == {
        iris.target_iri(REPORT, 1): [f"00004{first:09d}"],  # plan part, a target, a year's figure; 4 characters
        iris.target_iri(REPORT, 2): [f"00004{second:09d}"],
    }
    policy = iris.policy_iri("371502", "东昌府区河道管理办法")
    assert _values(graph, KG.draftingKey) == {policy: ["东昌府区水利局\n东昌府区河道管理办法\ntiny-report.txt"]}
    assert {type(o) for p in (KG.indicatorNames, KG.matchRank, KG.draftingKey) for o in graph.objects(None, p)} == {
        Literal}
    assert all(o.datatype is None and o.language is None for o in graph.objects(None, KG.matchRank))


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


def test_indicator_names_are_distinct_sorted_and_escaped(tiny_report):
    report, extraction = tiny_report
    targets = [dataclasses.replace(t, indicator=name) for t, name in
               zip(extraction.targets, ['引号"与\\反斜杠', "口袋公园", "口袋公园"], strict=True)]
    graph = report_graph(report, dataclasses.replace(extraction, targets=targets))
    assert _values(graph, KG.indicatorNames) == {REPORT: ['口袋公园\n引号"与\\反斜杠']}
    assert len(_values(graph, KG.matchRank)) == 3


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
    assert not keys & {"indicatorNames", "matchRank", "draftingKey"}
    assert "indicator_zh" in keys and "title_zh" in keys  # what they are made of still is


DERIVED = {  # each index as SPARQL works it out from the graph's own statements
    "indicatorNames": """SELECT ?g ?x (GROUP_CONCAT(?i; separator="\\n") AS ?v) WHERE {
        { SELECT DISTINCT ?g ?i WHERE { GRAPH ?g { ?t kg:indicator ?i } } ORDER BY ?g ?i }
        GRAPH ?g { ?x kg:sourceFile ?f } } GROUP BY ?g ?x""",
    "matchRank": """SELECT ?g ?x ?v WHERE { GRAPH ?g { ?x kg:indicator ?i ; kg:role ?r ; kg:text ?t
        OPTIONAL { ?x prov:wasDerivedFrom ?s . ?s kg:part ?p ; kg:startOffset ?n } }
        BIND(CONCAT(STR(IF(COALESCE(STR(?p), "") = "plan", 0, 4) + IF(STR(?r) IN ("target", "change"), 0, 2)
                        + IF(CONTAINS(STR(?t), "年均"), 1, 0)),
                    SUBSTR(STR(10000 + STRLEN(STR(?i))), 2), SUBSTR(STR(1000000000 + COALESCE(?n, 999999999)), 2))
             AS ?v) }""",
    "draftingKey": """SELECT ?g ?x ?v WHERE { GRAPH ?g { ?x kg:draftingAgency ?a ; dcterms:title ?t .
        ?a skos:prefLabel ?n . ?r kg:sourceFile ?f } BIND(CONCAT(STR(?n), "\\n", STR(?t), "\\n", STR(?f)) AS ?v) }""",
}


@pytest.mark.parametrize("name", sorted(DERIVED))
def test_stored_indexes_are_what_the_example_graphs_state(example_store, name):
    _, stored = select_rows(example_store, f"SELECT ?g ?x ?v WHERE {{ GRAPH ?g {{ ?x kg:{name} ?v }} }}")
    _, derived = select_rows(example_store, DERIVED[name])
    stored, derived = sorted(map(tuple, stored)), sorted(map(tuple, derived))
    assert stored == derived and len(stored) >= 5
