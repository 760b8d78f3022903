"""Library queries rewritten for speed give the rows of their straightforward form, in the same order.

The straightforward forms are kept in ``tests/query/reference/``; each is run with the same
parameters as the library query, on the example reports and on hand-made reports (one without
a jurisdiction, whose rows sort first). A query whose rows may tie on its sort key (one target
about two places, with two values in its text) is compared as the same rows whose sort keys
come in the same order: SPARQL promises no order among ties, and the staged queries find tied
rows in another order than the one-pass forms did.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from kg.graph import report_graph
from kg.query import QueryFile, load_queries
from kg.query.library import select_rows
from tests.conftest import QUERIES, make_tiny

REFERENCE = Path(__file__).parent / "reference"
LIBRARY = load_queries(QUERIES)


def _same(store, name: str, params: dict[str, str], key: tuple[str, ...] = ()) -> list[list]:
    """The rows of the library query and of its reference form, which must be equal (with ``key``,
    the columns of the sort key: the same rows, their keys in the same order); the rows."""
    new = LIBRARY[name]
    old = QueryFile.read(REFERENCE / f"{name}.rq")
    new_columns, new_rows = select_rows(store, new.text, {k: v for k, v in params.items() if k in new.params})
    old_columns, old_rows = select_rows(store, old.text, {k: v for k, v in params.items() if k in old.params})
    new_rows, old_rows = list(new_rows), list(old_rows)
    assert new_columns == old_columns
    if not key:
        assert new_rows == old_rows
        return new_rows
    assert Counter(map(repr, new_rows)) == Counter(map(repr, old_rows))
    at = [new_columns.index(column) for column in key]
    assert [[row[i] for i in at] for row in new_rows] == [[row[i] for i in at] for row in old_rows]
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


@pytest.fixture(scope="module")
def deadlines():
    """Hand-made reports whose targets are due on days written every way: a date, a month
    (February of a leap year and of another), a year, and days that end no month."""
    from kg.store import open_store

    forms = [("2024-02", "2023-02", "2024"), ("2024-02-28", "2023-06-15", "2023-06"),
             ("2024-02-29", "2023-06-30", "2023-12")]
    with open_store(memory=True) as store:
        store.ensure_ontology()
        for n, days in enumerate(forms):
            report, extraction = make_tiny(f"d{n}.txt")
            targets = [dataclasses.replace(t, deadline=day) for t, day in zip(extraction.targets, days, strict=True)]
            store.replace_graph(report_graph(report, dataclasses.replace(extraction, targets=targets)))
        yield store


def test_reference_forms_are_the_rewritten_queries():
    assert {p.stem for p in REFERENCE.glob("*.rq")} <= set(LIBRARY)
    for path in REFERENCE.glob("*.rq"):
        assert QueryFile.read(path).text != LIBRARY[path.stem].text, path.stem


@pytest.mark.parametrize("by", ["2022", "2023-06", "2023-12-31", "2025", "2030"])
def test_targets_due_by_as_before(example_store, mixed, by):
    key = ("due", "report", "text")
    rows = _same(example_store, "targets_due_by", {"by": by}, key) + _same(mixed, "targets_due_by", {"by": by}, key)
    assert rows or by < "2023-12"


@pytest.mark.parametrize("by", ["2023-02-28", "2023-06-15", "2023-06-30", "2023-12-31", "2024-02-28", "2024-02-29",
                                "2024-12-31"])
def test_targets_due_by_as_before_for_every_way_of_writing_a_day(deadlines, by):
    rows = _same(deadlines, "targets_due_by", {"by": by}, ("due", "report", "text"))
    assert {str(row[1]) for row in rows} <= {"2023-02-28", "2023-06-15", "2023-06-30", "2023-12-31", "2024-02-28",
                                             "2024-02-29", "2024-12-31"}
    if by == "2024-02-29":  # the month of a leap February is due on its 29th, with the day written so
        assert sum(str(row[1]) == "2024-02-29" for row in rows) == 2


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


@pytest.mark.parametrize("place", ["东昌府区", "聊城市", "班滑河", "山东省", "没有的地方"])
def test_targets_about_place_as_before(example_store, mixed, place):
    key = ("report", "text")
    rows = _same(example_store, "targets_about_place", {"place": place}, key)
    rows += _same(mixed, "targets_about_place", {"place": place}, key)
    assert rows or place == "没有的地方"


def test_reports_as_before(example_store, mixed, deadlines):
    for store in (example_store, mixed, deadlines):
        assert _same(store, "reports", {})


def test_possibly_same_policies_as_before(example_store, mixed):
    assert _same(example_store, "possibly_same_policies", {}, ("title", "report"))
    assert _same(mixed, "possibly_same_policies", {}, ("title", "report"))
