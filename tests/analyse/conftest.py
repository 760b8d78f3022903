"""Fixtures: the example graph (built once per session) and two small hand-made reports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.analyse.nodes import GraphIndex
from kg.analyse.projections import ensure_index
from kg.graph.property_graph import property_graph
from kg.store import open_store
from tests.analyse.graphs import ReportGraph, build_examples, small_reports


@pytest.fixture(scope="session")
def example_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store folder holding the five example reports."""
    return build_examples(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def example_index(example_store: Path) -> GraphIndex:
    with open_store(example_store, read_only=True) as store:
        return ensure_index(property_graph(store))


@pytest.fixture
def small() -> Iterator[tuple[GraphIndex, ReportGraph, ReportGraph]]:
    """The two hand-made reports of :func:`small_reports`, indexed."""
    with open_store(memory=True) as store:
        a, b = small_reports(store)
        yield ensure_index(property_graph(store)), a, b
