"""Tests of running-text titles listed after one verb and joined by 和/及/与 after a kind (甲方案和乙纲要)."""

from kg.extract.context import doc_context
from kg.extract.policies import find_policies


def _policies(report):
    return {p.title: p for p in find_policies(report, doc_context(report.meta), [])}


def test_a_list_joined_after_a_kind_gives_its_last_title_the_shared_verb(make_report) -> None:
    text = "抓紧制定甲业体制改革总体方案和乙业发展纲要。落实区域协调发展战略和全国丙区规划。"
    found = _policies(make_report(text, part="plan"))
    assert set(found) == {"甲业体制改革总体方案", "乙业发展纲要", "全国丙区规划"}
    assert found["乙业发展纲要"].status == "planned"
    assert found["全国丙区规划"].status == "cited"
