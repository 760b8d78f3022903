"""A report graph states its own query indexes (kg:queryIndex): targets' match ranks, drafting agencies' prefixes,
the report's sort key and its list of indicators."""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import RDFS, Literal, URIRef

from kg.graph import iris, report_graph
from kg.graph.indexes import (
    KEY_BYTES,
    PREFIX_LENGTH,
    QUERY_INDEXES,
    indicator_list,
    match_rank,
    report_sort_key,
    with_indexes,
)
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
    assert _values(graph, KG.reportSortKey) == {REPORT: ["1东昌府区"]}  # 1 and the jurisdiction: it has one
    assert _values(graph, KG.indicatorList) == {REPORT: ["口袋公园\n河道整治"]}  # distinct, sorted, one a line
    for predicate in (KG.matchRank, KG.draftingPrefix, KG.reportSortKey):
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


def test_a_report_without_indicators_or_drafting_agencies_states_only_its_sort_key(tiny_report):
    report, extraction = tiny_report
    policies = [dataclasses.replace(p, agency=None) for p in extraction.policies]
    targets = [dataclasses.replace(t, indicator=None) for t in extraction.targets]
    report = dataclasses.replace(report, meta=dataclasses.replace(report.meta, jurisdiction=None, parents=()))
    graph = report_graph(report, dataclasses.replace(extraction, targets=targets, policies=policies))
    assert [(s, p, str(o)) for p in QUERY_INDEXES for s, _, o in graph.triples((None, URIRef(p), None))] == [
        (REPORT, str(KG.reportSortKey), "0tiny-report.tx")]  # 0 and the file (15 bytes of it): no jurisdiction


@pytest.mark.parametrize(("jurisdiction", "source", "key"), [
    ("东昌府区", "a.txt", "1东昌府区"),
    ("宁夏回族自治区", "a.txt", "1宁夏回族"),  # 13 bytes: a fifth character would make 16
    (None, "changchun-erdao-2021.txt", "0changchun-erda"),  # 15 bytes
    (None, "报告2023年东昌府区.txt", "0报告2023年"),  # 14 bytes: 东 would make 17
    (None, "a.txt", "0a.txt"),
])
def test_report_sort_key_is_the_head_of_the_sort_text_in_fifteen_bytes(jurisdiction, source, key):
    assert report_sort_key(jurisdiction, source) == key
    assert len(key.encode()) <= KEY_BYTES == 15


def test_report_sort_keys_sort_as_the_full_texts_do():
    reports = [(None, "b.txt"), (None, "report-2023-part-b.txt"), (None, "report-2023-part-a.txt"), ("冠县", "z.txt"),
               ("巴音郭楞蒙古自治州", "a.txt"), ("巴音郭楞州", "b.txt"), ("巴音郭楞", "c.txt"), ("东昌府区", "a.txt")]

    def full(jurisdiction, source):  # the queries' sort text
        return f"{'0' if jurisdiction is None else '1' + jurisdiction}\u0001{source}"

    ordered = sorted(reports, key=lambda r: full(*r))
    keys = [report_sort_key(*r) for r in ordered]
    assert keys == sorted(keys)  # never out of order; equal for some (the queries sort those by the full text)
    assert len(set(keys)) < len(keys)


def test_indicator_list_holds_every_word_of_every_indicator():
    names = ["老旧小区改造", "口袋公园", "老旧小区改造", "城镇新增就业"]
    listed = indicator_list(names)
    assert listed == "口袋公园\n城镇新增就业\n老旧小区改造"
    assert all(word in listed for word in ("老旧小区", "公园", "新增就业", "改造"))


def test_indexes_are_the_ontologys_sub_properties_of_query_index():
    onto = ontology_graph()
    assert {str(p) for p in onto.subjects(RDFS.subPropertyOf, KG.queryIndex)} == QUERY_INDEXES
    for p in QUERY_INDEXES:
        assert "derived index" in str(onto.value(URIRef(p), RDFS.comment))


def test_indexes_stay_out_of_the_property_graph(tiny_report):
    graph = report_graph(*tiny_report)
    pg = to_property_graph((s, p, o, graph.identifier) for s, p, o in graph)
    keys = {key for node in pg.nodes.values() for key in node.props}
    assert not keys & {"matchRank", "draftingPrefix", "reportSortKey", "indicatorList"}
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
    # 15 bytes are five characters of a Chinese name, or fifteen of an ASCII file name (as the examples' are)
    "reportSortKey": """SELECT ?g ?x ?v WHERE { GRAPH ?g { ?x kg:sourceFile ?f
        OPTIONAL { ?x kg:jurisdiction ?j . ?j skos:prefLabel ?n } }
        BIND(IF(BOUND(?n), SUBSTR(CONCAT("1", STR(?n)), 1, 5), SUBSTR(CONCAT("0", STR(?f)), 1, 15)) AS ?v) }""",
    # the lines in any order (GROUP_CONCAT's), sorted by the test
    "indicatorList": """SELECT ?g ?x ?v WHERE {
        { SELECT ?g (GROUP_CONCAT(DISTINCT STR(?i); separator="\\n") AS ?v) WHERE { GRAPH ?g { ?t kg:indicator ?i } }
          GROUP BY ?g }
        GRAPH ?g { ?x kg:sourceFile ?f } }""",
}


@pytest.mark.parametrize("name", sorted(DERIVED))
def test_stored_indexes_are_what_the_example_graphs_state(example_store, name):
    _, stored = select_rows(example_store, f"SELECT ?g ?x ?v WHERE {{ GRAPH ?g {{ ?x kg:{name} ?v }} }}")
    _, derived = select_rows(example_store, DERIVED[name])
    stored, derived = sorted(map(tuple, stored)), sorted(map(tuple, derived))
    if name == "indicatorList":
        derived = [(g, x, "\n".join(sorted(v.split("\n")))) for g, x, v in derived]
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
    graph.set((REPORT, KG.reportSortKey, Literal("2东昌府区")))  # neither 0 nor 1
    graph.add((REPORT, KG.indicatorList, Literal("口袋公园")))  # a second list
    memory_store.replace_graph(graph)
    outcome = validate_store(memory_store)
    assert not outcome.conforms and outcome.violations == 4
    assert all(name in outcome.text for name in ("matchRank", "draftingPrefix", "reportSortKey", "indicatorList"))


def test_the_builders_noted_statements_give_the_indexes_its_lines_give():
    """The builder works the indexes out from the statements it noted as it wrote them
    (:func:`indexes_of`); parsing its lines again (:func:`index_lines`) gives the same, on the
    example reports, and a statement noted twice counts once."""
    from pathlib import Path

    from kg.extract import extract_report
    from kg.graph.build import report_ntriples
    from kg.graph.indexes import index_lines, indexes_of, read_statements
    from kg.loaders import load_report

    indexes = tuple(f"<{p}>" for p in QUERY_INDEXES)
    for path in sorted(Path(__file__).resolve().parents[2].joinpath("examples", "reports").glob("*.txt")):
        report = load_report(path, source=path.name)
        lines = report_ntriples(report, extract_report(report)).ntriples.splitlines(keepends=True)
        stated = [line for line in lines if line.split(" ", 2)[1] not in indexes]
        built = sorted(set(lines) - set(stated))
        assert len(built) > 5 and sorted(index_lines(stated)) == built
        twice = read_statements()
        for line in stated + stated:
            s, p, o = line.split(" ", 2)
            if p in twice:
                twice[p].append((s, o[:-3]))
        assert sorted(indexes_of(twice)) == built
