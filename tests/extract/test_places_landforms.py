"""Tests of landforms, water works, airports and inland ports named after a place (甲盆地, 乙水利枢纽, 丙陆港)."""

import pytest

from kg.extract.places import place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


def test_basins_plains_plateaus_peninsulas_deltas_and_straits_are_areas() -> None:
    assert _names("保护四川盆地、汾河平原、云贵高原、胶东半岛、珠江三角洲、三峡库区和台湾海峡生态。") == [
        ("四川盆地", "Area"),
        ("汾河平原", "Area"),
        ("云贵高原", "Area"),
        ("胶东半岛", "Area"),
        ("珠江三角洲", "Area"),
        ("三峡库区", "Area"),
        ("台湾海峡", "Area"),
    ]


def test_a_landform_named_after_a_city_does_not_name_the_city() -> None:
    assert _names("加强太原盆地生态保护。") == [("太原盆地", "Area")]


def test_a_place_word_opening_on_a_numeral_is_no_count() -> None:
    assert _names("推动万州港、三峡库区协同发展。") == [("万州港", "Facility"), ("三峡库区", "Area")]
    assert _names("统筹三大园区、五个社区建设。") == []


def test_a_bay_opens_on_a_place_word() -> None:
    assert _names("建设钦州湾。") == [("钦州湾", "Area")]
    assert _names("打造美丽海湾、人工智能湾，加快大湾区内湾建设。") == []


def test_a_region_named_after_a_province_ending_like_a_bay_stays_a_region() -> None:
    assert _names("新增台湾地区职业资格。") == [("台湾地区", "Area")]


def test_water_works_and_power_stations_named_for_their_site() -> None:
    assert _names("建成甲岭水利枢纽、乙溪水电站，建设重大水利枢纽、大中型水电站。") == [
        ("甲岭水利枢纽", "Facility"),
        ("乙溪水电站", "Facility"),
    ]


def test_an_international_airport_is_named_by_its_site_or_city() -> None:
    found = _names("扩建浦东国际机场，推进天府国际机场、区域国际机场建设。")
    assert found == [("浦东国际机场", "Facility"), ("天府国际机场", "Facility")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("打造郑州国际陆港、长沙空港。", [("郑州国际陆港", "Facility"), ("长沙空港", "Facility")]),
        ("提升陆港空港能级。", []),  # kinds of port
        (
            "建设梁山港，推进岳阳城陵矶港建设。",  # 岳阳 locates a port named on its own
            [("梁山港", "Facility"), ("岳阳城陵矶港", "Facility"), ("岳阳", "City")],
        ),
    ],
)
def test_inland_ports_open_on_a_place(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


def test_a_kind_described_by_the_country_is_no_zone() -> None:
    assert _names("建设具有世界影响力的中国特色自由贸易港。") == []


def test_island_groups_ranges_and_salt_lakes_keep_their_names() -> None:
    assert _names("建设舟山群岛、长山列岛，保护察尔汗盐湖、秦岭山脉。") == [
        ("舟山群岛", "Area"),
        ("长山列岛", "Area"),
        ("察尔汗盐湖", "Lake"),
        ("秦岭山脉", "Area"),
    ]


def test_a_river_or_division_locating_a_works_named_on_its_own_is_a_place() -> None:
    assert _names("抓紧黄河甲浪底水利枢纽建设，建成云南乙布革水电站。") == [
        ("黄河甲浪底水利枢纽", "Facility"),
        ("黄河", "River"),
        ("云南乙布革水电站", "Facility"),
        ("云南", "Province"),
    ]


def test_a_place_before_a_descriptive_word_only_names_the_facility() -> None:
    assert _names("建成天津港，扩建丙湖国际机场，新建丁江峡谷大桥。") == [
        ("天津港", "Facility"),
        ("丙湖国际机场", "Facility"),
        ("丁江峡谷大桥", "Facility"),
    ]


def test_a_list_of_regions_before_a_plain_is_no_shared_suffix() -> None:
    assert _names("持续开展长三角、汾渭平原大气污染治理。") == [("长三角", "Area"), ("汾渭平原", "Area")]
