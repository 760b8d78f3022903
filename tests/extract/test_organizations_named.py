"""Tests of bodies named without a suffix the finder knows (intergovernmental organisations, national academies),
of 学会 and 研究中心, and of bodies named only inside a facility's name."""

from kg.extract.context import doc_context
from kg.extract.model import Place
from kg.extract.organizations import find_organizations, organization_names
from kg.loaders.load import load_text


def test_intergovernmental_organisations_are_organisations() -> None:
    assert organization_names("我国全面履行加入世界贸易组织的承诺。") == ["世界贸易组织"]
    assert organization_names("甲乙古村落被联合国教科文组织列入名录。") == ["联合国教科文组织"]
    assert organization_names("积极参与上海合作组织和亚太经合组织的活动。") == ["上海合作组织", "亚太经合组织"]


def test_the_longest_name_wins_inside_the_un_family() -> None:
    assert organization_names("支持联合国粮农组织在本省设立合作办公室。") == ["联合国粮农组织"]


def test_blocs_of_states_are_not_organisations() -> None:
    assert organization_names("扩大与东盟、金砖国家的经贸往来。") == []


def test_national_academies_are_organisations() -> None:
    assert organization_names("新增中国工程院院士2名。") == ["中国工程院"]
    assert "中科院" in organization_names("发挥中科院作用，支持中科院甲乙研究所。")


def test_named_societies_and_research_centres() -> None:
    assert organization_names("支持成立中国湿地科学学会。") == ["中国湿地科学学会"]
    assert organization_names("建成甲乙文明考古研究中心。") == ["甲乙文明考古研究中心"]


def test_engineering_research_centres_of_a_level_are_a_designation_kind() -> None:
    assert organization_names("新建省工程研究中心20家。") == []


def _bodies_beside_facility(lines: str, facility: str) -> tuple[int, dict[str, list[int]]]:
    """The sentence naming ``facility`` (a Facility place) and the organisations found with it given."""
    report = load_text(f"某某省人民政府工作报告\n{lines}", source="t.txt")
    index = next(s.index for s in report.sentences if facility in s.text)
    places = [Place(facility, "Facility", sentences=[index])]
    return index, {o.name: o.sentences for o in find_organizations(report, doc_context(report.meta), None, places)}


def test_a_body_named_only_inside_a_facility_is_part_of_that_place() -> None:
    index, found = _bodies_beside_facility("建成中国工程院甲乙医院丙丁分院。\n新增中国工程院院士2名。\n",
                                           "中国工程院甲乙医院丙丁分院")
    assert index not in found["中国工程院"]
    assert len(found["中国工程院"]) == 1


def test_a_unit_named_right_after_its_parent_joins_it() -> None:
    names = organization_names("中国科学院高原湖泊生态环境研究所正式成立。")
    assert names == ["中国科学院高原湖泊生态环境研究所"]


def test_a_parent_named_only_inside_its_units_name_is_no_body_of_its_own() -> None:
    assert organization_names("支持甲乙中医药大学附属医院丙丁医院建设。") == ["甲乙中医药大学附属医院丙丁医院"]
    assert organization_names("支持雁荡国家实验室浙江创新中心运行。") == ["雁荡国家实验室浙江创新中心"]


def test_a_parent_also_named_on_its_own_stays() -> None:
    names = organization_names("中国科学院高原湖泊生态环境研究所成立，中国科学院派出专家。")
    assert names == ["中国科学院", "中国科学院高原湖泊生态环境研究所"]


def test_bodies_of_a_list_are_not_joined() -> None:
    names = organization_names("依托甲乙集团、丙丁集团等龙头企业。")
    assert "甲乙集团丙丁集团" not in names


def test_central_enterprises_are_named_by_their_short_names() -> None:
    assert organization_names("推动中石化甲乙新材料项目落地。") == ["中石化"]
    assert organization_names("支持企业进入中国商飞供应体系。") == ["中国商飞"]
    assert organization_names("国电投通辽市、中能建赤峰市等一批风电项目建成。") == ["国电投", "中能建"]
    assert organization_names("加快国家管网储气库建设。") == ["国家管网"]


def test_a_short_name_inside_a_common_word_is_no_enterprise() -> None:
    assert organization_names("办好“中国航天日”活动，推动全国能源保供。") == []


def test_a_short_name_inside_other_words_is_no_body() -> None:
    assert organization_names("鼓励外国投资者扩大再投资。") == []
    assert organization_names("强化工作协同和政策集成。") == []


def test_a_suffix_after_a_named_body_is_part_of_its_name() -> None:
    assert "中国能建集团" in organization_names("推动中国能建集团储能项目落地。")


def test_bodies_named_by_a_role_are_a_class() -> None:
    assert organization_names("科创板、北交所上市公司数量居全国前列。") == []
    assert organization_names("推动FT账户试点银行扩容。") == []
    assert organization_names("支持甲乙银行扩大信贷投放。") == ["甲乙银行"]


def test_two_national_bodies_joined_by_he_are_no_one_name() -> None:
    assert organization_names("高标准建设华南国家植物园和深圳国际湿地中心。") == []
    assert organization_names("加快建设国家实验室和全国重点实验室。") == []


def test_a_national_body_with_two_fields_is_one_name() -> None:
    assert organization_names("设立国家药品和医疗器械审评检查华南分中心。") == ["国家药品和医疗器械审评检查华南分中心"]


def test_bodies_under_a_parent_are_a_class() -> None:
    assert organization_names("在教育部直属师范大学开展试点。") == []
    assert organization_names("组建大型煤炭企业集团。") == []
    assert organization_names("支持甲乙煤业集团发展。") == ["甲乙煤业集团"]


def test_a_clique_named_after_its_leader_after_its_country_is_no_group() -> None:
    assert organization_names("打击南朝鲜李承晚集团。") == []


def test_a_laboratory_named_inside_a_research_base_stays_a_body() -> None:
    index, found = _bodies_beside_facility("建成松江实验室寒地作物试验基地。\n", "松江实验室寒地作物试验基地")
    assert found["松江实验室"] == [index]


def test_a_region_before_a_national_designation_names_one_centre() -> None:
    assert organization_names("联合创建湘赣国家区域科技创新中心。") == ["湘赣国家区域科技创新中心"]
    assert organization_names("支持浙东国家技术创新中心建设。") == ["浙东国家技术创新中心"]


def test_a_field_of_common_words_or_a_count_before_a_designation_names_a_kind() -> None:
    assert organization_names("争取海洋领域国家技术创新中心落地。") == []
    assert organization_names("新建3个国家技术创新中心。") == []
    assert organization_names("加快企业国家技术创新中心建设。") == []


def test_a_body_before_a_designation_holds_a_title() -> None:
    assert organization_names("加快建设湘雅大学国家医学中心。") == ["湘雅大学"]


def test_a_national_hub_or_site_is_no_body() -> None:
    assert organization_names("支持甲市打造国家冷链物流中心。") == []
    assert organization_names("乙市申建国家集结中心。") == []
    assert organization_names("建设国家算力枢纽丙市数据中心。") == []
    assert organization_names("创建国家氢能计量中心。") == ["国家氢能计量中心"]


def test_a_blocs_centre_in_china_is_named_with_the_bloc() -> None:
    assert organization_names("金砖国家能源研究中国中心正式启用。") == ["金砖国家能源研究中国中心"]
    assert organization_names("建设上合组织国家科技中心。") == ["上合组织国家科技中心"]


def test_a_national_body_after_a_verb_opens_on_its_national_word() -> None:
    assert organization_names("推动落地国家技术转移某某中心。") == ["国家技术转移某某中心"]


def test_a_comprehensive_national_science_centre_is_named_by_its_place() -> None:
    assert organization_names("推动上海张江综合性国家科学中心建设。") == ["上海张江综合性国家科学中心"]
    assert organization_names("加快建设综合性国家科学中心。") == []  # the designation alone is a kind


def test_an_organisation_only_naming_a_meeting_is_no_body() -> None:
    assert organization_names("我们出席了亚太经合组织第十次领导人非正式会议。") == []
    assert organization_names("办好世界贸易组织农业部长会议。") == []
    assert organization_names("承办国际劳工组织（ILO）高官会。") == []


def test_an_organisation_before_its_own_work_stays_a_body() -> None:
    assert organization_names("亚太经合组织领导人非正式会议在此举行，我们支持亚太经合组织的工作。") == ["亚太经合组织"]
    assert organization_names("积极参与世界卫生组织大会。") == ["世界卫生组织"]
