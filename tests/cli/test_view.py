"""``kg view``: the entry points from the command line, and one-line errors."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from kg.cli import main


def _data(path) -> dict:
    return json.loads(re.search(r"^var KG = (.*);$", path.read_text(encoding="utf-8"), re.MULTILINE).group(1))


def test_agency_and_place_views(example_store_dir, tmp_path):
    runner = CliRunner()
    out = tmp_path / "agency.html"
    result = runner.invoke(main, ["view", "--store", str(example_store_dir), "--agency", "城乡建设委员会",
                                  "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "agency '城乡建设委员会': 1 matched" in result.output and f"wrote {out}" in result.output
    assert _data(out)["table"]["rows"]
    out = tmp_path / "place.html"
    result = runner.invoke(main, ["view", "--store", str(example_store_dir), "--place", "南运河", "--hide-isolated",
                                  "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert {n["kind"] for n in _data(out)["nodes"]} >= {"Report", "Target"}
    result = runner.invoke(main, ["view", "--store", str(example_store_dir), "--place", "南运河", "--year", "2023",
                                  "--jurisdiction", "聊城", "-o", str(out)])
    assert result.exit_code == 0 and "place '南运河': 1 matched, 0 reports, 0 items" in result.output  # not 聊城's


def test_report_view_opens_folded(example_store_dir, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["view", "--store", str(example_store_dir), "--report",
                                       "liaocheng-2023-gov-report-part.txt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = _data(out)
    assert data["clusters"] and data["relations"] and not data["options"]["physics"]["enabled"]
    assert all("x" in n and "y" in n for n in data["nodes"])


def test_view_mistakes_are_one_line(example_store_dir, tmp_path):
    for args, message in ((["--agency", "不存在的局"], "no agency named like '不存在的局'"),
                          (["--agency", "局", "--place", "河"], "--agency and --place do not combine"),
                          (["--report", "liaocheng-2023-gov-report-part.txt", "--year", "2023"],
                           "not --report or --focus"),
                          (["--jurisdiction", "火星"], "no report in the store matches jurisdiction '火星'")):
        result = CliRunner().invoke(main, ["view", "--store", str(example_store_dir), "-o", str(tmp_path / "x.html"),
                                           *args])
        assert result.exit_code == 1 and "Traceback" not in result.output
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and message in lines[0], result.output
        assert not (tmp_path / "x.html").exists()
