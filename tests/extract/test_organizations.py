"""Tests of the organisation finder."""

from kg.extract.organizations import organization_names


def test_list_before_key_enterprises() -> None:
    assert organization_names("围绕甲汽、乙客、丙化等重点企业发展") == ["甲汽", "乙客", "丙化"]


def test_suffix_names_and_peoples_organisations() -> None:
    text = "由市执法局、供电公司负责；支持工会、共青团、妇联参与，引进湘江能源集团"
    assert organization_names(text) == ["供电公司", "工会", "共青团", "妇联", "湘江能源集团"]


def test_generic_hospitals_are_not_organisations() -> None:
    assert organization_names("基层医院资源闲置，公立医院改革") == []


def test_company_ends_on_a_word_end() -> None:
    assert organization_names("吸引万名大学生留在本地，支持湘江能源集团扩产") == ["湘江能源集团"]


def test_graded_or_counted_bodies_are_not_names() -> None:
    assert organization_names("支持市县级医院建设，加强与三大油气公司合作") == []


def test_list_before_a_counted_kind() -> None:
    assert organization_names("对接中石化、中石油等两大油气公司") == ["中石化", "中石油"]


def test_name_starts_after_the_verb() -> None:
    assert organization_names("深化湘江教育集团办学") == ["湘江教育集团"]


def test_counted_and_generic_kinds_are_not_names() -> None:
    assert organization_names("建设一批特色学院，支持境内上市公司并购，建好3个国家中医药特色重点医院") == []


def test_suffix_inside_a_word_keeps_the_stem() -> None:
    assert organization_names("支持区妇幼保健院创建省级专科") == ["区妇幼保健院"]


def test_kind_words_and_a_suffix_name_a_kind_not_a_body() -> None:
    assert organization_names("要深化国有大型商业银行改革，培育跨国公司。") == []
    assert organization_names("支持云南农村商业银行扩大信贷。") == ["云南农村商业银行"]


def test_verbal_noun_or_time_word_before_the_name_is_not_part_of_it() -> None:
    assert organization_names("积极发展民营银行。") == []
    assert organization_names("今年甲乙集团投产。") == ["甲乙集团"]
    assert organization_names("县供电公司负责运维。") == ["县供电公司"]


def test_list_of_kinds_of_enterprise_is_no_list_of_names() -> None:
    """Regression: 高新技术企业、科技型中小企业等优质企业 gave two 'organisations' that are kinds."""
    assert organization_names("壮大瞪羚企业、高新技术企业、科技型中小企业等优质企业群体") == []


def test_list_of_activities_is_no_list_of_names() -> None:
    assert organization_names("吸引装备研发制造、整机总装测试等企业落户") == []


def test_list_of_brand_words_stays() -> None:
    """Short company names may be dictionary words (甲光, 乙腾): one-word members are kept."""
    assert organization_names("依托甲光、飞腾、丙芯国际等企业") == ["甲光", "飞腾", "丙芯国际"]


def test_list_closed_by_a_verb_and_its_object() -> None:
    """甲、乙等|推动|企业: the enterprises are the verb's object, not the kind of the list."""
    assert organization_names("引导金融、物流等支持企业转型") == []


def test_name_does_not_open_on_a_determiner_or_founding_verb() -> None:
    assert organization_names("新建省级卓越工程师学院，推动所有定点医院互认") == []


def test_name_does_not_open_on_a_verb_complement() -> None:
    """建|好|某研究院: the one-character adjective after a verb completes the verb."""
    assert organization_names("建好湘江高等研究院等平台") == ["湘江高等研究院"]


def test_national_centre_is_no_phrase_with_de() -> None:
    assert organization_names("围绕以中国式现代化开创本省发展新局面的中心任务") == []


def test_list_member_with_an_unknown_word_is_a_name() -> None:
    """甲晟|国资 ends in a verbal noun but opens on a word the dictionary does not know: a company's short name."""
    assert organization_names("支持甲晟国资、乙旅集团等企业") == ["甲晟国资", "乙旅集团"]


def test_generic_kinds_of_university_and_platform_company() -> None:
    assert organization_names("建设世界一流大学，规范地方政府融资平台公司") == []


def test_one_member_before_a_count_of_enterprises_is_an_enterprise() -> None:
    assert organization_names("思源睿等5户企业入选省级优秀案例。") == ["思源睿"]
    assert organization_names("引进宁德时代等12家企业落户园区。") == ["宁德时代"]


def test_one_common_member_or_no_count_gives_no_enterprise() -> None:
    assert organization_names("带动上下游等30家企业落户。") == []
    assert organization_names("推动钢铁等10家企业转型，支持瑞华等企业发展。") == []


def test_a_list_closed_by_a_batch_of_enterprises_names_each() -> None:
    names = organization_names("集聚了思源睿、蜜雪冰城等一批行业领军企业。")
    assert names == ["思源睿", "蜜雪冰城"]


def test_enterprises_yet_to_be_founded_are_kinds() -> None:
    assert organization_names("组建能源发展、数据、城市更新等一批主业企业。") == []


def test_a_state_key_laboratory_is_named_by_its_field() -> None:
    text = "平台载体加快建设，陆相页岩油全国重点实验室助力产量突破。"
    assert organization_names(text) == ["陆相页岩油全国重点实验室"]
    assert organization_names("依托煤炭清洁利用国家重点实验室开展攻关。") == ["煤炭清洁利用国家重点实验室"]
    assert organization_names("支持高校争创全国重点实验室。") == []


def test_a_division_tagged_an_adverb_stays_in_an_institute_name() -> None:
    names = organization_names("依托中国科学院大连化学物理研究所建设平台。")
    assert names == ["中国科学院大连化学物理研究所"]  # the academy only opens its institute's name


def test_a_list_before_a_longer_kind_of_enterprise_names_each() -> None:
    names = organization_names("云账房、邻里云、橙子数科等平台经济企业营收快速增长。")
    assert names == ["云账房", "邻里云", "橙子数科"]
    assert organization_names("计量、检测等平台经济企业营收增长。") == []


def test_first_member_the_segmenter_split_into_verbs_is_a_name() -> None:
    assert organization_names("支持超聚变、许继、平高等领军企业。") == ["超聚变", "许继", "平高"]


def test_first_member_split_into_verbs_among_activities_stays_out() -> None:
    assert "扩产能" not in organization_names("支持扩产能、降成本等企业。")
