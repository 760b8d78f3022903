"""SHACL shapes (kg/shapes.ttl) accept good graphs and reject broken ones."""

from __future__ import annotations

from rdflib import RDF, Literal
from rdflib.namespace import PROV

from kg.graph import iris, report_graph
from kg.graph.vocab import KG
from kg.store.validate import validate_store


def _validate(store, graph):
    store.replace_graph(graph)
    return validate_store(store)


def test_tiny_graph_conforms(memory_store, tiny_report):
    outcome = _validate(memory_store, report_graph(*tiny_report))
    assert outcome.conforms, outcome.text
    assert outcome.violations == 0


def test_example_graphs_conform(example_store):
    graphs = example_store.report_graphs()
    outcome = validate_store(example_store, graphs=graphs[:2])  # `kg validate` checks all of them (tests/cli)
    assert outcome.conforms, outcome.text[:3000]


def test_target_without_unit_is_caught(memory_store, tiny_report):
    graph = report_graph(*tiny_report)
    graph.remove((iris.target_iri(graph.identifier, 1), KG.unit, None))
    outcome = _validate(memory_store, graph)
    assert not outcome.conforms
    assert outcome.violations >= 1
    assert "unit" in outcome.text


def test_bad_comparator_is_caught(memory_store, tiny_factory):
    outcome = _validate(memory_store, report_graph(*tiny_factory(comparator="!=")))
    assert not outcome.conforms
    assert outcome.violations == 1
    assert "comparator" in outcome.text


def test_target_with_two_sentences_is_caught(memory_store, tiny_report):
    graph = report_graph(*tiny_report)
    graph.add((iris.target_iri(graph.identifier, 1), PROV.wasDerivedFrom, iris.sentence_iri(graph.identifier, 2)))
    assert not _validate(memory_store, graph).conforms


def test_bad_division_code_and_digest_are_caught(memory_store, tiny_report):
    graph = report_graph(*tiny_report)
    graph.set((iris.place_iri("东昌府区", code="371502"), KG.divisionCode, Literal("37150X")))
    graph.set((graph.identifier, KG.textDigest, Literal("not-a-digest")))
    outcome = _validate(memory_store, graph)
    assert not outcome.conforms
    assert outcome.violations == 2


def test_policy_without_provenance_is_caught(memory_store, tiny_report):
    graph = report_graph(*tiny_report)
    graph.remove((iris.policy_iri("371502", "东昌府区河道管理办法"), PROV.wasDerivedFrom, None))
    assert not _validate(memory_store, graph).conforms


def test_responsible_agency_that_is_a_place_is_caught(memory_store, tiny_report):
    graph = report_graph(*tiny_report)
    place = iris.place_iri("班滑河")
    assert (place, RDF.type, KG.River) in graph
    graph.set((iris.target_iri(graph.identifier, 1), KG.responsibleAgency, place))
    assert not _validate(memory_store, graph).conforms


def test_about_place_that_is_an_agency_is_caught(memory_store, tiny_report):
    graph = report_graph(*tiny_report)
    graph.set((iris.target_iri(graph.identifier, 1), KG.aboutPlace, iris.agency_iri("371502", "水利局")))
    assert not _validate(memory_store, graph).conforms
