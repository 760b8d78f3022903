"""Tests of programmes building a city's international role (甲市国际航运中心建设), one per role listed."""

from kg.extract.plans import plan_names


def test_a_city_role_and_its_building_are_a_programme_named_with_the_city() -> None:
    assert plan_names("推动厦门国际航运中心建设，发展海洋经济。") == ["厦门国际航运中心建设"]
    assert plan_names("积极参与广州（粤港澳）国际科技创新中心建设。") == ["广州（粤港澳）国际科技创新中心建设"]


def test_roles_listed_before_one_building_are_one_programme_each() -> None:
    names = plan_names("支持成都推进国际门户枢纽城市、国际消费中心城市、全球研发中心城市建设。")
    assert names == ["国际消费中心城市建设", "全球研发中心城市建设"]


def test_a_document_or_pilot_of_the_role_is_no_such_programme() -> None:
    assert "国际科技创新中心建设" not in plan_names("出台共建国际科技创新中心建设方案。")
    assert plan_names("启动交通大学国际化区域创新中心建设。") == []
