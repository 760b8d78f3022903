"""Tests of the enterprises named before the division of their project (字号 + 行政区划 + product + 项目)."""

from kg.extract.organizations import organization_names


def test_each_listed_firm_before_its_plant_place() -> None:
    assert organization_names("推进湘电岳阳、湘投株洲等一批储能项目建成投产。") == ["湘电", "湘投"]


def test_a_firm_before_its_place_and_capacity() -> None:
    assert organization_names("焱磊衡阳200万吨煤制油项目开工建设。") == ["焱磊"]


def test_a_later_phase_at_the_firms_base() -> None:
    assert organization_names("提速湘钢岳阳基地二期等重大项目。") == ["湘钢"]


def test_a_place_and_an_industry_word_name_a_firm() -> None:
    assert organization_names("推进湖南电气衡阳、湘投株洲等项目。") == ["湖南电气", "湘投"]


def test_two_divisions_ranges_and_lines_name_no_firm() -> None:
    assert organization_names("推动长沙岳阳等一批项目。") == []
    assert organization_names("建好株洲至衡阳、岳阳至常德等高速公路项目。") == []
    assert organization_names("推进沪昆高铁株洲段等重大项目。") == []


def test_a_verb_or_a_common_word_before_the_place_is_no_firm() -> None:
    assert organization_names("建成投用株洲东站等项目。") == []
    assert organization_names("推动时代株洲动力电池项目。") == []


def test_no_project_head_no_firm() -> None:
    assert organization_names("湘电岳阳发展很快，产能全国领先。") == []


def test_a_determiner_before_a_region_is_no_firm() -> None:
    assert organization_names("实施新一轮东北地区等老工业基地振兴战略。") == []
