"""Report digests for the sync: read from ``kg:graphDigest``, hashed only for graphs without one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rdflib import Literal

from kg.graph.build import report_graph, report_ntriples
from kg.graph.vocab import KG
from kg.store import GraphStore, open_store
from kg.sync import state, sync_to_neo4j
from kg.sync.state import report_digest, report_digests, stated_digests
from tests.sync.graphs import REPORT_A, report_a

SOURCES = ("digest-a.txt", "digest-b.txt")


class Dumped(Exception):
    pass


def no_dumps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make hashing a report graph, or dumping any graph, fail."""
    def fail(*_: Any, **__: Any) -> None:
        raise Dumped

    monkeypatch.setattr(state, "report_digest", fail)
    monkeypatch.setattr(GraphStore, "dump_graph", fail)


def build(store: GraphStore, tiny_factory: Any, source: str, **change: Any) -> str:
    built = report_ntriples(*tiny_factory(source=source, **change))
    store.replace_ntriples(built.name, built.ntriples)
    return str(built.name)


@pytest.fixture
def built(tiny_factory: Any) -> Iterator[GraphStore]:
    """Two tiny reports built into a store, each stating its digest."""
    with open_store(memory=True) as s:
        for source in SOURCES:
            build(s, tiny_factory, source)
        yield s


def test_stated_digests_are_read_without_dumping_a_graph(built: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = {str(g): str(built.graph(g).value(g, KG.graphDigest)) for g in built.report_graphs()}
    no_dumps(monkeypatch)
    assert stated_digests(built) == expected
    assert report_digests(built) == expected


def test_graph_without_a_digest_is_hashed(built: GraphStore) -> None:
    built.replace_graph(report_a())  # made by hand, as a store built before digests were stated
    digests = report_digests(built)
    assert digests[str(REPORT_A)] == report_digest(built, REPORT_A)
    assert str(REPORT_A) not in stated_digests(built)
    assert len(digests) == 3


def test_digest_stated_twice_or_about_another_node_is_not_trusted(memory_store: GraphStore, tiny_report: Any) -> None:
    graph = report_graph(*tiny_report)
    name = graph.identifier
    graph.add((name, KG.graphDigest, Literal("0" * 64)))
    memory_store.replace_graph(graph)
    other = report_a()
    other.add((other.identifier + "/target/1", KG.graphDigest, Literal("1" * 64)))
    memory_store.replace_graph(other)
    assert stated_digests(memory_store) == {}
    assert report_digests(memory_store) == {str(g): report_digest(memory_store, g) for g in (REPORT_A, name)}


def test_no_change_resync_reads_no_graph(driver: Any, built: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    sync_to_neo4j(built, driver)
    no_dumps(monkeypatch)
    again = sync_to_neo4j(built, driver)
    assert not again.changed and again.unchanged == 2


def test_ledger_holds_the_stated_digests(driver: Any, built: GraphStore) -> None:
    sync_to_neo4j(built, driver)
    records, _, _ = driver.execute_query(
        "MATCH (s:SyncState), (r:Report {uri: s.graph}) RETURN s.graph AS graph, s.digest AS digest, "
        "r.graphDigest AS stated")
    assert {r["graph"]: r["digest"] for r in records} == stated_digests(built)
    assert all(r["digest"] == r["stated"] for r in records) and len(records) == 2


def test_rebuilt_changed_report_is_the_only_one_synced(driver: Any, built: GraphStore, tiny_factory: Any) -> None:
    sync_to_neo4j(built, driver)
    changed = build(built, tiny_factory, SOURCES[1], comparator="≥")
    summary = sync_to_neo4j(built, driver)
    assert summary.updated == [changed] and summary.unchanged == 1 and summary.properties_set > 0
    build(built, tiny_factory, SOURCES[1], comparator="≥")
    assert not sync_to_neo4j(built, driver).changed


def test_store_without_digests_still_syncs(driver: Any, tiny_factory: Any) -> None:
    with open_store(memory=True) as old:
        for source in SOURCES:
            graph = report_graph(*tiny_factory(source=source))
            graph.remove((None, KG.graphDigest, None))
            old.replace_graph(graph)
        assert stated_digests(old) == {}
        first = sync_to_neo4j(old, driver)
        assert len(first.added) == 2
        assert not sync_to_neo4j(old, driver).changed
        graph = report_graph(*tiny_factory(source=SOURCES[0], place_name="徒骇河"))
        graph.remove((None, KG.graphDigest, None))
        old.replace_graph(graph)
        assert sync_to_neo4j(old, driver).updated == [str(graph.identifier)]


def test_rebuilding_a_store_from_before_digests_syncs_them(driver: Any, tiny_factory: Any) -> None:
    """Regression: an unchanged report rebuilt with its digest is synced once more, so its
    Neo4j node gets ``graphDigest`` too (the digest is not the hash of the graph without it)."""
    with open_store(memory=True) as store:
        graph = report_graph(*tiny_factory(source=SOURCES[0]))
        graph.remove((None, KG.graphDigest, None))
        store.replace_graph(graph)
        sync_to_neo4j(store, driver)
        name = build(store, tiny_factory, SOURCES[0])
        summary = sync_to_neo4j(store, driver)
        assert summary.updated == [name] and summary.properties_set > 0
        records, _, _ = driver.execute_query("MATCH (r:Report {uri: $uri}) RETURN r.graphDigest AS d", uri=name)
        assert records[0]["d"] == stated_digests(store)[name]
