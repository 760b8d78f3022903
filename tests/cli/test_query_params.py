"""kg query with typed parameters, --help of a library query, source filters and exit codes."""

from __future__ import annotations

import dataclasses
import json

import pytest

from kg.cli import main
from kg.graph import report_graph
from tests.conftest import make_tiny


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    """A store of the tiny report as a.txt (2023) and c.txt (dated 2024)."""
    from kg.store import open_store

    path = tmp_path_factory.mktemp("query-params") / "store"
    with open_store(path) as store:
        store.ensure_ontology()
        store.replace_graph(report_graph(*make_tiny("a.txt")))
        report, extraction = make_tiny("c.txt")
        report = dataclasses.replace(report, meta=dataclasses.replace(report.meta, date="2024-01-10"))
        store.replace_graph(report_graph(report, extraction))
    return str(path)


def _one_error_line(result) -> str:
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize(("args", "words"), [
    ([], "targets_about_place: missing parameter place (-p NAME=VALUE); it takes place (place, required)"),
    (["-p", "plac=班滑河"], "targets_about_place: unknown parameter plac; it takes place (place, required)"),
])
def test_missing_or_unknown_parameter_exits_2(runner, store_dir, args, words):
    result = runner.invoke(main, ["query", "targets_about_place", *args, "--store", store_dir])
    assert result.exit_code == 2
    assert _one_error_line(result) == f"Error: {words}"


def test_wrongly_typed_date_exits_2(runner, store_dir):
    result = runner.invoke(main, ["query", "targets_due_by", "-p", "by=明年", "--store", store_dir])
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "targets_due_by: by='明年' is not a date" in line and "by (date, required)" in line


def test_query_without_parameters_refuses_one(runner, store_dir):
    result = runner.invoke(main, ["query", "reports", "-p", "year=2023", "--store", store_dir])
    assert result.exit_code == 2 and "reports: unknown parameter year; it takes no parameters" in result.stderr


def test_a_year_is_due_by_its_end(runner, store_dir):
    def texts(by: str) -> list[str]:
        result = runner.invoke(main, ["query", "targets_due_by", "-p", f"by={by}", "--format", "json",
                                      "--store", store_dir])
        assert result.exit_code == 0, result.output
        return sorted((r["report"], r["text"]) for r in json.loads(result.stdout))

    assert texts("2025") == texts("2025-12-31") == texts("2025-12")
    assert len(texts("2025")) == 4 and len(texts("2023")) == 2
    assert texts("2023-12-30") == []


def test_place_parameter_gets_its_language_tag(runner, store_dir):
    result = runner.invoke(main, ["query", "targets_about_place", "-p", "place=班滑河", "--format", "json",
                                  "--store", store_dir])
    assert {(r["report"], r["jurisdiction"], r["year"]) for r in json.loads(result.stdout)} == {
        ("a.txt", "东昌府区", 2023), ("c.txt", "东昌府区", 2024)}


def test_library_query_help_lists_its_parameters(runner):
    result = runner.invoke(main, ["query", "targets_due_by", "--help"])
    assert result.exit_code == 0
    assert "by (date, required): the last day" in result.stdout and "(example: 2023-12-31)" in result.stdout
    assert "kg query targets_due_by -p by=2023-12-31" in result.stdout
    plain = runner.invoke(main, ["query", "--help"])
    assert "--jurisdiction" in plain.stdout and "Parameters (-p" not in plain.stdout


def test_list_shows_typed_parameters(runner):
    result = runner.invoke(main, ["query", "--list", "--format", "json"])
    rows = {(r["name"], r["language"]): r["params"] for r in json.loads(result.stdout)}
    assert rows[("targets_about_place", "sparql")] == "place (place, required)"
    assert rows[("shortest_path_agency_place", "cypher")] == "agency (agency, required), place (place, required)"
    assert rows[("targets_by_indicator", "sparql")] == "indicator (text, required)"


def test_source_filters(runner, store_dir):
    def reports(*args: str) -> list[str]:
        result = runner.invoke(main, ["query", "targets_by_indicator", "-p", "indicator=口袋", *args,
                                      "--format", "json", "--store", store_dir])
        assert result.exit_code == 0, result.output
        return [r["report"] for r in json.loads(result.stdout)]

    assert reports() == ["a.txt", "c.txt"]
    assert reports("--year", "2024") == ["c.txt"]
    assert reports("--report", "a.txt") == ["a.txt"]
    assert reports("--jurisdiction", "东昌府区", "--year", "2023", "--year", "2024") == ["a.txt", "c.txt"]
    assert reports("--jurisdiction", "聊城市") == []
    bad = runner.invoke(main, ["query", "reports", "--year", "明年", "--store", store_dir])
    assert bad.exit_code == 2 and "four-digit year" in bad.stderr


def test_filtered_ranking_counts_within_the_kept_reports(runner, store_dir):
    def ranking(*args: str) -> dict:
        result = runner.invoke(main, ["query", "agencies_by_targets", *args, "--format", "json", "--store", store_dir])
        assert result.exit_code == 0, result.output
        return {r["agency"]: (r["targets"], r["reports"]) for r in json.loads(result.stdout)}

    assert ranking()["东昌府区水利局"] == (2, 2)
    assert ranking("--year", "2024") == {"东昌府区水利局": (1, 1), "东昌府区住房和城乡建设局": (1, 1)}
    assert ranking("--report", "nope.txt") == {}


def test_analyze_takes_source_filters(runner, store_dir):
    both = runner.invoke(main, ["analyze", "places", "--format", "json", "--store", store_dir])
    one = runner.invoke(main, ["analyze", "places", "--format", "json", "--year", "2024", "--store", store_dir])
    assert both.exit_code == one.exit_code == 0, one.output
    reports = {r["place"]: r["reports"] for r in json.loads(both.stdout)}
    assert reports["班滑河"] == 2 and {r["place"]: r["reports"] for r in json.loads(one.stdout)}["班滑河"] == 1
    none = runner.invoke(main, ["analyze", "agencies", "--jurisdiction", "不存在", "--store", store_dir])
    assert none.exit_code == 1 and "no stored report passes" in none.stderr
