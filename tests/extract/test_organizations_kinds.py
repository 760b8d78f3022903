"""Tests of what the organisation finder leaves out (kinds, designations, fields) and how it joins branches."""

from kg.extract.context import doc_context
from kg.extract.organizations import find_organizations, is_designation_kind, organization_names
from kg.extract.places import find_places
from kg.extract.tokens import sentence_tokens
from kg.loaders.load import load_text


def test_kinds_of_banks_and_companies_are_no_names() -> None:
    assert organization_names("发展中小银行、保险公司和信托公司，组建金融控股公司和大型综合性现代物流集团") == []


def test_a_verb_or_time_word_before_the_suffix_is_no_name() -> None:
    assert organization_names("稳步改革银行和保险机构") == []
    assert organization_names("现在银行储蓄余额较大") == []


def test_a_label_before_a_company_is_not_its_name() -> None:
    assert organization_names("推动新央企甲乙汽车集团落户") == ["甲乙汽车集团"]


def test_national_designation_kinds_are_no_bodies() -> None:
    text = "建设国家区域医疗中心和国家级技术创新中心，创建国家医学中心（中医类）和国家大豆技术创新中心"
    assert organization_names(text) == ["国家医学中心（中医类）", "国家大豆技术创新中心"]
    assert is_designation_kind("国家三大区域科技创新中心")
    assert not is_designation_kind("国家碳计量中心")


def test_a_list_of_business_fields_names_no_enterprises() -> None:
    assert organization_names("提高检验、检测、认证等服务企业的水平") == []
    assert organization_names("落实节能节水、资源综合利用等企业所得税优惠") == []


def test_a_list_of_new_words_before_enterprises_names_them() -> None:
    assert organization_names("，甲乙科技、丙丁智领等领军企业加快发展") == ["甲乙科技", "丙丁智领"]


def test_a_ranking_is_no_university() -> None:
    assert organization_names("甲乙大学进入软科中国大学排名百强") == ["甲乙大学"]


def test_a_branch_hospital_joins_the_university_hospital_before_it() -> None:
    names = organization_names("支持湛江中医药大学附属医院茂名医院建设")
    assert names == ["湛江中医药大学附属医院茂名医院"]  # the university only opens its hospital's name


def test_a_hospital_read_as_a_place_is_not_an_organisation_too() -> None:
    report = load_text("某某省人民政府工作报告\n支持湘雅医院滨湖院区建设，引进甲乙能源集团。\n", source="t.txt")
    ctx = doc_context(report.meta)
    tokens = sentence_tokens(report)
    places = find_places(report, ctx, tokens)
    assert any(p.type == "Facility" and p.name.endswith("院区") for p in places)
    names = [o.name for o in find_organizations(report, ctx, tokens, places)]
    assert names == ["甲乙能源集团"]


def test_exchanges() -> None:
    text = "深化甲乙航运交易所改革，加强与境内外证券交易所合作"
    assert organization_names(text) == ["甲乙航运交易所"]


def test_enterprises_named_by_a_trade_name_and_an_industry() -> None:
    assert organization_names("支持瑞恒药业、丙丁重工扩大产能") == ["瑞恒药业", "丙丁重工"]


def test_fields_places_and_counts_before_an_industry_word_are_no_enterprises() -> None:
    text = "大力发展汽车，壮大山东化工、石化化工，构建开放型汽车生态，新建十大钢铁项目"
    assert organization_names(text) == []


def test_bare_kinds_go_and_named_ones_stay() -> None:
    text = "推进高等研究院建设，组建农商银行，支持甲乙高等研究院和丙丁农商银行发展，建设卓越工程师学院"
    assert organization_names(text) == ["甲乙高等研究院", "丙丁农商银行"]


def test_a_graded_designation_kind_and_a_world_ranking() -> None:
    assert is_designation_kind("国家级省级质检中心")
    assert organization_names("甲乙大学进入软科世界大学学术排名前列") == ["甲乙大学"]


def test_named_laboratories_and_colleges_after_a_generic_ending() -> None:
    text = "支持瑞恒实验室、丙丁山实验室建设，新设湛江农林职业技术学院，推进城市公立医院改革"
    assert organization_names(text) == ["瑞恒实验室", "丙丁山实验室", "湛江农林职业技术学院"]


def test_kinds_and_counts_before_a_generic_ending_name_no_body() -> None:
    text = "建设高水平研究型医院，支持甲乙2个省实验室，构建开放型汽车生态实验室体系，加快市第三中心医院建设"
    assert organization_names(text) == ["市第三中心医院"]


def test_a_government_body_is_an_agency_not_an_organisation() -> None:
    assert organization_names("中国人民银行要加强货币政策调控，国家开发银行加大信贷支持") == ["国家开发银行"]


def test_a_building_verb_is_not_part_of_a_hospital_name() -> None:
    assert organization_names("改扩建县人民医院、县中医院") == ["县人民医院", "县中医院"]


def test_the_complement_of_a_split_verb_is_not_part_of_the_name() -> None:
    assert organization_names("用好昆仑系列实验室") == ["昆仑系列实验室"]


def test_cliques_and_blocs_are_no_enterprise_groups() -> None:
    assert organization_names("粉碎某某反党集团，同七十七国集团合作，反对帝国主义战争集团") == []
    assert organization_names("组建甲乙军工集团") == ["甲乙军工集团"]


def test_an_adverb_and_verb_word_or_a_growth_verb_opens_no_name() -> None:
    assert organization_names("充分发挥行业协会作用，培育壮大湘江能源集团") == ["湘江能源集团"]


def test_more_kinds_of_bodies_and_person_cliques() -> None:
    text = "开办函授大学和广播电视大学，组建城市合作银行和区域性商业银行，反对蒋介石集团，成立国家行政学院"
    assert organization_names(text) == ["国家行政学院"]


def test_a_clause_between_guo_jia_and_zhong_xin_is_no_body() -> None:
    text = "我们国家已进入了以发展民族经济为中心的阶段，建设国家甲乙技术转移中心"
    assert organization_names(text) == ["国家甲乙技术转移中心"]


def test_lists_closed_by_a_short_word_for_a_kind_of_enterprise() -> None:
    text = "深化与华远航运、中恒电建等央企合作，支持瑞驰、恒越等车企发展"
    assert organization_names(text) == ["华远航运", "中恒电建", "瑞驰", "恒越"]


def test_a_centre_still_to_be_bid_for_is_no_body() -> None:
    assert organization_names("争创国家海洋装备技术创新中心。") == []
    assert organization_names("申建甲乙材料、丙丁装备等领域国家制造业创新中心、国家矿产技术工程化中心。") == []


def test_a_centre_being_built_is_a_body_even_after_a_bid_in_another_clause() -> None:
    names = organization_names("争创一流营商环境，加快国家海洋装备技术创新中心建设。")
    assert names == ["国家海洋装备技术创新中心"]


def test_a_list_of_fields_of_business_names_no_enterprise() -> None:
    assert organization_names("鼓励社队兴办采矿、发电、冶炼、化工等企业。") == []
    assert organization_names("清查工矿、交通运输、建筑和商业等企业的仓库。") == []


def test_a_list_of_enterprise_names_with_a_field_word_stays() -> None:
    names = organization_names("支持甲乙睿、丙丁芯、中石化等企业发展。")
    assert names == ["甲乙睿", "丙丁芯", "中石化"]
