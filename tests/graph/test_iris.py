"""IRIs are deterministic, safe to write anywhere, and key shared things across reports."""

from __future__ import annotations

import re

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.compare import isomorphic

from kg.graph import iris, report_graph
from kg.graph.vocab import KG

UNSAFE = re.compile(r'[\s<>"{}|^`\\]')


def _sorted_nt(graph) -> list[str]:
    return sorted(line for line in graph.serialize(format="nt").splitlines() if line.strip())


def test_same_report_twice_gives_identical_ntriples(tiny_factory):
    one = report_graph(*tiny_factory())
    two = report_graph(*tiny_factory())
    assert isomorphic(one, two)
    assert _sorted_nt(one) == _sorted_nt(two)
    assert one.identifier == two.identifier == iris.report_iri("tiny-report.txt")


def test_graph_has_no_blank_nodes(tiny_report):
    graph = report_graph(*tiny_report)
    assert not [t for triple in graph for t in triple if not isinstance(t, URIRef | Literal)]


@pytest.mark.parametrize("text", ['a b', 'x<y>', 'q"uote', "{brace}", "pi|pe", "ca^ret", "back`tick", "sl/ash",
                                  "back\\slash", "tab\tnl\n", "%"])
def test_segment_percent_encodes_unsafe_characters(text):
    seg = iris.segment("班滑河" + text)
    assert seg.startswith("班滑河")
    assert not UNSAFE.search(seg)
    assert "/" not in seg
    assert "%" in seg


def test_segment_keeps_chinese_and_unreserved():
    assert iris.segment("聊城市-A_b.c~9") == "聊城市-A_b.c~9"
    assert iris.segment(" 东昌府区 ") == "东昌府区"


def test_iris_of_odd_names_are_safe(tiny_factory):
    report, extraction = tiny_factory(source="odd name <x>.txt", place_name='班 滑"<河>{|^}`',
                                      agency_mention='区"水利局 <script>', agency_name='水利局 <script>"')
    graph = report_graph(report, extraction)
    terms = {t for triple in graph for t in triple if isinstance(t, URIRef)} | {graph.identifier}
    bad = sorted(str(t) for t in terms if UNSAFE.search(str(t)))
    assert bad == []
    # and the graph still serialises and parses back as N-Triples
    from rdflib import Graph

    back = Graph().parse(data=graph.serialize(format="nt"), format="nt")
    assert len(back) == len(graph)


def test_report_iri_uses_file_stem_only():
    assert iris.report_iri("a/b/report-1.txt") == iris.report_iri("report-1.html")
    assert str(iris.report_iri("x.txt")).endswith("/id/report/x")


def test_same_agency_in_two_reports_is_one_node(tiny_factory):
    a = report_graph(*tiny_factory(source="a.txt"))
    b = report_graph(*tiny_factory(source="b.txt"))
    agencies_a = set(a.subjects(RDF.type, KG.Agency))
    agencies_b = set(b.subjects(RDF.type, KG.Agency))
    assert len(agencies_a) == 2
    assert agencies_a == agencies_b
    assert iris.agency_iri("东昌府区", "水利局") in agencies_a
    assert a.identifier != b.identifier


def test_agency_alias_forms_map_to_one_iri(tiny_factory):
    # the same body mentioned as 区水利局 in one report and 东昌府区水利局 in another
    a = report_graph(*tiny_factory(source="a.txt", agency_mention="区水利局"))
    b = report_graph(*tiny_factory(source="b.txt", agency_mention="东昌府区水利局"))
    target_a = a.value(iris.target_iri(a.identifier, 1), KG.responsibleAgency)
    target_b = b.value(iris.target_iri(b.identifier, 1), KG.responsibleAgency)
    assert target_a == target_b == iris.agency_iri("东昌府区", "水利局")


def test_agency_iri_distinguishes_jurisdictions():
    assert iris.agency_iri("东昌府区", "水利局") != iris.agency_iri("聊城市", "水利局")
    assert iris.agency_iri(None, "党中央") == iris.agency_iri(None, "党中央")


def test_admin_places_are_keyed_by_division_code(tiny_report):
    graph = report_graph(*tiny_report)
    district = iris.place_iri("东昌府区", code="371502")
    assert str(district).endswith("/id/place/371502")
    assert (district, RDF.type, KG.District) in graph
    assert (district, KG.divisionCode, Literal("371502")) in graph
    city = graph.value(district, KG.within)
    assert city == iris.place_iri("聊城市", code="371500")
    assert (city, RDF.type, KG.City) in graph
    province = graph.value(city, KG.within)
    assert province == iris.place_iri("山东省", code="370000")
    assert (province, RDF.type, KG.Province) in graph


def test_non_admin_place_is_keyed_by_prefecture_scope(tiny_report):
    graph = report_graph(*tiny_report)
    river = iris.place_iri("班滑河", scope="聊城市")
    assert (river, RDF.type, KG.River) in graph
    # a district report keys its rivers by the enclosing city, so the city's report shares them
    assert "/place/聊城市/" in str(river)


def test_place_iri_prefers_code_over_name():
    assert iris.place_iri("东昌府区", code="371502") == iris.place_iri("随便", code="371502")
    assert iris.place_iri("班滑河", scope="聊城市") != iris.place_iri("班滑河", scope="德州市")
