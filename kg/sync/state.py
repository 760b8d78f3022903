"""The sync ledger: which report graphs Neo4j holds, and a digest of each one's content.

A report graph's digest is the ``kg:graphDigest`` it states, which ``kg build`` writes with
the graph (:func:`kg.graph.build.graph_digest`: SHA-256 of its sorted N-Triples lines), so
any changed fact (not only changed text) changes it, and reading the digests of every report
is one index lookup. A graph that states none (a store built before digests were) is hashed
as it is stored (:func:`report_digest`). A graph changed other than by ``kg build`` (a SPARQL
update) must have its ``kg:graphDigest`` rewritten or dropped, or the sync misses the change.

A report being synced has ``digest = null`` in its ``:SyncState`` node; the digest is
written only after all of its data is, so a sync that dies half way leaves the report dirty
and the next sync finishes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rdflib import URIRef

from kg.graph.build import graph_digest
from kg.graph.vocab import KG
from kg.sync.schema import SYNC_STATE

__all__ = [
    "forget_reports",
    "mark_pending",
    "mark_synced",
    "report_digest",
    "report_digests",
    "stated_digests",
    "synced_digests",
]


def report_digest(store: Any, graph: URIRef | str) -> str:
    """SHA-256 of the report graph's sorted N-Triples lines, as stored (each ending in a newline).

    For a graph without ``kg:graphDigest``; for one with it, hashing with its value emptied
    gives that value.
    """
    return graph_digest(store.dump_graph(URIRef(str(graph))).split("\n")[:-1])


def stated_digests(store: Any) -> dict[str, str]:
    """Graph IRI -> the ``kg:graphDigest`` its report node states, for every graph stating one."""
    return store.report_literals(KG.graphDigest)


def report_digests(store: Any) -> dict[str, str]:
    """Report graph IRI -> digest, for every report graph in the store: the one it states,
    else :func:`report_digest`."""
    stated = stated_digests(store)
    return {str(g): stated.get(str(g)) or report_digest(store, g) for g in store.report_graphs()}


def synced_digests(driver: Any, *, database: str | None = None) -> dict[str, str | None]:
    """Report graph IRI -> digest last synced (``None`` while a sync of it is unfinished)."""
    records, _, _ = driver.execute_query(f"MATCH (s:{SYNC_STATE}) RETURN s.graph AS graph, s.digest AS digest",
                                         database_=database)
    return {r["graph"]: r["digest"] for r in records}


def mark_pending(driver: Any, graphs: Iterable[str], *, database: str | None = None) -> None:
    """Record that these graphs are being synced (their old digest no longer holds)."""
    driver.execute_query(f"UNWIND $graphs AS g MERGE (s:{SYNC_STATE} {{graph: g}}) SET s.digest = null",
                         graphs=sorted(graphs), database_=database)


def mark_synced(driver: Any, digests: dict[str, str], *, database: str | None = None) -> None:
    """Record the digests of graphs whose data is now fully written."""
    rows = [{"graph": g, "digest": d} for g, d in sorted(digests.items())]
    driver.execute_query(
        f"UNWIND $rows AS row MERGE (s:{SYNC_STATE} {{graph: row.graph}}) "
        "SET s.digest = row.digest, s.synced = datetime()", rows=rows, database_=database)


def forget_reports(driver: Any, graphs: Iterable[str], *, database: str | None = None) -> None:
    """Drop the ledger entries of removed reports (after their data is deleted)."""
    driver.execute_query(f"UNWIND $graphs AS g MATCH (s:{SYNC_STATE} {{graph: g}}) DELETE s",
                         graphs=sorted(graphs), database_=database)
