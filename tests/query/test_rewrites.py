"""Library queries rewritten for speed give the rows of their straightforward form, in the same order.

The straightforward forms are kept in ``tests/query/reference/``; each is run with the same
parameters as the library query, on the example reports and on hand-made reports (one without
a jurisdiction, whose rows sort first).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kg.graph import report_graph
from kg.query import QueryFile, load_queries
from kg.query.library import select_rows
from tests.conftest import QUERIES, make_tiny

REFERENCE = Path(__file__).parent / "reference"
LIBRARY = load_queries(QUERIES)


def _same(store, name: str, params: dict[str, str]) -> list[list]:
    """The rows of the library query and of its reference form, which must be equal; the rows."""
    new = LIBRARY[name]
    old = QueryFile.read(REFERENCE / f"{name}.rq")
    new_columns, new_rows = select_rows(store, new.text, {k: v for k, v in params.items() if k in new.params})
    old_columns, old_rows = select_rows(store, old.text, {k: v for k, v in params.items() if k in old.params})
    new_rows, old_rows = list(new_rows), list(old_rows)
    assert new_columns == old_columns
    assert new_rows == old_rows
    return new_rows


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """Three hand-made reports: two with a jurisdiction (2023, 2024) and one without."""
    from kg.store import open_store

    with open_store(memory=True) as store:
        store.ensure_ontology()
        store.replace_graph(report_graph(*make_tiny("b.txt")))
        report, extraction = make_tiny("a.txt")
        report = dataclasses.replace(report, meta=dataclasses.replace(report.meta, date="2024-01-10"))
        store.replace_graph(report_graph(report, extraction))
        report, extraction = make_tiny("c.txt")
        report = dataclasses.replace(report, meta=dataclasses.replace(report.meta, jurisdiction=None))
        store.replace_graph(report_graph(report, extraction))
        yield store


def test_reference_forms_are_the_rewritten_queries():
    assert {p.stem for p in REFERENCE.glob("*.rq")} <= set(LIBRARY)
    for path in REFERENCE.glob("*.rq"):
        assert QueryFile.read(path).text != LIBRARY[path.stem].text, path.stem


@pytest.mark.parametrize("by", ["2022", "2023-06", "2023-12-31", "2025", "2030"])
def test_targets_due_by_as_before(example_store, mixed, by):
    rows = _same(example_store, "targets_due_by", {"by": by}) + _same(mixed, "targets_due_by", {"by": by})
    assert rows or by < "2023-12"


def test_policies_by_agency_as_before(example_store, mixed):
    assert _same(example_store, "policies_by_agency", {})
    assert _same(mixed, "policies_by_agency", {})


@pytest.mark.parametrize("word", ["老旧小区", "公园", "河", "率", "不存在的指标"])
def test_indicator_across_reports_as_before(example_store, mixed, word):
    _same(example_store, "indicator_across_reports", {"word": word})
    rows = _same(mixed, "indicator_across_reports", {"word": word})
    if word in ("公园", "河"):  # the report without a jurisdiction sorts first
        assert rows[0][6] is None and rows[-1][6] == "东昌府区"


def _indicators(store) -> list[str]:
    """Some indicators the store's targets name (sorted, every fifth), for the track query."""
    _, rows = select_rows(store, "SELECT DISTINCT ?i WHERE { GRAPH ?g { ?t kg:indicator ?i } } ORDER BY ?i")
    return [row[0] for row in rows][::5]


def test_indicator_track_as_before(example_store, mixed):
    found = 0
    for store in (example_store, mixed):
        for indicator in [*_indicators(store)[:12], "城镇新增就业", "口袋公园"]:
            found += len(_same(store, "indicator_track", {"indicator": indicator}))
            for place in ("聊城市", "东昌府区"):
                _same(store, "indicator_track", {"indicator": indicator, "place": place})
    assert found  # some indicator had rows


@pytest.mark.parametrize("word", ["老旧小区", "公园", "河", "率", "不存在的指标"])
def test_targets_by_indicator_as_before(example_store, mixed, word):
    _same(example_store, "targets_by_indicator", {"indicator": word})
    rows = _same(mixed, "targets_by_indicator", {"indicator": word})
    if word == "公园":
        assert len(rows) == 3  # one best match per report
