"""Tests of railways as the older national reports name them (京广铁路 with a numeral end, 甲乙复线) and of the
macro-regions named by direction words (大西北, 东中部地区, 西北、西南地区)."""

from kg.extract.places import place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


def test_a_railway_whose_end_is_written_with_a_numeral_character() -> None:
    assert _names("纵贯南北的京九铁路年内铺通。") == [("京九铁路", "Facility")]


def test_a_count_of_railways_is_no_railway() -> None:
    assert _names("今年修建两条铁路，建成三条铁路复线。") == []


def test_a_double_tracked_line_named_by_its_ends() -> None:
    assert _names("包兰复线和陇海铁路全线通车。") == [("包兰复线", "Facility"), ("陇海铁路", "Facility")]


def test_a_double_track_before_another_facility_word_names_no_line() -> None:
    assert _names("推进蚌埠复线船闸建设。") == [("蚌埠", "City")]


def test_the_great_north_west_and_south_west_are_macro_regions() -> None:
    assert _names("支援大西北和大西南的能源开发。") == [("大西北", "Area"), ("大西南", "Area")]


def test_two_economic_regions_named_with_one_region_word() -> None:
    assert _names("引导东中部地区产业向西转移。") == [("东中部地区", "Area")]


def test_a_geographical_region_sharing_the_region_word_of_the_next() -> None:
    assert _names("加快西北、西南地区清洁能源基地建设。") == [("西北", "Area"), ("西南地区", "Area")]


def test_a_direction_word_alone_is_no_region() -> None:
    assert _names("西北方向的冷空气影响华北。") == []


def test_a_line_named_by_its_ends_joined_by_a_dash_names_no_end_of_its_own() -> None:
    assert _names("建成包头——银川线和宝鸡—汉中铁路。") == [
        ("包头——银川线", "Facility"),
        ("宝鸡—汉中铁路", "Facility"),
    ]


def test_a_dash_between_two_cities_before_another_word_names_no_line() -> None:
    assert _names("开通北京—上海航线。") == [("北京", "City"), ("上海", "City")]
