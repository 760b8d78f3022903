"""Tests of the organisation finder."""

from kg.extract.organizations import organization_names


def test_list_before_key_enterprises() -> None:
    assert organization_names("围绕甲汽、乙客、丙化等重点企业发展") == ["甲汽", "乙客", "丙化"]


def test_suffix_names_and_peoples_organisations() -> None:
    text = "由市执法局、供电公司负责；支持工会、共青团、妇联参与，引进某某能源集团"
    assert organization_names(text) == ["供电公司", "工会", "共青团", "妇联", "某某能源集团"]


def test_generic_hospitals_are_not_organisations() -> None:
    assert organization_names("基层医院资源闲置，公立医院改革") == []
