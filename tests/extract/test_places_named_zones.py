"""Tests of the named zones of the spatial plans (城镇群, 国家自主创新示范区, 引领区, 发展区) and of the county
names that only label a zone."""

from kg.extract.model import DocContext
from kg.extract.places import place_mentions
from kg.extract.tokens import Token

_SHANGHAI = DocContext("上海市", "province")


def _names(text: str, ctx: DocContext | None = None) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text, ctx)]


def test_town_clusters_named_by_a_region_of_a_province() -> None:
    found = _names("推动陕南城镇群和桂东城镇群协同发展。")
    assert found == [("陕南城镇群", "Area"), ("桂东城镇群", "Area")]  # not 陕南 alone


def test_innovation_zones_named_by_their_cities_short_names() -> None:
    found = _names("建设苏锡常国家自主创新示范区。")
    assert found == [("苏锡常国家自主创新示范区", "Area")]


def test_the_bare_innovation_zone_designation_is_no_place() -> None:
    assert _names("增强国家自主创新示范区等带动作用。") == []


def test_a_leading_zone_opens_on_a_place_word() -> None:
    assert _names("深化建设嘉定引领区，打造全国数字经济高质量发展引领区。", _SHANGHAI) == [("嘉定引领区", "Area")]


def test_a_development_zone_needs_a_place_word() -> None:
    assert _names("建设城乡融合发展区和武汉绿色发展区。") == [("武汉绿色发展区", "Area"), ("武汉", "City")]


def test_a_districts_short_name_inside_a_zone_is_no_mention_of_the_district() -> None:
    assert _names("加快闵行大学城建设。", _SHANGHAI) == [("闵行大学城", "Area")]


def test_a_districts_short_name_on_its_own_stays_the_district() -> None:
    assert ("闵行", "District") in _names("闵行加快大学城建设。", _SHANGHAI)


def test_a_city_inside_its_metropolitan_area_stays_the_city() -> None:
    assert _names("完善石家庄都市圈规划。") == [("石家庄都市圈", "Area"), ("石家庄", "City")]


def test_a_district_listed_before_a_shared_zone_head_keeps_the_one_after() -> None:
    found = _names("推进嘉定、闵行科技园建设。", _SHANGHAI)
    assert ("嘉定", "District") in found and ("闵行", "District") in found


def test_a_zone_around_a_feature_is_named_with_its_ring_word() -> None:
    assert _names("建设环洞庭湖生态经济区。") == [("环洞庭湖生态经济区", "Area")]  # the lake only labels the zone


def test_a_lake_inside_a_zone_name_only_labels_the_zone() -> None:
    assert _names("建设洞庭湖生态经济区。") == [("洞庭湖生态经济区", "Area")]


def test_a_lake_named_on_its_own_beside_its_zone_stays_the_lake() -> None:
    assert ("洞庭湖", "Lake") in _names("保护洞庭湖，建设洞庭湖生态经济区。")


def test_a_lake_inside_a_park_name_stays_the_lake() -> None:
    assert ("望月湖", "Lake") in _names("建成望月湖公园。")


def test_the_ring_word_before_a_natural_feature_names_no_zone() -> None:
    assert ("环城市群", "Area") not in _names("加快环城市群高速建设。")
    assert ("库布其沙漠", "Area") in _names("推进环库布其沙漠锁边林草带建设。")


def test_a_place_word_cut_after_its_first_character_is_mended() -> None:
    assert _names("建设天山北坡经济带。") == [("天山北坡经济带", "Area")]


def test_a_designation_spelling_out_its_field_at_length_opens_on_its_place() -> None:
    found = _names("高质量建设巴彦淖尔国家现代煤化工产业示范区。")
    assert ("巴彦淖尔国家现代煤化工产业示范区", "Area") in found


def test_a_designation_given_to_a_zone_named_before_it_is_no_zone_of_its_own() -> None:
    found = _names("推进锡林郭勒经济技术开发区国家级零碳园区建设。")
    assert all(not name.endswith("零碳园区") for name, _ in found)


def test_a_zone_opening_on_a_province_region_split_by_the_segmenter() -> None:
    assert _names("推进川西北生态示范区建设。") == [("川西北生态示范区", "Area")]


def test_a_province_region_before_words_of_a_sentence_opens_no_route() -> None:
    assert ("川西北", "Area") in _names("新线通车改变川西北不通铁路的历史。")


def test_a_city_circle_and_a_cultural_belt_named_by_a_place() -> None:
    found = _names("提升蚌埠城市圈综合承载能力，建设大运河文化带。")
    assert found == [("蚌埠城市圈", "Area"), ("蚌埠", "City"), ("大运河文化带", "Area")]


def test_a_pilot_designation_opens_on_a_place_word() -> None:
    assert _names("支持辽西先导区承接产业转移，创建国家未来产业先导区。") == [("辽西先导区", "Area")]


def test_named_regions_listed_before_a_zone_do_not_share_its_head() -> None:
    found = _names("深化同京津冀、珠三角、长江经济带等区域合作。")
    assert found == [("京津冀", "Area"), ("珠三角", "Area"), ("长江经济带", "Area")]


def test_a_zone_named_after_a_range_of_two_features_is_one_zone() -> None:
    assert _names("推进武夷山—黄山旅游带建设。") == [("武夷山—黄山旅游带", "Area")]


def test_a_belt_named_by_the_course_it_runs_along() -> None:
    assert _names("沿海经济带协同效应显现，建设沿江产业带。") == [("沿海经济带", "Area"), ("沿江产业带", "Area")]


def test_a_route_word_before_a_belt_names_no_belt() -> None:
    assert _names("打造沿线经济带。") == []


def test_a_cluster_named_by_its_members_in_quotes_keeps_the_quotes() -> None:
    assert _names("带动“宜荆荆恩”城市群一体化发展。") == [("“宜荆荆恩”城市群", "Area")]


def test_a_quoted_layout_before_a_cluster_word_is_no_cluster() -> None:
    assert _names("推进“一核两翼”城市群建设，打造“东西南北”城市群。") == []


def test_a_list_of_joint_short_names_shares_the_corridor_head_after_it() -> None:
    names = [(m.name, m.type) for m in place_mentions("推进赣抚、赣吉、赣萍产业走廊建设。")]
    assert names == [("赣抚产业走廊", "Area"), ("赣吉产业走廊", "Area"), ("赣萍产业走廊", "Area")]


def test_parks_of_two_places_named_by_their_short_names_are_zones() -> None:
    names = [m.name for m in place_mentions("共建鲁琼、苏琼合作产业园。")]
    assert names == ["鲁琼合作产业园", "苏琼合作产业园"]


def test_a_park_without_a_place_word_is_a_kind() -> None:
    assert place_mentions("建设数字经济产业园。") == []


def test_a_place_word_ending_a_new_word_opens_no_zone() -> None:
    # 沪明/a is no word of the dictionary: 滨江 only ends it, so the park is not 滨江产业园
    assert place_mentions("项目落地沪明滨江产业园。") == []


def test_an_old_base_area_named_after_a_mountain_is_one_area() -> None:
    # the mountain only labels the base area, no place of its own here
    assert _names("支持太行山革命老区振兴。") == [("太行山革命老区", "Area")]


def test_old_base_areas_without_a_name_are_no_place() -> None:
    assert _names("持续支持革命老区振兴。") == []


def test_a_data_centre_cluster_named_by_its_place_is_a_zone() -> None:
    assert _names("建设数据中心集群。") == []
    assert ("长白数据中心集群", "Area") in _names("推动长白数据中心集群重点项目投产。")


def test_a_verbs_last_character_glued_to_a_parks_name_is_no_part_of_it() -> None:
    text = "做强甲乙中关村科技园。"
    words = [("做", "v"), ("强甲乙", "nr"), ("中关村", "ns"), ("科技园", "n"), ("。", "x")]  # as the segmenter glues
    tokens, at = [], 0
    for word, tag in words:
        tokens.append(Token(word, tag, at, at + len(word)))
        at += len(word)
    assert [m.name for m in place_mentions(text, None, tokens)] == ["甲乙中关村科技园"]


def test_a_national_hubs_cluster_is_a_zone_and_its_county_only_labels_it() -> None:
    assert _names("全国一体化算力网络国家枢纽达茂集群建设成效明显。") == [("达茂集群", "Area")]
    assert _names("国家枢纽节点庆城数据中心集群建设扎实推进。") == [("庆城数据中心集群", "Area")]


def test_an_industrial_cluster_is_no_zone() -> None:
    assert ("长沙集群", "Area") not in _names("打造长沙集群。")
    assert _names("壮大长沙工程机械产业集群。") == [("长沙", "City")]
