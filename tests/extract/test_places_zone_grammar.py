"""Tests of the zone grammar: a place stem, an optional topic of a few words and a head of the national typology
(``data/place_zone_heads.tsv``) make one Area; a head without a stem, a clause and a longer word are none."""

from kg.extract.places import place_mentions


def _names(text: str) -> list[str]:
    return [m.name for m in place_mentions(text)]


def _areas(text: str) -> list[str]:
    return [m.name for m in place_mentions(text) if m.type == "Area"]


def test_a_compass_stem_with_a_topic_names_the_zone() -> None:
    assert _areas("支持豫北现代农业示范区建设。") == ["豫北现代农业示范区"]


def test_a_provinces_region_with_a_topic_and_an_energy_base() -> None:
    assert _areas("建设陇东能源基地。") == ["陇东能源基地"]


def test_a_course_along_a_river_names_the_belt() -> None:
    assert _areas("共建沿淮生态经济带。") == ["沿淮生态经济带"]


def test_a_lake_ringed_by_the_zone_only_labels_it() -> None:
    assert _names("规划环太湖科创走廊。") == ["环太湖科创走廊"]


def test_members_short_names_name_a_corridor() -> None:
    assert _areas("谋划滇黔桂文旅走廊。") == ["滇黔桂文旅走廊"]


def test_a_special_economic_zone_is_one_area_and_its_city_stays_a_city() -> None:
    found = [(m.name, m.type) for m in place_mentions("办好汕头经济特区。")]
    assert ("汕头经济特区", "Area") in found


def test_a_head_without_a_stem_is_a_kind_of_zone() -> None:
    assert _names("推进一带一路建设，建设生态带，创建国家生态文明建设示范区。") == []


def test_the_verb_before_the_stem_is_not_part_of_the_name() -> None:
    assert _areas("加快建设滇中城市群。") == ["滇中城市群"]


def test_a_common_word_made_of_short_name_characters_is_no_stem() -> None:
    assert _areas("建设安全发展示范区和文明示范区。") == []


def test_a_function_word_breaks_the_topic() -> None:
    assert not any("的" in name for name in _names("推动成都的文化旅游走廊建设。"))


def test_a_count_inside_is_no_topic() -> None:
    assert not any(name.endswith("功能区") for name in _names("落实川西三个重点生态功能区。"))


def test_a_head_inside_a_longer_word_names_no_zone() -> None:
    assert "上海示范区" not in _names("开通上海示范区线。")


def test_a_place_after_another_noun_is_inside_a_longer_name() -> None:
    assert "成都基地" not in _names("支持国家实验室成都基地建设。")


def test_a_new_area_written_after_its_city_is_the_entry_and_the_city_a_place() -> None:
    found = [(m.name, m.type) for m in place_mentions("支持合肥滨湖新区建设，设立浙江舟山群岛新区。")]
    assert ("滨湖新区", "Area") in found and ("合肥", "City") in found
    assert ("舟山群岛新区", "Area") in found and ("合肥滨湖新区", "Area") not in found


def test_a_new_area_with_a_topic_of_common_words_keeps_its_city_in_the_name() -> None:
    assert "武汉绿色新区" in _areas("规划武汉绿色新区。")


def test_a_zone_of_several_provinces_lies_within_none() -> None:
    from kg.extract.pipeline import extract_report
    from kg.loaders.load import load_text

    report = load_text("某某省人民政府工作报告\n共建川黔文旅走廊，建设贵阳城市圈。\n", source="t.txt")
    places = {p.name: p for p in extract_report(report).places}
    assert places["川黔文旅走廊"].within is None
    assert places["贵阳城市圈"].within is not None


def test_a_rivers_reach_opens_the_zone_and_a_verbal_noun_inside_the_topic_is_a_word_of_it() -> None:
    assert _areas("建设珠江下游开放发展先行区。") == ["珠江下游开放发展先行区"]


def test_a_verbal_noun_after_the_place_is_the_clauses_verb() -> None:
    assert "甲市改造乙片区" not in _names("推动甲市改造乙片区。")


def test_a_cluster_zone_named_by_a_provinces_region_and_its_field() -> None:
    assert _areas("建设豫北承接产业转移集聚区。") == ["豫北承接产业转移集聚区"]


def test_a_collective_count_or_a_clause_verb_is_no_topic() -> None:
    assert _areas("打造赣南四大特色发展带。") == ["赣南"]
    assert _areas("许昌入选国家数据集聚区。") == []
