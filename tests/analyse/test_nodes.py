"""Node helpers: report look-up by file name, and an index that knows a store's reports."""

from __future__ import annotations

import pytest

from kg.analyse.nodes import find_report, index_graph
from kg.errors import KgError
from kg.graph.property_graph import Node, PropertyGraph

REPORTS = {"https://w3id.org/kg-cn/id/report/b": "b.txt", "https://w3id.org/kg-cn/id/report/a": "a.txt"}


def test_find_report_by_file_path_stem_or_iri():
    assert find_report(REPORTS, "a.txt") == "https://w3id.org/kg-cn/id/report/a"
    assert find_report(REPORTS, "reports/b.txt") == "https://w3id.org/kg-cn/id/report/b"
    assert find_report(REPORTS, "b") == "https://w3id.org/kg-cn/id/report/b"
    assert find_report(REPORTS, "https://w3id.org/kg-cn/id/report/a") == "https://w3id.org/kg-cn/id/report/a"
    with pytest.raises(KgError, match=r"c\.txt: no such report in the store \(reports: b\.txt, a\.txt\)"):
        find_report(REPORTS, "c.txt")


def test_index_of_part_of_a_store_knows_every_report():
    """A view projects a few nodes; their reports come from the store, not from the nodes."""
    node = Node("x", labels={"Agency"}, graphs={"https://w3id.org/kg-cn/id/report/b"})
    index = index_graph(PropertyGraph(nodes={"x": node}), reports=REPORTS)
    assert list(index.reports().values()) == ["a.txt", "b.txt"]
    assert index.report_names("x") == ["b.txt"]
    assert index.find_report("a") == "https://w3id.org/kg-cn/id/report/a"
    assert index_graph(PropertyGraph(nodes={"x": node})).reports() == {}
