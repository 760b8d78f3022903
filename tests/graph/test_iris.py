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


def test_report_iri_drops_suffix_only():
    assert iris.report_iri("report-1.txt") == iris.report_iri("report-1.html")
    assert str(iris.report_iri("x.txt")).endswith("/id/report/x")


def test_same_stem_in_two_folders_gives_two_report_iris():
    assert iris.report_iri("a/r.txt") != iris.report_iri("b/r.txt")
    assert iris.report_iri("a/r.txt") != iris.report_iri("r.txt")
    assert "/" not in str(iris.report_iri("a/r.txt")).rsplit("/id/report/", 1)[1]


def test_leading_space_is_no_part_of_a_report_name():
    assert iris.report_iri(" liaocheng-2023.txt") == iris.report_iri("liaocheng-2023.txt")
    assert iris.report_iri("a /b .txt") == iris.report_iri("a/b.txt")


def test_place_key_is_code_else_names_outermost_first():
    assert iris.place_key("市中区", code="370103", parents=("济南市",)) == "370103"
    assert iris.place_key("XX区", parents=("XX市", "某省")) == "某省XX市XX区"


def test_same_agency_in_two_reports_is_one_node(tiny_factory):
    a = report_graph(*tiny_factory(source="a.txt"))
    b = report_graph(*tiny_factory(source="b.txt"))
    agencies_a = set(a.subjects(RDF.type, KG.Agency))
    agencies_b = set(b.subjects(RDF.type, KG.Agency))
    assert len(agencies_a) == 2
    assert agencies_a == agencies_b
    assert iris.agency_iri("371502", "水利局") in agencies_a
    assert a.identifier != b.identifier


def test_agency_alias_forms_map_to_one_iri(tiny_factory):
    # the same body mentioned as 区水利局 in one report and 东昌府区水利局 in another
    a = report_graph(*tiny_factory(source="a.txt", agency_mention="区水利局"))
    b = report_graph(*tiny_factory(source="b.txt", agency_mention="东昌府区水利局"))
    target_a = a.value(iris.target_iri(a.identifier, 1), KG.responsibleAgency)
    target_b = b.value(iris.target_iri(b.identifier, 1), KG.responsibleAgency)
    assert target_a == target_b == iris.agency_iri("371502", "水利局")


def test_agency_iri_distinguishes_jurisdictions():
    assert iris.agency_iri("371502", "水利局") != iris.agency_iri("371500", "水利局")
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


def test_river_is_one_node_across_jurisdictions(tiny_report):
    graph = report_graph(*tiny_report)
    river = iris.place_iri("班滑河")
    assert (river, RDF.type, KG.River) in graph
    assert str(river).endswith("/place/_/班滑河")


def test_non_admin_place_is_keyed_by_prefecture_code(tiny_factory):
    report, extraction = tiny_factory()
    extraction.places[0].type = "Road"
    graph = report_graph(report, extraction)
    road = iris.place_iri("班滑河", scope="371500")
    assert (road, RDF.type, KG.Road) in graph
    # a district report keys its roads by the enclosing city's code, so the city's report shares them
    assert "/place/371500/" in str(road)


def test_place_iri_prefers_code_over_name():
    assert iris.place_iri("东昌府区", code="371502") == iris.place_iri("随便", code="371502")
    assert iris.place_iri("班滑河") != iris.place_iri("班滑河", scope="德州市")


def _graph_of(text: str, source: str):
    from kg.extract import extract_report
    from kg.loaders import load_text

    report = load_text(text, source=source)
    return report_graph(report, extract_report(report))


ANONYMISED = ("（{province}）XX市人民政府工作报告\n一、今后工作\n"
              "市教育局牵头新建改扩建中小学5所，确保年底前全部投入使用。\n")


def test_agency_of_a_place_without_code_is_keyed_by_its_parents_names():
    shandong = _graph_of(ANONYMISED.format(province="山东省"), "a.txt")
    sichuan = _graph_of(ANONYMISED.format(province="四川省"), "b.txt")
    in_shandong = set(shandong.subjects(RDF.type, KG.Agency))
    assert iris.agency_iri("山东省XX市", "教育局") in in_shandong
    assert not in_shandong & set(sichuan.subjects(RDF.type, KG.Agency))
    assert set(shandong.subjects(RDF.type, KG.Government)) != set(sichuan.subjects(RDF.type, KG.Government))


RIVER_REPORT = ("{city}人民政府工作报告\n一、今后工作\n"
                "全面落实河长制，2024年底前完成黄河干流生态治理，确保水质稳定达标。\n")


def test_river_named_by_two_cities_is_one_node():
    rivers = [set(_graph_of(RIVER_REPORT.format(city=city), f"{city}.txt").subjects(RDF.type, KG.River))
              for city in ("兰州市", "济南市")]
    assert rivers[0] == rivers[1] == {iris.place_iri("黄河")}


@pytest.mark.parametrize(("name", "shared"), [("黄河", True), ("徒骇河", True), ("大运河", True), ("护城河", False),
                                              ("东湖", False), ("小河", False)])
def test_only_rivers_and_lakes_with_proper_names_are_shared(name, shared):
    from kg.extract.model import Place
    from kg.graph.build import is_shared_feature

    assert is_shared_feature(Place(name, "River")) is shared
    assert is_shared_feature(Place(name, "Road")) is False


def test_city_moat_is_keyed_by_its_city(tiny_factory):
    report, extraction = tiny_factory(place_name="护城河")
    moat = next(iter(report_graph(report, extraction).subjects(RDF.type, KG.River)))
    assert moat == iris.place_iri("护城河", scope="371500")
