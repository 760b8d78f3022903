"""Tests of townships, subdistricts, villages and communities as county and city reports name them."""

import pytest

from kg.extract.places import place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


def test_a_village_after_its_town_is_two_places() -> None:
    assert _names("完成城关镇东关村、西关村人居环境整治。") == [
        ("城关镇", "Town"),
        ("东关村", "Village"),
        ("西关村", "Village"),
    ]


def test_a_community_after_its_subdistrict_is_two_places() -> None:
    assert _names("在东城街道北关社区开展试点。") == [("东城街道", "Subdistrict"), ("北关社区", "Community")]


def test_a_town_after_its_county_and_city_is_a_place_of_its_own() -> None:
    assert _names("富平县庄里镇、宝鸡市陈仓区千河镇入选。") == [
        ("富平县", "County"),
        ("庄里镇", "Town"),
        ("宝鸡市", "City"),
        ("陈仓区", "District"),
        ("千河镇", "Town"),
    ]


def test_townships_the_dictionary_knows_are_townships() -> None:
    assert _names("太平乡、永安乡实现整乡推进。") == [("太平乡", "Town"), ("永安乡", "Town")]
    assert _names("知识青年上山下乡，以城带乡。") == []


def test_a_community_named_before_its_committee_is_a_place() -> None:
    assert _names("完善北关社区居委会服务。") == [("北关社区", "Community")]
    assert _names("提升社区居民满意度，完善村委会服务。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("实施王庄至李集公路改造工程。", [("王庄至李集公路", "Road")]),
        ("新改建农村公路500公里，建设旅游公路。", []),  # kinds of road
    ],
)
def test_a_road_is_named_from_one_end_to_the_other(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


def test_a_reservoir_the_dictionary_knows_is_named_by_its_division_stem() -> None:
    assert _names("扩建石门水库。") == [("石门水库", "Lake")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进东关、西关街道老旧小区改造。", [("东关街道", "Subdistrict"), ("西关街道", "Subdistrict")]),
        ("在庄里、美原镇开展试点。", [("庄里镇", "Town"), ("美原镇", "Town")]),
        ("支持金星、红光村发展集体经济。", [("金星村", "Village"), ("红光村", "Village")]),
        ("发展农业、农村，推进城市、乡镇建设，加强党建、社区治理。", []),  # no settlement closes these lists
        ("推动富平县、庄里镇发展。", [("富平县", "County"), ("庄里镇", "Town")]),  # whole places, no shared suffix
    ],
)
def test_settlements_of_a_list_share_the_last_ones_settlement_word(text: str, expected: list) -> None:
    assert _names(text) == expected
