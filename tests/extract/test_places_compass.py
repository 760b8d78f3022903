"""Tests of regions named by compass words: parts of a province (陕南, 川东北) and the macro-regions (西部, 东北)."""

from kg.extract.places import place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


def test_abbreviation_and_direction_name_a_region() -> None:
    assert _names("支持陕南生态发展，推进陕北能源转型。") == [("陕南", "Area"), ("陕北", "Area")]
    assert _names("加快闽西南协同发展。") == [("闽西南", "Area")]


def test_region_head_word_belongs_to_the_name() -> None:
    assert _names("川东北经济区加快崛起。") == [("川东北经济区", "Area")]
    assert _names("推动皖北地区振兴。") == [("皖北地区", "Area")]


def test_divisions_pairs_and_companies_are_no_compass_regions() -> None:
    assert _names("湘西州加快发展。") == [("湘西", "City")]  # a division
    assert _names("深化浙川东西部协作。") == []  # two provinces paired, then 东西部
    assert _names("引进京东物流基地。") == []  # 京东 names a company


def test_a_macro_region_before_its_national_strategy_is_the_region() -> None:
    found = _names("推进西部大开发形成新格局，推动新时代东北全面振兴，东部率先发展。")
    assert found == [("西部", "Area"), ("东北", "Area"), ("东部", "Area")]


def test_a_macro_region_joined_to_another_region_is_a_region() -> None:
    assert _names("提升东北和中西部地区承接产业转移能力。") == [("东北", "Area"), ("中西部地区", "Area")]


def test_macro_region_words_alone_or_inside_a_place_are_directions() -> None:
    assert _names("保护东北虎，开发西部山区，中部城区改造。") == []
    assert ("中部", "Area") not in _names("推动晋鲁中部崛起。")


def test_a_region_short_form_names_the_region_it_stands_for() -> None:
    assert _names("加快大湾区建设，融入粤港澳大湾区。") == [("粤港澳大湾区", "Area"), ("粤港澳大湾区", "Area")]
    assert ("海南自由贸易港", "Area") in _names("深化与海南自贸港联动创新。")


def test_parts_of_xinjiang_named_by_a_direction() -> None:
    assert _names("破解南疆突出问题，筑牢北疆屏障。") == [("南疆", "Area"), ("北疆", "Area")]


def test_a_province_abbreviation_before_a_compass_region_word_names_its_part() -> None:
    assert _names("支持湘西北地区对接周边，筑牢西北地区生态屏障。") == [("湘西北地区", "Area"), ("西北地区", "Area")]


def test_geographical_regions_in_their_region_form() -> None:
    assert _names("推进北方地区冬季清洁取暖，筑牢华北地区生态屏障，治理白洋淀，加强沉淀池管理。") == [
        ("北方地区", "Area"),
        ("华北地区", "Area"),
        ("白洋淀", "Lake"),
    ]
