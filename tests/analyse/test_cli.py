"""``kg analyze`` and ``kg view`` through click's runner."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kg.cli.analysis import analyze
from kg.cli.view import view


@pytest.fixture
def run(example_store):
    runner = CliRunner()

    def invoke(command, *args: str):
        return runner.invoke(command, [*args, "--store", str(example_store)], catch_exceptions=False)

    return invoke


def test_agencies_table_and_plot(run, tmp_path):
    result = run(analyze, "agencies", "--top", "5", "--plot", str(tmp_path / "a.png"))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["agency", "jurisdiction", "targets"]
    assert lines[-1] == "(5 rows)"
    assert (tmp_path / "a.png").stat().st_size > 10000


def test_agencies_json_by_betweenness(run):
    result = run(analyze, "agencies", "--by", "betweenness", "--format", "json")
    data = json.loads(result.stdout)
    assert data[0]["betweenness"] == max(r["betweenness"] for r in data)


def test_communities_json_keeps_lists(run):
    data = json.loads(run(analyze, "communities", "--format", "json").stdout)
    assert data and isinstance(data[0]["agencies"], list) and data[0]["size"] == len(data[0]["agencies"])


def test_places_csv(run):
    result = run(analyze, "places", "--top", "3", "--format", "csv")
    assert result.stdout.splitlines()[0] == "place,type,targets,commitments,mentions,reports,agencies"
    assert len(result.stdout.splitlines()) == 4


def test_compare_summary_and_error(run, tmp_path):
    result = run(analyze, "compare", "liaocheng-2023-gov-report-part.txt",
                 "examples/reports/liaocheng-dongchangfu-2023-gov-report.txt", "--summary", "--plot",
                 str(tmp_path / "c.svg"))
    assert result.exit_code == 0
    assert result.stdout.startswith("A = liaocheng-2023-gov-report-part.txt\nB = liaocheng-dongchangfu")
    assert "indicator" in result.stdout and (tmp_path / "c.svg").exists()
    bad = run(analyze, "compare", "nope.txt", "a.txt")
    assert bad.exit_code == 1 and "nope.txt: no such report" in bad.output


def test_projections_graphml(run, tmp_path):
    result = run(analyze, "projections", "--graphml", str(tmp_path / "g"), "--plot", str(tmp_path / "d.png"))
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "g").iterdir()) == [
        "agency-coresponsibility.graphml", "agency-target-place.graphml", "place-comention.graphml",
        "report-entity.graphml"]


def test_bad_plot_suffix(run, tmp_path):
    result = run(analyze, "places", "--plot", str(tmp_path / "x.jpg"))
    assert result.exit_code == 2 and ".png, .svg or .pdf" in result.output


def test_view_writes_a_page(run, tmp_path):
    out = tmp_path / "v.html"
    result = run(view, "--focus", "生态环境", "--depth", "1", "-o", str(out))
    assert result.exit_code == 0
    assert "matched 3 nodes" in result.stderr and f"wrote {out}" in result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_view_user_errors(run, tmp_path):
    assert "unknown type(s) Rivers" in run(view, "--types", "Agency,Rivers", "-o", str(tmp_path / "x.html")).output
    assert "no node named like" in run(view, "--focus", "不存在的部门", "-o", str(tmp_path / "x.html")).output


def test_view_of_one_report_and_unknown_report(run, tmp_path):
    out = tmp_path / "r.html"
    result = run(view, "--report", "examples/reports/liaocheng-2023-gov-report-part.txt", "--max-nodes", "40", "-o",
                 str(out))
    assert result.exit_code == 0, result.output
    shown = re.search(r"liaocheng-2023-gov-report-part.txt: 35 sections; showing 2 of (\d+) items", result.stderr)
    assert shown and f"left out {int(shown[1]) - 2}" in result.stderr  # the count moves with the extractors
    assert "(40 nodes," in result.stderr and out.exists()
    bad = run(view, "--report", "nope.txt", "-o", str(tmp_path / "n.html"))
    assert bad.exit_code == 1 and "nope.txt: no such report" in bad.output
    assert not (tmp_path / "n.html").exists()
