"""The Neo4j schema the sync relies on: unique ``uri``, the sync ledger, a Chinese name index.

``kg_names`` is a full-text index with Lucene's ``cjk`` analyzer (character bigrams), so
``CALL db.index.fulltext.queryNodes('kg_names', '发展改革')`` finds 聊城市发展改革委.
"""

from __future__ import annotations

from typing import Any

from kg.sync.rows import RESOURCE

__all__ = ["FULLTEXT_INDEX", "FULLTEXT_PROPERTIES", "SYNC_STATE", "ensure_schema"]

SYNC_STATE = "SyncState"
"""Label of the ledger nodes: one per synced report graph, ``{graph, digest, synced}``."""

FULLTEXT_INDEX = "kg_names"
FULLTEXT_PROPERTIES = ("prefLabel_zh", "altLabel_zh", "label_zh", "title_zh", "mention_zh", "indicator_zh",
                       "text_zh")


def ensure_schema(driver: Any, *, database: str | None = None, fulltext: bool = True, wait: bool = True) -> None:
    """Create the constraints and (unless not ``fulltext``) the full-text index if missing, and
    (if ``wait``) wait until they are online; safe to repeat.

    A first load creates the full-text index after the nodes: building it once is cheaper
    than updating it in every batch, and it builds while the relationships are written.
    """
    statements = [
        f"CREATE CONSTRAINT kg_resource_uri IF NOT EXISTS FOR (n:{RESOURCE}) REQUIRE n.uri IS UNIQUE",
        f"CREATE CONSTRAINT kg_sync_state_graph IF NOT EXISTS FOR (s:{SYNC_STATE}) REQUIRE s.graph IS UNIQUE",
    ]
    for statement in statements:
        driver.execute_query(statement, database_=database)
    if fulltext:
        _ensure_fulltext(driver, database=database)
    if wait:
        driver.execute_query("CALL db.awaitIndexes(300)", database_=database)  # MATCH by uri needs the index online


def _ensure_fulltext(driver: Any, *, database: str | None) -> None:
    """Create ``kg_names`` if missing, or again if its properties changed."""
    records, _, _ = driver.execute_query(
        "SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = $name RETURN properties",
        name=FULLTEXT_INDEX, database_=database)
    if records and list(records[0]["properties"]) != list(FULLTEXT_PROPERTIES):
        driver.execute_query(f"DROP INDEX {FULLTEXT_INDEX}", database_=database)
        records = []
    if not records:
        fields = ", ".join(f"n.{name}" for name in FULLTEXT_PROPERTIES)
        driver.execute_query(
            f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{RESOURCE}) ON EACH [{fields}] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}", database_=database)
