"""Fixtures of the sync tests: an empty database, and a store holding the two small report graphs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kg.store import GraphStore, open_store
from tests.neo4j.server import wipe
from tests.sync.graphs import report_a, report_b


@pytest.fixture
def driver(neo4j_driver: Any) -> Any:
    """The shared test server, emptied."""
    wipe(neo4j_driver)
    return neo4j_driver


@pytest.fixture
def store() -> Iterator[GraphStore]:
    """An in-memory store holding report A and report B."""
    with open_store(memory=True) as s:
        s.replace_graph(report_a())
        s.replace_graph(report_b())
        yield s
