"""kg track's answers and verdicts, and kg diff's target changes, on reports written for the test."""

from __future__ import annotations

import pytest

from kg.analyse.compare import target_changes
from kg.analyse.track import Figure, indicator_key, promise, track_indicator, verdict
from kg.build import build
from kg.extract.targets import indicator_direction
from kg.graph.property_graph import property_graph
from kg.store import open_store
from tests.county import write_county_csv


@pytest.fixture(scope="module")
def county_store(tmp_path_factory):
    path = write_county_csv(tmp_path_factory.mktemp("county") / "county.csv")
    store = open_store(memory=True)
    result = build([path], store)
    assert result.ok and len(result.built) == 2
    yield store
    store.close()


def _target(value, comparator="~", value_max=None, unit="%"):
    return Figure(value, unit, "", "", value_max, comparator)


def _outcome(value, unit="%"):
    return Figure(value, unit, "", "")


def test_indicator_wordings_find_the_standard_indicator():
    assert indicator_key("国内生产总值") == indicator_key("GDP") == indicator_key("经济增长") == "生产总值"
    assert indicator_key("居民消费价格") == "居民消费价格涨幅"
    assert indicator_direction("生产总值") == "up" and indicator_direction("居民消费价格涨幅") == "down"
    assert indicator_direction("城镇调查失业率") == "down"


@pytest.mark.parametrize(("target", "got", "direction", "expected"), [
    (_target(5), 5.2, "up", "met"),  # within 5% of 5
    (_target(5), 4.8, "up", "met"),
    (_target(5), 4.7, "up", "missed"),
    (_target(5), 9.0, "up", "met"),  # beyond in the good direction
    (_target(3), 0.2, "down", "met"),  # prices: lower is better
    (_target(3), 3.5, "down", "missed"),
    (_target(6, ">="), 5.9, "up", "missed"),
    (_target(6, ">="), 6.0, "up", "met"),
    (_target(4.5, "<="), 4.5, "down", "met"),
    (_target(4.5, "<="), 4.6, "down", "missed"),
    (_target(6, "=", 6.5), 6.1, "up", "met"),  # a range: inside
    (_target(6, "=", 6.5), 7.0, "up", "met"),  # above it, good
    (_target(6, "=", 6.5), 5.9, "up", "missed"),
    (_target(6, "=", 6.5), 7.0, None, "missed"),  # no known direction: only inside counts
])
def test_verdict_rules(target, got, direction, expected):
    assert verdict(target, _outcome(got), direction) == expected


def _row(text: str, value: float, comparator: str = "=", value_max: float | None = None) -> dict:
    return {"text": text, "value": value, "valueMax": value_max, "comparator": comparator, "unit": "%",
            "role": "change", "sentence": f"今年{text}。", "report": "r.txt", "offset": 0}


@pytest.mark.parametrize(("target", "value", "comparator", "outcome", "got", "expected"), [
    ("单位生产总值能耗降低2.5%左右", 2.5, "~", "单位生产总值能耗降低3%", 3, "met"),  # a steeper fall is better
    ("单位生产总值能耗降低2.5%左右", 2.5, "~", "单位生产总值能耗降低1%", 1, "missed"),
    ("单位生产总值能耗下降3%以上", 3, ">=", "单位生产总值能耗下降3.5%", 3.5, "met"),  # 以上 of a fall: at least it
    ("单位生产总值能耗下降3%以上", 3, ">=", "单位生产总值能耗下降2%", 2, "missed"),
    ("单位生产总值能耗下降3%以上", 3, ">=", "单位生产总值能耗上升1%", 1, "missed"),  # a rise against a fall
])
def test_a_fall_stated_by_its_size_is_signed(target, value, comparator, outcome, got, expected):
    promised = promise([_row(target, value, comparator)], 2025)
    assert promised.value == -value
    assert verdict(promised, promise([_row(outcome, got)], 2025), "down") == expected


def test_a_fall_to_a_level_is_the_level():
    assert promise([_row("城镇调查失业率下降到5%", 5)], 2025).value == 5
    assert promise([_row("城镇调查失业率降至5.5%左右", 5.5, "~")], 2025).value == 5.5


def test_verdict_unknown_without_target_outcome_or_same_unit():
    assert verdict(None, _outcome(5), "up") == verdict(_target(5), None, "up") == "unknown"
    assert verdict(_target(5), _outcome(5, unit="元"), "up") == "unknown"


def test_track_gdp_year_by_year(county_store):
    years = track_indicator(county_store, "国内生产总值", jurisdiction="示例县")
    assert [(y.year, y.verdict) for y in years] == [(2023, "unknown"), (2024, "missed"), (2025, "unknown")]
    y2023, y2024, y2025 = years
    assert y2023.target is None and y2023.outcome.value == 6.2 and y2023.note == "no 2023 report"
    assert (y2024.target.value, y2024.target.comparator, y2024.outcome.value) == (6.0, "~", 5.5)
    assert "地区生产总值增长6%左右" in y2024.target.sentence and "增长5.5%" in y2024.outcome.sentence
    assert y2024.target.report.endswith("2024年示例县政府工作报告@2024")
    assert y2024.outcome.report.endswith("2025年示例县政府工作报告@2025")
    assert y2025.outcome is None and y2025.note == "no 2026 report to give the outcome"
    assert y2024.as_dict()["target"] == {"value": 6.0, "value_max": None, "comparator": "~", "unit": "%",
                                         "sentence": y2024.target.sentence, "report": y2024.target.report}


def test_track_jobs_and_prices(county_store):
    jobs = {y.year: y for y in track_indicator(county_store, "城镇新增就业")}
    assert (jobs[2024].target.value, jobs[2024].target.comparator, jobs[2024].outcome.value) == (2000, ">=", 2300)
    assert jobs[2024].verdict == "met"
    prices = {y.year: y for y in track_indicator(county_store, "居民消费价格", start=2024, end=2024)}
    assert list(prices) == [2024] and prices[2024].verdict == "met" and prices[2024].outcome.value == 0.5


def test_track_other_place_finds_nothing(county_store):
    assert track_indicator(county_store, "国内生产总值", jurisdiction="别的县") == []


def test_diff_lists_targets_kept_lowered_new_and_dropped(county_store):
    a, b = "county.csv#2024年示例县政府工作报告@2024", "county.csv#2025年示例县政府工作报告@2025"
    changes = {c.indicator: c for c in target_changes(property_graph(county_store), a, b)}
    assert {k: c.change for k, c in changes.items()} == {"生产总值": "lowered", "城镇新增就业": "kept",
                                                         "居民消费价格涨幅": "dropped", "粮食产量": "new"}
    assert changes["生产总值"].b.value == 5.5 and "5.5%左右" in changes["生产总值"].b.sentence
    assert changes["粮食产量"].a is None and changes["居民消费价格涨幅"].b is None
    assert len(target_changes(property_graph(county_store), a, b, standard=True)) == 4
