"""Tests of routes and city clusters named by their ends or members: 甲乙高铁, 甲至乙铁路, 甲乙丙都市圈."""

import pytest

from kg.extract.places import place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


def test_high_speed_and_intercity_lines_named_by_their_ends_are_facilities() -> None:
    assert _names("开工建设晋鲁高铁、湘黔城际，建成皖赣高速公路。") == [
        ("晋鲁高铁", "Facility"),
        ("湘黔城际", "Facility"),
        ("皖赣高速公路", "Road"),
    ]


def test_ends_split_by_the_segmenter_are_one_name() -> None:
    assert _names("推进宁淮城际、甘青高铁、陕蒙高速铁路建设。") == [
        ("宁淮城际", "Facility"),
        ("甘青高铁", "Facility"),
        ("陕蒙高速铁路", "Facility"),
    ]


def test_the_ends_of_a_route_from_one_place_to_another_are_named_inside_it_only() -> None:
    assert _names("建成安庆至九江高铁、襄阳至宜昌铁路。") == [
        ("安庆至九江高铁", "Facility"),
        ("襄阳至宜昌铁路", "Facility"),
    ]


def test_a_verb_before_a_route_is_no_part_of_it() -> None:
    assert _names("力争渝黔高铁建成通车。") == [("渝黔高铁", "Facility")]


@pytest.mark.parametrize(
    "text",
    [
        "抓好5条续建高铁建设。",  # a count of routes under construction
        "加密高铁动车班次。",  # a verb and the trains of the railway
        "打造南北高速公路大通道。",  # directions of a corridor
        "推进跨境高铁、城际铁路和高速公路建设。",  # kinds of route
    ],
)
def test_kinds_counts_and_directions_name_no_route(text: str) -> None:
    assert _names(text) == []


def test_city_clusters_named_by_their_members_short_names() -> None:
    assert _names("建设呼包鄂榆城市群，推进长株潭都市圈，完善济青都市圈。") == [
        ("呼包鄂榆城市群", "Area"),
        ("长株潭都市圈", "Area"),
        ("济青都市圈", "Area"),
    ]


def test_kinds_of_cluster_are_no_cluster() -> None:
    assert _names("发展现代化都市圈、世界级城市群，建设中部城市群、沿海城市群、省会都市圈。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("分别建成津潍、潍宿高铁。", [("津潍高铁", "Facility"), ("潍宿高铁", "Facility")]),
        ("湘赣、皖鄂等3条高铁加快建设。", [("湘赣高铁", "Facility"), ("皖鄂高铁", "Facility")]),
        (
            "开工安顺至六盘水、安庆至九江等铁路。",
            [("安顺至六盘水铁路", "Facility"), ("安庆至九江铁路", "Facility")],
        ),
        ("建成晋鲁铁路、湘黔铁路等铁路。", [("晋鲁铁路", "Facility"), ("湘黔铁路", "Facility")]),  # whole routes
        ("推进沿江、跨境铁路建设。", []),  # kinds of railway
    ],
)
def test_routes_of_a_list_share_the_route_word_after_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


def test_a_route_widened_in_a_list_is_an_element_of_it() -> None:
    assert _names("建成晋鲁扩容、湘黔等高速公路。") == [("晋鲁高速公路", "Road"), ("湘黔高速公路", "Road")]
    assert _names("皖赣（扩建）、晋鲁等高速公路通车。") == [("皖赣高速公路", "Road"), ("晋鲁高速公路", "Road")]
    assert _names("推进扩容、晋鲁等高速公路建设。") == []  # a widening of nothing named: no list of routes


def test_routes_joined_by_and_share_the_route_word() -> None:
    assert _names("积极修筑川黔和黔桂铁路。") == [("川黔铁路", "Facility"), ("黔桂铁路", "Facility")]
    assert _names("完善公路和铁路网络，建设机场与铁路。") == []


def test_trunk_roads_by_their_numbers() -> None:
    assert _names("推进G219线禾木段建设，G331通车，改造331国道、国道108线、S202线。") == [
        ("G219", "Road"),  # its number names it: G219线 and G219 are one road
        ("G331", "Road"),
        ("331国道", "Road"),
        ("国道108线", "Road"),
        ("S202", "Road"),
    ]


def test_numbers_that_are_no_road() -> None:
    assert _names("举办G20峰会，建设G60科创走廊，研制S100发动机。") == []


def test_a_road_section_ending_at_an_airport_is_no_airport() -> None:
    assert _names("有序实施G214甲卡至乙达机场段建设。") == [("G214甲卡至乙达机场段", "Road")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("建成G77滨湖环线高速，开工G1234高速延长线。", [("G77滨湖环线高速", "Road"), ("G1234高速延长线", "Road")]),
        ("G7甲乙高速扩容，S21高速通车。", [("G7甲乙高速", "Road"), ("S21高速", "Road")]),
        ("实施G999甲城至乙城段改造。", [("G999甲城至乙城段", "Road")]),  # the section's ends are inside its name
        (
            "推进G888线丙山至丁水、G777线戊河至己岭等项目。",
            [("G888线丙山至丁水", "Road"), ("G777线戊河至己岭", "Road")],
        ),
        ("G318、G219提质改造。", [("G318", "Road"), ("G219", "Road")]),  # no head: the code names the road
        ("G5发展，G7集团会议。", []),  # a one-digit code names a road only before a road head
    ],
)
def test_a_route_code_and_its_head_or_section_are_one_road(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("加快沿淮铁路、甲乙铁路建设。", "沿淮铁路"),  # the first of a list, named by its course
        ("规划沿边铁路建设。", "沿边铁路"),
        ("沿海高铁某段开工。", "沿海高铁"),
    ],
)
def test_a_railway_named_by_its_course_is_a_place(text: str, expected: str) -> None:
    assert (expected, "Facility") in _names(text)


def test_a_course_before_a_railway_corridor_names_no_line() -> None:
    assert _names("研究沿淮高铁通道。") == []


def test_ends_split_with_a_character_read_as_a_plain_word_name_a_route() -> None:
    assert ("亳黄高铁", "Facility") in _names("力争开工亳黄高铁等项目。")


def test_a_position_word_after_a_generic_word_names_no_route_end() -> None:
    assert _names("加快城市间高铁建设。") == []


def test_a_word_of_rare_characters_names_an_airport() -> None:
    assert ("澜湄机场", "Facility") in _names("扩建甲市机场、澜湄机场。")
