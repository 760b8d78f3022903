"""Tests of landform and water kinds (沙地, 入海水道), crossings named by their ends, routes named by their course in
a shared-head list, macro-regions ranked among (走在西北前列) or a named place's part rising (甲乙中部崛起), meeting
venues and the typing of bases that are buildings."""

import pytest

from kg.extract.model import DocContext
from kg.extract.places import place_mentions


def _typed(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


def test_sandy_lands_are_areas() -> None:
    assert _typed("治理科尔沁沙地和浑善达克沙地。") == [("科尔沁沙地", "Area"), ("浑善达克沙地", "Area")]


def test_a_sandy_land_of_a_kind_is_no_place() -> None:
    assert _typed("防治荒漠化沙地。") == []


def test_a_rivers_sea_outlet_channel_is_a_river() -> None:
    assert ("黄河入海水道", "River") in _typed("实施黄河入海水道整治工程。")


def test_a_crossing_named_by_its_two_ends() -> None:
    assert ("南京扬州过江通道", "Facility") in _typed("建成南京扬州过江通道。")


def test_a_crossing_named_by_its_ends_before_deng_drops_the_deng() -> None:
    assert ("南京扬州过江通道", "Facility") in _typed("加快南京扬州等过江通道建设。")


def test_crossings_of_a_kind_are_no_place() -> None:
    assert _typed("加快高快速路、跨江跨海通道等建设，新建3条过江通道。") == []


def test_a_route_along_a_course_shares_the_head_of_a_list() -> None:
    found = _typed("推进南沿江、京港等高铁建设。")
    assert ("南沿江高铁", "Facility") in found and ("京港高铁", "Facility") in found


def test_courses_before_another_head_are_no_route() -> None:
    assert _typed("发展沿海、沿江经济。") == []


def test_a_macro_region_ranked_among_is_a_place() -> None:
    assert ("西南", "Area") in _typed("数字经济增速走在西南前列。")
    assert ("中部", "Area") in _typed("外贸总额居中部首位。")


def test_a_direction_inside_a_place_is_no_region() -> None:
    assert _typed("项目位于城市西北，走在全国前列。") == []


def test_the_middle_of_a_named_place_rising_is_an_area() -> None:
    assert ("湖南中部", "Area") in _typed("推动湖南中部崛起。")


def test_the_meeting_venue_is_a_facility() -> None:
    assert ("省人民会堂", "Facility") in _typed("大会在省人民会堂开幕。")
    assert ("南宁国际会展中心", "Facility") in _typed("博览会在南宁国际会展中心举办。")


def test_a_venue_of_a_kind_is_no_place() -> None:
    assert _typed("建设会展中心。") == []


def test_a_base_that_is_a_building_is_a_facility_and_an_energy_base_an_area() -> None:
    assert ("长沙数据标注基地", "Facility") in _typed("建设长沙数据标注基地。")
    assert ("陇东能源基地", "Area") in _typed("建设陇东能源基地。")


def test_a_region_glued_to_a_count_after_it_is_still_the_region() -> None:
    assert ("粤港澳大湾区", "Area") in _typed("深化与粤港澳大湾区多领域合作。")


def test_a_second_line_between_the_same_ends_is_one_railway() -> None:
    assert ("京港东线高铁", "Facility") in _typed("规划建设京港东线高铁。")


def test_a_line_word_alone_is_no_railway() -> None:
    assert _typed("规划建设中线高铁。") == []



def test_a_county_short_name_inside_a_quoted_name_labels_it() -> None:
    ctx = DocContext(jurisdiction="福建省", level="province", parents=())
    assert place_mentions("推广水土流失治理“长汀经验”。", ctx) == []


def test_the_same_county_outside_the_quotes_is_a_place() -> None:
    ctx = DocContext(jurisdiction="福建省", level="province", parents=())
    assert [m.name for m in place_mentions("推广“长汀经验”，支持长汀建设。", ctx)] == ["长汀"]


def test_a_place_opening_an_event_name_is_no_place() -> None:
    assert _typed("召开甲乙协作会、曲江镇高质量发展现场会。") == []
    assert _typed("办好2030年杭州世界博览会。") == []


def test_a_place_where_an_event_is_held_is_a_place() -> None:
    assert _typed("在杭州召开现场会，杭州举办马拉松。") == [("杭州", "City"), ("杭州", "City")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("扩大中西部招生规模。", [("中西部", "Area")]),
        ("引导东中部企业有序转移。", [("东中部", "Area")]),
        ("推动东中西部协调发展。", [("东中西部", "Area")]),
        ("支持中西部地区发展。", [("中西部地区", "Area")]),
    ],
)
def test_economic_regions_named_together_are_places(text: str, expected: list[tuple[str, str]]) -> None:
    assert _typed(text) == expected


def test_one_direction_alone_is_no_region() -> None:
    assert _typed("加快西部山区道路建设。") == []


def test_the_east_west_pairing_is_no_region() -> None:
    assert _typed("深化东西部协作。") == []
