"""Which store a Neo4j database belongs to, so a sync never deletes another store's reports.

A sync makes the database hold exactly the reports of one store: reports it synced before
and the store no longer has are deleted. That is right for the store that wrote them and
wrong for any other, so each database records its owner in one ``:SyncOwner`` node
(``{store, path, host, since}``; ``store`` is the stable id of
:meth:`kg.store.GraphStore.store_id`). A sync from the owner goes ahead; a sync from another
store raises :class:`ForeignStore` before writing anything, unless told to ``replace`` (take
the database over: the other store's reports go, this store's come). A new store in the
owner's folder on the owner's host (the store deleted and built again) is its successor. A database synced
before owners were recorded is adopted when that deletes nothing (every report it holds is
in this store), else refused the same way.

Neo4j Community has one user database per server, so the honest ways to keep two stores are
a server each (``kg neo4j start --data DIR --port P``) or, on Enterprise or Aura, a database
each (``--database NAME``).
"""

from __future__ import annotations

import socket
from collections.abc import Iterable
from typing import Any

from kg.errors import KgError, one_line

__all__ = ["SYNC_OWNER", "ForeignStore", "claim_database", "database_owner"]

SYNC_OWNER = "SyncOwner"
"""Label of the node naming the store a database belongs to: ``{store, path, host, since}``."""


class ForeignStore(KgError):
    """The database holds reports another store synced; this sync would delete them."""


def database_owner(driver: Any, *, database: str | None = None) -> dict[str, Any] | None:
    """The ``:SyncOwner`` node's properties (``store``, ``path``, ``host``), or ``None``."""
    records, _, _ = driver.execute_query(
        f"MATCH (o:{SYNC_OWNER}) RETURN o.store AS store, o.path AS path, o.host AS host LIMIT 1",
        database_=database, routing_="r")
    return dict(records[0]) if records else None


def claim_database(driver: Any, store_id: str, store_path: str | None, *, synced: Iterable[str],
                   current: Iterable[str], replace: bool = False, database: str | None = None) -> None:
    """Record this store as the database's owner, or raise :class:`ForeignStore` (writing nothing).

    ``synced``: report graphs the database holds; ``current``: those the store holds.
    """
    owner = database_owner(driver, database=database)
    if owner and owner["store"] == store_id:
        if owner.get("path") != store_path:
            _set_owner(driver, store_id, store_path, database=database)
        return
    successor = bool(owner and store_path and owner.get("path") == store_path
                     and owner.get("host") == socket.gethostname())  # the owner's folder, deleted and built again
    held = sorted(synced)
    lost = sorted(set(held) - set(current))
    if not replace and not successor and held and (owner or lost):
        raise ForeignStore(_refusal(owner, len(held), lost, database))
    _set_owner(driver, store_id, store_path, database=database)


def _set_owner(driver: Any, store_id: str, store_path: str | None, *, database: str | None) -> None:
    driver.execute_query(
        f"OPTIONAL MATCH (old:{SYNC_OWNER}) DETACH DELETE old WITH count(*) AS dropped "
        f"CREATE (:{SYNC_OWNER} {{store: $store, path: $path, host: $host, since: datetime()}})",
        store=store_id, path=store_path, host=socket.gethostname(), database_=database)


def _refusal(owner: dict[str, Any] | None, held: int, lost: list[str], database: str | None) -> str:
    """One line: whose the database is, that nothing changed, and the three ways on."""
    where = f"database {database!r}" if database else "the Neo4j database"
    if owner:
        origin = f"another store ({one_line(str(owner.get('path') or '?'))} on {owner.get('host') or '?'})"
    else:
        origin = f"a store it cannot name (synced before kg recorded owners; this store lacks {len(lost)} of them)"
    return (f"{where} holds {held} report{'s' if held != 1 else ''} synced from {origin}; nothing was changed. "
            "Keep both: sync into a server of this project's own (kg neo4j start --data DIR --port P, then "
            "kg sync --data DIR) or, on Enterprise/Aura, another database (--database NAME); "
            "or take this one over, deleting those reports: kg sync --replace")
