"""The query library (queries/*.rq) on the example store and on hand-made graphs."""

from __future__ import annotations

import json

import pytest
from rdflib import Literal, URIRef

from kg.graph import report_graph
from kg.query import QueryFile, load_queries, report_record, run_query
from kg.query.library import bind_params
from tests.conftest import DONGCHANGFU, EXAMPLES, QUERIES, gold_record, make_tiny

LIBRARY = load_queries(QUERIES)
EXPECTED = {"agencies_by_targets", "indicator_across_reports", "places_by_commitments", "policies_by_agency",
            "possibly_same_policies", "reports", "targets_about_place", "targets_by_indicator", "targets_due_by"}


def _rows(store, name: str, **params: str) -> list[dict]:
    query = LIBRARY[name]
    result = run_query(store, query.text, params or query.examples)
    columns = [str(v) for v in result.vars]
    return [{c: (None if row[i] is None else row[i].toPython()) for i, c in enumerate(columns)} for row in result]


def _within(store, place: str, ancestor: str) -> bool:
    """Whether a place named ``place`` lies (transitively) within one named ``ancestor``."""
    select = ("SELECT ?x ?y (COUNT(*) AS ?n) WHERE { ?p skos:prefLabel ?a . ?q skos:prefLabel ?b . "
              "?p kg:within* ?q . FILTER(STR(?a) = STR(?x) && STR(?b) = STR(?y)) } GROUP BY ?x ?y")
    rows = list(store.query(select, {"x": Literal(place), "y": Literal(ancestor)}))
    return bool(rows) and int(rows[0].n) > 0


# the library itself ----------------------------------------------------------------------------
def test_library_has_the_documented_queries():
    assert set(LIBRARY) >= EXPECTED


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_query_is_documented(name):
    query = LIBRARY[name]
    assert query.description and query.description != name
    assert set(query.examples) == set(query.params), "every parameter has an example"
    for param in query.params:
        assert f"?{param}" in query.text.split("WHERE")[0], "parameters must be projected to be bound"


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_query_runs_on_examples(example_store, name):
    query = LIBRARY[name]
    result = run_query(example_store, query.text, query.examples)
    assert result.type == "SELECT"
    rows = list(result)
    assert all(len(row) == len(result.vars) for row in rows)


def test_query_file_header_parsing(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("# What is it?\n# param a: first thing (example: 甲)\n# param b: second\nSELECT ?a ?b WHERE {}\n",
                    encoding="utf-8")
    query = QueryFile.read(path)
    assert query.name == "q"
    assert query.description == "What is it?"
    assert {n: (p.type, p.required, p.description) for n, p in query.params.items()} == {
        "a": ("text", True, "first thing"), "b": ("text", True, "second")}
    assert query.examples == {"a": "甲"}
    assert query.tags == {}


def test_param_language_tag_is_read_and_bound():
    query = QueryFile.parse("# Where?\n# param place@zh: a name (example: 班滑河)\nSELECT ?place WHERE {}\n")
    assert query.params["place"].description == "a name" and query.examples == {"place": "班滑河"}
    assert query.tags == {"place": "zh"}
    assert bind_params({"place": "班滑河"}, query.tags)["place"] == Literal("班滑河", lang="zh")


def test_tagged_param_finds_the_labelled_node(two_tiny):
    """A ``@zh`` parameter matches ``skos:prefLabel`` by index; a plain one would not."""
    text = ("# Which node has this name?\n# param place@zh: a name (example: 班滑河)\n"
            "SELECT DISTINCT ?place ?p WHERE { GRAPH ?g { ?p skos:prefLabel ?place } }")
    assert len(list(run_query(two_tiny, text, {"place": "班滑河"}))) == 1
    assert not list(run_query(two_tiny, text.replace("place@zh", "place"), {"place": "班滑河"}))


def test_bind_params_types():
    bound = bind_params({"place": "东昌府区", "report": "https://w3id.org/kg-cn/id/report/x"})
    assert bound["place"] == Literal("东昌府区")
    assert bound["report"] == URIRef("https://w3id.org/kg-cn/id/report/x")


# answers on the examples -------------------------------------------------------------------------
def test_reports_match_gold_documents(example_store):
    rows = _rows(example_store, "reports")
    sources = sorted(p.name for p in EXAMPLES.glob("*.txt"))
    assert [r["report"] for r in rows] == sources
    for row in rows:
        gold = gold_record(row["report"])["document"]
        assert row["title"] == gold["title"]
        assert row["jurisdiction"] == gold["jurisdiction"]
        assert row["kind"] == gold["kind"]
        assert row["issuer"] == gold["issuer"]
        assert (None if row["date"] is None else str(row["date"])) == gold["date"]
        assert row["targets"] > 0


def test_agencies_by_targets_sorted_desc(example_store):
    rows = _rows(example_store, "agencies_by_targets")
    assert rows
    counts = [r["targets"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert all(r["targets"] > 0 and r["reports"] >= 1 for r in rows)
    assert len({(r["agency"], r["jurisdiction"]) for r in rows}) == len(rows)


def test_agencies_by_targets_counts_are_right(example_store):
    check = """SELECT ?name (COUNT(DISTINCT ?t) AS ?n) WHERE {
      GRAPH ?g { ?t a kg:Target ; kg:responsibleAgency ?a } GRAPH ?h { ?a skos:prefLabel ?name }
    } GROUP BY ?name"""
    expected = {str(r.name): int(r.n) for r in example_store.query(check)}
    got = {}
    for row in _rows(example_store, "agencies_by_targets"):
        got[row["agency"]] = got.get(row["agency"], 0) + row["targets"]
    assert got == expected


def test_targets_about_a_city_include_rivers_inside_it(example_store):
    gold = gold_record(DONGCHANGFU)
    rivers = {p["name"] for p in gold["places"] if p["type"] == "River"}
    river_targets = [t for t in gold["targets"] if set(t["places"]) & rivers]
    assert river_targets, "the gold has a target about rivers"
    rows = _rows(example_store, "targets_about_place", place="聊城市")
    about = {r["about"] for r in rows}
    assert rivers & about, f"no target about {sorted(rivers)}"
    river_rows = [r for r in rows if r["about"] in rivers]
    assert any(r["value"] == 4 and r["unit"] == "条" for r in river_rows)


def test_targets_about_district_are_all_within_it(example_store):
    rows = _rows(example_store, "targets_about_place")  # example: 东昌府区
    assert rows
    for about in {r["about"] for r in rows}:
        assert _within(example_store, about, "东昌府区"), about
    assert all(r["place"] == "东昌府区" and r["sentence"] for r in rows)
    assert all(r["text"] and r["unit"] for r in rows)


@pytest.mark.parametrize("place", ["聊城市", "东昌府区", "山东省"])
def test_targets_about_place_compare_with_independent_query(example_store, place):
    rows = _rows(example_store, "targets_about_place", place=place)
    check = """SELECT DISTINCT ?text ?about WHERE {
      GRAPH ?g1 { ?q skos:prefLabel ?n } FILTER(STR(?n) = STR(?name))
      ?p kg:within* ?q . GRAPH ?g2 { ?t a kg:Target ; kg:aboutPlace ?p ; kg:text ?text }
      GRAPH ?g3 { ?p skos:prefLabel ?about } }"""
    expected = {(str(r.text), str(r.about))
                for r in example_store.query(check.replace("?name", f'"{place}"'))}
    assert {(r["text"], r["about"]) for r in rows} == expected


def test_targets_about_unknown_place_is_empty(example_store):
    assert _rows(example_store, "targets_about_place", place="不存在的地方") == []


def test_targets_due_by(example_store):
    rows = _rows(example_store, "targets_due_by", by="2023-12-31")
    assert rows
    assert all(str(r["by"]) == "2023-12-31" for r in rows)
    assert all(str(r["due"]) <= "2023-12-31" for r in rows)
    assert any(str(r["due"]) == "2023-12-31" for r in rows)
    dues = [str(r["due"]) for r in rows]
    assert dues == sorted(dues)


def test_targets_due_by_earlier_is_a_subset(example_store):
    late = {(r["text"], r["report"]) for r in _rows(example_store, "targets_due_by", by="2030-12-31")}
    early = {(r["text"], r["report"]) for r in _rows(example_store, "targets_due_by", by="2023-12-31")}
    assert early <= late


def test_places_by_commitments_sorted_desc(example_store):
    rows = _rows(example_store, "places_by_commitments")
    assert rows
    counts = [r["targets"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert all(r["targets"] > 0 for r in rows)
    assert all(r["type"] not in ("Place", "AdministrativeDivision", "", None) for r in rows)


def test_indicator_across_reports(example_store):
    rows = _rows(example_store, "indicator_across_reports")  # example: 老旧小区
    assert rows
    assert all("老旧小区" in r["indicator"] and r["word"] == "老旧小区" for r in rows)


def test_policies_by_agency_shape_and_consistency(example_store):
    result = run_query(example_store, LIBRARY["policies_by_agency"].text)
    assert [str(v) for v in result.vars] == ["agency", "title", "status", "report", "jurisdiction", "year"]
    rows = _rows(example_store, "policies_by_agency")
    agencies = [r["agency"] for r in rows]
    assert agencies == sorted(agencies)
    check = """SELECT ?title ?agency WHERE { ?d a kg:PolicyDocument ; dcterms:title ?t ; kg:draftingAgency ?a .
               ?a skos:prefLabel ?l . BIND(STR(?t) AS ?title) BIND(STR(?l) AS ?agency) }"""
    pairs = {(str(r.title), str(r.agency)) for r in example_store.query(check)}
    assert {(r["title"], r["agency"]) for r in rows} == pairs
    assert all(r["status"] in ("planned", "issued", "cited", None) for r in rows)


def test_possibly_same_policies_shape_and_consistency(example_store):
    result = run_query(example_store, LIBRARY["possibly_same_policies"].text)
    assert [str(v) for v in result.vars] == ["title", "other", "report", "jurisdiction", "year"]
    rows = _rows(example_store, "possibly_same_policies")
    for row in rows:
        assert row["title"] < row["other"]
        linked = """SELECT ?x ?y (COUNT(*) AS ?n) WHERE { ?a kg:mayBeSameAs ?b ; dcterms:title ?t .
                    ?b dcterms:title ?u . FILTER(STR(?t) = STR(?x) && STR(?u) = STR(?y)) } GROUP BY ?x ?y"""
        found = list(example_store.query(linked, {"x": Literal(row["title"]), "y": Literal(row["other"])}))
        assert found and int(found[0].n) > 0


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_no_duplicate_rows_on_examples(example_store, name):
    rows = [json.dumps(r, default=str, sort_keys=True) for r in _rows(example_store, name)]
    assert len(rows) == len(set(rows))


# hand-made graphs: deterministic answers -------------------------------------------------------------
@pytest.fixture
def two_tiny(memory_store):
    """The tiny report stored twice under two names: shared agencies, places and policies."""
    memory_store.ensure_ontology()
    for source in ("a.txt", "b.txt"):
        memory_store.replace_graph(report_graph(*make_tiny(source)))
    return memory_store


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_no_duplicate_rows_when_reports_share_nodes(two_tiny, name):
    """Oxigraph's union default graph repeats a triple stated in two graphs; queries must not."""
    rows = [json.dumps(r, default=str, sort_keys=True) for r in _rows(two_tiny, name)]
    assert len(rows) == len(set(rows))


def test_year_deadline_counts_as_end_of_year(two_tiny):
    def texts(by):
        return {r["text"] for r in _rows(two_tiny, "targets_due_by", by=by)}

    assert "新建口袋公园10处" not in texts("2023-12-31")
    assert "新建口袋公园10处" not in texts("2025-06-30")
    assert "新建口袋公园10处" in texts("2025-12-31")
    assert "2023年底前完成班滑河等4条河道整治" in texts("2023-12-31")
    assert "2023年底前完成班滑河等4条河道整治" not in texts("2023-12-30")


def test_targets_about_place_on_tiny(two_tiny):
    rows = _rows(two_tiny, "targets_about_place", place="聊城市")
    assert {(r["about"], r["report"]) for r in rows} == {
        ("班滑河", "a.txt"), ("班滑河", "b.txt"), ("东昌府区", "a.txt"), ("东昌府区", "b.txt")}
    rows = _rows(two_tiny, "targets_about_place", place="班滑河")
    assert {r["text"] for r in rows} == {"2023年底前完成班滑河等4条河道整治"}


def test_ranking_queries_on_tiny(two_tiny):
    agencies = {r["agency"]: (r["targets"], r["reports"]) for r in _rows(two_tiny, "agencies_by_targets")}
    assert agencies == {"东昌府区水利局": (2, 2), "东昌府区住房和城乡建设局": (2, 2)}
    places = {r["place"]: (r["type"], r["targets"]) for r in _rows(two_tiny, "places_by_commitments")}
    assert places == {"班滑河": ("River", 2), "东昌府区": ("District", 2)}


def test_possibly_same_policies_on_tiny(two_tiny):
    rows = _rows(two_tiny, "possibly_same_policies")
    pair = ("东昌府区河道管理办法", "东昌府区河道管理暂行办法")
    assert [(r["title"], r["other"], r["report"]) for r in rows] == [(*pair, "a.txt"), (*pair, "b.txt")]


# read-back -------------------------------------------------------------------------------------------
GOLD_KEYS = {"source", "document", "agencies", "organizations", "places", "policies", "plans", "targets"}


def test_report_record_has_gold_schema(example_store):
    record = report_record(example_store, DONGCHANGFU)
    gold = gold_record(DONGCHANGFU)
    assert set(record) == set(gold) == GOLD_KEYS
    assert set(record["document"]) == set(gold["document"])
    assert record["document"] == gold["document"]
    for kind in ("agencies", "organizations", "places", "policies", "plans", "targets"):
        for entry in record[kind]:
            gold_keys = set().union(*(g.keys() for g in gold[kind])) if gold[kind] else set(entry)
            assert gold_keys - {"ocr_of", "note"} <= set(entry) | {"aliases"}, kind


def test_report_record_dongchangfu_facts(example_store):
    record = report_record(example_store, DONGCHANGFU)
    doc = record["document"]
    assert doc["jurisdiction"] == "东昌府区"
    assert doc["parents"] == ["聊城市", "山东省"]
    four = [t for t in record["targets"] if t["value"] == 4 and t["unit"] == "条"]
    assert four, "班滑河、青周渠、聊位河、南环河4条河道"
    assert any("班滑河" in (t["sentence"] or "") for t in four)
    assert all(isinstance(t["value"], int | float) for t in record["targets"])


def test_report_record_for_city_report_without_date(example_store):
    record = report_record(example_store, "liaocheng-2023-gov-report-part.txt")
    assert record["document"]["date"] is None
    assert record["document"]["jurisdiction"] == "聊城市"
    assert record["document"]["parents"] == ["山东省"]


def test_report_record_unknown_source_is_none(example_store):
    assert report_record(example_store, "no-such-report.txt") is None


def test_report_record_of_tiny(two_tiny):
    record = report_record(two_tiny, "a.txt")
    assert record["document"]["jurisdiction"] == "东昌府区"
    assert record["document"]["parents"] == ["聊城市", "山东省"]
    assert record["document"]["date"] == "2023-01-07"
    targets = {t["text"]: t for t in record["targets"]}
    assert targets["2023年底前完成班滑河等4条河道整治"]["deadline"] == "2023-12-31"
    assert targets["2023年底前完成班滑河等4条河道整治"]["places"] == ["班滑河"]
    assert targets["新建口袋公园10处"]["deadline"] == "2025"
    assert targets["绿化面积2.5万亩"]["value"] == 2.5 and targets["绿化面积2.5万亩"]["value_max"] == 3.5
    assert {p["name"]: p["type"] for p in record["places"]}["班滑河"] == "River"
    assert {p["title"] for p in record["policies"]} == {"东昌府区河道管理办法", "东昌府区河道管理暂行办法"}


def test_month_deadline_counts_as_end_of_month(memory_store):
    report, extraction = make_tiny()
    extraction.targets[0].deadline = "2023-08"
    memory_store.replace_graph(report_graph(report, extraction))
    text = extraction.targets[0].text

    def due(by):
        return text in {r["text"] for r in _rows(memory_store, "targets_due_by", by=by)}

    assert due("2023-08-31")
    assert not due("2023-07-31")
    assert not due("2023-08-30")


# SERVICE and malformed parameters ----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3) SERVICE<http://127.0.0.1:9/>{ ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<http://127.0.0.1:9/> AS ?e) SERVICE ?e { ?s ?p ?o } }",
    r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
])
def test_service_clause_is_found(text: str) -> None:
    from kg.query.library import uses_service

    assert uses_service(text)


@pytest.mark.parametrize("text", [
    'SELECT * WHERE { ?s ?p "SERVICE" }',
    "SELECT * WHERE { ?s ?p '''a ' SERVICE''' }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/>",
    "SELECT ?service WHERE { ?service ex:SERVICE service:x }",
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
])
def test_service_in_strings_comments_iris_and_names_is_not_a_clause(text: str) -> None:
    from kg.query.library import uses_service

    assert not uses_service(text)


def test_service_query_is_refused_before_it_runs() -> None:
    from kg.errors import KgError
    from kg.store import open_store

    class _Unreachable:
        def query(self, *_: object) -> None:
            raise AssertionError("the store must not be asked")

    with pytest.raises(KgError, match="--allow-service"):
        run_query(_Unreachable(), "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    with open_store(memory=True) as store:
        result = run_query(store, 'SELECT ?x WHERE { BIND("SERVICE" AS ?x) }')
        assert [str(row[0]) for row in result] == ["SERVICE"]


@pytest.mark.parametrize("item", ["v}=1", "noequals", "=x", "1a=x", "a b=x"])
def test_malformed_param_is_a_one_line_error(item: str) -> None:
    from kg.errors import KgError
    from kg.query.library import parse_params

    with pytest.raises(KgError) as caught:
        parse_params([item])
    assert "NAME=VALUE" in str(caught.value) and "\n" not in str(caught.value)


def test_param_values_may_hold_equals_signs_and_chinese_names() -> None:
    from kg.query.library import parse_params

    assert parse_params(["place=东昌府区", "地名=a=b", "_x="]) == {"place": "东昌府区", "地名": "a=b", "_x": ""}


def test_report_record_gives_a_place_named_by_its_mention_its_within(example_store):
    record = report_record(example_store, "liaocheng-2023-gov-report-part.txt")
    places = {p["name"]: p for p in record["places"]}
    assert "济南" in places and "济南市" not in places  # the text's form, not the division's label
    assert places["济南"]["within"] == "山东省"
