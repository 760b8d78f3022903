"""Tests of the plan finder."""

import pytest

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


def test_shared_head_is_distributed_over_proper_conjuncts() -> None:
    assert plan_names("实施国家节水和长江流域供水节水增效行动") == ["国家节水行动", "长江流域供水节水增效行动"]
    assert plan_names("实施农村留守儿童和困境儿童关爱服务提升计划") == ["农村留守儿童和困境儿童关爱服务提升计划"]
    assert plan_names("实施乡村振兴青年人才、千名博士助企服务专项计划") == [
        "千名博士助企服务专项计划",
        "乡村振兴青年人才专项计划",
    ]


def test_short_ranked_or_quoted_conjuncts_do_not_share_the_head() -> None:
    assert plan_names("争创全国居家和社区基本养老服务提升试点市") == ["居家和社区基本养老服务提升试点"]
    assert plan_names("用党的创新理论统一思想、统一意志、统一行动") == []
    assert plan_names("争创省级卫星镇、县域次中心镇、特色专业镇试点") == []
    assert plan_names("开展东西协作、结对帮扶和“百企帮百村”行动") == ["“百企帮百村”行动"]
    assert plan_names("实施改进作风、访企入村专题行动") == ["访企入村专题行动"]
    assert plan_names("实施汾河谷地、太原盆地空气质量提升行动") == ["汾河谷地、太原盆地空气质量提升行动"]
    assert plan_names("实施甲工作方案、乙地空气质量提升行动") == ["乙地空气质量提升行动"]


def test_a_lead_verb_is_no_pivot() -> None:
    assert plan_names("实施乡村振兴青年人才专项计划") == ["乡村振兴青年人才专项计划"]
    assert plan_names("支持企业参与青溪河综合治理项目") == ["青溪河综合治理项目"]


def test_built_project_keeps_its_coordinated_stem_and_drops_a_list() -> None:
    assert plan_names("推进城市绿道提升和滨河路网改造项目") == ["城市绿道提升和滨河路网改造项目"]
    assert plan_names("推进甲高铁、乙机场改扩建工程") == ["乙机场改扩建工程"]
    assert plan_names("实施重大基础设施和重点民生工程") == []


def test_quoted_conversion_programmes_need_no_head() -> None:
    assert plan_names("全面推进“油改气”改造，坚持“以竹代塑”") == ["“油改气”", "“以竹代塑”"]
    assert plan_names("深化“三项改革”，加快产业“链式改造”") == []


def test_conversion_programme_keeps_its_topic_without_place_or_predicate() -> None:
    assert plan_names("编制某县冬季清洁取暖“煤改气”工作方案") == ["冬季清洁取暖“煤改气”"]
    assert plan_names("青溪市积极推进“煤改气”") == ["“煤改气”"]
    assert plan_names("推广清洁取暖“油改电”“煤改电”等项目") == ["“油改电”", "“煤改电”"]


def test_quoted_service_integration_programmes() -> None:
    assert plan_names("推进政务服务“一网协同”，建设“水利一张网”") == ["“一网协同”", "“水利一张网”"]
    assert plan_names("更好关爱“一老一小”，防止“一刀切”") == []


def test_quoted_campaign_before_activity_noun() -> None:
    assert plan_names("持续开展“你点我检”食品抽检活动") == ["“你点我检”食品抽检活动"]
    assert plan_names("开展“送温暖”等活动，推动全民健身活动") == []
    assert plan_names("开展“陕耀全球”拓市场抓订单活动") == []


def test_movement_named_by_a_proper_noun_not_a_sport() -> None:
    assert plan_names("深入开展爱国卫生运动") == ["爱国卫生运动"]
    assert plan_names("大力发展冰雪运动") == []


def test_provincial_key_projects_are_a_rank() -> None:
    assert plan_names("申报省重点研发项目5项") == []


def test_new_round_does_not_open_a_quoted_name() -> None:
    assert plan_names("实施新一轮城市品质“提升计划”") == ["城市品质“提升计划”"]


def test_head_joined_to_building_and_bullet_trains() -> None:
    assert plan_names("加快“五水共治”工程建设") == ["“五水共治”工程"]
    assert plan_names("实现两市开行动车组") == []


def test_bare_quoted_short_form_merges_into_the_full_name(make_report) -> None:
    report = make_report("实施冬季清洁取暖“煤改电”工作。对“煤改电”用户给予补贴。")
    found = {p.name: p for p in find_plans(report, doc_context(report.meta), [])}
    assert list(found) == ["冬季清洁取暖“煤改电”"]
    assert found["冬季清洁取暖“煤改电”"].sentences == [0, 1]


def test_a_national_census_is_named_by_its_ordinal() -> None:
    assert plan_names("开展第五次全国经济普查，做好人口抽样普查") == ["第五次全国经济普查"]


def test_adverb_tag_before_a_noun_in_object_position_is_a_noun() -> None:
    assert plan_names("实施自然保护地“清源”行动") == ["自然保护地“清源”行动"]


def test_building_of_works_in_general_is_no_name() -> None:
    assert plan_names("有序推进工程建设") == []


def test_programmes_a_clause_rejects_are_not_plans() -> None:
    assert plan_names("坚决防止急功近利、搞“形象工程”“政绩工程”。") == []
    assert plan_names("不搞劳民伤财的“面子工程”，深入实施“千万工程”。") == ["“千万工程”"]


def test_adverb_opens_the_predicate_not_the_name() -> None:
    assert plan_names("我们要努力扩大对外工程。") == []
    assert plan_names("坚持严格规范高危项目。") == []
    assert plan_names("积极推进乡村振兴示范工程。") == ["乡村振兴示范工程"]
    assert plan_names("大力实施“春风”行动。") == ["“春风”行动"]


def test_size_class_of_projects_is_no_programme() -> None:
    assert plan_names("引进落地亿元以上项目904个，实施新增规模以上工业企业行动。") == []
    assert plan_names("实施县域百亿产业培育行动。") == ["县域百亿产业培育行动"]


def test_head_taken_as_the_object_of_a_verb_ends_no_name() -> None:
    assert plan_names("各基层单位严格执行计划，新型合作医疗制度开始试点，有计划地推进。") == []
    assert plan_names("实施职业技能提升行动。") == ["职业技能提升行动"]


def test_complement_after_a_one_character_verb_opens_no_name() -> None:
    assert plan_names("学好用好“千万工程”经验。") == ["“千万工程”"]
    assert plan_names("用好重大科技任务“揭榜挂帅”机制。") == ["重大科技任务“揭榜挂帅”机制"]


def test_an_amount_spent_on_projects_is_no_plan_name() -> None:
    """Regression: 地方政府专项债券资金1327亿元支持项目 was taken for a programme."""
    assert plan_names("安排专项债券资金860亿元支持项目建设") == []


def test_a_preposition_opens_no_plan_name() -> None:
    assert plan_names("落实关于城镇老旧小区改造工程的部署") == []


def test_a_five_year_plan_is_a_policy_not_an_action_plan() -> None:
    assert plan_names("着手研究制定“九五”计划。") == []
    assert plan_names("实施“十四五”规划重大工程。") == ["“十四五”规划重大工程"]


def test_a_rated_facility_named_by_a_place_is_a_project() -> None:
    """220千伏某地输变电工程: the rating opens the name of one facility; without a proper noun it is a class."""
    assert plan_names("推进220千伏宁山输变电工程建设。") == ["220千伏宁山输变电工程"]
    assert plan_names("开工建设500千伏输变电工程。") == []
    listed = plan_names("实施500千伏泰山变电站及汾河220千伏输变电工程。")
    assert "500千伏泰山变电站及汾河220千伏输变电工程" not in listed  # two facilities, not one name


def test_counted_and_prepositional_stems_are_no_names() -> None:
    assert plan_names("新开工一大批重大工程。") == []
    assert plan_names("对三大攻坚战进行总结。") == []


@pytest.mark.parametrize(
    "text",
    [
        "我区纳入国家试点。",
        "中央投资主要投向保障性安居工程。",
        "产量没有完成计划。",
        "现在必须立即行动。",
        "超额完成计划。",
    ],
)
def test_a_clause_is_no_plan_name(text: str) -> None:
    assert plan_names(text) == []


def test_a_quoted_clause_stays_a_name() -> None:
    assert plan_names("完善“管行业必须管招商”机制。") == ["“管行业必须管招商”机制"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("组织实施一批“青山绿库”项目。", "“青山绿库”项目"),
        ("打造20个以上“好邻里”示范项目。", "“好邻里”示范项目"),
        ("建设300个农村“水缸子”项目。", "农村“水缸子”项目"),
    ],
)
def test_a_count_before_a_quoted_programme_is_cut_off(text: str, name: str) -> None:
    """一批“某某”项目: the count says how many projects the named programme has; the name starts after it."""
    assert plan_names(text) == [name]


def test_a_count_without_a_quoted_name_still_rejects() -> None:
    assert plan_names("实施一批重点项目，推进“两重”项目。") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("积极争取国家重大改革试点。", ["国家重大改革试点"]),  # 积极争取: no name opens with an adverb and its verb
        ("严格控制“两高”项目。", []),  # what is left is a counted category
        ("推进全面振兴新突破三年行动。", ["全面振兴新突破三年行动"]),  # 全面 is no predicate adverb
    ],
)
def test_a_name_opening_with_a_predicate_adverb_loses_it(text: str, names: list[str]) -> None:
    assert plan_names(text) == names


def test_the_part_count_of_a_quoted_programme_stays_in_its_name() -> None:
    """“某某”25项行动: the count right before the head tells the programme's parts; a bare count still rejects."""
    assert plan_names("实施城市治理“治改提创”25项行动。") == ["城市治理“治改提创”25项行动"]
    assert plan_names("实施26项重点工程。") == []


def test_campaign_named_by_a_verb_and_its_object() -> None:
    assert plan_names("全市深入实施扩大内需专项行动，带动消费回升") == ["扩大内需专项行动"]
    assert plan_names("组织开展保障农民工工资支付攻坚行动") == ["保障农民工工资支付攻坚行动"]
    assert plan_names("推进稳定就业岗位三年行动，落实补贴") == ["稳定就业岗位三年行动"]
    assert plan_names("实施好增储上产突破行动") == ["增储上产突破行动"]  # 好 completes the verb
    assert plan_names("开展大力改善营商环境行动") == ["改善营商环境行动"]


def test_verb_object_campaign_needs_a_carrying_out_verb_and_a_whole_stem() -> None:
    assert plan_names("统一思想、统一步调、统一行动") == []
    assert plan_names("以实际行动推进改革") == []
    assert plan_names("实施12项提升行动") == []  # counted
    assert plan_names("开展社区整治提升等专项行动") == []  # listed kinds
    assert plan_names("提振消费专项行动成效明显") == []  # no verb carries it out in this clause
    assert plan_names("实施扩大内需项目") == []  # a built project needs a proper noun


def test_carried_out_campaign_keeps_the_verb_jieba_cut_off() -> None:
    assert plan_names("实施好扩大有效投资攻坚行动") == ["扩大有效投资攻坚行动"]
    assert plan_names("深入开展降低企业融资成本专项行动") == ["降低企业融资成本专项行动"]
    assert plan_names("加快推进美丽河湖建设行动") == ["美丽河湖建设行动"]  # 加快 carries out no campaign


def test_deng_inside_a_word_is_no_list() -> None:
    assert plan_names("实施高等教育内涵提升三年行动") == ["高等教育内涵提升三年行动"]
    assert plan_names("开展乡村、社区等专项行动") == []  # 等 closes a list of kinds
    assert plan_names("开展“购在本市”等促消费活动") == []  # jieba joins 等 to the next word


def test_stem_holding_an_earlier_quoted_name_gives_the_quoted_names() -> None:
    names = plan_names("实施中学教育“攀高计划”和职业院校“匠心计划”")
    assert "中学教育“攀高计划”" in names
    assert not any("和" in n for n in names)


def test_carried_out_campaign_with_two_short_objects_is_one_name() -> None:
    assert plan_names("实施预防和青少年近视防控能力提升计划") == ["预防和青少年近视防控能力提升计划"]
    assert "托育服务扩容和养老服务提质行动" not in plan_names("实施托育服务扩容和养老服务提质行动")  # two


def test_programme_carried_out_by_shishi_is_named_by_its_stem() -> None:
    assert plan_names("深入实施制造业焕新工程，培育新动能") == ["制造业焕新工程"]
    assert plan_names("实施农产品品牌提升工程") == ["农产品品牌提升工程"]


def test_works_counted_or_built_are_no_carried_out_programme() -> None:
    assert plan_names("实施农村供水工程300处") == []  # counted works
    assert plan_names("推进农村供水工程") == []  # 推进 may be building works
    assert plan_names("实施省级重点工程") == []  # a rank of works


def test_carried_out_name_skips_aspect_particles_and_stops_at_coordinated_verbs() -> None:
    assert plan_names("实施了扩大内需专项行动") == ["扩大内需专项行动"]
    assert plan_names("实施了300多项技术改造示范工程") == []  # counted
    assert plan_names("深入推进和努力普及全民健身行动") == []  # 和 opens a second verb phrase


def test_quoted_name_read_with_its_rejecting_verb_is_no_plan() -> None:
    assert plan_names("不搞花架子，杜绝“面子工程”“盆景工程”。") == []
    assert plan_names("杜绝“面子工程”") == []
    assert plan_names("推进防止返贫致贫攻坚行动") == ["防止返贫致贫攻坚行动"]  # 防止 without a quote opens a campaign


def test_a_list_of_campaigns_shares_the_carrying_out_verb() -> None:
    names = plan_names("实施乡村旅游提质行动、茶产业振兴行动、优质肉牛工程")
    assert names == ["乡村旅游提质行动", "茶产业振兴行动", "优质肉牛工程"]
    assert plan_names("加强社区治理、茶产业振兴行动") == []  # no carrying-out verb before the list


def test_the_sites_of_a_pilot_are_no_programme() -> None:
    assert plan_names("建成传统民居改造试点村56个，新增试点县4个。") == []
    assert plan_names("推进传统民居改造试点，扩大覆盖范围。") == ["传统民居改造试点"]


def test_projects_of_a_stage_are_a_category() -> None:
    assert plan_names("加快推进城际铁路续建项目，完成存量燃机项目改造。") == []
    assert plan_names("开工建设滨江大道快速路项目。") == ["滨江大道快速路项目"]


def test_a_quoted_count_of_project_classes_is_no_project() -> None:
    assert plan_names("滚动实施“五张清单”项目，推进“三个一批”项目。") == []
    assert plan_names("实施“金种子”项目。") == ["“金种子”项目"]


def test_a_pilot_before_its_demonstration_is_named() -> None:
    assert plan_names("开展煤电低碳化改造试点示范。") == ["煤电低碳化改造试点"]


def test_a_thing_the_report_curbs_is_no_campaign() -> None:
    assert plan_names("高度警惕和坚决遏制“邪教”渗透活动。") == []
    assert plan_names("开展“清风”宣传活动。") == ["“清风”宣传活动"]


def test_a_conversion_named_by_its_shape_needs_no_verb_nor_length() -> None:
    assert plan_names("适度调减种植面积，煤改气试点面积扩大到100万户。") == ["煤改气试点"]
    assert plan_names("有序推进煤改电工程。") == ["煤改电工程"]
    assert plan_names("推进三项改革试点，实施转型试点，推动企业改制项目。") == []


def test_counted_works_are_a_kind_not_a_named_project() -> None:
    assert plan_names("实施老旧街区更新项目320个，完成河湖生态修复工程12处。") == []
    assert plan_names("完成“带土移植”“揭榜挂帅”项目各1个") == ["“带土移植”项目", "“揭榜挂帅”项目"]


def test_works_of_a_class_are_no_named_project() -> None:
    assert plan_names("谋划实施片区类城市更新项目。") == []
    assert plan_names("实施农业龙头企业分类培育计划。") == ["农业龙头企业分类培育计划"]
    assert plan_names("开展劣V类水体剿灭专项行动。") == ["劣V类水体剿灭专项行动"]


def test_a_verb_of_handling_opens_no_name_however_it_is_tagged() -> None:
    assert plan_names("建立健全招商引资项目全流程服务机制。") == []


def test_a_quoted_sentence_or_clause_is_no_name() -> None:
    assert plan_names("汇聚“群众有期盼，我们见行动”的强大合力。") == []
    assert plan_names("推动“开展绿色金融改革试点”写入规划。") == []
    assert plan_names("实施“扩量、提质、延链、增效”行动。") == ["“扩量、提质、延链、增效”行动"]


def test_a_round_alone_names_no_programme() -> None:
    assert plan_names("启动新一轮三年行动，推动出台条例。") == []
    assert plan_names("实施新一轮农村公路提升行动。") == ["新一轮农村公路提升行动"]


def test_a_quoted_mechanism_may_say_what_it_does_before_its_head() -> None:
    assert plan_names("健全农村“双优”促进机制，培养新型职业农民。") == ["农村“双优”促进机制"]
    assert plan_names("完善“三直一快”工作机制。") == ["“三直一快”工作机制"]
    assert plan_names("推广“清单制”“积分制”治理模式。") == []  # a 模式 of a kind, not one mechanism


def test_things_listed_before_a_quoted_mechanism_are_not_its_name() -> None:
    assert plan_names("完善河港、铁港、空港“三港协同”机制。") == ["“三港协同”机制"]
    assert plan_names("完善空港“三港协同”机制。") == ["空港“三港协同”机制"]  # one noun: the mechanism's scope


def test_the_number_of_a_point_opens_the_clause_before_its_verb() -> None:
    assert plan_names("三要实施教育数字化提升工程。") == ["教育数字化提升工程"]
    assert plan_names("四要实施教育评价改革攻坚行动。") == ["教育评价改革攻坚行动"]


def test_a_quote_carried_out_as_a_whole_object_is_a_programme() -> None:
    assert plan_names("滚动实施“六个百项”，选树一批标杆企业。") == ["“六个百项”"]
    assert plan_names("常态化开展“清障护路”。") == ["“清障护路”"]
    assert plan_names("今年大力开展“清河净岸”，巩固治理成效。") == ["“清河净岸”"]  # 大力开展: one word
    assert plan_names("全面实施“一码查企”。") == ["“一码查企”"]
    assert plan_names("统筹推进“两强一振兴”，全面实施“三大战略”。") == []  # a slogan advanced, a strategy
    assert plan_names("深入开展“清障、护路”。") == []  # a quoted list
    assert plan_names("实施“六个百项”带动投资。") == []  # not the whole object
