"""Tests of the agency finder: prefixes, list continuations, jurisdictions, merging."""

from kg.extract.agencies import agency_mentions, find_agencies, parse_agency_mentions
from kg.extract.context import doc_context


def test_mentions_skip_enterprises_and_generic_groups() -> None:
    text = "由市住建局牵头，市执法局、供电公司配合，各地区和相关部门负责"
    assert [m for _, _, m in agency_mentions(text)] == ["市住建局", "市执法局"]


def test_bare_name_in_a_list_shares_the_prefix() -> None:
    assert [m for _, _, m in agency_mentions("由市建委、交通局负责")] == ["市建委", "交通局"]


def test_words_that_contain_a_prefix_are_not_agencies() -> None:
    assert agency_mentions("推动市属企业优化重组，建设市级旅游集散中心，实现区域均衡布局") == []
    assert agency_mentions("自觉接受人大监督、政协监督") == []


def test_office_of_the_party_committee_and_government() -> None:
    found = [m for _, _, m in agency_mentions("市委宣传部、市政府外办和市委、市政府督考办")]
    assert found == ["市委宣传部", "市政府外办", "市委", "市政府督考办"]


def test_city_body_in_a_district_report_belongs_to_the_parent_city(make_report) -> None:
    report = make_report("在市委、市政府和区委的坚强领导下，由市发展改革委牵头。省委省政府工作要求。")
    agencies = {(a.mention, a.jurisdiction) for a in find_agencies(report, doc_context(report.meta))}
    assert agencies == {
        ("市委", "聊城市"),
        ("市政府", "聊城市"),
        ("区委", "东昌府区"),
        ("市发展改革委", "聊城市"),
        ("省委", "山东省"),
        ("省政府", "山东省"),
    }


def test_forms_of_one_body_merge_with_aliases(make_report) -> None:
    report = make_report("由市发改委负责。市发展改革委牵头。", jurisdiction="聊城市", parents=("山东省",))
    [agency] = find_agencies(report, doc_context(report.meta))
    assert agency.name == "发展和改革委员会"
    assert agency.jurisdiction == "聊城市"
    assert {"市发展改革委", "聊城市发展和改革委员会"} <= {agency.mention, *agency.aliases}
    assert agency.sentences == [0, 1]


def test_central_party_body_is_national(make_report) -> None:
    report = make_report("紧密团结在以习近平同志为核心的党中央周围。")
    [agency] = find_agencies(report, doc_context(report.meta))
    assert (agency.mention, agency.jurisdiction) == ("党中央", "中国")


def test_mention_search_finds_what_a_regex_search_finds() -> None:
    import re

    from kg.extract.agencies import _LEVEL_PREFIXES, _PARTIES, _bodies, _mention_search, _places
    from kg.extract.lexicon import alternation

    place = rf"(?:{alternation(_places().names)}|X{{2,3}}(?:省|市|区|县))"
    regex = re.compile(
        rf"(?P<pre>(?:{alternation(_PARTIES)})?(?:(?P<place>{place})|(?P<level>{alternation(_LEVEL_PREFIXES)})))"
        rf"(?P<body>{_bodies()})"
    )
    text = (
        "中共聊城市委员会、市发展改革委和中国共产党东昌府区委员会，XXX市财政局与全市市场监管局、"
        "县委宣传部，XX县人民政府和自治区党委、中共中央、北京市朝阳区人民政府"
    )
    search = _mention_search(text)
    for pos in range(len(text) + 1):
        plain, found = regex.search(text, pos), search(pos)
        expected = plain and (plain.start(), plain.end(), plain.group("pre", "place", "level", "body"))
        assert (found and (found.start, found.end, (found.pre, found.place, found.level, found.body))) == expected


def _mentions(text: str) -> list[str]:
    return [m for _, _, m in agency_mentions(text)]


def test_a_suffix_inside_another_word_makes_no_body() -> None:
    # 布局, 部署, 通办, 格局 end in 局/署/办 but are words of their own
    assert _mentions("前瞻布局一批未来产业，纳入全国重点省份布局") == []
    assert _mentions("推动政务服务跨省通办，构建全区生态保护新格局") == []
    assert _mentions("落实好省委部署，贯彻市委工作部署") == ["省委", "市委"]


def test_a_level_inside_another_word_is_no_prefix() -> None:
    # 全市, 城市, 我市, 市场: the level character is part of another word
    assert _mentions("全市城市管理局和我市商务局，市场监管局") == []
    assert _mentions("由市执法局负责，对区财政局考核") == ["市执法局", "区财政局"]


def test_a_year_before_a_province_is_not_part_of_the_mention() -> None:
    found = parse_agency_mentions("2026年四川省委决策部署落到实处")
    assert [(m.text, m.prefix, m.canonical) for m in found] == [("四川省委", "四川省", "党委")]


def test_stem_and_organ_suffix_of_whole_words() -> None:
    assert _mentions("省煤电油气供应保障办公室协调，市委、市政府督考办要定期考评") == [
        "省煤电油气供应保障办公室",
        "市委",
        "市政府督考办",
    ]
    assert _mentions("山西省忻州市清洁取暖工作领导小组办公室印发") == ["山西省忻州市清洁取暖工作领导小组办公室"]


def test_centres_are_bodies_only_when_the_table_lists_them() -> None:
    assert _mentions("建成省疾控中心，望花区公办养老福利中心投入使用") == ["省疾控中心"]


def test_national_bodies_need_no_prefix() -> None:
    found = parse_agency_mentions("财政部、国家统计局和海关总署会同国家发展改革委")
    assert [(m.text, m.level) for m in found] == [
        ("财政部", "national"),
        ("国家统计局", "national"),
        ("海关总署", "national"),
        ("国家发展改革委", "national"),
    ]
    assert _mentions("健全公安部门协作机制") == []  # 公安部 inside 公安部门 is no ministry


def test_elliptical_list_names_a_body_per_item() -> None:
    found = parse_agency_mentions("由市发展改革、财政、国土资源等部门负责")
    assert [(m.text, m.canonical) for m in found] == [
        ("市发展改革委", "发展和改革委员会"),
        ("市财政局", "财政局"),
        ("市国土资源局", "规划和国土资源局"),
    ]


def test_finance_payers_are_the_finance_bureau_of_their_level() -> None:
    found = parse_agency_mentions("所需资金由市、区两级财政按比例分担，区财政承担其余部分")
    assert [(m.text, m.level, m.canonical) for m in found] == [
        ("市财政", "市", "财政局"),
        ("区财政", "区", "财政局"),
        ("区财政", "区", "财政局"),
    ]
    assert _mentions("统筹市财政资金，增加区财政收入") == []  # money, not a payer


def test_sector_word_is_a_body_only_when_given_a_task() -> None:
    assert _mentions("由公安部门向执法局移交案件") == ["公安部门"]
    assert _mentions("各级政府和教育部门要端正办学思想") == []
    assert _mentions("市教育部门要端正办学思想") == ["市教育部门"]


def test_lists_of_levels_and_the_central_inspection_are_not_bodies() -> None:
    assert _mentions("省、市、县政府部门制定权责清单") == []
    assert _mentions("中央生态环保督察反馈问题整改，中央环保督察") == []


def test_second_nameplate_in_brackets_is_one_body(make_report) -> None:
    report = make_report("由市发展改革委（市能源局）负责。", jurisdiction="滨州市", parents=("山东省",))
    [agency] = find_agencies(report, doc_context(report.meta))
    assert agency.jurisdiction == "滨州市"
    assert {"市发展改革委", "市能源局"} <= {agency.mention, *agency.aliases}


def test_level_without_a_matching_place_takes_a_named_one(make_report) -> None:
    report = make_report("四川省人民政府工作报告。在省委坚强领导下，省林草局牵头。", jurisdiction="", parents=())
    ctx = doc_context(report.meta)
    found = {(a.mention, a.jurisdiction) for a in find_agencies(report, ctx)}
    assert ("省委", "四川省") in found
    assert ("省林草局", "四川省") in found


def test_bare_body_belongs_to_the_document(make_report) -> None:
    report = make_report("由公安部门向城市管理部门移交。", jurisdiction="XX市", parents=())
    [agency] = find_agencies(report, doc_context(report.meta))
    assert (agency.mention, agency.jurisdiction) == ("公安部门", "XX市")
    assert "市公安局" in agency.aliases


def test_levels_in_the_national_report_are_not_one_body(make_report) -> None:
    report = make_report("国务院要求省政府加强监督，财政部负责。", jurisdiction="中国", parents=())
    found = {(a.mention, a.jurisdiction) for a in find_agencies(report, doc_context(report.meta))}
    assert found == {("国务院", "中国"), ("财政部", "中国")}


def test_document_without_jurisdiction_takes_the_place_it_names(make_report) -> None:
    report = make_report("滨州市推进清洁取暖。由市财政局负责，滨州市各县区配合。", jurisdiction="", parents=())
    [agency] = find_agencies(report, doc_context(report.meta))
    assert (agency.mention, agency.jurisdiction) == ("市财政局", "滨州市")
    report = make_report("沾化区推进清洁取暖。由区财政局负责，沾化区各乡镇配合。", jurisdiction="", parents=())
    [agency] = find_agencies(report, doc_context(report.meta))
    assert (agency.mention, agency.jurisdiction) == ("区财政局", "沾化区")


def test_party_committee_of_a_named_place_in_any_segmentation() -> None:
    # the segmenter writes 中共/滨州/市委, 中共/聊城市/委员会 and 中共上海市委 as one word
    found = _mentions("中共滨州市委、中共聊城市委员会和中共上海市委")
    assert found == ["中共滨州市委", "中共聊城市委员会", "中共上海市委"]


def test_prefecture_levels_are_prefixes() -> None:
    assert _mentions("州委、州政府和盟委") == ["州委", "州政府", "盟委"]
    assert _mentions("推进全州农业现代化") == []


def test_central_offices_are_whole_bodies() -> None:
    found = parse_agency_mentions("国务院国资委、国务院办公厅和中共中央办公厅，省委办公厅")
    assert [(m.text, m.level) for m in found] == [
        ("国务院国资委", "national"),
        ("国务院办公厅", "national"),
        ("中共中央办公厅", "national"),
        ("省委办公厅", "省"),
    ]


def test_document_without_jurisdiction_fills_levels_above_the_named_place(make_report) -> None:
    report = make_report("滨州市推进清洁取暖。按照省委部署，滨州市加快推进。", jurisdiction="", parents=())
    [agency] = find_agencies(report, doc_context(report.meta))
    assert (agency.mention, agency.jurisdiction) == ("省委", "山东省")


def test_a_place_named_once_is_no_jurisdiction(make_report) -> None:
    report = make_report("武汉市有8个焚烧厂。由市执法局负责。", jurisdiction="", parents=())
    [agency] = find_agencies(report, doc_context(report.meta))
    assert (agency.mention, agency.jurisdiction) == ("市执法局", None)


def test_a_guessed_word_of_a_verb_and_a_level_is_split() -> None:
    # the segmenter guesses 请市, 经市 as words; 全市, 超市 are dictionary words
    assert _mentions("请市财政局审核，经市政府同意") == ["市财政局", "市政府"]
    assert _mentions("超市管理局") == []


def test_a_counted_level_is_no_one_body() -> None:
    assert _mentions("各市政府和两市政府要加强协调") == []
    assert _mentions("2012年湖北省物价局印发") == ["湖北省物价局"]


def test_finance_payers_of_listed_levels() -> None:
    found = [(m.text, m.level) for m in parse_agency_mentions("省市县三级财政和市、县财政分担")]
    assert found == [("省财政", "省"), ("市财政", "市"), ("县财政", "县"), ("市财政", "市"), ("县财政", "县")]


def test_finance_of_listed_levels_followed_by_money_is_no_payer() -> None:
    assert _mentions("建立省市县三级财政科技投入稳定增长机制") == []


def test_unit_label_names_the_documents_own_bodies(make_report) -> None:
    report = make_report("新增养老床位7000张（牵头单位：民政厅、人社厅）。", jurisdiction="内蒙古自治区", parents=())
    found = {(a.mention, a.name, a.jurisdiction) for a in find_agencies(report, doc_context(report.meta))}
    assert found == {("民政厅", "民政厅", "内蒙古自治区"), ("人社厅", "人力资源和社会保障厅", "内蒙古自治区")}


def test_a_town_named_before_its_government_or_party_committee() -> None:
    """Towns are no GB/T 2260 divisions: 青石镇人民政府 was cut to 镇人民政府 and lost its town."""
    assert _mentions("由青石镇人民政府负责，白马乡党委配合") == ["青石镇人民政府", "白马乡党委"]


def test_kinds_and_sets_of_towns_name_no_town() -> None:
    assert _mentions("各乡镇人民政府落实属地责任，重点镇人民政府牵头") == ["镇人民政府"]


def test_town_body_takes_the_town_as_jurisdiction(make_report) -> None:
    text = "由青石镇人民政府负责，年底前完成污水管网改造12公里。"
    report = make_report(text, jurisdiction="沂水县", parents=("临沂市", "山东省"))
    found = find_agencies(report, doc_context(report.meta))
    assert [(a.mention, a.jurisdiction) for a in found] == [("青石镇人民政府", "青石镇")]


def test_a_subdistrict_named_before_its_office_or_party_working_committee() -> None:
    assert _mentions("城关街道办事处、东湖街道党工委负责，各街道办事处配合") == ["城关街道办事处", "东湖街道党工委"]
