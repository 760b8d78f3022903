"""Tests of the place finder: suffix names, counted lists, divisions, generic nouns."""

import pytest

from kg.extract.context import doc_context
from kg.extract.model import DocContext
from kg.extract.places import find_places, place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


def test_counted_list_of_rivers() -> None:
    assert _names("加快推动甲滑河、乙周渠、丙位河3条河道整治") == [
        ("甲滑河", "River"),
        ("乙周渠", "River"),
        ("丙位河", "River"),
    ]


def test_count_mismatch_keeps_only_names_with_a_suffix() -> None:
    assert _names("整治甲滑河、乙周、丙位河5条河道") == [("甲滑河", "River"), ("丙位河", "River")]


def test_agreeing_count_types_names_without_suffix() -> None:
    assert _names("治理甲滑、乙周2条河道") == [("甲滑", "River"), ("乙周", "River")]


def test_generic_nouns_are_not_places() -> None:
    assert _names("启动20条背街小巷、183个小区改造，围绕老旧小区、城乡结合部和主次干道") == []


def test_suffix_types_and_left_boundary() -> None:
    assert _names("打通甲丰路等断头路，实施乙家镇供水，建设丙湖公园") == [
        ("甲丰路", "Road"),
        ("乙家镇", "Town"),
        ("丙湖公园", "Park"),
        ("丙湖", "Lake"),
    ]


def test_divisions_get_codes_and_short_names(make_report) -> None:
    report = make_report("支持东阿、高唐融入济南都市圈，推动东昌府区发展。")
    places = {p.name: p for p in find_places(report, doc_context(report.meta))}
    assert places["东阿"].code == "371524" and places["东阿"].type == "County"
    assert places["济南"].type == "City"
    assert places["济南都市圈"].type == "Area"
    assert "聊城市" not in places and "山东省" not in places  # parents known only from the metadata
    assert places["东昌府区"].within == "聊城市"  # the jurisdiction, named by the text
    assert places["东昌府区"].sentences == [0]


def test_slogans_and_blocs_are_not_places() -> None:
    assert _names("打造“两河明珠”城市，拓展RCEP市场") == []


def test_division_scan_finds_what_a_regex_of_all_names_finds() -> None:
    import re

    from kg.extract.lexicon import alternation
    from kg.extract.places import _admin_names

    names = re.compile(alternation(_admin_names().names))
    text = "聊城市东昌府区、阳谷县和济南、聊城，以及北京市朝阳区的市区和县城。东昌府"
    for start in range(len(text)):
        part = text[start:]
        assert _admin_names().spans(part) == [m.span() for m in names.finditer(part)]


def test_division_inside_a_longer_word_is_not_a_river() -> None:
    assert _names("我代表江苏省人民政府向大会报告工作") == [("江苏省", "Province")]
    assert _names("新建实验室落户河南郑州") == [("河南", "Province"), ("郑州", "City")]


def test_short_city_names_are_cities_not_rivers() -> None:
    assert _names("支持湛江、内江建设港口") == [("湛江", "City"), ("内江", "City")]


def test_county_level_city_is_a_county_near_home(make_report) -> None:
    report = make_report("支持潜江、湛江加快发展。", jurisdiction="湖北省", parents=())
    places = {p.name: p for p in find_places(report, doc_context(report.meta))}
    assert places["潜江"].type == "County"
    assert places["湛江"].type == "City"


def test_place_opening_a_company_name_is_not_a_place() -> None:
    assert _names("支持长江存储扩大产能") == []
    assert _names("推动长江经济带发展") == [("长江经济带", "Area")]


def test_category_nouns_before_area_suffix_are_not_places() -> None:
    assert _names("人均地区生产总值增长5%，单位地区生产总值能耗下降") == []
    assert _names("支持民族地区、欠发达地区和周边地区发展，完善城乡社区服务") == []


def test_bylines_name_people_not_places() -> None:
    assert _names("本报记者朱江报道") == []
    assert _names("记者王河摄") == []


def test_name_does_not_start_with_the_verb_before_it() -> None:
    assert _names("加快建设甲丰路，推进乙滑河综合治理") == [("甲丰路", "Road"), ("乙滑河", "River")]


def test_common_word_stems_make_names_for_roads_parks_schools() -> None:
    assert _names("建成光明小学，改造劳动公园和青年大街") == [
        ("光明小学", "Facility"),
        ("劳动公园", "Park"),
        ("青年大街", "Road"),
    ]


def test_common_words_ending_in_a_suffix_are_not_names() -> None:
    assert _names("实现自然村通硬化路，培育集成电路产业，发展农村电商") == []


def test_suffix_alone_is_not_a_name() -> None:
    assert _names("修缮公园和广场，改造小区") == []


def test_proper_stem_reaches_over_common_words() -> None:
    assert _names("推进若尔盖国家公园建设") == [("若尔盖国家公园", "Park")]


def test_river_glued_to_the_next_word_is_found() -> None:
    assert _names("加强长江上游生态保护") == [("长江", "River")]


def test_mountain_is_an_area_only_as_one_word() -> None:
    assert _names("保护大巴山南麓生态") == [("大巴山", "Area")]
    assert _names("建设大美新疆山水") == [("新疆", "Province")]


def test_cut_left_cuts_after_the_last_verb() -> None:
    from kg.extract.places import cut_left

    assert cut_left("加快建设甲乙") == "甲乙"
    assert cut_left("支持甲乙", min_stem=5) == "支持甲乙"


def test_river_basin_word_gives_the_river() -> None:
    assert _names("推动黄河流域生态保护") == [("黄河", "River")]  # the basin is entered as the river


def test_macro_regions_are_areas_on_word_boundaries() -> None:
    assert _names("支持京津冀、长三角协同发展，推动东部地区率先发展") == [
        ("京津冀", "Area"),
        ("长三角", "Area"),
        ("东部地区", "Area"),
    ]


def test_category_suffix_needs_a_proper_stem() -> None:
    assert _names("建设老年友好型社区、特色街区和城际铁路") == []
    assert _names("建成蒙渝铁路，开通聊城机场") == [("蒙渝铁路", "Facility"), ("聊城机场", "Facility")]


def test_place_glued_to_another_place_is_split() -> None:
    assert _names("筑牢长江黄河上游生态屏障") == [("长江", "River"), ("黄河", "River")]


def test_municipality_of_the_document_is_a_city(make_report) -> None:
    report = make_report("建设五个新城。", jurisdiction="上海市", parents=())
    places = {p.name: p for p in find_places(report, doc_context(report.meta))}
    assert places["上海市"].type == "City"


def test_generic_facility_words_are_not_places() -> None:
    assert _names("完善政府门户网站，建设空间站") == []


def test_quantified_descriptions_are_not_places() -> None:
    assert _names("推进全龄友好型社区建设，提升各类园区") == []


def test_city_zone_named_by_its_level_word() -> None:
    assert _names("支持市高新区创建国家级开发区") == [("市高新区", "Area")]


def test_list_of_stems_shares_its_suffix() -> None:
    assert ("祁连山国家公园", "Park") in _names("推进祁连山、乙盖国家公园建设")
    assert ("乙盖国家公园", "Park") in _names("推进祁连山、乙盖国家公园建设")
    assert _names("推进甲港、乙焦、丙新等产业带建设") == [
        ("甲港产业带", "Area"),
        ("乙焦产业带", "Area"),
        ("丙新产业带", "Area"),
    ]


def test_shared_suffix_needs_a_list_of_proper_stems() -> None:
    assert _names("打造甲港产业带") == [("甲港产业带", "Area")]  # one stem: the plain suffix rule
    assert _names("支持郑州市、洛阳市等产业带发展") == [("郑州市", "City"), ("洛阳市", "City")]
    assert _names("加快大连、营口等地区发展") == [("大连", "City"), ("营口", "City")]  # 地区 is the places


def test_hospital_branch_joins_its_parent_hospital() -> None:
    assert _names("建成甲丰医院乙丰医院") == [("甲丰医院乙丰医院", "Facility")]
    assert _names("加快甲丰医院国家医学中心乙丰院区建设") == [("甲丰医院国家医学中心乙丰院区", "Facility")]
    assert _names("建成甲丰医院和乙丰医院") == [("甲丰医院", "Facility"), ("乙丰医院", "Facility")]


def test_generic_hospitals_and_corridors_are_not_places() -> None:
    assert _names("建设高水平医院，加快中医医院建设，打造科创走廊") == []


def test_whole_place_word_with_a_category_suffix() -> None:
    assert _names("发展壮大河西走廊") == [("河西走廊", "Area")]
    assert _names("遏制塔克拉玛干沙漠扩展") == [("塔克拉玛干沙漠", "Area")]
    assert _names("带动周边地区发展") == []  # a dictionary compound of 地区 stays generic


def test_river_shaped_words_in_a_list_of_rivers() -> None:
    assert _names("推进浑河、丙位河、左小河等河流治理") == [
        ("浑河", "River"),
        ("丙位河", "River"),
        ("左小河", "River"),
    ]
    assert _names("疏通运河、丙位河、班滑河等节点") == [("运河", "River"), ("丙位河", "River"), ("班滑河", "River")]


def test_common_river_word_alone_is_not_a_river() -> None:
    assert _names("整治运河和城区水系") == []  # no named river beside it in a list


def test_a_basin_is_its_river_and_a_generic_tail_after_it_is_dropped() -> None:
    assert _names("推动长江流域地区发展") == [("长江", "River")]
    assert _names("加强重点流域治理") == []


def test_bare_suffix_or_count_is_no_stem() -> None:
    assert _names("推动经开区高新区融合") == []
    assert _names("建设甲东南三大特色农业产业带") == []


def test_parent_named_by_the_text_is_a_place(make_report) -> None:
    report = make_report("山东省支持东昌府区发展。")
    places = {p.name: p for p in find_places(report, doc_context(report.meta))}
    assert places["山东省"].sentences == [0] and "聊城市" not in places


def test_jurisdiction_outside_the_code_table_is_typed_by_its_level_word(make_report) -> None:
    report = make_report("全国推进改革。", jurisdiction="中国", parents=())
    assert {p.name: p.type for p in find_places(report, doc_context(report.meta))}["中国"] == "Area"


def test_lake_in_a_facility_name_is_no_place_but_a_site_in_its_museum_is() -> None:
    assert _names("建成丁香湖牵引站") == [("丁香湖牵引站", "Facility")]
    assert _names("建设甲丰遗址博物馆") == [("甲丰遗址博物馆", "Facility"), ("甲丰遗址", "Landmark")]


def test_resort_stem_must_be_proper() -> None:
    assert _names("加快乐高乐园度假区建设") == []  # 乐园 of a mis-cut 加|快乐|高|乐园 is no stem
    assert _names("建设乙丰国家级旅游度假区") == [("乙丰国家级旅游度假区", "Area")]


def test_shared_suffix_list_must_open_the_phrase() -> None:
    found = _names("银兰高铁中兰段、酒额铁路建成")
    assert found == [("银兰高铁", "Facility"), ("酒额铁路", "Facility")]  # no 中兰段铁路
    assert ("经开区高新区", "Area") not in _names("大同经开区、阳泉高新区入选")


def test_facility_suffix_is_shared_only_in_a_plain_coordination() -> None:
    assert _names("推进甲丰、乙丰垃圾场改造") == [("甲丰垃圾场", "Facility"), ("乙丰垃圾场", "Facility")]
    assert _names("推进甲丰、乙丰等垃圾场改造") == []


def test_level_word_glued_to_a_zone_suffix_is_the_own_citys_zone() -> None:
    assert _names("支持市经开区创建国家级园区") == [("市经开区", "Area")]
    assert ("聊城市经开区", "Area") in _names("推动聊城市经开区发展")


def test_level_word_alone_names_a_zone_but_no_facility() -> None:
    assert _names("改造市游泳馆") == []
    assert _names("支持市高新区发展") == [("市高新区", "Area")]


def test_part_of_the_documents_own_province_name_is_its_nickname_not_a_county(make_report) -> None:
    report = make_report("龙江振兴取得新突破，黑龙江省粮食产量再创新高。", jurisdiction="黑龙江省", parents=())
    names = {p.name for p in find_places(report, doc_context(report.meta))}
    assert "龙江" not in names
    assert "黑龙江省" in names


def test_the_provinces_short_name_is_still_the_province(make_report) -> None:
    report = make_report("宁夏生态保护持续加强。", jurisdiction="宁夏回族自治区", parents=())
    places = find_places(report, doc_context(report.meta))
    assert [(p.type, p.code) for p in places] == [("Province", "640000")]


def test_chain_of_level_words_is_no_village() -> None:
    assert _names("要激发县镇村发展活力，推动乡镇村三级联动。") == []
    assert ("青山村", "Village") in _names("支持青山村发展民宿。")


def test_rivers_in_general_are_not_rivers() -> None:
    found = _names("继续治理黄河、淮河等大江大河，筑牢首都安全“护城河”。")
    assert found == [("黄河", "River"), ("淮河", "River")]


def test_short_county_name_glued_to_a_morpheme_is_not_the_county() -> None:
    ctx = DocContext(jurisdiction="宁夏回族自治区", level="province")
    assert place_mentions("推动西夏陵争创旅游景区。", ctx) == []
    assert [(m.name, m.type) for m in place_mentions("推动西夏、金凤协同发展。", ctx)] == [
        ("西夏", "District"),
        ("金凤", "District"),
    ]


def test_suffix_read_as_the_sentence_verb_is_no_station() -> None:
    assert _names("甘肃站在了新的起点上。") == [("甘肃", "Province")]
    assert _names("建成武清站和滨海站。") == [("武清站", "Facility"), ("滨海站", "Facility")]


def test_planning_kinds_of_roads_towns_and_facilities_are_not_names() -> None:
    assert _names("打通断头路、瓶颈路，建设产业路，推动美丽圩镇建设，撤销省界收费站。") == []


def test_city_named_like_a_river_before_basin_is_the_river() -> None:
    assert ("黑河", "River") in _names("启动塔里木河、黑河流域综合治理。")
    assert ("黑河", "City") in _names("推动哈尔滨、黑河片区联动发展。")


def test_stem_cut_inside_a_word_at_its_conjunction_reading_is_no_name() -> None:
    assert _names("加快宜居宜业和美乡村片区建设。") == []
    assert _names("推动青山村发展。") == [("青山村", "Village")]


def test_route_preposition_glued_to_a_name_opens_no_place() -> None:
    """Regression: 经|中 made one unknown word, so 企业经中老铁路 was a railway of its own."""
    assert ("中老铁路", "Facility") in _names("湖南企业经中老铁路出口货值增长")
    assert all(not name.startswith(("经", "企业")) for name, _ in _names("湖南企业经中老铁路出口货值增长"))


def test_conjunction_glued_inside_a_stem_opens_no_place() -> None:
    assert [n for n, t in _names("推进甲乙铁路及胶新铁路扩能改造") if t == "Facility"][-1] == "胶新铁路"


def test_known_word_keeps_its_first_character() -> None:
    assert ("和平路", "Road") in _names("改造提升和平路")


@pytest.mark.parametrize(
    "text", ["开展访企入村专题行动", "推动新一轮公园建设", "建设美丽宜居村50个", "选派干部驻村帮扶"]
)
def test_verb_object_words_and_kinds_of_village_are_no_places(text: str) -> None:
    """Regression: 入村 (访企|入村, tagged a place) and 新一轮公园 were places."""
    assert _names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "建设乡镇文化站",
        "农村公路优良中等路比率达到85%",
        "推进12个先行片区建设",
        "撑起全省经济“半壁江山”",
        "加快边防路建设",
    ],
)
def test_generic_kinds_of_road_facility_and_area_are_no_places(text: str) -> None:
    assert _names(text) == []


def test_a_common_word_short_name_in_a_list_of_divisions_is_a_division() -> None:
    assert _names("推动黄山、芜湖、铜陵协同发展。") == [("黄山", "City"), ("芜湖", "City"), ("铜陵", "City")]
    home = DocContext(jurisdiction="浙江省", level="province")
    found = [(m.name, m.type) for m in place_mentions("推进永康、义乌、东阳联动发展。", home)]
    assert found == [("永康", "County"), ("义乌", "County"), ("东阳", "County")]


@pytest.mark.parametrize(
    "text",
    [
        "坚持和平、发展、合作的方向。",  # no division in the list
        "推动中山、芜湖、创新、开放。",  # a list of other things, one division among them
        "推动黄山、中山、芜湖协同发展。",  # the common words are as many as the divisions
    ],
)
def test_a_common_word_short_name_outside_a_list_of_divisions_is_no_place(text: str) -> None:
    assert [m.name for m in place_mentions(text) if m.name in ("和平", "中山", "黄山")] == []


def test_a_listed_county_level_short_name_is_read_near_home_only() -> None:
    away = DocContext(jurisdiction="湖北省", level="province")
    assert "永康" not in [m.name for m in place_mentions("支持永康、潜江、天门加快发展。", away)]
