"""``sync_to_neo4j``: bring Neo4j in line with the RDF store, report by report.

Each report graph states a digest of its content (``kg:graphDigest``, written by ``kg build``
with the graph; see :mod:`kg.sync.state`), and the digest last synced is kept in a
``:SyncState`` node, so finding what changed reads one literal per report, not the graphs. A
sync works only on dirty reports (added, changed, removed, or left unfinished by a crashed
sync): it reads what they state from the store, reads what Neo4j holds for the same nodes,
and writes the difference in batched ``UNWIND $rows`` statements, one per kind of write. A
node carries ``graphs``, the reports that state it, so a shared agency or place lives as
long as some report states it. Running the sync again without store changes writes nothing.

Labels and relationship types travel as parameters (``CREATE (n:$(row.labels))``, Cypher of
Neo4j 5.26), so each kind of write is one statement: Neo4j plans it once and batches stay
full whatever the mix of labels.

Into an empty database (the first load) nodes and relationships are created (``CREATE``)
rather than merged (``MERGE``), which is several times faster and safe because nothing exists yet. It
is pipelined: writer threads (``workers``) send batches while this one prepares the next rows (node
rows while the first nodes are written, relationship rows while the rest are, the report
digests while the relationships are); created nodes' element ids come back as one list per
batch, so relationships find their ends without index lookups; the full-text index is
built once, while the relationships are written, instead of updated by every batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from kg.graph.property_graph import PropertyGraph, describe, property_graph
from kg.sync.lock import DEFAULT_WAIT_SECONDS, sync_lock
from kg.sync.owner import claim_database
from kg.sync.plan import (
    Existing,
    SyncPlan,
    Wanted,
    node_row,
    plan_edges,
    plan_sync,
    stated_nodes,
    wanted_edges,
    wanted_state,
)
from kg.sync.rows import RESOURCE
from kg.sync.schema import ensure_schema
from kg.sync.state import forget_reports, mark_pending, mark_synced, report_digests, synced_digests

__all__ = ["DEFAULT_BATCH_SIZE", "DEFAULT_WORKERS", "SyncSummary", "sync_to_neo4j"]

DEFAULT_BATCH_SIZE = 5_000
DEFAULT_WORKERS = 2
_COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
             "properties_set", "labels_added", "labels_removed")


@dataclass
class SyncSummary:
    """What a sync changed: reports by outcome, Neo4j's own write counters, and time
    (``read_seconds`` of it before the first write: reading the store and planning, which a
    first load goes on with while Neo4j writes)."""

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


class _Rows(list):
    """A batch of parameter rows whose ``repr`` is short: the driver formats a debug line
    with the ``repr`` of every parameter on each run, even with debug logging off, which
    for a batch of 10,000 nodes costs as much as sending it."""

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def _batches(rows: Iterable[Any], size: int) -> Iterator[_Rows]:
    rows = iter(rows)
    while batch := _Rows(islice(rows, size)):
        yield batch


_NODE_CREATE = ("UNWIND $rows AS row CREATE (n:$(row.labels)) SET n += row.props "
                "RETURN collect(row.uri) AS uris, collect(elementId(n)) AS ids")
_NODE_MERGE = (f"UNWIND $rows AS row MERGE (n:{RESOURCE} {{uri: row.uri}}) "
               "SET n = row.props, n:$(row.labels) REMOVE n:$(row.remove)")
_EDGE_MATCH = f"UNWIND $rows AS row MATCH (:{RESOURCE} {{uri: row.s}})-[r:$(row.type)]->(:{RESOURCE} {{uri: row.o}})"
_EDGE_MERGE = (f"UNWIND $rows AS row MATCH (s:{RESOURCE} {{uri: row.s}}) MATCH (o:{RESOURCE} {{uri: row.o}}) "
               "MERGE (s)-[r:$(row.type)]->(o) SET r.graphs = row.graphs")
_EDGE_CREATE_BY_ID = ("UNWIND $rows AS row MATCH (s) WHERE elementId(s) = row[0] MATCH (o) WHERE elementId(o) = row[1] "
                      "CREATE (s)-[:$(row[2]) {graphs: row[3]}]->(o)")
_NODE_DELETE = f"UNWIND $rows AS uri MATCH (n:{RESOURCE} {{uri: uri}}) DETACH DELETE n"

Step = list[tuple[str, Iterable[Any]]]
"""(Cypher, rows) pairs whose batches may run in any order and at once."""


def _steps(plan: SyncPlan) -> Iterator[Step]:
    """An update's steps in write order. Labels and types are parameters, checked by
    :mod:`kg.sync.rows`; the Cypher text names nothing but the fixed ``Resource``."""
    yield [(_EDGE_MATCH + " DELETE r", plan.edge_deletes)]
    yield [(_EDGE_MATCH + " SET r.graphs = row.graphs", plan.edge_updates)]
    yield [(_NODE_MERGE, plan.node_upserts)]
    yield [(_EDGE_MERGE, plan.edge_creates)]
    yield [(_NODE_DELETE, plan.node_deletes)]


class _Writer:
    """Writes steps in batches on ``workers`` threads, and tallies what they wrote.

    :meth:`start` queues a step's batches and returns at once, so the caller can prepare
    the next step while Neo4j writes; :meth:`finish` waits for them. Results are taken in
    the caller's thread: counters, new node ids, progress (which may raise to stop). Leaving
    the ``with`` block on an error drops the batches not yet started.
    """

    def __init__(self, driver: Any, *, database: str | None, batch_size: int, workers: int, summary: SyncSummary,
                 bar: Any) -> None:
        self.pool = ThreadPoolExecutor(max(1, workers), thread_name_prefix="kg-sync")
        self.driver, self.database, self.batch_size = driver, database, batch_size
        self.summary, self.bar = summary, bar
        self.ids: dict[str, str] = {}
        self.first_write: float | None = None
        self._running: list[tuple[Future[Any], int]] = []

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: Any) -> None:
        if kind is not None:
            self._drop(self._running)
        self.pool.shutdown()

    def _run(self, text: str, rows: _Rows) -> Any:
        return self.driver.execute_query(text, rows=rows, database_=self.database)

    def start(self, step: Step) -> None:
        """Queue every batch of ``step``, each as soon as its rows are made (rows may be a
        generator: Neo4j writes the first batch while the next is prepared)."""
        for text, rows in step:
            for batch in _batches(rows, self.batch_size):
                if self.first_write is None:
                    self.first_write = time.perf_counter()
                self._running.append((self.pool.submit(self._run, text, batch), len(batch)))

    def finish(self) -> None:
        """Wait for the queued batches; on the first failure drop the rest and raise it."""
        running = self._running
        try:
            for future, rows in running:
                self._tally(future.result(), rows)
        except BaseException:
            self._drop(running)
            raise
        finally:
            self._running = []

    @staticmethod
    def _drop(running: list[tuple[Future[Any], int]]) -> None:
        for future, _ in running:
            future.cancel()
        wait([future for future, _ in running])

    def write(self, step: Step) -> None:
        self.start(step)
        self.finish()

    def expect(self, rows: int) -> None:
        """Tell the progress bar how many rows the whole sync writes."""
        self.bar.total = rows
        self.bar.refresh()

    def _tally(self, result: Any, rows: int) -> None:
        self.summary.add(result.summary.counters)
        if "ids" in result.keys:
            record = result.records[0]
            self.ids.update(zip(record["uris"], record["ids"], strict=True))
        self.bar.update(rows)


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


def _first_load(store: Any, driver: Any, writer: _Writer, changed: list[str], *, database: str | None) -> set[str]:
    """Load ``changed`` into an empty database; returns the labels left out.

    Node rows are made while Neo4j creates the first ones, relationship rows while it
    creates the rest; the full-text index builds while it creates the relationships,
    which are left queued (``writer.finish()``).
    """
    pg = property_graph(store, graphs=changed)
    wanted, plan = Wanted(), SyncPlan()
    writer.start([(_NODE_CREATE, (node_row(*wanted.add_node(node)) for node in stated_nodes(pg)))])
    wanted.edges = wanted_edges(pg, wanted.nodes)
    del pg
    plan_edges(plan, wanted, Existing())
    writer.expect(len(wanted.nodes) + plan.size)
    writer.finish()
    ensure_schema(driver, database=database, wait=False)
    writer.start([(_EDGE_CREATE_BY_ID, _by_id(plan.edge_creates, writer.ids))])
    return wanted.dropped_labels


def _by_id(edges: list[dict[str, Any]], ids: dict[str, str]) -> Iterator[list[Any]]:
    """Relationship rows for :data:`_EDGE_CREATE_BY_ID`: ends as element ids."""
    return ([ids[r["s"]], ids[r["o"]], r["type"], r["graphs"]] for r in edges)


def _update(store: Any, driver: Any, writer: _Writer, changed: list[str], removed: list[str], current: set[str], *,
            database: str | None, batch_size: int) -> set[str]:
    """Bring the nodes of dirty reports up to date; returns the labels left out."""
    pg = property_graph(store, graphs=changed) if changed else PropertyGraph()
    affected = set(pg.nodes) | _stated_by(driver, set(changed) | set(removed), database=database)
    if len(changed) < len(current):
        pg = describe(store, affected, current)
    wanted = wanted_state(pg, only=affected)
    existing = _existing(driver, sorted(affected), database=database, batch_size=batch_size)
    plan = plan_sync(wanted, existing)
    writer.expect(plan.size)
    for step in _steps(plan):
        writer.write(step)
    return wanted.dropped_labels


def sync_to_neo4j(store: Any, driver: Any, *, database: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                  progress: bool | Callable[[int], None] = False, workers: int = DEFAULT_WORKERS,
                  wait: float = DEFAULT_WAIT_SECONDS, replace: bool = False) -> SyncSummary:
    """Make Neo4j hold the store's report graphs; write only what changed since the last sync.

    ``progress``: ``True`` for a bar on stderr, or a callable told the rows written after
    each batch. ``workers``: batches written at once. Safe to interrupt: the next sync
    completes the job. One sync at a time writes to a database (:mod:`kg.sync.lock`): a
    second one waits up to ``wait`` seconds for the first, then raises
    :class:`~kg.sync.lock.SyncLocked`. A database holding reports that another store synced is
    left alone (:class:`~kg.sync.owner.ForeignStore`) unless ``replace``: then this store takes it
    over and those reports are deleted (:mod:`kg.sync.owner`).
    """
    with sync_lock(driver, database=database, wait=wait):
        return _sync(store, driver, database=database, batch_size=batch_size, progress=progress, workers=workers,
                     replace=replace)


def _sync(store: Any, driver: Any, *, database: str | None, batch_size: int, progress: bool | Callable[[int], None],
          workers: int, replace: bool = False) -> SyncSummary:
    """:func:`sync_to_neo4j` under the lock."""
    started = time.perf_counter()
    summary = SyncSummary()
    ensure_schema(driver, database=database, fulltext=False)
    fresh = _is_empty(driver, database=database)
    if not fresh:
        ensure_schema(driver, database=database)  # a first load builds the full-text index at the end
    current = dict.fromkeys(str(g) for g in store.report_graphs()) if fresh else report_digests(store)
    synced = {} if fresh else synced_digests(driver, database=database)
    claim_database(driver, store.store_id(), str(store.path.resolve()) if store.path else None, synced=synced,
                   current=current, replace=replace, database=database)
    changed = sorted(g for g, digest in current.items() if fresh or synced.get(g) != digest)
    removed = sorted(g for g in synced if g not in current)
    summary.unchanged = len(current) - len(changed)
    summary.added = [g for g in changed if g not in synced]
    summary.updated = [g for g in changed if g in synced]
    summary.removed = removed
    if not changed and not removed:
        summary.seconds = time.perf_counter() - started
        return summary
    mark_pending(driver, changed, database=database)
    bar = _progress_bar(0, progress)
    try:
        with _Writer(driver, database=database, batch_size=batch_size, workers=workers, summary=summary,
                     bar=bar) as writer:
            if fresh:
                dropped = _first_load(store, driver, writer, changed, database=database)
                current = report_digests(store)  # while Neo4j writes the relationships
            else:
                dropped = _update(store, driver, writer, changed, removed, set(current), database=database,
                                  batch_size=batch_size)
            writer.finish()
    finally:
        bar.close()
    summary.dropped_labels = sorted(dropped)
    summary.read_seconds = (writer.first_write or time.perf_counter()) - started
    if fresh:
        ensure_schema(driver, database=database)
    mark_synced(driver, {g: current[g] for g in changed}, database=database)
    forget_reports(driver, removed, database=database)
    summary.seconds = time.perf_counter() - started
    return summary
