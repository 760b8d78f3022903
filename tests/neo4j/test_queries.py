"""Every ``queries/*.cypher`` runs against the synced graph and agrees with its SPARQL twin."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import XSD, Literal

from kg.neo4j import run_cypher
from kg.query import load_queries, run_query
from kg.store import GraphStore, open_store
from kg.sync import sync_to_neo4j
from tests.neo4j.corpus import corpus
from tests.neo4j.server import wipe

QUERIES = Path(__file__).resolve().parents[2] / "queries"
CYPHER = load_queries(QUERIES, language="cypher")
SPARQL = load_queries(QUERIES)
TWINS = sorted(set(CYPHER) & set(SPARQL))
SMALL_PARAMS = {"place": "聊城市", "word": "口袋", "by": "2024-12-31", "agency": "发展改革", "text": "发展改革",
                "indicator": "口袋公园", "jurisdiction": "聊城市"}
_NUMBERS = {XSD.decimal, XSD.integer, XSD.int, XSD.long, XSD.double, XSD.float, XSD.nonNegativeInteger}


@pytest.fixture(scope="module", params=["small", "examples"])
def synced(request: pytest.FixtureRequest, neo4j_driver: Any) -> Iterator[tuple[GraphStore, Any, dict[str, str]]]:
    if request.param == "examples":
        store = request.getfixturevalue("example_store")  # tests/conftest.py: the five example reports
        params = {name: q.examples[name] for q in CYPHER.values() for name in q.examples}
        wipe(neo4j_driver)
        sync_to_neo4j(store, neo4j_driver)
        yield store, neo4j_driver, params
        return
    with open_store(memory=True) as store:
        store.ensure_ontology()  # places_by_commitments asks the ontology graph for subclasses
        for graph in corpus():
            store.replace_graph(graph)
        wipe(neo4j_driver)
        sync_to_neo4j(store, neo4j_driver)
        yield store, neo4j_driver, SMALL_PARAMS


def _sparql_value(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype in _NUMBERS:
        return float(term.toPython())
    return str(term)


def _cypher_value(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def test_every_sparql_query_with_a_cypher_twin_is_found() -> None:
    assert {"agencies_by_targets", "targets_about_place", "policies_by_agency", "targets_due_by"} <= set(TWINS)
    for query in CYPHER.values():
        assert query.description and not query.description.startswith("param")
        assert set(query.params) == set(query.examples), f"{query.name}: give every param an example"


@pytest.mark.parametrize("name", TWINS)
def test_cypher_agrees_with_its_sparql_twin(synced: tuple[GraphStore, Any, dict[str, str]], name: str) -> None:
    store, driver, params = synced
    cypher, sparql = CYPHER[name], SPARQL[name]
    columns, rows = run_cypher(driver, cypher.text, {p: params[p] for p in cypher.params})
    result = run_query(store, sparql.text, {p: params[p] for p in sparql.params})
    assert columns == [str(v) for v in result.vars]
    expected = Counter(tuple(_sparql_value(row[i]) for i in range(len(columns))) for row in result)
    got = Counter(tuple(_cypher_value(v) for v in row) for row in rows)
    assert got == expected
    if params is SMALL_PARAMS:
        assert rows, f"{name} found nothing in the small corpus"


@pytest.mark.parametrize("name", sorted(set(CYPHER) - set(SPARQL)))
def test_graph_only_queries_answer(synced: tuple[GraphStore, Any, dict[str, str]], name: str) -> None:
    _, driver, params = synced
    query = CYPHER[name]
    if params is not SMALL_PARAMS:
        params = {**SMALL_PARAMS, **query.examples}
    columns, rows = run_cypher(driver, query.text, {p: params[p] for p in query.params})
    assert columns
    if params is SMALL_PARAMS:
        assert rows, f"{name} found nothing in the small corpus"


def test_shortest_path_links_agency_and_river(synced: tuple[GraphStore, Any, dict[str, str]]) -> None:
    _, driver, params = synced
    query = CYPHER["shortest_path_agency_place"]
    if params is SMALL_PARAMS:
        _, rows = run_cypher(driver, query.text, {"agency": "发展改革", "place": "徒骇河"})
        assert rows[0][0] == "聊城市发展改革委" and rows[0][2] == 2  # via its jurisdiction or via a target
        assert rows[0][4] in (["RESPONSIBLE_AGENCY", "ABOUT_PLACE"], ["JURISDICTION", "WITHIN"])
        return
    _, rows = run_cypher(driver, query.text, query.examples)
    agency, place, hops, via, kinds = rows[0]
    assert query.examples["agency"] in agency and place == query.examples["place"]
    assert hops == len(kinds) == len(via) - 1 and via[0] == agency and via[-1] == place


@pytest.mark.parametrize("text", ['"', "\\", "/", "{", "发展改革 (", "AND", "NOT", "a:b~", "发展改革\\"])
def test_find_by_name_takes_lucene_special_characters_as_text(synced: tuple[GraphStore, Any, dict[str, str]],
                                                              text: str) -> None:
    _, driver, _ = synced
    columns, _ = run_cypher(driver, CYPHER["find_by_name"].text, {"text": text})
    assert columns[0] == "name"


def test_find_by_name_still_finds_text_next_to_special_characters(
        synced: tuple[GraphStore, Any, dict[str, str]]) -> None:
    _, driver, params = synced
    query = CYPHER["find_by_name"].text
    _, plain_rows = run_cypher(driver, query, {"text": params["text"]})
    _, special_rows = run_cypher(driver, query, {"text": params["text"] + '" / {'})
    assert plain_rows and [r[2] for r in special_rows] == [r[2] for r in plain_rows]


def test_bad_cypher_is_a_one_line_error(synced: tuple[GraphStore, Any, dict[str, str]]) -> None:
    from kg.errors import KgError

    _, driver, _ = synced
    with pytest.raises(KgError) as caught:
        run_cypher(driver, "CALL db.index.fulltext.queryNodes('kg_names', $q) YIELD node RETURN node", {"q": '"'})
    assert str(caught.value).startswith("Cypher: ") and "\n" not in str(caught.value)
