"""``validate_store`` checks the shapes like pySHACL does, per report graph and across shared nodes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, SH

from kg.build import build
from kg.graph import iris, report_graph
from kg.graph.vocab import KG, ontology_graph, shapes_graph
from kg.store import open_store
from kg.store.validate import shape_rules, validate_store

SHIZHONG = """{city}市中区人民政府工作报告
——2024年1月10日在{city}市中区第十八届人民代表大会第三次会议上
各位代表：
现在，我代表区人民政府向大会报告工作，请予审议。
一、2023年工作回顾
过去一年，区发展改革局牵头推进重点项目建设，全区地区生产总值增长6.1%。区教育局新建改扩建中小学5所。
二、2024年工作安排
2024年，区住房城乡建设局将改造老旧小区30个。
"""


def _pyshacl_violations(graph: Graph) -> int:
    from pyshacl import validate

    _, results, _ = validate(graph, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none",
                             allow_warnings=True)
    return len(set(results.subjects(predicate=SH.resultSeverity)))


def _breakages(graph: Graph) -> None:
    """Break the tiny graph in every way the shapes forbid, once each."""
    report, target = graph.identifier, iris.target_iri(graph.identifier, 1)
    graph.remove((target, KG.unit, None))
    graph.set((iris.target_iri(report, 2), KG.comparator, Literal("!=")))
    graph.set((report, KG.textDigest, Literal("not-a-digest")))
    graph.add((target, PROV.wasDerivedFrom, iris.sentence_iri(report, 2)))
    graph.set((iris.sentence_iri(report, 0), KG.startOffset, Literal(-3)))
    graph.set((target, KG.aboutPlace, iris.agency_iri("371502", "水利局")))
    graph.set((target, KG.value, Literal("many")))
    graph.add((iris.sentence_iri(report, 1), KG.mentions, Literal("not a node")))


def test_all_constraints_of_the_shapes_are_translated():
    kinds = {rule.component for rule in shape_rules()}
    assert {"sh:MinCountConstraintComponent", "sh:ClassConstraintComponent", "sh:InConstraintComponent",
            "sh:OrConstraintComponent", "sh:PatternConstraintComponent"} <= kinds


def test_counts_as_many_violations_as_pyshacl(memory_store, tiny_report):
    graph = report_graph(*tiny_report)
    _breakages(graph)
    memory_store.replace_graph(graph)
    outcome = validate_store(memory_store)
    assert not outcome.conforms
    assert outcome.violations == _pyshacl_violations(graph) >= 8
    for path in ("kg:unit", "kg:comparator", "kg:textDigest", "kg:startOffset", "kg:aboutPlace", "kg:mentions"):
        assert path in outcome.text


def test_good_graph_conforms_like_pyshacl_says(memory_store, tiny_report):
    graph = report_graph(*tiny_report)
    memory_store.replace_graph(graph)
    assert validate_store(memory_store).conforms
    assert _pyshacl_violations(graph) == 0


def test_shared_agency_with_two_jurisdictions_across_reports_is_caught(memory_store, tiny_factory):
    one = report_graph(*tiny_factory(source="one.txt"))
    two = report_graph(*tiny_factory(source="two.txt"))
    agency = iris.agency_iri("371502", "水利局")
    two.set((agency, KG.jurisdiction, iris.place_iri("别处", code="370103")))
    two.add((iris.place_iri("别处", code="370103"), URIRef(str(KG.divisionCode)), Literal("370103")))
    memory_store.replace_graph(one)
    memory_store.replace_graph(two)
    assert validate_store(memory_store, graphs=[one.identifier]).conforms
    outcome = validate_store(memory_store)
    assert not outcome.conforms
    assert "More than 1 values on kg:jurisdiction" in outcome.text


@pytest.fixture
def same_named_districts(tmp_path: Path) -> Path:
    for city in ("济南", "乐山"):
        (tmp_path / f"{city}-shizhong-2024.txt").write_text(SHIZHONG.format(city=city + "市"), encoding="utf-8")
    return tmp_path


def test_same_named_districts_of_two_cities_keep_their_agencies_apart(same_named_districts):
    with open_store(memory=True) as store:
        result = build([same_named_districts], store)
        assert result.ok and len(result.built) == 2
        outcome = validate_store(store)
        assert outcome.conforms, outcome.text
        rows = store.query("SELECT DISTINCT ?a ?j WHERE { ?a a kg:Agency ; kg:jurisdiction ?j }")
        jurisdictions = {str(row.j) for row in rows}
        agencies = {str(row.a) for row in rows}
    assert jurisdictions == {str(iris.place_iri("市中区", code="370103")), str(iris.place_iri("市中区", code="511102"))}
    assert str(iris.agency_iri("370103", "教育局")) in agencies
    assert str(iris.agency_iri("511102", "教育局")) in agencies
