"""Tests of the plan finder."""

from kg.extract.context import doc_context
from kg.extract.plans import find_plans, plan_names


def test_quoted_and_modified_names() -> None:
    assert plan_names("持续实施“归雁兴聊”计划，推进新一轮“四减四增”行动") == ["“归雁兴聊”计划", "“四减四增”行动"]
    assert plan_names("实施医疗服务能力“攀登计划”") == ["医疗服务能力“攀登计划”"]
    assert plan_names("深入开展美丽河湖建设行动") == ["美丽河湖建设行动"]


def test_consecutive_quotes_give_one_plan_each() -> None:
    assert plan_names("完成“带土移植”“揭榜挂帅”项目各1个") == ["“带土移植”项目", "“揭榜挂帅”项目"]


def test_generic_phrases_are_not_plans() -> None:
    assert plan_names("实施一批重点项目，开展集中整治行动，实施26项电力工程") == []


def test_action_plan_list_items_and_responsible_agency(make_report) -> None:
    items = [("2023年重点行动计划清单", "制造业三年攻坚突破行动：推动制造业发展。", None)]
    report = make_report("由市建委牵头，推进大伙房输水配套二期工程。", items=items)
    found = {p.name: p for p in find_plans(report, doc_context(report.meta), [])}
    assert found["大伙房输水配套二期工程"].agency == "市建委"
    assert "制造业三年攻坚突破行动" in found


def test_name_starts_after_the_verb_not_at_it() -> None:
    assert plan_names("加快建设青溪河综合治理项目") == ["青溪河综合治理项目"]
    assert plan_names("全面推进农业机械化三年攻坚行动") == ["农业机械化三年攻坚行动"]
    assert plan_names("要深入实施新型工业化战略行动") == ["新型工业化战略行动"]


def test_pivot_verb_passes_the_name_to_the_second_verb() -> None:
    assert plan_names("支持企业参与青溪河综合治理项目") == ["青溪河综合治理项目"]
    assert plan_names("鼓励社会资本参与城市更新项目") == ["城市更新项目"]


def test_verbs_inside_a_name_stay() -> None:
    assert plan_names("开展重点行业突出问题集中整治行动") == ["重点行业突出问题集中整治行动"]
    assert plan_names("推进南湖引水配套二期工程") == ["南湖引水配套二期工程"]


def test_coordinated_actions_share_the_head() -> None:
    assert plan_names("实施新一轮蔬菜产能提升和果品单产提升行动") == ["果品单产提升行动", "新一轮蔬菜产能提升行动"]
    assert plan_names("实施强省会行动和强县域行动") == ["强省会行动", "强县域行动"]


def test_head_inside_a_word_or_followed_by_kind_is_not_a_name() -> None:
    assert plan_names("落实计划生育政策，推进工程化应用") == []
    assert plan_names("加快青溪河综合治理工程项目建设") == ["青溪河综合治理工程"]


def test_whole_quoted_names_keep_their_quotes() -> None:
    assert plan_names("深化运用“千万工程”经验") == ["“千万工程”"]


def test_counted_or_described_projects_are_not_names() -> None:
    assert plan_names("推出更多水上观光休闲项目，全年落地过亿元项目") == []
    assert plan_names("推进省重点项目和民生工程") == []


def test_a_verb_chain_is_not_part_of_the_name() -> None:
    assert plan_names("深化学习运用“千万工程”经验") == ["“千万工程”"]
    assert plan_names("完善民企参与重大项目建设机制") == []


def test_short_object_after_a_noun_and_verb_is_no_pivot() -> None:
    assert plan_names("开展稳岗扩容提质行动") == ["稳岗扩容提质行动"]


def test_direction_word_of_a_place_and_phase_stay_in_the_name() -> None:
    assert plan_names("实施北部城区供热工程，建成青湖公园一期工程") == ["北部城区供热工程", "青湖公园一期工程"]
    assert plan_names("自觉在思想上行动") == []


def test_verb_with_complement_and_verbal_noun_before_quotes_are_predicates() -> None:
    assert plan_names("持续做实专项债券项目“自审自发”试点") == ["专项债券项目“自审自发”试点"]
    assert plan_names("优化“一键申报”机制") == ["“一键申报”机制"]


def test_rank_and_time_words_do_not_open_a_name() -> None:
    assert plan_names("创建省级城市更新试点") == []
    assert plan_names("年内完成居民小区改造提升试点") == ["居民小区改造提升试点"]


def test_counted_category_in_quotes_is_no_project_name() -> None:
    assert plan_names("坚决遏制“两高”项目盲目发展，推进“带土移植”项目") == ["“带土移植”项目"]


def test_after_de_the_phrase_is_a_noun_phrase() -> None:
    assert plan_names("推进总处理能力25万吨的工业固体废物处置中心二期工程建设") == ["工业固体废物处置中心二期工程"]
