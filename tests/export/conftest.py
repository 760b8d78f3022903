"""Fixtures: an on-disk store of hand-made reports for the table exports."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.graph import report_graph
from tests.conftest import make_tiny
from tests.view.conftest import browser  # noqa: F401  (headless Chromium, shared)


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store folder holding the tiny report three times: a.txt and b.txt (东昌府区, 2023-01-07) and
    c.txt dated 2024-01-10."""
    from kg.store import open_store

    path = tmp_path_factory.mktemp("tables") / "store"
    with open_store(path) as store:
        store.ensure_ontology()
        for source in ("a.txt", "b.txt"):
            store.replace_graph(report_graph(*make_tiny(source)))
        report, extraction = make_tiny("c.txt")
        report = dataclasses.replace(report, meta=dataclasses.replace(report.meta, date="2024-01-10"))
        store.replace_graph(report_graph(report, extraction))
    return path
