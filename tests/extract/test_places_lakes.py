"""Tests of lakes whose name is also a county's or district's short name (the lake outside that county's province)."""

from kg.extract.model import DocContext
from kg.extract.places import place_mentions


def _names(text: str, province: str | None = None) -> list[tuple[str, str]]:
    ctx = DocContext(jurisdiction=province, level="province") if province else None
    return [(m.name, m.type) for m in place_mentions(text, ctx)]


def test_a_lake_named_like_a_county_of_another_province_is_the_lake() -> None:
    assert _names("推进太湖综合治理，太湖湖体水质达良好。", "浙江省") == [("太湖", "Lake"), ("太湖", "Lake")]
    assert ("太湖", "Lake") in _names("统筹推进太湖、巢湖蓝藻防控。", "江苏省")
    assert ("巢湖", "Lake") in _names("统筹推进太湖、巢湖蓝藻防控。", "江苏省")


def test_a_national_report_reads_the_lakes() -> None:
    assert _names("治理淮河、太湖污染初见成效。") == [("淮河", "River"), ("太湖", "Lake")]


def test_in_the_county_s_own_province_the_word_stays_the_county() -> None:
    assert _names("支持太湖县发展茶叶产业，太湖加快建设县城。", "安徽省") == [("太湖县", "County"), ("太湖", "County")]
    assert _names("洪湖推进水产品精深加工。", "湖北省") == [("洪湖", "County")]


def test_a_lake_whose_short_name_is_never_the_district_is_the_lake_everywhere() -> None:
    assert _names("保护西湖、南湖水质。", "浙江省") == [("西湖", "Lake"), ("南湖", "Lake")]


def test_a_city_named_after_a_lake_stays_the_city() -> None:
    assert _names("支持芜湖建设省域副中心城市。", "江苏省") == [("芜湖", "City")]


def test_a_lake_word_opening_a_lab_or_forum_is_no_lake() -> None:
    assert _names("支持紫金山、太湖等实验室建设，办好东湖论坛。", "江苏省") == []


def test_a_river_named_like_a_county_elsewhere_needs_a_word_of_its_course() -> None:
    assert _names("全面建成嫩江干流应急治理工程。", "吉林省") == [("嫩江", "River")]
    assert _names("学习推广晋江经验，支持晋江建设。", "江苏省") == []
    assert _names("嫩江推进黑土地保护。", "黑龙江省") == [("嫩江", "County")]


def test_a_river_named_by_a_compass_direction_is_a_river_before_a_word_of_its_course() -> None:
    assert _names("发挥西江黄金水道和北江航道作用，北江干流水质保持优良。") == [
        ("西江", "River"),
        ("北江", "River"),
        ("北江", "River"),
    ]
    assert _names("支持西江千户苗寨创建旅游景区，建成南站、东路。") == []


def test_a_word_by_the_water_or_the_end_of_a_cut_name_is_no_water_body() -> None:
    assert _names("治理提升两江四岸滨江岸线，削减通江支流污染负荷。", "重庆市") == []
    assert ("龙湖", "Lake") not in _names("杞麓湖、异龙湖实现脱劣。", "云南省")
