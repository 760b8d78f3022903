"""Tests of the former State Council bodies older reports name (国家计委, 第一机械工业部)."""

from kg.extract.agencies import parse_agency_mentions


def _national(text: str) -> list[str]:
    return [m.text for m in parse_agency_mentions(text) if m.level == "national"]


def test_former_commissions_and_ministries_are_national_bodies() -> None:
    assert _national("国务院批准了国家计委、国家经委关于技术改造的报告。") == ["国务院", "国家计委", "国家经委"]
    assert _national("第一机械工业部和纺织工业部要抓紧新厂建设。") == ["第一机械工业部", "纺织工业部"]


def test_a_short_form_resolves_to_the_former_body() -> None:
    found = parse_agency_mentions("由国家科委会同有关部门制定规划。")
    assert [(m.text, m.canonical) for m in found] == [("国家科委", "国家科学技术委员会")]


def test_a_department_of_a_field_is_no_ministry() -> None:
    assert _national("铁道部门和商业部门要做好运输。") == []
