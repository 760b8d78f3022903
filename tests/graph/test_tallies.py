"""A report graph states its own counts (kg:tally): targets, targets per agency, commitments per place."""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import RDFS, SKOS, XSD, Literal, URIRef

from kg.graph import iris, report_graph
from kg.graph.property_graph import to_property_graph
from kg.graph.vocab import KG, TALLIES, ontology_graph


def _tallies(graph, predicate) -> dict[URIRef, int]:
    return {s: int(o) for s, o in graph.subject_objects(predicate)}


def test_tallies_of_the_hand_made_report(tiny_report):
    graph = report_graph(*tiny_report)
    report = iris.report_iri("tiny-report.txt")
    assert _tallies(graph, KG.targetCount) == {report: 3}
    owned = _tallies(graph, KG.ownedTargetCount)
    assert sorted(owned.values()) == [1, 1]  # 水利局 and 住建局 own one target each; the statistic has no owner
    mentions = {graph.value(a, KG.mention) for a in owned}
    assert mentions == {Literal("区水利局", lang="zh"), Literal("区住建局", lang="zh")}
    commitments = _tallies(graph, KG.commitmentCount)
    assert {str(graph.value(p, SKOS.prefLabel)): n
            for p, n in commitments.items()} == {"班滑河": 1, "东昌府区": 1}
    for predicate in (KG.targetCount, KG.ownedTargetCount, KG.commitmentCount):
        assert {o.datatype for o in graph.objects(None, predicate)} == {XSD.integer}


def test_only_commitments_count_for_places_but_every_role_counts_for_agencies(tiny_report):
    report, extraction = tiny_report
    first, second, statistic = extraction.targets
    extraction = dataclasses.replace(extraction, targets=[
        first,
        dataclasses.replace(second, role="achievement", agency=first.agency, places=[*second.places, *second.places]),
        dataclasses.replace(statistic, agency=first.agency, places=list(first.places)),
        dataclasses.replace(first, text="再完成1条河道整治", value=1, places=[*first.places, *first.places]),
    ])
    graph = report_graph(report, extraction)
    assert list(_tallies(graph, KG.targetCount).values()) == [4]
    assert list(_tallies(graph, KG.ownedTargetCount).values()) == [4]  # one agency owns all four, whatever the role
    places = {str(graph.value(p, SKOS.prefLabel)): n
              for p, n in _tallies(graph, KG.commitmentCount).items()}
    assert places == {"班滑河": 2}  # the two commitments about it, each once though it names the river twice


def test_a_report_without_targets_states_zero_and_no_other_tally(tiny_report):
    report, extraction = tiny_report
    graph = report_graph(report, dataclasses.replace(extraction, targets=[]))
    assert list(_tallies(graph, KG.targetCount).values()) == [0]
    assert not _tallies(graph, KG.ownedTargetCount) and not _tallies(graph, KG.commitmentCount)


def test_tallies_are_the_ontologys_sub_properties_of_tally():
    onto = ontology_graph()
    assert {str(p) for p in onto.subjects(RDFS.subPropertyOf, KG.tally)} == TALLIES


def test_tallies_stay_out_of_the_property_graph(tiny_report):
    graph = report_graph(*tiny_report)
    pg = to_property_graph((s, p, o, graph.identifier) for s, p, o in graph)
    keys = {key for node in pg.nodes.values() for key in node.props}
    assert not keys & {"targetCount", "ownedTargetCount", "commitmentCount"}
    assert "value" in keys and "prefLabel_zh" in keys  # other literals are still properties


COUNTED = {
    "targetCount": "SELECT ?g ?x (COUNT(DISTINCT ?t) AS ?n) WHERE { GRAPH ?g { ?t kg:role ?role . BIND(?g AS ?x) } } "
                   "GROUP BY ?g ?x",
    "ownedTargetCount": "SELECT ?g ?x (COUNT(DISTINCT ?t) AS ?n) WHERE { GRAPH ?g { ?t kg:role ?role ; "
                        "kg:responsibleAgency ?x } } GROUP BY ?g ?x",
    "commitmentCount": "SELECT ?g ?x (COUNT(DISTINCT ?t) AS ?n) WHERE { GRAPH ?g { ?t kg:role \"target\" ; "
                       "kg:aboutPlace ?x } } GROUP BY ?g ?x",
}


@pytest.mark.parametrize("tally", sorted(COUNTED))
def test_stored_tallies_equal_counting_each_graphs_targets(example_store, tally):
    stated = {(str(g), str(x), int(n)) for g, x, n in example_store.query(
        f"SELECT ?g ?x ?n WHERE {{ GRAPH ?g {{ ?x kg:{tally} ?n }} }}")}
    counted = {(str(g), str(x), int(n)) for g, x, n in example_store.query(COUNTED[tally])}
    assert stated == counted
    assert len(stated) >= 5
