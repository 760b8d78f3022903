"""The result path without rdflib: rows stream from pyoxigraph as the values rdflib's path gave."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from rdflib import Literal

from kg.cli import main
from kg.errors import KgError
from kg.query import run_query
from kg.query.library import answer, python_value, select_rows

TYPED = """SELECT ?b ?dt ?t ?gy ?d ?f ?dec ?i ?long ?s ?l ?u ?none ?bad ?feb30 ?tz ?big WHERE {
  BIND(true AS ?b) BIND("2026-01-02T03:04:05"^^xsd:dateTime AS ?dt) BIND("03:04:05"^^xsd:time AS ?t)
  BIND("2026"^^xsd:gYear AS ?gy) BIND(1.5e0 AS ?d) BIND("2.5"^^xsd:float AS ?f) BIND(3.50 AS ?dec) BIND(7 AS ?i)
  BIND("12"^^xsd:long AS ?long) BIND("x" AS ?s) BIND("河"@zh AS ?l) BIND(<http://a.example/x> AS ?u)
  BIND("abc"^^xsd:integer AS ?bad) BIND("2026-02-30"^^xsd:date AS ?feb30) BIND("2026-03-01Z"^^xsd:date AS ?tz)
  BIND(12345678901234567890 AS ?big) }"""


def _rdflib_value(term):
    """What ``kg query`` made of an rdflib result term before: numbers, booleans and dates typed, the rest text."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, int | float | Decimal | dt.date):
            return value
    return str(term)


def test_values_are_those_of_the_rdflib_path(memory_store):
    columns, rows = select_rows(memory_store, TYPED)
    old = run_query(memory_store, TYPED)
    assert columns == [str(v) for v in old.vars]
    expected = [[_rdflib_value(term) for term in row] for row in old]
    got = list(rows)
    assert got == expected
    assert [type(v) for v in got[0]] == [type(v) for v in expected[0]]
    values = dict(zip(columns, got[0], strict=True))
    assert values["b"] is True and values["i"] == 7 and values["dec"] == Decimal("3.50")
    assert values["dt"] == dt.datetime(2026, 1, 2, 3, 4, 5) and values["tz"] == dt.date(2026, 3, 1)
    assert values["gy"] == "2026" and values["t"] == "03:04:05" and values["bad"] == "abc"
    assert values["feb30"] == "2026-02-30" and values["none"] is None and values["big"] == 12345678901234567890


def test_python_value_of_unbound_and_iri():
    import pyoxigraph as ox

    assert python_value(None) is None
    assert python_value(ox.NamedNode("http://a.example/x")) == "http://a.example/x"
    assert python_value(ox.Literal("2026-12-31", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))) \
        == dt.date(2026, 12, 31)


def test_rows_stream(example_store):
    _, rows = select_rows(example_store, "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert next(rows) and next(rows)  # a generator, not a list read in full


def test_ask_and_construct(example_store):
    asked = answer(example_store, "ASK { GRAPH ?g { ?t kg:role ?r } }")
    assert (asked.kind, asked.value, list(asked.rows)) == ("ASK", True, [])
    built = answer(example_store, "CONSTRUCT { ?r a kg:Report } WHERE { GRAPH ?g { ?r kg:sourceFile ?f } }")
    assert built.kind == "CONSTRUCT" and built.value.count("kg-cn/ontology#Report>") == 5
    with pytest.raises(KgError, match="SELECT query is needed"):
        select_rows(example_store, "ASK { ?s ?p ?o }")


def test_prefixes_are_those_of_the_rdflib_path(memory_store):
    assert list(select_rows(memory_store, "SELECT ?x WHERE { BIND(owl:Thing AS ?x) }")[1]) == [
        ["http://www.w3.org/2002/07/owl#Thing"]]


def test_errors_are_one_line(memory_store):
    with pytest.raises(KgError, match=r"^SPARQL: "):
        answer(memory_store, "SELECT WHERE {")


def test_graphs_keep_some_reports(example_store):
    from kg.export.flat import report_graphs
    from kg.query.filters import SourceFilter

    keep = SourceFilter.of([], ["东昌府区"], [])
    graphs = report_graphs(example_store, keep)
    rows = list(select_rows(example_store, "SELECT ?f WHERE { GRAPH ?g { ?r kg:sourceFile ?f } }", graphs=graphs)[1])
    assert rows == [["liaocheng-dongchangfu-2023-gov-report.txt"]]


# kg query's formats ---------------------------------------------------------------------------------------------
ROWS = ('SELECT ?n ?v ?d ?name ?flag ?none WHERE { VALUES (?n ?v ?d ?name ?flag) { '
        '(2 2.50 "2026-12-31"^^xsd:date "东昌府区"@zh false) (10 1.0e0 "2025-01-01"^^xsd:date "班滑河" true) } }'
        ' ORDER BY ?n')


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    from kg.store import open_store

    path = tmp_path_factory.mktemp("answer") / "store"
    with open_store(path) as store:
        store.ensure_ontology()
    return str(path)


def _kg(runner, store_dir, *args):
    result = runner.invoke(main, ["query", "--store", store_dir, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_table(runner, store_dir):
    assert _kg(runner, store_dir, "-e", ROWS) == (
        "n   v    d           name      flag   none\n"
        "--  ---  ----------  --------  -----  ----\n"
        "2   2.5  2026-12-31  东昌府区  false\n"
        "10  1    2025-01-01  班滑河    true\n"
        "(2 rows)\n")


def test_csv_and_excel(runner, store_dir):
    text = "n,v,d,name,flag,none\n2,2.5,2026-12-31,东昌府区,false,\n10,1,2025-01-01,班滑河,true,\n"
    assert _kg(runner, store_dir, "-e", ROWS, "--format", "csv") == text
    assert _kg(runner, store_dir, "-e", ROWS, "--format", "csv", "--excel") == "\ufeff" + text


def test_json_keeps_numbers_and_booleans(runner, store_dir):
    assert json.loads(_kg(runner, store_dir, "-e", ROWS, "--format", "json")) == [
        {"n": 2, "v": 2.5, "d": "2026-12-31", "name": "东昌府区", "flag": False, "none": None},
        {"n": 10, "v": 1.0, "d": "2025-01-01", "name": "班滑河", "flag": True, "none": None}]


def test_ask_construct_and_a_column_named_answer(runner, store_dir):
    assert _kg(runner, store_dir, "-e", "ASK { BIND(1 AS ?x) }") == "true\n"
    assert "a.example/s" in _kg(runner, store_dir, "-e", "CONSTRUCT { <http://a.example/s> a <http://a.example/C> } "
                                                      "WHERE { }")
    assert _kg(runner, store_dir, "-e", "SELECT ?answer WHERE { BIND(false AS ?answer) }", "--format", "csv") == \
        "answer\nfalse\n"
    assert _kg(runner, store_dir, "-e", "SELECT ?answer WHERE { FILTER(false) }", "--format", "csv") == "answer\n"
