"""Typed query parameters, source columns and filters, and targets_by_indicator."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from rdflib import XSD, Literal, URIRef

from kg.errors import KgError
from kg.graph import report_graph
from kg.query import QueryFile, load_queries, run_query
from kg.query.filters import SOURCE_COLUMNS, SourceFilter
from kg.query.library import ParamError, typed_value
from tests.conftest import QUERIES, make_tiny

LIBRARY = load_queries(QUERIES)
CYPHER = load_queries(QUERIES, language="cypher")
AGGREGATES = {"agencies_by_targets", "places_by_commitments"}  # rankings across reports

TYPED = """# Which targets?
# param place (place, required): a place name (example: 班滑河)
# param by (date, optional): due by (example: 2026)
# param n (number, optional): at least
SELECT ?place ?by ?n WHERE {}
"""


def test_typed_header_is_read():
    query = QueryFile.parse(TYPED)
    place, by, n = query.params.values()
    assert (place.type, place.required, place.tag, place.example) == ("place", True, "zh", "班滑河")
    assert (by.type, by.required, by.tag) == ("date", False, None)
    assert (n.type, n.required, n.example) == ("number", False, None)
    assert query.signature() == "place (place, required), by (date, optional), n (number, optional)"


def test_old_header_reads_as_required_text():
    query = QueryFile.parse("# Q?\n# param word: part of a word (example: 口袋)\nSELECT ?word WHERE {}")
    assert (query.params["word"].type, query.params["word"].required) == ("text", True)
    assert query.examples == {"word": "口袋"}


def test_unknown_type_in_header_is_an_error():
    with pytest.raises(KgError, match="TYPE one of text, place"):
        QueryFile.parse("# Q?\n# param x (colour, required): a colour\nSELECT ?x WHERE {}")


@pytest.mark.parametrize(("kind", "text", "value"), [
    ("date", "2026", dt.date(2026, 12, 31)),
    ("date", "2024-02", dt.date(2024, 2, 29)),
    ("date", "2023-02", dt.date(2023, 2, 28)),
    ("date", "2025-06-15", dt.date(2025, 6, 15)),
    ("year", "2026", 2026),
    ("number", "85", 85),
    ("number", "2.5", Decimal("2.5")),
    ("place", "东昌府区", "东昌府区"),
    ("iri", "https://w3id.org/kg-cn/id/x", URIRef("https://w3id.org/kg-cn/id/x")),
])
def test_typed_values(kind, text, value):
    assert typed_value(kind, text) == value


@pytest.mark.parametrize(("kind", "text"), [
    ("date", "明年"), ("date", "2026-13"), ("date", "2026-02-30"), ("date", "26"), ("year", "二〇二六"),
    ("year", "20261"), ("number", "八十五"), ("number", "nan"), ("place", ""), ("iri", "w3id.org/x"),
])
def test_wrongly_typed_values_are_refused(kind, text):
    with pytest.raises(ValueError):
        typed_value(kind, text)


def test_errors_name_the_query_and_list_its_parameters():
    query = QueryFile.parse(TYPED, QUERIES / "targets_x.rq")
    for given, words in [({}, "missing parameter place"), ({"place": "河", "plac": "x"}, "unknown parameter plac"),
                         ({"place": "河", "by": "明年"}, "by='明年' is not a date")]:
        with pytest.raises(ParamError) as caught:
            query.values(given)
        message = str(caught.value)
        assert message.startswith("targets_x: ") and words in message and "\n" not in message
        assert "place (place, required), by (date, optional), n (number, optional)" in message


def test_bindings_get_types_and_language_tags():
    bound = QueryFile.parse(TYPED).bindings({"place": "班滑河", "by": "2026", "n": "85"})
    assert bound["place"] == Literal("班滑河", lang="zh")
    assert bound["by"] == Literal(dt.date(2026, 12, 31), datatype=XSD.date)
    assert bound["n"] == Literal(85)


@pytest.mark.parametrize("name", sorted(set(LIBRARY) | set(CYPHER)))
def test_every_library_parameter_is_typed(name):
    for query in (q for q in (LIBRARY.get(name), CYPHER.get(name)) if q):
        for param in query.params.values():
            assert param.example is not None, f"{name}: {param.name} has no example"
            typed_value(param.type, param.example)  # the example is a value of its type
        assert f"({next(iter(query.params.values())).type}, " in query.text if query.params else True


@pytest.mark.parametrize("name", sorted(set(LIBRARY) - AGGREGATES))
def test_every_answer_says_where_it_comes_from(example_store, name):
    query = LIBRARY[name]
    result = run_query(example_store, query.text, query.examples)
    columns = [str(v) for v in result.vars]
    assert set(SOURCE_COLUMNS) <= set(columns), name
    rows = list(result)
    assert rows and all(row[columns.index("report")] is not None for row in rows)


@pytest.mark.parametrize("name", sorted(set(CYPHER) & set(LIBRARY)))
def test_twins_declare_the_same_parameters(name):
    assert {n: (p.type, p.required) for n, p in CYPHER[name].params.items()} == {
        n: (p.type, p.required) for n, p in LIBRARY[name].params.items()}


def test_year_deadline_due_by_a_year(memory_store):
    memory_store.replace_graph(report_graph(*make_tiny("a.txt")))
    query = LIBRARY["targets_due_by"]

    def texts(by):
        return {str(r.text) for r in run_query(memory_store, query.text, {"by": by})}

    assert texts("2025") == texts("2025-12-31") == {"新建口袋公园10处", "2023年底前完成班滑河等4条河道整治"}
    assert texts("2023") == {"2023年底前完成班滑河等4条河道整治"}
    assert texts("2022") == set()


# targets_by_indicator ---------------------------------------------------------------------------------
@pytest.fixture
def three_reports(memory_store):
    """The tiny report under three names: 2023 in 东昌府区 twice, and one a year later in another place."""
    memory_store.ensure_ontology()
    memory_store.replace_graph(report_graph(*make_tiny("a.txt")))
    memory_store.replace_graph(report_graph(*make_tiny("b.txt")))
    report, extraction = make_tiny("c.txt")
    report = dataclasses.replace(report, meta=dataclasses.replace(report.meta, date="2024-01-10"))
    memory_store.replace_graph(report_graph(report, extraction))
    return memory_store


def _answer(store, name, **params):
    result = run_query(store, LIBRARY[name].text, params)
    columns = [str(v) for v in result.vars]
    return [{c: (None if row[i] is None else row[i].toPython()) for i, c in enumerate(columns)} for row in result]


def test_targets_by_indicator_one_row_per_report(three_reports):
    rows = _answer(three_reports, "targets_by_indicator", indicator="口袋")
    assert [r["report"] for r in rows] == ["a.txt", "b.txt", "c.txt"]
    assert {(r["jurisdiction"], r["as_written"], r["value"], r["unit"], r["matches"]) for r in rows} == {
        ("东昌府区", "口袋公园", 10, "处", 1)}
    assert [r["year"] for r in rows] == [2023, 2023, 2024]
    assert _answer(three_reports, "targets_by_indicator", indicator="不存在的指标") == []


def test_targets_by_indicator_prefers_a_target_to_a_statistic(memory_store):
    report, extraction = make_tiny("a.txt")
    extraction.targets[2].indicator = "口袋公园面积"  # a statistic whose indicator also matches
    memory_store.replace_graph(report_graph(report, extraction))
    rows = _answer(memory_store, "targets_by_indicator", indicator="口袋公园")
    assert len(rows) == 1 and rows[0]["role"] == "target" and rows[0]["matches"] == 2


def test_source_filter_keeps_rows_of_the_given_sources():
    columns = ["text", "report", "jurisdiction", "year"]
    rows = [["x", "a.txt", "东昌府区", 2023], ["y", "c.txt", "聊城市", "2024"], ["z", "d.txt", None, None]]
    assert [r[0] for r in SourceFilter.of(years=["2024"]).rows("q", columns, rows)] == ["y"]
    assert [r[0] for r in SourceFilter.of(jurisdictions=["东昌府区"]).rows("q", columns, rows)] == ["x"]
    assert [r[0] for r in SourceFilter.of(reports=["a.txt", "d.txt"]).rows("q", columns, rows)] == ["x", "z"]
    assert [r[0] for r in SourceFilter.of().rows("q", columns, rows)] == ["x", "y", "z"]
    with pytest.raises(KgError, match="no year column"):
        list(SourceFilter.of(years=[2023]).rows("q", ["agency"], [["a"]]))
    with pytest.raises(KgError, match="four-digit year"):
        SourceFilter.of(years=["明年"])


def test_year_of_a_report_without_date_is_its_plan_year(memory_store):
    report, extraction = make_tiny("undated.txt")
    report = dataclasses.replace(report, meta=dataclasses.replace(report.meta, date=None, plan_year=2026))
    memory_store.replace_graph(report_graph(report, extraction))
    rows = _answer(memory_store, "reports")
    assert [(r["report"], r["date"], r["year"]) for r in rows] == [("undated.txt", None, 2026)]
    assert {r["year"] for r in _answer(memory_store, "targets_due_by", by="2030")} == {2026}
