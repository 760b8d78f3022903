"""One sync at a time per database: a ``:SyncLock`` node under a uniqueness constraint.

Two syncs into the same database would both plan from the same state and write the same
nodes (into an empty one both ``CREATE`` them, and the second fails half way). So a sync
first creates the node ``(:SyncLock {name: 'sync'})``; the constraint on ``name`` lets only
one creation succeed, and the others wait (polling, up to ``wait`` seconds) and then refuse
with a one-line :class:`SyncLocked` naming the holder.

The node records the holder (``host``, ``pid``, ``started``) and a ``heartbeat`` that the
holder refreshes every :data:`HEARTBEAT_SECONDS` while it works, using the server's clock
so that machines with different clocks agree. A lock left by a sync that was killed is
taken over when its heartbeat is older than ``stale_after`` seconds (a holder on any host),
or at once when its holder ran on this host and that process is gone. Taking over
replaces the holder's ``token`` in one conditional write, so of two syncs taking over the
same stale lock only one wins.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from kg.errors import KgError

__all__ = [
    "DEFAULT_STALE_SECONDS",
    "DEFAULT_WAIT_SECONDS",
    "HEARTBEAT_SECONDS",
    "SYNC_LOCK",
    "SyncLocked",
    "is_stale",
    "sync_lock",
]

SYNC_LOCK = "SyncLock"
"""Label of the lock node: ``{name, host, pid, token, started, heartbeat}``."""

DEFAULT_WAIT_SECONDS = 30.0
DEFAULT_STALE_SECONDS = 120.0
HEARTBEAT_SECONDS = 10.0
_POLL_SECONDS = 0.5
_NAME = "sync"

_CREATE = (f"CREATE (l:{SYNC_LOCK} {{name: $name, host: $host, pid: $pid, token: $token, "
           "started: datetime(), heartbeat: datetime()})")
_HOLDER = (f"MATCH (l:{SYNC_LOCK} {{name: $name}}) RETURN l.host AS host, l.pid AS pid, l.token AS token, "
           "toString(l.started) AS started, duration.inSeconds(l.heartbeat, datetime()).seconds AS idle")
_TAKE_OVER = (f"MATCH (l:{SYNC_LOCK} {{name: $name, token: $old}}) SET l.host = $host, l.pid = $pid, "
              "l.token = $token, l.started = datetime(), l.heartbeat = datetime() RETURN count(l) AS taken")
_BEAT = f"MATCH (l:{SYNC_LOCK} {{name: $name, token: $token}}) SET l.heartbeat = datetime()"
_RELEASE = f"MATCH (l:{SYNC_LOCK} {{name: $name, token: $token}}) DELETE l"


class SyncLocked(KgError):
    """Another sync holds the lock and did not let go within the wait."""


def _ensure_constraint(driver: Any, *, database: str | None) -> None:
    """The uniqueness constraint that makes the lock a lock (two syncs may race to create it)."""
    from neo4j.exceptions import ClientError

    try:
        driver.execute_query(f"CREATE CONSTRAINT kg_sync_lock_name IF NOT EXISTS FOR (l:{SYNC_LOCK}) "
                             "REQUIRE l.name IS UNIQUE", database_=database)
    except ClientError as exc:
        if "AlreadyExists" not in (exc.code or ""):
            raise


def _try_create(driver: Any, holder: dict[str, Any], *, database: str | None) -> bool:
    from neo4j.exceptions import ConstraintError

    try:
        driver.execute_query(_CREATE, name=_NAME, **holder, database_=database)
    except ConstraintError:
        return False
    return True


def _holder(driver: Any, *, database: str | None) -> dict[str, Any] | None:
    records, _, _ = driver.execute_query(_HOLDER, name=_NAME, database_=database)
    return dict(records[0]) if records else None


def _process_gone(pid: Any) -> bool:
    """Whether no process ``pid`` runs on this host."""
    if not isinstance(pid, int) or pid <= 0:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # it runs, as another user
    return False


def is_stale(holder: dict[str, Any], *, host: str, stale_after: float) -> bool:
    """Whether a lock may be taken over: no heartbeat for ``stale_after`` seconds, or held by a
    process of this host that is gone."""
    if (holder.get("idle") or 0) >= stale_after:
        return True
    return holder.get("host") == host and holder.get("pid") != os.getpid() and _process_gone(holder.get("pid"))


def _take_over(driver: Any, old: dict[str, Any], holder: dict[str, Any], *, database: str | None) -> bool:
    records, _, _ = driver.execute_query(_TAKE_OVER, name=_NAME, old=old["token"], **holder, database_=database)
    return bool(records and records[0]["taken"])


def _acquire(driver: Any, holder: dict[str, Any], *, database: str | None, wait: float, stale_after: float) -> None:
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        if _try_create(driver, holder, database=database):
            return
        current = _holder(driver, database=database)
        if current is None:
            continue  # released between our create and our read
        if is_stale(current, host=holder["host"], stale_after=stale_after) and _take_over(
                driver, current, holder, database=database):
            return
        if time.monotonic() >= deadline:
            raise SyncLocked(f"another kg sync is writing to this database (host {current['host']}, pid "
                             f"{current['pid']}, since {current['started']}); waited {wait:g} s: try again "
                             "later or give --wait SECONDS")
        time.sleep(_POLL_SECONDS)


def _heartbeat(driver: Any, token: str, stop: threading.Event, *, database: str | None, every: float) -> None:
    """Refresh the lock's heartbeat until ``stop``; a failed refresh is retried on the next beat."""
    from neo4j.exceptions import DriverError, Neo4jError

    while not stop.wait(every):
        try:
            driver.execute_query(_BEAT, name=_NAME, token=token, database_=database)
        except (Neo4jError, DriverError, OSError):
            continue


@contextmanager
def sync_lock(driver: Any, *, database: str | None = None, wait: float = DEFAULT_WAIT_SECONDS,
              stale_after: float = DEFAULT_STALE_SECONDS, heartbeat: float = HEARTBEAT_SECONDS) -> Iterator[str]:
    """Hold the database's sync lock for the ``with`` block (yields the holder's token).

    Waits up to ``wait`` seconds for another sync to finish, then raises :class:`SyncLocked`.
    """
    _ensure_constraint(driver, database=database)
    holder = {"host": socket.gethostname(), "pid": os.getpid(), "token": uuid.uuid4().hex}
    _acquire(driver, holder, database=database, wait=wait, stale_after=stale_after)
    stop = threading.Event()
    beat = threading.Thread(target=_heartbeat, args=(driver, holder["token"], stop),
                            kwargs={"database": database, "every": heartbeat}, name="kg-sync-lock", daemon=True)
    beat.start()
    try:
        yield holder["token"]
    finally:
        stop.set()
        beat.join()
        _release(driver, holder["token"], database=database)


def _release(driver: Any, token: str, *, database: str | None) -> None:
    """Delete our lock node; if the server is unreachable the lock goes stale and is taken over."""
    from neo4j.exceptions import DriverError, Neo4jError

    with suppress(Neo4jError, DriverError, OSError):
        driver.execute_query(_RELEASE, name=_NAME, token=token, database_=database)
