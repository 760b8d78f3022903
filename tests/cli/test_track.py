"""kg build on datasets, kg track and kg diff from the command line; one test on the real national corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.county import write_county_csv

NATIONAL = Path("/work/shared/corpus/national/government_work_reports.jsonl")


def test_build_dataset_with_a_bad_row_then_track_and_diff(tmp_path):
    data = write_county_csv(tmp_path / "county.csv", extra=[["2026年示例县政府工作报告", "2026", "示例县", "", " "]])
    store = str(tmp_path / "store")
    runner = CliRunner()
    built = runner.invoke(main, ["build", "-q", "--store", store, str(data)])
    assert built.exit_code == 1
    assert built.stderr.strip().splitlines() == [f"error: {data}:row 3: no text in column 'full_text'"]
    out = runner.invoke(main, ["track", "GDP", "--store", store, "--format", "json"])
    assert out.exit_code == 0, out.output
    years = json.loads(out.stdout)
    assert [(y["year"], y["verdict"]) for y in years] == [(2023, "unknown"), (2024, "missed"), (2025, "unknown")]
    assert set(years[1]) >= {"year", "target", "outcome", "verdict"}
    assert years[1]["target"]["value"] == 6 and years[1]["outcome"]["value"] == 5.5
    plot = tmp_path / "gdp.png"
    drawn = runner.invoke(main, ["track", "国内生产总值", "-j", "示例县", "--store", store, "--plot", str(plot)])
    assert drawn.exit_code == 0 and plot.read_bytes()[:4] == b"\x89PNG"
    diff = runner.invoke(main, ["diff", "2024年示例县", "2025年示例县", "--store", store, "--format", "csv"])
    assert diff.exit_code == 0, diff.output
    assert "生产总值,lowered,~6 %" in diff.stdout and "粮食产量,new" in diff.stdout
    none = runner.invoke(main, ["track", "国内生产总值", "-j", "别的县", "--store", store])
    assert none.exit_code == 1 and "no target or outcome" in none.output


def test_build_rejects_a_bad_column_mapping(tmp_path):
    data = write_county_csv(tmp_path / "county.csv")
    out = CliRunner().invoke(main, ["build", "--store", str(tmp_path / "s"), "--column", "place", str(data)])
    assert out.exit_code == 2 and "FIELD=COLUMN" in out.output


@pytest.mark.skipif(not NATIONAL.is_file(), reason="national corpus not available")
def test_national_reports_2023_to_2025(tmp_path):
    """Three State Council reports and their resolutions, as the public corpus publishes them."""
    rows = [line for line in NATIONAL.read_text(encoding="utf-8").splitlines()
            if str(json.loads(line).get("year")) in ("2023", "2024", "2025") or "第十四届" in json.loads(line)["title"]]
    subset = tmp_path / "government_work_reports.jsonl"
    subset.write_text("\n".join(rows) + "\n", encoding="utf-8")
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(main, ["build", "-q", "--store", store, str(subset)]).exit_code == 0
    years = {y["year"]: y for y in json.loads(runner.invoke(
        main, ["track", "国内生产总值", "-j", "中国", "--store", store, "--format", "json"]).stdout)}
    assert (years[2023]["target"]["value"], years[2023]["outcome"]["value"], years[2023]["verdict"]) == (5, 5.2, "met")
    assert (years[2024]["target"]["value"], years[2024]["outcome"]["value"], years[2024]["verdict"]) == (5, 5, "met")
    jobs = {y["year"]: y for y in json.loads(runner.invoke(
        main, ["track", "城镇新增就业", "-j", "中国", "--store", store, "--format", "json"]).stdout)}
    assert jobs[2024]["target"]["comparator"] == ">=" and jobs[2024]["outcome"]["value"] == 12560000
    cpi = {y["year"]: y for y in json.loads(runner.invoke(
        main, ["track", "居民消费价格", "-j", "中国", "--store", store, "--format", "json"]).stdout)}
    assert cpi[2024]["target"]["value"] == 3 and cpi[2024]["outcome"]["value"] == 0.2 and cpi[2024]["verdict"] == "met"
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?res kg:approves ?r } }"
    approves = runner.invoke(main, ["query", "--store", store, "-e", count, "--format", "csv"])
    assert approves.stdout.splitlines()[1] == "3"
