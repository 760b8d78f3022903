"""Sync the RDF store into Neo4j: incremental, idempotent, safe to interrupt."""

from kg.sync.lock import SyncLocked
from kg.sync.owner import ForeignStore
from kg.sync.sync import DEFAULT_BATCH_SIZE, SyncSummary, sync_to_neo4j

__all__ = ["DEFAULT_BATCH_SIZE", "ForeignStore", "SyncLocked", "SyncSummary", "sync_to_neo4j"]
