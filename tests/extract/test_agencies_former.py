"""Tests of the former State Council bodies older reports name (国家计委, 第一机械工业部) and of the committees that
found a region's institutions (甲特别行政区基本法起草委员会)."""

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


def test_committees_founding_a_region_are_national_bodies() -> None:
    found = parse_agency_mentions("决定成立澳门特别行政区基本法起草委员会，香港特别行政区筹委会开始工作。")
    assert [(m.text, m.level, m.canonical) for m in found] == [
        ("澳门特别行政区基本法起草委员会", "national", "澳门特别行政区基本法起草委员会"),
        ("香港特别行政区筹委会", "national", "香港特别行政区筹备委员会"),
    ]


def test_a_regions_own_government_is_no_founding_committee() -> None:
    found = parse_agency_mentions("支持香港特别行政区政府依法施政。")
    assert [m.level for m in found] == [None]
