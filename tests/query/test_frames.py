"""kg.query_df: answers as pandas DataFrames with typed columns."""

from __future__ import annotations

import pytest

import kg
from kg.errors import KgError
from kg.graph import report_graph
from kg.query.library import ParamError
from tests.conftest import make_tiny

pd = pytest.importorskip("pandas")


@pytest.fixture
def store(memory_store):
    memory_store.ensure_ontology()
    for source in ("a.txt", "b.txt"):
        memory_store.replace_graph(report_graph(*make_tiny(source)))
    return memory_store


def test_query_df_types_numbers_and_dates(store):
    frame = kg.query_df("targets_due_by", {"by": "2025"}, store=store)
    assert list(frame.columns)[:3] == ["by", "due", "text"]
    assert frame["value"].dtype.kind in "if" and sorted(frame["value"]) == [4, 4, 10, 10]
    assert frame["due"].dtype.kind == "M" and frame["year"].dtype.kind == "i"
    assert set(frame["report"]) == {"a.txt", "b.txt"}


def test_query_df_filters_and_errors(store):
    only = kg.query_df("targets_by_indicator", {"indicator": "口袋"}, store=store, report="b.txt")
    assert only["report"].tolist() == ["b.txt"] and only["value"].tolist() == [10]
    with pytest.raises(ParamError, match=r"^targets_due_by: missing parameter by"):
        kg.query_df("targets_due_by", store=store)
    ranking = kg.query_df("agencies_by_targets", store=store, report="a.txt")  # counted within a.txt
    assert ranking.set_index("agency")["reports"].to_dict() == {"东昌府区水利局": 1, "东昌府区住房和城乡建设局": 1}
    with pytest.raises(KgError, match="four-digit year"):
        kg.query_df("reports", store=store, year="明年")


def test_query_df_inline_sparql(store):
    frame = kg.query_df("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?t a kg:Target } }", store=store)
    assert frame["n"].tolist() == [6]
