"""Run Cypher with Bolt parameters and return plain Python rows.

The ``queries/*.cypher`` library is read by :mod:`kg.query.library`, like the SPARQL one.
Values are sent as Bolt parameters, never pasted into the query text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

__all__ = ["plain", "run_cypher"]


def plain(value: Any) -> Any:
    """A Bolt value as plain Python: nodes and relationships as property dicts, temporal
    values as ``datetime`` objects, paths as lists of node names."""
    from neo4j.graph import Node, Relationship
    from neo4j.graph import Path as GraphPath

    if isinstance(value, Node | Relationship):
        return {k: plain(v) for k, v in dict(value).items()}
    if isinstance(value, GraphPath):
        return [plain(n).get("prefLabel_zh") or plain(n).get("uri") for n in value.nodes]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    to_native = getattr(value, "to_native", None)
    if callable(to_native) and not isinstance(value, dt.date):
        return to_native()
    return value


def run_cypher(driver: Any, text: str, params: Mapping[str, Any] | None = None, *,
               database: str | None = None) -> tuple[list[str], list[list[Any]]]:
    """Run Cypher with ``params`` bound; return column names and rows of plain values.

    A server or driver error (bad Cypher, a Lucene syntax error, a lost connection) is a
    one-line :class:`~kg.errors.KgError`."""
    from neo4j.exceptions import DriverError, Neo4jError

    from kg.errors import KgError
    from kg.neo4j.connect import driver_message

    try:
        records, _, keys = driver.execute_query(text, dict(params or {}), database_=database)
    except (Neo4jError, DriverError) as exc:
        raise KgError(f"Cypher: {driver_message(exc)}") from None
    return list(keys), [[plain(v) for v in record.values()] for record in records]
