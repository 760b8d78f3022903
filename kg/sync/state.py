"""The sync ledger: which report graphs Neo4j holds, and a digest of each one's content.

A report's digest is the SHA-256 of its sorted N-Triples, so any changed fact (not only
changed text) makes it dirty. A report being synced has ``digest = null`` in its
``:SyncState`` node; the digest is written only after all of its data is, so a sync that
dies half way leaves the report dirty and the next sync finishes it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from rdflib import URIRef

from kg.sync.schema import SYNC_STATE

__all__ = ["forget_reports", "mark_pending", "mark_synced", "report_digest", "report_digests", "synced_digests"]


def report_digest(store: Any, graph: URIRef | str) -> str:
    """SHA-256 of the report graph's sorted N-Triples lines (each ending in a newline)."""
    import pyoxigraph as ox

    lines = store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(graph))).splitlines()
    lines.sort()
    return hashlib.sha256(b"".join((b"\n".join(lines), b"\n" if lines else b""))).hexdigest()


def report_digests(store: Any) -> dict[str, str]:
    """Report graph IRI -> :func:`report_digest`, for every report graph in the store."""
    return {str(g): report_digest(store, g) for g in store.report_graphs()}


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
