"""kg sync against a real Neo4j: mapping, idempotence, incremental updates, crash safety."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.neo4j import plain
from kg.store import GraphStore, open_store
from kg.sync import sync_to_neo4j
from tests.neo4j.server import wipe
from tests.sync.graphs import AGENCY, CITY, EVIL, REPORT_A, REPORT_B, RIVER, SCRIPT, report_a, report_b


def node(driver: Any, uri: str) -> dict[str, Any] | None:
    records, _, _ = driver.execute_query(
        "MATCH (n:Resource {uri: $uri}) RETURN labels(n) AS labels, properties(n) AS props", uri=str(uri))
    if not records:
        return None
    return {"labels": sorted(records[0]["labels"]), **plain(records[0]["props"])}


def rels(driver: Any) -> set[tuple[str, str, str, tuple[str, ...]]]:
    records, _, _ = driver.execute_query(
        "MATCH (s:Resource)-[r]->(o:Resource) RETURN s.uri AS s, type(r) AS t, o.uri AS o, r.graphs AS g")
    return {(r["s"], r["t"], r["o"], tuple(r["g"])) for r in records}


def snapshot(driver: Any) -> tuple[list[Any], set[Any], list[Any]]:
    nodes, _, _ = driver.execute_query(
        "MATCH (n:Resource) RETURN n.uri AS uri, labels(n) AS labels, properties(n) AS props ORDER BY uri")
    state, _, _ = driver.execute_query("MATCH (s:SyncState) RETURN s.graph AS g, s.digest AS d ORDER BY g")
    return ([(r["uri"], sorted(r["labels"]), plain(r["props"])) for r in nodes], rels(driver),
            [tuple(r.values()) for r in state])


def test_first_sync_maps_labels_languages_and_datatypes(driver: Any, store: GraphStore) -> None:
    summary = sync_to_neo4j(store, driver)
    assert summary.added == [str(REPORT_A), str(REPORT_B)]
    assert summary.nodes_created == 9  # 2 reports, 2 targets, 2 sentences, agency, city, river

    agency = node(driver, AGENCY)
    assert agency["labels"] == ["Agency", "Resource"]
    assert agency["prefLabel_zh"] == "聊城市发展改革委"
    assert agency["altLabel_zh"] == ["发改委", "市发改委"]
    assert agency["graphs"] == [str(REPORT_A), str(REPORT_B)]
    assert node(driver, RIVER)["labels"] == ["Place", "Resource", "River"]
    assert node(driver, CITY)["labels"] == ["AdministrativeDivision", "City", "Place", "Resource"]

    report = node(driver, REPORT_A)
    assert report["title_zh"] == "test-a.txt 政府工作报告"
    assert report["title_en"] == "test-a.txt government report"
    assert report["date"] == dt.date(2023, 1, 15)
    target_a = node(driver, f"{REPORT_A}/target/1")
    assert target_a["value"] == 45000 and isinstance(target_a["value"], int)
    assert target_a["deadline"] == dt.date(2023, 12, 31)
    target_b = node(driver, f"{REPORT_B}/target/1")
    assert target_b["value"] == 4.5
    assert target_b["deadline"] == "2024"
    assert node(driver, f"{REPORT_A}/sentence/1")["startOffset"] == 10

    edges = rels(driver)
    assert (f"{REPORT_A}/target/1", "RESPONSIBLE_AGENCY", str(AGENCY), (str(REPORT_A),)) in edges
    assert (str(RIVER), "WITHIN", str(CITY), (str(REPORT_A),)) in edges
    assert (str(AGENCY), "JURISDICTION", str(CITY), (str(REPORT_A), str(REPORT_B))) in edges
    assert (f"{REPORT_B}/target/1", "WAS_DERIVED_FROM", f"{REPORT_B}/sentence/1", (str(REPORT_B),)) in edges


def test_second_sync_changes_nothing(driver: Any, store: GraphStore) -> None:
    sync_to_neo4j(store, driver)
    before = snapshot(driver)
    again = sync_to_neo4j(store, driver)
    assert again.counters == dict.fromkeys(again.counters, 0)
    assert not again.changed and again.unchanged == 2
    assert snapshot(driver) == before


def test_rebuilt_report_applies_only_its_difference(driver: Any, store: GraphStore) -> None:
    sync_to_neo4j(store, driver)
    report_a_before = node(driver, REPORT_A)
    store.replace_graph(report_b(value="5", place=RIVER))
    summary = sync_to_neo4j(store, driver)
    assert summary.updated == [str(REPORT_B)] and not summary.added and summary.unchanged == 1
    assert summary.nodes_created == summary.nodes_deleted == 0
    assert summary.relationships_created == 1 and summary.relationships_deleted == 1
    target = node(driver, f"{REPORT_B}/target/1")
    assert target["value"] == 5
    edges = rels(driver)
    assert (f"{REPORT_B}/target/1", "ABOUT_PLACE", str(CITY), (str(REPORT_B),)) not in edges
    assert (f"{REPORT_B}/target/1", "ABOUT_PLACE", str(RIVER), (str(REPORT_B),)) in edges
    assert node(driver, REPORT_A) == report_a_before
    assert node(driver, RIVER)["graphs"] == [str(REPORT_A), str(REPORT_B)]


def test_removed_report_goes_shared_nodes_stay(driver: Any, store: GraphStore) -> None:
    sync_to_neo4j(store, driver)
    store.remove_graph(REPORT_A)
    summary = sync_to_neo4j(store, driver)
    assert summary.removed == [str(REPORT_A)]
    assert node(driver, REPORT_A) is None
    assert node(driver, f"{REPORT_A}/target/1") is None
    assert node(driver, RIVER) is None
    agency = node(driver, AGENCY)
    assert agency["graphs"] == [str(REPORT_B)]
    assert agency["altLabel_zh"] == "发改委"  # what only A said is gone
    assert all(str(REPORT_A) not in " ".join(g) and str(REPORT_A) not in s for s, _, _, g in rels(driver))
    store.remove_graph(REPORT_B)
    sync_to_neo4j(store, driver)
    assert snapshot(driver) == ([], set(), [])


class Interrupt(Exception):
    pass


def _crash_after_first_batch(rows: int) -> None:
    raise Interrupt


@pytest.mark.parametrize("incremental", [False, True], ids=["first-load", "incremental"])
def test_interrupted_sync_is_finished_by_the_next(driver: Any, store: GraphStore, incremental: bool) -> None:
    with open_store(memory=True) as reference:
        if incremental:
            sync_to_neo4j(store, driver)
            store.remove_graph(REPORT_A)
            store.replace_graph(report_b(value="7", place=RIVER))
            reference.replace_graph(report_b(value="7", place=RIVER))
        else:
            reference.replace_graph(report_a())
            reference.replace_graph(report_b())
        with pytest.raises(Interrupt):
            sync_to_neo4j(store, driver, batch_size=2, progress=_crash_after_first_batch)
        sync_to_neo4j(store, driver)
        crashed = snapshot(driver)
        wipe(driver)
        sync_to_neo4j(reference, driver)
        clean = snapshot(driver)
    assert crashed[:2] == clean[:2]
    assert [g for g, _ in crashed[2]] == [g for g, _ in clean[2]]


def test_hostile_strings_are_stored_as_data(driver: Any, store: GraphStore) -> None:
    sync_to_neo4j(store, driver)
    text = node(driver, f"{REPORT_B}/target/1")["text_zh"]
    assert EVIL in text and SCRIPT in text
    assert node(driver, AGENCY) is not None


def test_fulltext_finds_a_name_by_a_part(driver: Any, store: GraphStore) -> None:
    sync_to_neo4j(store, driver)
    records, _, _ = driver.execute_query(
        "CALL db.index.fulltext.queryNodes('kg_names', $q) YIELD node RETURN node.uri AS uri", q="发展改革")
    assert str(AGENCY) in [r["uri"] for r in records]
    records, _, _ = driver.execute_query(
        "CALL db.index.fulltext.queryNodes('kg_names', $q) YIELD node RETURN node.uri AS uri", q="发改委")
    assert str(AGENCY) in [r["uri"] for r in records]


def test_changed_class_moves_labels(driver: Any, store: GraphStore) -> None:
    from rdflib import RDF

    from kg.graph.vocab import KG

    sync_to_neo4j(store, driver)
    changed = report_a()
    changed.remove((RIVER, RDF.type, KG.River))
    changed.add((RIVER, RDF.type, KG.Lake))
    store.replace_graph(changed)
    summary = sync_to_neo4j(store, driver)
    assert summary.updated == [str(REPORT_A)]
    assert summary.labels_added == 1 and summary.labels_removed == 1
    assert node(driver, RIVER)["labels"] == ["Lake", "Place", "Resource"]
    assert not sync_to_neo4j(store, driver).changed


def test_first_load_builds_the_fulltext_index_at_the_end(driver: Any, store: GraphStore) -> None:
    driver.execute_query("DROP INDEX kg_names IF EXISTS")
    sync_to_neo4j(store, driver, batch_size=3)
    records, _, _ = driver.execute_query(
        "CALL db.index.fulltext.queryNodes('kg_names', $q) YIELD node RETURN node.uri AS uri", q="徒骇河")
    assert str(RIVER) in [r["uri"] for r in records]
    assert (str(RIVER), "WITHIN", str(CITY), (str(REPORT_A),)) in rels(driver)
