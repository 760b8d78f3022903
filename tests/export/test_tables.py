"""Flat tables: what a spreadsheet, pandas and openpyxl read back from kg export --format tables|xlsx."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from kg.cli import main
from kg.export.flat import TABLES, report_graphs, table_rows
from kg.export.spreadsheet import SPREADSHEET_TABLES, excel_text
from kg.query.filters import SourceFilter

TARGET_COLUMNS = ["report", "jurisdiction", "year", "indicator", "value", "value_max", "unit", "comparator", "role",
                  "deadline", "agency", "places", "section", "text", "sentence"]


@pytest.fixture(scope="module")
def store(tiny_store):
    from kg.store import open_store

    with open_store(tiny_store, read_only=True) as opened:
        yield opened


def test_targets_table_rows(store):
    rows = [dict(zip(TABLES["targets"].columns, r, strict=True)) for r in table_rows(store, "targets")]
    assert list(TABLES["targets"].columns) == TARGET_COLUMNS
    assert [r["report"] for r in rows] == ["a.txt"] * 3 + ["b.txt"] * 3 + ["c.txt"] * 3
    river = next(r for r in rows if r["report"] == "c.txt" and r["indicator"] == "河道整治")
    assert (river["jurisdiction"], river["year"], river["value"], river["unit"]) == ("东昌府区", 2024, 4, "条")
    assert river["deadline"] == dt.date(2023, 12, 31) and river["places"] == "班滑河"
    assert river["agency"] == "东昌府区水利局" and "班滑河" in river["sentence"]
    green = next(r for r in rows if r["indicator"] is None)
    assert (green["value"], green["value_max"], green["role"]) == (2.5, 3.5, "statistic")
    park = next(r for r in rows if r["indicator"] == "口袋公园")
    assert park["deadline"] == "2025"  # a year deadline stays a year


def test_several_places_are_one_sorted_cell(memory_store):
    from kg.graph import report_graph
    from tests.conftest import make_tiny

    report, extraction = make_tiny("p.txt")
    extraction.targets[0].places = ["班滑河", "东昌府区"]
    memory_store.replace_graph(report_graph(report, extraction))
    rows = list(table_rows(memory_store, "targets"))
    places = [r[TARGET_COLUMNS.index("places")] for r in rows if r[TARGET_COLUMNS.index("indicator")] == "河道整治"]
    assert places == ["东昌府区、班滑河"]


def test_report_graphs_filter(store):
    assert len(report_graphs(store)) == 3
    only = report_graphs(store, SourceFilter.of(years=["2024"]))
    assert len(only) == 1 and only[0].endswith("/c")
    assert {r[0] for r in table_rows(store, "targets", graphs=only)} == {"c.txt"}
    assert report_graphs(store, SourceFilter.of(jurisdictions=["聊城市"])) == []


def test_tables_csv_with_bom_reads_in_csv_and_pandas(runner, tiny_store, tmp_path):
    pandas = pytest.importorskip("pandas")
    out = tmp_path / "tables"
    result = runner.invoke(main, ["export", "--format", "tables", "--excel", "-o", str(out),
                                  "--store", str(tiny_store)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.csv" for n in SPREADSHEET_TABLES)
    raw = (out / "targets.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (out / "targets.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == TARGET_COLUMNS
    assert {r["value"] for r in rows} == {"4", "10", "2.5"}
    assert {r["comparator"] for r in rows} == {"'=", "~"}  # = quoted, so Excel never runs it as a formula
    frame = pandas.read_csv(out / "targets.csv", encoding="utf-8-sig")
    assert list(frame.columns) == TARGET_COLUMNS
    assert frame["value"].dtype.kind == "f" and sorted(set(frame["value"])) == [2.5, 4, 10]
    assert frame["year"].dtype.kind == "i" and set(frame["year"]) == {2023, 2024}
    reports = pandas.read_csv(out / "reports.csv", encoding="utf-8-sig", parse_dates=["date"])
    assert list(reports["report"]) == ["a.txt", "b.txt", "c.txt"]
    assert reports["date"].dt.year.tolist() == [2023, 2023, 2024]


def test_tables_without_excel_have_no_bom(runner, tiny_store, tmp_path):
    result = runner.invoke(main, ["export", "--format", "tables", "-o", str(tmp_path), "--store", str(tiny_store),
                                  "--report", "a.txt"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "reports.csv").read_text(encoding="utf-8")
    assert not text.startswith("\ufeff") and text.splitlines()[1].startswith("a.txt,东昌府区,2023,")
    assert len(text.splitlines()) == 2


def test_xlsx_sheets_typed_numbers_and_dates(runner, tiny_store, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "kg.xlsx"
    result = runner.invoke(main, ["export", "--format", "xlsx", "-o", str(path), "--store", str(tiny_store)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == list(SPREADSHEET_TABLES)
    sheet = book["targets"]
    header = [c.value for c in sheet[1]]
    assert header == TARGET_COLUMNS
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    river = next(r for r in rows if r["indicator"] == "河道整治")
    assert river["value"] == 4 and isinstance(river["value"], int) and river["year"] == 2023
    assert river["deadline"] == dt.datetime(2023, 12, 31)  # a date cell
    assert river["comparator"] == "=" and sheet.cell(2, header.index("comparator") + 1).data_type == "s"
    reports = book["reports"]
    assert reports["F2"].value == dt.datetime(2023, 1, 7) and reports["F2"].is_date


def test_flat_exports_need_an_output_and_a_matching_report(runner, tiny_store):
    for fmt in ("tables", "xlsx", "sqlite"):
        result = runner.invoke(main, ["export", "--format", fmt, "--store", str(tiny_store)])
        assert result.exit_code == 1 and "give -o" in result.output
    result = runner.invoke(main, ["export", "--format", "tables", "-o", "x", "--year", "1999", "--store",
                                  str(tiny_store)])
    assert result.exit_code == 1 and "no stored report passes" in result.output
    result = runner.invoke(main, ["export", "--format", "tables", "-o", "x", "--year", "明年", "--store",
                                  str(tiny_store)])
    assert result.exit_code == 2 and "four-digit year" in result.output


def test_csv_export_excel_bom(runner, tiny_store, tmp_path):
    result = runner.invoke(main, ["export", "--format", "csv", "--excel", "-o", str(tmp_path), "--store",
                                  str(tiny_store)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "nodes.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_query_json_keeps_numbers_and_csv_bom(runner, tiny_store):
    result = runner.invoke(main, ["query", "targets_due_by", "-p", "by=2025", "--format", "json", "--store",
                                  str(tiny_store)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["value"] for r in rows} == {4, 10} and all(isinstance(r["year"], int) for r in rows)
    assert {r["by"] for r in rows} == {"2025-12-31"}
    result = runner.invoke(main, ["query", "reports", "--format", "csv", "--excel", "--store", str(tiny_store)])
    assert result.stdout.startswith("\ufeffreport,")


@pytest.mark.parametrize(("text", "cell"), [
    ("=", "'="), ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+86 10", "'+86 10"), ("@user", "'@user"), ("-", "'-"),
    ("-5", "-5"), ("+2.5", "+2.5"), (">=", ">="), ("新建口袋公园10处", "新建口袋公园10处"), ("", ""),
])
def test_excel_text_quotes_what_excel_would_run_as_a_formula(text, cell):
    assert excel_text(text) == cell
