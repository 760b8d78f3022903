"""Tests of the zone, port, township and scenic-area suffixes of the place finder."""

from kg.extract.places import place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


def test_designated_zones_named_after_a_place() -> None:
    found = _names("支持湛江综合改革试验区和茂名产业协作园区建设")
    assert ("湛江综合改革试验区", "Area") in found
    assert ("茂名产业协作园区", "Area") in found


def test_designations_without_a_place_are_no_zones() -> None:
    assert _names("加快建设美丽中国先行区，打造低碳发展示范区，创建海洋经济发展示范区") == []


def test_a_line_named_after_a_zone_is_no_zone() -> None:
    assert _names("开工建设湛江示范区线") == [("湛江", "City")]


def test_ports_and_border_crossings() -> None:
    assert _names("提升湛江港、北海港集装箱吞吐能力") == [("湛江港", "Facility"), ("北海港", "Facility")]
    assert _names("推动凭祥口岸扩能，提质边境口岸") == [("凭祥口岸", "Facility")]


def test_port_words_are_no_ports() -> None:
    assert _names("发展临港产业，建设自贸港，推进港口开港运营") == []


def test_townships() -> None:
    assert _names("支持浦口乡发展特色农业") == [("浦口乡", "Town")]


def test_phrases_ending_in_the_countryside_are_no_townships() -> None:
    assert _names("坚持以城带乡、以工促农，统筹治城治乡") == []


def test_new_towns_grasslands_wetlands_and_scenic_areas() -> None:
    assert _names("加快龙川新城建设，保护呼伦贝尔草原和西溪湿地") == [
        ("龙川新城", "Area"),
        ("呼伦贝尔草原", "Area"),
        ("西溪湿地", "Area"),
    ]
    assert _names("打造桂林漓江风景名胜区和阳朔国际旅游区") == [
        ("桂林漓江风景名胜区", "Landmark"),
        ("阳朔国际旅游区", "Area"),
    ]


def test_counted_list_of_townships_without_a_classifier() -> None:
    assert _names("支持石桥、梅岭、杏坛三镇发展") == [("石桥", "Town"), ("梅岭", "Town"), ("杏坛", "Town")]
    assert _names("新增青龙、白虎、朱雀三个乡镇") == [("青龙", "Town"), ("白虎", "Town"), ("朱雀", "Town")]


def test_a_count_of_subdistricts_types_its_list() -> None:
    assert _names("推动甲岗、乙水两个街道改造") == [("甲岗", "Subdistrict"), ("乙水", "Subdistrict")]


def test_a_disagreeing_count_of_townships_lists_nothing() -> None:
    assert _names("建成青龙、白虎五个乡镇综合服务中心") == []


def test_dictionary_words_for_kinds_of_villages_and_stations_are_no_places() -> None:
    assert _names("帮扶贫困村发展，改造热电站、拖拉机站，发展普通中学") == []


def test_named_villages_stations_and_schools_stay() -> None:
    found = _names("保护华西村，建设重庆站、武清站，新建朝阳小学")
    assert found == [("华西村", "Village"), ("重庆站", "Facility"), ("武清站", "Facility"), ("朝阳小学", "Facility")]


def test_national_parks_named_after_a_species() -> None:
    assert _names("巩固金丝猴国家公园建设成果") == [("金丝猴国家公园", "Park")]


def test_national_park_without_a_name_is_no_place() -> None:
    assert _names("加快建设国家公园，创建以国家公园为主体的自然保护地体系，推进生态国家公园") == []


def test_platforms_named_like_lakes_or_ports_are_no_places() -> None:
    assert _names("建设甲乙数据湖和丙丁信息港，治理甲乙湖") == [("甲乙湖", "Lake")]


def test_a_place_shaped_word_inside_a_quoted_slogan_is_no_place() -> None:
    assert _names("“美丽丙丁村”提质扩面，走好城乡“幸福路”，“和美乙村”扩面，走好“融通路”") == []


def test_a_quoted_slogan_leaves_the_places_around_it() -> None:
    assert _names("甲乙河沿岸推进“清水绿岸”行动") == [("甲乙河", "River")]


def test_routes_named_by_the_short_names_of_their_ends() -> None:
    assert _names("加快成渝铁路建设，建成港珠澳大桥") == [("成渝铁路", "Facility"), ("港珠澳大桥", "Facility")]


def test_kinds_of_railway_and_bridge_are_no_routes() -> None:
    assert _names("建设城际铁路和跨境铁路，新建跨海大桥") == []


def test_a_city_station_named_by_its_direction() -> None:
    assert _names("柳州西站建成，推进南宁东站") == [("柳州西站", "Facility"), ("南宁东站", "Facility")]


def test_a_direction_station_is_not_shared_over_a_list() -> None:
    assert ("甲乙东站", "Facility") not in _names("加快推进甲乙、南宁东站等项目")


def test_airport_zones() -> None:
    assert ("湛江航空港区", "Area") in _names("编制好新一轮湛江航空港区发展规划")


def test_roads_named_by_words_read_as_verbs_and_a_direction_road() -> None:
    assert _names("改造胜利街、振兴大道和团结路，整治中山北路") == [
        ("胜利街", "Road"),
        ("振兴大道", "Road"),
        ("团结路", "Road"),
        ("中山北路", "Road"),
    ]


def test_paths_and_ways_of_prose_are_no_roads() -> None:
    assert _names("完善交通建设路网和发展路径，在创业路上奋勇前进") == []


def test_a_dictionary_word_ending_in_the_countryside_is_no_township() -> None:
    assert _names("满足上山下乡知识青年的要求，建设鱼米水乡") == []


def test_a_verb_before_a_railway_is_no_route_name() -> None:
    assert _names("深化铁路投融资改革，重点支持建设高速宽带网络") == []


def test_new_town_and_village_names_the_segmenter_reads_as_persons() -> None:
    assert _names("在梁水镇建设农业园，推进柳园镇王庄村美丽乡村建设") == [
        ("梁水镇", "Town"),
        ("柳园镇", "Town"),
        ("王庄村", "Village"),
    ]


def test_a_settlement_before_a_generic_noun_is_the_place() -> None:
    assert _names("完成北城街道老旧小区改造") == [("北城街道", "Subdistrict")]


def test_an_airport_named_after_a_mountain_keeps_its_name() -> None:
    assert _names("建成天山国际机场") == [("天山国际机场", "Facility")]


def test_roads_with_a_direction_word() -> None:
    assert _names("实施运河东路改造") == [("运河东路", "Road")]


def test_irrigation_districts_plants_stations_and_tunnels() -> None:
    assert _names("完成位山灌区续建配套，建成城东污水处理厂和杨柳青电厂，推进虚拟电厂建设") == [
        ("位山灌区", "Area"),
        ("城东污水处理厂", "Facility"),
        ("杨柳青电厂", "Facility"),
    ]
    assert _names("建设临清高铁站、东昌汽车站，打通黄山隧道") == [
        ("临清高铁站", "Facility"),
        ("东昌汽车站", "Facility"),
        ("黄山隧道", "Facility"),
    ]


def test_numbered_grid_streets_and_their_bridges() -> None:
    assert _names("打通经二路、纬三街，建成南一路高架桥") == [
        ("经二路", "Road"),
        ("纬三街", "Road"),
        ("南一路高架桥", "Road"),
    ]


def test_a_province_then_all_the_way_is_no_street() -> None:
    assert _names("湖北一路领先，坚持一路走来") == [("湖北", "Province")]


def test_industrial_clusters_and_economic_regions() -> None:
    found = _names("支持湛江产业集聚区、茂名工业集中区发展，打造川南经济区")
    assert [n for n in found if n[1] == "Area"] == [
        ("湛江产业集聚区", "Area"),
        ("茂名工业集中区", "Area"),
        ("川南经济区", "Area"),
    ]
    assert _names("推进产业集聚区二次创业，优化主体功能区布局，建设生态功能区") == []


def test_a_place_opening_a_university_or_laboratory_name_is_no_place() -> None:
    assert _names("建设嵩山实验室，支持茂名研究院发展") == []


def test_a_zone_named_after_a_hill_word_has_no_landmark_inside() -> None:
    assert _names("梅冈工业园区总产值突破百亿元") == [("梅冈工业园区", "Area")]


def test_a_city_the_segmenter_tags_as_a_verb_opens_its_zone() -> None:
    assert ("开封新材料高新技术产业开发区", "Area") in _names("、开封新材料高新技术产业开发区入选首批国家级")


def test_rivers_listed_by_their_reaches() -> None:
    found = _names("推进黄河郑州段、沁河焦作段、卫河治理")
    assert [n for n, t in found if t == "River"] == ["黄河", "沁河", "卫河"]


def test_a_stem_opening_inside_a_cut_word_gives_no_truncated_name() -> None:
    assert ("憨镇", "Town") not in _names("托管磨甲共建口岸，磨憨镇")


def test_national_cultural_parks_with_their_reach() -> None:
    text = "高水平推进国家文化公园(甲城段)建设，加快长江国家文化公园（乙省段）建设，推进长城、黄河国家文化公园建设"
    assert _names(text) == [
        ("国家文化公园(甲城段)", "Park"),
        ("长江国家文化公园（乙省段）", "Park"),
        ("长城国家文化公园", "Park"),
        ("黄河国家文化公园", "Park"),
    ]
    assert _names("建设国家文化公园") == []


def test_a_national_park_named_after_a_region_and_a_species() -> None:
    assert _names("东北虎豹国家公园成为首批国家公园") == [("东北虎豹国家公园", "Park")]


def test_a_count_of_rural_model_villages_lists_no_townships() -> None:
    assert _names("建成石桥、梅岭、杏坛3个乡村振兴示范村") == []
    assert _names("支持石桥、梅岭、杏坛三乡发展") == [("石桥", "Town"), ("梅岭", "Town"), ("杏坛", "Town")]


def test_counted_lists_of_residential_compounds_scenic_areas_and_reservoirs() -> None:
    assert _names("完成阳光花园、幸福家园等12个小区改造") == [("阳光花园", "Community"), ("幸福家园", "Community")]
    assert _names("推进金鸡岭、凤凰台2个景区提档升级，建设龙潭、石门2座水库") == [
        ("金鸡岭", "Landmark"),
        ("凤凰台", "Landmark"),
        ("龙潭", "Lake"),
        ("石门", "Lake"),
    ]


def test_one_unsuffixed_phrase_before_a_count_of_parks_is_no_place() -> None:
    assert _names("甲乙融合绿色智造等2个园区纳入试点") == []


def test_a_residential_compound_named_with_a_house_number() -> None:
    assert _names("加快丙丁学府壹号建设，改造小区1号院和甲乙小区1号楼") == [("丙丁学府壹号", "Community")]


def test_science_cities_are_zones_named_by_a_place() -> None:
    assert ("太湖科学城", "Area") in [(m.name, m.type) for m in place_mentions("推动太湖科学城建设")]
    assert ("崂山科技城", "Area") in [(m.name, m.type) for m in place_mentions("支持崂山科技城发展")]
    assert place_mentions("加快畜牧科技城建设") == []  # a common stem names no zone


def test_business_districts_named_after_a_place() -> None:
    assert _names("出台甲桥国际商务区专项规划，建设中央商务区。") == [("甲桥国际商务区", "Area")]


def test_ancient_towns_are_landmarks_and_kinds_of_them_are_none() -> None:
    found = _names("保护甲庄古镇、乙木川古镇，打造特色古镇、千年古镇。")
    assert found == [("甲庄古镇", "Landmark"), ("乙木川古镇", "Landmark")]


def test_zones_named_with_their_place_in_brackets() -> None:
    found = _names("建设中国（甘肃）自由贸易试验区，提升西部（成都）科学城。")
    assert found == [
        ("中国（甘肃）自由贸易试验区", "Area"),
        ("甘肃", "Province"),
        ("西部（成都）科学城", "Area"),
        ("成都", "City"),
    ]
    assert ("中国（太原）国际能源产业博览会", "Area") not in _names("举办中国（太原）国际能源产业博览会。")  # an event


def test_an_experimental_zone_named_after_a_place() -> None:
    found = _names("洛阳航空港经济综合实验区加快发展，建设教育综合改革实验区。")
    assert found == [("洛阳航空港经济综合实验区", "Area"), ("洛阳", "City")]


def test_superlatives_and_chains_of_levels_name_no_facility() -> None:
    assert _names("建成亚洲最大专业货运机场，完善省市县博物馆体系。") == []


def test_a_bracketed_zone_still_bid_for_is_no_place() -> None:
    names = [m.name for m in place_mentions("积极申建中国（云南）自由贸易试验区新片区。")]
    assert "中国（云南）自由贸易试验区" not in names
    assert "中国（云南）自由贸易试验区" in [m.name for m in place_mentions("高标准建设中国（云南）自由贸易试验区。")]


def test_a_bracketed_zone_won_by_a_bid_is_a_place() -> None:
    assert "中国（云南）自贸试验区" in [m.name for m in place_mentions("成功申建中国（云南）自贸试验区，出台新政。")]
