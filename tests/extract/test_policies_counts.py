"""Tests of packages named by a quoted count and of plans reported as approved."""

from kg.extract.context import doc_context
from kg.extract.policies import find_policies


def _policies(report):
    return {p.title: p for p in find_policies(report, doc_context(report.meta), [])}


def test_quoted_count_keeps_its_subject_phrase(make_report) -> None:
    found = _policies(make_report("出台支持甲业带动就业“12条”政策，制定实施乙经济高质量发展“16条”。", part="plan"))
    assert set(found) == {"支持甲业带动就业“12条”政策", "乙经济高质量发展“16条”"}
    assert found["支持甲业带动就业“12条”政策"].status == "planned"
    assert found["乙经济高质量发展“16条”"].status == "planned"


def test_chinese_numeral_count_and_a_second_item(make_report) -> None:
    found = _policies(make_report("推出稳丙业“三十条”和支持丁业发展举措。", part="review"))
    assert set(found) == {"稳丙业“三十条”"}
    assert found["稳丙业“三十条”"].status == "issued"


def test_bare_counts_lists_and_kinds_are_not_titles(make_report) -> None:
    assert _policies(make_report("落实“26条”。出台稳戊业“21条”“18条”等政策。")) == {}


def test_plan_reported_as_approved_is_issued(make_report) -> None:
    found = _policies(make_report("甲乙地区国土空间规划获批实施，丙城总体规划获批。", part="plan"))
    assert set(found) == {"甲乙地区国土空间规划", "丙城总体规划"}
    assert {p.status for p in found.values()} == {"issued"}
    assert _policies(make_report("项目获批，各项规划获批后开工。")) == {}


def test_every_item_of_an_approved_list_is_issued(make_report) -> None:
    found = _policies(make_report("甲区海洋经济改革方案、乙区高质量发展实施方案获批。", part="plan"))
    assert set(found) == {"甲区海洋经济改革方案", "乙区高质量发展实施方案"}
    assert {p.status for p in found.values()} == {"issued"}
    assert _policies(make_report("甲区海洋经济改革方案、乙区高质量发展实施方案。")) == {}


def test_plan_reported_as_drawn_up_is_issued(make_report) -> None:
    found = _policies(make_report("甲乙都市圈产业协同规划完成编制，丙城旅游发展规划编制完成。", part="plan"))
    assert set(found) == {"甲乙都市圈产业协同规划", "丙城旅游发展规划"}
    assert {p.status for p in found.values()} == {"issued"}
    found = _policies(make_report("加快甲乙都市圈产业协同规划编制。", part="plan"))
    assert found["甲乙都市圈产业协同规划"].status == "planned"  # still being drawn up
