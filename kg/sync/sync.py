"""``sync_to_neo4j``: bring Neo4j in line with the RDF store, report by report.

Each report graph's digest is kept in a ``:SyncState`` node. A sync works only on dirty
reports (added, changed, removed, or left unfinished by a crashed sync): it reads what they
state from the store, reads what Neo4j holds for the same nodes, and writes the difference
in batched ``UNWIND $rows`` statements, one per label set or relationship type. A node
carries ``graphs``, the reports that state it, so a shared agency or place lives as long
as some report states it. Running the sync again without store changes writes nothing.

Into an empty database (the first load) nodes and relationships are ``CREATE``\\ d rather
than ``MERGE``\\ d, which is several times faster and safe because nothing exists yet.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kg.graph.property_graph import PropertyGraph, to_property_graph
from kg.sync.plan import Existing, SyncPlan, describe, plan_sync, report_quads, wanted_state
from kg.sync.rows import RESOURCE
from kg.sync.schema import ensure_schema
from kg.sync.state import forget_reports, mark_pending, mark_synced, report_digest, synced_digests

__all__ = ["DEFAULT_BATCH_SIZE", "SyncSummary", "sync_to_neo4j"]

DEFAULT_BATCH_SIZE = 10_000
_COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
             "properties_set", "labels_added", "labels_removed")


@dataclass
class SyncSummary:
    """What a sync changed: reports by outcome, Neo4j's own write counters, and time
    (``read_seconds`` of it spent reading the store and planning)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    labels_added: int = 0
    labels_removed: int = 0
    dropped_labels: list[str] = field(default_factory=list)
    seconds: float = 0.0
    read_seconds: float = 0.0

    @property
    def counters(self) -> dict[str, int]:
        """Neo4j's write counters summed over the sync."""
        return {name: getattr(self, name) for name in _COUNTERS}

    @property
    def changed(self) -> bool:
        return any(self.counters.values()) or bool(self.added or self.updated or self.removed)

    def add(self, counters: Any) -> None:
        for name in _COUNTERS:
            setattr(self, name, getattr(self, name) + getattr(counters, name))


def _batches(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _labels(prefix: str, labels: tuple[str, ...]) -> str:
    return f" {prefix} n:" + ":".join(labels) if labels else ""


def _statements(plan: SyncPlan, ids: dict[str, str]) -> Iterator[tuple[str, list[Any]]]:
    """(Cypher, rows) in write order; names in the text were checked by :mod:`kg.sync.rows`.

    On a first load, created nodes return their element ids (the caller fills ``ids``), and
    relationships find their ends by id rather than by two index lookups per row.
    """
    def match(kind: str) -> str:
        return f"UNWIND $rows AS row MATCH (:{RESOURCE} {{uri: row.s}})-[r:{kind}]->(:{RESOURCE} {{uri: row.o}})"

    for kind, rows in sorted(plan.edge_deletes.items()):
        yield match(kind) + " DELETE r", rows
    for kind, rows in sorted(plan.edge_updates.items()):
        yield match(kind) + " SET r.graphs = row.graphs", rows
    for (add, remove), rows in sorted(plan.node_upserts.items()):
        if plan.fresh:
            labels = ":".join((RESOURCE, *add))
            yield (f"UNWIND $rows AS row CREATE (n:{labels}) SET n = row.props "
                   "RETURN row.uri AS uri, elementId(n) AS id"), rows
        else:
            text = f"UNWIND $rows AS row MERGE (n:{RESOURCE} {{uri: row.uri}}) SET n = row.props"
            yield text + _labels("SET", add) + _labels("REMOVE", remove), rows
    for kind, rows in sorted(plan.edge_creates.items()):
        if plan.fresh:
            by_id = [{"s": ids[r["s"]], "o": ids[r["o"]], "graphs": r["graphs"]} for r in rows]
            yield ("UNWIND $rows AS row MATCH (s) WHERE elementId(s) = row.s MATCH (o) WHERE elementId(o) = row.o "
                   f"CREATE (s)-[:{kind} {{graphs: row.graphs}}]->(o)"), by_id
        else:
            yield (f"UNWIND $rows AS row MATCH (s:{RESOURCE} {{uri: row.s}}) MATCH (o:{RESOURCE} {{uri: row.o}}) "
                   f"MERGE (s)-[r:{kind}]->(o) SET r.graphs = row.graphs"), rows
    if plan.node_deletes:
        yield f"UNWIND $rows AS uri MATCH (n:{RESOURCE} {{uri: uri}}) DETACH DELETE n", plan.node_deletes


def _existing(driver: Any, uris: list[str], *, database: str | None, batch_size: int) -> Existing:
    from kg.neo4j.cypher import plain

    existing = Existing()
    for batch in _batches(uris, batch_size):
        records, _, _ = driver.execute_query(
            f"UNWIND $uris AS u MATCH (n:{RESOURCE} {{uri: u}}) "
            "RETURN u AS uri, labels(n) AS labels, properties(n) AS props, "
            f"[(n)-[r]->(o:{RESOURCE}) | [type(r), o.uri, r.graphs]] AS out",
            uris=batch, database_=database, routing_="r")
        for r in records:
            labels = sorted(x for x in r["labels"] if x != RESOURCE)
            existing.nodes[r["uri"]] = (labels, plain(r["props"]))
            for kind, target, graphs in r["out"]:
                existing.edges[(r["uri"], kind, target)] = sorted(graphs or [])
    return existing


def _stated_by(driver: Any, graphs: set[str], *, database: str | None) -> set[str]:
    records, _, _ = driver.execute_query(
        f"MATCH (n:{RESOURCE}) WHERE any(g IN n.graphs WHERE g IN $graphs) RETURN n.uri AS uri",
        graphs=sorted(graphs), database_=database, routing_="r")
    return {r["uri"] for r in records}


def _is_empty(driver: Any, *, database: str | None) -> bool:
    records, _, _ = driver.execute_query(f"MATCH (n:{RESOURCE}) RETURN n.uri LIMIT 1", database_=database,
                                         routing_="r")
    return not records


def _progress_bar(total: int, progress: bool | Callable[[int], None]) -> Any:
    """Something with ``update(rows)`` and ``close()``: a tqdm bar, the caller's callable, or nothing."""
    import sys

    from tqdm import tqdm

    if callable(progress):
        bar = tqdm(total=total, disable=True)
        bar.update = progress  # type: ignore[method-assign]
        return bar
    return tqdm(total=total, unit="row", desc="sync", file=sys.stderr, leave=False, disable=not progress)


def sync_to_neo4j(store: Any, driver: Any, *, database: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                  progress: bool | Callable[[int], None] = False) -> SyncSummary:
    """Make Neo4j hold the store's report graphs; write only what changed since the last sync.

    ``progress``: ``True`` for a bar on stderr, or a callable told the rows written after
    each batch. Safe to interrupt: the next sync completes the job.
    """
    started = time.perf_counter()
    summary = SyncSummary()
    ensure_schema(driver, database=database)
    current = {str(g): report_digest(store, g) for g in store.report_graphs()}
    fresh = _is_empty(driver, database=database)
    synced = {} if fresh else synced_digests(driver, database=database)
    changed = sorted(g for g, digest in current.items() if synced.get(g) != digest)
    removed = sorted(g for g in synced if g not in current)
    summary.unchanged = len(current) - len(changed)
    summary.added = [g for g in changed if g not in synced]
    summary.updated = [g for g in changed if g in synced]
    summary.removed = removed
    if not changed and not removed:
        summary.seconds = time.perf_counter() - started
        return summary
    mark_pending(driver, changed, database=database)
    pg = to_property_graph(report_quads(store, changed)) if changed else PropertyGraph()
    if fresh:
        wanted, existing = wanted_state(pg), Existing()
    else:
        affected = set(pg.nodes) | _stated_by(driver, set(changed) | set(removed), database=database)
        if len(changed) < len(current):
            pg = describe(store, affected, set(current))
        wanted = wanted_state(pg, only=affected)
        existing = _existing(driver, sorted(affected), database=database, batch_size=batch_size)
    plan = plan_sync(wanted, existing, fresh=fresh)
    summary.dropped_labels = sorted(wanted.dropped_labels)
    summary.read_seconds = time.perf_counter() - started
    bar = _progress_bar(plan.size, progress)
    ids: dict[str, str] = {}
    try:
        for text, rows in _statements(plan, ids):
            for batch in _batches(rows, batch_size):
                result = driver.execute_query(text, rows=batch, database_=database)
                summary.add(result.summary.counters)
                if "id" in result.keys:
                    ids.update((r["uri"], r["id"]) for r in result.records)
                bar.update(len(batch))
    finally:
        bar.close()
    mark_synced(driver, {g: current[g] for g in changed}, database=database)
    forget_reports(driver, removed, database=database)
    summary.seconds = time.perf_counter() - started
    return summary
