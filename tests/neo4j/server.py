"""One real Neo4j for the whole test session, started like ``kg neo4j start`` does.

Both ``tests/neo4j`` and ``tests/sync`` use it; it starts on first use (temp data folder,
free port) and stops when the last user releases it at the end of the session. Without
Java or Maven the tests skip, except under CI (``$CI`` set), where they fail.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from kg.neo4j import connect, free_port, start_server, stop_server

__all__ = ["free_port", "require_java_and_maven", "shared_server", "wipe"]

_state: dict[str, Any] = {"users": 0}


def require_java_and_maven() -> None:
    """Skip (or fail under CI) when the launcher cannot be built here."""
    missing = [tool for tool in ("java", "mvn") if not shutil.which(tool)]
    if missing:
        message = f"Neo4j tests need {' and '.join(missing)} on PATH"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@contextmanager
def shared_server() -> Iterator[Any]:
    """A driver to the session's server; the server stops when the last user is done."""
    require_java_and_maven()
    if _state["users"] == 0:
        folder = Path(tempfile.mkdtemp(prefix="kg-neo4j-test-"))
        status = start_server(folder / "data", port=free_port(), heap="1g")
        try:
            driver = connect(data=status.data)
        except BaseException:
            stop_server(status.data)
            raise
        _state.update(folder=folder, status=status, driver=driver)
    _state["users"] += 1
    try:
        yield _state["driver"]
    finally:
        _state["users"] -= 1
        if _state["users"] == 0:
            _state["driver"].close()
            stop_server(_state["status"].data)
            shutil.rmtree(_state["folder"], ignore_errors=True)


def server_status() -> Any:
    return _state["status"]


def wipe(driver: Any) -> None:
    """Empty the database (data and sync ledger; the schema stays)."""
    with driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
